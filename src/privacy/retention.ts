// Retention: questions, votes, conversation turns and delivery records older than DATA_RETENTION_DAYS
// are deleted — by the running bot (at start, then every hour) and by `npm run purge`.
import type { InteractionStore, PurgeCounts } from '../ports.js';
import type { Logger } from '../log.js';
import { DAY_MS } from '../time.js';

const HOUR_MS = 60 * 60 * 1000;

export interface RetentionOptions {
  store: InteractionStore;
  days: number;
  logger: Logger;
  /** Clock (tests inject one). */
  now?: () => number;
  /** How often the running bot purges (default hourly). */
  everyMs?: number;
}

export interface Retention {
  /** Purges now; resolves with what was deleted. */
  runNow(): Promise<PurgeCounts>;
  stop(): void;
}

/** Deletes everything older than `days` days before `now`, once. */
export async function purgeExpired(store: InteractionStore, days: number, now: number, logger: Logger): Promise<PurgeCounts & { before: number }> {
  const before = now - days * DAY_MS;
  const counts = await store.purge(before);
  const total = counts.interactions + counts.votes + counts.turns + counts.deliveries;
  if (total > 0) logger.info('privacy.purged', { ...counts, older_than_days: days, before: new Date(before).toISOString() });
  return { ...counts, before };
}

/** Purges at once and then every `everyMs`, until stop(). The timer never keeps the process alive. */
export function startRetention(options: RetentionOptions): Retention {
  const now = options.now ?? Date.now;
  let running: Promise<PurgeCounts> | undefined;
  const runNow = () => (running ??= purgeExpired(options.store, options.days, now(), options.logger).finally(() => (running = undefined)));
  const timer = setInterval(() => void runNow().catch((error: unknown) => options.logger.error('privacy.purge_failed', { error })), options.everyMs ?? HOUR_MS);
  timer.unref();
  void runNow().catch((error: unknown) => options.logger.error('privacy.purge_failed', { error }));
  return { runNow, stop: () => clearInterval(timer) };
}
