// The operator endpoints, mounted on the Telegram webhook server and the Slack HTTP server, or served alone on
// OPS_PORT (polling / Socket Mode, which have no server of their own):
//   GET /healthz  200 while the process runs and its event loop answers (liveness: restart it if this fails)
//   GET /readyz   200 when the index is loaded and the store takes writes, else 503 naming what is not ready
//   GET /metrics  Prometheus text (see metrics.ts)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import type { BotMetrics, IndexStatus } from './metrics.js';

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

export interface OpsSources {
  metrics: BotMetrics;
  indexStatus: () => IndexStatus | undefined;
  /** Resolves when a write could be made now; rejects with the reason otherwise. */
  storeWritable: () => Promise<void>;
  logger: Logger;
}

export interface Readiness {
  ready: boolean;
  checks: { index: { ok: boolean; detail: string }; store: { ok: boolean; detail: string } };
}

export async function readiness(sources: OpsSources): Promise<Readiness> {
  const status = sources.indexStatus();
  const index = status
    ? { ok: true, detail: `${status.generation}: ${status.documents} documents, ${status.chunks} chunks${status.vectors ? ', with vectors' : ''}` }
    : { ok: false, detail: 'no index loaded yet: run `npm run ingest`, or wait for the first start to build it' };
  let store: Readiness['checks']['store'];
  try {
    await sources.storeWritable();
    store = { ok: true, detail: 'writable' };
  } catch (error) {
    store = { ok: false, detail: `not writable: ${(error as Error).message}` };
  }
  return { ready: index.ok && store.ok, checks: { index, store } };
}

/**
 * Answers the ops paths; returns false for any other request (the caller handles it). GET and HEAD only.
 */
export function handleOps(sources: OpsSources, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!(OPS_PATHS as readonly string[]).includes(pathname)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end('GET only\n');
    return true;
  }
  const send = (status: number, type: string, body: string) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const fail = (error: unknown) => {
    sources.logger.error('ops.failed', { path: pathname, cause: error });
    if (!res.headersSent) send(500, 'text/plain; charset=utf-8', 'error\n');
  };
  if (pathname === '/healthz') send(200, 'text/plain; charset=utf-8', 'ok\n');
  else if (pathname === '/readyz') {
    readiness(sources).then((r) => send(r.ready ? 200 : 503, 'application/json; charset=utf-8', `${JSON.stringify({ status: r.ready ? 'ready' : 'not ready', ...r.checks })}\n`), fail);
  } else sources.metrics.text().then((text) => send(200, sources.metrics.contentType, text), fail);
  return true;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** The ops endpoints alone, on OPS_HOST:OPS_PORT (for polling and Socket Mode). Other paths: 404. */
export async function startOpsServer(sources: OpsSources, host: string, port: number): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    if (!handleOps(sources, req, res)) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  sources.logger.info('ops.listening', { host, port: bound, paths: OPS_PATHS });
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
