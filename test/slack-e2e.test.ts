// `npm run slack` as a process, end to end on 127.0.0.1: the real answering service over an index
// built from seeds/, a local Slack Web API server, signed requests. A mention must get the same
// answer `npm run ask` gives, threaded, with sources; SIGTERM must end it cleanly.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../adapters/slack/render.js';
import type { AskResponse } from '../src/ports.js';
import { eventCallback, mention, postSigned, startSlackApiServer, waitFor, type SlackApiServer } from './support/slack-api-server.js';
import { npmScriptSource, spawnTs } from './support/spawn-ts.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOT_TOKEN = 'xoxb-9999-8888-e2ebottokenvalue';
const SIGNING_SECRET = 'e2e-signing-secret-abcdef0123456789';
const QUESTION = '露天巷的巷道有多长？';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'slack-e2e-'));

/** The environment of a fresh deployment: nothing inherited from this machine's bot settings. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK|TELEGRAM|LLM|EMBEDDING|CORPUS|INDEX|DB)_/.test(k)) env[k] = v;
  return { ...env, LOG_LEVEL: 'info', ...extra };
}

const coreEnv = () => ({ CORPUS_DIR: path.join(REPO, 'seeds'), INDEX_DIR: path.join(tmp, 'index'), DB_PATH: path.join(tmp, 'bot.sqlite'), EMBEDDING_MODEL: 'none' });

/** The file an npm script runs, spawned directly (one process) so signals reach it unrelayed by npm. */
function npmScript(name: string): string {
  return npmScriptSource(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).scripts as Record<string, string>, name);
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnTs(npmScript(script), args, { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm run slack', () => {
  let api: SlackApiServer;
  let child: ChildProcess | undefined;
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    api = await startSlackApiServer({ botToken: BOT_TOKEN });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await api?.close();
  });

  it('answers a mention in its thread with the same answer and sources as npm run ask, and exits 0 on SIGTERM', async () => {
    // 1. The reference: npm run ask (also builds the index on first run).
    const ask = await run('ask', ['--json', QUESTION], cleanEnv(coreEnv()));
    expect(ask.code, ask.stderr).toBe(0);
    const expected = JSON.parse(ask.stdout) as AskResponse;
    expect(expected.abstained).toBe(false);

    // 2. npm run slack in HTTP mode on 127.0.0.1, port chosen by the OS.
    child = spawnTs(npmScript('slack'), [], {
      cwd: REPO,
      env: cleanEnv({ ...coreEnv(), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_HOST: '127.0.0.1', SLACK_PORT: '0', SLACK_API_URL: api.apiUrl }),
    });
    child.stderr!.on('data', (d) => (stderr += d));
    exited = new Promise((resolve) => child!.on('close', (code) => resolve(code)));
    const listening = await waitFor(
      () => stderr.split('\n').map(parseLine).find((l) => l?.event === 'slack.listening'),
      'the slack.listening log line',
      40_000,
    );
    const url = `http://127.0.0.1:${listening.port}/slack/events`;

    // 3. A signed mention → a threaded reply with the same answer and its sources.
    const event = mention('CE2E0001', QUESTION);
    const res = await postSigned(url, JSON.stringify(eventCallback('EvE2E1', event)), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const reply = await waitFor(() => api.succeeded('chat.postMessage').find((c) => c.args.channel === 'CE2E0001'), 'the threaded reply', 20_000);
    expect(reply.args.thread_ts).toBe(event.ts);
    const blocks = reply.args.blocks as { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
    const answerText = blocks.filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
    expect(answerText.replace(/\s+/g, '')).toBe(escapeMrkdwn(expected.answer).replace(/\s+/g, ''));
    const context = JSON.stringify(blocks.filter((b) => b.type === 'context'));
    const cited = expected.sources.filter((s) => expected.citations.includes(s.rank));
    expect(cited.length).toBeGreaterThan(0);
    for (const s of cited) expect(context).toContain(`${escapeMrkdwn(s.title)} — ${escapeMrkdwn(s.doc)}`);

    // 4. SIGTERM: stop taking events, finish, exit 0; the token never reached the log.
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('slack.stopped');
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SIGNING_SECRET);
  });

  it('refuses to start with one message listing every configuration problem, without echoing values', async () => {
    const badToken = 'xoxp-user-token-not-a-bot-token';
    const result = await run('slack', [], cleanEnv({ SLACK_BOT_TOKEN: badToken, SLACK_PORT: 'eighty', CHUNK_SIZE: 'big' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(result.stderr).toContain('SLACK_SIGNING_SECRET is required');
    expect(result.stderr).toContain('SLACK_PORT must be an integer');
    expect(result.stderr).toContain('CHUNK_SIZE must be an integer');
    expect(result.stderr).not.toContain(badToken);
  });
});

function parseLine(line: string): Record<string, unknown> & { event?: string; port?: number } | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
