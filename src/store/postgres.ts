// The interaction store in PostgreSQL (DATABASE_URL=postgres://…): what several replicas share. Same
// behaviour as the SQLite file (./common.ts holds it); this file is PostgreSQL's SQL, its migrations and
// which of its errors pass. Driver: `postgres` (porsager): a pool that reconnects by itself on the next
// query after the server restarts, LISTEN with automatic re-LISTEN, tagged-template parameters.
//
// Several replicas start at once: migrations run in one transaction under an advisory lock, so exactly
// one replica applies each version and the others wait, then see it applied.
import postgres from 'postgres';
import type { Logger } from '../log.js';
import type { Channel, DailyStats, FeedbackOutcome, FeedbackRecord, InteractionRecord, InteractionStore, StoredInteraction, Turn } from '../ports.js';
import { createInteractionStore, parseSources, type GapRow, type StoreBackend, type StoreOptions } from './common.js';
import { DEFAULT_DELIVERY_LEASE_MS, mayTakeOver, newOwner } from './owner.js';

export type Sql = postgres.Sql;

/** The schema, one step per version (recorded in schema_migrations). Never edit a step once shipped: append one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE interactions (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at bigint NOT NULL,
     channel text NOT NULL,
     chat_id text NOT NULL,
     user_key text,
     conversation_id text,
     question text NOT NULL,
     answer text NOT NULL,
     abstained boolean NOT NULL,
     low_confidence boolean NOT NULL DEFAULT false,
     sources text NOT NULL,
     latency_ms integer,
     error text
   );
   CREATE INDEX interactions_at ON interactions (at);
   CREATE INDEX interactions_user ON interactions (user_key);
   CREATE TABLE feedback (
     interaction_id bigint NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
     voter_key text NOT NULL,
     vote text NOT NULL CHECK (vote IN ('up', 'down')),
     at bigint NOT NULL,
     PRIMARY KEY (interaction_id, voter_key)
   );
   CREATE INDEX feedback_voter ON feedback (voter_key);
   CREATE INDEX feedback_at ON feedback (at);
   -- A claim records its owner (store/owner.ts) and when the reply went out (done_at).
   CREATE TABLE deliveries (
     key text PRIMARY KEY,
     at bigint NOT NULL,
     owner text,
     done_at bigint
   );
   CREATE INDEX deliveries_at ON deliveries (at);
   CREATE TABLE turns (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     conversation_id text NOT NULL,
     at bigint NOT NULL,
     question text NOT NULL,
     searched text NOT NULL,
     answer text NOT NULL
   );
   CREATE INDEX turns_conversation ON turns (conversation_id, at);
   CREATE INDEX turns_at ON turns (at);
   -- Installation-wide values every replica must agree on (the data secret).
   CREATE TABLE shared_settings (
     name text PRIMARY KEY,
     value text NOT NULL
   );`,
  // The index on every replica (store/shared-index.ts): generations with their files, and the pointer.
  `CREATE TABLE index_generations (
     name text PRIMARY KEY,
     created_at bigint NOT NULL,
     manifest text NOT NULL
   );
   CREATE TABLE index_files (
     generation text NOT NULL REFERENCES index_generations (name) ON DELETE CASCADE,
     name text NOT NULL,
     bytes bytea NOT NULL,
     PRIMARY KEY (generation, name)
   );
   CREATE TABLE index_pointer (
     id integer PRIMARY KEY CHECK (id = 1),
     generation text NOT NULL REFERENCES index_generations (name),
     at bigint NOT NULL
   );`,
  // Rate limits every replica shares (store/rate-limits.ts): hits per keyed-hash user per window.
  `CREATE TABLE rate_limits (
     key text NOT NULL,
     window_start bigint NOT NULL,
     hits integer NOT NULL,
     notified boolean NOT NULL,
     PRIMARY KEY (key, window_start)
   );
   CREATE INDEX rate_limits_window ON rate_limits (window_start);`,
];
export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys (one number space per database): migrations; the ingest lock lives in index-pointer.ts. */
export const MIGRATION_LOCK = 0x6c_73_62_01; // "lsb" + 1

/** Connection-level failures and server states that pass: the server restarting, overloaded, or unreachable for now. */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
export function isTransientPgError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  // 08: connection exception; 57P01-3: shutdown / cannot connect now; 53: insufficient resources; 40001/40P01: retry the transaction.
  return TRANSIENT_NODE_CODES.has(code) || /^(08|53|57P0[123]|40001|40P01)/.test(code);
}

/** PostgreSQL text cannot hold U+0000; keep the rest of the text (SQLite would keep it, so say it differs here). */
const text = (value: unknown): string => String(value ?? '').replace(/\0/g, '\uFFFD');

export interface PostgresOptions {
  /** Connections per process (default 10). */
  maxConnections?: number;
  /** Seconds to wait for a connection to be set up (default 10). */
  connectTimeoutS?: number;
}

/** A pool for DATABASE_URL; NOTICEs go to the debug log. The URL (it may hold a password) is never logged. */
export function connect(url: string, logger: Logger, options: PostgresOptions = {}): Sql {
  return postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutS ?? 10,
    idle_timeout: 60,
    onnotice: (notice) => logger.debug('postgres.notice', { message: notice.message }),
    connection: { application_name: 'local-services-bot' },
  });
}

/** Applies the migrations this version knows, once, even when replicas start together. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
    const [{ version }] = await tx<{ version: number }[]>`SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations`;
    if (version > PG_SCHEMA_VERSION) {
      throw new Error(`the database has schema version ${version}, newer than this bot's ${PG_SCHEMA_VERSION}; upgrade the bot`);
    }
    for (let v = version; v < PG_SCHEMA_VERSION; v++) {
      await tx.unsafe(MIGRATIONS[v]).simple();
      await tx`INSERT INTO schema_migrations (version) VALUES (${v + 1})`;
    }
  });
}

/** Says what went wrong connecting, without the URL's password, and what to check. */
export function describeConnectError(url: string, error: unknown): string {
  let where = 'DATABASE_URL';
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}/${u.pathname.replace(/^\//, '')}`;
  } catch {
    // an unparsable URL: name the variable only
  }
  const e = error as { code?: string; message?: string };
  return (
    `Cannot use the PostgreSQL database at ${where}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ''}. ` +
    'Check that the server is running and reachable from this machine, that the database exists and the user may create tables, ' +
    'and that DATABASE_URL is right (postgres://user:password@host:5432/database); unset it to use the embedded SQLite file instead.'
  );
}

interface InteractionRow {
  id: string;
  at: string;
  channel: string;
  chat_id: string;
  conversation_id: string | null;
  question: string;
  answer: string;
  abstained: boolean;
  sources: string;
  latency_ms: number | null;
  error: string | null;
  user_key: string | null;
  low_confidence: boolean;
}

/** Connects and migrates. Throws (with describeConnectError's message, the connection closed) when the database cannot be used. */
export async function connectMigrated(url: string, logger: Logger, options: PostgresOptions = {}): Promise<Sql> {
  const sql = connect(url, logger, options);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    throw new Error(describeConnectError(url, error), { cause: error });
  }
  return sql;
}

/** Connects, migrates and answers the store. Throws (with describeConnectError's message) when the database cannot be used. */
export async function openPostgresStore(url: string, logger: Logger, options: StoreOptions & PostgresOptions = {}): Promise<InteractionStore> {
  const sql = await connectMigrated(url, logger, options);
  return createInteractionStore(postgresBackend(sql, logger, options), logger, options);
}

/** PostgreSQL's SQL behind the shared store; `sql` is closed with the store. */
export function postgresBackend(sql: Sql, logger: Logger, options: StoreOptions = {}): StoreBackend {
  const maxTurns = options.maxTurnsPerConversation ?? 20;
  const leaseMs = options.deliveryLeaseMs ?? DEFAULT_DELIVERY_LEASE_MS;
  const owner = newOwner();
  async function applyInteraction(r: InteractionRecord, at: number): Promise<number> {
    const [row] = await sql<{ id: string }[]>`
      INSERT INTO interactions (at, channel, chat_id, user_key, conversation_id, question, answer, abstained, low_confidence, sources, latency_ms, error)
      VALUES (${at}, ${text(r.channel)}, ${text(r.chatId)}, ${r.userKey ? text(r.userKey) : null}, ${r.conversationId === undefined ? null : text(r.conversationId)},
              ${text(r.question)}, ${text(r.answer)}, ${Boolean(r.abstained)}, ${Boolean(r.lowConfidence)}, ${JSON.stringify(Array.isArray(r.sources) ? r.sources : [])},
              ${Number.isFinite(r.latencyMs) ? Math.round(r.latencyMs) : null}, ${r.error === undefined ? null : text(r.error)})
      RETURNING id`;
    return Number(row.id);
  }

  function applyFeedback(f: FeedbackRecord, at: number): Promise<FeedbackOutcome> {
    return sql.begin(async (tx): Promise<FeedbackOutcome> => {
      const exists = await tx`SELECT 1 FROM interactions WHERE id = ${f.interactionId}`;
      if (!exists.length) return 'unknown-interaction';
      const inserted = await tx`
        INSERT INTO feedback (interaction_id, voter_key, vote, at) VALUES (${f.interactionId}, ${text(f.voterKey)}, ${f.vote}, ${at})
        ON CONFLICT (interaction_id, voter_key) DO NOTHING RETURNING 1`;
      if (inserted.length) return 'stored';
      // A second press counts once; a changed mind replaces the earlier vote.
      await tx`UPDATE feedback SET vote = ${f.vote}, at = ${at} WHERE interaction_id = ${f.interactionId} AND voter_key = ${text(f.voterKey)} AND vote <> ${f.vote}`;
      return 'duplicate';
    });
  }

  /** First claim, or a takeover (compare-and-set on the owner) of one whose owner is gone or whose lease ran out. */
  async function applyClaim(rawKey: string, at: number): Promise<boolean> {
    const key = text(rawKey);
    if ((await sql`INSERT INTO deliveries (key, at, owner) VALUES (${key}, ${at}, ${owner}) ON CONFLICT (key) DO NOTHING RETURNING 1`).length === 1) return true;
    const [claim] = await sql<{ owner: string | null; at: string; done_at: string | null }[]>`SELECT owner, at, done_at FROM deliveries WHERE key = ${key}`;
    if (!claim || !mayTakeOver({ owner: claim.owner, at: Number(claim.at), doneAt: claim.done_at === null ? null : Number(claim.done_at) }, owner, at, leaseMs)) return false;
    const taken = await sql`UPDATE deliveries SET owner = ${owner}, at = ${at} WHERE key = ${key} AND owner = ${claim.owner} AND done_at IS NULL RETURNING 1`;
    if (taken.length !== 1) return false;
    logger.warn('store.delivery_taken_over', { key, effect: 'the first attempt never finished (its process is gone); answering now' });
    return true;
  }

  function applyForget(rawKey: string): Promise<{ interactions: number; turns: number; votes: number }> {
    const userKey = text(rawKey);
    return sql.begin(async (tx) => {
      const turns = (await tx`DELETE FROM turns WHERE conversation_id IN
        (SELECT DISTINCT conversation_id FROM interactions WHERE user_key = ${userKey} AND conversation_id IS NOT NULL)`).count;
      const votes = (await tx`DELETE FROM feedback WHERE voter_key = ${userKey}`).count;
      const interactions = (await tx`DELETE FROM interactions WHERE user_key = ${userKey}`).count; // their questions' votes go with them
      return { interactions, turns, votes };
    });
  }

  async function applyTurn(conversationId: string, turn: Turn): Promise<void> {
    const id = text(conversationId);
    await sql.begin(async (tx) => {
      await tx`INSERT INTO turns (conversation_id, at, question, searched, answer) VALUES (${id}, ${turn.at}, ${text(turn.question)}, ${text(turn.searched)}, ${text(turn.answer)})`;
      await tx`DELETE FROM turns WHERE conversation_id = ${id} AND id NOT IN
                 (SELECT id FROM turns WHERE conversation_id = ${id} ORDER BY at DESC, id DESC LIMIT ${maxTurns})`;
    });
  }

  return {
    name: 'postgres',
    owner,
    fix: 'check that the PostgreSQL server is up and reachable (DATABASE_URL); the bot reconnects by itself',
    isTransient: isTransientPgError,
    writes: {
      interaction: (w) => applyInteraction(w.record, w.at),
      feedback: (w) => applyFeedback(w.feedback, w.at),
      delivery: (w) => applyClaim(w.key, w.at),
      'delivery-done': (w) => sql`UPDATE deliveries SET done_at = ${w.at} WHERE key = ${text(w.key)} AND owner = ${owner}`,
      forget: (w) => applyForget(w.userKey),
      turn: (w) => applyTurn(w.conversationId, w.turn),
      clear: (w) => sql`DELETE FROM turns WHERE conversation_id = ${text(w.conversationId)}`,
    },
    async getInteraction(id): Promise<StoredInteraction | undefined> {
      const [row] = await sql<InteractionRow[]>`SELECT * FROM interactions WHERE id = ${id}`;
      if (!row) return undefined;
      return {
        id: Number(row.id),
        at: Number(row.at),
        channel: row.channel as Channel,
        chatId: row.chat_id,
        conversationId: row.conversation_id ?? undefined,
        question: row.question,
        answer: row.answer,
        abstained: row.abstained,
        sources: parseSources(row.sources),
        latencyMs: row.latency_ms ?? 0,
        error: row.error ?? undefined,
        ...(row.user_key ? { userKey: row.user_key } : {}),
        ...(row.low_confidence ? { lowConfidence: true } : {}),
      };
    },
    async deliveryStored(key) {
      return (await sql`SELECT 1 FROM deliveries WHERE key = ${text(key)}`).length > 0;
    },
    async recentTurns(conversationId, since, count) {
      const rows = await sql<{ question: string; searched: string; answer: string; at: string }[]>`
        SELECT question, searched, answer, at FROM turns WHERE conversation_id = ${text(conversationId)} AND at >= ${Math.floor(since)}
        ORDER BY at DESC, id DESC LIMIT ${count}`;
      return rows.map((r) => ({ question: r.question, searched: r.searched, answer: r.answer, at: Number(r.at) })).reverse();
    },
    async gapRows(since, maxRows): Promise<GapRow[]> {
      // Residents' and staff's questions only: the command line and eval runs are not gaps.
      const rows = await sql<{ question: string; channel: Channel; at: string; abstained: boolean; lowConfidence: boolean; downvoted: boolean }[]>`
        SELECT i.question, i.channel, i.at, i.abstained, i.low_confidence AS "lowConfidence",
               EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down') AS downvoted
        FROM interactions i
        WHERE i.at >= ${Math.floor(since)} AND i.channel IN ('telegram', 'slack')
          AND (i.abstained OR i.low_confidence OR EXISTS (SELECT 1 FROM feedback f WHERE f.interaction_id = i.id AND f.vote = 'down'))
        ORDER BY i.at DESC, i.id DESC LIMIT ${maxRows}`;
      return rows.map((r) => ({ ...r, at: Number(r.at) }));
    },
    async stats(since): Promise<DailyStats[]> {
      return sql<DailyStats[]>`
        SELECT to_char(to_timestamp(i.at / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, i.channel AS channel,
               COUNT(*)::int AS questions, COUNT(*) FILTER (WHERE i.abstained)::int AS abstained,
               COALESCE(SUM(v.up), 0)::int AS up, COALESCE(SUM(v.down), 0)::int AS down
        FROM interactions i
        LEFT JOIN (SELECT interaction_id, COUNT(*) FILTER (WHERE vote = 'up') AS up, COUNT(*) FILTER (WHERE vote = 'down') AS down
                   FROM feedback GROUP BY interaction_id) v ON v.interaction_id = i.id
        WHERE i.at >= ${Math.floor(since)}
        GROUP BY 1, 2 ORDER BY 1, i.channel COLLATE "C"`.then((rows) => rows.map((r) => ({ ...r })));
    },
    async prune(deliveriesBefore, turnsBefore) {
      await sql`DELETE FROM deliveries WHERE at < ${Math.floor(deliveriesBefore)}`;
      await sql`DELETE FROM turns WHERE at < ${Math.floor(turnsBefore)}`;
    },
    purge(beforeMs) {
      const before = Math.floor(beforeMs);
      return sql.begin(async (tx) => {
        const votes = (await tx`DELETE FROM feedback WHERE at < ${before}`).count;
        const interactions = (await tx`DELETE FROM interactions WHERE at < ${before}`).count; // and, by cascade, newer votes on them
        const turns = (await tx`DELETE FROM turns WHERE at < ${before}`).count;
        const deliveries = (await tx`DELETE FROM deliveries WHERE at < ${before}`).count;
        return { interactions, votes, turns, deliveries };
      });
    },
    async checkWritable() {
      // A read-only standby (or a session forced read-only) answers queries but refuses every write.
      const [row] = await sql<{ read_only: boolean }[]>`SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS read_only`;
      if (row.read_only) throw new Error('the PostgreSQL server accepts no writes (a read-only standby?); point DATABASE_URL at the primary');
    },
    async sharedSecret(create) {
      await sql`INSERT INTO shared_settings (name, value) VALUES ('data_secret', ${create()}) ON CONFLICT (name) DO NOTHING`;
      const [row] = await sql<{ value: string }[]>`SELECT value FROM shared_settings WHERE name = 'data_secret'`;
      return row.value;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
