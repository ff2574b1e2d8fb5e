// No reply lost to a crash: a real bot process (npm run telegram, polling, the real app) is killed
// with SIGKILL while its reply is on the way (the local Bot API server holds sendMessage), Telegram
// redelivers the update to a restarted bot — which answers it, exactly once — and later redeliveries
// are duplicates. The files the bot created are private to its user.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';
import { makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';
import { spawnTs } from './support/spawn-ts.js';

let corpus: TempCorpus;
let api: TelegramApiServer;
const children: ChildProcess[] = [];

beforeEach(async () => {
  corpus = makeTempCorpus({ prefix: 'delivery-crash-', seeds: ['001_dce2b776d6aca6c3.txt'] });
  api = await TelegramApiServer.start();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api.close();
  corpus.remove();
});

interface Bot {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The bot as one process (node with tsx's loader, no wrapper), so the pid we kill is the bot itself. */
function startBot(): Bot {
  const child = spawnTs('adapters/telegram/main.ts', [], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '', HOME: corpus.root, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot,
      CORPUS_DIR: corpus.corpusDir, INDEX_DIR: corpus.indexDir, DB_PATH: corpus.dbPath, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'info',
    },
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, exited };
}

const QUESTION = '露天巷的巷道有多长？';

describe('a reply cut off by kill -9', () => {
  it('is answered exactly once when Telegram redelivers the update to the restarted bot', async () => {
    const update = api.pushUpdate(privateText(QUESTION, 777));
    api.holdNext('sendMessage'); // the reply leaves the bot but never completes
    const first = startBot();
    await api.waitFor(() => api.held.some((c) => Number(c.params.chat_id) === 777), 90_000, 'the first reply to be on its way');
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(api.sentTo(777)).toHaveLength(0); // the resident got nothing
    // The dead bot's long poll must end first, or the redelivery would be handed to a closed socket.
    await api.waitFor(() => api.pendingPolls === 0, 10_000, 'the killed bot\'s poll to end');

    const second = startBot();
    api.pushUpdate(update); // Telegram redelivers the unconfirmed update
    await api.waitFor(() => api.sentTo(777).length === 1, 60_000, 'the answer after the restart');
    expect(second.stderr()).toContain('store.delivery_taken_over');

    // Later redeliveries are duplicates now that the reply went out; a new question still gets its answer.
    api.pushUpdate(update);
    api.pushUpdate(privateText('巷道改造是哪一年启动的？', 777));
    await api.waitFor(() => api.sentTo(777).length >= 2, 30_000, 'the next answer');
    second.child.kill('SIGTERM');
    expect((await second.exited).code, second.stderr()).toBe(0);
    const replies = api.sentTo(777).map((c) => String(c.params.text));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain('500米');
    expect(second.stderr()).toContain('telegram.duplicate_update');

    // Everything the bot wrote is private to its user.
    expect(fs.statSync(corpus.dbPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(path.dirname(corpus.dbPath), 'data-secret')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(corpus.indexDir).mode & 0o777).toBe(0o700);
    const current = fs.readFileSync(path.join(corpus.indexDir, 'CURRENT'), 'utf8').trim();
    for (const name of fs.readdirSync(path.join(corpus.indexDir, current))) {
      expect(fs.statSync(path.join(corpus.indexDir, current, name)).mode & 0o077, name).toBe(0);
    }
  }, 240_000);
});
