// Webhook mode: a plain node:http server that hands POSTs on one path to grammY's webhookCallback.
// grammY checks X-Telegram-Bot-Api-Secret-Token (wrong or missing → 401). We answer 2xx for every
// update we accepted — even when handling it failed — because Telegram redelivers any non-2xx forever.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
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
}

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
  const handle = webhookCallback(options.bot, 'http', {
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
      // Only an unreadable body gets here (handler errors are caught by the bot's error boundary).
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
