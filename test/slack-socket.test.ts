// Socket Mode, end to end on 127.0.0.1: a fake apps.connections.open hands out the URL of a local
// WebSocket server, which delivers one event envelope; the app acks it and replies in the thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../adapters/slack/app.js';
import { loadSlackConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import type { AnswerService, AskRequest, AskResponse, CollectionInfo, InteractionStore } from '../src/ports.js';
import { openInteractionStore } from '../src/store/sqlite.js';
import { createPrivacyKeys } from '../src/privacy/keys.js';
import { savedId } from './support/store.js';
import { eventCallback, mention, startSlackApiServer, waitFor, type SlackApiServer } from './support/slack-api-server.js';

const BOT_TOKEN = 'xoxb-1234-5678-socketbottoken';
const APP_TOKEN = 'xapp-1-A0000001-socketapptoken';

/** Answers every question the same way and logs it in the store, as the real service does. */
class FixedAnswerService implements AnswerService {
  readonly requests: AskRequest[] = [];
  constructor(private readonly store: InteractionStore) {}
  async ask(request: AskRequest): Promise<AskResponse> {
    this.requests.push(request);
    const sources = [{ rank: 1, doc: '2024-03-01.txt', title: '社区食堂开业', text: '社区食堂每天11点开门。', score: 1 }];
    const answer = '社区食堂每天11点开门。';
    const id = savedId(await this.store.recordInteraction({ channel: 'slack', chatId: request.chatId ?? '', question: request.question, answer, abstained: false, sources, latencyMs: 1 }));
    return {
      question: request.question,
      answer,
      abstained: false,
      language: 'zh',
      sources,
      citations: [1],
      retrieval: { mode: 'lexical', embedding_model: null },
      timings_ms: { retrieve: 0, answer: 0, total: 1 },
      interaction_id: id,
    };
  }
  async forget(): Promise<void> {}
  describe(): CollectionInfo {
    return { documents: 1, chunks: 1, titles: [], mode: 'lexical', embeddingModel: null, builtAt: new Date(0).toISOString() };
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-socket-'));
let api: SlackApiServer;
let store: InteractionStore;
let slack: SlackApp;
let service: FixedAnswerService;
const logger = createMemoryLogger();

beforeAll(async () => {
  api = await startSlackApiServer({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  store = openInteractionStore(path.join(tmp, 'bot.sqlite'), createMemoryLogger());
  service = new FixedAnswerService(store);
  const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl });
  const keys = createPrivacyKeys('slack-socket-test-data-secret');
  slack = createSlackApp({ config, service, store, logger, keys, privacy: { retentionDays: 90, conversationMinutes: 30 }, retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 10 } });
});

afterAll(async () => {
  await slack?.stop();
  await store?.close();
  await api?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('connects through apps.connections.open, acks an events_api envelope and replies in the thread', async () => {
  const started = await slack.start();
  expect(started.mode).toBe('socket');
  await api.socketConnected();
  const open = api.succeeded('apps.connections.open');
  expect(open).toHaveLength(1);
  expect(open[0].token).toBe(APP_TOKEN);

  const event = mention('CSOCKET1', '社区食堂几点开门？');
  const delivered = api.deliverOverSocket({
    envelope_id: 'env-0001',
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: eventCallback('EvSocket1', event),
  });
  expect(delivered).toBe(1);

  await waitFor(() => api.socketMessages.find((m) => m.envelope_id === 'env-0001'), 'the ack of env-0001');
  const reply = await waitFor(() => api.succeeded('chat.postMessage').find((c) => c.args.channel === 'CSOCKET1'), 'the reply');
  expect(reply.args.thread_ts).toBe(event.ts);
  expect(reply.token).toBe(BOT_TOKEN);
  expect(JSON.stringify(reply.args.blocks)).toContain('社区食堂开业 — 2024-03-01.txt');
  expect(service.requests).toHaveLength(1);

  await slack.stop();
  expect(logger.lines.join('\n')).not.toContain(APP_TOKEN);
});
