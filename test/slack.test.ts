// The Slack adapter in HTTP mode, end to end on 127.0.0.1: the real Bolt app with signature
// checks, a local Slack Web API server, a real SQLite interaction store in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackApp, type SlackApp } from '../adapters/slack/app.js';
import { loadSlackConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import type { AnswerService, AskRequest, AskResponse, CollectionInfo, InteractionStore } from '../src/ports.js';
import { openInteractionStore } from '../src/store/sqlite.js';
import { createPrivacyKeys } from '../src/privacy/keys.js';
import { parseButtonValue } from '../adapters/slack/render.js';
import { savedId } from './support/store.js';
import {
  buttonPress,
  directMessage,
  eventCallback,
  FORM,
  mention,
  postSigned,
  slashCommand,
  startSlackApiServer,
  waitFor,
  BOT_ID,
  type ApiCall,
  type SlackApiServer,
} from './support/slack-api-server.js';

const BOT_TOKEN = 'xoxb-1234-5678-testbottokenvalue';
const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
const FAST_RETRIES = { retries: 2, minTimeout: 0, maxTimeout: 20 };
const keys = createPrivacyKeys('slack-test-data-secret-0123456789');
/** A channel id as it reaches the store: a keyed hash. */
const ck = (channel: string) => keys.id('slack:channel', channel);
const idOf = (value: string | undefined) => parseButtonValue(value)!.interactionId;

// ---------- answering-service doubles ----------

type Script = (question: string) => Pick<AskResponse, 'answer' | 'abstained' | 'sources' | 'citations'>;

function source(rank: number, doc: string, title: string): AskResponse['sources'][number] {
  return { rank, doc, title, text: `${title}的正文。`, score: 1 / rank };
}

/** Answers from a script and logs each interaction in the store, as the real service does. */
class ScriptedAnswerService implements AnswerService {
  readonly requests: AskRequest[] = [];
  private gate: Promise<void> | undefined;
  constructor(
    private readonly store: InteractionStore,
    private readonly script: Script,
  ) {}

  /** The next ask() waits until the returned function is called (proves acks don't wait for answers). */
  holdNext(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  async ask(request: AskRequest): Promise<AskResponse> {
    this.requests.push(request);
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await gate;
    const scripted = this.script(request.question);
    const interactionId = savedId(await this.store.recordInteraction({
      channel: request.channel ?? 'cli',
      chatId: request.chatId ?? '',
      userKey: request.userKey,
      conversationId: request.conversationId,
      question: request.question,
      answer: scripted.answer,
      abstained: scripted.abstained,
      sources: scripted.sources,
      latencyMs: 1,
    }));
    return {
      question: request.question,
      language: /[\u3400-\u9fff]/.test(request.question) ? 'zh' : 'en',
      retrieval: { mode: 'lexical', embedding_model: null },
      timings_ms: { retrieve: 0, answer: 0, total: 1 },
      ...scripted,
      interaction_id: interactionId,
    };
  }
  async forget(): Promise<void> {}
  describe(): CollectionInfo {
    return { documents: 2, chunks: 2, titles: [], mode: 'lexical', embeddingModel: null, builtAt: new Date(0).toISOString() };
  }
}

/** Always fails, like a service whose index became unreadable. */
class FailingAnswerService implements AnswerService {
  readonly requests: AskRequest[] = [];
  async ask(request: AskRequest): Promise<AskResponse> {
    this.requests.push(request);
    throw new Error('index file unreadable: chunks.bin (EACCES)');
  }
  async forget(): Promise<void> {}
  describe(): CollectionInfo {
    return { documents: 0, chunks: 0, titles: [], mode: 'lexical', embeddingModel: null, builtAt: new Date(0).toISOString() };
  }
}

const script: Script = (q) => {
  if (q.includes('火星')) return { answer: '资料中没有找到相关信息。', abstained: true, sources: [], citations: [] };
  if (q.includes('注入'))
    return {
      answer: '<!channel> 请点击 <https://evil.example/form|官方表格> & 立即填写 <@U999>',
      abstained: false,
      sources: [source(1, 'evil<x>.txt', '<!here> 紧急通知')],
      citations: [1],
    };
  return {
    answer: `关于“${q}”：社区食堂每天11点开门。`,
    abstained: false,
    sources: [source(1, '2024-03-01.txt', '社区食堂开业'), source(2, '2024-03-02.txt', '老年助餐服务')],
    citations: [1],
  };
};

// ---------- harness ----------

interface Harness {
  api: SlackApiServer;
  store: InteractionStore;
  slack: SlackApp;
  url: string;
  logger: ReturnType<typeof createMemoryLogger>;
}

async function startSlack(
  api: SlackApiServer,
  store: InteractionStore,
  service: AnswerService,
  ratePerMinute = 1000,
): Promise<Omit<Harness, 'api' | 'store'>> {
  const logger = createMemoryLogger();
  const config = loadSlackConfig({
    RATE_LIMIT_PER_MINUTE: String(ratePerMinute),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_HOST: '127.0.0.1',
    SLACK_PORT: '0',
    SLACK_API_URL: api.apiUrl,
    SLACK_STAFF_USER_IDS: 'USTAFF01,USTAFF02',
    SLACK_STAFF_CHANNEL_IDS: 'GSTAFFRM',
  });
  const slack = createSlackApp({
    config, service, store, logger, keys, privacy: { retentionDays: 90, conversationMinutes: 30 }, retryConfig: FAST_RETRIES, shutdownTimeoutMs: 2000,
  });
  const { port } = await slack.start();
  return { slack, logger, url: `http://127.0.0.1:${port}/slack/events` };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-http-'));
const dbFile = path.join(tmp, 'bot.sqlite');
let h: Harness;
let service: ScriptedAnswerService;

beforeAll(async () => {
  const api = await startSlackApiServer({ botToken: BOT_TOKEN });
  const store = openInteractionStore(dbFile, createMemoryLogger());
  service = new ScriptedAnswerService(store, script);
  h = { api, store, ...(await startSlack(api, store, service)) };
});

afterAll(async () => {
  await h?.slack.stop();
  await h?.store.close();
  await h?.api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function sendEvent(eventId: string, event: Record<string, unknown>, options: { retryNum?: number; url?: string } = {}) {
  return postSigned(options.url ?? h.url, JSON.stringify(eventCallback(eventId, event)), { secret: SIGNING_SECRET, retryNum: options.retryNum });
}

const repliesIn = (channel: string): ApiCall[] => h.api.succeeded('chat.postMessage').filter((c) => c.args.channel === channel);
const waitForReplies = (channel: string, n = 1) => waitFor(() => repliesIn(channel).length >= n && repliesIn(channel), `${n} reply(ies) in ${channel}`);
const responsesTo = (id: string) => h.api.responses.filter((r) => r.id === id);
const allText = (call: { text?: unknown; blocks?: unknown }) => JSON.stringify([call.text, call.blocks]);
type BlockJson = { type: string; text?: { text: string }; elements?: { text?: unknown; value?: string; action_id?: string }[] };

// ---------- tests ----------

describe('mentions', () => {
  it('answers in the thread of the mention, with sources, feedback buttons, a text fallback and no unfurls', async () => {
    const event = mention('CTOWN001', '社区食堂几点开门？');
    const res = await sendEvent('EvMention1', event);
    expect(res.status).toBe(200);

    const [reply] = await waitForReplies('CTOWN001');
    expect(reply.args.thread_ts).toBe(event.ts);
    expect(reply.args.unfurl_links).toBe(false);
    expect(reply.args.unfurl_media).toBe(false);
    expect(reply.args.text).toContain('社区食堂每天11点开门');

    const blocks = reply.args.blocks as BlockJson[];
    const context = blocks.find((b) => b.type === 'context')!;
    expect(JSON.stringify(context)).toContain('社区食堂开业 — 2024-03-01.txt');
    expect(JSON.stringify(context)).not.toContain('2024-03-02.txt'); // only cited sources
    const buttons = blocks.find((b) => b.type === 'actions')!.elements!;
    const request = service.requests.at(-1)!;
    expect(request).toMatchObject({ question: '社区食堂几点开门？', channel: 'slack', chatId: ck('CTOWN001'), conversationId: `${ck('CTOWN001')}:${event.ts}` });
    const logged = (await h.store.getInteraction(idOf(buttons[0].value)))!;
    expect(logged.question).toBe('社区食堂几点开门？');
    expect(buttons.map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down']);
  });

  it('keeps a follow-up in the same thread in the same conversation', async () => {
    const first = mention('CTOWN002', '助餐服务在哪里？');
    await sendEvent('EvThread1', first);
    await waitForReplies('CTOWN002', 1);
    const followUp = mention('CTOWN002', '周末也开吗？', { thread_ts: first.ts });
    await sendEvent('EvThread2', followUp);
    const replies = await waitForReplies('CTOWN002', 2);

    expect(replies[1].args.thread_ts).toBe(first.ts);
    const conversations = service.requests.filter((r) => r.chatId === ck('CTOWN002')).map((r) => r.conversationId);
    expect(conversations).toEqual([`${ck('CTOWN002')}:${first.ts}`, `${ck('CTOWN002')}:${first.ts}`]);
  });

  it('acknowledges at once and answers afterwards (Slack 3-second rule)', async () => {
    const release = service.holdNext();
    // The service holds the answer until release(): a 200 that arrives now was sent before any answer existed.
    const res = await sendEvent('EvSlow1', mention('CTOWN003', '慢问题'));
    expect(res.status).toBe(200);
    expect(repliesIn('CTOWN003')).toHaveLength(0); // the answer is still being worked out
    release();
    await waitForReplies('CTOWN003');
  });

  it('escapes mrkdwn from answers and documents: no <!channel>, no disguised links', async () => {
    await sendEvent('EvInject1', mention('CTOWN004', '注入测试'));
    const [reply] = await waitForReplies('CTOWN004');
    const everything = allText(reply.args);
    expect(everything).not.toMatch(/<!|<https?:|<@/);
    expect(everything).toContain('&lt;!channel&gt;');
    expect(everything).toContain('&lt;!here&gt; 紧急通知 — evil&lt;x&gt;.txt');
    expect(everything).toContain('&amp; 立即填写');
  });

  it('posts an apology in the thread and logs the cause when answering fails', async () => {
    const failing = new FailingAnswerService();
    const other = await startSlack(h.api, h.store, failing);
    try {
      const event = mention('CTOWN005', '会失败的问题');
      await sendEvent('EvFail1', event, { url: other.url });
      const [reply] = await waitForReplies('CTOWN005');
      expect(reply.args.thread_ts).toBe(event.ts);
      expect(String(reply.args.text)).toContain('Sorry');
      const line = other.logger.lines.find((l) => l.includes('slack.answer_failed'))!;
      expect(line).toContain('EACCES');
    } finally {
      await other.slack.stop();
    }
  });

  it('limits questions per user and says so', async () => {
    const limited = await startSlack(h.api, h.store, service, 1);
    try {
      await sendEvent('EvLimit1', mention('CLIMIT01', '第一个问题'), { url: limited.url });
      await waitForReplies('CLIMIT01', 1);
      await sendEvent('EvLimit2', mention('CLIMIT01', '第二个问题'), { url: limited.url });
      const replies = await waitForReplies('CLIMIT01', 2);
      expect(String(replies[1].args.text)).toContain('请一分钟后再试');
      expect(service.requests.filter((r) => r.chatId === ck('CLIMIT01'))).toHaveLength(1);
    } finally {
      await limited.slack.stop();
    }
  });

  it('retries a rate-limited chat.postMessage after Retry-After', async () => {
    h.api.rateLimitOnce('chat.postMessage', 1);
    await sendEvent('EvRate1', mention('CTOWN006', '限流测试'));
    const [reply] = await waitFor(() => repliesIn('CTOWN006').length > 0 && repliesIn('CTOWN006'), 'the retried reply', 8000);
    const limited = h.api.calls.find((c) => c.method === 'chat.postMessage' && c.status === 429)!;
    expect(limited.args.channel).toBe('CTOWN006');
    expect(reply.at - limited.at).toBeGreaterThanOrEqual(950);
  });
});

describe('deliveries', () => {
  it('answers a retried event (same event_id, X-Slack-Retry-Num) once, also after a restart over the same database', async () => {
    const event = mention('CRETRY01', '重复投递？');
    expect((await sendEvent('EvRetry1', event)).status).toBe(200);
    await waitForReplies('CRETRY01');
    expect((await sendEvent('EvRetry1', event, { retryNum: 1 })).status).toBe(200);

    // Restart: a new store connection and a new Bolt app over the same SQLite file.
    const store2 = openInteractionStore(dbFile, createMemoryLogger());
    const service2 = new ScriptedAnswerService(store2, script);
    const restarted = await startSlack(h.api, store2, service2);
    try {
      expect((await sendEvent('EvRetry1', event, { retryNum: 2, url: restarted.url })).status).toBe(200);
      // A fresh event through the restarted app is the sentinel: once it is answered, the retries had their chance.
      await sendEvent('EvRetrySentinel', mention('CRETRY02', '新问题'), { url: restarted.url });
      await waitForReplies('CRETRY02');
      expect(repliesIn('CRETRY01')).toHaveLength(1);
      expect(service.requests.filter((r) => r.chatId === ck('CRETRY01')).length + service2.requests.filter((r) => r.chatId === ck('CRETRY01')).length).toBe(1);
    } finally {
      await restarted.slack.stop();
      store2.close();
    }
  });

  it('answers a retry whose first attempt died with its process before replying, exactly once', async () => {
    // The first attempt: claimed by another process's store, which then went away without replying.
    const crashed = openInteractionStore(dbFile, createMemoryLogger());
    expect(await crashed.claimDelivery('slack:event:EvCrash1')).toBe(true);
    await crashed.close();

    const event = mention('CCRASH01', '崩溃后重试的问题');
    expect((await sendEvent('EvCrash1', event, { retryNum: 1 })).status).toBe(200);
    await waitForReplies('CCRASH01');
    expect((await sendEvent('EvCrash1', event, { retryNum: 2 })).status).toBe(200);
    await sendEvent('EvCrashSentinel', mention('CCRASH02', '哨兵问题'));
    await waitForReplies('CCRASH02');
    expect(repliesIn('CCRASH01')).toHaveLength(1);
    expect(h.logger.lines.filter((l) => l.includes('slack.duplicate_event') && l.includes('EvCrash1'))).toHaveLength(1);
  });

  it('rejects bad signatures, stale timestamps and missing headers with 401 and never replies', async () => {
    const body = JSON.stringify(eventCallback('EvForged1', mention('CFORGED1', '伪造的请求')));
    const now = Math.floor(Date.now() / 1000);
    const results = [
      await postSigned(h.url, body, { secret: 'not-the-signing-secret' }),
      await postSigned(h.url, body, { secret: SIGNING_SECRET, timestamp: now - 6 * 60 }),
      await postSigned(h.url, body, { secret: SIGNING_SECRET, timestamp: now + 6 * 60 }), // signed for later: replayable
      await postSigned(h.url, body, { secret: SIGNING_SECRET, timestamp: now + 365 * 24 * 3600 }),
      await postSigned(h.url, body, { secret: SIGNING_SECRET, omitHeaders: ['x-slack-signature'] }),
      await postSigned(h.url, body, { secret: SIGNING_SECRET, omitHeaders: ['x-slack-request-timestamp'] }),
    ];
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(h.logger.lines.filter((l) => l.includes('slack.request_refused'))).toHaveLength(3);

    await sendEvent('EvForgedSentinel', mention('CFORGED2', '真的请求'));
    await waitForReplies('CFORGED2');
    expect(repliesIn('CFORGED1')).toHaveLength(0);
    expect(service.requests.some((r) => r.chatId === ck('CFORGED1'))).toBe(false);
  });

  it('ignores messages from bots, including its own', async () => {
    await sendEvent('EvBot1', mention('CBOTS001', '机器人在说话', { bot_id: 'BOTHER01', user: undefined }));
    await sendEvent('EvBot2', directMessage('DBOTS001', '我自己的回复', { bot_id: BOT_ID, subtype: 'bot_message', user: undefined }));
    await sendEvent('EvBot3', directMessage('DBOTS001', '编辑过的消息', { subtype: 'message_changed' }));
    await sendEvent('EvBotSentinel', directMessage('DBOTS002', '真人提问'));
    await waitForReplies('DBOTS002');
    expect(repliesIn('CBOTS001')).toHaveLength(0);
    expect(repliesIn('DBOTS001')).toHaveLength(0);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const dm = directMessage('DALICE01', '怎么申请助餐补贴？');
    await sendEvent('EvDm1', dm);
    const [reply] = await waitForReplies('DALICE01');
    expect(reply.args.thread_ts).toBeUndefined();
    expect(reply.args.text).toContain('怎么申请助餐补贴');
    expect(service.requests.at(-1)!.conversationId).toBe(`${ck('DALICE01')}:main`);
  });
});

describe('/ask and buttons', () => {
  it('acks /ask before answering, then answers ephemerally with a button that posts the answer to the channel', async () => {
    const release = service.holdNext();
    const res = await postSigned(h.url, slashCommand('/ask', '社区食堂在哪？', h.api.responseUrl('ask-1'), 'CASK0001'), { secret: SIGNING_SECRET, contentType: FORM });
    expect(res.status).toBe(200);
    expect(responsesTo('ask-1')).toHaveLength(0);
    release();

    const [ephemeral] = await waitFor(() => responsesTo('ask-1').length > 0 && responsesTo('ask-1'), 'the /ask answer');
    expect(ephemeral.body.response_type).toBe('ephemeral');
    expect(allText(ephemeral.body)).toContain('社区食堂开业 — 2024-03-01.txt');
    const actions = (ephemeral.body.blocks as BlockJson[]).find((b) => b.type === 'actions')!.elements!;
    const post = actions.find((e) => e.action_id === 'post_to_channel')!;

    await postSigned(h.url, buttonPress('post_to_channel', post.value!, h.api.responseUrl('ask-1-post'), { channel: 'CASK0001', user: 'USTAFF01', ephemeral: true }), { secret: SIGNING_SECRET, contentType: FORM });
    const posted = await waitFor(() => responsesTo('ask-1-post').length >= 2 && responsesTo('ask-1-post'), 'the public post and the ephemeral deletion');
    expect(posted[0].body.response_type).toBe('in_channel');
    expect(allText(posted[0].body)).toContain('社区食堂每天11点开门');
    expect(allText(posted[0].body)).toContain('社区食堂在哪？'); // the question is quoted for the channel
    expect(posted[1].body.delete_original).toBe(true);
  });

  it('answers /ask without a question with its usage', async () => {
    await postSigned(h.url, slashCommand('/ask', '   ', h.api.responseUrl('ask-empty')), { secret: SIGNING_SECRET, contentType: FORM });
    const [usage] = await waitFor(() => responsesTo('ask-empty').length > 0 && responsesTo('ask-empty'), 'the usage');
    expect(String(usage.body.text)).toContain('Usage');
  });

  it('a delayed answer survives a dropped connection and a 503 at response_url (retried, delivered once); a 404 is given up on and logged', async () => {
    h.api.failResponses('ask-flaky', ['reset', 503]);
    await postSigned(h.url, slashCommand('/ask', '社区食堂在哪？', h.api.responseUrl('ask-flaky'), 'CASK0003'), { secret: SIGNING_SECRET, contentType: FORM });
    const [answer] = await waitFor(() => responsesTo('ask-flaky').length > 0 && responsesTo('ask-flaky'), 'the /ask answer after two failed deliveries');
    expect(allText(answer.body)).toContain('社区食堂');
    expect(h.api.failedResponses.filter((f) => f.id === 'ask-flaky').map((f) => f.failure)).toEqual(['reset', 503]);

    // A response_url Slack no longer accepts (expired, used up) is not a passing fault: one try, one log line.
    h.api.failResponses('ask-gone', [404, 404]);
    await postSigned(h.url, slashCommand('/ask', '社区食堂在哪？', h.api.responseUrl('ask-gone'), 'CASK0003'), { secret: SIGNING_SECRET, contentType: FORM });
    await waitFor(() => h.logger.lines.some((l) => l.includes('slack.respond_failed') && l.includes('404')), 'the logged failure');
    expect(h.api.failedResponses.filter((f) => f.id === 'ask-gone')).toHaveLength(1);
    expect(responsesTo('ask-flaky')).toHaveLength(1);
  });

  it("stores the asker's 👍/👎 once (a changed mind replaces it); refuses presses forged for another person, channel or answer", async () => {
    await sendEvent('EvVote1', mention('CVOTE001', '投票测试'));
    const [reply] = await waitForReplies('CVOTE001');
    const [upButton, downButton] = (reply.args.blocks as BlockJson[]).find((b) => b.type === 'actions')!.elements!;
    const id = idOf(downButton.value);
    const since = Date.now() - 60_000;
    const totals = async () => (await h.store.stats(since)).reduce((t, r) => ({ up: t.up + r.up, down: t.down + r.down }), { up: 0, down: 0 });
    const before = await totals();

    let n = 0;
    const press = async (action: string, value: string, options: { channel: string; user: string }) => {
      const url = `vote-${id}-${n++}`;
      expect((await postSigned(h.url, buttonPress(action, value, h.api.responseUrl(url), options), { secret: SIGNING_SECRET, contentType: FORM })).status).toBe(200);
      const [ack] = await waitFor(() => responsesTo(url).length >= 1 && responsesTo(url), 'the acknowledgement');
      return String(ack.body.text);
    };
    const asker = { channel: 'CVOTE001', user: 'UALICE01' };
    expect(await press('feedback_down', downButton.value!, asker)).toMatch(/Thanks/);
    expect(await press('feedback_down', downButton.value!, asker)).toMatch(/already counted/);
    // Forgeries: another person, another channel, an edited id, an unsigned value.
    expect(await press('feedback_down', downButton.value!, { channel: 'CVOTE001', user: 'UBOB0001' })).toMatch(/Only the person who asked/);
    expect(await press('feedback_down', downButton.value!, { channel: 'COTHER01', user: 'UALICE01' })).toMatch(/Only the person who asked/);
    expect(await press('feedback_up', downButton.value!.replace(/^\d+/, String(id - 1)), asker)).toMatch(/Only the person who asked/);
    expect(await press('feedback_up', String(id), asker)).toMatch(/Only the person who asked/);
    expect(await totals()).toEqual({ up: before.up, down: before.down + 1 });
    expect(await press('feedback_up', upButton.value!, asker)).toMatch(/already counted/); // changed mind
    expect(await totals()).toEqual({ up: before.up + 1, down: before.down });
    expect(h.logger.lines.filter((l) => l.includes('slack.button_refused'))).toHaveLength(4);
  });

  it("posts to the channel only for the asker: another person's press, or a Telegram resident's answer, is refused", async () => {
    const telegramId = savedId(await h.store.recordInteraction({ channel: 'telegram', chatId: 'x', question: '居民的私人问题', answer: '私人的回答', abstained: false, sources: [], latencyMs: 1 }))!;
    await postSigned(h.url, slashCommand('/ask', '只给我看的问题', h.api.responseUrl('ask-own'), 'CASK0002'), { secret: SIGNING_SECRET, contentType: FORM });
    const [ephemeral] = await waitFor(() => responsesTo('ask-own').length > 0 && responsesTo('ask-own'), 'the /ask answer');
    const post = (ephemeral.body.blocks as BlockJson[]).find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === 'post_to_channel')!;
    const signature = post.value!.split(':')[1];
    const tries = [
      ['post-other-user', post.value!, { channel: 'CASK0002', user: 'UBOB0001' }],
      ['post-other-channel', post.value!, { channel: 'CELSE001', user: 'USTAFF01' }],
      ['post-telegram', `${telegramId}:${signature}`, { channel: 'CASK0002', user: 'USTAFF01' }],
      ['post-unsigned', String(telegramId), { channel: 'CASK0002', user: 'USTAFF01' }],
    ] as const;
    for (const [url, value, who] of tries) {
      await postSigned(h.url, buttonPress('post_to_channel', value, h.api.responseUrl(url), { ...who, ephemeral: true }), { secret: SIGNING_SECRET, contentType: FORM });
      const [refusal] = await waitFor(() => responsesTo(url).length > 0 && responsesTo(url), `the refusal (${url})`);
      expect(refusal.body.response_type).toBe('ephemeral');
      expect(String(refusal.body.text)).toMatch(/Only the person who asked can post/);
      expect(allText(refusal.body)).not.toMatch(/居民的私人问题|只给我看的问题/);
    }
    await postSigned(h.url, buttonPress('post_to_channel', post.value!, h.api.responseUrl('post-owner'), { channel: 'CASK0002', user: 'USTAFF01', ephemeral: true }), { secret: SIGNING_SECRET, contentType: FORM });
    const [posted] = await waitFor(() => responsesTo('post-owner').length > 0 && responsesTo('post-owner'), 'the public post');
    expect(posted.body.response_type).toBe('in_channel');
    expect(allText(posted.body)).toContain('只给我看的问题');
    expect(h.api.responses.filter((r) => r.body.response_type === 'in_channel' && allText(r.body).includes('居民的私人问题'))).toHaveLength(0);
  });
});

describe('staff views', () => {
  it('/gaps lists the questions abstained on in every channel, Telegram included, with counts', async () => {
    // Logged as the Telegram adapter's service would, into the same store.
    for (const chat of ['1001', '1002']) {
      await h.store.recordInteraction({ channel: 'telegram', chatId: chat, question: '护照在哪里办理？', answer: '', abstained: true, sources: [], latencyMs: 3 });
    }
    await postSigned(h.url, slashCommand('/gaps', '7', h.api.responseUrl('gaps-1')), { secret: SIGNING_SECRET, contentType: FORM });
    const [gaps] = await waitFor(() => responsesTo('gaps-1').length > 0 && responsesTo('gaps-1'), 'the /gaps view');
    expect(gaps.body.response_type).toBe('ephemeral');
    const text = allText(gaps.body);
    expect(text).toMatch(/护照在哪里办理？.*2×/);
    expect(text).toContain('telegram');
  });

  it('/stats shows questions per day and channel; bad days get the usage', async () => {
    await postSigned(h.url, slashCommand('/stats', '', h.api.responseUrl('stats-1')), { secret: SIGNING_SECRET, contentType: FORM });
    const [stats] = await waitFor(() => responsesTo('stats-1').length > 0 && responsesTo('stats-1'), 'the /stats view');
    const today = new Date().toISOString().slice(0, 10);
    expect(allText(stats.body)).toContain(today);
    expect(allText(stats.body)).toMatch(/slack/);
    expect(allText(stats.body)).toMatch(/telegram/);

    await postSigned(h.url, slashCommand('/stats', 'lots', h.api.responseUrl('stats-bad')), { secret: SIGNING_SECRET, contentType: FORM });
    const [usage] = await waitFor(() => responsesTo('stats-bad').length > 0 && responsesTo('stats-bad'), 'the usage');
    expect(String(usage.body.text)).toContain('Usage: `/stats [days]`');
  });
});

describe('staff only', () => {
  it('refuses /gaps and /stats to anyone not listed, politely and without revealing anything; a staff channel counts', async () => {
    await h.store.recordInteraction({ channel: 'telegram', chatId: 'x', question: '低保怎么申请？我的电话13812345678', answer: '', abstained: true, sources: [], latencyMs: 3 });
    for (const [command, url, channel, user] of [['/gaps', 'gaps-refused', 'CPUBLIC1', 'UBOB0001'], ['/stats', 'stats-refused', 'CPUBLIC1', 'UBOB0001'], ['/svc-gaps', 'gaps-refused-2', 'CSTAFF01', 'UEVE0001']]) {
      const body = slashCommand(command, '7', h.api.responseUrl(url), channel).replace('user_id=USTAFF01', `user_id=${user}`);
      await postSigned(h.url, body, { secret: SIGNING_SECRET, contentType: FORM });
      const [refusal] = await waitFor(() => responsesTo(url).length > 0 && responsesTo(url), `the refusal of ${command}`);
      expect(refusal.body.response_type).toBe('ephemeral');
      expect(String(refusal.body.text)).toMatch(/for the service team only/);
      expect(allText(refusal.body)).not.toMatch(/低保|1381|telegram|Questions|abstain/);
    }
    // Anyone in a listed staff channel is staff.
    const inRoom = slashCommand('/gaps', '7', h.api.responseUrl('gaps-room'), 'GSTAFFRM').replace('user_id=USTAFF01', 'user_id=UEVE0001');
    await postSigned(h.url, inRoom, { secret: SIGNING_SECRET, contentType: FORM });
    const [room] = await waitFor(() => responsesTo('gaps-room').length > 0 && responsesTo('gaps-room'), 'the staff-channel /gaps');
    expect(allText(room.body)).toContain('低保怎么申请');
    expect(allText(room.body)).not.toContain('13812345678');
  });
});

describe('/forget', () => {
  it("deletes the person's questions and votes and confirms; other people's stay", async () => {
    await sendEvent('EvForget1', mention('CFORGET1', '请忘记我的问题', { user: 'UFORGET1' }));
    await sendEvent('EvForget2', mention('CFORGET1', '别人的问题', { user: 'UKEEP001' }));
    const replies = await waitForReplies('CFORGET1', 2);
    const idIn = (call: ApiCall) => idOf((call.args.blocks as BlockJson[]).find((b) => b.type === 'actions')!.elements![0].value);
    const byText = (text: string) => replies.find((r) => String(r.args.text).includes(text))!;
    const mine = idIn(byText('请忘记我的问题'));
    const theirs = idIn(byText('别人的问题'));
    const forget = slashCommand('/forget', '', h.api.responseUrl('forget-1'), 'CFORGET1').replace('user_id=USTAFF01', 'user_id=UFORGET1');
    await postSigned(h.url, forget, { secret: SIGNING_SECRET, contentType: FORM });
    const [confirmation] = await waitFor(() => responsesTo('forget-1').length > 0 && responsesTo('forget-1'), 'the confirmation');
    expect(confirmation.body.response_type).toBe('ephemeral');
    expect(String(confirmation.body.text)).toContain('已删除关于你的全部记录：1 个问题');
    expect(allText(confirmation.body)).toContain('Deleted everything stored about you: 1 question(s)');
    expect(await h.store.getInteraction(mine)).toBeUndefined();
    expect(await h.store.getInteraction(theirs)).toMatchObject({ question: '别人的问题' });
  });
});

describe('/privacy', () => {
  it('says what is kept, for how long and why, in the language asked for (both by default)', async () => {
    for (const [text, url] of [['', 'privacy-both'], ['中文', 'privacy-zh'], ['en', 'privacy-en']]) {
      await postSigned(h.url, slashCommand('/privacy', text, h.api.responseUrl(url), 'CPUBLIC1').replace('user_id=USTAFF01', 'user_id=UBOB0001'), { secret: SIGNING_SECRET, contentType: FORM });
    }
    const get = async (url: string) => allText((await waitFor(() => responsesTo(url).length > 0 && responsesTo(url), url))[0].body);
    const [both, zh, en] = [await get('privacy-both'), await get('privacy-zh'), await get('privacy-en')];
    expect(both).toContain('隐私说明');
    expect(both).toContain('Privacy');
    expect(zh).toMatch(/最多保存 90 天/);
    expect(zh).not.toContain('What is kept');
    expect(en).toMatch(/What is kept: your question/);
    expect(en).toMatch(/deleted automatically after 90 days/);
    expect(en).toMatch(/Why: /);
    expect(en).not.toContain('隐私说明');
  });
});

describe('shutdown', () => {
  it('stops taking events, then finishes the answers under way before stop() resolves', async () => {
    const slow = new ScriptedAnswerService(h.store, script);
    const other = await startSlack(h.api, h.store, slow);
    const release = slow.holdNext();
    await sendEvent('EvDrain1', mention('CDRAIN01', '关机时的问题'), { url: other.url });
    await waitFor(() => slow.requests.length === 1, 'the question to reach the service');

    // The receiver closing (bolt.stop() resolving) is the moment stop() would return if it did not drain.
    const receiverStop = vi.spyOn(other.slack.bolt, 'stop');
    let repliesWhenStopped: number | undefined;
    const stopping = other.slack.stop().then(() => (repliesWhenStopped = repliesIn('CDRAIN01').length));
    expect(receiverStop).toHaveBeenCalledTimes(1);
    await receiverStop.mock.results[0].value;
    await expect(sendEvent('EvDrain2', mention('CDRAIN02', '太晚了'), { url: other.url })).rejects.toThrow();
    expect(repliesWhenStopped).toBeUndefined(); // still waiting for the answer under way

    release();
    await stopping;
    expect(repliesWhenStopped).toBe(1); // the answer went out before stop() resolved
    expect(slow.requests).toHaveLength(1);
  });
});

describe('logs', () => {
  it('never contains the bot token or the signing secret (even at debug level)', () => {
    const logs = h.logger.lines.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain(SIGNING_SECRET);
  });
});
