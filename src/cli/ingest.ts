// npm run ingest -- [PATH...] [--prune] [--rebuild]
import { loadCoreConfig } from '../config.js';
import { openEmbedder } from '../embed/open.js';
import type { SignedEmbedder } from '../embed/transformers.js';
import { ingest } from '../ingest/pipeline.js';
import { cliLogger, parseCli, runMain } from './args.js';

export const INGEST_USAGE = `Usage: npm run ingest -- [PATH...] [options]

Adds .txt and .md files (or folders of them) to the index; default CORPUS_DIR (seeds/).
Incremental: unchanged files are skipped (no re-embedding), changed files replaced.

Options:
  --prune      remove indexed documents whose files no longer exist
  --rebuild    ignore the existing index and rebuild everything (after changing EMBEDDING_MODEL)
  -h, --help   show this help

Environment: INDEX_DIR, CORPUS_DIR, EMBEDDING_MODEL (none = lexical only), CHUNK_SIZE, CHUNK_OVERLAP.`;

runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { prune: { type: 'boolean' }, rebuild: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    INGEST_USAGE,
  );
  if (values.help) {
    process.stdout.write(INGEST_USAGE + '\n');
    return 0;
  }
  const config = loadCoreConfig();
  const logger = cliLogger();
  const opened = await openEmbedder(config.embedding, logger);
  if (opened.warning) process.stderr.write(`Note: ${opened.warning}\n`);
  let lastProgress = 0;
  const report = await ingest(
    config,
    {
      paths: positionals.length ? positionals : [config.corpusDir],
      prune: values.prune,
      rebuild: values.rebuild,
      embedder: opened.embedder as SignedEmbedder | null,
      progress: (p) => {
        const now = Date.now();
        if (now - lastProgress < 1000 && p.files < p.totalFiles) return;
        lastProgress = now;
        process.stderr.write(`ingest: ${p.files}/${p.totalFiles} files, ${p.chunks} chunks, ${p.chunksPerSecond.toFixed(0)} chunks/s\n`);
      },
    },
    logger,
  );
  for (const r of report.rejected) process.stderr.write(`skipped ${r.path}: ${r.reason}\n`);
  const summary = report.wrote
    ? `Indexed ${report.documents} documents, ${report.chunks} chunks (${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.removed.length} removed; ${report.embedded} embedded; ${report.vectors ? 'hybrid' : 'lexical-only'}) in ${(report.ms / 1000).toFixed(2)} s.`
    : `No changes: ${report.documents} documents, ${report.chunks} chunks already indexed (${(report.ms / 1000).toFixed(2)} s).`;
  process.stdout.write(summary + '\n');
  return 0;
});
