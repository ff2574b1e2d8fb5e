// npm run ingest -- [PATH...] [--prune] [--rebuild] [--dry-run [--json]]
import { readFile } from 'node:fs/promises';
import { loadCoreConfig } from '../config.js';
import { openEmbedder } from '../embed/open.js';
import type { SignedEmbedder } from '../embed/transformers.js';
import { ingest, preview, type IngestReport } from '../ingest/pipeline.js';
import { supportedExtensions } from '../ingest/formats/index.js';
import { parseUrlList } from '../ingest/fetch.js';
import { cliLogger, parseCli, runMain, UsageError } from './args.js';
import { currentGeneration } from '../index/store.js';
import { openSharedIndexFor } from '../store/open.js';

export const INGEST_USAGE = `Usage: npm run ingest -- [PATH|URL...] [options]

Adds documents (files, folders of them, or http(s) URLs) to the index; default CORPUS_DIR (seeds/).
Formats: ${supportedExtensions().join(' ')}. Each document is split by its kind (numbered notice,
heading-structured document, English plain text, Chinese guide or FAQ, newspaper page); navigation,
captions and editor lines are dropped with a reason. Document ids are paths relative to the folder given (or the URL).
URLs are fetched (FETCH_TIMEOUT_MS, FETCH_MAX_BYTES) and re-checked on every run with their
ETag / Last-Modified (a 304 or the same bytes is "unchanged").
Incremental: unchanged files are skipped (no re-embedding), changed files replaced.
With DATABASE_URL the run starts from the generation shared in PostgreSQL, holds the installation-wide
ingest lock, and publishes the result there: every replica downloads and loads it within seconds.

Options:
  --urls FILE  also ingest the URLs listed in FILE, one a line (# comments and blank lines ignored)
  --prune      remove indexed documents whose files no longer exist
  --rebuild    ignore the existing index and rebuild everything (after changing EMBEDDING_MODEL)
  --dry-run    read and split only, write nothing; prints per-document counts
  --json       with --dry-run: one JSON object a line, {"doc","title","text",...} per chunk,
               {"doc","dropped","reason"} per dropped block, {"doc","rejected","reason"} per rejected file
  -h, --help   show this help

Environment: INDEX_DIR, CORPUS_DIR, EMBEDDING_MODEL (none = lexical only), CHUNK_SIZE, CHUNK_OVERLAP,
FETCH_TIMEOUT_MS, FETCH_MAX_BYTES (URLs), CEDICT_CACHE_DIR (CC-CEDICT compiled once for the English lexicon).`;

/** The closing summary: counts, then every skipped file and every document with dropped blocks, by name. */
export function ingestSummary(report: IngestReport): string {
  const lines = [
    report.wrote
      ? `Indexed ${report.documents} documents, ${report.chunks} chunks (${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.removed.length} removed; ${report.embedded} embedded; ${report.vectors ? 'hybrid' : 'lexical-only'}) in ${(report.ms / 1000).toFixed(2)} s.`
      : `No changes: ${report.documents} documents, ${report.chunks} chunks already indexed (${(report.ms / 1000).toFixed(2)} s).`,
  ];
  if (report.rejected.length) lines.push(`Skipped ${report.rejected.length} file(s) (reasons above): ${report.rejected.map((r) => r.path).join(', ')}.`);
  const dropped = report.dropped.reduce((n, d) => n + d.dropped.length, 0);
  if (dropped) lines.push(`Dropped ${dropped} non-body block(s) (navigation, captions, editor lines) from ${report.dropped.length} document(s); see them with --dry-run --json.`);
  return lines.join('\n');
}

runMain(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      prune: { type: 'boolean' },
      rebuild: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      urls: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    INGEST_USAGE,
  );
  if (values.help) {
    process.stdout.write(INGEST_USAGE + '\n');
    return 0;
  }
  if (values.json && !values['dry-run']) throw new UsageError(`--json goes with --dry-run.\n\n${INGEST_USAGE}`);
  const config = loadCoreConfig();
  const listed: string[] = [];
  if (values.urls) {
    let text: string;
    try {
      text = await readFile(values.urls, 'utf8');
    } catch (err) {
      throw new UsageError(`--urls ${values.urls}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    const { urls, invalid } = parseUrlList(text);
    for (const line of invalid) process.stderr.write(`skipped line of ${values.urls}: "${line}" is not an http(s) URL\n`);
    listed.push(...urls);
  }
  const paths = positionals.length || listed.length ? [...positionals, ...listed] : [config.corpusDir];
  if (values['dry-run']) {
    const counts = new Map<string, { chunks: number; dropped: number; rejected?: string }>();
    for await (const record of preview(config, paths)) {
      if (values.json) {
        process.stdout.write(JSON.stringify(record) + '\n');
        continue;
      }
      const c = counts.get(record.doc) ?? { chunks: 0, dropped: 0 };
      if ('text' in record) c.chunks++;
      else if ('dropped' in record) c.dropped++;
      else c.rejected = record.reason;
      counts.set(record.doc, c);
    }
    if (!values.json) for (const [doc, c] of counts) process.stdout.write(c.rejected ? `${doc}: rejected (${c.rejected})\n` : `${doc}: ${c.chunks} chunks, ${c.dropped} dropped\n`);
    return 0;
  }
  const logger = cliLogger();
  const opened = await openEmbedder(config.embedding, logger);
  if (opened.warning) process.stderr.write(`Note: ${opened.warning}\n`);
  let lastProgress = 0;
  const run = () => ingest(
    config,
    {
      paths,
      prune: values.prune,
      rebuild: values.rebuild,
      embedder: opened.embedder as SignedEmbedder | null,
      progress: (p) => {
        const now = Date.now();
        if (now - lastProgress < 1000 && p.files < p.totalFiles) return;
        lastProgress = now;
        const what = p.stage === 'read' ? ' read' : p.stage === 'embed' ? ' embedded' : p.stage === 'index' ? ' tokenised' : '';
        process.stderr.write(`ingest: ${p.files}/${p.totalFiles} files${what}, ${p.chunks} chunks, ${p.chunksPerSecond.toFixed(0)} chunks/s\n`);
      },
    },
    logger,
  );
  // DATABASE_URL: start from the shared generation, hold the installation-wide ingest lock, publish the result.
  const shared = config.databaseUrl ? await openSharedIndexFor(config, logger) : null;
  let report: IngestReport;
  try {
    report = shared
      ? await shared.withIngestLock(async () => {
          await shared.sync(config.indexDir);
          const done = await run();
          const live = currentGeneration(config.indexDir);
          if (live) await shared.publish(live);
          return done;
        })
      : await run();
  } finally {
    await shared?.close();
  }
  if (shared) process.stderr.write('ingest: published to the shared database (DATABASE_URL); every replica loads it within seconds\n');
  for (const r of report.rejected) process.stderr.write(`skipped ${r.path}: ${r.reason}\n`);
  process.stdout.write(ingestSummary(report) + '\n');
  return 0;
});
