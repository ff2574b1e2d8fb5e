// deploy/: the systemd unit passes `systemd-analyze verify` and starts what `npm run build` produces; the nginx
// site passes Debian's `nginx -t` and carries a webhook over TLS (a self-signed certificate made here with
// openssl) to the real bot, which answers through the local Bot API server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegram, type RunningTelegram } from '../adapters/telegram/main.js';
import { createMemoryLogger } from '../src/log.js';
import { lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';
import { patience } from './support/limits.js';
import { freePort } from './support/net.js';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';

const run = promisify(execFile);
const UNIT = path.join(REPO_ROOT, 'deploy/local-services-bot.service');
const SITE = path.join(REPO_ROOT, 'deploy/nginx-telegram-webhook.conf');
const HOSTNAME = 'bot.example.org';
const SECRET = 'deploy_test_secret';

describe('systemd unit', () => {
  it('passes systemd-analyze verify without a warning', async () => {
    const { stderr } = await run('systemd-analyze', ['verify', UNIT]);
    expect(stderr).toBe('');
  });

  it('starts the compiled entry point that npm run build writes, from the working directory', async () => {
    const unit = fs.readFileSync(UNIT, 'utf8');
    const exec = /^ExecStart=(\S+) (\S+)$/m.exec(unit);
    expect(exec?.[1]).toBe('/usr/bin/node');
    await run(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--help'], { cwd: REPO_ROOT }); // builds dist/ if stale
    expect(fs.existsSync(path.join(REPO_ROOT, exec![2]))).toBe(true);
    expect(exec![2]).toBe('dist/src/cli/start.js');
  });
});

describe('nginx site for the Telegram webhook', () => {
  let tmp: string;
  let corpus: TempCorpus;
  let api: TelegramApiServer;
  let bot: RunningTelegram;
  let nginx: ChildProcess | undefined;
  let nginxPort: number;
  let mainConf: string;
  let cert: Buffer;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-nginx-'));
    fs.chmodSync(tmp, 0o755); // nginx workers (nobody) reach their temp folders in here
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOSTNAME}`,
      '-addext', `subjectAltName=DNS:${HOSTNAME}`, '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')]);
    cert = fs.readFileSync(path.join(tmp, 'cert.pem'));

    corpus = makeTempCorpus({ prefix: 'deploy-' });
    api = await TelegramApiServer.start();
    bot = await startTelegram({
      env: { ...lexicalEnv(corpus), TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: '0', TELEGRAM_WEBHOOK_SECRET: SECRET },
      cwd: corpus.root, logger: createMemoryLogger(), drainTimeoutMs: 3000,
    });

    // The site as shipped, with only what differs on a test machine: ports, certificate paths, no IPv6 listen.
    nginxPort = await freePort();
    let site = fs.readFileSync(SITE, 'utf8');
    const swaps: [RegExp, string][] = [
      [/server 127\.0\.0\.1:8443;/, `server 127.0.0.1:${bot.port};`],
      [/listen 443 ssl http2;/, `listen 127.0.0.1:${nginxPort} ssl http2;`],
      [/\n\s*listen \[::\]:443 ssl http2;/, ''],
      [/ssl_certificate\s+\/etc\/letsencrypt\/live\/bot\.example\.org\/fullchain\.pem;/, `ssl_certificate ${path.join(tmp, 'cert.pem')};`],
      [/ssl_certificate_key\s+\/etc\/letsencrypt\/live\/bot\.example\.org\/privkey\.pem;/, `ssl_certificate_key ${path.join(tmp, 'key.pem')};`],
    ];
    for (const [pattern, replacement] of swaps) {
      expect(site, `deploy/nginx-telegram-webhook.conf no longer has ${pattern}`).toMatch(pattern);
      site = site.replace(pattern, replacement);
    }
    fs.writeFileSync(path.join(tmp, 'site.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${path.join(tmp, name)};`;
    mainConf = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(mainConf, [
      `pid ${path.join(tmp, 'nginx.pid')};`,
      `error_log ${path.join(tmp, 'error.log')} info;`,
      'worker_processes 1;',
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      `  access_log ${path.join(tmp, 'access.log')};`,
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(tmp, 'site.conf')};`,
      '}',
    ].join('\n'));
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGQUIT'); // graceful stop
      await exited;
    }
    await bot?.stop();
    await api?.close();
    corpus?.remove();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const nginxArgs = () => ['-p', `${tmp}/`, '-e', path.join(tmp, 'error.log'), '-c', mainConf];

  it('passes nginx -t', async () => {
    const { stderr } = await run('nginx', ['-t', ...nginxArgs()]);
    expect(stderr).toContain('syntax is ok');
    expect(stderr).toContain('test is successful');
  });

  it('carries a webhook over TLS to the bot, which answers; wrong secret 401, other methods and paths refused', async () => {
    nginx = spawn('nginx', [...nginxArgs(), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let nginxErr = '';
    nginx.stderr!.on('data', (d) => (nginxErr += d));
    await acceptsConnections(nginxPort, () => nginx!.exitCode !== null && `nginx exited: ${nginxErr}`);

    const update = { update_id: 9001, ...privateText('露天巷的巷道有多长？', 801) };
    expect((await request('POST', '/telegram', update, SECRET)).status).toBe(200);
    await api.waitFor(() => api.sentTo(801).some((c) => c.params.reply_markup), undefined, 'the answer to the update sent through nginx');
    expect(String(api.sentTo(801)[0].params.text)).toContain('500米');

    expect((await request('POST', '/telegram', { update_id: 9002, ...privateText('x', 802) }, 'wrong-secret')).status).toBe(401);
    expect((await request('GET', '/telegram')).status).toBe(403);
    expect((await request('GET', '/metrics')).status).toBe(404); // ops endpoints stay on loopback
    expect(api.sentTo(802)).toEqual([]);
  });

  /** An HTTPS request to nginx as Telegram makes it: SNI bot.example.org, certificate checked against ours. */
  function request(method: string, urlPath: string, body?: unknown, secret?: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = https.request(
        {
          host: '127.0.0.1', port: nginxPort, path: urlPath, method, servername: HOSTNAME, ca: cert,
          headers: { ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}), ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
});

/** Resolves once something accepts TCP connections on the port; fails when `failed()` says why, or after the safety net. */
async function acceptsConnections(port: number, failed: () => string | false): Promise<void> {
  const deadline = Date.now() + patience();
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    const why = failed();
    if (why) throw new Error(why);
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
