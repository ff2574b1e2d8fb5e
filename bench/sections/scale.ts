// Section 3 (keyword part): our BM25 index over synthetic corpora of growing size. Building and
// serving run in separate fresh processes: serving RSS is what a bot answering from that index
// holds, build peak is what ingest needs.
import path from 'node:path';
import { runWorker } from '../lib/child.js';
import { growthPer10x, type Latency } from '../lib/stats.js';
import type { Workspace } from '../lib/workspace.js';
import type { BenchData } from './data.js';

export interface KeywordScaleRow {
  size: number;
  tokens?: number;
  buildMs?: number;
  saveMs?: number;
  bytes?: number;
  buildPeakRssMb?: number;
  loadMs?: number;
  latency?: Latency;
  serveRssMb?: number;
  error?: string;
}

export interface Growth {
  metric: string;
  /** Factor per 10x more chunks (10 = linear). */
  per10x: number | null;
}

export interface KeywordScale {
  rows: KeywordScaleRow[];
  growth: Growth[];
}

interface BuildResult {
  size: number;
  tokens: number;
  buildMs: number;
  saveMs: number;
  bytes: number;
  peakRssMb: number;
}
interface ServeResult {
  loadMs: number;
  latency: Latency;
  rssMb: number;
}

export async function runKeywordScale(ws: Workspace, data: BenchData, sizes: number[], reps: number, say: (s: string) => void): Promise<KeywordScale> {
  const rows: KeywordScaleRow[] = [];
  for (const size of sizes) {
    const file = path.join(ws.dir, `keyword-${size}.bin`);
    say(`scale: keyword index, ${size} chunks: build`);
    const built = await runWorker<BuildResult>('keyword-build', { source: data.sourceFile, size, file }, 15 * 60_000);
    if (!built.ok) {
      rows.push({ size, error: built.error });
      continue;
    }
    say(`scale: keyword index, ${size} chunks: load and query`);
    const served = await runWorker<ServeResult>('keyword-serve', { file, queries: data.queriesFile, reps }, 10 * 60_000);
    const b = built.value;
    rows.push({
      size,
      tokens: b.tokens,
      buildMs: b.buildMs,
      saveMs: b.saveMs,
      bytes: b.bytes,
      buildPeakRssMb: b.peakRssMb,
      ...(served.ok ? { loadMs: served.value.loadMs, latency: served.value.latency, serveRssMb: served.value.rssMb } : { error: served.error }),
    });
  }
  const g = (metric: string, pick: (r: KeywordScaleRow) => number | undefined): Growth => ({
    metric,
    per10x: growthPer10x(rows.map((r) => ({ size: r.size, value: pick(r) ?? null }))),
  });
  return {
    rows,
    growth: [
      g('build time', (r) => r.buildMs),
      g('query p50', (r) => r.latency?.p50),
      g('query p95', (r) => r.latency?.p95),
      g('serving RSS', (r) => r.serveRssMb),
      g('bytes on disk', (r) => r.bytes),
    ],
  };
}
