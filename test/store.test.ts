import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../src/log.js';
import type { Channel, InteractionRecord, InteractionStore } from '../src/ports.js';
import { openInteractionStore, type InteractionStoreOptions } from '../src/store/sqlite.js';
import { bigrams, clusterSimilar, dice, normaliseQuestion } from '../src/store/similar.js';
import { interactionAt, openStoreOnClock, saveInteraction } from './support/store.js';

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

const openStore = (options: InteractionStoreOptions = {}) => openStoreOnClock(file, T0, open, options);

const save = saveInteraction;
const record = (question: string, overrides: Partial<InteractionRecord> = {}) => interactionAt(T0, question, overrides);

describe('the SQLite file', () => {
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

describe('gaps over the SQLite file', () => {
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

});
