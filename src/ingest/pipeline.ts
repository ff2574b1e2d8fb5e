// Ingest: read → normalise → split pages → chunk → embed → index, incrementally by content hash.
// Unchanged documents keep their chunks and vectors (no embedding work); changed ones are replaced;
// documents whose files are gone are removed with `prune`. The result is written as a new index
// generation and published atomically, under an exclusive lock.
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, Embedder, RejectedFile, SourceDocument } from '../ports.js';
import type { SignedEmbedder } from '../embed/signature.js';
import type { CoreConfig } from '../config.js';
import type { Logger } from '../log.js';
import { discoverFiles, readDocument } from './read.js';
import { splitPage } from './pages.js';
import { chunkArticles, CHUNKER_VERSION } from './chunk.js';
import { extractCorpusTerms, dictionaryLines } from '../text/dictionary.js';
import { indexedText, indexTokenizer } from '../index/tokens.js';
import { buildEnglishLexicon, loadCedict } from '../lang/english.js';
import { romanisedVocabulary } from '../lang/places.js';
import { Bm25Index } from '../index/keyword.js';
import { HnswVectorIndex } from '../index/vector.js';
import { modelSignature } from '../embed/signature.js';
import {
  acquireIngestLock,
  corruptFiles,
  currentGeneration,
  GenerationWriter,
  IndexError,
  pruneGenerations,
  readChunks,
  readManifest,
  readVectors,
  type DocumentEntry,
  type EmbeddingSignature,
  type Manifest,
} from '../index/store.js';

export { indexedText, indexTokenizer } from '../index/tokens.js';

/** Bump when tokenisation or the derived files change: a re-run then rewrites the index. */
export const TOKENIZER_VERSION = 'jieba-search-bigram-v1';

export interface IngestOptions {
  paths: string[];
  prune?: boolean;
  rebuild?: boolean;
  /** The embedding model, or null for a lexical-only index. */
  embedder: SignedEmbedder | null;
  /** Progress lines for long runs (stderr in the CLI). */
  progress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  files: number;
  totalFiles: number;
  chunks: number;
  chunksPerSecond: number;
}

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  rejected: RejectedFile[];
  documents: number;
  chunks: number;
  /** Chunks embedded in this run (0 when nothing changed). */
  embedded: number;
  vectors: boolean;
  /** False when nothing changed and no new generation was written. */
  wrote: boolean;
  generation: string | null;
  ms: number;
}

interface PreviousIndex {
  manifest: Manifest;
  chunks: Chunk[];
  vectors: Float32Array[] | null;
  /** Files whose checksum does not match: a new generation is written to repair them. */
  damaged: string[];
}

interface DocState {
  entry: Omit<DocumentEntry, 'first' | 'count'>;
  chunks: Chunk[];
  vectors: Float32Array[] | null;
}

export async function ingest(config: CoreConfig, options: IngestOptions, logger: Logger): Promise<IngestReport> {
  const started = performance.now();
  const release = acquireIngestLock(config.indexDir);
  try {
    return await ingestLocked(config, options, logger, started);
  } finally {
    release();
  }
}

async function ingestLocked(config: CoreConfig, options: IngestOptions, logger: Logger, started: number): Promise<IngestReport> {
  const signature: EmbeddingSignature | null = options.embedder ? modelSignature(options.embedder) : null;
  const previous = options.rebuild ? null : loadPrevious(config, logger);
  const chunkerSame =
    previous?.manifest.chunker.version === CHUNKER_VERSION &&
    previous.manifest.chunker.size === config.chunkSize &&
    previous.manifest.chunker.overlap === config.chunkOverlap;
  const vectorsReusable = Boolean(signature && previous?.vectors && sameSignature(previous.manifest.embedding, signature));

  // Documents currently in the index, by id.
  const docs = new Map<string, DocState>();
  for (const entry of previous?.manifest.documents ?? []) {
    const rows = previous!.chunks.slice(entry.first, entry.first + entry.count);
    docs.set(entry.id, {
      entry: { id: entry.id, source: entry.source, hash: entry.hash, encoding: entry.encoding, titles: entry.titles },
      chunks: rows,
      vectors: vectorsReusable ? previous!.vectors!.slice(entry.first, entry.first + entry.count) : null,
    });
  }

  const report: IngestReport = { added: [], updated: [], unchanged: [], removed: [], rejected: [], documents: 0, chunks: 0, embedded: 0, vectors: false, wrote: false, generation: null, ms: 0 };

  // 1. Read every file under the given paths; ids are relative to the path given.
  const toRead: { file: string; root: string }[] = [];
  for (const p of options.paths) {
    const abs = path.resolve(p);
    const { files, rejected } = await discoverFiles([abs]);
    report.rejected.push(...rejected);
    const root = isDirectory(abs) ? abs : path.dirname(abs);
    for (const file of files) toRead.push({ file, root });
  }

  const seenIds = new Set<string>();
  const changed: SourceDocument[] = [];
  for (const { file, root } of toRead) {
    const doc = await readDocument(file, root);
    if ('reason' in doc) {
      report.rejected.push(doc);
      logger.warn('ingest.rejected', { file: doc.path, reason: doc.reason });
      continue;
    }
    if (seenIds.has(doc.id)) {
      report.rejected.push({ path: file, reason: `another file with the same id "${doc.id}" was already read in this run` });
      continue;
    }
    seenIds.add(doc.id);
    const existing = docs.get(doc.id);
    if (existing && existing.entry.hash === doc.hash && chunkerSame) {
      if (existing.vectors || !signature) {
        report.unchanged.push(doc.id);
        existing.entry.source = doc.path;
        continue;
      }
    }
    (existing ? report.updated : report.added).push(doc.id);
    changed.push(doc);
  }

  // 2. Removals: with --prune, documents whose source file no longer exists.
  if (options.prune) {
    for (const [id, state] of docs) {
      if (!seenIds.has(id) && !fs.existsSync(state.entry.source)) {
        docs.delete(id);
        report.removed.push(id);
      }
    }
  }

  // Model changed, or the previous index had no vectors for unchanged docs: those need embedding too.
  const needsEmbedding: DocState[] = [];
  if (signature) for (const state of docs.values()) if (!state.vectors && !changed.some((d) => d.id === state.entry.id)) needsEmbedding.push(state);

  const nothingChanged = changed.length === 0 && report.removed.length === 0 && needsEmbedding.length === 0 && previous !== null && previous.damaged.length === 0 && chunkerSame && previous.manifest.tokenizer === TOKENIZER_VERSION && sameSignature(previous.manifest.embedding, signature);
  // An index with nothing in it would make every answer "the documents don't say": a wrong
  // CORPUS_DIR or a folder of unreadable files must be said, not published.
  if (docs.size === 0 && changed.length === 0) {
    const skipped = report.rejected.length ? ` ${report.rejected.length} file(s) were skipped: ${report.rejected.map((r) => `${r.path} (${r.reason})`).join('; ')}.` : '';
    throw new IndexError(
      'INDEX_EMPTY',
      `No documents to index in ${options.paths.join(', ')}: no readable .txt or .md files.${skipped} Add documents there, or point CORPUS_DIR (or the ingest paths) at them.${previous ? ' The previous index is left as it was.' : ''}`,
    );
  }

  if (nothingChanged) {
    report.documents = docs.size;
    report.chunks = previous!.chunks.length;
    report.vectors = Boolean(signature);
    report.generation = currentGeneration(config.indexDir);
    report.ms = performance.now() - started;
    return report;
  }

  // 3. Split and chunk the changed documents.
  for (const doc of changed) {
    const articles = splitPage(doc);
    const chunks = chunkArticles(articles, { size: config.chunkSize, overlap: config.chunkOverlap });
    docs.set(doc.id, {
      entry: { id: doc.id, source: doc.path, hash: doc.hash, encoding: doc.encoding, titles: [...new Set(articles.map((a) => a.title))] },
      chunks,
      vectors: null,
    });
  }
  // Chunkers may re-chunk unchanged docs when settings changed.
  if (!chunkerSame && previous) {
    for (const state of docs.values()) {
      if (changed.some((d) => d.id === state.entry.id)) continue;
      const doc = await readDocument(state.entry.source, path.dirname(state.entry.source)).catch(() => null);
      if (!doc || 'reason' in doc) continue;
      state.chunks = chunkArticles(splitPage({ ...doc, id: state.entry.id }), { size: config.chunkSize, overlap: config.chunkOverlap });
      state.vectors = null;
    }
  }

  // 4. Embed what has no vectors yet.
  const ordered = [...docs.values()].sort((a, b) => a.entry.id.localeCompare(b.entry.id));
  const totalChunks = ordered.reduce((n, d) => n + d.chunks.length, 0);
  if (options.embedder) {
    const todo = ordered.filter((d) => !d.vectors);
    const embedStart = performance.now();
    let done = 0;
    for (const state of todo) {
      state.vectors = await embedAll(options.embedder, state.chunks, config.embedding.batchSize);
      done += state.chunks.length;
      report.embedded += state.chunks.length;
      const secs = (performance.now() - embedStart) / 1000;
      options.progress?.({ files: todo.indexOf(state) + 1, totalFiles: todo.length, chunks: done, chunksPerSecond: secs > 0 ? done / secs : done });
    }
  }

  // 5. Build and write the new generation.
  const writer = new GenerationWriter(config.indexDir);
  try {
    const chunks: Chunk[] = [];
    const entries: DocumentEntry[] = [];
    for (const state of ordered) {
      entries.push({ ...state.entry, first: chunks.length, count: state.chunks.length });
      chunks.push(...state.chunks);
    }
    const terms = extractCorpusTerms(chunks.flatMap((c) => [c.title, c.normText]));
    const tokenizer = indexTokenizer(terms);
    const docTokens = chunks.map((c) => tokenizer.tokens(indexedText(c)));
    const keyword = Bm25Index.build(docTokens);
    writer.write('chunks.jsonl', chunks.map((c) => JSON.stringify(c)).join('\n') + '\n');
    writer.write('terms.txt', dictionaryLines(terms));
    // Place names the stock dictionary knows (忻州, 射阳): matched by romanised English questions.
    const places = new Set(chunks.flatMap((c) => tokenizer.placeNames(`${c.title} ${c.normText}`)));
    writer.write('places.txt', [...places].sort().join('\n') + '\n');
    writer.write('romanised.txt', romanisedVocabulary(keyword.vocabulary()).join('\n') + '\n');
    writer.write('keyword.bin', keyword.serialize());
    // English → Chinese lexicon restricted to this corpus's words: built once here, so answering
    // never loads the 5 MB dictionary.
    writer.write('english.json', JSON.stringify(buildEnglishLexicon(new Set(docTokens.flat()), await loadCedict())));
    if (signature && options.embedder) {
      const vectors = ordered.flatMap((s) => s.vectors ?? []);
      const flat = new Float32Array(vectors.length * signature.dims);
      vectors.forEach((v, i) => flat.set(v, i * signature.dims));
      writer.write('vectors.f32', Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength));
      HnswVectorIndex.build(vectors, signature.dims).save(path.join(writer.dir, 'vectors.hnsw'));
      writer.adopt('vectors.hnsw');
      report.vectors = true;
    }
    writer.commit({
      chunker: { version: CHUNKER_VERSION, size: config.chunkSize, overlap: config.chunkOverlap },
      tokenizer: TOKENIZER_VERSION,
      embedding: report.vectors ? signature : null,
      counts: { documents: entries.length, chunks: chunks.length },
      documents: entries,
    });
    report.documents = entries.length;
    report.chunks = chunks.length;
    report.wrote = true;
    report.generation = writer.dir;
    options.progress?.({ files: changed.length, totalFiles: changed.length, chunks: totalChunks, chunksPerSecond: totalChunks / Math.max(0.001, (performance.now() - started) / 1000) });
  } catch (err) {
    writer.abandon();
    throw err;
  }
  try {
    pruneGenerations(config.indexDir);
  } catch (err) {
    logger.warn('ingest.prune_generations_failed', { error: err });
  }
  report.ms = performance.now() - started;
  return report;
}

async function embedAll(embedder: Embedder, chunks: Chunk[], batchSize: number): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < chunks.length; i += batchSize) {
    const batch = chunks.slice(i, i + batchSize).map((c) => `${c.title}\n${c.normText}`);
    out.push(...(await embedder.embedDocuments(batch)));
  }
  return out;
}

function loadPrevious(config: CoreConfig, logger: Logger): PreviousIndex | null {
  const gen = currentGeneration(config.indexDir);
  if (!gen) return null;
  try {
    const manifest = readManifest(gen);
    const damaged = corruptFiles(gen, manifest);
    // A damaged chunk table is not reused: everything is rebuilt from the documents.
    if (damaged.includes('chunks.jsonl')) throw new Error('chunks.jsonl does not match its checksum');
    const chunks = readChunks(gen);
    let vectors: Float32Array[] | null = null;
    if (manifest.embedding && !damaged.includes('vectors.f32')) {
      try {
        vectors = readVectors(gen, manifest.embedding.dims, chunks.length);
      } catch (err) {
        logger.warn('ingest.previous_vectors_unreadable', { error: err });
      }
    }
    if (damaged.length) logger.warn('ingest.previous_files_damaged', { generation: gen, files: damaged });
    return { manifest, chunks, vectors, damaged };
  } catch (err) {
    logger.warn('ingest.previous_index_unreadable', { generation: gen, error: err });
    return null;
  }
}

function sameSignature(a: EmbeddingSignature | null | undefined, b: EmbeddingSignature | null): boolean {
  if (!a || !b) return !a && !b;
  return a.model === b.model && a.dims === b.dims && a.pooling === b.pooling && a.passagePrefix === b.passagePrefix && a.queryPrefix === b.queryPrefix && a.dtype === b.dtype;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
