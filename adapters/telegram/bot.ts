// The Telegram adapter: translates updates into ONE call to the answering service and renders the
// result. No answering logic lives here; the service logs every question/answer/latency itself.
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { sequentialize } from '@grammyjs/runner';
import { autoRetry } from '@grammyjs/auto-retry';
import type { AnswerService, AskResponse, FeedbackOutcome, InteractionStore, RateLimiter } from '../../src/ports.js';
import type { TelegramConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { escapeHtml, feedbackKeyboard, paginate, parseFeedbackData, renderAnswer, renderFullSources } from './render.js';
import { helpMessage, TEXT } from './texts.js';
import { SlidingWindowRateLimiter } from '../../src/runtime/rate-limit.js';
import { LruMap } from './lru-map.js';
import { InFlight } from '../../src/runtime/in-flight.js';
import { buttonSignature, buttonVerifies, type PrivacyKeys } from '../../src/privacy/keys.js';
import { forgetReply, privacyNotice, type PrivacyFacts } from '../../src/privacy/notice.js';

export interface TelegramBotDeps {
  config: TelegramConfig;
  service: AnswerService;
  store: InteractionStore;
  logger: Logger;
  /** Keyed hashes of user and chat ids (the only form stored) and button signatures. */
  keys: PrivacyKeys;
  /** What /privacy tells residents. */
  privacy: PrivacyFacts;
  /** The bot's own user (from a getMe already made at start-up); fetched on first use when absent. */
  botInfo?: UserFromGetMe;
  /** Clock for the rate limiter. */
  now?: () => number;
  /** Per-user limit (shared by replicas with DATABASE_URL); default an in-memory one of config.ratePerMinute. */
  limiter?: RateLimiter;
  /** Longest 429 `retry_after` we wait out before giving up on a message (seconds). */
  maxRetryAfterSeconds?: number;
}

export interface TelegramAdapter {
  bot: Bot;
  /** Updates being handled right now; `drain(ms)` waits for them at shutdown. */
  inFlight: InFlight;
}

const TYPING_REFRESH_MS = 4_500; // Telegram shows "typing…" for about 5 s per action.
const LAST_ANSWERS_KEPT = 1_000;
/** A queued vote is thanked (the retry decides stored/duplicate); a refused one is apologised for. */
const FEEDBACK_TEXT: Record<FeedbackOutcome, string> = {
  stored: TEXT.feedbackThanks,
  queued: TEXT.feedbackThanks,
  duplicate: TEXT.feedbackDuplicate,
  'unknown-interaction': TEXT.feedbackUnknown,
  rejected: TEXT.apology,
  closed: TEXT.apology,
};

/** Keyed hash of a Telegram user id: counts a vote once without storing who it was. */
export function userKey(keys: PrivacyKeys, userId: number): string {
  return keys.id('telegram:user', userId);
}

/** Keyed hash of a Telegram chat id (in a private chat, the user's id). */
export function chatKey(keys: PrivacyKeys, chatId: number): string {
  return keys.id('telegram:chat', chatId);
}

/** One conversation per private chat, one per member in a group; built from keyed hashes only. */
export function conversationIdFor(keys: PrivacyKeys, chatId: number, groupMember?: number): string {
  const chat = `telegram:${chatKey(keys, chatId)}`;
  return groupMember === undefined ? chat : `${chat}:${userKey(keys, groupMember)}`;
}

/** The residents' language as Telegram reports it; undefined when it does not say. */
function userLanguage(ctx: Context): 'zh' | 'en' | undefined {
  const code = ctx.from?.language_code?.toLowerCase();
  if (!code) return undefined;
  return code.startsWith('zh') ? 'zh' : 'en';
}

function isGroupChat(ctx: Context): boolean {
  return ctx.chat?.type === 'group' || ctx.chat?.type === 'supergroup';
}

/** In a group, the question with mentions of this bot cut out; undefined when the bot isn't addressed. */
export function groupQuestion(ctx: Context): string | undefined {
  const msg = ctx.message;
  const text = msg?.text;
  if (!msg || text === undefined) return undefined;
  const me = ctx.me;
  const mentions = (msg.entities ?? []).filter((e) =>
    (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username}`.toLowerCase()) ||
    (e.type === 'text_mention' && e.user.id === me.id));
  const repliesToBot = msg.reply_to_message?.from?.id === me.id;
  if (mentions.length === 0 && !repliesToBot) return undefined;
  let question = text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    // A text_mention is the bot's display name inside the sentence; keep it only when it isn't a prefix.
    if (e.type === 'mention' || e.offset === 0) question = question.slice(0, e.offset) + question.slice(e.offset + e.length);
  }
  return question.replace(/^[\s,，:：]+/, '').trim();
}

export function createTelegramBot(deps: TelegramBotDeps): TelegramAdapter {
  const { config, service, store, logger, keys } = deps;
  const bot = new Bot(config.token, { botInfo: deps.botInfo, client: { apiRoot: config.apiRoot } });
  // Honour Telegram's 429 retry_after instead of dropping replies; give up on absurd waits.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: deps.maxRetryAfterSeconds ?? 60 }));

  const inFlight = new InFlight();
  const limiter: RateLimiter = deps.limiter ?? new SlidingWindowRateLimiter(config.ratePerMinute, 60_000, deps.now ?? Date.now);
  const lastAnswers = new LruMap<number, AskResponse>(LAST_ANSWERS_KEPT);

  // Polling (runner) reports errors here; webhook mode never reaches it, hence the boundary below.
  bot.catch((err) => logger.error('telegram.update_failed', { update_id: err.ctx.update.update_id, cause: err.error }));
  // Swallow handler errors after logging them, so a webhook still answers 2xx (else Telegram redelivers forever).
  const safe = bot.errorBoundary((err) =>
    logger.error('telegram.update_failed', { update_id: err.ctx.update.update_id, cause: err.error }));

  safe.use((_ctx, next) => inFlight.track(next));

  // Answer each update once, also across restarts (Telegram redelivers after timeouts and non-2xx).
  // The delivery is recorded done only once handling ended; a redelivery whose first attempt died with
  // its process (kill -9 mid-reply) is claimed again and answered.
  safe.use(async (ctx, next) => {
    const key = `telegram:update:${ctx.update.update_id}`;
    let first = true;
    try {
      first = await store.claimDelivery(key);
    } catch (error) {
      // Better a possible duplicate reply than none at all.
      logger.error('telegram.dedup_failed', { update_id: ctx.update.update_id, cause: error });
    }
    if (!first) {
      logger.info('telegram.duplicate_update', { update_id: ctx.update.update_id });
      return;
    }
    try {
      await next();
    } finally {
      await store.completeDelivery(key).catch((error: unknown) => logger.error('telegram.dedup_failed', { update_id: ctx.update.update_id, cause: error }));
    }
  });

  // Different chats concurrently, one chat's updates in order.
  safe.use(sequentialize((ctx: Context) => (ctx.chat ? String(ctx.chat.id) : undefined)));

  const sendHtml = async (ctx: Context, parts: string[], options: { replyTo?: number; keyboard?: ReturnType<typeof feedbackKeyboard> } = {}) => {
    for (const [i, text] of parts.entries()) {
      await ctx.reply(text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_parameters: i === 0 && options.replyTo ? { message_id: options.replyTo, allow_sending_without_reply: true } : undefined,
        reply_markup: i === parts.length - 1 ? options.keyboard : undefined,
      });
    }
  };
  const sendNote = (ctx: Context, text: string) =>
    sendHtml(ctx, [escapeHtml(text)], { replyTo: isGroupChat(ctx) ? ctx.msg?.message_id : undefined });

  const conversationOf = (ctx: Context): string =>
    conversationIdFor(keys, ctx.chat!.id, isGroupChat(ctx) && ctx.from ? ctx.from.id : undefined);

  const keepTyping = (ctx: Context): (() => void) => {
    const send = () => ctx.replyWithChatAction('typing').catch((error) => logger.debug('telegram.typing_failed', { cause: error }));
    void send();
    const timer = setInterval(send, TYPING_REFRESH_MS);
    return () => clearInterval(timer);
  };

  const answer = async (ctx: Context, rawQuestion: string) => {
    const chat = ctx.chat!;
    const question = rawQuestion.trim();
    if (!question) return sendNote(ctx, TEXT.emptyAsk);
    if (question.length > config.maxQuestionChars) return sendNote(ctx, TEXT.tooLong(config.maxQuestionChars));
    const decision = await limiter.take(ctx.from ? `user:${ctx.from.id}` : `chat:${chat.id}`);
    if (decision !== 'allow') {
      logger.info('telegram.rate_limited', { chat: chatKey(keys, chat.id), notified: decision === 'deny-notify' });
      if (decision === 'deny-notify') await sendNote(ctx, TEXT.rateLimited(config.ratePerMinute));
      return;
    }
    const stopTyping = keepTyping(ctx);
    let response: AskResponse;
    try {
      response = await service.ask({
        question, conversationId: conversationOf(ctx), channel: 'telegram', chatId: chatKey(keys, chat.id), userKey: ctx.from ? userKey(keys, ctx.from.id) : undefined,
      });
    } catch (error) {
      logger.error('telegram.answer_failed', { chat: chatKey(keys, chat.id), update_id: ctx.update.update_id, cause: error });
      return sendNote(ctx, TEXT.apology);
    } finally {
      stopTyping();
    }
    lastAnswers.set(chat.id, response);
    await sendHtml(ctx, renderAnswer(response), {
      replyTo: isGroupChat(ctx) ? ctx.msg?.message_id : undefined,
      keyboard: response.interaction_id !== undefined && ctx.from
        ? feedbackKeyboard(response.interaction_id, buttonSignature(keys, 'telegram', response.interaction_id, chat.id, ctx.from.id))
        : undefined,
    });
  };

  safe.command(['start', 'help'], (ctx) => sendHtml(ctx, helpMessage(service.describe(), isGroupChat(ctx), ctx.me.username)));
  safe.command('sources', (ctx) => sendHtml(ctx, renderFullSources(lastAnswers.get(ctx.chat.id))));
  safe.command('new', async (ctx) => {
    await service.forget(conversationOf(ctx));
    await sendNote(ctx, TEXT.forgotten);
  });
  safe.command('ask', (ctx) => answer(ctx, ctx.match));
  // Everything stored about this person: their questions (in every chat), their conversations, their votes.
  safe.command('forget', async (ctx) => {
    if (!ctx.from) return;
    lastAnswers.delete(ctx.chat.id);
    const [outcome] = await Promise.all([store.forgetPerson(userKey(keys, ctx.from.id)), service.forget(conversationOf(ctx))]);
    logger.info('telegram.forgotten', { status: outcome.status, ...(outcome.status === 'deleted' ? { interactions: outcome.interactions, turns: outcome.turns, votes: outcome.votes } : {}) });
    await sendNote(ctx, forgetReply(outcome) ?? TEXT.apology);
  });
  safe.command('privacy', (ctx) => {
    // In the language Telegram reports for the person; both when it reports none.
    const language = userLanguage(ctx);
    const blocks = (language ? [language] : (['zh', 'en'] as const)).flatMap((lang) => {
      const notice = privacyNotice(lang, deps.privacy);
      return [{ text: notice.title, style: 'bold' as const }, ...notice.paragraphs.map((text) => ({ text })), { text: '' }];
    });
    return sendHtml(ctx, paginate(blocks), { replyTo: isGroupChat(ctx) ? ctx.msg?.message_id : undefined });
  });

  safe.on('callback_query:data', async (ctx) => {
    const feedback = parseFeedbackData(ctx.callbackQuery.data);
    const chatId = ctx.callbackQuery.message?.chat.id;
    // Checked before anything is stored: the button must be this answer's, in this chat, pressed by the asker.
    if (!feedback || !buttonVerifies(keys, 'telegram', feedback.interactionId, chatId, ctx.from.id, feedback.signature)) {
      logger.warn('telegram.feedback_refused', { reason: feedback ? 'signature does not match this chat and person' : 'not a current feedback button', interaction_id: feedback?.interactionId });
      return ctx.answerCallbackQuery({ text: TEXT.feedbackRefused });
    }
    let result: FeedbackOutcome;
    try {
      result = await store.recordFeedback({ interactionId: feedback.interactionId, voterKey: userKey(keys, ctx.from.id), vote: feedback.vote });
    } catch (error) {
      logger.error('telegram.feedback_failed', { interaction_id: feedback.interactionId, cause: error });
      return ctx.answerCallbackQuery({ text: TEXT.apology });
    }
    logger.info('telegram.feedback', { interaction_id: feedback.interactionId, vote: feedback.vote, result });
    const text = FEEDBACK_TEXT[result];
    await ctx.answerCallbackQuery({ text });
  });

  safe.on('message:text', async (ctx) => {
    if (isGroupChat(ctx)) {
      const question = groupQuestion(ctx);
      if (question !== undefined) await answer(ctx, question);
      return; // Group chatter not addressed to the bot is none of its business.
    }
    if (ctx.chat.type !== 'private') return;
    if (ctx.entities('bot_command').some((e) => e.offset === 0)) return sendNote(ctx, TEXT.unknownCommand);
    await answer(ctx, ctx.message.text);
  });

  // Photos, voice, stickers, ...: say once what we can do (in groups only when addressed).
  safe.on('message', async (ctx) => {
    const addressed = ctx.chat.type === 'private' || ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (addressed) await sendNote(ctx, TEXT.textOnly);
  });

  return { bot, inFlight };
}
