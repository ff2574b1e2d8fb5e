// Section 4 (and the vector part of section 3): the same corpus and queries through our indexes
// and the libraries a user would pick instead. Quality on the seeds runs in process (small);
// speed and memory run one engine per fresh process over the synthetic corpora.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { containsGold, sameDoc } from '../../eval/metrics.js';
import { indexedText } from '../../src/ingest/pipeline.js';
import { runWorker } from '../lib/child.js';
import { growthPer10x, ratio, type Latency } from '../lib/stats.js';
import type { Workspace } from '../lib/workspace.js';
import { KEYWORD_ENGINES, type KeywordEngineName } from '../peers/keyword.js';
import type { VectorEngineName } from '../peers/vector.js';
import { questionTokens, type BenchData } from './data.js';
import type { Growth } from './scale.js';

export interface KeywordQuality {
  engine: KeywordEngineName;
  label: string;
  hitAt5: number;
  n: number;
}

export interface KeywordSpeed {
  engine: KeywordEngineName;
  label?: string;
  size: number;
  buildMs?: number;
  latency?: Latency;
  memoryMb?: number;
  peakRssMb?: number;
  error?: string;
}

export interface VectorRun {
  engine: VectorEngineName;
  label?: string;
  size: number;
  buildMs?: number;
  latency?: Latency;
  recallAt10?: number;
  memoryMb?: number;
  diskBytes?: number;
  peakRssMb?: number;
  error?: string;
}

export interface PeerRatios {
  peer: string;
  size: number;
  /** ours ÷ theirs: below 1 means ours is faster / smaller. */
  buildTime: number | null;
  queryP50: number | null;
  queryP95: number | null;
  memory: number | null;
  /** ours − theirs. */
  qualityDelta: number | null;
}

export interface PeersSection {
  keywordQuality: KeywordQuality[];
  keywordSpeed: KeywordSpeed[];
  keywordRatios: PeerRatios[];
  vector: VectorRun[];
  vectorQueries: number;
  vectorRatios: PeerRatios[];
  vectorGrowth: Growth[];
  notes: string[];
}

export function keywordQuality(data: BenchData, ws: Workspace): Promise<KeywordQuality[]> {
  const { index } = data;
  const docTokens = index.chunks.map((c) => index.tokenizer.tokens(indexedText(c)));
  const questions = ws.questions.filter((q) => !q.unanswerable && q.doc && q.answers.length > 0);
  return Promise.all(
    (Object.keys(KEYWORD_ENGINES) as KeywordEngineName[]).map(async (name) => {
      const engine = KEYWORD_ENGINES[name]();
      await engine.build(docTokens);
      let hits = 0;
      for (const q of questions) {
        const top = await engine.search(questionTokens(index, q.question), 5);
        if (top.some((i) => sameDoc(index.chunks[i].docId, q.doc!) && containsGold(index.chunks[i].text, q.answers))) hits++;
      }
      return { engine: name, label: engine.label, hitAt5: hits / questions.length, n: questions.length };
    }),
  );
}

export async function keywordSpeed(data: BenchData, sizes: number[], reps: number, budgetMs: number, say: (s: string) => void): Promise<KeywordSpeed[]> {
  const out: KeywordSpeed[] = [];
  for (const size of sizes) {
    for (const engine of Object.keys(KEYWORD_ENGINES) as KeywordEngineName[]) {
      say(`peers: keyword ${engine} at ${size} chunks`);
      const r = await runWorker<Omit<KeywordSpeed, 'error'>>('keyword-peer', { engine, size, source: data.sourceFile, queries: data.queriesFile, reps, budget: budgetMs }, 6 * 60_000);
      out.push(r.ok ? r.value : { engine, size, error: r.error });
    }
  }
  return out;
}

export async function vectorRuns(
  ws: Workspace,
  plan: { size: number; engines: VectorEngineName[] }[],
  queries: number,
  reps: number,
  budgetMs: number,
  say: (s: string) => void,
): Promise<VectorRun[]> {
  const out: VectorRun[] = [];
  for (const { size, engines } of plan) {
    const truth = path.join(ws.dir, `truth-${size}.json`);
    say(`vectors: exact top-10 reference for ${queries} queries over ${size}`);
    const t = await runWorker('vector-truth', { size, queries, file: truth }, 10 * 60_000);
    if (!t.ok) {
      for (const engine of engines) out.push({ engine, size, error: t.error });
      continue;
    }
    for (const engine of engines) {
      const dir = path.join(ws.dir, `vectors-${engine}-${size}`);
      mkdirSync(dir, { recursive: true });
      say(`vectors: ${engine} at ${size}`);
      // Exact scans are slow per query: one timed pass is enough to see them.
      const engineReps = engine.startsWith('exact') || engine === 'vectra' ? 1 : reps;
      const r = await runWorker<Omit<VectorRun, 'error'>>('vector-peer', { engine, size, queries, truth, dir, reps: engineReps, budget: budgetMs }, 10 * 60_000);
      out.push(r.ok ? r.value : { engine, size, error: r.error });
    }
  }
  return out;
}

export function peerRatios<T extends { engine: string; label?: string; size: number; buildMs?: number; latency?: Latency; memoryMb?: number }>(
  runs: T[],
  quality: (engine: string, size: number) => number | null,
): PeerRatios[] {
  const out: PeerRatios[] = [];
  for (const ours of runs.filter((r) => r.engine === 'ours')) {
    for (const theirs of runs.filter((r) => r.engine !== 'ours' && r.size === ours.size)) {
      const qo = quality('ours', ours.size);
      const qt = quality(theirs.engine, theirs.size);
      out.push({
        peer: theirs.label ?? theirs.engine,
        size: ours.size,
        buildTime: ratio(ours.buildMs, theirs.buildMs),
        queryP50: ratio(ours.latency?.p50, theirs.latency?.p50),
        queryP95: ratio(ours.latency?.p95, theirs.latency?.p95),
        memory: ratio(ours.memoryMb, theirs.memoryMb),
        qualityDelta: qo != null && qt != null ? qo - qt : null,
      });
    }
  }
  return out;
}

export function vectorGrowth(runs: VectorRun[]): Growth[] {
  const ours = runs.filter((r) => r.engine === 'ours' && !r.error).sort((a, b) => a.size - b.size);
  const g = (metric: string, pick: (r: VectorRun) => number | undefined): Growth => ({ metric, per10x: growthPer10x(ours.map((r) => ({ size: r.size, value: pick(r) ?? null }))) });
  return [g('build time', (r) => r.buildMs), g('query p50', (r) => r.latency?.p50), g('query p95', (r) => r.latency?.p95), g('index memory', (r) => r.memoryMb), g('bytes on disk', (r) => r.diskBytes)];
}
