// `npm run stress`: load and fault injection on 127.0.0.1. The real answering service (openApp over
// a temp index of the seed pages, lexical) serves the real Telegram webhook adapter and the real Slack
// HTTP adapter at once, against local Telegram and Slack API servers. Questions (real and hostile,
// seeded) are sent N at a time; meanwhile the APIs answer 429 and 5xx, updates/events are redelivered,
// and another connection holds the SQLite write lock. It checks that every question gets exactly one
// reply, that every reply is valid for its platform, that every answered question is in the log after
// recovery, that no secret reaches a log line, and samples memory (after GC with --expose-gc).
//
//   npm run stress                      10k questions, 200 at a time, plus a 50 MB document ingest
//   npm run stress -- --questions 2000 --concurrency 100 --seed 7 --no-big-file
//
// Bounded: 127.0.0.1 only, a fixed question count, and an overall deadline.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openApp, type App } from '../src/app.js';
import { loadCoreConfig, loadSlackConfig, type Env } from '../src/config.js';
import { createLogger, type Logger } from '../src/log.js';
import type { AnswerService } from '../src/ports.js';
import { ingest } from '../src/ingest/pipeline.js';
import { startTelegram } from '../adapters/telegram/main.js';
import { createSlackApp } from '../adapters/slack/app.js';
import { TelegramApiServer } from '../test/support/telegram-api-server.js';
import { eventCallback, mention, postSigned, startSlackApiServer } from '../test/support/slack-api-server.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, SEEDS_DIR } from '../test/support/corpus.js';
import { privacyFacts } from '../src/privacy/notice.js';
import { createRng, generateQuestion, median, percentile, QUESTION_KINDS, REAL_QUESTIONS, slackMessageProblems, telegramHtmlProblems } from '../test/support/fuzz.js';

export interface StressOptions {
  questions: number;
  concurrency: number;
  seed?: number;
  /** Inject API 429/5xx, redeliveries and a held SQLite lock (default true). */
  faults?: boolean;
  /** Give up waiting for replies after this long (default 120 s). */
  deadlineMs?: number;
  /** Write every captured log line here at the end (for debugging a failure). */
  logFile?: string;
  /** Progress lines (default: none). */
  progress?: (line: string) => void;
}

export interface StressSummary {
  inputsTried: number;
  faultsInjected: { telegram429: number; telegram5xx: number; slack429: number; redeliveries: number; sqliteLockMs: number; total: number };
  repliesLost: number;
  /** The first few lost questions, to reproduce them. */
  lostExamples: string[];
  repliesDuplicated: number;
  duplicateExamples: string[];
  invalidRenderings: string[];
  /** Answers through the service vs rows in the log after close (flush): must be equal. */
  answered: number;
  logged: number;
  latencyMs: { p50: number; p95: number; max: number };
  memoryMb: { startRss: number; endRss: number; startHeap: number; endHeap: number; firstQuartileHeap: number; lastQuartileHeap: number; gc: boolean };
  /** Log lines naming a store failure (should be one per outage, not one per message). */
  storeFailureLines: number;
  secretsInLogs: string[];
  wallMs: number;
}

const SECRETS = {
  telegramToken: '987654321:STRESS-secret-TOKEN_abcdefghijklmnop',
  webhookSecret: 'stress_webhook_secret-XYZ987',
  slackToken: 'xoxb-0000-1111-stresssecretbottoken',
  signingSecret: 'stress-signing-secret-0123456789abcdef',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export async function runStress(options: StressOptions): Promise<StressSummary> {
  const started = performance.now();
  const seed = options.seed ?? 20_240_801;
  const faults = options.faults ?? true;
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  const say = options.progress ?? (() => undefined);
  const rng = createRng(seed);

  const corpus = makeTempCorpus({ prefix: 'stress-' });
  const lines: string[] = [];
  const logger: Logger = createLogger({ level: 'info', write: (l) => lines.push(l), secrets: [] }); // no redaction: a leak must show
  const env: Env = {
    ...lexicalEnv(corpus),
    TELEGRAM_BOT_TOKEN: SECRETS.telegramToken,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
    TELEGRAM_WEBHOOK_PORT: '0',
    TELEGRAM_WEBHOOK_SECRET: SECRETS.webhookSecret,
    SLACK_BOT_TOKEN: SECRETS.slackToken,
    SLACK_SIGNING_SECRET: SECRETS.signingSecret,
    SLACK_HOST: '127.0.0.1',
    SLACK_PORT: '0',
    RATE_LIMIT_PER_MINUTE: '10000',
  };

  const app = await openApp({ env, logger, reloadCheckMs: 60_000 });
  let answered = 0;
  const counted: AnswerService = {
    ...app.service,
    ask: async (request) => {
      const response = await app.service.ask(request);
      answered++;
      return response;
    },
  };
  // Both adapters share one app; closing it is ours.
  const shared: App = { ...app, service: counted, close: async () => undefined };

  const telegramApi = await TelegramApiServer.start({ token: SECRETS.telegramToken });
  env.TELEGRAM_API_ROOT = telegramApi.apiRoot;
  const telegram = await startTelegram({ env, logger, openApp: async () => shared, drainTimeoutMs: 20_000 });
  const slackApi = await startSlackApiServer({ botToken: SECRETS.slackToken });
  env.SLACK_API_URL = slackApi.apiUrl;
  const slack = createSlackApp({ config: loadSlackConfig(env), service: counted, store: app.store, logger, keys: app.keys, privacy: privacyFacts(app.config), retryConfig: { retries: 4, minTimeout: 50, maxTimeout: 500 } });
  const { port: slackPort } = await slack.start();

  const memory = { startRss: process.memoryUsage().rss, startHeap: heapAfterGc() };
  const heapSamples: number[] = [];
  const fault = { telegram429: 0, telegram5xx: 0, slack429: 0, redeliveries: 0, sqliteLockMs: 0 };

  // Every question: its platform, its own chat (so replies are matched unambiguously) and its text.
  const sentAt = new Map<number, number>();
  const questions = Array.from({ length: options.questions }, (_, i) => {
    const text = i % 4 === 0 ? generateQuestion(rng, QUESTION_KINDS[(i / 4) % QUESTION_KINDS.length]).text : REAL_QUESTIONS[i % REAL_QUESTIONS.length];
    // A question the adapters answer with a note instead of an answer is fine: it still needs one reply.
    return { i, platform: i % 2 === 0 ? ('telegram' as const) : ('slack' as const), text: text.slice(0, 4000) || '?' };
  });

  const postTelegram = async (i: number, text: string) => {
    const update = { update_id: 1_000_000 + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: 500_000 + i, type: 'private', first_name: 'R' }, from: { id: 500_000 + i, is_bot: false, first_name: 'R' }, text } };
    const res = await fetch(`http://127.0.0.1:${telegram.port}/telegram`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRETS.webhookSecret },
      body: JSON.stringify(update),
    });
    await res.text();
  };
  const slackBodies = new Map<number, string>();
  const postSlack = async (i: number, text: string, retryNum?: number) => {
    let body = slackBodies.get(i);
    if (!body) {
      body = JSON.stringify(eventCallback(`EvStress${i}`, mention(`CSTRESS${i}`, text.replace(/[<>&]/g, ' '), { user: `USTRESS${i}` })));
      slackBodies.set(i, body);
    }
    await postSigned(`http://127.0.0.1:${slackPort}/slack/events`, body, { secret: SECRETS.signingSecret, retryNum });
  };

  // A second connection holding the write lock, as a backup job or a staff query tool might.
  const lockHolder = faults ? new Database(app.config.dbPath) : null;
  const holdLock = async (ms: number) => {
    if (!lockHolder) return;
    lockHolder.exec('BEGIN IMMEDIATE');
    await sleep(ms);
    lockHolder.exec('COMMIT');
    fault.sqliteLockMs += ms;
  };

  // Replies, consumed from the API servers' records as they arrive (then dropped, so the recorders'
  // memory does not count as the bot's): first reply time per question, a hash of its first message
  // (a second identical one is a duplicate), and the platform checks.
  const firstReplyAt = new Map<number, number>();
  const firstHash = new Map<string, { hash: string; count: number }>();
  const invalidRenderings: string[] = [];
  const duplicateExamples: string[] = [];
  const waiting = new Map<number, () => void>();
  const failedTelegramCalls = new Set<number>();
  let nextFailedCall = 0;
  let telegramSendsSeen = 0;
  const noteReply = (i: number, key: string, at: number, text: string) => {
    if (!firstReplyAt.has(i)) firstReplyAt.set(i, at);
    const hash = createHash('sha1').update(text).digest('hex');
    const seen = firstHash.get(key);
    if (!seen) firstHash.set(key, { hash, count: 1 });
    else if (seen.hash === hash && ++seen.count === 2) duplicateExamples.push(`${key}: the same message twice, ${JSON.stringify(text.slice(0, 60))}`);
    waiting.get(i)?.();
    waiting.delete(i);
  };
  const consumeReplies = () => {
    for (const c of telegramApi.calls.splice(0)) {
      if (c.method !== 'sendMessage') continue;
      if (failedTelegramCalls.has(telegramSendsSeen++)) continue;
      const text = String(c.params.text);
      for (const p of telegramHtmlProblems(text)) invalidRenderings.push(`telegram chat ${c.params.chat_id}: ${p}`);
      noteReply(Number(c.params.chat_id) - 500_000, `telegram:${c.params.chat_id}`, c.at, text);
    }
    for (const c of slackApi.calls.splice(0)) {
      if (c.method !== 'chat.postMessage' || c.status !== 200) continue;
      const message = { text: String(c.args.text), blocks: (c.args.blocks as object[]) ?? [], unfurl_links: c.args.unfurl_links as boolean, unfurl_media: c.args.unfurl_media as boolean };
      for (const p of slackMessageProblems(message)) invalidRenderings.push(`slack ${c.args.channel}: ${p}`);
      // One Slack reply is one message: any second one in the thread is a duplicate.
      noteReply(Number(String(c.args.channel).slice('CSTRESS'.length)), `slack:${c.args.channel}`, c.at, 'reply');
    }
  };
  const consumer = setInterval(consumeReplies, 10);
  /** Resolves when question i has its first reply (or the deadline passes). */
  const replyTo = (i: number) =>
    firstReplyAt.has(i) ? Promise.resolve() : new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      waiting.set(i, () => {
        clearTimeout(timer);
        resolve();
      });
    });

  let next = 0;
  let done = 0;
  const sampleEvery = Math.max(1, Math.floor(options.questions / 40));
  const faultAt = new Set([0.1, 0.3, 0.5, 0.7].map((f) => Math.floor(f * options.questions)));
  // Each worker keeps one question outstanding until its reply arrives: `concurrency` questions in flight.
  const worker = async () => {
    while (next < questions.length && Date.now() < deadline) {
      const q = questions[next++];
      if (faults && faultAt.has(q.i)) {
        // The next two sendMessage calls fail; remember them so their retries don't count as duplicates.
        // Failures are used up in order, one per call: after the calls so far and any still queued.
        const pending = telegramApi.calls.filter((c) => c.method === 'sendMessage').length;
        const firstFailed = Math.max(telegramSendsSeen + pending, nextFailedCall);
        failedTelegramCalls.add(firstFailed).add(firstFailed + 1);
        nextFailedCall = firstFailed + 2;
        telegramApi.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
        telegramApi.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
        slackApi.rateLimitOnce('chat.postMessage', 1);
        fault.telegram429++;
        fault.telegram5xx++;
        fault.slack429++;
        if (q.i === Math.floor(0.5 * options.questions)) void holdLock(1500);
      }
      sentAt.set(q.i, Date.now());
      try {
        if (q.platform === 'telegram') await postTelegram(q.i, q.text);
        else await postSlack(q.i, q.text);
        // Redeliveries: Telegram after a timeout, Slack with X-Slack-Retry-Num (same ids).
        if (faults && q.i % 25 === 3) {
          fault.redeliveries++;
          if (q.platform === 'telegram') await postTelegram(q.i, q.text);
          else await postSlack(q.i, q.text, 1);
        }
        slackBodies.delete(q.i);
      } catch (error) {
        lines.push(JSON.stringify({ event: 'stress.send_failed', i: q.i, error: String(error) }));
      }
      await replyTo(q.i);
      done++;
      if (done % sampleEvery === 0) {
        heapSamples.push(heapAfterGc());
        say(`${done}/${questions.length} answered, heap ${mb(heapSamples.at(-1)!)} MB`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await telegram.stop();
  await slack.stop();
  await sleep(50);
  consumeReplies();
  clearInterval(consumer);

  const repliesLost = questions.filter((q) => !firstReplyAt.has(q.i)).length;
  const repliesDuplicated = duplicateExamples.length;
  const latencies = questions.filter((q) => firstReplyAt.has(q.i)).map((q) => firstReplyAt.get(q.i)! - sentAt.get(q.i)!);
  const endHeap = heapAfterGc();
  const endRss = process.memoryUsage().rss;
  const quarter = Math.max(1, Math.floor(heapSamples.length / 4));

  lockHolder?.close();
  await app.close(); // flushes writes queued during the lock
  const db = new Database(app.config.dbPath, { readonly: true });
  const logged = Number(db.prepare('SELECT COUNT(*) FROM interactions').pluck().get());
  db.close();
  await telegramApi.close();
  await slackApi.close();
  corpus.remove();

  if (options.logFile) fs.writeFileSync(options.logFile, lines.join('\n') + '\n');
  const secretsInLogs = Object.values(SECRETS).filter((s) => lines.some((l) => l.includes(s)));
  return {
    inputsTried: questions.length,
    faultsInjected: { ...fault, total: fault.telegram429 + fault.telegram5xx + fault.slack429 + fault.redeliveries + (fault.sqliteLockMs ? 1 : 0) },
    repliesLost,
    lostExamples: questions.filter((q) => !firstReplyAt.has(q.i)).slice(0, 10).map((q) => `#${q.i} ${q.platform} ${JSON.stringify(q.text.slice(0, 80))}`),
    repliesDuplicated,
    duplicateExamples: duplicateExamples.slice(0, 10),
    invalidRenderings,
    answered,
    logged,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) },
    memoryMb: {
      startRss: mb(memory.startRss),
      endRss: mb(endRss),
      startHeap: mb(memory.startHeap),
      endHeap: mb(endHeap),
      firstQuartileHeap: mb(median(heapSamples.slice(0, quarter))),
      lastQuartileHeap: mb(median(heapSamples.slice(-quarter))),
      gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
    },
    storeFailureLines: lines.filter((l) => l.includes('"store.write_failed"')).length,
    secretsInLogs,
    wallMs: Math.round(performance.now() - started),
  };
}

/** Ingest of one large document next to the seeds: time and peak memory. */
export async function bigDocumentIngest(sizeMb: number): Promise<{ ms: number; chunks: number; rssMb: number; rejected: string[] }> {
  const corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 1), prefix: 'stress-big-' });
  try {
    const seedText = fs.readFileSync(path.join(SEEDS_DIR, SEED_FILES[1]), 'utf8');
    const fd = fs.openSync(path.join(corpus.corpusDir, 'big.txt'), 'w');
    for (let i = 0, written = 0; written < sizeMb * 1024 * 1024; i++) written += fs.writeSync(fd, `第${i}期\n\n${seedText}\n\n`);
    fs.closeSync(fd);
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const started = performance.now();
    const report = await ingest(loadCoreConfig(lexicalEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, createLogger({ write: () => undefined }));
    clearInterval(timer);
    return { ms: Math.round(performance.now() - started), chunks: report.chunks, rssMb: mb(peak), rejected: report.rejected.map((r) => `${r.path}: ${r.reason}`) };
  } finally {
    corpus.remove();
  }
}

function argValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const STRESS_USAGE = `Usage: npm run stress -- [--questions N] [--concurrency N] [--seed N] [--deadline-s N] [--no-big-file]

Fuzzes, injects faults and loads the Telegram webhook and Slack HTTP endpoint on 127.0.0.1 against
local API servers, then prints: inputs tried, faults injected, replies lost/duplicated, p95 latency,
memory at start and end. Defaults: 10000 questions, 200 concurrent, a 15-minute deadline, and a 50 MB
document ingest. STRESS_LOG_FILE=path keeps the captured log.`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(STRESS_USAGE + '\n');
    return;
  }
  for (const name of ['questions', 'concurrency', 'seed', 'deadline-s']) {
    const value = argValue(name, 1);
    if (!Number.isFinite(value) || value <= 0) {
      process.stderr.write(`--${name} needs a positive number.\n\n${STRESS_USAGE}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const questions = argValue('questions', 10_000);
  const concurrency = argValue('concurrency', 200);
  const seed = argValue('seed', 20_240_801);
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    process.stderr.write('note: run with NODE_OPTIONS=--expose-gc for heap figures after GC (npm run stress does)\n');
  }
  const summary = await runStress({ questions, concurrency, seed, deadlineMs: argValue('deadline-s', 15 * 60) * 1000, progress: (l) => process.stderr.write(`stress: ${l}\n`), logFile: process.env.STRESS_LOG_FILE });
  const big = process.argv.includes('--no-big-file') ? null : await bigDocumentIngest(50);

  const lines = [
    `stress summary (seed ${seed}, ${concurrency} concurrent, 127.0.0.1)`,
    `  inputs tried:      ${summary.inputsTried} questions (Telegram webhook + Slack HTTP, 1 in 4 hostile)`,
    `  faults injected:   ${summary.faultsInjected.total} (Telegram 429 ×${summary.faultsInjected.telegram429}, 5xx ×${summary.faultsInjected.telegram5xx}; Slack 429 ×${summary.faultsInjected.slack429}; redeliveries ×${summary.faultsInjected.redeliveries}; SQLite lock held ${summary.faultsInjected.sqliteLockMs} ms)`,
    `  replies lost:      ${summary.repliesLost}`,
    `  replies duplicated: ${summary.repliesDuplicated}`,
    `  invalid renderings: ${summary.invalidRenderings.length}`,
    `  answered / logged: ${summary.answered} / ${summary.logged} (store failure log lines: ${summary.storeFailureLines})`,
    `  latency under load: p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms, max ${summary.latencyMs.max} ms`,
    `  memory:            RSS ${summary.memoryMb.startRss} → ${summary.memoryMb.endRss} MB; heap ${summary.memoryMb.startHeap} → ${summary.memoryMb.endHeap} MB; heap median first vs last quarter ${summary.memoryMb.firstQuartileHeap} → ${summary.memoryMb.lastQuartileHeap} MB${summary.memoryMb.gc ? ' (after GC)' : ' (no --expose-gc)'}`,
    `  secrets in logs:   ${summary.secretsInLogs.length}`,
    big ? `  50 MB document:    ingested in ${big.ms} ms, ${big.chunks} chunks, peak RSS ${big.rssMb} MB${big.rejected.length ? `, rejected: ${big.rejected.join('; ')}` : ''}` : '  50 MB document:    skipped (--no-big-file)',
    `  wall time:         ${Math.round(summary.wallMs / 1000)} s`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  for (const p of summary.invalidRenderings.slice(0, 10)) process.stdout.write(`  invalid: ${p}\n`);
  for (const p of summary.lostExamples) process.stdout.write(`  lost: ${p}\n`);
  for (const p of summary.duplicateExamples) process.stdout.write(`  duplicated: ${p}\n`);
  const growth = summary.memoryMb.lastQuartileHeap - summary.memoryMb.firstQuartileHeap;
  const ok =
    summary.repliesLost === 0 && summary.repliesDuplicated === 0 && summary.invalidRenderings.length === 0 &&
    summary.answered === summary.logged && summary.secretsInLogs.length === 0 && growth < 50;
  process.stdout.write(ok ? 'stress: PASS\n' : `stress: FAIL${growth >= 50 ? ` (heap grew ${growth} MB)` : ''}\n`);
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
