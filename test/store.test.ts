import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../src/log.js';
import type { Channel, InteractionRecord, InteractionStore } from '../src/ports.js';
import { openInteractionStore, type InteractionStoreOptions } from '../src/store/sqlite.js';
import { bigrams, clusterSimilar, dice, normaliseQuestion } from '../src/store/similar.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 2, 10, 12, 0, 0); // 2025-03-10 12:00 UTC

let dir: string;
let file: string;
const open: InteractionStore[] = [];
const others: Database.Database[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'));
  file = path.join(dir, 'nested', 'folder', 'interactions.sqlite');
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of others.splice(0)) if (d.open) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(options: InteractionStoreOptions = {}) {
  const logger = createMemoryLogger();
  let clock = T0;
  const store = openInteractionStore(file, logger, { now: () => clock, ...options });
  open.push(store);
  return { store, logger, setNow: (t: number) => (clock = t), events: () => logger.lines.map((l) => JSON.parse(l).event as string) };
}

/** Records an interaction that must be saved; answers its id. */
async function save(store: InteractionStore, r: InteractionRecord): Promise<number> {
  const outcome = await store.recordInteraction(r);
  if (outcome.status !== 'saved') throw new Error(`expected the interaction to be saved, got ${outcome.status}`);
  return outcome.id;
}

function record(question: string, overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    channel: 'telegram',
    chatId: '1001',
    question,
    answer: `Answer to ${question}`,
    abstained: false,
    sources: [{ rank: 1, doc: 'page1.txt', title: '标题', text: '原文', score: 0.9 }],
    latencyMs: 42,
    at: T0,
    ...overrides,
  };
}

describe('interaction log', () => {
  it('records an interaction and reads it back from the file', async () => {
    const { store } = openStore();
    const id = await save(store, record('高龄津贴怎么申请', { conversationId: 'tg:1001', abstained: true, error: 'timeout' }));
    expect(id).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(true);
    await store.close();

    const again = openStore().store;
    expect(await again.getInteraction(id)).toEqual({ id, ...record('高龄津贴怎么申请', { conversationId: 'tg:1001', abstained: true, error: 'timeout' }) });
    expect(await again.getInteraction(id + 1)).toBeUndefined();
  });

  it('uses WAL, foreign keys and a schema version', async () => {
    const { store } = openStore();
    await store.recordInteraction(record('q'));
    const raw = new Database(file, { readonly: true });
    others.push(raw);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
  });

  it('refuses a file written by a newer schema with a message that says so', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openInteractionStore(file, createMemoryLogger())).toThrow(/schema version 999.*upgrade the bot/);
  });
});

describe('feedback', () => {
  it('counts a voter once, keeps their latest vote, and rejects unknown interactions', async () => {
    const { store } = openStore();
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
});

describe('delivery de-duplication', () => {
  it('claims a key once, also after the file is reopened', async () => {
    const first = openStore().store;
    expect(await first.claimDelivery('telegram:update:123')).toBe(true);
    expect(await first.claimDelivery('telegram:update:123')).toBe(false);
    expect(await first.claimDelivery('slack:event:Ev1')).toBe(true);
    await first.close();

    const restarted = openStore().store;
    expect(await restarted.claimDelivery('telegram:update:123')).toBe(false);
    expect(await restarted.claimDelivery('slack:event:Ev1')).toBe(false);
    expect(await restarted.claimDelivery('telegram:update:124')).toBe(true);
  });

  it('forgets keys after the retention period', async () => {
    const { store, setNow } = openStore({ deliveryRetentionMs: DAY });
    expect(await store.claimDelivery('k1')).toBe(true);
    setNow(T0 + 2 * DAY); // the hourly clean-up runs on the next write
    expect(await store.claimDelivery('k2')).toBe(true);
    expect(await store.claimDelivery('k1')).toBe(true);
  });
});

describe('conversation turns', () => {
  const turn = (i: number, at: number) => ({ question: `q${i}`, searched: `s${i}`, answer: `a${i}`, at });

  it('keeps the last N turns per conversation, in order, and apart from other conversations', async () => {
    const { store } = openStore({ maxTurnsPerConversation: 5 });
    for (let i = 0; i < 8; i++) await store.appendTurn('c1', turn(i, T0 - 1000 + i));
    await store.appendTurn('c2', turn(99, T0));
    expect((await store.recentTurns('c1', 100, DAY)).map((t) => t.question)).toEqual(['q3', 'q4', 'q5', 'q6', 'q7']);
    expect(await store.recentTurns('c1', 2, DAY)).toEqual([turn(6, T0 - 994), turn(7, T0 - 993)]);
    expect((await store.recentTurns('c2', 10, DAY)).map((t) => t.question)).toEqual(['q99']);
    expect((await store.recentTurns('c2', Infinity, Infinity)).map((t) => t.question)).toEqual(['q99']);
    expect(await store.recentTurns('c2', 0, DAY)).toEqual([]);
    const raw = new Database(file, { readonly: true });
    others.push(raw);
    expect(raw.prepare(`SELECT COUNT(*) FROM turns WHERE conversation_id = 'c1'`).pluck().get()).toBe(5);
  });

  it('leaves out turns older than the asked age, and clears a conversation', async () => {
    const { store, setNow } = openStore();
    await store.appendTurn('c1', turn(1, T0));
    await store.appendTurn('c1', turn(2, T0 + 20 * 60_000));
    setNow(T0 + 40 * 60_000);
    expect((await store.recentTurns('c1', 10, 30 * 60_000)).map((t) => t.question)).toEqual(['q2']);
    expect((await store.recentTurns('c1', 10, 60 * 60_000)).map((t) => t.question)).toEqual(['q1', 'q2']);
    await store.clearConversation('c1');
    expect(await store.recentTurns('c1', 10, DAY)).toEqual([]);
  });
});

describe('gaps', () => {
  it('groups similar wordings across channels and leaves out answered, upvoted and old questions', async () => {
    const { store } = openStore();
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

    const gaps = await store.gaps(T0 - DAY, 10);
    expect(gaps).toEqual([
      { example: '高龄津贴如何申请？', count: 3, abstained: 2, downvoted: 1, channels: ['slack', 'telegram'], lastAt: T0 - 1000 },
      { example: '公交卡在哪里办', count: 1, abstained: 1, downvoted: 0, channels: ['telegram'], lastAt: T0 - 500 },
    ]);
    expect(await store.gaps(T0 - DAY, 1)).toHaveLength(1);
    expect(await store.gaps(T0 + 1, 10)).toEqual([]);
  });

  it('orders groups of equal size by the latest question', async () => {
    const { store } = openStore();
    await store.recordInteraction(record('how do I renew my bus card', { at: T0 - 100, abstained: true }));
    await store.recordInteraction(record('where is the tax office', { at: T0 - 50, abstained: true }));
    expect((await store.gaps(T0 - DAY, 10)).map((g) => g.example)).toEqual(['where is the tax office', 'how do I renew my bus card']);
  });

  it('clusters 10k questions in the window', async () => {
    const { store } = openStore();
    const topics = ['高龄津贴', '公交卡', '居住证', '医保报销', '养老补贴', '社会救助', 'eldercare subsidy', 'bus card'];
    const verbs = ['怎么申请', '如何办理', '在哪里办', '需要什么材料', 'how to apply', '多久能办好'];
    const raw = new Database(file);
    others.push(raw);
    const insert = raw.prepare(
      `INSERT INTO interactions (at, channel, chat_id, question, answer, abstained, sources) VALUES (?, 'telegram', '1', ?, '', 1, '[]')`,
    );
    raw.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(T0 - i, `${topics[i % topics.length]}${verbs[i % verbs.length]}${i % 7 === 0 ? ` ${i}号` : ''}`);
    })();
    const gaps = await store.gaps(T0 - DAY, 50);
    expect(gaps.reduce((n, g) => n + g.count, 0)).toBeLessThanOrEqual(10_000);
    expect(gaps[0].count).toBeGreaterThan(100);
  });
});

describe('similarity', () => {
  it('normalises width, case, punctuation and spaces', async () => {
    expect(normaliseQuestion('ＨＯＷ to  Apply？ 高龄，津贴!')).toBe('howtoapply高龄津贴');
  });
  it('puts rewordings together and different questions apart', async () => {
    const groups = clusterSimilar(['高龄津贴怎么申请', '公交卡在哪里办', '高龄津贴如何申请？', 'How do I apply for the eldercare subsidy?', 'how to apply for eldercare subsidy'], (s) => s);
    expect(groups).toEqual([
      ['高龄津贴怎么申请', '高龄津贴如何申请？'],
      ['公交卡在哪里办'],
      ['How do I apply for the eldercare subsidy?', 'how to apply for eldercare subsidy'],
    ]);
  });
});

describe('similarity at scale', () => {
  /** Deterministic pseudo-random numbers, so a failure can be reproduced. */
  function random(seed: number) {
    return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }
  const words = ['how', 'do', 'i', 'apply', 'for', 'the', 'bus', 'card', 'tax', 'office', 'where', 'renew', 'eldercare', 'subsidy', 'pension', 'housing', 'permit', 'clinic', 'hours', 'documents'];
  const topics = ['高龄津贴', '公交卡', '居住证', '医保报销', '养老补贴', '社会救助', '老年人优待证', '低保'];
  const verbs = ['怎么申请', '如何申请', '在哪里办', '需要什么材料', '多久能办好', '可以网上办吗'];
  function questions(n: number, seed: number): string[] {
    const r = random(seed);
    const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    return Array.from({ length: n }, (_, i) =>
      i % 2 ? Array.from({ length: 4 + (i % 6) }, () => pick(words)).join(' ') + '?' : `${pick(topics)}${pick(verbs)}${r() < 0.3 ? '？' : ''}`,
    );
  }
  /** The definition: compare each item with every representative. */
  function bruteForce(items: string[], threshold = 0.5): string[][] {
    const groups: { rep: Set<string>; items: string[] }[] = [];
    for (const item of items) {
      const grams = bigrams(normaliseQuestion(item));
      let best: (typeof groups)[number] | undefined;
      let bestScore = -1;
      for (const g of groups) {
        const score = dice(grams, g.rep);
        if (score >= threshold && score > bestScore) [best, bestScore] = [g, score];
      }
      if (best) best.items.push(item);
      else groups.push({ rep: grams, items: [item] });
    }
    return groups.map((g) => g.items);
  }

  it('finds the same groups as comparing with every representative', async () => {
    const items = questions(1500, 7);
    expect(clusterSimilar(items, (s) => s, { maxProbeGroups: Infinity, maxCandidates: Infinity })).toEqual(bruteForce(items));
    expect(clusterSimilar(items, (s) => s)).toEqual(bruteForce(items));
  });

  it('groups 10k distinct English questions (few distinct letter pairs) without losing one', async () => {
    const items = questions(20_000, 11).filter((_, i) => i % 2 === 1);
    const groups = clusterSimilar(items, (s) => s);
    expect(groups.reduce((n, g) => n + g.length, 0)).toBe(10_000);
  });
});

describe('stats', () => {
  it('counts questions, abstentions and votes per UTC day and channel', async () => {
    const { store } = openStore();
    const dayStart = Date.UTC(2025, 2, 10);
    const a = await save(store, record('q1', { at: dayStart + 1, channel: 'telegram', abstained: true }));
    await store.recordInteraction(record('q2', { at: dayStart + DAY - 1, channel: 'telegram' }));
    const b = await save(store, record('q3', { at: dayStart + 5, channel: 'slack' }));
    await store.recordInteraction(record('q4', { at: dayStart + DAY, channel: 'telegram', abstained: true }));
    await store.recordInteraction(record('old', { at: dayStart - 10 * DAY }));
    await store.recordFeedback({ interactionId: a, voterKey: 'x', vote: 'down' });
    await store.recordFeedback({ interactionId: b, voterKey: 'x', vote: 'up' });
    await store.recordFeedback({ interactionId: b, voterKey: 'y', vote: 'up' });

    expect(await store.stats(dayStart - DAY)).toEqual([
      { day: '2025-03-10', channel: 'slack', questions: 1, abstained: 0, up: 2, down: 0 },
      { day: '2025-03-10', channel: 'telegram', questions: 2, abstained: 1, up: 0, down: 1 },
      { day: '2025-03-11', channel: 'telegram', questions: 1, abstained: 1, up: 0, down: 0 },
    ]);
  });
});

describe('when the database is busy or full', () => {
  it('keeps answering while another connection holds the write lock, and saves everything afterwards', async () => {
    const { store, logger, events, setNow } = openStore({ busyTimeoutMs: 300 });
    const first = await save(store, record('before the lock'));
    await store.appendTurn('c1', { question: 'q0', searched: 'q0', answer: 'a0', at: T0 });

    const other = new Database(file, { timeout: 0 });
    others.push(other);
    other.exec('BEGIN EXCLUSIVE');
    other.prepare(`INSERT INTO deliveries (key, at) VALUES ('lock-holder', 0)`).run();

    expect(await store.recordInteraction(record('during the lock 1'))).toEqual({ status: 'queued' });
    expect(await store.recordInteraction(record('during the lock 2', { channel: 'slack' }))).toEqual({ status: 'queued' });
    expect(await store.recordFeedback({ interactionId: first, voterKey: 'v1', vote: 'down' })).toBe('queued');
    await store.appendTurn('c1', { question: 'q1', searched: 'q1', answer: 'a1', at: T0 + 1 });
    expect(await store.claimDelivery('telegram:update:7')).toBe(true);
    expect(await store.claimDelivery('telegram:update:7')).toBe(false); // remembered in memory meanwhile
    // Reads still work (WAL) and follow-ups still see the unsaved turn.
    expect((await store.recentTurns('c1', 10, DAY)).map((t) => t.question)).toEqual(['q0', 'q1']);
    expect(await store.stats(T0 - DAY)).toHaveLength(1);

    const failures = logger.lines.filter((l) => l.includes('"store.write_failed"'));
    expect(failures).toHaveLength(1); // one line per outage
    expect(JSON.parse(failures[0])).toMatchObject({ level: 'error', code: expect.stringMatching(/^SQLITE_BUSY/) });

    other.exec('COMMIT');
    // Backing off (injected clock): even with the lock gone, no write is tried before the back-off ends,
    // so a long-held lock costs one busy_timeout per back-off step, not one per message.
    expect(await store.recordInteraction(record('during the back-off'))).toEqual({ status: 'queued' });
    setNow(T0 + 60_000); // past the retry back-off
    const after = await save(store, record('after the lock'));
    expect(after).toBeGreaterThan(first);
    expect(events()).toContain('store.recovered');

    const raw = new Database(file, { readonly: true });
    others.push(raw);
    expect(raw.prepare(`SELECT question FROM interactions ORDER BY id`).pluck().all()).toEqual([
      'before the lock', 'during the lock 1', 'during the lock 2', 'during the back-off', 'after the lock',
    ]);
    expect(raw.prepare(`SELECT vote FROM feedback`).pluck().all()).toEqual(['down']);
    expect(await store.claimDelivery('telegram:update:7')).toBe(false);
    expect((await store.recentTurns('c1', 10, DAY)).map((t) => t.question)).toEqual(['q0', 'q1']);
    expect((await store.stats(T0 - DAY)).reduce((n, s) => n + s.questions, 0)).toBe(5);
  });

  it('saves queued writes on close when the lock is gone by then', async () => {
    const { store } = openStore({ busyTimeoutMs: 20 });
    await store.recordInteraction(record('first'));
    const other = new Database(file, { timeout: 0 });
    others.push(other);
    other.exec('BEGIN EXCLUSIVE');
    other.prepare(`INSERT INTO deliveries (key, at) VALUES ('lock-holder', 0)`).run();
    expect(await store.recordInteraction(record('queued'))).toEqual({ status: 'queued' });
    other.exec('COMMIT');
    await store.close();
    await store.close(); // idempotent

    const reopened = openStore().store;
    expect((await reopened.stats(T0 - DAY))[0].questions).toBe(2);
  });

  it('keeps writes through a full disk and saves them when space returns', async () => {
    let db: Database.Database | undefined;
    const { store, logger, events, setNow } = openStore({ configure: (d) => (db = d) });
    await store.recordInteraction(record('fits'));
    const pages = db!.pragma('page_count', { simple: true }) as number;
    db!.pragma(`max_page_count = ${pages}`);

    const big = 'x'.repeat(20_000); // needs new pages
    expect(await store.recordInteraction(record(`full 1 ${big}`))).toEqual({ status: 'queued' });
    expect(await store.recordInteraction(record(`full 2 ${big}`))).toEqual({ status: 'queued' });
    await store.appendTurn('c1', { question: big, searched: big, answer: big, at: T0 });
    const failures = logger.lines.filter((l) => l.includes('"store.write_failed"'));
    expect(failures).toHaveLength(1);
    expect(JSON.parse(failures[0])).toMatchObject({ code: 'SQLITE_FULL' });

    db!.pragma('max_page_count = 1000000');
    expect(await store.recordInteraction(record('within the back-off'))).toEqual({ status: 'queued' }); // not retried yet
    setNow(T0 + 60_000);
    expect(await store.recordInteraction(record('space again'))).toMatchObject({ status: 'saved' });
    expect(events()).toContain('store.recovered');
    expect((await store.stats(T0 - DAY))[0].questions).toBe(5);
    expect(await store.recentTurns('c1', 10, DAY)).toHaveLength(1);
  });

  it('bounds the retry queue and says so', async () => {
    const { store, events } = openStore({ busyTimeoutMs: 5, retryQueueLimit: 3 });
    const other = new Database(file, { timeout: 0 });
    others.push(other);
    other.exec('BEGIN EXCLUSIVE');
    other.prepare(`INSERT INTO deliveries (key, at) VALUES ('lock-holder', 0)`).run();
    for (let i = 0; i < 5; i++) expect(await store.recordInteraction(record(`q${i}`))).toEqual({ status: 'queued' });
    expect(events().filter((e) => e === 'store.retry_queue_full')).toHaveLength(1);
    other.exec('COMMIT');
    await store.close();
    const raw = new Database(file, { readonly: true });
    others.push(raw);
    expect(raw.prepare(`SELECT question FROM interactions ORDER BY id`).pluck().all()).toEqual(['q2', 'q3', 'q4']);
  });

  it('returns empty results and logs after close instead of throwing', async () => {
    const { store, events } = openStore();
    await store.close();
    expect(await store.recordInteraction(record('late'))).toEqual({ status: 'closed' });
    expect(await store.gaps(0, 10)).toEqual([]);
    expect(await store.stats(0)).toEqual([]);
    expect(await store.recentTurns('c', 10, DAY)).toEqual([]);
    expect(events()).toContain('store.closed');
  });
});
