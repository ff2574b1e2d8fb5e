// A real HTTP server on 127.0.0.1 that speaks enough of the Telegram Bot API for grammY:
// getMe, getUpdates (long poll over a queue the test pushes to), sendMessage, sendChatAction,
// answerCallbackQuery, setWebhook, deleteWebhook, editMessageReplyMarkup. It records every call
// and can be told to fail a method once (429 with retry_after, 500, ...) or to hold its next calls
// unanswered (a reply "in flight" when the bot is killed). Other tokens get 401.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { patience } from './limits.js';

export interface RecordedCall {
  method: string;
  params: Record<string, any>;
  at: number;
}

export interface BotIdentity {
  id: number;
  username: string;
  first_name: string;
}

interface ScriptedFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

const DEFAULT_BOT: BotIdentity = { id: 777000111, username: 'local_services_test_bot', first_name: 'Services Bot' };

export class TelegramApiServer {
  readonly calls: RecordedCall[] = [];
  /** Calls made with another token (answered 401). */
  readonly rejected: RecordedCall[] = [];
  /** Calls held unanswered by holdNext(): the client waits, as if Telegram were slow; never counted in `calls`. */
  readonly held: RecordedCall[] = [];
  readonly bot: BotIdentity;
  private readonly server: http.Server;
  private queue: Record<string, any>[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private pollers: (() => void)[] = [];
  private failures = new Map<string, ScriptedFailure[]>();
  private holds = new Map<string, number>();
  private openPolls = 0;
  private port = 0;

  private constructor(readonly token: string, bot: BotIdentity, private readonly maxPollMs: number) {
    this.bot = bot;
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: { token?: string; bot?: BotIdentity; maxPollMs?: number } = {}): Promise<TelegramApiServer> {
    const api = new TelegramApiServer(options.token ?? '123456789:TEST-token_abcdefghijklmnopqrstuv', options.bot ?? DEFAULT_BOT, options.maxPollMs ?? 500);
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    api.port = (api.server.address() as AddressInfo).port;
    return api;
  }

  /** For TELEGRAM_API_ROOT (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Queue an update for getUpdates; gives it the next update_id unless it has one (a redelivery). */
  pushUpdate(update: Record<string, any>): Record<string, any> {
    const full = { update_id: update.update_id ?? this.nextUpdateId++, ...update };
    this.queue.push(full);
    for (const wake of this.pollers.splice(0)) wake();
    return full;
  }

  /** The next call of `method` fails with this error (once per call to failNext). */
  failNext(method: string, failure: ScriptedFailure): void {
    const list = this.failures.get(method) ?? [];
    list.push(failure);
    this.failures.set(method, list);
  }

  /** getUpdates long polls not answered yet (a killed bot's poll ends when the server sees its socket close). */
  get pendingPolls(): number {
    return this.openPolls;
  }

  /** The next `count` calls of `method` are never answered (the client hangs until it gives up or dies). */
  holdNext(method: string, count = 1): void {
    this.holds.set(method, (this.holds.get(method) ?? 0) + count);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages sent to a chat, in order. */
  sentTo(chatId: number): RecordedCall[] {
    return this.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chatId);
  }

  /**
   * Waits until `predicate` holds over the recorded calls (polls every 20 ms). `timeoutMs` is raised to at least
   * PATIENCE_MS (test/support/limits.ts): a safety net for a hung test, not a speed check.
   */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number, what = 'condition'): Promise<void> {
    const limit = patience(timeoutMs);
    const deadline = Date.now() + limit;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${limit} ms waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', this.apiRoot).pathname);
    if (!match) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match;
    let params: Record<string, any> = {};
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw) params = JSON.parse(raw);
    if (token !== this.token) {
      this.rejected.push({ method, params, at: Date.now() });
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const holding = this.holds.get(method) ?? 0;
    if (holding > 0) {
      this.holds.set(method, holding - 1);
      this.held.push({ method, params, at: Date.now() });
      return; // no answer: the request stays open until the client closes it
    }
    this.calls.push({ method, params, at: Date.now() });

    const failure = this.failures.get(method)?.shift();
    if (failure) return send(failure.error_code, { ok: false, ...failure });

    const ok = (result: unknown) => send(200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok({ ...this.bot, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false });
      case 'getUpdates':
        this.openPolls++;
        try {
          return ok(await this.takeUpdates(params, res));
        } finally {
          this.openPolls--;
        }
      case 'sendMessage':
        return ok({
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: Number(params.chat_id) < 0 ? 'supergroup' : 'private' },
          from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username },
          text: params.text,
        });
      case 'editMessageReplyMarkup':
        return ok(true);
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'setWebhook':
      case 'deleteWebhook':
        return ok(true);
      default:
        return send(404, { ok: false, error_code: 404, description: `Not Found: method ${method} not found` });
    }
  }

  // Every queued update goes out once (the offset bookkeeping is grammY's); pushing the same update
  // again simulates Telegram redelivering it (after a timeout, or to a restarted bot).
  private async takeUpdates(params: Record<string, any>, res: http.ServerResponse): Promise<Record<string, any>[]> {
    if (this.queue.length === 0) {
      const waitMs = Math.min(Number(params.timeout ?? 0) * 1000, this.maxPollMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        res.once('close', resolve); // the client gave up (runner stopped)
        this.pollers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (res.destroyed) return []; // don't lose updates to a poller that has gone
    return this.queue.splice(0, Number(params.limit ?? 100));
  }
}

// ---------- update builders ----------

let messageSeq = 5000;
const now = () => Math.floor(Date.now() / 1000);

export function user(id: number, firstName = 'Resident') {
  return { id, is_bot: false, first_name: firstName };
}

export function privateText(text: string, userId = 42, extra: Record<string, any> = {}) {
  return {
    message: {
      message_id: messageSeq++, date: now(), chat: { id: userId, type: 'private', first_name: 'Resident' },
      from: user(userId), text, ...commandEntities(text), ...extra,
    },
  };
}

export function groupText(text: string, chatId: number, userId = 43, extra: Record<string, any> = {}) {
  return {
    message: {
      message_id: messageSeq++, date: now(), chat: { id: chatId, type: 'supergroup', title: 'Neighbours' },
      from: user(userId), text, ...mentionEntities(text), ...extra,
    },
  };
}

export function privatePhoto(userId = 42) {
  return {
    message: {
      message_id: messageSeq++, date: now(), chat: { id: userId, type: 'private', first_name: 'Resident' }, from: user(userId),
      photo: [{ file_id: 'photo-1', file_unique_id: 'u1', width: 90, height: 90 }],
    },
  };
}

export function callbackPress(data: string, userId: number, chatId: number, messageId = 1) {
  return {
    callback_query: {
      id: `cb-${messageSeq++}`, from: user(userId), chat_instance: 'ci-1', data,
      message: { message_id: messageId, date: now(), chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, text: 'answer' },
    },
  };
}

/** Entities Telegram would attach: a leading /command, and @mentions. */
function commandEntities(text: string) {
  const entities = [];
  const cmd = /^\/[a-z_]+(@\w+)?/i.exec(text);
  if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/@\w+/g)) if (!(cmd && m.index! < cmd[0].length)) entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  return entities.length ? { entities } : {};
}
const mentionEntities = commandEntities;
