// Webhook mode: a plain node:http server that hands POSTs on one path to grammY's webhookCallback.
// grammY checks X-Telegram-Bot-Api-Secret-Token (wrong or missing → 401). We answer 2xx for every
// update we accepted — even when handling it failed — because Telegram redelivers any non-2xx forever.
// Bodies are read only after the secret checks out, and only up to 1 MB (more → 413): a real update
// is a few KB.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../src/log.js';
import { handleOps, type OpsSources } from '../../src/ops/http.js';

export interface WebhookServerOptions {
  bot: Bot;
  host: string;
  port: number;
  path: string;
  secret: string;
  logger: Logger;
  /** Acknowledge an update after this long even if the answer is still being written (it carries on). */
  ackAfterMs?: number;
  /** Serve /healthz, /readyz and /metrics on this server too (src/ops). */
  ops?: OpsSources;
  /** Largest body read (default 1 MB); larger ones get 413. */
  maxBodyBytes?: number;
}

export const MAX_UPDATE_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

/** Reads a JSON body of at most `limit` bytes; rejects with BodyTooLarge as soon as it is exceeded. */
function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.once('error', reject);
  });
}

/** grammY's node:http adapter, with a bounded body. */
const boundedHttp = (limit: number) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  const header = req.headers['x-telegram-bot-api-secret-token'];
  return {
    get update() {
      return readJson(req, limit) as Promise<Update>;
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => void res.end(),
    respond: (json: string) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
    unauthorized: () => void res.writeHead(401).end('secret token is wrong'),
    handlerReturn: undefined,
  };
};

export interface WebhookServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stop accepting connections; requests already received finish. */
  stopAccepting(): void;
  /** Stop accepting, give open requests `graceMs` to finish, then close every connection. */
  close(graceMs?: number): Promise<void>;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { logger } = options;
  const handle = webhookCallback(options.bot, boundedHttp(options.maxBodyBytes ?? MAX_UPDATE_BYTES), {
    secretToken: options.secret,
    onTimeout: 'return',
    timeoutMilliseconds: options.ackAfterMs ?? 8_000,
  });

  const open = new Set<http.ServerResponse>();
  let stopping = false;
  const server = http.createServer((req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
    open.add(res);
    res.once('close', () => open.delete(res));
    if (options.ops && handleOps(options.ops, req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== options.path) return void res.writeHead(404).end('not found');
    if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end('POST only');
    handle(req, res).catch((error: unknown) => {
      // Only an unreadable or oversized body gets here (handler errors are caught by the bot's error boundary).
      if (error instanceof BodyTooLarge) {
        logger.warn('telegram.webhook_body_too_large', { limit_bytes: options.maxBodyBytes ?? MAX_UPDATE_BYTES, content_length: req.headers['content-length'] });
        // Say so, then drop the connection rather than read the rest.
        if (!res.headersSent) res.writeHead(413, { Connection: 'close' }).end('update too large', () => req.destroy());
        return;
      }
      logger.warn('telegram.webhook_bad_request', { cause: error });
      if (!res.headersSent) res.writeHead(400).end('bad update');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info('telegram.webhook_listening', { host: options.host, port, path: options.path });

  let closed: Promise<void> | undefined;
  const stopAccepting = () => {
    stopping = true;
    // Answers still being written close their connection afterwards, so close() needn't wait out keep-alive.
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
  };
  return {
    port,
    stopAccepting,
    close: async (graceMs = 2_000) => {
      stopAccepting();
      // Let responses already being written reach Telegram, then cut whatever is left.
      await Promise.race([closed, new Promise((r) => setTimeout(r, graceMs).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}
