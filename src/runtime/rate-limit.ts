// Per-user sliding-window rate limit. Memory is bounded: idle users are forgotten first.
import type { RateDecision, RateLimiter } from '../ports.js';

export type { RateDecision };

export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, { times: number[]; notified: boolean }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /**
   * Counts one attempt by `key`. Over the limit, the first refusal in a window says 'deny-notify'
   * (tell the user once, politely) and later ones 'deny-silent' (don't answer a flood with a flood).
   */
  take(key: string): RateDecision {
    const t = this.now();
    const entry = this.hits.get(key) ?? { times: [], notified: false };
    this.hits.delete(key); // re-insert below: Map order doubles as least-recently-used order
    entry.times = entry.times.filter((at) => t - at < this.windowMs);
    let decision: RateDecision;
    if (entry.times.length < this.perWindow) {
      entry.times.push(t);
      entry.notified = false;
      decision = 'allow';
    } else {
      decision = entry.notified ? 'deny-silent' : 'deny-notify';
      entry.notified = true;
    }
    this.hits.set(key, entry);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return decision;
  }
}
