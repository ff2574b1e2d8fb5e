// Latency summaries and small numeric helpers shared by every section.
import { performance } from 'node:perf_hooks';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/** Milliseconds a synchronous or asynchronous call takes, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function timedSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** ours ÷ theirs; null when either side is missing (a peer skipped or failed). */
export function ratio(ours: number | null | undefined, theirs: number | null | undefined): number | null {
  if (ours == null || theirs == null || !Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return null;
  return ours / theirs;
}

/** How a cost grows per 10x of size, from the smallest and largest measured points (log-log slope). */
export function growthPer10x(points: { size: number; value: number | null }[]): number | null {
  const ok = points.filter((p) => p.value != null && p.value > 0 && p.size > 0);
  if (ok.length < 2) return null;
  const a = ok[0];
  const b = ok[ok.length - 1];
  const decades = Math.log10(b.size / a.size);
  return decades > 0 ? Math.pow(b.value! / a.value!, 1 / decades) : null;
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}
