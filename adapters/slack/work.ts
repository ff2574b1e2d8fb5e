// Small helpers for the adapter's own work: answers under way (for a bounded shutdown) and a
// per-user rate limit. Same semantics as the Telegram adapter's; candidates to move into src/.

/** Counts answers under way, so shutdown can wait for them (bounded). */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  get size(): number {
    return this.count;
  }

  /** Resolves true when nothing is in flight, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Per-user sliding window; memory bounded (least recently seen users are forgotten first). */
export class PerUserRateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 10_000,
  ) {}

  /** True when the user may ask now (and counts the question). */
  take(user: string): boolean {
    const t = this.now();
    const times = (this.hits.get(user) ?? []).filter((at) => t - at < 60_000);
    this.hits.delete(user);
    const allowed = times.length < this.perMinute;
    if (allowed) times.push(t);
    this.hits.set(user, times);
    if (this.hits.size > this.maxUsers) this.hits.delete(this.hits.keys().next().value as string);
    return allowed;
  }
}
