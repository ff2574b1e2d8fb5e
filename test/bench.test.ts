// Smoke test of the benchmark: a tiny plan through every section (real app, real worker
// processes, real peers), then the shapes of bench.json and bench.md.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, type BenchPlan } from '../bench/run.js';
import type { BenchResult } from '../bench/report.js';
import { syntheticChunkTokens, clusteredVectors, type SentenceSource } from '../bench/lib/corpus.js';

const TINY: BenchPlan = {
  askReps: 1,
  coldRuns: 1,
  ingestReps: 1,
  ingestScaleDocuments: 120,
  keywordSizes: [300],
  keywordReps: 1,
  peerKeywordSizes: [300],
  peerReps: 1,
  queryBudgetMs: 500,
  vector: [{ size: 300, engines: ['ours', 'usearch', 'exact-js'] }],
  vectorQueries: 10,
  replicas: { updates: 12, concurrency: 4 },
};

const out = mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bench', () => {
  it('runs every section on a tiny plan and writes bench.json and bench.md', async () => {
    const lines: string[] = [];
    const result = await runBench({ out, quick: true, plan: TINY, command: 'npm run bench -- --quick (test plan)', say: (l) => lines.push(l) });
    expect(result.errors).toEqual([]);
    expect(lines.length).toBeGreaterThan(5);

    const json = JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8')) as BenchResult;
    expect(json.meta.machine.cores).toBeGreaterThan(0);
    expect(json.meta.machine.node).toBe(process.version);

    const questions = json.ask!.questions;
    expect(json.ask!.modes.map((m) => m.mode)).toEqual(['lexical', 'dense', 'hybrid']);
    for (const m of json.ask!.modes) {
      expect(m.latency.n).toBe(questions);
      expect(m.latency.p50).toBeLessThanOrEqual(m.latency.p95);
      expect(m.latency.p95).toBeLessThanOrEqual(m.latency.p99);
      expect(m.fellBack).toBe(0);
    }
    expect(json.ask!.coldStart).toHaveLength(6);
    for (const c of json.ask!.coldStart) expect(c.firstAnswer.p50).toBeGreaterThan(0);

    const ingest = json.ingest!;
    expect(ingest.median.full.embedded).toBe(ingest.median.full.chunks);
    expect(ingest.median.unchanged.embedded).toBe(0);
    expect(ingest.median.changedOne.embedded).toBeGreaterThan(0);
    expect(ingest.median.changedOne.embedded).toBeLessThan(ingest.median.full.chunks);

    const scale = json.ingestScale!;
    expect(scale.full).toMatchObject({ documents: 120, added: 120 });
    expect(scale.changedOne).toMatchObject({ documents: 120, updated: 1, unchanged: 119 });
    expect(scale.unchanged).toMatchObject({ updated: 0, unchanged: 120 });
    expect(scale.changedOneRatio).toBeGreaterThan(0);

    const row = json.scale.keyword!.rows[0];
    expect(row).toMatchObject({ size: 300 });
    expect(row.bytes).toBeGreaterThan(0);
    expect(row.latency!.n).toBeGreaterThan(0);

    const peers = json.peers!;
    expect(peers.keywordQuality.map((q) => q.engine).sort()).toEqual(['flexsearch', 'minisearch', 'orama', 'ours', 'wink']);
    for (const q of peers.keywordQuality) expect(q.hitAt5).toBeGreaterThanOrEqual(0);
    expect(peers.keywordQuality.find((q) => q.engine === 'ours')!.hitAt5).toBeGreaterThan(0.3);
    expect(peers.keywordSpeed.every((s) => s.latency && s.buildMs! >= 0)).toBe(true);
    expect(peers.keywordRatios).toHaveLength(4);
    const recall = (e: string) => peers.vector.find((v) => v.engine === e)!.recallAt10!;
    expect(recall('exact-js')).toBe(1);
    expect(recall('ours')).toBeGreaterThan(0.8);
    expect(peers.vectorRatios.map((r) => r.peer)).toHaveLength(2);

    const replicas = json.replicas!;
    expect(replicas.runs.map((r) => [r.replicas, r.updates, r.latency.n])).toEqual([[1, 12, 12], [3, 12, 12]]);
    for (const r of replicas.runs) expect(r.throughput).toBeGreaterThan(0);
    expect(replicas.throughputRatio).toBeCloseTo(replicas.runs[1].throughput / replicas.runs[0].throughput, 6);

    expect(json.targets.length).toBeGreaterThan(5);
    for (const t of json.targets) expect([true, false, null]).toContain(t.pass);

    const md = readFileSync(path.join(out, 'bench.md'), 'utf8');
    for (const heading of ['## Targets', '## 1. Answer latency', '## 2. Ingest', '### Ingest at scale: 120 documents', '## 3. Scale', '## 4. Peers', '## Replicas: 1 vs 3']) expect(md).toContain(heading);
    expect(md).toContain(`${json.meta.machine.cores} cores`);
    expect(md).toMatch(/\| lexical \| \d+ \|/);
    expect(md).toMatch(/\*\*(pass|miss)\*\*/);
  });

  it('makes the same synthetic data on every run, smaller corpora being prefixes of larger ones', () => {
    const source: SentenceSource = { sentences: ['一二三。', '四五六七。', '八九十。'], tokens: [['一二三'], ['四五', '六七'], ['八九十']], targetChars: 8 };
    const a = syntheticChunkTokens(source, 50);
    expect(syntheticChunkTokens(source, 50)).toEqual(a);
    expect(syntheticChunkTokens(source, 20)).toEqual(a.slice(0, 20));
    expect(new Set(a.map((t) => t.join())).size).toBeGreaterThan(5);
    const v = clusteredVectors(5, 0, 16);
    expect(clusteredVectors(5, 0, 16)).toEqual(v);
    expect(clusteredVectors(5, 1, 16)).not.toEqual(v);
    for (const x of v) expect(Math.hypot(...x)).toBeCloseTo(1, 5);
  });

  it('rejects an unknown option with exit code 2 and the usage text', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--fast'], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: npm run bench');
  });
});
