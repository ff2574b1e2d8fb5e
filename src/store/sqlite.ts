// The interaction store in one SQLite file: the embedded default (no settings). The behaviour every
// backend shares (retry queue, validation, clean-up) is in ./common.ts; this file is SQLite's SQL.
//
// Votes: one row per (interaction, voter). A second press answers 'duplicate' and is not counted
// again, but a changed mind (👍 then 👎) replaces the stored vote, so stats show the latest opinion.
// Only chat ids and opaque voter keys are stored, never a user's name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../log.js';
import type { Channel, DailyStats, FeedbackOutcome, FeedbackRecord, InteractionRecord, InteractionStore, StoredInteraction, Turn } from '../ports.js';
import { createInteractionStore, parseSources, type GapRow, type StoreBackend, type StoreOptions } from './common.js';
import { DEFAULT_DELIVERY_LEASE_MS, mayTakeOver, newOwner } from './owner.js';

export interface InteractionStoreOptions extends StoreOptions {
  /**
   * How long a write waits for another connection's lock before failing with SQLITE_BUSY (default 200).
   * better-sqlite3 waits synchronously, freezing every chat and webhook ack meanwhile (Slack retries
   * after 3 s): keep it short; the retry queue carries writes through longer locks.
   */
  busyTimeoutMs?: number;
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
  // Privacy: who asked (a keyed hash, for /forget), low-confidence answers (for /gaps), votes by voter and
  // age (for /forget and retention), and delivery claims that record their owner and when the reply went
  // out (a claim without an owner predates this step and counts as done).
  `ALTER TABLE interactions ADD COLUMN user_key TEXT;
   ALTER TABLE interactions ADD COLUMN low_confidence INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX interactions_user ON interactions(user_key);
   CREATE INDEX feedback_voter ON feedback(voter_key);
   CREATE INDEX feedback_at ON feedback(at);
   ALTER TABLE deliveries ADD COLUMN owner TEXT;
   ALTER TABLE deliveries ADD COLUMN done_at INTEGER;`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

const DEFAULT_BUSY_TIMEOUT_MS = 200;

/** Errors that pass: another connection holds the lock, or the disk (or max_page_count) is full. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(code);
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
  user_key: string | null;
  low_confidence: number;
}

/** Opens (creating if needed) the store at `file`. Throws only if the file cannot be opened or migrated at all. */
export function openInteractionStore(file: string, logger: Logger, options: InteractionStoreOptions = {}): InteractionStore {
  const maxTurns = options.maxTurnsPerConversation ?? 20;
  const leaseMs = options.deliveryLeaseMs ?? DEFAULT_DELIVERY_LEASE_MS;
  /** This store's name on the deliveries it claims. */
  const owner = newOwner();
  const db = openDatabase(file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  options.configure?.(db);

  const sql = {
    insertInteraction: db.prepare(
      `INSERT INTO interactions (at, channel, chat_id, user_key, conversation_id, question, answer, abstained, low_confidence, sources, latency_ms, error)
       VALUES (@at, @channel, @chatId, @userKey, @conversationId, @question, @answer, @abstained, @lowConfidence, @sources, @latencyMs, @error)`,
    ),
    getInteraction: db.prepare(`SELECT * FROM interactions WHERE id = ?`),
    interactionExists: db.prepare(`SELECT 1 FROM interactions WHERE id = ?`).pluck(),
    insertVote: db.prepare(`INSERT OR IGNORE INTO feedback (interaction_id, voter_key, vote, at) VALUES (?, ?, ?, ?)`),
    changeVote: db.prepare(`UPDATE feedback SET vote = ?, at = ? WHERE interaction_id = ? AND voter_key = ? AND vote <> ?`),
    claimDelivery: db.prepare(`INSERT OR IGNORE INTO deliveries (key, at, owner) VALUES (?, ?, ?)`),
    deliveryClaim: db.prepare(`SELECT owner, at, done_at AS doneAt FROM deliveries WHERE key = ?`),
    takeOverDelivery: db.prepare(`UPDATE deliveries SET owner = ?, at = ? WHERE key = ? AND owner = ? AND done_at IS NULL`),
    completeDelivery: db.prepare(`UPDATE deliveries SET done_at = ? WHERE key = ? AND owner = ?`),
    deliveryStored: db.prepare(`SELECT 1 FROM deliveries WHERE key = ?`).pluck(),
    pruneDeliveries: db.prepare(`DELETE FROM deliveries WHERE at < ?`),
    forgetTurns: db.prepare(
      `DELETE FROM turns WHERE conversation_id IN
         (SELECT DISTINCT conversation_id FROM interactions WHERE user_key = ? AND conversation_id IS NOT NULL)`,
    ),
    forgetVotes: db.prepare(`DELETE FROM feedback WHERE voter_key = ?`),
    forgetInteractions: db.prepare(`DELETE FROM interactions WHERE user_key = ?`),
    purgeInteractions: db.prepare(`DELETE FROM interactions WHERE at < ?`),
    purgeVotes: db.prepare(`DELETE FROM feedback WHERE at < ?`),
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
      // Residents' and staff's questions only: the command line and eval runs are not gaps.
      `SELECT i.question, i.channel, i.at, i.abstained, i.low_confidence AS lowConfidence,
              EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down') AS downvoted
       FROM interactions i
       WHERE i.at >= ? AND i.channel IN ('telegram', 'slack')
         AND (i.abstained = 1 OR i.low_confidence = 1 OR EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down'))
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

  /** First claim, or a takeover of one whose owner is gone or whose lease ran out. */
  const applyClaim = db.transaction((key: string, at: number): boolean => {
    if (sql.claimDelivery.run(key, at, owner).changes === 1) return true;
    const claim = sql.deliveryClaim.get(key) as { owner: string | null; at: number; doneAt: number | null } | undefined;
    if (!claim || !mayTakeOver(claim, owner, at, leaseMs)) return false;
    if (sql.takeOverDelivery.run(owner, at, key, claim.owner).changes !== 1) return false;
    logger.warn('store.delivery_taken_over', { key, effect: 'the first attempt never finished (its process is gone); answering now' });
    return true;
  });

  const applyForget = db.transaction((userKey: string) => {
    const turns = sql.forgetTurns.run(userKey).changes;
    const votes = sql.forgetVotes.run(userKey).changes;
    const interactions = sql.forgetInteractions.run(userKey).changes; // their questions' votes go with them
    return { interactions, turns, votes };
  });

  function applyInteraction(r: InteractionRecord, at: number): number {
    const result = sql.insertInteraction.run({
      at,
      channel: String(r.channel),
      chatId: String(r.chatId ?? ''),
      userKey: r.userKey ?? null,
      lowConfidence: r.lowConfidence ? 1 : 0,
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

  const backend: StoreBackend = {
    name: 'sqlite',
    owner,
    fix: 'another process may hold the database lock, or the disk is full',
    isTransient,
    writes: {
      interaction: (w) => applyInteraction(w.record, w.at),
      feedback: (w) => applyFeedback(w.feedback, w.at),
      delivery: (w) => applyClaim(w.key, w.at),
      'delivery-done': (w) => sql.completeDelivery.run(w.at, w.key, owner),
      forget: (w) => applyForget(w.userKey),
      turn: (w) => applyTurn(w.conversationId, w.turn),
      clear: (w) => sql.clearTurns.run(w.conversationId),
    },
    getInteraction(id): StoredInteraction | undefined {
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
        ...(row.user_key ? { userKey: row.user_key } : {}),
        ...(row.low_confidence === 1 ? { lowConfidence: true } : {}),
      };
    },
    deliveryStored: (key) => sql.deliveryStored.get(key) !== undefined,
    recentTurns: (conversationId, since, count) => (sql.recentTurns.all(conversationId, since, count) as Turn[]).reverse(),
    gapRows: (since, maxRows) =>
      (sql.gapCandidates.all(since, maxRows) as (Omit<GapRow, 'abstained' | 'lowConfidence' | 'downvoted'> & { abstained: number; lowConfidence: number; downvoted: number })[]).map((r) => ({
        ...r,
        abstained: r.abstained === 1,
        lowConfidence: r.lowConfidence === 1,
        downvoted: r.downvoted === 1,
      })),
    stats: (since) =>
      (sql.stats.all(since) as DailyStats[]).map((r) => ({
        day: r.day,
        channel: r.channel,
        questions: Number(r.questions),
        abstained: Number(r.abstained),
        up: Number(r.up),
        down: Number(r.down),
      })),
    prune(deliveriesBefore, turnsBefore) {
      sql.pruneDeliveries.run(deliveriesBefore);
      sql.pruneTurns.run(turnsBefore);
    },
    purge: (beforeMs) =>
      db.transaction(() => {
        const votes = sql.purgeVotes.run(beforeMs).changes;
        const interactions = sql.purgeInteractions.run(beforeMs).changes; // and, by cascade, newer votes on them
        const turns = sql.pruneTurns.run(beforeMs).changes;
        const deliveries = sql.pruneDeliveries.run(beforeMs).changes;
        return { interactions, votes, turns, deliveries };
      }).immediate(),
    checkWritable() {
      // Takes the write lock and lets it go, writing nothing: fails when another process holds it or the file is read-only.
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    },
    close: () => db.close(),
  };
  return createInteractionStore(backend, logger, options);
}

function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    if (file !== ':memory:' && !file.startsWith('file:') && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600)); // private from the start (SQLite's -wal/-shm copy its mode)
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
