// The interaction store the Telegram and Slack adapters share: question log, feedback votes,
// delivery de-duplication, conversation turns, and the staff's "gaps" and "stats" views.
//
// Failure policy: the store is never the reason a resident gets no answer. A busy/locked or full
// database makes a write log one error (per outage), park the write in a small bounded in-memory
// queue and return (recordInteraction answers { status: 'queued' }); the queue is written, in order, before the next
// write that succeeds and on close(). While the database refuses, retries back off (1 s doubling to
// 30 s) so a long-held lock does not stall every message for busy_timeout. Reads that fail log and
// return empty results.
//
// Votes: one row per (interaction, voter). A second press answers 'duplicate' and is not counted
// again, but a changed mind (👍 then 👎) replaces the stored vote, so stats show the latest opinion.
// Only chat ids and opaque voter keys are stored, never a user's name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../log.js';
import type {
  Channel,
  DailyStats,
  FeedbackOutcome,
  FeedbackRecord,
  GapGroup,
  InteractionRecord,
  InteractionStore,
  Source,
  StoredInteraction,
  Turn,
  WriteOutcome,
} from '../ports.js';
import { clusterSimilar } from './similar.js';

export interface InteractionStoreOptions {
  /** Clock in ms since the epoch (tests inject one). */
  now?: () => number;
  /**
   * How long a write waits for another connection's lock before failing with SQLITE_BUSY (default 200).
   * better-sqlite3 waits synchronously, freezing every chat and webhook ack meanwhile (Slack retries
   * after 3 s): keep it short; the retry queue carries writes through longer locks.
   */
  busyTimeoutMs?: number;
  /** Turns kept per conversation; older ones are deleted on append (default 20). */
  maxTurnsPerConversation?: number;
  /** Turns older than this are deleted by the periodic clean-up (default 7 days). */
  turnRetentionMs?: number;
  /** Delivery keys older than this are forgotten; a redelivery that late is not expected (default 7 days). */
  deliveryRetentionMs?: number;
  /**
   * Writes held in memory while the database is busy or full; the oldest are dropped beyond it
   * (default 10000: ~3 writes per question, so 200 concurrent chats fill 1000 within a few seconds of
   * lock plus retry back-off; 10000 interactions with their sources are some tens of MB at most).
   */
  retryQueueLimit?: number;
  /** Newest rows the gaps view clusters; older ones in the window are left out with a warning (default 20000). */
  gapsMaxRows?: number;
  /** Called with the open connection after set-up: for operators' tuning and for tests (e.g. PRAGMA max_page_count). */
  configure?: (db: Database.Database) => void;
}

/** The schema, one step per version. Never edit a step once shipped: append a new one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE interactions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     channel TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     conversation_id TEXT,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     abstained INTEGER NOT NULL,
     sources TEXT NOT NULL,
     latency_ms INTEGER,
     error TEXT
   );
   CREATE INDEX interactions_at ON interactions(at);
   -- One row per (interaction, voter): the voter's latest vote.
   CREATE TABLE feedback (
     interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
     voter_key TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     at INTEGER NOT NULL,
     UNIQUE (interaction_id, voter_key)
   );
   CREATE TABLE deliveries (
     key TEXT PRIMARY KEY,
     at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX deliveries_at ON deliveries(at);
   CREATE TABLE turns (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     conversation_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     question TEXT NOT NULL,
     searched TEXT NOT NULL,
     answer TEXT NOT NULL
   );
   CREATE INDEX turns_conversation ON turns(conversation_id, at);
   CREATE INDEX turns_at ON turns(at);`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BUSY_TIMEOUT_MS = 200;
const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
/** Delivery keys remembered in memory while the database cannot be written (bounded). */
const MEMORY_DELIVERY_LIMIT = 10_000;

/** A write that did not reach the database, and why. */
type NotWritten = { status: 'queued' | 'rejected' | 'closed' };

/** A write, as plain data, so it can wait in the retry queue and be applied later. */
type PendingWrite =
  | { kind: 'interaction'; record: InteractionRecord; at: number }
  | { kind: 'feedback'; feedback: FeedbackRecord; at: number }
  | { kind: 'delivery'; key: string; at: number }
  | { kind: 'turn'; conversationId: string; turn: Turn }
  | { kind: 'clear'; conversationId: string };

/** Errors that pass: another connection holds the lock, or the disk (or max_page_count) is full. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(code);
}

function errorFields(error: unknown): Record<string, unknown> {
  const e = error as { code?: unknown; message?: unknown };
  return { code: typeof e?.code === 'string' ? e.code : undefined, cause: String(e?.message ?? error) };
}

interface InteractionRow {
  id: number;
  at: number;
  channel: string;
  chat_id: string;
  conversation_id: string | null;
  question: string;
  answer: string;
  abstained: number;
  sources: string;
  latency_ms: number | null;
  error: string | null;
}

function parseSources(json: string): Source[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Source[]) : [];
  } catch {
    return [];
  }
}

/** Opens (creating if needed) the store at `file`. Throws only if the file cannot be opened or migrated at all. */
export function openInteractionStore(file: string, logger: Logger, options: InteractionStoreOptions = {}): InteractionStore {
  const now = options.now ?? Date.now;
  const maxTurns = options.maxTurnsPerConversation ?? 20;
  const turnRetentionMs = options.turnRetentionMs ?? 7 * DAY_MS;
  const deliveryRetentionMs = options.deliveryRetentionMs ?? 7 * DAY_MS;
  const queueLimit = options.retryQueueLimit ?? 10_000;
  const gapsMaxRows = options.gapsMaxRows ?? 20_000;

  const db = openDatabase(file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  options.configure?.(db);

  const sql = {
    insertInteraction: db.prepare(
      `INSERT INTO interactions (at, channel, chat_id, conversation_id, question, answer, abstained, sources, latency_ms, error)
       VALUES (@at, @channel, @chatId, @conversationId, @question, @answer, @abstained, @sources, @latencyMs, @error)`,
    ),
    getInteraction: db.prepare(`SELECT * FROM interactions WHERE id = ?`),
    interactionExists: db.prepare(`SELECT 1 FROM interactions WHERE id = ?`).pluck(),
    insertVote: db.prepare(`INSERT OR IGNORE INTO feedback (interaction_id, voter_key, vote, at) VALUES (?, ?, ?, ?)`),
    changeVote: db.prepare(`UPDATE feedback SET vote = ?, at = ? WHERE interaction_id = ? AND voter_key = ? AND vote <> ?`),
    claimDelivery: db.prepare(`INSERT OR IGNORE INTO deliveries (key, at) VALUES (?, ?)`),
    deliveryStored: db.prepare(`SELECT 1 FROM deliveries WHERE key = ?`).pluck(),
    pruneDeliveries: db.prepare(`DELETE FROM deliveries WHERE at < ?`),
    insertTurn: db.prepare(`INSERT INTO turns (conversation_id, at, question, searched, answer) VALUES (?, ?, ?, ?, ?)`),
    trimTurns: db.prepare(
      `DELETE FROM turns WHERE conversation_id = ? AND id NOT IN
         (SELECT id FROM turns WHERE conversation_id = ? ORDER BY at DESC, id DESC LIMIT ?)`,
    ),
    recentTurns: db.prepare(
      `SELECT question, searched, answer, at FROM turns WHERE conversation_id = ? AND at >= ?
       ORDER BY at DESC, id DESC LIMIT ?`,
    ),
    clearTurns: db.prepare(`DELETE FROM turns WHERE conversation_id = ?`),
    pruneTurns: db.prepare(`DELETE FROM turns WHERE at < ?`),
    gapCandidates: db.prepare(
      `SELECT i.question, i.channel, i.at, i.abstained,
              EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down') AS downvoted
       FROM interactions i
       WHERE i.at >= ? AND (i.abstained = 1 OR EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down'))
       ORDER BY i.at DESC, i.id DESC LIMIT ?`,
    ),
    stats: db.prepare(
      `SELECT strftime('%Y-%m-%d', i.at / 1000, 'unixepoch') AS day, i.channel AS channel,
              COUNT(*) AS questions, SUM(i.abstained) AS abstained,
              COALESCE(SUM(v.up), 0) AS up, COALESCE(SUM(v.down), 0) AS down
       FROM interactions i
       LEFT JOIN (SELECT interaction_id, SUM(vote = 'up') AS up, SUM(vote = 'down') AS down
                  FROM feedback GROUP BY interaction_id) v ON v.interaction_id = i.id
       WHERE i.at >= ?
       GROUP BY day, i.channel ORDER BY day, i.channel`,
    ),
  };

  // ---------- applying writes (throw on failure; callers decide) ----------

  const applyFeedback = db.transaction((f: FeedbackRecord, at: number): FeedbackOutcome => {
    if (!sql.interactionExists.get(f.interactionId)) return 'unknown-interaction';
    if (sql.insertVote.run(f.interactionId, f.voterKey, f.vote, at).changes === 1) return 'stored';
    // A second press counts once; a changed mind replaces the earlier vote.
    sql.changeVote.run(f.vote, at, f.interactionId, f.voterKey, f.vote);
    return 'duplicate';
  });

  const applyTurn = db.transaction((conversationId: string, turn: Turn) => {
    sql.insertTurn.run(conversationId, turn.at, turn.question, turn.searched, turn.answer);
    sql.trimTurns.run(conversationId, conversationId, maxTurns);
  });

  function applyInteraction(r: InteractionRecord, at: number): number {
    const result = sql.insertInteraction.run({
      at,
      channel: String(r.channel),
      chatId: String(r.chatId ?? ''),
      conversationId: r.conversationId ?? null,
      question: String(r.question ?? ''),
      answer: String(r.answer ?? ''),
      abstained: r.abstained ? 1 : 0,
      sources: JSON.stringify(Array.isArray(r.sources) ? r.sources : []),
      latencyMs: Number.isFinite(r.latencyMs) ? Math.round(r.latencyMs) : null,
      error: r.error ?? null,
    });
    return Number(result.lastInsertRowid);
  }

  function apply(write: PendingWrite): unknown {
    switch (write.kind) {
      case 'interaction':
        return applyInteraction(write.record, write.at);
      case 'feedback':
        return applyFeedback(write.feedback, write.at);
      case 'delivery':
        return sql.claimDelivery.run(write.key, write.at).changes === 1;
      case 'turn':
        return applyTurn(write.conversationId, write.turn);
      case 'clear':
        return sql.clearTurns.run(write.conversationId);
    }
  }

  // ---------- the retry queue ----------

  const queue: PendingWrite[] = [];
  /** Delivery keys claimed while the database could not be written, so a redelivery is still refused. */
  const memoryDeliveries = new Set<string>();
  let degraded = false;
  /** While degraded: no write is tried before this time (injected clock); the wait doubles per failure. */
  let retryAt = 0;
  let retryDelayMs = FIRST_RETRY_MS;
  let warnedQueueFull = false;
  let closed = false;
  let lastMaintenance = 0;

  function enqueue(write: PendingWrite): void {
    queue.push(write);
    if (queue.length > queueLimit) {
      queue.shift();
      if (!warnedQueueFull) {
        warnedQueueFull = true;
        logger.error('store.retry_queue_full', { limit: queueLimit, effect: 'the oldest unsaved writes are being dropped' });
      }
    }
  }

  function noteFailure(error: unknown, operation: string): void {
    retryAt = now() + retryDelayMs;
    retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
    if (degraded) return; // one line per outage, not one per message
    degraded = true;
    logger.error('store.write_failed', {
      operation,
      ...errorFields(error),
      effect: 'writes are kept in memory and retried on the next write; answers continue',
      fix: 'another process may hold the database lock, or the disk is full',
    });
  }

  /** Writes the queued writes in order; false if the database still refuses (the rest stay queued). */
  function flush(): boolean {
    while (queue.length > 0) {
      try {
        apply(queue[0]);
      } catch (error) {
        if (isTransient(error)) {
          noteFailure(error, 'retry');
          return false;
        }
        logger.error('store.retry_dropped', { kind: queue[0].kind, ...errorFields(error) });
      }
      queue.shift();
    }
    return true;
  }

  function recovered(): void {
    if (!degraded) return;
    degraded = false;
    retryDelayMs = FIRST_RETRY_MS;
    warnedQueueFull = false;
    memoryDeliveries.clear();
    logger.info('store.recovered', { effect: 'queued writes saved' });
  }

  /** Runs one write after any queued ones; on a transient failure queues it. Answers the write's result, or why there is none. */
  function write<T>(pending: PendingWrite): { status: 'saved'; value: T } | NotWritten {
    if (closed) {
      logger.warn('store.closed', { operation: pending.kind, effect: 'write ignored' });
      return { status: 'closed' };
    }
    if ((degraded && now() < retryAt) || !flush()) {
      enqueue(pending);
      return { status: 'queued' };
    }
    try {
      const value = apply(pending) as T;
      recovered();
      maintain();
      return { status: 'saved', value };
    } catch (error) {
      if (isTransient(error)) {
        noteFailure(error, pending.kind);
        enqueue(pending);
        return { status: 'queued' };
      }
      logger.error('store.write_rejected', { operation: pending.kind, ...errorFields(error) });
      return { status: 'rejected' };
    }
  }

  /** Forgets old delivery keys and turns, at most once an hour. */
  function maintain(): void {
    const t = now();
    if (t - lastMaintenance < MAINTENANCE_EVERY_MS) return;
    lastMaintenance = t;
    try {
      sql.pruneDeliveries.run(t - deliveryRetentionMs);
      sql.pruneTurns.run(t - turnRetentionMs);
    } catch (error) {
      logger.warn('store.cleanup_failed', errorFields(error)); // harmless: retried next hour
      lastMaintenance = t - MAINTENANCE_EVERY_MS + 60_000;
    }
  }

  function deliveryStored(key: string): boolean {
    try {
      return sql.deliveryStored.get(key) !== undefined;
    } catch {
      return false; // unreadable too: better a possible duplicate reply than none
    }
  }

  function read<T>(operation: string, fallback: T, run: () => T): T {
    if (closed) {
      logger.warn('store.closed', { operation, effect: 'empty result' });
      return fallback;
    }
    try {
      return run();
    } catch (error) {
      logger.error('store.read_failed', { operation, ...errorFields(error), effect: 'empty result' });
      return fallback;
    }
  }

  maintain();

  return {
    backend: 'sqlite',

    async recordInteraction(record): Promise<WriteOutcome> {
      const at = record.at ?? now();
      const result = write<number>({ kind: 'interaction', record: { ...record, sources: Array.isArray(record.sources) ? [...record.sources] : [] }, at });
      return result.status === 'saved' ? { status: 'saved', id: result.value } : result;
    },

    async getInteraction(id) {
      return read<StoredInteraction | undefined>('getInteraction', undefined, () => {
        const row = sql.getInteraction.get(id) as InteractionRow | undefined;
        if (!row) return undefined;
        return {
          id: row.id,
          at: row.at,
          channel: row.channel as Channel,
          chatId: row.chat_id,
          conversationId: row.conversation_id ?? undefined,
          question: row.question,
          answer: row.answer,
          abstained: row.abstained === 1,
          sources: parseSources(row.sources),
          latencyMs: row.latency_ms ?? 0,
          error: row.error ?? undefined,
        };
      });
    },

    async recordFeedback(feedback) {
      const valid =
        Number.isSafeInteger(feedback.interactionId) && feedback.interactionId > 0 &&
        (feedback.vote === 'up' || feedback.vote === 'down') && typeof feedback.voterKey === 'string' && feedback.voterKey !== '';
      if (!valid) {
        logger.warn('store.feedback_invalid', { interactionId: feedback.interactionId, vote: feedback.vote });
        return 'unknown-interaction';
      }
      // Queued while the database is busy: the retry decides stored/duplicate.
      const result = write<FeedbackOutcome>({ kind: 'feedback', feedback: { ...feedback }, at: feedback.at ?? now() });
      return result.status === 'saved' ? result.value : result.status;
    },

    async claimDelivery(key) {
      const result = write<boolean>({ kind: 'delivery', key, at: now() });
      if (result.status === 'saved') return result.value;
      // Not saved yet: remember it in memory so a redelivery during the outage is still refused.
      // A key saved before the outage is a redelivery too (reads still work under another's write lock).
      if (memoryDeliveries.has(key) || deliveryStored(key)) return false;
      if (memoryDeliveries.size >= MEMORY_DELIVERY_LIMIT) memoryDeliveries.delete(memoryDeliveries.values().next().value as string);
      memoryDeliveries.add(key);
      return true;
    },

    async appendTurn(conversationId, turn) {
      write({ kind: 'turn', conversationId, turn: { ...turn } });
    },

    async recentTurns(conversationId, limit, maxAgeMs) {
      if (!(limit > 0)) return [];
      const count = Math.min(Math.floor(limit), maxTurns);
      const since = now() - maxAgeMs;
      const stored = read('recentTurns', [] as Turn[], () => (sql.recentTurns.all(conversationId, since, count) as Turn[]).reverse());
      return withQueuedTurns(stored, queue, conversationId, since).slice(-count);
    },

    async clearConversation(conversationId) {
      write({ kind: 'clear', conversationId });
    },

    async gaps(sinceMs, limit) {
      if (!(limit > 0)) return [];
      const rows = read('gaps', [] as GapRow[], () => sql.gapCandidates.all(sinceMs, gapsMaxRows + 1) as GapRow[]);
      if (rows.length > gapsMaxRows) {
        rows.length = gapsMaxRows;
        logger.warn('store.gaps_truncated', { rows: gapsMaxRows, fix: 'ask for a shorter window' });
      }
      return summariseGaps(rows).slice(0, Math.floor(limit));
    },

    async stats(sinceMs) {
      return read('stats', [] as DailyStats[], () =>
        (sql.stats.all(sinceMs) as DailyStats[]).map((r) => ({
          day: r.day,
          channel: r.channel,
          questions: Number(r.questions),
          abstained: Number(r.abstained),
          up: Number(r.up),
          down: Number(r.down),
        })),
      );
    },

    async checkWritable() {
      if (closed) throw new Error('the store is closed');
      if (degraded) throw new Error(`${queue.length} write(s) are waiting in memory: the database refused the last write (store.write_failed in the log says why)`);
      // Takes the write lock and lets it go, writing nothing: fails when another process holds it or the file is read-only.
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    },

    async close() {
      if (closed) return;
      if (!flush()) {
        logger.error('store.close_unsaved', { writes: queue.length, effect: 'these writes are lost', fix: 'free the disk or stop the lock holder before stopping the bot' });
      }
      closed = true;
      try {
        db.close();
      } catch (error) {
        logger.warn('store.close_failed', errorFields(error));
      }
    },
  };
}

function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: Math.max(0, Math.floor(busyTimeoutMs)) }); // sets busy_timeout
    db.pragma('journal_mode = WAL'); // readers never wait for the writer
    db.pragma('synchronous = NORMAL'); // safe with WAL; a crash loses at most the last commits
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    const e = error as { code?: string; message?: string };
    throw new Error(
      `Cannot open the interaction store at ${file}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}. ` +
        'Check that the folder is writable and the file is a SQLite database written by this bot, or point the store at a new file.',
      { cause: error },
    );
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`the file has schema version ${version}, newer than this bot's ${SCHEMA_VERSION}; upgrade the bot`);
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Adds turns still waiting in the retry queue, so follow-ups work during an outage. */
function withQueuedTurns(stored: Turn[], queue: readonly PendingWrite[], conversationId: string, since: number): Turn[] {
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

interface GapRow {
  question: string;
  channel: Channel;
  at: number;
  abstained: number;
  downvoted: number;
}

/** Rows come newest first, so each group's first row is its latest question. */
function summariseGaps(rows: GapRow[]): GapGroup[] {
  return clusterSimilar(rows, (r) => r.question)
    .map((group) => ({
      example: group[0].question,
      count: group.length,
      abstained: group.filter((r) => r.abstained === 1).length,
      downvoted: group.filter((r) => r.downvoted === 1).length,
      channels: [...new Set(group.map((r) => r.channel))].sort(),
      lastAt: group[0].at,
    }))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}
