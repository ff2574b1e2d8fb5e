// `npm run telegram` as a real process (adapters/telegram/main.ts under tsx's loader) against the local Bot API server.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AskResponse } from '../src/ports.js';
import { openInteractionStore } from '../src/store/sqlite.js';
import { createPrivacyKeys, loadDataSecret } from '../src/privacy/keys.js';
import { chatKey } from '../adapters/telegram/bot.js';
import { createMemoryLogger } from '../src/log.js';
import { renderAnswer, sourceLine, escapeHtml } from '../adapters/telegram/render.js';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';
import { freePort } from './support/net.js';
import { patience } from './support/limits.js';
import { runTs } from './support/spawn-ts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const runScript = runTs;

const runTelegram = (env: Record<string, string>, onStart?: (child: ChildProcess) => void) =>
  runScript('adapters/telegram/main.ts', [], env, 60_000, onStart);

let tmp: string;
let api: TelegramApiServer;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'telegram-main-'));
  api = await TelegramApiServer.start();
});

afterEach(async () => {
  await api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run telegram', () => {
  it('stops with one message listing every configuration problem (exit 2), token never printed', async () => {
    const result = await runTelegram({
      TELEGRAM_BOT_TOKEN: 'secret-but-malformed-token', TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_PATH: 'telegram', RETRIEVAL_K: '0',
      DB_PATH: path.join(tmp, 'bot.sqlite'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/configuration has 4 problem\(s\)/);
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_PATH', 'RETRIEVAL_K']) expect(result.stderr).toContain(name);
    expect(result.stderr + result.stdout).not.toContain('secret-but-malformed-token');
  });

  it('says Telegram rejected the token (401), without printing it (exit 3)', async () => {
    const token = '123:WRONG_but_wellformed_token_xyz';
    const result = await runTelegram({
      TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: api.apiRoot, DB_PATH: path.join(tmp, 'bot.sqlite'), EMBEDDING_MODEL: 'none',
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Telegram rejected the token \(401\)/);
    expect(result.stderr + result.stdout).not.toContain(token);
    expect(api.rejected.map((c) => c.method)).toEqual(['getMe']);
  });
});

describe('npm run telegram with the real app over the seed documents', () => {
  const QUESTION = '高龄津贴怎么申请？';
  const SECRET = 'e2e_secret-42';

  /** What `npm run ask -- --json` answers, over the same index. */
  async function askCli(coreEnv: Record<string, string>): Promise<AskResponse> {
    const result = await runScript('src/cli/ask.ts', ['--json', QUESTION], { ...coreEnv, DB_PATH: path.join(tmp, 'ask.sqlite') }, 60_000);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as AskResponse;
  }

  function expectSameAnswer(sent: string[], expected: AskResponse): void {
    expect(expected.answer.length).toBeGreaterThan(0);
    expect(sent.join('\n')).toContain(escapeHtml(expected.answer.trim()).slice(0, 200));
    const cited = expected.sources.filter((s) => expected.citations.includes(s.rank));
    for (const s of cited) expect(sent.join('\n')).toContain(escapeHtml(sourceLine(s)));
    expect(sent).toEqual(renderAnswer(expected));
  }

  it('gives the same answer as `npm run ask`, in webhook mode (127.0.0.1, secret) and polling mode; SIGTERM exits 0', async () => {
    const coreEnv = { CORPUS_DIR: path.join(ROOT, 'seeds'), INDEX_DIR: path.join(tmp, 'index'), EMBEDDING_MODEL: 'none' };
    const expected = await askCli(coreEnv);
    const botDb = path.join(tmp, 'bot.sqlite');
    const telegramEnv = { ...coreEnv, DB_PATH: botDb, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot };

    // Webhook mode: the bot registers its URL with the secret, then Telegram (here: fetch) POSTs the update.
    const port = await freePort();
    let child!: ChildProcess;
    const webhookRun = runTelegram({
      ...telegramEnv, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    }, (c) => (child = c));
    await api.waitFor(() => api.callsOf('setWebhook').length === 1, 45_000, 'setWebhook');
    expect(api.callsOf('setWebhook')[0].params.secret_token).toBe(SECRET);
    const post = (secret: string) => fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret },
      body: JSON.stringify({ update_id: 500, ...privateText(QUESTION, 301) }),
    });
    expect((await post('not-the-secret')).status).toBe(401);
    expect((await post(SECRET)).status).toBe(200);
    await api.waitFor(() => api.sentTo(301).some((c) => c.params.reply_markup), 30_000, 'the webhook answer');
    expectSameAnswer(api.sentTo(301).map((c) => String(c.params.text)), expected);
    child.kill('SIGTERM');
    const webhookExit = await webhookRun;
    expect(webhookExit.code, webhookExit.stderr).toBe(0);
    expect(webhookExit.stderr).toContain('"event":"telegram.stopped"'); // the graceful path, not a kill

    // Polling mode, same bot database.
    const pollingRun = runTelegram({ ...telegramEnv, TELEGRAM_MODE: 'polling' }, (c) => (child = c));
    api.pushUpdate(privateText(QUESTION, 302));
    await api.waitFor(() => api.sentTo(302).some((c) => c.params.reply_markup), 45_000, 'the polling answer');
    expectSameAnswer(api.sentTo(302).map((c) => String(c.params.text)), expected);
    expect(api.callsOf('deleteWebhook').length).toBeGreaterThanOrEqual(1);
    child.kill('SIGTERM');
    const polled = await pollingRun;
    expect(polled.code, polled.stderr).toBe(0);
    expect(polled.stderr).toContain('"event":"telegram.stopped"');
    expect(webhookExit.stderr + polled.stderr).not.toContain(api.token);

    // The service logged both questions (once each) for the staff views, with feedback ids on the buttons.
    const store = openInteractionStore(botDb, createMemoryLogger());
    try {
      const [day] = await store.stats(0);
      expect(day).toMatchObject({ channel: 'telegram', questions: 2 });
      const button = api.sentTo(302).at(-1)!.params.reply_markup.inline_keyboard[0][0].callback_data as string;
      const id = Number(button.split(':')[2]);
      // Stored under the keyed hash of the chat id, made with the secret the bot generated beside its database.
      const keys = createPrivacyKeys(loadDataSecret({ dbPath: botDb }).secret);
      expect(await store.getInteraction(id)).toMatchObject({ question: QUESTION, chatId: chatKey(keys, 302), channel: 'telegram' });
    } finally {
      await store.close();
    }
  });
});
