// Section 2: ingest speed on the seeds with the tiny model: full build, re-run on an unchanged
// corpus (must embed nothing), and re-run after one document changed.
import { appendFileSync, cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCoreConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { openEmbedder } from '../../src/embed/open.js';
import type { SignedEmbedder } from '../../src/embed/transformers.js';
import { ingest, type IngestReport } from '../../src/ingest/pipeline.js';
import { REPO_ROOT } from '../lib/child.js';
import type { Workspace } from '../lib/workspace.js';

export interface IngestRun {
  ms: number;
  chunks: number;
  embedded: number;
  chunksPerSecond: number;
}

export interface IngestSection {
  documents: number;
  model: string | null;
  /** Every run of each kind; the tables use the median. */
  full: IngestRun[];
  unchanged: IngestRun[];
  changedOne: IngestRun[];
  median: { full: IngestRun; unchanged: IngestRun; changedOne: IngestRun };
  /** unchanged ÷ full build time. */
  unchangedRatio: number;
  changedOneRatio: number;
}

export async function runIngestSection(ws: Workspace, reps: number, logger: Logger, say: (s: string) => void): Promise<IngestSection> {
  const corpus = path.join(ws.dir, 'ingest-corpus');
  cpSync(ws.seedsDir, corpus, { recursive: true });
  const config = loadCoreConfig(ws.env('ingest-index', { corpusDir: corpus }), REPO_ROOT);
  const opened = await openEmbedder(config.embedding, logger);
  if (!opened.embedder) throw new Error(`The tiny test model did not load (${opened.warning}); the ingest section needs it.`);
  const embedder = opened.embedder as SignedEmbedder;
  const row = (r: IngestReport): IngestRun => ({ ms: r.ms, chunks: r.chunks, embedded: r.embedded, chunksPerSecond: r.chunks / (r.ms / 1000) });
  const run = async (rebuild: boolean) => row(await ingest(config, { paths: [corpus], embedder, rebuild }, logger));

  // The first build also pays one-time costs (jieba and CC-CEDICT loading): run it untimed.
  say('ingest: warm-up build');
  await run(true);
  const full: IngestRun[] = [];
  const unchanged: IngestRun[] = [];
  const changedOne: IngestRun[] = [];
  const victim = path.join(corpus, readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort()[0]);
  for (let i = 0; i < reps; i++) {
    say(`ingest: round ${i + 1}/${reps}`);
    full.push(await run(true));
    unchanged.push(await run(false));
    appendFileSync(victim, `\n\n社区服务中心第${i + 1}次调整了办公时间，工作日上午九点开门。\n`);
    changedOne.push(await run(false));
  }
  const median = { full: medianRun(full), unchanged: medianRun(unchanged), changedOne: medianRun(changedOne) };
  await (embedder as { dispose?: () => Promise<void> }).dispose?.();
  return {
    documents: readdirSync(corpus).length,
    model: embedder.modelId,
    full,
    unchanged,
    changedOne,
    median,
    unchangedRatio: median.unchanged.ms / median.full.ms,
    changedOneRatio: median.changedOne.ms / median.full.ms,
  };
}

function medianRun(runs: IngestRun[]): IngestRun {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
