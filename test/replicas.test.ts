// Several replicas on one PostgreSQL (DATABASE_URL): what they share, and what happens when PostgreSQL
// is not there. A throwaway server is started by this file (initdb + pg_ctl on a temporary folder).
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { loadCoreConfig } from '../src/config.js';
import { ingest } from '../src/ingest/pipeline.js';
import { createMemoryLogger } from '../src/log.js';
import { childEnv, lexicalEnv, makeTempCorpus, REPO_ROOT, SEED_FILES, type TempCorpus } from './support/corpus.js';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';
import { deliver, pool, startNginx, startReplica, until, type Delivery, type Nginx, type Replica } from './support/replicas.js';
import { postSigned, slashCommand, startSlackApiServer } from './support/slack-api-server.js';
import { spawnTs, runTs } from './support/spawn-ts.js';
import { openSharedIndex } from '../src/store/shared-index.js';
import { currentGeneration } from '../src/index/store.js';

let server: PostgresServer;
let corpus: TempCorpus;

beforeAll(async () => {
  server = await startPostgres();
  corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 3), prefix: 'replicas-' });
  await ingest(loadCoreConfig(lexicalEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
});
afterAll(() => {
  server?.destroy();
  corpus?.remove();
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('DATABASE_URL', () => {
  it('puts the question log and the data secret in PostgreSQL and opens no SQLite file', async () => {
    const url = await server.createDatabase('app_rows');
    const dataDir = path.join(corpus.root, 'data-not-used');
    const env = lexicalEnv(corpus, { DATABASE_URL: url, DB_PATH: path.join(dataDir, 'bot.sqlite') });
    const [a, b] = [await openApp({ env, logger: createMemoryLogger(), autoIngest: false }), await openApp({ env, logger: createMemoryLogger(), autoIngest: false })];
    try {
      expect(a.store.backend).toBe('postgres');
      const answer = await a.service.ask({ question: '露天巷的巷道有多长？', channel: 'telegram', chatId: '7001', conversationId: 'telegram:7001' });
      expect(answer.interaction_id).toBeGreaterThan(0);
      // The other replica sees the row and continues the conversation, and both sign with one secret.
      expect((await b.store.getInteraction(answer.interaction_id!))?.answer).toBe(answer.answer);
      expect(await b.store.recentTurns('telegram:7001', 5, 60_000)).toHaveLength(1);
      expect(a.keys.sign(['x', 1])).toBe(b.keys.sign(['x', 1]));
    } finally {
      await a.close();
      await b.close();
    }
    expect(filesUnder(dataDir)).toEqual([]); // no SQLite file, no secret file
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      expect((await sql`SELECT count(*)::int AS n FROM interactions`)[0].n).toBe(1);
      expect((await sql`SELECT count(*)::int AS n FROM shared_settings WHERE name = 'data_secret'`)[0].n).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it('shares rate limits between replicas, stored under keyed hashes', async () => {
    const url = await server.createDatabase('rate_limits');
    const env = lexicalEnv(corpus, { DATABASE_URL: url, DB_PATH: path.join(corpus.root, 'rate-unused', 'bot.sqlite') });
    const [a, b] = [await openApp({ env, logger: createMemoryLogger(), autoIngest: false }), await openApp({ env, logger: createMemoryLogger(), autoIngest: false })];
    let clock = Date.UTC(2026, 0, 1, 12, 0, 10);
    try {
      const [la, lb] = [a.rateLimiter!(3, () => clock), b.rateLimiter!(3, () => clock)];
      const decisions = [];
      for (const limiter of [la, lb, la, lb, la, lb]) decisions.push(await limiter.take('user:42'));
      expect(decisions).toEqual(['allow', 'allow', 'allow', 'deny-notify', 'deny-silent', 'deny-silent']);
      expect(await lb.take('user:43')).toBe('allow'); // another person
      clock += 60_000; // the next minute
      expect(await la.take('user:42')).toBe('allow');
      const sql = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        const keys = (await sql`SELECT DISTINCT key FROM rate_limits`).map((r) => String(r.key));
        expect(keys).toHaveLength(2);
        for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/); // keyed hashes, not 'user:42'
      } finally {
        await sql.end();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('npm run telegram with PostgreSQL unreachable: a clear message, exit code 4, no password printed', async () => {
    const api = await TelegramApiServer.start();
    try {
      const env = childEnv(lexicalEnv(corpus, {
        DATABASE_URL: `postgres://bot:pg-password-not-to-print@127.0.0.1:${server.port + 7}/bot`,
        TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: 'polling',
      }));
      const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['adapters/telegram/main.ts'], { cwd: REPO_ROOT, env });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(exit.code, exit.stderr).toBe(4);
      expect(exit.stderr).toMatch(/Cannot use the PostgreSQL database at 127\.0\.0\.1:\d+\/bot: .*ECONNREFUSED/);
      expect(exit.stderr).toMatch(/unset it to use the embedded SQLite file/);
      expect(exit.stderr).not.toContain('pg-password-not-to-print');
      expect(api.callsOf('getUpdates')).toEqual([]); // stopped before taking any update
    } finally {
      await api.close();
    }
  });
});

describe('the index on every replica (generations kept in PostgreSQL)', () => {
  it('a replica on another machine downloads the published index at start, and a new generation within moments', async () => {
    const url = await server.createDatabase('shared_index');
    const machineA = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'replica-a-' });
    const machineB = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-b-'));
    const envA = { ...lexicalEnv(machineA), DATABASE_URL: url, DATA_SECRET: 'replica-test-secret-0123456789' };
    const ingestA = (extra: string[] = []) => runTs('src/cli/ingest.ts', extra, envA as Record<string, string>);
    let app: Awaited<ReturnType<typeof openApp>> | undefined;
    try {
      // Machine A ingests and publishes (npm run ingest, a real process).
      const first = await ingestA();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain('published to the shared database');

      // Machine B starts with an empty INDEX_DIR and no corpus: it downloads the generation instead of building one.
      const logger = createMemoryLogger();
      const envB = lexicalEnv({ ...machineA, indexDir: path.join(machineB, 'index'), corpusDir: path.join(machineB, 'no-corpus'), dbPath: path.join(machineB, 'data', 'bot.sqlite') }, { DATABASE_URL: url });
      app = await openApp({ env: envB, logger });
      const events = () => logger.lines.map((l) => JSON.parse(l).event as string);
      expect(events()).toContain('index.synced');
      expect(events()).not.toContain('index.first_build');
      expect(path.basename(currentGeneration(path.join(machineB, 'index'))!)).toBe(path.basename(currentGeneration(machineA.indexDir)!));
      const before = app.service.describe().documents;
      expect(before).toBe(2);

      // A adds a document and publishes; B learns of it by NOTIFY and loads it (no question needed to trigger it).
      fs.copyFileSync(path.join(REPO_ROOT, 'seeds', SEED_FILES[2]), path.join(machineA.corpusDir, SEED_FILES[2]));
      const second = await ingestA();
      expect(second.code, second.stderr).toBe(0);
      await until(() => app!.service.describe().documents === 3, 'replica B to load the new generation');
      expect(path.basename(currentGeneration(path.join(machineB, 'index'))!)).toBe(path.basename(currentGeneration(machineA.indexDir)!));
      expect(events()).toContain('index.reloaded');

      // One ingest at a time across machines: the advisory lock.
      const shared = await openSharedIndex(url, createMemoryLogger());
      try {
        await shared.withIngestLock(async () => {
          const blocked = await ingestA();
          expect(blocked.code).toBe(1);
          expect(blocked.stderr).toMatch(/Another ingest \(on this or another machine\) is publishing/);
        });
      } finally {
        await shared.close();
      }
    } finally {
      await app?.close();
      machineA.remove();
      fs.rmSync(machineB, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('a webhook replica while PostgreSQL restarts', () => {
  it('keeps answering, refuses a redelivery meanwhile, reconnects and saves what it queued', async () => {
    const url = await server.createDatabase('restart_replica');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-restart-'));
    const api = await TelegramApiServer.start();
    let replica: Replica | undefined;
    try {
      replica = await startReplica({
        HOME: work, CORPUS_DIR: corpus.corpusDir, INDEX_DIR: corpus.indexDir, DB_PATH: path.join(work, 'data', 'bot.sqlite'),
        EMBEDDING_MODEL: 'none', DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, RATE_LIMIT_PER_MINUTE: '10000',
      });
      const direct = `http://127.0.0.1:${replica.port}`;
      let id = 0;
      const update = () => ({ update_id: 70_000 + ++id, ...privateText('露天巷的巷道有多长？', 300_000 + id) });
      const chats: number[] = [];
      const send = async (u: Record<string, unknown>) => {
        chats.push((u.message as { chat: { id: number } }).chat.id);
        await deliver(direct, u);
      };
      await send(update());

      server.stop(); // like a crash
      const during = update();
      await send(during);
      await deliver(direct, during); // Telegram redelivers: refused (remembered in memory), not answered again
      expect(replica.stderr()).toContain('store.write_failed');
      expect(replica.stderr()).toContain('telegram.duplicate_update');

      server.start();
      // The next writes after the back-off flush the queue; each new update is one more write.
      while (!replica.stderr().includes('store.recovered')) await send(update());

      await until(() => chats.every((c) => api.sentTo(c).length > 0), 'every answer');
      expect(chats.map((c) => api.sentTo(c).length)).toEqual(chats.map(() => 1));
      const sql = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        expect((await sql`SELECT count(*)::int AS n FROM interactions`)[0].n).toBe(new Set(chats).size);
        expect((await sql`SELECT count(*)::int AS n FROM deliveries`)[0].n).toBe(new Set(chats).size);
      } finally {
        await sql.end();
      }
    } finally {
      server.start(); // idempotent: the other tests need it
      if (replica && replica.child.exitCode === null) replica.child.kill('SIGKILL');
      await replica?.exited;
      await api.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('three Telegram webhook replicas behind nginx and a Slack process on one PostgreSQL', () => {
  const QUESTION = '请问南极科考站的签证怎么办理？'; // not in the documents: every answer is an abstention, so /gaps lists them all
  const CHATS_PER_PHASE = 120;

  it('answer hundreds of updates and redeliveries once each while one replica is killed mid-answer; /gaps lists them all', async () => {
    const url = await server.createDatabase('replicas_e2e');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'replicas-e2e-'));
    const apis = await Promise.all([0, 1, 2].map(() => TelegramApiServer.start()));
    const slackApi = await startSlackApiServer({ botToken: 'xoxb-replica-test-token-123456' });
    const replicas: Replica[] = [];
    let nginx: Nginx | undefined;
    let slack: ReturnType<typeof spawnTs> | undefined;
    try {
      // Each replica: its own index folder (a copy: another machine) and a DB_PATH folder that must stay empty.
      for (const [i, api] of apis.entries()) {
        const indexDir = path.join(work, `machine-${i}`, 'index');
        fs.cpSync(corpus.indexDir, indexDir, { recursive: true });
        replicas.push(await startReplica({
          HOME: work, CORPUS_DIR: corpus.corpusDir, INDEX_DIR: indexDir, DB_PATH: path.join(work, `machine-${i}`, 'data', 'bot.sqlite'),
          EMBEDDING_MODEL: 'none', DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, RATE_LIMIT_PER_MINUTE: '10000',
        }));
      }
      nginx = await startNginx(path.join(work, 'nginx'), replicas.map((r) => r.port));
      const upstreamOf = (d: Delivery) => replicas.findIndex((r) => d.upstream.endsWith(`:${r.port}`));

      let nextId = 1;
      const update = () => {
        const id = nextId++;
        return { update_id: 50_000 + id, ...privateText(QUESTION, 100_000 + id) };
      };
      const sentFirst: Delivery[] = [];
      const sentAgain: [Delivery, Delivery][] = [];
      /** A batch through nginx, 8 at a time; every third update is delivered again after its first 2xx (Telegram's redelivery). */
      const phase = (updates: Record<string, unknown>[]) =>
        pool(updates, 8, async (u, i) => {
          const first = await deliver(nginx!.url, u);
          sentFirst.push(first);
          if (i % 3 === 0) sentAgain.push([first, await deliver(nginx!.url, u)]);
        });

      const phase1 = Array.from({ length: CHATS_PER_PHASE }, update);
      await phase(phase1);

      // Kill replica 1 while its reply is on its way: the Bot API holds its next sendMessage (never counted as sent).
      apis[1].holdNext('sendMessage');
      const inKill: Record<string, unknown>[] = [];
      let cutOff: Promise<Delivery> | undefined;
      while (!cutOff) {
        const u = update();
        inKill.push(u);
        const pending = deliver(nginx.url, u);
        let settled = false;
        void pending.then(() => (settled = true), () => (settled = true));
        await until(() => settled || apis[1].held.length > 0, 'an update answered or a reply held');
        if (apis[1].held.length > 0) cutOff = pending;
        else sentFirst.push(await pending);
      }
      replicas[1].child.kill('SIGKILL');
      expect(await replicas[1].exited).toEqual({ code: null, signal: 'SIGKILL' });
      const rescued = await cutOff; // nginx answered 502 for the dead replica; the redelivery went to another one
      expect(rescued.retries).toBeGreaterThan(0);
      expect(upstreamOf(rescued)).not.toBe(1);

      const phase3 = Array.from({ length: CHATS_PER_PHASE }, update);
      await phase(phase3);

      // Every update answered exactly once, across the three Bot API servers (each replica has its own).
      const updates = [...phase1, ...inKill, ...phase3];
      const chats = updates.map((u) => (u.message as { chat: { id: number } }).chat.id);
      await until(() => chats.every((c) => apis.some((a) => a.sentTo(c).length > 0)), 'every chat to get its answer');
      const counts = chats.map((c) => apis.reduce((n, a) => n + a.sentTo(c).length, 0));
      const lost = counts.filter((n) => n === 0).length;
      const duplicated = counts.filter((n) => n > 1).length;
      expect({ updates: updates.length, lost, duplicated }).toEqual({ updates: updates.length, lost: 0, duplicated: 0 });
      expect(updates.length).toBeGreaterThanOrEqual(2 * CHATS_PER_PHASE + 1);
      const movedRedeliveries = sentAgain.filter(([a, b]) => upstreamOf(a) !== upstreamOf(b)).length;
      expect(sentAgain.length).toBeGreaterThanOrEqual((2 * CHATS_PER_PHASE) / 3);
      expect(movedRedeliveries).toBeGreaterThan(sentAgain.length / 3); // round-robin sends most to another replica
      expect(replicas[0].stderr() + replicas[2].stderr()).toContain('store.delivery_taken_over');
      const perReplica = [0, 1, 2].map((i) => sentFirst.filter((d) => upstreamOf(d) === i).length);
      expect(perReplica.every((n) => n > 0)).toBe(true);
      console.info(`[replicas] ${updates.length} updates, ${sentAgain.length} redelivered (${movedRedeliveries} to another replica), per replica ${perReplica.join('/')}, lost ${lost}, duplicated ${duplicated}`);

      // The rows are in PostgreSQL, one per update; no replica opened a SQLite file.
      const sql = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        // One row per chat (chat ids are keyed hashes); plus one: the killed replica logged its answer before the send it died in.
        expect((await sql`SELECT count(DISTINCT chat_id)::int AS n FROM interactions WHERE channel = 'telegram'`)[0].n).toBe(updates.length);
        expect((await sql`SELECT count(*)::int AS n FROM interactions WHERE channel = 'telegram'`)[0].n).toBe(updates.length + 1);
        expect((await sql`SELECT count(*)::int AS n FROM deliveries WHERE done_at IS NOT NULL`)[0].n).toBe(updates.length);
      } finally {
        await sql.end();
      }
      for (const i of [0, 1, 2]) expect(filesUnder(path.join(work, `machine-${i}`, 'data'))).toEqual([]);

      // A Slack process on the same PostgreSQL: /gaps (staff) lists what every replica logged.
      const signingSecret = 'replica-slack-signing-secret';
      slack = spawnTs('adapters/slack/main.ts', [], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '', HOME: work, LOG_LEVEL: 'info', CORPUS_DIR: corpus.corpusDir, INDEX_DIR: corpus.indexDir,
          DB_PATH: path.join(work, 'slack-data', 'bot.sqlite'), EMBEDDING_MODEL: 'none', DATABASE_URL: url,
          SLACK_BOT_TOKEN: 'xoxb-replica-test-token-123456', SLACK_SIGNING_SECRET: signingSecret, SLACK_HOST: '127.0.0.1', SLACK_PORT: '0',
          SLACK_API_URL: slackApi.apiUrl, SLACK_STAFF_USER_IDS: 'USTAFF01',
        },
      });
      let slackErr = '';
      slack.stderr.on('data', (d) => (slackErr += d));
      await until(() => slackErr.includes('slack.listening'), 'the Slack process to listen');
      const slackPort = Number(/"event":"slack\.listening".*?"port":(\d+)/.exec(slackErr)![1]);
      const res = await postSigned(`http://127.0.0.1:${slackPort}/slack/events`, slashCommand('/gaps', '7', slackApi.responseUrl('gaps')), {
        secret: signingSecret, contentType: 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(200);
      await until(() => slackApi.responses.some((r) => r.id === 'gaps'), 'the /gaps answer');
      const gaps = JSON.stringify(slackApi.responses.find((r) => r.id === 'gaps')!.body);
      expect(gaps).toContain(QUESTION);
      expect(gaps).toContain(`*${updates.length + 1}×*`); // every logged attempt, the killed one included
      expect(filesUnder(path.join(work, 'slack-data'))).toEqual([]);
    } finally {
      if (slack && slack.exitCode === null) slack.kill('SIGKILL');
      await nginx?.stop();
      for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
      await Promise.all(replicas.map((r) => r.exited));
      for (const a of apis) await a.close();
      await slackApi.close();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
