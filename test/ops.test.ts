// The operator endpoints (src/ops): /healthz, /readyz and /metrics on the Telegram webhook server, the Slack
// HTTP server, and the OPS_PORT server that polling mode uses — over the real app (index built from the seeds,
// SQLite store), with questions arriving the way the platforms send them.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTelegram, type RunningTelegram } from '../adapters/telegram/main.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { loadSlackConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { openApp, type App } from '../src/app.js';
import { privacyFacts } from '../src/privacy/notice.js';
import { lexicalEnv, makeTempCorpus, type TempCorpus } from './support/corpus.js';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';
import { eventCallback, mention, postSigned, startSlackApiServer, waitFor } from './support/slack-api-server.js';

const SECRET = 'ops_test_secret';
const QUESTION = '露天巷的巷道有多长？';

let corpus: TempCorpus;
let api: TelegramApiServer;
const running: RunningTelegram[] = [];

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'ops-' });
  api = await TelegramApiServer.start();
});
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
afterAll(async () => {
  await api?.close();
  corpus?.remove();
});

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url, { method });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The value of one sample line of the Prometheus text, or undefined when the series is absent. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function telegram(extra: Record<string, string>): Promise<RunningTelegram> {
  const env = { ...lexicalEnv(corpus), TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...extra };
  const r = await startTelegram({ env, cwd: corpus.root, logger: createMemoryLogger(), pollTimeoutSeconds: 1, drainTimeoutMs: 3000 });
  running.push(r);
  return r;
}

describe('Telegram webhook server', () => {
  it('serves /healthz, /readyz and /metrics beside the webhook, counts and times the questions, and reports a locked store', async () => {
    const r = await telegram({ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: '0', TELEGRAM_WEBHOOK_SECRET: SECRET });
    const base = `http://127.0.0.1:${r.port}`;

    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready', index: { ok: true, detail: expect.stringMatching(/^gen-.*5 documents, \d+ chunks/) }, store: { ok: true } });

    const before = await get(`${base}/metrics`);
    expect(before.type).toContain('text/plain');
    expect(sample(before.body, 'bot_questions_total{channel="telegram",language="zh",outcome="answered"}')).toBeUndefined();
    expect(sample(before.body, 'bot_index_chunks')).toBeGreaterThan(0);
    expect(sample(before.body, 'bot_index_documents')).toBe(5);
    expect(before.body).toMatch(/^bot_index_generation_info\{generation="gen-[^"]+",vectors="false"\} 1$/m);

    const post = await fetch(`${base}/telegram`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify({ update_id: 1, ...privateText(QUESTION, 701) }),
    });
    expect(post.status).toBe(200);
    await api.waitFor(() => api.sentTo(701).some((c) => c.params.reply_markup), undefined, 'the answer');

    const after = (await get(`${base}/metrics`)).body;
    expect(sample(after, 'bot_questions_total{channel="telegram",language="zh",outcome="answered"}')).toBe(1);
    expect(sample(after, 'bot_answer_duration_seconds_count{channel="telegram",outcome="answered"}')).toBe(1);
    expect(sample(after, 'bot_answer_duration_seconds_bucket{le="+Inf",channel="telegram",outcome="answered"}')).toBe(1);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    // Wrong method, unknown path: the webhook path rules still apply.
    expect((await get(`${base}/metrics`, 'POST')).status).toBe(405);
    expect((await get(`${base}/nope`)).status).toBe(404);

    // Another process holds the database's write lock: not ready, and says why.
    const holder = new Database(corpus.dbPath, { timeout: 0 });
    try {
      holder.exec('BEGIN EXCLUSIVE');
      const locked = await get(`${base}/readyz`);
      expect(locked.status).toBe(503);
      expect(JSON.parse(locked.body)).toMatchObject({ status: 'not ready', index: { ok: true }, store: { ok: false, detail: expect.stringMatching(/^not writable: .*locked/i) } });
      // A question during the outage is still answered; the failed write is counted as an error.
      await fetch(`${base}/telegram`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify({ update_id: 2, ...privateText('杭州的高龄津贴每个月能领多少钱？', 702) }),
      });
      await api.waitFor(() => api.sentTo(702).length > 0, undefined, 'the answer during the outage');
      const during = (await get(`${base}/metrics`)).body;
      expect(sample(during, 'bot_errors_total{event="store.write_failed"}')).toBe(1);
      expect(sample(during, 'bot_questions_total{channel="telegram",language="zh",outcome="abstained"}')).toBe(1);
      expect(JSON.parse((await get(`${base}/readyz`)).body).store.detail).toMatch(/waiting in memory/);
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
  });
});

describe('OPS_PORT', () => {
  it('serves the ops endpoints in polling mode, which has no server of its own', async () => {
    const r = await telegram({ TELEGRAM_MODE: 'polling', OPS_PORT: '0' });
    expect(r.opsPort).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${r.opsPort}`;
    expect((await get(`${base}/healthz`)).status).toBe(200);
    expect((await get(`${base}/telegram`)).status).toBe(404);
    api.pushUpdate(privateText('How long is the Lutian alley?', 703));
    await api.waitFor(() => api.sentTo(703).some((c) => c.params.reply_markup), undefined, 'the polled answer');
    const metrics = (await get(`${base}/metrics`)).body;
    expect(sample(metrics, 'bot_questions_total{channel="telegram",language="en",outcome="answered"}')).toBe(1);
    expect(JSON.parse((await get(`${base}/readyz`)).body).status).toBe('ready');
  });

  it('is refused with the other configuration problems when it is not a port', async () => {
    await expect(telegram({ TELEGRAM_MODE: 'polling', OPS_PORT: 'ninety' })).rejects.toThrow(/OPS_PORT must be an integer between 0 and 65535/);
  });
});

describe('Slack HTTP server', () => {
  let app: App;
  afterAll(async () => app?.close());

  it('serves /healthz, /readyz and /metrics beside /slack/events and counts Slack questions', async () => {
    const botToken = 'xoxb-ops-test-token-000000';
    const signingSecret = 'ops-signing-secret-0123456789';
    const slackApi = await startSlackApiServer({ botToken });
    app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), ops: true });
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_HOST: '127.0.0.1', SLACK_PORT: '0', SLACK_API_URL: slackApi.apiUrl });
    const slack = createSlackApp({
      config, service: app.service, store: app.store, logger: app.logger, keys: app.keys, privacy: privacyFacts(app.config), ops: app.ops ?? undefined, shutdownTimeoutMs: 2000,
    });
    try {
      const { port } = await slack.start();
      const base = `http://127.0.0.1:${port}`;
      expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
      expect(JSON.parse((await get(`${base}/readyz`)).body)).toMatchObject({ status: 'ready', index: { ok: true }, store: { ok: true } });
      const res = await postSigned(`${base}/slack/events`, JSON.stringify(eventCallback('EvOps1', mention('COPS0001', QUESTION))), { secret: signingSecret });
      expect(res.status).toBe(200);
      await waitFor(() => slackApi.succeeded('chat.postMessage').find((c) => c.args.channel === 'COPS0001'), 'the Slack answer');
      const metrics = (await get(`${base}/metrics`)).body;
      expect(sample(metrics, 'bot_questions_total{channel="slack",language="zh",outcome="answered"}')).toBe(1);
    } finally {
      await slack.stop();
      await slackApi.close();
    }
  });
});
