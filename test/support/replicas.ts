// Several Telegram webhook replicas (real `npm run telegram` processes) behind Debian's nginx as the load
// balancer, for the replica test and `npm run bench`'s replica section. Telegram is played by `deliver`,
// which POSTs an update through nginx and redelivers it on any non-2xx answer, as Telegram does.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './net.js';
import { spawnTs } from './spawn-ts.js';
import { REPO_ROOT } from './corpus.js';
import { patience } from './limits.js';

export const WEBHOOK_SECRET = 'replica-webhook-secret';

export interface Replica {
  readonly port: number;
  readonly child: ChildProcess;
  stderr(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Waits until `test` holds, polling every 20 ms; fails after the patience limit (a safety net, not a speed check). */
export async function until(test: () => boolean, what: string, timeoutMs?: number): Promise<void> {
  const deadline = Date.now() + patience(timeoutMs);
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One `npm run telegram` in webhook mode on 127.0.0.1 (node with tsx's loader: the pid is the bot itself). */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawnTs('adapters/telegram/main.ts', [], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '', HOME: env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env,
      TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: String(port), TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));
  try {
    await until(() => stderr.includes('telegram.webhook_listening') || gone, 'a replica to listen (it logs telegram.webhook_listening at LOG_LEVEL info)');
  } catch (error) {
    child.kill('SIGKILL'); // never leave a replica behind
    throw error;
  }
  if (gone) throw new Error(`a replica exited before listening:\n${stderr}`);
  return { port, child, stderr: () => stderr, exited };
}

export interface Nginx {
  readonly url: string;
  stop(): Promise<void>;
}

/** Debian's nginx on 127.0.0.1 balancing round-robin over `ports`; a dead upstream is skipped (connection refused is retried on the next). */
export async function startNginx(dir: string, ports: number[]): Promise<Nginx> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
  fs.chmodSync(dir, 0o777); // workers run as nobody when started by root
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream bots {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=60s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location /telegram {
      proxy_pass http://bots;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
      proxy_read_timeout 120s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`);
  const check = spawn('/usr/sbin/nginx', ['-t', '-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let checkErr = '';
  check.stderr.on('data', (d) => (checkErr += d));
  const ok = await new Promise<number | null>((resolve) => check.once('exit', resolve));
  if (ok !== 0) throw new Error(`nginx -t refused the configuration:\n${checkErr}`);
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  await until(() => fs.existsSync(path.join(dir, 'nginx.pid')) || gone, 'nginx to start');
  if (gone) throw new Error(`nginx exited at start:\n${stderr}`);
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Delivery {
  /** The upstream (replica address) that answered 2xx. */
  upstream: string;
  /** Non-2xx answers or failed connections before it (each followed by a redelivery). */
  retries: number;
  ms: number;
}

/** POSTs one update through `url` until a 2xx answer, as Telegram redelivers after a non-2xx one. */
export async function deliver(url: string, update: Record<string, unknown>, maxAttempts = 50): Promise<Delivery> {
  const started = performance.now();
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      const res = await fetch(`${url}/telegram`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      if (res.ok) return { upstream: res.headers.get('x-upstream') ?? '', retries: attempt, ms: performance.now() - started };
    } catch {
      // connection failed: redeliver
    }
    await new Promise((r) => setTimeout(r, 50 * Math.min(attempt + 1, 10))); // Telegram's back-off, shortened
  }
  throw new Error(`update ${String(update.update_id)} was never accepted after ${maxAttempts} attempts`);
}

/** Runs `work` over `items` with at most `concurrency` at once; answers the results in order. */
export async function pool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}
