// `npm run bench -- [--out DIR] [--quick]`: measures answer latency, ingest, scale and peers in one
// run on this machine and writes DIR/bench.json and DIR/bench.md (default bench/out). Progress goes
// to stderr. Exit codes: 0 done, 1 a section or worker failed (see "errors"), 2 usage error.
// Targets are reported as pass/miss, never enforced: the machine's load decides too much.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/log.js';
import { REPO_ROOT } from './lib/child.js';
import { machineInfo } from './lib/machine.js';
import { createWorkspace } from './lib/workspace.js';
import { checkTargets, renderMarkdown, type BenchResult } from './report.js';
import { ASK_COMPILED, NODE_BASELINE, runAskSection, runColdStart } from './sections/ask.js';
import { prepareData, type BenchData } from './sections/data.js';
import { runIngestSection } from './sections/ingest.js';
import { runIngestScaleSection } from './sections/ingest-scale.js';
import { keywordQuality, keywordSpeed, peerRatios, vectorGrowth, vectorRuns } from './sections/peers.js';
import { runKeywordScale } from './sections/scale.js';
import { runReplicaSection } from './sections/replicas.js';
import type { VectorEngineName } from './peers/vector.js';

export const USAGE = `Usage: npm run bench -- [--out DIR] [--quick] [--cold-start [--runs N]]

  --out DIR     where bench.json and bench.md go (default bench/out)
  --quick       smoke sizes for CI (under 2 minutes, targets shown but not meaningful)
  --cold-start  only cold start to first answer vs node -e 0 (N runs each, default 10); prints the table
  --help      this text`;

/** How much work each section does. */
export interface BenchPlan {
  askReps: number;
  coldRuns: number;
  ingestReps: number;
  /** Documents in the synthetic corpus of the ingest-at-scale section. */
  ingestScaleDocuments: number;
  keywordSizes: number[];
  keywordReps: number;
  peerKeywordSizes: number[];
  peerReps: number;
  /** Time limit for one engine's timed queries, in ms (slow peers stop early; n is reported). */
  queryBudgetMs: number;
  vector: { size: number; engines: VectorEngineName[] }[];
  vectorQueries: number;
  /** 1 vs 3 Telegram webhook replicas behind nginx on PostgreSQL: updates sent and how many at once (absent: skipped). */
  replicas?: { updates: number; concurrency: number };
}

const ALL_VECTOR: VectorEngineName[] = ['ours', 'usearch', 'vectra', 'exact-js', 'exact-native'];

export const PLANS: Record<'full' | 'quick', BenchPlan> = {
  full: {
    askReps: 3,
    coldRuns: 5,
    ingestReps: 3,
    ingestScaleDocuments: 10_000,
    keywordSizes: [10_000, 100_000, 1_000_000],
    keywordReps: 5,
    peerKeywordSizes: [10_000, 100_000],
    peerReps: 3,
    queryBudgetMs: 30_000,
    // vectra keeps every vector as JSON and scans it in JS: 10k only.
    vector: [
      { size: 10_000, engines: ALL_VECTOR },
      { size: 100_000, engines: ['ours', 'usearch', 'exact-js', 'exact-native'] },
    ],
    vectorQueries: 100,
    replicas: { updates: 400, concurrency: 16 },
  },
  quick: {
    askReps: 1,
    coldRuns: 2,
    ingestReps: 1,
    ingestScaleDocuments: 300,
    keywordSizes: [10_000],
    keywordReps: 1,
    peerKeywordSizes: [10_000],
    peerReps: 1,
    queryBudgetMs: 3_000,
    vector: [{ size: 2_000, engines: ALL_VECTOR }],
    vectorQueries: 50,
    replicas: { updates: 60, concurrency: 8 },
  },
};

export interface BenchOptions {
  out: string;
  quick: boolean;
  plan: BenchPlan;
  command: string;
  /** Progress lines (stderr in the CLI). */
  say: (line: string) => void;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const { plan, say } = options;
  const logger = createLogger({ level: 'error', secrets: [] });
  const errors: string[] = [];
  const attempt = async <T>(name: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (err) {
      const message = `${name}: ${err instanceof Error ? err.message : String(err)}`;
      errors.push(message);
      say(`FAILED ${message}`);
      return null;
    }
  };
  const machine = machineInfo();
  const ws = await createWorkspace();
  say(`work folder ${ws.dir}`);
  try {
    const ingestSection = await attempt('ingest', () => runIngestSection(ws, plan.ingestReps, logger, say));
    const ingestScale = await attempt('ingest at scale', () => runIngestScaleSection(ws, plan.ingestScaleDocuments, say));
    const ask = await attempt('ask', () => runAskSection(ws, { reps: plan.askReps, coldRuns: plan.coldRuns }, logger, say));
    const data: BenchData | null = ask ? await attempt('data', async () => prepareData(ws, logger)) : null;
    const keyword = data ? await attempt('scale', () => runKeywordScale(ws, data, plan.keywordSizes, plan.keywordReps, say)) : null;
    const peers = data
      ? await attempt('peers', async () => {
          say('peers: keyword quality on the seeds');
          const quality = await keywordQuality(data, ws);
          const speed = await keywordSpeed(data, plan.peerKeywordSizes, plan.peerReps, plan.queryBudgetMs, say);
          const vector = await vectorRuns(ws, plan.vector, plan.vectorQueries, plan.peerReps, plan.queryBudgetMs, say);
          const hit5 = (e: string) => quality.find((q) => q.engine === e)?.hitAt5 ?? null;
          const recall = (e: string, size: number) => vector.find((v) => v.engine === e && v.size === size)?.recallAt10 ?? null;
          return {
            keywordQuality: quality,
            keywordSpeed: speed,
            keywordRatios: peerRatios(speed, (e) => hit5(e)),
            vector,
            vectorQueries: plan.vectorQueries,
            vectorRatios: peerRatios(vector, recall),
            vectorGrowth: vectorGrowth(vector),
            notes: [
              'LangChain MemoryVectorStore: not installed (LangChain v1 moved it to @langchain/classic, not a dependency here); it is a brute-force cosine scan in JS, so "exact, JS" (our exactSearch) stands in for it.',
              'faiss-node: not installed (its install downloads native binaries, impossible offline); usearch is the HNSW peer.',
              'usearch builds with all cores (its batch add is multi-threaded); hnswlib-node\'s addPoint is single-threaded. Queries are single-threaded for every engine.',
              'vectra is measured at 10k at most: it keeps every vector in one JSON file and scans all of them in JS per query.',
            ],
          };
        })
      : null;
    const replicas = plan.replicas ? await attempt('replicas', () => runReplicaSection(ws, plan.replicas!, logger, say)) : null;
    for (const row of keyword?.rows ?? []) if (row.error) errors.push(`scale keyword ${row.size}: ${row.error}`);
    for (const s of peers?.keywordSpeed ?? []) if (s.error) errors.push(`peers keyword ${s.engine} ${s.size}: ${s.error}`);
    for (const v of peers?.vector ?? []) if (v.error) errors.push(`peers vector ${v.engine} ${v.size}: ${v.error}`);
    for (const c of ask?.coldStart ?? []) for (const f of c.failures) errors.push(`cold start ${c.label}: ${f}`);

    machine.loadEnd = os.loadavg()[0];
    const result: BenchResult = {
      meta: {
        date: new Date().toISOString(),
        command: options.command,
        quick: options.quick,
        durationMs: performance.now() - started,
        machine,
        corpus: data ? { sentences: data.sentences, targetChars: data.targetChars, queries: data.queries } : null,
      },
      ask,
      ingest: ingestSection,
      ingestScale,
      scale: { keyword, vectorSizes: plan.vector.map((v) => v.size) },
      peers,
      replicas,
      targets: [],
      errors,
    };
    result.targets = checkTargets(result);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(path.join(options.out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(path.join(options.out, 'bench.md'), renderMarkdown(result));
    return result;
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, quick: { type: 'boolean' }, 'cold-start': { type: 'boolean' }, runs: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values['cold-start']) return coldStartOnly(Number(values.runs ?? 10));
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'out'));
  const quick = Boolean(values.quick);
  const t0 = performance.now();
  const say = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}\n`);
  const result = await runBench({ out, quick, plan: quick ? PLANS.quick : PLANS.full, command: `npm run bench -- ${argv.join(' ')}`.trim(), say });
  say(`wrote ${path.join(out, 'bench.md')} and bench.json`);
  for (const t of result.targets) say(`target ${t.pass === null ? '–   ' : t.pass ? 'pass' : 'MISS'}  ${t.name}: ${t.measured} (goal ${t.target})`);
  if (result.errors.length) say(`${result.errors.length} error(s); see bench.md`);
  return result.errors.length ? 1 : 0;
}

/** `--cold-start`: the compiled `ask` against `node -e 0` (and tsx), N runs each, as one table on stdout. */
async function coldStartOnly(runs: number): Promise<number> {
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs must be a positive integer\n\n${USAGE}\n`);
    return 2;
  }
  const ws = await createWorkspace();
  try {
    const rows = await runColdStart(ws, runs, createLogger({ level: 'error', secrets: [] }), (l) => process.stderr.write(`[bench] ${l}\n`));
    const node = rows.find((r) => r.label === NODE_BASELINE)?.firstAnswer.p50 ?? NaN;
    process.stdout.write(`Cold start to first answer, ${runs} runs each after one uncounted run (${machineInfo().cpu}; load ${os.loadavg()[0].toFixed(2)})\n\n`);
    process.stdout.write('| process | median ms | min ms | max ms | median vs node -e 0 |\n| --- | --- | --- | --- | --- |\n');
    for (const r of rows) {
      const f = r.firstAnswer;
      process.stdout.write(`| ${r.label}: \`${r.command}\` | ${f.p50.toFixed(0)} | ${f.min.toFixed(0)} | ${f.max.toFixed(0)} | ${(f.p50 / node).toFixed(1)}× |\n`);
    }
    const failures = rows.flatMap((r) => r.failures);
    for (const f of failures) process.stderr.write(`failure: ${f}\n`);
    const compiled = rows.filter((r) => r.label.startsWith(ASK_COMPILED));
    process.stdout.write(`\nGoal: compiled ask ≤ 5× node -e 0: ${compiled.map((r) => `${(r.firstAnswer.p50 / node).toFixed(1)}×`).join(', ')}\n`);
    return failures.length ? 1 : 0;
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
