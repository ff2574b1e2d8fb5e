// Test helpers over the store port.
import type { InteractionRecord, InteractionStore, WriteOutcome } from '../../src/ports.js';
import { createMemoryLogger } from '../../src/log.js';
import { openInteractionStore, type InteractionStoreOptions } from '../../src/store/sqlite.js';

/** The new row's id when the write was saved; undefined when it was queued, rejected or the store was closed. */
export function savedId(outcome: WriteOutcome): number | undefined {
  return outcome.status === 'saved' ? outcome.id : undefined;
}

/**
 * Opens the SQLite store at `file` on a clock that starts at `t0` and moves only by setNow(); the store is
 * added to `open` so the test's afterEach can close it.
 */
export function openStoreOnClock(file: string, t0: number, open: InteractionStore[], options: InteractionStoreOptions = {}) {
  const logger = createMemoryLogger();
  let clock = t0;
  const store = openInteractionStore(file, logger, { now: () => clock, ...options });
  open.push(store);
  return { store, logger, setNow: (t: number) => (clock = t), events: () => logger.lines.map((l) => JSON.parse(l).event as string) };
}

/** Records an interaction that must be saved; answers its id (throws when it was queued, rejected or closed). */
export async function saveInteraction(store: InteractionStore, r: InteractionRecord): Promise<number> {
  const outcome = await store.recordInteraction(r);
  if (outcome.status !== 'saved') throw new Error(`expected the interaction to be saved, got ${outcome.status}`);
  return outcome.id;
}

/** A logged Telegram question with one source, at `at`; `overrides` change any field. */
export function interactionAt(at: number, question: string, overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    channel: 'telegram',
    chatId: '1001',
    question,
    answer: `Answer to ${question}`,
    abstained: false,
    sources: [{ rank: 1, doc: 'page1.txt', title: '标题', text: '原文', score: 0.9 }],
    latencyMs: 42,
    at,
    ...overrides,
  };
}
