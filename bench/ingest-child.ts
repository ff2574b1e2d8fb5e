// One ingest in its own process, for the bench's 10k-document section: prints BENCH_RESULT with the
// report's counts, the wall time, this process's peak RSS and how many progress lines it printed.
// Usage: node --import tsx bench/ingest-child.ts --index DIR --corpus DIR [--rebuild]
import { parseArgs } from 'node:util';
import { loadCoreConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { ingest } from '../src/ingest/pipeline.js';

const { values } = parseArgs({ options: { index: { type: 'string' }, corpus: { type: 'string' }, rebuild: { type: 'boolean' } } });
if (!values.index || !values.corpus) throw new Error('--index and --corpus are required');
const config = loadCoreConfig({ INDEX_DIR: values.index, CORPUS_DIR: values.corpus, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'error' });
let progressLines = 0;
const started = performance.now();
const report = await ingest(
  config,
  {
    paths: [values.corpus],
    embedder: null,
    rebuild: values.rebuild,
    progress: (p) => {
      progressLines++;
      process.stderr.write(`ingest: ${p.files}/${p.totalFiles} files ${p.stage ?? 'written'}, ${p.chunks} chunks\n`);
    },
  },
  createLogger({ level: 'error', secrets: [] }),
);
const result = {
  ms: performance.now() - started,
  documents: report.documents,
  chunks: report.chunks,
  added: report.added.length,
  updated: report.updated.length,
  unchanged: report.unchanged.length,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  progressLines,
};
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
