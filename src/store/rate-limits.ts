// Rate limits every replica shares (DATABASE_URL): per-user counts in fixed one-window buckets in PostgreSQL,
// so a resident who spreads messages over several replicas meets one limit. The first refusal in a window says
// 'deny-notify' (tell the user once), later ones 'deny-silent', like the in-memory limiter one process uses.
// Keys are stored as keyed hashes (never a platform id). When PostgreSQL cannot be reached the replica falls
// back to its own in-memory limiter (logged once per outage): a resident is never refused for our outage.
import type { Logger } from '../log.js';
import type { RateDecision, RateLimiter } from '../ports.js';
import { connect, type Sql } from './postgres.js';

/** How long a replica counts on its own after the shared counter failed, before trying PostgreSQL again. */
const RETRY_SHARED_MS = 5_000;

export interface SharedRateLimiter extends RateLimiter {
  close(): Promise<void>;
}

export interface SharedRateLimiterOptions {
  url: string;
  perWindow: number;
  windowMs: number;
  /** Keyed hash of a limiter key (PrivacyKeys.id): what is stored. */
  hash: (key: string) => string;
  /** Used while PostgreSQL cannot be reached. */
  fallback: RateLimiter;
  logger: Logger;
  now?: () => number;
}

export function openSharedRateLimiter(o: SharedRateLimiterOptions): SharedRateLimiter {
  const sql: Sql = connect(o.url, o.logger, { maxConnections: 2 });
  const now = o.now ?? Date.now;
  let failing = false;
  let retryAt = 0;
  let calls = 0;

  async function take(key: string): Promise<RateDecision> {
    const t = now();
    const windowStart = t - (t % o.windowMs);
    const hashed = o.hash(key);
    const [row] = await sql<{ hits: number }[]>`
      INSERT INTO rate_limits (key, window_start, hits, notified) VALUES (${hashed}, ${windowStart}, 1, false)
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
      RETURNING hits`;
    if (++calls % 500 === 0) await sql`DELETE FROM rate_limits WHERE window_start < ${windowStart - o.windowMs}`;
    if (row.hits <= o.perWindow) return 'allow';
    const first = await sql`UPDATE rate_limits SET notified = true WHERE key = ${hashed} AND window_start = ${windowStart} AND NOT notified RETURNING 1`;
    return first.length ? 'deny-notify' : 'deny-silent';
  }

  return {
    async take(key) {
      // While PostgreSQL fails, count locally for a few seconds instead of waiting on it for every message.
      if (failing && now() < retryAt) return o.fallback.take(key);
      try {
        const decision = await take(key);
        if (failing) {
          failing = false;
          o.logger.info('rate_limit.shared_again', {});
        }
        return decision;
      } catch (error) {
        retryAt = now() + RETRY_SHARED_MS;
        if (!failing) {
          failing = true;
          o.logger.error('rate_limit.shared_failed', { error, effect: 'this replica counts on its own until PostgreSQL answers again' });
        }
        return o.fallback.take(key);
      }
    },
    close: () => sql.end({ timeout: 2 }),
  };
}
