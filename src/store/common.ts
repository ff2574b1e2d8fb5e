// What every interaction-store backend shares: the writes as plain data, the retry queue that carries
// them through an outage (a held lock, a full disk, a restarting server), and the gaps summary.
//
// Failure policy (both backends): the store is never the reason a resident gets no answer. A write the
// database refuses for now is logged once per outage, parked in a small bounded in-memory queue and
// answered `queued`; the queue is written, in order, before the next write that succeeds and on close().
// While the database refuses, retries back off (1 s doubling to 30 s) so a long outage does not stall
// every message. Reads that fail log and return empty results.
import type { Logger } from '../log.js';
import type { Channel, DailyStats, FeedbackOutcome, FeedbackRecord, ForgetOutcome, GapGroup, InteractionRecord, InteractionStore, PurgeCounts, Source, StoredInteraction, Turn, WriteOutcome } from '../ports.js';
import { ownerClosed } from './owner.js';
import { clusterSimilar } from './similar.js';
import { DAY_MS } from '../time.js';

export const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** Delivery keys remembered in memory while the database cannot be written (bounded). */
const MEMORY_DELIVERY_LIMIT = 10_000;

/** Options every backend takes. */
export interface StoreOptions {
  /** Clock in ms since the epoch (tests inject one). */
  now?: () => number;
  /** Turns kept per conversation; older ones are deleted on append (default 20). */
  maxTurnsPerConversation?: number;
  /** Turns older than this are deleted by the periodic clean-up (default 7 days). */
  turnRetentionMs?: number;
  /** Delivery keys older than this are forgotten; a redelivery that late is not expected (default 7 days). */
  deliveryRetentionMs?: number;
  /**
   * Writes held in memory while the database refuses them; the oldest are dropped beyond it
   * (default 10000: ~3 writes per question, so 200 concurrent chats fill 1000 within a few seconds of
   * outage plus retry back-off; 10000 interactions with their sources are some tens of MB at most).
   */
  retryQueueLimit?: number;
  /** Newest rows the gaps view clusters; older ones in the window are left out with a warning (default 20000). */
  gapsMaxRows?: number;
  /** An unfinished delivery claim older than this is taken over even if its owner may be alive (default 5 min). */
  deliveryLeaseMs?: number;
}

export function resolveOptions(options: StoreOptions) {
  return {
    now: options.now ?? Date.now,
    maxTurns: options.maxTurnsPerConversation ?? 20,
    turnRetentionMs: options.turnRetentionMs ?? 7 * DAY_MS,
    deliveryRetentionMs: options.deliveryRetentionMs ?? 7 * DAY_MS,
    queueLimit: options.retryQueueLimit ?? 10_000,
    gapsMaxRows: options.gapsMaxRows ?? 20_000,
  };
}

/** A write, as plain data, so it can wait in the retry queue and be applied later. */
export type PendingWrite =
  | { kind: 'interaction'; record: InteractionRecord; at: number }
  | { kind: 'feedback'; feedback: FeedbackRecord; at: number }
  | { kind: 'delivery'; key: string; at: number }
  | { kind: 'delivery-done'; key: string; at: number }
  | { kind: 'turn'; conversationId: string; turn: Turn }
  | { kind: 'clear'; conversationId: string }
  | { kind: 'forget'; userKey: string };

/** The write's result, or why there is none. */
export type Written<T> = { status: 'saved'; value: T } | { status: 'queued' | 'rejected' | 'closed' };

export function errorFields(error: unknown): Record<string, unknown> {
  const e = error as { code?: unknown; message?: unknown };
  return { code: typeof e?.code === 'string' ? e.code : undefined, cause: String(e?.message ?? error) };
}

export function validFeedback(f: FeedbackRecord): boolean {
  return Number.isSafeInteger(f.interactionId) && f.interactionId > 0 && (f.vote === 'up' || f.vote === 'down') && typeof f.voterKey === 'string' && f.voterKey !== '';
}

export function parseSources(value: unknown): Source[] {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(parsed) ? (parsed as Source[]) : [];
  } catch {
    return [];
  }
}

export interface WriteQueueOptions {
  /** Applies one write; throws on failure. */
  apply(write: PendingWrite): unknown;
  /** Whether a failure passes (retry later) or the write itself is refused (drop it). */
  isTransient(error: unknown): boolean;
  logger: Logger;
  now: () => number;
  limit: number;
  /** What the operator should check, in the one error line per outage. */
  fix: string;
}

/** The bounded, ordered retry queue with back-off, plus the in-memory delivery keys used meanwhile. */
export function createWriteQueue(o: WriteQueueOptions) {
  const queue: PendingWrite[] = [];
  const memoryDeliveries = new Set<string>();
  let degraded = false;
  /** While degraded: no write is tried before this time (injected clock); the wait doubles per failure. */
  let retryAt = 0;
  let retryDelayMs = FIRST_RETRY_MS;
  let warnedQueueFull = false;
  let closed = false;
  let flushing: Promise<boolean> | null = null;

  function enqueue(write: PendingWrite): void {
    queue.push(write);
    if (queue.length > o.limit) {
      queue.shift();
      if (!warnedQueueFull) {
        warnedQueueFull = true;
        o.logger.error('store.retry_queue_full', { limit: o.limit, effect: 'the oldest unsaved writes are being dropped' });
      }
    }
  }

  function noteFailure(error: unknown, operation: string): void {
    retryAt = o.now() + retryDelayMs;
    retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
    if (degraded) return; // one line per outage, not one per message
    degraded = true;
    o.logger.error('store.write_failed', {
      operation,
      ...errorFields(error),
      effect: 'writes are kept in memory and retried on the next write; answers continue',
      fix: o.fix,
    });
  }

  function recovered(): void {
    if (!degraded) return;
    degraded = false;
    retryDelayMs = FIRST_RETRY_MS;
    warnedQueueFull = false;
    memoryDeliveries.clear();
    o.logger.info('store.recovered', { effect: 'queued writes saved' });
  }

  /** Writes the queued writes in order; false if the database still refuses (the rest stay queued). One flush at a time. */
  function flush(): Promise<boolean> {
    if (flushing) return flushing;
    const run = (async () => {
      while (queue.length > 0) {
        try {
          await o.apply(queue[0]);
        } catch (error) {
          if (o.isTransient(error)) {
            noteFailure(error, 'retry');
            return false;
          }
          o.logger.error('store.retry_dropped', { kind: queue[0].kind, ...errorFields(error) });
        }
        queue.shift();
      }
      return true;
    })();
    flushing = run;
    void run.finally(() => {
      if (flushing === run) flushing = null;
    });
    return run;
  }

  return {
    /** Why a write would not be tried now (closed, or backing off after a failure), or null. */
    notWritable(): string | null {
      if (closed) return 'the store is closed';
      if (degraded) return `${queue.length} write(s) are waiting in memory: the database refused the last write (store.write_failed in the log says why)`;
      return null;
    },
    /** Writes still waiting, oldest first (follow-ups read queued turns from here). */
    pending: queue as readonly PendingWrite[],
    get closed() {
      return closed;
    },

    /** Runs one write after any queued ones; on a transient failure queues it. */
    async write<T>(pending: PendingWrite): Promise<Written<T>> {
      if (closed) {
        o.logger.warn('store.closed', { operation: pending.kind, effect: 'write ignored' });
        return { status: 'closed' };
      }
      if ((degraded && o.now() < retryAt) || (queue.length > 0 && !(await flush()))) {
        enqueue(pending);
        return { status: 'queued' };
      }
      try {
        const value = (await o.apply(pending)) as T;
        recovered();
        return { status: 'saved', value };
      } catch (error) {
        if (o.isTransient(error)) {
          noteFailure(error, pending.kind);
          enqueue(pending);
          return { status: 'queued' };
        }
        o.logger.error('store.write_rejected', { operation: pending.kind, ...errorFields(error) });
        return { status: 'rejected' };
      }
    },

    /**
     * A delivery claim the database could not record: remember the key in memory so a redelivery during the
     * outage is still refused. `storedBefore` says whether the key was saved before the outage.
     */
    claimInMemory(key: string, storedBefore: boolean): boolean {
      if (memoryDeliveries.has(key) || storedBefore) return false;
      if (memoryDeliveries.size >= MEMORY_DELIVERY_LIMIT) memoryDeliveries.delete(memoryDeliveries.values().next().value as string);
      memoryDeliveries.add(key);
      return true;
    },

    /** Runs a read; on failure logs and answers `fallback`. */
    async read<T>(operation: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
      if (closed) {
        o.logger.warn('store.closed', { operation, effect: 'empty result' });
        return fallback;
      }
      try {
        return await run();
      } catch (error) {
        o.logger.error('store.read_failed', { operation, ...errorFields(error), effect: 'empty result' });
        return fallback;
      }
    },

    /** Flushes what it can and refuses further writes; true when nothing was left unsaved. */
    async close(): Promise<boolean> {
      const saved = await flush();
      if (!saved) {
        o.logger.error('store.close_unsaved', { writes: queue.length, effect: 'these writes are lost', fix: o.fix });
      }
      closed = true;
      return saved;
    },
  };
}

/** Adds turns still waiting in the retry queue, so follow-ups work during an outage. */
export function withQueuedTurns(stored: Turn[], queue: readonly PendingWrite[], conversationId: string, since: number): Turn[] {
  let turns = stored;
  let changed = false;
  for (const w of queue) {
    if (w.kind === 'clear' && w.conversationId === conversationId) {
      turns = [];
      changed = true;
    } else if (w.kind === 'turn' && w.conversationId === conversationId && w.turn.at >= since) {
      turns = [...turns, w.turn];
      changed = true;
    }
  }
  return changed ? [...turns].sort((a, b) => a.at - b.at) : turns;
}

export interface GapRow {
  question: string;
  channel: Channel;
  at: number;
  abstained: boolean;
  lowConfidence: boolean;
  downvoted: boolean;
}

/** Rows come newest first, so each group's first row is its latest question. */
export function summariseGaps(rows: GapRow[], limit: number, maxRows: number, logger: Logger): GapGroup[] {
  if (rows.length > maxRows) {
    rows.length = maxRows;
    logger.warn('store.gaps_truncated', { rows: maxRows, fix: 'ask for a shorter window' });
  }
  return clusterSimilar(rows, (r) => r.question)
    .map((group) => ({
      example: group[0].question,
      count: group.length,
      abstained: group.filter((r) => r.abstained).length,
      downvoted: group.filter((r) => r.downvoted).length,
      lowConfidence: group.filter((r) => r.lowConfidence).length,
      channels: [...new Set(group.map((r) => r.channel))].sort(),
      lastAt: group[0].at,
    }))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, Math.floor(limit));
}

/** One function per kind of write, each applying it and throwing on failure. */
export type WriteAppliers = { [K in PendingWrite['kind']]: (write: Extract<PendingWrite, { kind: K }>) => unknown };

/** What a backend supplies: its SQL. Everything else (queueing, validation, clean-up timing) is shared. */
export interface StoreBackend {
  readonly name: string;
  /** This store's name on the deliveries it claims (./owner.ts). */
  readonly owner: string;
  /**
   * The writes; each throws on failure. interaction → new id, feedback → FeedbackOutcome, delivery → true if
   * this store may answer it (new, or taken over from a dead owner), forget → the deleted counts.
   */
  readonly writes: WriteAppliers;
  isTransient(error: unknown): boolean;
  /** What the operator should check when writes fail. */
  readonly fix: string;
  getInteraction(id: number): StoredInteraction | undefined | Promise<StoredInteraction | undefined>;
  deliveryStored(key: string): boolean | Promise<boolean>;
  /** The newest `count` turns at or after `since`, oldest first. */
  recentTurns(conversationId: string, since: number, count: number): Turn[] | Promise<Turn[]>;
  /** Abstained, low-confidence or down-voted Telegram/Slack questions at or after `since`, newest first, at most `maxRows`. */
  gapRows(since: number, maxRows: number): GapRow[] | Promise<GapRow[]>;
  stats(since: number): DailyStats[] | Promise<DailyStats[]>;
  /** Deletes delivery keys and turns older than the given times. */
  prune(deliveriesBefore: number, turnsBefore: number): unknown;
  /** Deletes interactions, votes, turns and delivery records older than `beforeMs`, in one transaction. */
  purge(beforeMs: number): PurgeCounts | Promise<PurgeCounts>;
  /** Resolves when a write could be made now; rejects with the reason otherwise. Writes nothing. */
  checkWritable(): unknown;
  /** The shared installation secret, created once; absent for a backend that keeps none. */
  sharedSecret?(create: () => string): Promise<string>;
  close(): unknown;
}

/** The interaction store over a backend: the port's behaviour, identical for every backend. */
export function createInteractionStore(backend: StoreBackend, logger: Logger, options: StoreOptions = {}): InteractionStore {
  const { now, maxTurns, turnRetentionMs, deliveryRetentionMs, queueLimit, gapsMaxRows } = resolveOptions(options);
  const queue = createWriteQueue({ apply: (w) => (backend.writes[w.kind] as (write: PendingWrite) => unknown)(w), isTransient: (e) => backend.isTransient(e), logger, now, limit: queueLimit, fix: backend.fix });
  let lastMaintenance = 0;
  let closing: Promise<void> | null = null;

  /** Forgets old delivery keys and turns, at most once an hour. */
  async function maintain(): Promise<void> {
    const t = now();
    if (t - lastMaintenance < MAINTENANCE_EVERY_MS) return;
    lastMaintenance = t;
    try {
      await backend.prune(t - deliveryRetentionMs, t - turnRetentionMs);
    } catch (error) {
      logger.warn('store.cleanup_failed', errorFields(error)); // harmless: retried within the hour
      lastMaintenance = t - MAINTENANCE_EVERY_MS + 60_000;
    }
  }

  async function write<T>(pending: PendingWrite): Promise<Written<T>> {
    const result = await queue.write<T>(pending);
    if (result.status === 'saved') await maintain();
    return result;
  }

  const ready = maintain();

  return {
    backend: backend.name,

    async recordInteraction(record): Promise<WriteOutcome> {
      await ready;
      const at = record.at ?? now();
      const result = await write<number>({ kind: 'interaction', record: { ...record, sources: Array.isArray(record.sources) ? [...record.sources] : [] }, at });
      return result.status === 'saved' ? { status: 'saved', id: result.value } : result;
    },

    getInteraction(id) {
      return queue.read<StoredInteraction | undefined>('getInteraction', undefined, () => (Number.isSafeInteger(id) && id > 0 ? backend.getInteraction(id) : undefined));
    },

    async recordFeedback(feedback) {
      if (!validFeedback(feedback)) {
        logger.warn('store.feedback_invalid', { interactionId: feedback.interactionId, vote: feedback.vote });
        return 'unknown-interaction';
      }
      // Queued while the database refuses: the retry decides stored/duplicate.
      const result = await write<FeedbackOutcome>({ kind: 'feedback', feedback: { ...feedback }, at: feedback.at ?? now() });
      return result.status === 'saved' ? result.value : result.status;
    },

    async claimDelivery(key) {
      const result = await write<boolean>({ kind: 'delivery', key, at: now() });
      if (result.status === 'saved') return result.value;
      // Not saved yet: a key saved before the outage is a redelivery too (if it can still be read).
      let storedBefore = false;
      try {
        storedBefore = queue.closed ? false : await backend.deliveryStored(key);
      } catch {
        // unreadable too: better a possible duplicate reply than none
      }
      return queue.claimInMemory(key, storedBefore);
    },

    async completeDelivery(key) {
      // A claim kept in memory during an outage stays there until the queued writes are saved (the queue
      // clears it on recovery): forgetting it now would let a redelivery during the outage be answered twice.
      await write({ kind: 'delivery-done', key, at: now() });
    },

    async forgetPerson(userKey): Promise<ForgetOutcome> {
      if (!userKey) return { status: 'deleted', interactions: 0, turns: 0, votes: 0 };
      const result = await write<{ interactions: number; turns: number; votes: number }>({ kind: 'forget', userKey });
      return result.status === 'saved' ? { status: 'deleted', ...result.value } : result;
    },

    async purge(beforeMs): Promise<PurgeCounts> {
      const none = { interactions: 0, votes: 0, turns: 0, deliveries: 0 };
      if (queue.closed) return none;
      // A failure propagates: `npm run purge` must not report 0 deleted rows, and the bot's timer logs it.
      return backend.purge(beforeMs);
    },

    async appendTurn(conversationId, turn) {
      await write({ kind: 'turn', conversationId, turn: { ...turn } });
    },

    async recentTurns(conversationId, limit, maxAgeMs) {
      if (!(limit > 0)) return [];
      const count = Math.min(Math.floor(limit), maxTurns);
      const since = now() - maxAgeMs;
      const stored = await queue.read('recentTurns', [] as Turn[], () => backend.recentTurns(conversationId, Number.isFinite(since) ? since : -Number.MAX_SAFE_INTEGER, count));
      return withQueuedTurns(stored, queue.pending, conversationId, since).slice(-count);
    },

    async clearConversation(conversationId) {
      await write({ kind: 'clear', conversationId });
    },

    async gaps(sinceMs, limit) {
      if (!(limit > 0)) return [];
      const rows = await queue.read('gaps', [] as GapRow[], () => backend.gapRows(sinceMs, gapsMaxRows + 1));
      return summariseGaps(rows, limit, gapsMaxRows, logger);
    },

    stats(sinceMs) {
      return queue.read('stats', [] as DailyStats[], () => backend.stats(sinceMs));
    },

    async checkWritable() {
      const why = queue.notWritable();
      if (why) throw new Error(why);
      await backend.checkWritable();
    },

    async sharedSecret(create) {
      // Not through the retry queue: a start-up read that must succeed (or stop the start).
      return backend.sharedSecret?.(create);
    },

    close() {
      closing ??= (async () => {
        await ready;
        await queue.close();
        ownerClosed(backend.owner);
        try {
          await backend.close();
        } catch (error) {
          logger.warn('store.close_failed', errorFields(error));
        }
      })();
      return closing;
    },
  };
}
