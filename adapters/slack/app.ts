// The Slack adapter: translates Slack events into one AnswerService.ask() call and renders the result.
// Transport (HTTP with signed requests, or Socket Mode) is Bolt's; all answering logic stays in src/.
//
//   app_mention / DM ─┐                       ┌─ chat.postMessage (thread / DM)
//   /ask ─────────────┼─► service.ask(...) ──►┼─ response_url (ephemeral, "Post to channel")
//   👍/👎, post button ┘   store (feedback)    └─ /gaps, /stats from the store
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { BlockAction, ButtonAction, RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { AddDocumentResult, AnswerService, DocumentAdder, FeedbackOutcome, InteractionStore, Language, RateLimiter } from '../../src/ports.js';
import { conversationIdFor, parseDays, questionFromSlackText } from './incoming.js';
import {
  ACTION_FEEDBACK_DOWN,
  ACTION_FEEDBACK_UP,
  ACTION_POST_TO_CHANNEL,
  parseButtonValue,
  renderAddDocResult,
  renderAnswer,
  renderNotice,
  escapeMrkdwn,
  section,
  type SlackMessage,
} from './render.js';
import { buttonSignature, buttonVerifies, type PrivacyKeys } from '../../src/privacy/keys.js';
import { forgetReply, privacyNotice, type PrivacyFacts } from '../../src/privacy/notice.js';
import { isStaffMember, renderGaps, renderStats } from './staff.js';
import { downloadSharedFile, type SharedFile } from './files.js';
import { TEXTS } from './texts.js';
import { InFlight } from '../../src/runtime/in-flight.js';
import { SlidingWindowRateLimiter } from '../../src/runtime/rate-limit.js';
import { handleOps, OPS_PATHS, type OpsSources } from '../../src/ops/http.js';

/** p-retry options for the Web API client (same shape as @slack/web-api's RetryOptions). */
export interface SlackRetryConfig {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

/** A reply that is minutes late is useless in chat: retry a few times (429s wait Retry-After first). */
export const DEFAULT_RETRY_CONFIG: SlackRetryConfig = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 20_000, randomize: true };

export interface SlackAppDeps {
  config: SlackConfig;
  service: AnswerService;
  store: InteractionStore;
  logger: Logger;
  /** Keyed hashes of channel and user ids (the only form stored) and button signatures. */
  keys: PrivacyKeys;
  /** What /privacy tells people. */
  privacy: PrivacyFacts;
  now?: () => number;
  /** Per-user limit (shared by replicas with DATABASE_URL); default an in-memory one of config.ratePerMinute. */
  limiter?: RateLimiter;
  retryConfig?: SlackRetryConfig;
  /** How long stop() waits for answers under way (default 15 s). */
  shutdownTimeoutMs?: number;
  /** Days /gaps and /stats cover when none are given (default 7). */
  defaultDays?: number;
  /** HTTP mode: serve /healthz, /readyz and /metrics beside /slack/events (src/ops). */
  ops?: OpsSources;
  /** Staff add documents (file shares, /add-doc); absent = those are answered "not available". */
  documents?: DocumentAdder;
}

export interface SlackApp {
  readonly bolt: App;
  /** Verifies the bot token (auth.test), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<{ mode: 'http' | 'socket'; port?: number; botUserId?: string }>;
  /** Stops taking events, then waits (bounded) for answers under way. Idempotent. */
  stop(): Promise<void>;
  /** Answers under way right now. */
  readonly inFlight: number;
}

// Commands are matched by suffix so an operator can rename them in the manifest when a name
// collides in their workspace (e.g. /svc-ask, /svc-gaps) without touching code.
const ASK_COMMAND = /^\/(?:[a-z0-9_]+-)?ask$/;
const GAPS_COMMAND = /^\/(?:[a-z0-9_]+-)?gaps$/;
const STATS_COMMAND = /^\/(?:[a-z0-9_]+-)?stats$/;
const PRIVACY_COMMAND = /^\/(?:[a-z0-9_]+-)?privacy$/;
const FORGET_COMMAND = /^\/(?:[a-z0-9_]+-)?forget$/;
const ADD_DOC_COMMAND = /^\/(?:[a-z0-9_]+-)?add-doc$/;

/** Files handled from one message (a message carries at most 10). */
const MAX_FILES_PER_MESSAGE = 10;

/** Slack refuses requests whose timestamp is more than 5 minutes old; we also refuse those from the future. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** A queued vote is thanked (the retry decides stored/duplicate); a refused one is apologised for. */
const FEEDBACK_TEXT: Record<FeedbackOutcome, string> = {
  stored: TEXTS.feedbackStored,
  queued: TEXTS.feedbackStored,
  duplicate: TEXTS.feedbackDuplicate,
  'unknown-interaction': TEXTS.feedbackUnknown,
  rejected: TEXTS.apology,
  closed: TEXTS.apology,
};

interface ReplyTarget {
  channel: string;
  /** Set for threaded replies; unset for a top-level DM reply. */
  threadTs?: string;
  conversationId: string;
  user: string;
}

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, service, store, logger, keys } = deps;
  const now = deps.now ?? Date.now;
  const defaultDays = deps.defaultDays ?? 7;
  const work = new InFlight();
  const rateLimit: RateLimiter = deps.limiter ?? new SlidingWindowRateLimiter(config.ratePerMinute, 60_000, now);
  const retryConfig = deps.retryConfig ?? DEFAULT_RETRY_CONFIG;
  const respondEphemeral = (respond: RespondFn, message: SlackMessage) =>
    respondWithRetries(respond, { response_type: 'ephemeral', replace_original: false, ...message }, retryConfig);

  const receiver = config.socketMode ? undefined : timestampCheckedReceiver(config, logger, now, deps.ops);
  const bolt = new App({
    token: config.botToken,
    ...(config.socketMode ? { socketMode: true, appToken: config.appToken } : { receiver }),
    logger: boltLogger(logger),
    ignoreSelf: true,
    // Bolt would otherwise call auth.test in this constructor and, with a wrong token, crash the
    // process with an unhandled rejection before start() can say what is wrong. start() verifies
    // the token itself, then initialises Bolt.
    deferInitialization: true,
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      retryConfig,
    },
  });

  // Only keyed hashes of channel and user ids reach the store.
  const channelKey = (channel: string) => keys.id('slack:channel', channel);
  const userKey = (user: string) => keys.id('slack:user', user);
  const sign = (interactionId: number | undefined, channel: string, user: string) =>
    interactionId === undefined ? undefined : buttonSignature(keys, 'slack', interactionId, channel, user);

  const isStaff = (user: string, channel: string) => isStaffMember(config.staff, user, channel);
  if (!config.staff.users.length && !config.staff.channels.length) {
    logger.warn('slack.no_staff', { effect: '/gaps and /stats are refused to everyone', fix: 'set SLACK_STAFF_USER_IDS (and optionally SLACK_STAFF_CHANNEL_IDS)' });
  }

  bolt.error(async (error) => {
    logger.error('slack.unhandled_error', { error });
  });

  /**
   * First delivery of an event? Retries (X-Slack-Retry-Num, same event_id) and restarts say no — unless the
   * first attempt never finished because its process died; then this one answers.
   */
  async function firstDelivery(eventId: string | undefined): Promise<boolean> {
    if (!eventId) return true;
    try {
      const first = await store.claimDelivery(`slack:event:${eventId}`);
      if (!first) logger.info('slack.duplicate_event', { eventId });
      return first;
    } catch (error) {
      // Answering twice is better than not answering: the store being down must not silence the bot.
      logger.error('slack.claim_failed', { eventId, error });
      return true;
    }
  }

  /** Answers a claimed event, then records it done (only then is a redelivery a duplicate). */
  async function answerDelivery(eventId: string | undefined, answer: () => Promise<void>): Promise<void> {
    await work.track(async () => {
      try {
        await answer();
      } finally {
        if (eventId) await store.completeDelivery(`slack:event:${eventId}`).catch((error: unknown) => logger.error('slack.claim_failed', { eventId, error }));
      }
    });
  }

  async function post(client: WebClient, target: ReplyTarget, message: SlackMessage): Promise<void> {
    await client.chat.postMessage({ channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}), ...message });
  }

  async function answerInConversation(client: WebClient, target: ReplyTarget, rawText: string, botUserId?: string): Promise<void> {
    const question = questionFromSlackText(rawText, botUserId);
    try {
      if (!question) return await post(client, target, renderNotice(TEXTS.emptyQuestion));
      const decision = await rateLimit.take(target.user);
      // One polite note per window; a flood is not answered with a flood.
      if (decision === 'deny-notify') return await post(client, target, renderNotice(TEXTS.rateLimited));
      if (decision === 'deny-silent') return;
      let response;
      try {
        response = await service.ask({ question, conversationId: target.conversationId, channel: 'slack', chatId: channelKey(target.channel), userKey: userKey(target.user) });
      } catch (error) {
        logger.error('slack.answer_failed', { channel: target.channel, conversationId: target.conversationId, error });
        return await post(client, target, renderNotice(TEXTS.apology));
      }
      await post(client, target, renderAnswer(response, { feedback: true, signature: sign(response.interaction_id, target.channel, target.user) }));
    } catch (error) {
      // Posting itself failed (after the client's retries): nothing more to tell the user through Slack.
      logger.error('slack.post_failed', { channel: target.channel, error });
    }
  }

  // ---------- staff add documents: shared files and /add-doc ----------

  /** Staff: each file is downloaded and added, one reply per file. Others: a refusal, and nothing is downloaded. */
  async function addSharedFiles(client: WebClient, target: ReplyTarget, files: SharedFile[]): Promise<void> {
    try {
      if (!isStaff(target.user, target.channel)) {
        logger.info('slack.add_doc_refused', { via: 'file', user: target.user, files: files.length, fix: 'add the user to SLACK_STAFF_USER_IDS if they are staff' });
        return await post(client, target, renderNotice(TEXTS.addDocStaffOnly));
      }
      const documents = deps.documents;
      if (!documents) return await post(client, target, renderNotice(TEXTS.addDocUnavailable));
      for (const file of files.slice(0, MAX_FILES_PER_MESSAGE)) {
        let result: AddDocumentResult;
        try {
          const got = await downloadSharedFile(client, file, { token: config.botToken, apiUrl: config.apiUrl, maxBytes: documents.maxBytes, timeoutMs: documents.timeoutMs, check: documents.check });
          if ('reason' in got) {
            logger.warn('slack.add_doc_download_refused', { file: file.id, name: got.name, reason: got.reason });
            result = { status: 'rejected', source: got.name, reason: got.reason };
          } else result = await documents.addFile(got);
        } catch (error) {
          logger.error('slack.add_doc_failed', { file: file.id, error });
          result = { status: 'rejected', source: file.name ?? file.id, reason: 'an unexpected error (logged)' };
        }
        await post(client, target, renderAddDocResult(result));
      }
    } catch (error) {
      logger.error('slack.post_failed', { channel: target.channel, error });
    }
  }

  bolt.command(ADD_DOC_COMMAND, async ({ command, ack, respond }) => {
    await ack(); // the fetch and the ingest happen after the acknowledgement
    await work.track(async () => {
      let message: SlackMessage;
      try {
        const url = urlFromSlackText(command.text);
        if (!isStaff(command.user_id, command.channel_id)) {
          logger.info('slack.add_doc_refused', { via: 'command', user: command.user_id, fix: 'add the user to SLACK_STAFF_USER_IDS if they are staff' });
          message = renderNotice(TEXTS.staffOnly);
        } else if (!deps.documents) message = renderNotice(TEXTS.addDocUnavailable);
        else if (!url) message = renderNotice(TEXTS.addDocUsage);
        else message = renderAddDocResult(await deps.documents.addUrl(url));
      } catch (error) {
        logger.error('slack.add_doc_failed', { command: command.command, error });
        message = renderNotice(TEXTS.addDocFailed);
      }
      await respondEphemeral(respond, message).catch((error) => logger.error('slack.respond_failed', { command: command.command, error }));
    });
  });

  // ---------- events ----------

  bolt.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id) return; // other bots (and ourselves) never start a conversation
    const files = (event as { files?: SharedFile[] }).files;
    if (!files?.length && event.subtype) return;
    if (!(await firstDelivery(body.event_id))) return;
    const threadTs = event.thread_ts ?? event.ts;
    if (files?.length) {
      const target = { channel: event.channel, threadTs, conversationId: conversationIdFor(channelKey(event.channel), threadTs), user: event.user ?? 'unknown' };
      return answerDelivery(body.event_id, () => addSharedFiles(client, target, files));
    }
    await answerDelivery(body.event_id, () =>
      answerInConversation(
        client,
        { channel: event.channel, threadTs, conversationId: conversationIdFor(channelKey(event.channel), threadTs), user: event.user ?? 'unknown' },
        event.text,
        context.botUserId,
      ),
    );
  });

  bolt.message(async ({ message, body, client, context }) => {
    const m = message as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string; files?: SharedFile[] };
    // Only direct messages: channel messages reach the bot as app_mention. A file shared in the DM is a document to add.
    const fileShare = m.subtype === 'file_share' && Boolean(m.files?.length);
    if (m.channel_type !== 'im' || (m.subtype !== undefined && !fileShare) || m.bot_id || !m.user) return;
    const eventId = (body as { event_id?: string }).event_id;
    if (!(await firstDelivery(eventId))) return;
    if (fileShare) {
      const target = { channel: m.channel, threadTs: m.thread_ts, conversationId: conversationIdFor(channelKey(m.channel), m.thread_ts), user: m.user };
      return answerDelivery(eventId, () => addSharedFiles(client, target, m.files!));
    }
    await answerDelivery(eventId, () =>
      answerInConversation(
        client,
        { channel: m.channel, threadTs: m.thread_ts, conversationId: conversationIdFor(channelKey(m.channel), m.thread_ts), user: m.user! },
        m.text ?? '',
        context.botUserId,
      ),
    );
  });

  // ---------- /ask: ephemeral answer with a "Post to channel" button ----------

  bolt.command(ASK_COMMAND, async ({ command, ack, respond }) => {
    await ack(); // Slack's 3-second rule: acknowledge first, answer through response_url
    await work.track(async () => {
      const question = questionFromSlackText(command.text);
      try {
        if (!question) return await respondEphemeral(respond, renderNotice(TEXTS.askUsage));
        if ((await rateLimit.take(command.user_id)) !== 'allow') return await respondEphemeral(respond, renderNotice(TEXTS.rateLimited));
        let response;
        try {
          response = await service.ask({
            question,
            conversationId: `${channelKey(command.channel_id)}:ask:${userKey(command.user_id)}`,
            channel: 'slack',
            chatId: channelKey(command.channel_id),
            userKey: userKey(command.user_id),
          });
        } catch (error) {
          logger.error('slack.answer_failed', { channel: command.channel_id, command: command.command, error });
          return await respondEphemeral(respond, renderNotice(TEXTS.apology));
        }
        const signature = sign(response.interaction_id, command.channel_id, command.user_id);
        await respondEphemeral(respond, renderAnswer(response, { feedback: true, postToChannel: true, showQuestion: true, signature }));
      } catch (error) {
        logger.error('slack.respond_failed', { channel: command.channel_id, command: command.command, error });
      }
    });
  });

  /** The pressed button's interaction id, when its signature proves this person may press it in this channel. */
  function verifiedPress(action: ButtonAction, body: BlockAction<ButtonAction>): number | undefined {
    const parsed = parseButtonValue(action.value);
    const ok = parsed !== undefined && buttonVerifies(keys, 'slack', parsed.interactionId, body.channel?.id, body.user?.id, parsed.signature);
    if (!ok) logger.warn('slack.button_refused', { action: action.action_id, reason: parsed ? 'signature does not match this channel and person' : 'not a current signed button' });
    return ok ? parsed.interactionId : undefined;
  }

  bolt.action<BlockAction<ButtonAction>>(ACTION_POST_TO_CHANNEL, async ({ ack, action, respond, body }) => {
    await ack();
    try {
      // Only the person who asked, in the channel where they asked, may post their answer there.
      const id = verifiedPress(action, body);
      if (id === undefined) return await respondEphemeral(respond, renderNotice(TEXTS.notYourAnswer));
      const record = await store.getInteraction(id);
      if (!record) return await respondEphemeral(respond, renderNotice(TEXTS.answerGone));
      const message = renderAnswer(
        { ...record, interaction_id: id, language: guessLanguage(record.question) },
        { feedback: true, showQuestion: true, signature: sign(id, body.channel!.id, body.user.id) },
      );
      await respondWithRetries(respond, { response_type: 'in_channel', replace_original: false, ...message }, retryConfig);
      // Best effort: the ephemeral copy is no longer needed once the answer is public.
      await respond({ delete_original: true }).catch((error) => logger.warn('slack.delete_ephemeral_failed', { error }));
      logger.info('slack.posted_to_channel', { interactionId: id });
    } catch (error) {
      logger.error('slack.respond_failed', { action: ACTION_POST_TO_CHANNEL, error });
    }
  });

  // ---------- 👍 / 👎 ----------

  bolt.action<BlockAction<ButtonAction>>(new RegExp(`^(${ACTION_FEEDBACK_UP}|${ACTION_FEEDBACK_DOWN})$`), async ({ ack, action, body, respond }) => {
    await ack();
    // Checked before anything is stored.
    const interactionId = verifiedPress(action, body);
    if (interactionId === undefined) {
      await respondEphemeral(respond, renderNotice(TEXTS.notYourVote)).catch((error) => logger.warn('slack.respond_failed', { action: action.action_id, error }));
      return;
    }
    const vote = action.action_id === ACTION_FEEDBACK_UP ? 'up' : 'down';
    let outcome: FeedbackOutcome;
    try {
      outcome = await store.recordFeedback({ interactionId, voterKey: userKey(body.user.id), vote, at: now() });
    } catch (error) {
      logger.error('slack.feedback_failed', { interactionId, error });
      return;
    }
    logger.info('slack.feedback', { interactionId, vote, outcome });
    const text = FEEDBACK_TEXT[outcome];
    await respondEphemeral(respond, renderNotice(text)).catch((error) => logger.warn('slack.respond_failed', { action: action.action_id, error }));
  });

  // ---------- staff: /gaps and /stats ----------

  for (const [pattern, render] of [
    [GAPS_COMMAND, renderGaps],
    [STATS_COMMAND, renderStats],
  ] as const) {
    bolt.command(pattern, async ({ command, ack, respond }) => {
      await ack();
      const days = parseDays(command.text, defaultDays);
      let message: SlackMessage;
      if (!isStaff(command.user_id, command.channel_id)) {
        // Polite, and says nothing about what the command would show.
        logger.info('slack.staff_refused', { command: command.command, user: command.user_id, fix: 'add the user to SLACK_STAFF_USER_IDS if they are staff' });
        message = renderNotice(TEXTS.staffOnly);
      } else if (days === undefined) message = renderNotice(TEXTS.daysUsage(command.command));
      else {
        try {
          message = await render(store, days, now());
        } catch (error) {
          logger.error('slack.staff_view_failed', { command: command.command, error });
          message = renderNotice(TEXTS.staffFailed);
        }
      }
      await respondEphemeral(respond, message).catch((error) => logger.error('slack.respond_failed', { command: command.command, error }));
    });
  }

  // ---------- /privacy ----------

  bolt.command(PRIVACY_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    // Slack does not tell the language; `/privacy 中文` or `/privacy en` picks one, otherwise both.
    const wanted = /[\u3400-\u9fff]|\bzh\b/i.test(command.text) ? ['zh' as const] : /\ben/i.test(command.text) ? ['en' as const] : (['zh', 'en'] as const);
    const blocks = wanted.flatMap((lang) => {
      const notice = privacyNotice(lang, deps.privacy);
      return [section(`*${escapeMrkdwn(notice.title)}*`), ...notice.paragraphs.map((p) => section(escapeMrkdwn(p)))];
    });
    const text = wanted.map((lang) => privacyNotice(lang, deps.privacy).title).join(' · ');
    await respondEphemeral(respond, { text, blocks, unfurl_links: false, unfurl_media: false }).catch((error) =>
      logger.error('slack.respond_failed', { command: command.command, error }));
  });

  // ---------- /forget: everything stored about the person who runs it ----------

  bolt.command(FORGET_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const outcome = await store.forgetPerson(userKey(command.user_id));
    logger.info('slack.forgotten', { status: outcome.status, ...(outcome.status === 'deleted' ? { interactions: outcome.interactions, turns: outcome.turns, votes: outcome.votes } : {}) });
    await respondEphemeral(respond, renderNotice(forgetReply(outcome) ?? TEXTS.apology)).catch((error) => logger.error('slack.respond_failed', { command: command.command, error }));
  });

  // ---------- lifecycle ----------

  let started = false;
  let stopping: Promise<void> | undefined;

  return {
    bolt,
    get inFlight() {
      return work.size;
    },
    async start() {
      const botUserId = await verifyToken(bolt.client, config);
      await bolt.init();
      if (config.socketMode) {
        await bolt.start();
        started = true;
        logger.info('slack.connected', { mode: 'socket', botUserId });
        return { mode: 'socket' as const, botUserId };
      }
      const server = (await bolt.start({ port: config.port, host: config.host })) as Server;
      started = true;
      const port = (server.address() as AddressInfo).port;
      logger.info('slack.listening', { mode: 'http', host: config.host, port, path: '/slack/events', botUserId });
      return { mode: 'http' as const, port, botUserId };
    },
    stop() {
      stopping ??= (async () => {
        if (started) {
          try {
            await bolt.stop(); // no new events from here on
          } catch (error) {
            logger.warn('slack.receiver_stop_failed', { error });
          }
        }
        const drained = await work.drain(deps.shutdownTimeoutMs ?? 15_000);
        if (!drained) logger.warn('slack.shutdown_timeout', { inFlight: work.size });
        logger.info('slack.stopped', { drained });
      })();
      return stopping;
    },
  };
}

/**
 * Bolt posts to a response_url once, and an answer that took seconds to make is lost to one dropped connection
 * (a proxy, an idle keep-alive socket closed under the request). Retried like Web API calls (SlackRetryConfig):
 * transport failures, 429 and 5xx. Any other status — an expired or used-up response_url — is final. A post whose
 * connection dropped after Slack took it may show twice, which beats an answer that never arrives.
 */
async function respondWithRetries(respond: RespondFn, message: RespondArguments, retry: SlackRetryConfig): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await respond(message);
      return;
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      const passing = typeof status !== 'number' || status === 429 || status >= 500;
      if (!passing || attempt >= (retry.retries ?? 0)) throw error;
      const wait = (retry.minTimeout ?? 0) * (retry.factor ?? 2) ** attempt * (retry.randomize ? 1 + Math.random() : 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(retry.maxTimeout ?? Infinity, wait)));
    }
  }
}

/** `/add-doc <https://…>` (Slack may wrap the link in <…> or <…|label>) → the URL, or undefined when there is none. */
export function urlFromSlackText(text: string): string | undefined {
  const t = text.trim().replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').replace(/&amp;/g, '&').trim();
  return /^https?:\/\/\S+$/i.test(t) && URL.canParse(t) ? t : undefined;
}

function guessLanguage(text: string): Language {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

/**
 * Bolt's HTTP receiver (signature checks, 401 for a bad signature or a timestamp over 5 minutes old),
 * plus the check Bolt lacks: a timestamp more than 5 minutes in the *future* is refused too (401), so a
 * request signed ahead of time cannot be replayed later.
 */
function timestampCheckedReceiver(config: SlackConfig, logger: Logger, now: () => number, ops?: OpsSources): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logger: boltLogger(logger),
    // /healthz, /readyz, /metrics beside /slack/events (unsigned GETs; src/ops).
    customRoutes: ops ? OPS_PATHS.map((path) => ({ path, method: ['GET', 'HEAD'], handler: (req: IncomingMessage, res: ServerResponse) => handleOps(ops, req, res) })) : [],
  });
  const checkSignature = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const sent = Number(Array.isArray(header) ? header[0] : header);
    if (header !== undefined && Number.isFinite(sent) && Math.abs(now() / 1000 - sent) > MAX_CLOCK_SKEW_SECONDS) {
      logger.warn('slack.request_refused', { reason: 'x-slack-request-timestamp is more than 5 minutes away from now', skew_s: Math.round(sent - now() / 1000) });
      res.writeHead(401).end();
      req.resume();
      return;
    }
    checkSignature(req, res);
  };
  return receiver;
}

/** auth.test at start: a wrong token or unreachable API fails the start with a clear message. */
async function verifyToken(client: WebClient, config: SlackConfig): Promise<string | undefined> {
  try {
    const auth = await client.auth.test();
    return auth.user_id;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const where = config.apiUrl ?? 'https://slack.com/api/';
    const message = code
      ? `Slack rejected SLACK_BOT_TOKEN (auth.test: ${code}). Reinstall the app from adapters/slack/manifest.yml and copy the Bot User OAuth Token.`
      : `Could not reach the Slack Web API at ${where} (${(error as Error).message}). Check the network or SLACK_API_URL.`;
    throw new Error(message, { cause: error });
  }
}

/** Bolt (and its Web API / Socket Mode clients) log through the project's logger, so secrets are redacted. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const fields = (parts: unknown[]) => ({ source: name, message: parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ') });
  return {
    debug: (...parts: unknown[]) => logger.debug('slack.bolt', fields(parts)),
    info: (...parts: unknown[]) => logger.info('slack.bolt', fields(parts)),
    warn: (...parts: unknown[]) => logger.warn('slack.bolt', fields(parts)),
    error: (...parts: unknown[]) => logger.error('slack.bolt', fields(parts)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
