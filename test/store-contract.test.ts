// One contract for the interaction store port, run against every backend: the SQLite file (the embedded
// default) and PostgreSQL (a throwaway server this file starts: initdb + pg_ctl on a temporary folder).
// Backend-specific behaviour (SQLite's WAL, locks and full disk; PostgreSQL's restart and migrations under
// concurrency) is tested below the shared part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../src/log.js';

type MemoryLogger = ReturnType<typeof createMemoryLogger>;
import type { Channel, InteractionRecord, InteractionStore } from '../src/ports.js';
import type { StoreOptions } from '../src/store/common.js';
import { openInteractionStore } from '../src/store/sqlite.js';
import { openPostgresStore, PG_SCHEMA_VERSION } from '../src/store/postgres.js';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import { interactionAt, saveInteraction } from './support/store.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 10, 12, 0, 0); // 2025-03-10 12:00 UTC

interface Backend {
  name: string;
  /** A fresh, empty place for one test's data. */
  fresh(): Promise<void>;
  /** Opens a store over the current test's data (again: a restart, or a second replica). */
  open(logger: MemoryLogger, options: StoreOptions): Promise<InteractionStore>;
}

let server: PostgresServer | undefined;
let dir: string;
let databases = 0;

const sqliteBackend: Backend = {
  name: 'sqlite',
  async fresh() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
  },
  async open(logger, options) {
    return openInteractionStore(path.join(dir, 'bot.sqlite'), logger, options);
  },
};

let pgUrl = '';
const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    pgUrl = await server!.createDatabase(`contract_${++databases}`);
  },
  open: (logger, options) => openPostgresStore(pgUrl, logger, { ...options, connectTimeoutS: 5 }),
};

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => {
  server?.destroy();
});

const save = saveInteraction;
const record = (question: string, overrides: Partial<InteractionRecord> = {}) => interactionAt(T0, question, overrides);


describe.each([sqliteBackend, postgresBackend])('the interaction store contract: $name', (backend) => {
  const opened: InteractionStore[] = [];
  let clock = T0;
  let logger: MemoryLogger;
  const open = async (options: StoreOptions = {}) => {
    const store = await backend.open(logger, { now: () => clock, ...options });
    opened.push(store);
    return store;
  };
  const events = () => logger.lines.map((l) => JSON.parse(l).event as string);

  beforeEach(async () => {
    clock = T0;
    logger = createMemoryLogger();
    await backend.fresh();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    if (backend === sqliteBackend) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names its backend', async () => {
    expect((await open()).backend).toBe(backend.name);
  });

  it('records an interaction and reads it back after a restart', async () => {
    const store = await open();
    const r = record('高龄津贴怎么申请', { conversationId: 'tg:1001', abstained: true, error: 'timeout' });
    const id = await save(store, r);
    expect(id).toBeGreaterThan(0);
    await store.close();

    const again = await open();
    expect(await again.getInteraction(id)).toEqual({ id, ...r });
    expect(await again.getInteraction(id + 1)).toBeUndefined();
    expect(await again.getInteraction(-3)).toBeUndefined();
    expect(await save(again, record('next'))).toBeGreaterThan(id);
  });

  it('counts a voter once, keeps their latest vote, and rejects unknown interactions', async () => {
    const store = await open();
    const id = await save(store, record('公交卡在哪里办'));
    expect(await store.recordFeedback({ interactionId: id, voterKey: 'v1', vote: 'up' })).toBe('stored');
    expect(await store.recordFeedback({ interactionId: id, voterKey: 'v1', vote: 'up' })).toBe('duplicate');
    expect((await store.stats(T0 - DAY))[0]).toMatchObject({ up: 1, down: 0 });

    expect(await store.recordFeedback({ interactionId: id, voterKey: 'v1', vote: 'down' })).toBe('duplicate');
    expect((await store.stats(T0 - DAY))[0]).toMatchObject({ up: 0, down: 1 });

    expect(await store.recordFeedback({ interactionId: id, voterKey: 'v2', vote: 'down' })).toBe('stored');
    expect((await store.stats(T0 - DAY))[0]).toMatchObject({ up: 0, down: 2 });

    expect(await store.recordFeedback({ interactionId: id + 100, voterKey: 'v1', vote: 'up' })).toBe('unknown-interaction');
    expect(await store.recordFeedback({ interactionId: -1, voterKey: 'v1', vote: 'up' })).toBe('unknown-interaction');
  });

  it('claims a delivery key once, also after a restart', async () => {
    const first = await open();
    expect(await first.claimDelivery('telegram:update:123')).toBe(true);
    expect(await first.claimDelivery('telegram:update:123')).toBe(false);
    expect(await first.claimDelivery('slack:event:Ev1')).toBe(true);
    await first.completeDelivery('telegram:update:123');
    await first.completeDelivery('slack:event:Ev1');
    await first.close();

    const restarted = await open();
    expect(await restarted.claimDelivery('telegram:update:123')).toBe(false);
    expect(await restarted.claimDelivery('slack:event:Ev1')).toBe(false);
    expect(await restarted.claimDelivery('telegram:update:124')).toBe(true);
  });

  it('gives each delivery key to exactly one of two stores claiming at once (two replicas)', async () => {
    const [a, b] = [await open(), await open()];
    const keys = Array.from({ length: 100 }, (_, i) => `telegram:update:${1000 + i}`);
    const claims = await Promise.all(keys.flatMap((k) => [a.claimDelivery(k), b.claimDelivery(k)]));
    const winners = keys.map((_, i) => Number(claims[2 * i]) + Number(claims[2 * i + 1]));
    expect(winners.every((n) => n === 1)).toBe(true);
  });

  it('forgets delivery keys after the retention period', async () => {
    const store = await open({ deliveryRetentionMs: DAY });
    expect(await store.claimDelivery('k1')).toBe(true);
    clock = T0 + 2 * DAY; // the hourly clean-up runs on the next write
    expect(await store.claimDelivery('k2')).toBe(true);
    expect(await store.claimDelivery('k1')).toBe(true);
  });

  const turn = (i: number, at: number) => ({ question: `q${i}`, searched: `s${i}`, answer: `a${i}`, at });

  it('keeps the last N turns per conversation, in order, apart from other conversations, and shared between stores', async () => {
    const store = await open({ maxTurnsPerConversation: 5 });
    for (let i = 0; i < 8; i++) await store.appendTurn('c1', turn(i, T0 - 1000 + i));
    await store.appendTurn('c2', turn(99, T0));
    expect((await store.recentTurns('c1', 100, DAY)).map((t) => t.question)).toEqual(['q3', 'q4', 'q5', 'q6', 'q7']);
    expect(await store.recentTurns('c1', 2, DAY)).toEqual([turn(6, T0 - 994), turn(7, T0 - 993)]);
    expect((await store.recentTurns('c2', 10, DAY)).map((t) => t.question)).toEqual(['q99']);
    expect((await store.recentTurns('c2', Infinity, Infinity)).map((t) => t.question)).toEqual(['q99']);
    expect(await store.recentTurns('c2', 0, DAY)).toEqual([]);
    // Another replica continues the same conversation.
    const other = await open({ maxTurnsPerConversation: 5 });
    expect((await other.recentTurns('c1', 2, DAY)).map((t) => t.question)).toEqual(['q6', 'q7']);
  });

  it('leaves out turns older than the asked age, and clears a conversation', async () => {
    const store = await open();
    await store.appendTurn('c1', turn(1, T0));
    await store.appendTurn('c1', turn(2, T0 + 20 * 60_000));
    clock = T0 + 40 * 60_000;
    expect((await store.recentTurns('c1', 10, 30 * 60_000)).map((t) => t.question)).toEqual(['q2']);
    expect((await store.recentTurns('c1', 10, 60 * 60_000)).map((t) => t.question)).toEqual(['q1', 'q2']);
    await store.clearConversation('c1');
    expect(await store.recentTurns('c1', 10, DAY)).toEqual([]);
  });

  it('groups similar wordings across channels in gaps and leaves out answered, upvoted and old questions', async () => {
    const store = await open();
    const add = (q: string, at: number, channel: Channel, abstained: boolean) => save(store, record(q, { at, channel, abstained }));
    await add('高龄津贴怎么申请', T0 - 3000, 'telegram', true);
    await add('高龄津贴如何申请？', T0 - 1000, 'slack', true);
    const downvoted = await add('高龄 津贴 怎么申请!', T0 - 2000, 'telegram', false);
    await store.recordFeedback({ interactionId: downvoted, voterKey: 'v1', vote: 'down' });
    await add('公交卡在哪里办', T0 - 500, 'telegram', true);
    const upvoted = await add('居住证怎么办理', T0 - 400, 'slack', false);
    await store.recordFeedback({ interactionId: upvoted, voterKey: 'v1', vote: 'up' });
    await add('老年人优待证在哪办', T0 - 300, 'slack', false); // answered, no vote
    await add('高龄津贴怎么申请', T0 - 10 * DAY, 'telegram', true); // before the window

    expect(await store.gaps(T0 - DAY, 10)).toEqual([
      { example: '高龄津贴如何申请？', count: 3, abstained: 2, downvoted: 1, lowConfidence: 0, channels: ['slack', 'telegram'], lastAt: T0 - 1000 },
      { example: '公交卡在哪里办', count: 1, abstained: 1, downvoted: 0, lowConfidence: 0, channels: ['telegram'], lastAt: T0 - 500 },
    ]);
    expect(await store.gaps(T0 - DAY, 1)).toHaveLength(1);
    expect(await store.gaps(T0 + 1, 10)).toEqual([]);
  });

  it('orders gap groups of equal size by the latest question', async () => {
    const store = await open();
    await store.recordInteraction(record('how do I renew my bus card', { at: T0 - 100, abstained: true }));
    await store.recordInteraction(record('where is the tax office', { at: T0 - 50, abstained: true }));
    expect((await store.gaps(T0 - DAY, 10)).map((g) => g.example)).toEqual(['where is the tax office', 'how do I renew my bus card']);
  });

  it('counts questions, abstentions and votes per UTC day and channel', async () => {
    const store = await open();
    const dayStart = Date.UTC(2025, 2, 10);
    const a = await save(store, record('q1', { at: dayStart + 1, channel: 'telegram', abstained: true }));
    await save(store, record('q2', { at: dayStart + DAY - 1, channel: 'telegram' }));
    const b = await save(store, record('q3', { at: dayStart + 5, channel: 'slack' }));
    await save(store, record('q4', { at: dayStart + DAY, channel: 'telegram', abstained: true }));
    await save(store, record('old', { at: dayStart - 10 * DAY }));
    await store.recordFeedback({ interactionId: a, voterKey: 'x', vote: 'down' });
    await store.recordFeedback({ interactionId: b, voterKey: 'x', vote: 'up' });
    await store.recordFeedback({ interactionId: b, voterKey: 'y', vote: 'up' });

    expect(await store.stats(dayStart - DAY)).toEqual([
      { day: '2025-03-10', channel: 'slack', questions: 1, abstained: 0, up: 2, down: 0 },
      { day: '2025-03-10', channel: 'telegram', questions: 2, abstained: 1, up: 0, down: 1 },
      { day: '2025-03-11', channel: 'telegram', questions: 1, abstained: 1, up: 0, down: 0 },
    ]);
  });

  it('gaps include low-confidence answers and leave out command-line and eval traffic', async () => {
    const store = await open();
    await save(store, record('护照在哪里办？', { abstained: true }));
    await save(store, record('暖气费怎么交？', { lowConfidence: true, channel: 'slack' }));
    await save(store, record('食堂几点开门？'));
    await save(store, record('命令行里问的护照问题', { abstained: true, channel: 'cli' }));
    await save(store, record('评测里的问题', { abstained: true, channel: 'eval' }));
    const gaps = await store.gaps(0, 10);
    expect(gaps.map((g) => [g.example, g.abstained, g.lowConfidence]).sort()).toEqual([['护照在哪里办？', 1, 0], ['暖气费怎么交？', 0, 1]]);
  });

  it('refuses a delivery being answered or answered already, and hands over one whose owner closed unfinished', async () => {
    const [a, b] = [await open(), await open()];
    expect(await a.claimDelivery('telegram:update:1')).toBe(true);
    expect(await a.claimDelivery('telegram:update:1')).toBe(false); // in progress here
    expect(await b.claimDelivery('telegram:update:1')).toBe(false); // in progress in a live store
    expect(await a.claimDelivery('telegram:update:2')).toBe(true);
    await a.completeDelivery('telegram:update:2');
    await a.close(); // update 1 never finished
    expect(await b.claimDelivery('telegram:update:1')).toBe(true);
    expect(events()).toContain('store.delivery_taken_over');
    expect(await b.claimDelivery('telegram:update:2')).toBe(false); // finished: a duplicate for anyone
    await b.completeDelivery('telegram:update:1');
    expect(await (await open()).claimDelivery('telegram:update:1')).toBe(false);
  });

  it('takes over a claim whose lease ran out even when its owner may be alive (another host)', async () => {
    const [a, b] = [await open({ deliveryLeaseMs: 60_000 }), await open({ deliveryLeaseMs: 60_000 })];
    expect(await a.claimDelivery('slack:event:Ev1')).toBe(true);
    clock = T0 + 59_000;
    expect(await b.claimDelivery('slack:event:Ev1')).toBe(false);
    clock = T0 + 61_000;
    expect(await b.claimDelivery('slack:event:Ev1')).toBe(true);
  });

  it("forgets one person's questions, their conversations' turns and their votes, and nobody else's", async () => {
    const store = await open();
    const mine = await save(store, record('q1', { userKey: 'me', conversationId: 'telegram:c1' }));
    await save(store, record('q2', { userKey: 'me', conversationId: 'telegram:g1:me' }));
    const theirs = await save(store, record('q3', { userKey: 'them', conversationId: 'telegram:c2' }));
    for (const c of ['telegram:c1', 'telegram:g1:me', 'telegram:c2']) await store.appendTurn(c, { question: 'q', searched: 'q', answer: 'a', at: T0 });
    await store.recordFeedback({ interactionId: theirs, voterKey: 'me', vote: 'down' });
    await store.recordFeedback({ interactionId: mine, voterKey: 'them', vote: 'up' });
    await store.recordFeedback({ interactionId: theirs, voterKey: 'them', vote: 'up' });

    expect(await store.forgetPerson('me')).toEqual({ status: 'deleted', interactions: 2, turns: 2, votes: 1 });
    expect(await store.getInteraction(mine)).toBeUndefined();
    expect(await store.getInteraction(theirs)).toMatchObject({ userKey: 'them' });
    expect(await store.recentTurns('telegram:c1', 5, DAY)).toEqual([]);
    expect(await store.recentTurns('telegram:c2', 5, DAY)).toHaveLength(1);
    expect((await store.stats(0))[0]).toMatchObject({ questions: 1, up: 1, down: 0 });
    expect(await store.forgetPerson('me')).toEqual({ status: 'deleted', interactions: 0, turns: 0, votes: 0 });
  });

  it('purges interactions, votes, turns and delivery records older than a time', async () => {
    const store = await open();
    const old = await save(store, record('old', { at: T0 - 100 * DAY }));
    const recent = await save(store, record('recent', { at: T0 - 10 * DAY }));
    await store.recordFeedback({ interactionId: old, voterKey: 'v', vote: 'down', at: T0 - 99 * DAY });
    await store.recordFeedback({ interactionId: recent, voterKey: 'v', vote: 'up', at: T0 - 95 * DAY });
    await store.recordFeedback({ interactionId: recent, voterKey: 'w', vote: 'up', at: T0 - 9 * DAY });
    await store.appendTurn('c-old', { question: 'q', searched: 'q', answer: 'a', at: T0 - 91 * DAY });
    await store.appendTurn('c-new', { question: 'q', searched: 'q', answer: 'a', at: T0 - 1 * DAY });
    clock = T0 - 92 * DAY;
    await store.claimDelivery('telegram:update:old');
    clock = T0;
    await store.claimDelivery('telegram:update:new');
    expect(await store.purge(T0 - 90 * DAY)).toEqual({ interactions: 1, votes: 2, turns: 1, deliveries: 1 });
    expect(await store.getInteraction(old)).toBeUndefined();
    expect((await store.stats(0))[0]).toMatchObject({ questions: 1, up: 1 });
    expect(await store.purge(T0 - 90 * DAY)).toEqual({ interactions: 0, votes: 0, turns: 0, deliveries: 0 });
  });

  it('keeps hostile text as data: quotes, SQL, emoji and control characters', async () => {
    const store = await open();
    const question = `'; DROP TABLE interactions; -- "引号" 😀 \u0007 \\u0000 $1`;
    const id = await save(store, record(question, { chatId: "o'brien", sources: [{ rank: 1, doc: 'a".txt', title: "t'", text: '\\', score: 1 }] }));
    expect(await store.getInteraction(id)).toMatchObject({ question, chatId: "o'brien", sources: [{ doc: 'a".txt', title: "t'", text: '\\' }] });
    expect((await store.stats(0))[0].questions).toBe(1);
  });

  it('keeps one installation secret for every replica (PostgreSQL), or leaves it to a file beside the database (SQLite)', async () => {
    const [a, b] = [await open(), await open()];
    const first = await a.sharedSecret(() => 'secret-of-replica-a-0123456789');
    const second = await b.sharedSecret(() => 'secret-of-replica-b-0123456789');
    expect(first).toBe(backend.name === 'postgres' ? 'secret-of-replica-a-0123456789' : undefined);
    expect(second).toBe(first);
  });

  it('answers `closed` and empty results after close, logging instead of throwing', async () => {
    const store = await open();
    await expect(store.checkWritable()).resolves.toBeUndefined();
    await store.close();
    await store.close(); // idempotent
    await expect(store.checkWritable()).rejects.toThrow(/closed/);
    expect(await store.recordInteraction(record('late'))).toEqual({ status: 'closed' });
    expect(await store.recordFeedback({ interactionId: 1, voterKey: 'v', vote: 'up' })).toBe('closed');
    expect(await store.gaps(0, 10)).toEqual([]);
    expect(await store.stats(0)).toEqual([]);
    expect(await store.recentTurns('c', 10, DAY)).toEqual([]);
    expect(events()).toContain('store.closed');
  });
});

describe('PostgreSQL backend', () => {
  it('refuses an unreachable server at start with a message that names the fix and no password', async () => {
    const port = server!.port + 1; // nothing listens there... unless another test took it; a closed port is what matters
    const url = `postgres://app:hunter2-secret@127.0.0.1:${port}/bot`;
    const error = await openPostgresStore(url, createMemoryLogger(), { connectTimeoutS: 3 }).then(
      () => new Error('expected the open to fail'),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/Cannot use the PostgreSQL database at 127\.0\.0\.1:\d+\/bot/);
    expect(error.message).toMatch(/DATABASE_URL/);
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('applies the migrations once when several replicas start together, and refuses a newer schema', async () => {
    const url = await server!.createDatabase('migrations_race');
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, createMemoryLogger())));
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      expect((await admin`SELECT version FROM schema_migrations ORDER BY version`).map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
      expect(PG_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
      await admin`INSERT INTO schema_migrations (version) VALUES (999)`;
      await expect(openPostgresStore(url, createMemoryLogger())).rejects.toThrow(/schema version 999.*upgrade the bot/);
    } finally {
      await admin.end();
      for (const s of stores) await s.close();
    }
  });

  it('survives a server restart mid-run: writes are queued, the pool reconnects, nothing is lost or claimed twice', async () => {
    const url = await server!.createDatabase('restart');
    const logger = createMemoryLogger();
    let clock = T0;
    const store = await openPostgresStore(url, logger, { now: () => clock, connectTimeoutS: 2 });
    try {
      await save(store, record('before'));
      expect(await store.claimDelivery('telegram:update:1')).toBe(true);

      server!.stop(); // immediate: like a crash
      expect(await store.recordInteraction(record('during 1'))).toEqual({ status: 'queued' });
      expect(await store.recordInteraction(record('during 2'))).toEqual({ status: 'queued' }); // backing off, no wait
      await store.appendTurn('c1', { question: 'q1', searched: 'q1', answer: 'a1', at: T0 });
      expect(await store.claimDelivery('telegram:update:2')).toBe(true); // new during the outage
      expect(await store.claimDelivery('telegram:update:2')).toBe(false); // remembered in memory
      expect((await store.recentTurns('c1', 10, DAY)).map((t) => t.question)).toEqual(['q1']); // follow-ups still work
      expect(logger.lines.filter((l) => l.includes('"store.write_failed"'))).toHaveLength(1);
      await expect(store.checkWritable()).rejects.toThrow(/waiting in memory/); // /readyz says not ready

      server!.start();
      clock = T0 + 60_000; // past the back-off
      await save(store, record('after'));
      expect(logger.lines.some((l) => l.includes('"store.recovered"'))).toBe(true);
      expect(await store.claimDelivery('telegram:update:1')).toBe(false);
      expect(await store.claimDelivery('telegram:update:2')).toBe(false); // saved from the queue
      const admin = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        expect((await admin`SELECT question FROM interactions ORDER BY id`).map((r) => r.question)).toEqual(['before', 'during 1', 'during 2', 'after']);
        expect((await admin`SELECT question FROM turns`).map((r) => r.question)).toEqual(['q1']);
      } finally {
        await admin.end();
      }
    } finally {
      await store.close();
    }
  });
});
