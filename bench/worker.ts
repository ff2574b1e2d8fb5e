// One measurement in a fresh process, so its memory readings are not polluted by the parent or
// by the engine measured before it. Run by bench/lib/child.ts; prints one `BENCH_RESULT {json}`
// line on stdout, progress on stderr.
//   keyword-build  --source F --size N --file OUT        build our BM25 index over a synthetic corpus, save it
//   keyword-serve  --file F --queries Q --reps R          load it and time queries
//   keyword-peer   --engine E --source F --size N --queries Q --reps R
//   vector-truth   --size N --queries NQ --file OUT       exact top-10 for the recall reference
//   vector-peer    --engine E --size N --queries NQ --truth F --dir D --reps R
// Query timing stops after --budget ms (default 30000) once it has 20 samples.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Bm25Index } from '../src/index/keyword.js';
import { exactSearch } from '../src/index/vector.js';
import { clusteredVectors, loadSource, syntheticChunkTokens, VECTOR_DIMS } from './lib/corpus.js';
import { peakRssMb, readMemory } from './lib/memory.js';
import { summarize, timedSync, type Latency } from './lib/stats.js';
import { KEYWORD_ENGINES, type KeywordEngineName } from './peers/keyword.js';
import { VECTOR_ENGINES, type VectorEngineName } from './peers/vector.js';

const K = 10;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' },
    size: { type: 'string' },
    file: { type: 'string' },
    queries: { type: 'string' },
    reps: { type: 'string' },
    engine: { type: 'string' },
    truth: { type: 'string' },
    dir: { type: 'string' },
    budget: { type: 'string' },
  },
});

const num = (name: string, raw: string | undefined): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`worker: --${name} must be a positive integer (got "${raw}").`);
  return n;
};
const str = (name: string, raw: string | undefined): string => {
  if (!raw) throw new Error(`worker: --${name} is required.`);
  return raw;
};
const progress = (line: string): void => void process.stderr.write(`    [worker ${process.pid}] ${line}\n`);

/** Milliseconds of timed queries per engine (--budget); slow engines stop early, after >= 20 samples. */
const budgetMs = values.budget ? num('budget', values.budget) : 30_000;
const WARM_UP = 10;
const MIN_SAMPLES = 20;

/** A short warm-up, then up to `reps` timed passes over the queries, within the time budget. */
async function timeQueries<Q>(queries: Q[], reps: number, run: (q: Q) => unknown): Promise<Latency> {
  for (const q of queries.slice(0, WARM_UP)) await run(q);
  const samples: number[] = [];
  const started = performance.now();
  passes: for (let r = 0; r < reps; r++) {
    for (const q of queries) {
      if (samples.length >= MIN_SAMPLES && performance.now() - started > budgetMs) break passes;
      const start = performance.now();
      await run(q);
      samples.push(performance.now() - start);
    }
  }
  return summarize(samples);
}

function recallAt(found: number[][], truth: number[][], k: number): number {
  let hit = 0;
  let total = 0;
  found.forEach((f, i) => {
    const gold = new Set(truth[i].slice(0, k));
    total += gold.size;
    for (const id of f.slice(0, k)) if (gold.has(id)) hit++;
  });
  return total ? hit / total : 0;
}

async function keywordBuild(): Promise<object> {
  const size = num('size', values.size);
  const file = str('file', values.file);
  const source = loadSource(str('source', values.source));
  const gen = timedSync(() => syntheticChunkTokens(source, size));
  const postings = gen.value.reduce((n, t) => n + t.length, 0);
  progress(`generated ${size} chunks (${postings} tokens) in ${gen.ms.toFixed(0)} ms; building`);
  const before = readMemory();
  const built = timedSync(() => Bm25Index.build(gen.value));
  const after = readMemory();
  const saved = timedSync(() => built.value.save(file));
  return {
    size,
    tokens: postings,
    generateMs: gen.ms,
    buildMs: built.ms,
    saveMs: saved.ms,
    bytes: statSync(file).size,
    indexMemoryMb: after.rssMb - before.rssMb,
    peakRssMb: peakRssMb(),
  };
}

async function keywordServe(): Promise<object> {
  const file = str('file', values.file);
  const queries = JSON.parse(readFileSync(str('queries', values.queries), 'utf8')) as string[][];
  const reps = num('reps', values.reps);
  const base = readMemory();
  const loaded = timedSync(() => Bm25Index.load(file));
  const index = loaded.value;
  const latency = await timeQueries(queries, reps, (q) => index.search(q, K));
  const after = readMemory();
  return { size: index.size, loadMs: loaded.ms, latency, rssMb: after.rssMb, baseRssMb: base.rssMb, peakRssMb: peakRssMb() };
}

async function keywordPeer(): Promise<object> {
  const name = str('engine', values.engine) as KeywordEngineName;
  const make = KEYWORD_ENGINES[name];
  if (!make) throw new Error(`worker: unknown keyword engine "${name}" (known: ${Object.keys(KEYWORD_ENGINES).join(', ')}).`);
  const size = num('size', values.size);
  const reps = num('reps', values.reps);
  const source = loadSource(str('source', values.source));
  const queries = JSON.parse(readFileSync(str('queries', values.queries), 'utf8')) as string[][];
  const docs = syntheticChunkTokens(source, size);
  const engine = make();
  const before = readMemory();
  const start = performance.now();
  await engine.build(docs);
  const buildMs = performance.now() - start;
  const after = readMemory();
  progress(`${engine.label}: built ${size} in ${buildMs.toFixed(0)} ms; querying`);
  const latency = await timeQueries(queries, reps, (q) => engine.search(q, K));
  return {
    engine: name,
    label: engine.label,
    size,
    buildMs,
    latency,
    // JS objects and typed arrays: the heap + buffers reading is exact where RSS reuses freed pages.
    memoryMb: Math.max(0, after.heapMb + after.externalMb - before.heapMb - before.externalMb),
    peakRssMb: peakRssMb(),
  };
}

async function vectorTruth(): Promise<object> {
  const size = num('size', values.size);
  const nq = num('queries', values.queries);
  const vectors = clusteredVectors(size, 0);
  const queries = clusteredVectors(nq, 1);
  const start = performance.now();
  const truth = queries.map((q) => exactSearch(vectors, q, K).map((h) => h.chunkIndex));
  writeFileSync(str('file', values.file), JSON.stringify(truth));
  return { size, queries: nq, ms: performance.now() - start };
}

async function vectorPeer(): Promise<object> {
  const name = str('engine', values.engine) as VectorEngineName;
  const make = VECTOR_ENGINES[name];
  if (!make) throw new Error(`worker: unknown vector engine "${name}" (known: ${Object.keys(VECTOR_ENGINES).join(', ')}).`);
  const size = num('size', values.size);
  const nq = num('queries', values.queries);
  const reps = num('reps', values.reps);
  const truth = JSON.parse(readFileSync(str('truth', values.truth), 'utf8')) as number[][];
  const vectors = clusteredVectors(size, 0);
  const queries = clusteredVectors(nq, 1);
  const engine = make(str('dir', values.dir));
  const before = readMemory();
  const start = performance.now();
  await engine.build(vectors, VECTOR_DIMS);
  const buildMs = performance.now() - start;
  const after = readMemory();
  progress(`${engine.label}: built ${size} in ${buildMs.toFixed(0)} ms; querying`);
  const found: number[][] = [];
  for (const q of queries) found.push(await engine.search(q, K));
  const latency = await timeQueries(queries, reps, (q) => engine.search(q, K));
  return {
    engine: name,
    label: engine.label,
    size,
    buildMs,
    latency,
    recallAt10: recallAt(found, truth, K),
    // Native graphs (hnswlib, usearch) live outside the JS heap: take whichever reading saw them.
    memoryMb: Math.max(0, after.rssMb - before.rssMb, after.heapMb + after.externalMb - before.heapMb - before.externalMb),
    diskBytes: engine.diskBytes(),
    peakRssMb: peakRssMb(),
  };
}

const TASKS: Record<string, () => Promise<object>> = {
  'keyword-build': keywordBuild,
  'keyword-serve': keywordServe,
  'keyword-peer': keywordPeer,
  'vector-truth': vectorTruth,
  'vector-peer': vectorPeer,
};

const task = TASKS[positionals[0] ?? ''];
if (!task) {
  process.stderr.write(`worker: unknown task "${positionals[0] ?? ''}" (known: ${Object.keys(TASKS).join(', ')}).\n`);
  process.exit(2);
}
task().then(
  (result) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`worker ${positionals[0]} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
