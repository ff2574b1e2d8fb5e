// The privacy parts of the interaction store (SQLite): delivery claims that survive a dead owner,
// /forget, retention with an injected clock, the gaps view's scope, and the schema upgrade.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../src/log.js';
import type { InteractionRecord, InteractionStore } from '../src/ports.js';
import { SCHEMA_VERSION, type InteractionStoreOptions } from '../src/store/sqlite.js';
import { purgeExpired, startRetention } from '../src/privacy/retention.js';
import { DAY_MS } from '../src/time.js';
import { openStoreOnClock, savedId } from './support/store.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

let dir: string;
let file: string;
const open: InteractionStore[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-privacy-'));
  file = path.join(dir, 'bot.sqlite');
});
afterEach(async () => {
  vi.useRealTimers();
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const openStore = (options: InteractionStoreOptions = {}) => openStoreOnClock(file, T0, open, options);

const record = (over: Partial<InteractionRecord> = {}): InteractionRecord => ({
  channel: 'telegram', chatId: 'chat-hash', question: '问题', answer: '回答', abstained: false, sources: [], latencyMs: 1, ...over,
});

async function save(store: InteractionStore, r: InteractionRecord): Promise<number> {
  const id = savedId(await store.recordInteraction(r));
  if (id === undefined) throw new Error('expected the interaction to be saved');
  return id;
}

function rows(table: string): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('delivery claims', () => {
  it('refuse a redelivery while the first attempt runs or after it finished; take over one whose owner closed unfinished', async () => {
    const a = openStore();
    const b = openStore();
    expect(await a.store.claimDelivery('telegram:update:1')).toBe(true);
    expect(await a.store.claimDelivery('telegram:update:1')).toBe(false); // in progress here
    expect(await b.store.claimDelivery('telegram:update:1')).toBe(false); // in progress in a live store
    expect(await a.store.claimDelivery('telegram:update:2')).toBe(true);
    await a.store.completeDelivery('telegram:update:2');
    await a.store.close(); // update 1 never finished
    expect(await b.store.claimDelivery('telegram:update:1')).toBe(true);
    expect(b.logger.lines.some((l) => l.includes('store.delivery_taken_over'))).toBe(true);
    expect(await b.store.claimDelivery('telegram:update:2')).toBe(false); // finished: a duplicate for anyone
    await b.store.completeDelivery('telegram:update:1');
    const c = openStore();
    expect(await c.store.claimDelivery('telegram:update:1')).toBe(false);
  });

  it('keep refusing a redelivery after the reply went out while the database was locked (the claim lives in memory)', async () => {
    const { store, setNow } = openStore({ busyTimeoutMs: 100 });
    const other = new Database(file, { timeout: 0 });
    try {
      other.exec('BEGIN EXCLUSIVE');
      expect(await store.claimDelivery('telegram:update:77')).toBe(true); // kept in memory
      await store.completeDelivery('telegram:update:77'); // the reply went out; the write waits in the queue
      expect(await store.claimDelivery('telegram:update:77')).toBe(false); // a redelivery during the outage
      other.exec('COMMIT');
    } finally {
      other.close();
    }
    setNow(T0 + 60_000); // past the back-off: the next write saves the queue
    await store.recordInteraction(record());
    expect(rows('deliveries').find((r) => r.key === 'telegram:update:77')).toMatchObject({ done_at: expect.any(Number) });
    expect(await store.claimDelivery('telegram:update:77')).toBe(false);
  });

  it('take over a claim whose lease ran out even when its owner may still be alive (another host, a reused pid)', async () => {
    const a = openStore({ deliveryLeaseMs: 60_000 });
    const b = openStore({ deliveryLeaseMs: 60_000 });
    expect(await a.store.claimDelivery('slack:event:Ev1')).toBe(true);
    b.setNow(T0 + 59_000);
    expect(await b.store.claimDelivery('slack:event:Ev1')).toBe(false);
    b.setNow(T0 + 61_000);
    expect(await b.store.claimDelivery('slack:event:Ev1')).toBe(true);
  });

  it('count claims written before this schema step as answered (no owner recorded)', async () => {
    const old = new Database(file);
    old.exec(`CREATE TABLE deliveries (key TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE interactions (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, channel TEXT NOT NULL, chat_id TEXT NOT NULL,
        conversation_id TEXT, question TEXT NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, sources TEXT NOT NULL, latency_ms INTEGER, error TEXT);
      CREATE TABLE feedback (interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE, voter_key TEXT NOT NULL,
        vote TEXT NOT NULL, at INTEGER NOT NULL, UNIQUE (interaction_id, voter_key));
      CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, at INTEGER NOT NULL, question TEXT NOT NULL,
        searched TEXT NOT NULL, answer TEXT NOT NULL);
      INSERT INTO deliveries VALUES ('telegram:update:9', ${T0});
      PRAGMA user_version = 1;`);
    old.close();
    const { store } = openStore();
    expect(await store.claimDelivery('telegram:update:9')).toBe(false);
    expect(new Database(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });
});

describe('forgetPerson', () => {
  it("deletes one person's questions, their conversations' turns and their votes, and nobody else's", async () => {
    const { store } = openStore();
    const mine = await save(store, record({ userKey: 'me', conversationId: 'telegram:c1' }));
    await save(store, record({ userKey: 'me', conversationId: 'telegram:g1:me' }));
    const theirs = await save(store, record({ userKey: 'them', conversationId: 'telegram:c2' }));
    for (const c of ['telegram:c1', 'telegram:g1:me', 'telegram:c2']) await store.appendTurn(c, { question: 'q', searched: 'q', answer: 'a', at: T0 });
    await store.recordFeedback({ interactionId: theirs, voterKey: 'me', vote: 'down' }); // my vote on their answer
    await store.recordFeedback({ interactionId: mine, voterKey: 'them', vote: 'up' }); // their vote on my answer
    await store.recordFeedback({ interactionId: theirs, voterKey: 'them', vote: 'up' });

    expect(await store.forgetPerson('me')).toEqual({ status: 'deleted', interactions: 2, turns: 2, votes: 1 });
    expect(rows('interactions').map((r) => r.user_key)).toEqual(['them']);
    expect(rows('turns').map((r) => r.conversation_id)).toEqual(['telegram:c2']);
    expect(rows('feedback').map((r) => [r.interaction_id, r.voter_key])).toEqual([[theirs, 'them']]);
    expect(await store.getInteraction(mine)).toBeUndefined();
    expect(await store.forgetPerson('me')).toEqual({ status: 'deleted', interactions: 0, turns: 0, votes: 0 });
  });
});

describe('retention', () => {
  it('purges interactions, votes, turns and delivery records older than the retention, with an injected clock', async () => {
    const { store, setNow } = openStore();
    const old = await save(store, record({ at: T0 - 100 * DAY_MS, userKey: 'a' }));
    const recent = await save(store, record({ at: T0 - 10 * DAY_MS, userKey: 'b' }));
    await store.recordFeedback({ interactionId: old, voterKey: 'v', vote: 'down', at: T0 - 99 * DAY_MS });
    await store.recordFeedback({ interactionId: recent, voterKey: 'v', vote: 'up', at: T0 - 95 * DAY_MS }); // an old vote on a kept answer
    await store.recordFeedback({ interactionId: recent, voterKey: 'w', vote: 'up', at: T0 - 9 * DAY_MS });
    await store.appendTurn('c-old', { question: 'q', searched: 'q', answer: 'a', at: T0 - 91 * DAY_MS });
    await store.appendTurn('c-new', { question: 'q', searched: 'q', answer: 'a', at: T0 - 1 * DAY_MS });
    setNow(T0 - 92 * DAY_MS);
    await store.claimDelivery('telegram:update:old');
    setNow(T0);
    await store.claimDelivery('telegram:update:new');

    const logger = createMemoryLogger();
    const purged = await purgeExpired(store, 90, T0, logger);
    expect(purged).toEqual({ interactions: 1, votes: 2, turns: 1, deliveries: 1, before: T0 - 90 * DAY_MS });
    expect(rows('interactions').map((r) => r.id)).toEqual([recent]);
    expect(rows('feedback').map((r) => r.voter_key)).toEqual(['w']);
    expect(rows('turns').map((r) => r.conversation_id)).toEqual(['c-new']);
    expect(rows('deliveries').map((r) => r.key)).toEqual(['telegram:update:new']);
    expect(logger.lines.some((l) => l.includes('privacy.purged'))).toBe(true);
    expect(await purgeExpired(store, 90, T0, logger)).toMatchObject({ interactions: 0, votes: 0, turns: 0, deliveries: 0 });
  });

  it('fails the purge, keeping the rows, when the database refuses it (never reports 0 deleted)', async () => {
    const { store } = openStore();
    await save(store, record({ at: T0 - 100 * DAY_MS }));
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE'); // another process holds the write lock past the busy timeout
    try {
      await expect(purgeExpired(store, 90, T0, createMemoryLogger())).rejects.toThrow(/locked|busy/i);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(rows('interactions')).toHaveLength(1);
    expect(await purgeExpired(store, 90, T0, createMemoryLogger())).toMatchObject({ interactions: 1 });
  });

  it('runs in the bot at start and then on its interval, on the injected clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { store } = openStore();
    let clock = T0;
    await save(store, record({ at: T0 - 5 * DAY_MS }));
    await save(store, record({ at: T0 - 1 * DAY_MS }));
    const cutoffs: number[] = [];
    const counted: InteractionStore = { ...store, purge: (before) => (cutoffs.push(before), store.purge(before)) };
    const retention = startRetention({ store: counted, days: 3, logger: createMemoryLogger(), now: () => clock, everyMs: 60_000 });
    try {
      await retention.runNow(); // the purge started at start (still in flight: the same one)
      expect(cutoffs).toEqual([T0 - 3 * DAY_MS]);
      expect(rows('interactions')).toHaveLength(1);
      clock = T0 + 3 * DAY_MS; // the second one is now older than 3 days
      vi.advanceTimersByTime(59_000);
      expect(cutoffs).toHaveLength(1);
      vi.advanceTimersByTime(1_000);
      expect(cutoffs).toEqual([T0 - 3 * DAY_MS, T0]);
      await retention.runNow();
      expect(cutoffs).toHaveLength(2);
      expect(rows('interactions')).toHaveLength(0);
    } finally {
      retention.stop();
    }
  });
});

describe('gaps', () => {
  it('include low-confidence answers beside abstentions and 👎, and leave out command-line and eval traffic', async () => {
    const { store } = openStore();
    await save(store, record({ question: '护照在哪里办？', abstained: true }));
    await save(store, record({ question: '暖气费怎么交？', lowConfidence: true, channel: 'slack' }));
    await save(store, record({ question: '食堂几点开门？' })); // answered with confidence: not a gap
    await save(store, record({ question: '命令行里问的护照问题', abstained: true, channel: 'cli' }));
    await save(store, record({ question: '评测里的问题', abstained: true, channel: 'eval' }));
    const gaps = await store.gaps(0, 10);
    expect(gaps.map((g) => [g.example, g.abstained, g.lowConfidence])).toEqual(
      expect.arrayContaining([['护照在哪里办？', 1, 0], ['暖气费怎么交？', 0, 1]]),
    );
    expect(gaps).toHaveLength(2);
  });
});
