// A real local HTTP server speaking the parts of the Slack Web API the adapter uses, plus
// response_url endpoints and a Socket Mode WebSocket. Tests point the app at it with
// SLACK_API_URL / clientOptions.slackApiUrl and read back what the app sent.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { patience } from './limits.js';

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0000001';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token?: string;
  status: number;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface SlackApiServerOptions {
  botToken: string;
  /** Enables apps.connections.open and the WebSocket endpoint. */
  appToken?: string;
}

/** A file the server holds, as if a user had uploaded it to Slack. */
export interface HostedFile {
  id: string;
  name: string;
  bytes: Buffer;
  mimetype?: string;
}

export interface SlackApiServer {
  /** Makes a file available through files.info and its url_private (served only with the bot token). */
  hostFile(file: HostedFile): void;
  /** Downloads of hosted files (url_private requests), with the token they carried. */
  readonly downloads: { id: string; token?: string }[];
  /** Base URL for the Web API, with trailing slash (what WebClient's slackApiUrl expects). */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponseUrlPost[];
  /** Messages the app sent over Socket Mode (acks carry envelope_id). */
  readonly socketMessages: Record<string, unknown>[];
  /** A response_url for a slash command or interaction, recorded under `id`. */
  responseUrl(id: string): string;
  /** The next call of `method` gets 429 with Retry-After: `retryAfterSec`. */
  rateLimitOnce(method: string, retryAfterSec: number): void;
  /**
   * The next posts to response_url `id` fail, one per entry: 'reset' drops the connection before any answer (as a
   * proxy or an idle keep-alive socket closing under the request does), a number answers with that HTTP status.
   */
  failResponses(id: string, failures: ('reset' | number)[]): void;
  /** Posts to response URLs that were dropped or refused by failResponses (not in `responses`). */
  readonly failedResponses: { id: string; failure: 'reset' | number }[];
  /** Calls of one method that succeeded (status 200). */
  succeeded(method: string): ApiCall[];
  /** Sends a Socket Mode envelope to every connected app. */
  deliverOverSocket(envelope: Record<string, unknown>): number;
  /** Resolves when a WebSocket client has connected and got its hello. */
  socketConnected(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Polls `pick` until it returns something, or fails with `what` in the message after `timeoutMs`, raised to
 * at least PATIENCE_MS (test/support/limits.ts): a safety net for a hung test, not a speed check.
 */
export async function waitFor<T>(pick: () => T | undefined | false, what: string, timeoutMs?: number): Promise<T> {
  const limit = patience(timeoutMs);
  const deadline = Date.now() + limit;
  for (;;) {
    const value = pick();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${limit} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);
const BOOLEAN_FIELDS = new Set(['unfurl_links', 'unfurl_media', 'reply_broadcast', 'mrkdwn']);

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(key)) args[key] = JSON.parse(value);
    else if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) args[key] = value === 'true';
    else args[key] = value;
  }
  return args;
}

export async function startSlackApiServer(options: SlackApiServerOptions): Promise<SlackApiServer> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const socketMessages: Record<string, unknown>[] = [];
  const rateLimits = new Map<string, number>();
  const responseFailures = new Map<string, ('reset' | number)[]>();
  const failedResponses: { id: string; failure: 'reset' | number }[] = [];
  const files = new Map<string, HostedFile>();
  const downloads: { id: string; token?: string }[] = [];
  const sockets = new Set<WebSocket>();
  let nextTs = 1_700_000_000;
  let connected = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };

      if (url.pathname.startsWith('/response/')) {
        const id = decodeURIComponent(url.pathname.slice('/response/'.length));
        const failure = responseFailures.get(id)?.shift();
        if (failure !== undefined) {
          failedResponses.push({ id, failure });
          if (failure === 'reset') req.socket.destroy();
          else send(failure, { ok: false, error: 'failed_on_purpose' });
          return;
        }
        responses.push({ id, body: parseArgs(raw, req.headers['content-type']), at: Date.now() });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        return;
      }
      if (url.pathname.startsWith('/files-pri/')) {
        const id = decodeURIComponent(url.pathname.split('/')[2] ?? '');
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        downloads.push({ id, token });
        const file = files.get(id);
        if (!file) return send(404, { ok: false, error: 'file_not_found' });
        // Like Slack: without the bot token, a sign-in page instead of the file.
        if (token !== options.botToken) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<html><body>Sign in to Slack</body></html>');
          return;
        }
        res.writeHead(200, { 'content-type': file.mimetype ?? 'application/octet-stream', 'content-length': String(file.bytes.length) });
        res.end(file.bytes);
        return;
      }
      if (!url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'not_found' });

      const method = url.pathname.slice('/api/'.length);
      const token = req.headers.authorization?.replace(/^Bearer /, '');
      let args: Record<string, unknown>;
      try {
        args = parseArgs(raw, req.headers['content-type']);
      } catch {
        return send(200, { ok: false, error: 'invalid_arguments' });
      }
      const call: ApiCall = { method, args, token, status: 200, at: Date.now() };
      calls.push(call);

      const retryAfter = rateLimits.get(method);
      if (retryAfter !== undefined) {
        rateLimits.delete(method);
        call.status = 429;
        return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      }

      if (method === 'apps.connections.open') {
        if (!options.appToken || token !== options.appToken) return send(200, { ok: false, error: 'invalid_auth' });
        return send(200, { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` });
      }
      if (token !== options.botToken) return send(200, { ok: false, error: 'invalid_auth' });

      switch (method) {
        case 'auth.test':
          return send(200, { ok: true, url: 'https://local.slack.test/', team: 'Local', user: 'services-bot', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID });
        case 'chat.postMessage': {
          const ts = `${nextTs++}.000100`;
          return send(200, { ok: true, channel: args.channel, ts, message: { ...args, ts, bot_id: BOT_ID, user: BOT_USER_ID } });
        }
        case 'files.info': {
          const file = files.get(String(args.file));
          if (!file) return send(200, { ok: false, error: 'file_not_found' });
          const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          const link = `${base}/files-pri/${encodeURIComponent(file.id)}/${encodeURIComponent(file.name)}`;
          return send(200, { ok: true, file: { id: file.id, name: file.name, title: file.name, size: file.bytes.length, mimetype: file.mimetype ?? 'application/octet-stream', url_private: link, url_private_download: `${link}?download=1` } });
        }
        case 'chat.postEphemeral':
          return send(200, { ok: true, message_ts: `${nextTs++}.000200` });
        default:
          return send(200, { ok: false, error: 'unknown_method' });
      }
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        try {
          socketMessages.push(JSON.parse(data.toString()) as Record<string, unknown>);
        } catch {
          socketMessages.push({ unparsable: data.toString() });
        }
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'local' }, connection_info: { app_id: 'A0000001' } }));
      connected++;
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    socketMessages,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    hostFile: (file) => void files.set(file.id, file),
    downloads,
    rateLimitOnce: (method, retryAfterSec) => void rateLimits.set(method, retryAfterSec),
    failResponses: (id, failures) => void responseFailures.set(id, [...failures]),
    failedResponses,
    succeeded: (method) => calls.filter((c) => c.method === method && c.status === 200),
    deliverOverSocket(envelope) {
      const text = JSON.stringify(envelope);
      for (const ws of sockets) ws.send(text);
      return sockets.size;
    },
    socketConnected: (timeoutMs?: number) => waitFor(() => connected > 0 && sockets.size > 0, 'a Socket Mode connection', timeoutMs).then(() => undefined),
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------- what Slack sends to the app: signed requests, event envelopes, commands, button presses ----------

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface SignedPostOptions {
  secret: string;
  contentType?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  signature?: string;
  retryNum?: number;
  omitHeaders?: ('x-slack-signature' | 'x-slack-request-timestamp')[];
}

/** POSTs a body to the app as Slack would: signed with the signing secret. */
export async function postSigned(url: string, body: string, options: SignedPostOptions): Promise<{ status: number; ms: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  for (const h of options.omitHeaders ?? []) delete headers[h];
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, ms: Date.now() - started, text };
}

/** An Events API envelope (event_callback) as Slack sends it. */
export function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM_ID,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  };
}

let tsCounter = 1_710_000_000;
export function nextTs(): string {
  return `${tsCounter++}.000${Math.floor(Math.random() * 900) + 100}`;
}

export function mention(channel: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: 'UALICE01', text: `<@${BOT_USER_ID}> ${text}`, ts: nextTs(), channel, event_ts: nextTs(), ...extra };
}

export function directMessage(channel: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return { type: 'message', channel_type: 'im', user: 'UALICE01', text, ts, event_ts: ts, channel, ...extra };
}

/** A slash command as a form-encoded body. */
export function slashCommand(command: string, text: string, responseUrl: string, channel = 'CSTAFF01'): string {
  return new URLSearchParams({
    token: 'unused',
    team_id: TEAM_ID,
    channel_id: channel,
    channel_name: 'staff',
    user_id: 'USTAFF01',
    user_name: 'staff',
    command,
    text,
    api_app_id: 'A0000001',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
}

/** A block_actions interaction (button press) as a form-encoded body. */
export function buttonPress(actionId: string, value: string, responseUrl: string, options: { channel?: string; user?: string; ephemeral?: boolean } = {}): string {
  const channel = options.channel ?? 'CPUBLIC1';
  const messageTs = nextTs();
  const payload = {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'local' },
    user: { id: options.user ?? 'UALICE01', username: 'alice', team_id: TEAM_ID },
    api_app_id: 'A0000001',
    token: 'unused',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: Boolean(options.ephemeral) },
    trigger_id: '123.456.def',
    channel: { id: channel, name: 'general' },
    ...(options.ephemeral ? {} : { message: { type: 'message', ts: messageTs, thread_ts: messageTs, text: 'answer', user: BOT_USER_ID } }),
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: `answer:${value}`, value, text: { type: 'plain_text', text: 'x' }, action_ts: nextTs() }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
