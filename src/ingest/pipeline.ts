// Ingest: read → split by document kind → chunk → embed → index, incrementally by content hash.
// Unchanged documents keep their chunks and vectors (no embedding work); changed ones are replaced;
// documents whose files are gone are removed with `prune`. The result is written as a new index
// generation and published atomically, under an exclusive lock. `ingest` runs the steps in STEPS
// one after another over one IngestRun; `preview` runs only the reading and splitting steps.
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, Embedder, RejectedFile } from '../ports.js';
import type { SignedEmbedder } from '../embed/signature.js';
import type { CoreConfig } from '../config.js';
import type { Logger } from '../log.js';
import { discoverFiles, documentId, readDocument } from './read.js';
import { fetchDocument, isUrl, type Validators } from './fetch.js';
import { chunkArticles, CHUNKER_VERSION } from './chunk.js';
import type { Dropped, ReadDocument } from './model.js';
import { SPLITTERS, splitterFor } from './kinds/index.js';
import { READERS } from './formats/index.js';
import { corpusTermPart, dictionaryLines, mergeTermParts, type TermPart } from '../text/dictionary.js';
import { GLOSSARY_CHINESE_TERMS } from '../lang/glossary.js';
import { indexedText, indexTokenizer } from '../index/tokens.js';
import { buildEnglishLexicon, buildParaphrases, loadCompiledCedict, type CompiledCedict } from '../lang/english.js';
import { mayNamePlace, namesBeforePlaceNouns, romanisedVocabulary } from '../lang/places.js';
import { Bm25Index, type DocumentCounts } from '../index/keyword.js';
import { HnswVectorIndex } from '../index/vector.js';
import { modelSignature } from '../embed/signature.js';
import {
  acquireIngestLock,
  corruptFiles,
  currentGeneration,
  GenerationWriter,
  IndexError,
  pruneGenerations,
  readManifest,
  readVectors,
  sha256,
  type DocumentEntry,
  type EmbeddingSignature,
  type Manifest,
} from '../index/store.js';
export { indexedText, indexTokenizer } from '../index/tokens.js';

/** Bump when tokenisation or the derived files change: a re-run then rewrites the index. */
export const TOKENIZER_VERSION = 'jieba-search-bigram-porter2-v4';

export interface IngestOptions {
  /** Files, folders and http(s) URLs. */
  paths: string[];
  prune?: boolean;
  rebuild?: boolean;
  /** The embedding model, or null for a lexical-only index. */
  embedder: SignedEmbedder | null;
  /** Progress lines for long runs (stderr in the CLI). */
  progress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  /** 'read' while documents are read and split, 'embed' while chunks are embedded, 'index' while they are tokenised. */
  stage?: 'read' | 'embed' | 'index';
  files: number;
  totalFiles: number;
  chunks: number;
  chunksPerSecond: number;
}

/** What was left out of one document, and why (navigation, captions, editor lines, …). */
export interface DroppedReport {
  doc: string;
  dropped: Dropped[];
}

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  rejected: RejectedFile[];
  /** Blocks left out of the documents read in this run, with reasons. */
  dropped: DroppedReport[];
  documents: number;
  chunks: number;
  /** Chunks embedded in this run (0 when nothing changed). */
  embedded: number;
  /** Documents tokenised for the keyword index in this run (the others kept their rows of the previous one). */
  tokenized: number;
  vectors: boolean;
  /** False when nothing changed and no new generation was written. */
  wrote: boolean;
  generation: string | null;
  ms: number;
}

interface PreviousIndex {
  manifest: Manifest;
  /** The chunk table as its JSON lines: unchanged documents' lines are copied, never parsed. */
  lines: string[];
  vectors: Float32Array[] | null;
  dir: string;
  /** Per-document parts and the keyword index of the previous build, when they can be reused (same tokenizer). */
  parts: Map<string, DocumentPart> | null;
  keyword: Bm25Index | null;
  terms: Set<string>;
  /** Files whose checksum does not match: a new generation is written to repair them. */
  damaged: string[];
}

interface DocState {
  entry: Omit<DocumentEntry, 'first' | 'count'>;
  /** The chunks, parsed (new documents; kept ones on first use: see chunksOf). */
  chunks?: Chunk[];
  /** A kept document's lines of the previous chunk table, written back as they are. */
  lines?: string[];
  vectors: Float32Array[] | null;
  /** Kept from the previous build while the document's chunks are unchanged. */
  part?: DocumentPart;
  /** Rows of the document's chunks in the previous keyword index, reused likewise. */
  previousRows?: { first: number; count: number };
}

function chunksOf(state: DocState): Chunk[] {
  return (state.chunks ??= (state.lines ?? []).map((l) => JSON.parse(l) as Chunk));
}

function chunkCount(state: DocState): number {
  return state.lines?.length ?? state.chunks?.length ?? 0;
}

/** What the index keeps per document so an unchanged one costs nothing on the next build (parts.jsonl). */
interface DocumentPart {
  id: string;
  terms: TermPart;
  places: string[];
  /** Names written before a neighbourhood's noun (锦都 of 锦都小区: namesBeforePlaceNouns); absent in older parts. */
  names?: string[];
}

/** Identifies the keyword tokenisation: parts and counts from another one are not reused. */
function tokenizerKey(): string {
  return sha256(`${TOKENIZER_VERSION}\n${GLOSSARY_CHINESE_TERMS.join('\n')}`);
}

/** One document read, split and chunked (nothing written). */
export interface SplitDocument {
  doc: ReadDocument;
  kind: string;
  chunks: Chunk[];
  dropped: Dropped[];
}

/** The version of every splitter kind, and of every reader that records one (`format:md`), in the manifest. */
export function splitterVersions(): Record<string, string> {
  return { ...Object.fromEntries(SPLITTERS.map((s) => [s.kind, s.version])), ...Object.fromEntries(READERS.flatMap((r) => (r.version ? [[`format:${r.format}`, r.version]] : []))) };
}

/** Splits and chunks one read document with the splitter its kind calls for. */
export function splitDocument(doc: ReadDocument, config: Pick<CoreConfig, 'chunkSize' | 'chunkOverlap'>): SplitDocument {
  const splitter = splitterFor(doc);
  const { articles, dropped } = splitter.split(doc);
  const chunks = chunkArticles(articles, { size: config.chunkSize, overlap: config.chunkOverlap });
  if (doc.date || doc.url) for (const c of chunks) Object.assign(c, doc.date ? { date: doc.date } : {}, doc.url ? { url: doc.url } : {});
  return { doc, kind: splitter.kind, chunks, dropped };
}

/** Why a document gave no chunks, for the operator: what its blocks were dropped as. */
function noChunksReason(split: SplitDocument): string {
  const reasons = [...new Set(split.dropped.map((d) => d.reason))];
  return `no body text found (read as ${split.doc.format}, split as ${split.kind}${reasons.length ? `; ${split.dropped.length} block(s) dropped as ${reasons.join(', ')}` : ''})`;
}

function documentEntry(split: SplitDocument): DocState['entry'] {
  const { doc } = split;
  const entry: DocState['entry'] = { id: doc.id, source: doc.path, hash: doc.hash, encoding: doc.encoding, titles: [...new Set(split.chunks.map((c) => c.title))], format: doc.format, kind: split.kind };
  if (doc.title) entry.title = doc.title;
  if (doc.date) entry.date = doc.date;
  if (doc.url) entry.url = doc.url;
  if (doc.size !== undefined) Object.assign(entry, { size: doc.size, mtimeMs: doc.mtimeMs });
  if (doc.etag) entry.etag = doc.etag;
  if (doc.lastModified) entry.lastModified = doc.lastModified;
  return entry;
}

/** Everything one ingest run knows, passed from step to step. */
interface IngestRun {
  config: CoreConfig;
  options: IngestOptions;
  logger: Logger;
  started: number;
  report: IngestReport;
  signature: EmbeddingSignature | null;
  previous: PreviousIndex | null;
  /** Chunker settings and splitter versions are those of the previous index. */
  splitSame: boolean;
  /** Documents in the new index, by id. */
  docs: Map<string, DocState>;
  toRead: { file: string; root: string }[];
  toFetch: string[];
  seenIds: Set<string>;
  /** Documents read in this run that are new or changed. */
  changed: SplitDocument[];
  /** Set by a step when there is nothing to write. */
  done: boolean;
}

type Step = (run: IngestRun) => Promise<void> | void;

/** 1. The previous generation: its documents, chunks and (when the model is the same) vectors. */
const loadPreviousStep: Step = (run) => {
  const { config, options, logger, signature } = run;
  run.previous = options.rebuild ? null : loadPrevious(config, logger);
  const previous = run.previous;
  run.splitSame =
    previous?.manifest.chunker.version === CHUNKER_VERSION &&
    previous.manifest.chunker.size === config.chunkSize &&
    previous.manifest.chunker.overlap === config.chunkOverlap &&
    sameVersions(previous.manifest.splitters, splitterVersions());
  const vectorsReusable = Boolean(signature && previous?.vectors && sameSignature(previous.manifest.embedding, signature));
  for (const entry of previous?.manifest.documents ?? []) {
    const { first, count, ...rest } = entry;
    const part = previous!.parts?.get(entry.id);
    run.docs.set(entry.id, {
      entry: rest,
      lines: previous!.lines.slice(first, first + count),
      vectors: vectorsReusable ? previous!.vectors!.slice(first, first + count) : null,
      ...(part && previous!.keyword ? { part, previousRows: { first, count } } : {}),
    });
  }
};

/** 2. Every file under the given paths; ids are relative to the path given. */
const discoverStep: Step = async (run) => {
  for (const p of run.options.paths) {
    if (isUrl(p)) {
      run.toFetch.push(p.trim());
      continue;
    }
    const abs = path.resolve(p);
    const { files, rejected } = await discoverFiles([abs]);
    run.report.rejected.push(...rejected);
    const root = isDirectory(abs) ? abs : path.dirname(abs);
    for (const file of files) run.toRead.push({ file, root });
  }
};

/** 3. Read each file and URL; new or changed ones are split and chunked, one yielding no chunks is rejected. */
const readStep: Step = async (run) => {
  const { report, docs, logger, options } = run;
  const started = performance.now();
  const total = run.toRead.length + run.toFetch.length;
  let chunks = 0;
  let seen = 0;
  const reject = (r: RejectedFile) => {
    report.rejected.push(r);
    logger.warn('ingest.rejected', { file: r.path, reason: r.reason });
  };
  const consider = (doc: ReadDocument | RejectedFile, file: string) => {
    seen++;
    if ('reason' in doc) return reject(doc);
    if (run.seenIds.has(doc.id)) return reject({ path: file, reason: `another file with the same id "${doc.id}" was already read in this run` });
    run.seenIds.add(doc.id);
    const existing = docs.get(doc.id);
    if (existing && existing.entry.hash === doc.hash && reusable(run, existing)) {
      report.unchanged.push(doc.id);
      existing.entry.source = doc.path;
      return;
    }
    const split = splitDocument(doc, run.config);
    if (split.dropped.length) report.dropped.push({ doc: doc.id, dropped: split.dropped });
    // Never counted as added; a previous version of it (if any) stays as it was.
    if (split.chunks.length === 0) return reject({ path: doc.path, reason: noChunksReason(split) });
    (existing ? report.updated : report.added).push(doc.id);
    run.changed.push(split);
    chunks += split.chunks.length;
    const secs = (performance.now() - started) / 1000;
    if (options.progress && seen % 100 === 0) options.progress({ stage: 'read', files: seen, totalFiles: total, chunks, chunksPerSecond: secs > 0 ? chunks / secs : chunks });
  };
  // A file whose size and modification time are those recorded (and older than the previous build,
  // so a same-size edit within the same instant cannot hide) is unchanged without being read.
  const builtAt = run.previous ? Date.parse(run.previous.manifest.createdAt) : 0;
  for (const { file, root } of run.toRead) {
    const existing = docs.get(documentId(file, root));
    if (existing?.entry.size !== undefined && existing.entry.source === file && reusable(run, existing)) {
      const info = statOrNull(file);
      if (info && info.size === existing.entry.size && info.mtimeMs === existing.entry.mtimeMs && info.mtimeMs < builtAt - 2000) {
        seen++;
        run.seenIds.add(existing.entry.id);
        report.unchanged.push(existing.entry.id);
        continue;
      }
    }
    consider(await readDocument(file, root), file);
  }
  for (const url of run.toFetch) {
    const existing = docs.get(url);
    // Validators only when the stored chunks can be kept as they are.
    const validators: Validators | undefined = existing && reusable(run, existing) ? { etag: existing.entry.etag, lastModified: existing.entry.lastModified } : undefined;
    const result = await fetchDocument(url, validators, run.config.fetch);
    if ('unchanged' in result) {
      seen++;
      run.seenIds.add(url);
      report.unchanged.push(url);
      continue;
    }
    consider(result, url);
  }
};

/** Synchronous: ten thousand awaited stats cost ten times more than the calls themselves. */
function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** The stored chunks (and vectors, when an embedder is given) of a document can be kept. */
function reusable(run: IngestRun, state: DocState): boolean {
  return run.splitSame && Boolean(state.vectors || !run.signature);
}

/** 4. With --prune, documents whose source file no longer exists are removed. */
const pruneStep: Step = (run) => {
  if (!run.options.prune) return;
  for (const [id, state] of run.docs) {
    if (!run.seenIds.has(id) && !state.entry.url && !fs.existsSync(state.entry.source)) {
      run.docs.delete(id);
      run.report.removed.push(id);
    }
  }
};

/** 5. Stop here when nothing changed; refuse to publish an empty index. */
const decideStep: Step = (run) => {
  const { docs, changed, previous, report, options, signature } = run;
  const changedIds = new Set(changed.map((c) => c.doc.id));
  const needsEmbedding = signature ? [...docs.values()].some((s) => !s.vectors && !changedIds.has(s.entry.id)) : false;
  // An index with nothing in it would make every answer "the documents don't say": a wrong
  // CORPUS_DIR or a folder of unreadable files must be said, not published.
  if (docs.size === 0 && changed.length === 0) {
    const skipped = report.rejected.length ? ` ${report.rejected.length} file(s) were skipped: ${report.rejected.map((r) => `${r.path} (${r.reason})`).join('; ')}.` : '';
    throw new IndexError(
      'INDEX_EMPTY',
      `No documents to index in ${options.paths.join(', ')}: no readable documents.${skipped} Add documents there, or point CORPUS_DIR (or the ingest paths) at them.${previous ? ' The previous index is left as it was.' : ''}`,
    );
  }
  const nothingChanged =
    changed.length === 0 && report.removed.length === 0 && !needsEmbedding && previous !== null && previous.damaged.length === 0 && run.splitSame && previous.manifest.tokenizer === TOKENIZER_VERSION && sameSignature(previous.manifest.embedding, signature);
  if (nothingChanged) {
    report.documents = docs.size;
    report.chunks = previous!.lines.length;
    report.vectors = Boolean(signature);
    report.generation = currentGeneration(run.config.indexDir);
    run.done = true;
  }
};

/** 6. The changed documents replace their entries; with other chunker settings, unchanged ones are re-split. */
const resplitStep: Step = async (run) => {
  for (const split of run.changed) run.docs.set(split.doc.id, { entry: documentEntry(split), chunks: split.chunks, vectors: null });
  if (run.splitSame || !run.previous) return;
  const changedIds = new Set(run.changed.map((c) => c.doc.id));
  for (const state of run.docs.values()) {
    if (changedIds.has(state.entry.id)) continue;
    const doc = state.entry.url ? await fetchDocument(state.entry.url, undefined, run.config.fetch) : await readDocument(state.entry.source, path.dirname(state.entry.source)).catch(() => null);
    if (!doc || 'reason' in doc || 'unchanged' in doc) continue;
    const split = splitDocument({ ...doc, id: state.entry.id }, run.config);
    if (!split.chunks.length) continue;
    state.entry = { ...documentEntry(split), source: state.entry.source };
    state.chunks = split.chunks;
    delete state.lines;
    state.vectors = null;
    delete state.part;
    delete state.previousRows;
  }
};

/** 7. Embed what has no vectors yet. */
const embedStep: Step = async (run) => {
  const { options, config, report } = run;
  if (!options.embedder) return;
  const todo = [...run.docs.values()].filter((d) => !d.vectors);
  const embedStart = performance.now();
  let done = 0;
  for (const [i, state] of todo.entries()) {
    const chunks = chunksOf(state);
    state.vectors = await embedAll(options.embedder, chunks, config.embedding.batchSize);
    done += chunks.length;
    report.embedded += chunks.length;
    const secs = (performance.now() - embedStart) / 1000;
    options.progress?.({ stage: 'embed', files: i + 1, totalFiles: todo.length, chunks: done, chunksPerSecond: secs > 0 ? done / secs : done });
  }
};

/**
 * 8. Build and write the new generation, then publish it. The corpus dictionary, keyword counts and
 * place names come from per-document parts: an unchanged document keeps its part and counts from
 * the previous build (re-tokenised only when a dictionary term it contains was added or removed), so
 * changing one document in a large corpus costs a small share of a full build.
 */
const writeStep: Step = async (run) => {
  const { config, report, signature, options } = run;
  const ordered = [...run.docs.values()].sort((a, b) => a.entry.id.localeCompare(b.entry.id));
  const writer = new GenerationWriter(config.indexDir);
  try {
    const lines: string[] = [];
    const entries: DocumentEntry[] = [];
    for (const state of ordered) {
      entries.push({ ...state.entry, first: lines.length, count: chunkCount(state) });
      if (state.lines) lines.push(...state.lines);
      else for (const c of state.chunks ?? []) lines.push(JSON.stringify(c));
    }
    const texts = (state: DocState) => chunksOf(state).flatMap((c) => [c.title, c.normText]);
    for (const state of ordered) state.part ??= { id: state.entry.id, terms: corpusTermPart(texts(state)), places: [] };
    const terms = mergeTermParts(ordered.map((s) => s.part!.terms));
    const tokenizer = indexTokenizer(terms);
    // Terms added or removed change how texts containing them are cut: those documents are re-tokenised.
    const before = run.previous?.terms ?? new Set<string>();
    const termSet = new Set(terms);
    const changedTerms = [...terms.filter((t) => !before.has(t)), ...[...before].filter((t) => !termSet.has(t))];
    const mentions = (state: DocState) => changedTerms.length > 0 && chunksOf(state).some((c) => changedTerms.some((t) => indexedText(c).includes(t)));
    const started = performance.now();
    let tokenized = 0;
    let tokenizedChunks = 0;
    const previousKeyword = run.previous?.keyword ?? null;
    const rows: (number | DocumentCounts)[] = [];
    for (const state of ordered) {
      if (state.previousRows && previousKeyword && !mentions(state)) {
        for (let r = 0; r < state.previousRows.count; r++) rows.push(state.previousRows.first + r);
        continue;
      }
      const places = new Set<string>();
      const names = new Set<string>();
      for (const c of chunksOf(state)) {
        for (const p of tokenizer.placeNames(`${c.title} ${c.normText}`)) places.add(p);
        for (const n of namesBeforePlaceNouns(`${c.title} ${c.normText}`)) names.add(n);
        rows.push(countTokens(tokenizer.tokens(indexedText(c))));
      }
      state.part!.places = [...places];
      state.part!.names = [...names];
      tokenizedChunks += chunkCount(state);
      report.tokenized++;
      if (options.progress && ++tokenized % 1000 === 0) {
        const secs = (performance.now() - started) / 1000;
        options.progress({ stage: 'index', files: tokenized, totalFiles: ordered.length, chunks: tokenizedChunks, chunksPerSecond: secs > 0 ? tokenizedChunks / secs : tokenizedChunks });
      }
    }
    const keyword = previousKeyword ? previousKeyword.rebuild(rows) : Bm25Index.buildFromCounts(rows as DocumentCounts[]);
    // The romanised names and the English lexicon depend only on the Chinese words of the vocabulary:
    // when those are the words of the previous build, its files are still right.
    const sameWords = previousKeyword !== null && sameChineseWords(previousKeyword.vocabulary(), keyword.vocabulary());
    const previousFile = (name: string) => (sameWords && run.previous!.manifest.files[name] && !run.previous!.damaged.includes(name) ? fs.readFileSync(path.join(run.previous!.dir, name)) : null);
    writer.write('chunks.jsonl', lines.join('\n') + '\n');
    writer.write('terms.txt', dictionaryLines(terms));
    // Place names the stock dictionary knows (忻州, 射阳): matched by romanised English questions.
    const places = new Set(ordered.flatMap((s) => s.part!.places));
    writer.write('places.txt', [...places].sort().join('\n') + '\n');
    // Sorted first: pinyin of polyphonic characters depends on their neighbours in the joined text.
    // (With the names written before a neighbourhood's noun, which the index may hold no token of: 锦都 of 锦都小区 —
    // kept per document; a part written before they were is read from its chunks once.)
    const names = () => ordered.flatMap((state) => (state.part!.names ??= [...new Set(chunksOf(state).flatMap((c) => namesBeforePlaceNouns(`${c.title} ${c.normText}`)))]));
    const romanised = () => romanisedVocabulary([...new Set([...keyword.vocabulary(), ...names()])].sort(), mayNamePlace);
    writer.write('romanised.txt', previousFile('romanised.txt') ?? romanised().join('\n') + '\n');
    // (After the romanised names: a part they read from its chunks is written with them.)
    writer.write('parts.jsonl', JSON.stringify({ tokenizer: tokenizerKey() }) + '\n' + ordered.map((s) => JSON.stringify(s.part)).join('\n') + '\n');
    writer.write('keyword.bin', keyword.serialize());
    // English → Chinese lexicon restricted to this corpus's words: built once here, so answering
    // never loads the 5 MB dictionary.
    // (A lexicon from before its latest field — the gloss words, after the everyday words — is built again, so that it
    // has them.)
    const previousLexicon = previousFile('english.json');
    const lexiconCurrent = previousLexicon !== null && 'words' in (JSON.parse(previousLexicon.toString('utf8')) as object);
    // (From CC-CEDICT as compiled once and kept in CEDICT_CACHE_DIR: ~0.3 s instead of ~4 s.)
    let cedict: CompiledCedict | null = null;
    const dictionary = async () => (cedict ??= await loadCompiledCedict(config.cedictCacheDir, run.logger));
    let words: Set<string> | null = null;
    const vocabulary = () => (words ??= new Set(keyword.vocabulary()));
    writer.write('english.json', lexiconCurrent ? previousLexicon : JSON.stringify(buildEnglishLexicon(vocabulary(), await dictionary())));
    // Chinese words no document uses → the corpus words CC-CEDICT gives their senses (麦子 → 小麦): for Chinese
    // questions, in a file of their own so that they never wait for the lexicon.
    writer.write('paraphrases.json', (lexiconCurrent ? previousFile('paraphrases.json') : null) ?? JSON.stringify(buildParaphrases((t) => vocabulary().has(t), await dictionary())));
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
      splitters: splitterVersions(),
      tokenizer: TOKENIZER_VERSION,
      embedding: report.vectors ? signature : null,
      counts: { documents: entries.length, chunks: lines.length },
      documents: entries,
    });
    report.documents = entries.length;
    report.chunks = lines.length;
    report.wrote = true;
    report.generation = writer.dir;
    const secs = Math.max(0.001, (performance.now() - run.started) / 1000);
    options.progress?.({ files: run.changed.length, totalFiles: run.changed.length, chunks: lines.length, chunksPerSecond: lines.length / secs });
  } catch (err) {
    writer.abandon();
    throw err;
  }
  try {
    pruneGenerations(config.indexDir);
  } catch (err) {
    run.logger.warn('ingest.prune_generations_failed', { error: err });
  }
};

/** Both vocabularies hold the same words with a Chinese character (the ones romanisation and the lexicon read). */
function sameChineseWords(a: readonly string[], b: readonly string[]): boolean {
  const han = (words: readonly string[]) => words.filter((w) => /\p{Script=Han}/u.test(w));
  const x = han(a);
  const y = new Set(han(b));
  return x.length === y.size && x.every((w) => y.has(w));
}

/** A chunk's tokens as the keyword index counts them. */
function countTokens(tokens: string[]): DocumentCounts {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { length: tokens.length, terms: [...tf] };
}

/** The ingest, as the list of steps it runs; a step may end the run early (nothing changed). */
const STEPS: readonly Step[] = [loadPreviousStep, discoverStep, readStep, pruneStep, decideStep, resplitStep, embedStep, writeStep];

export async function ingest(config: CoreConfig, options: IngestOptions, logger: Logger): Promise<IngestReport> {
  const started = performance.now();
  const release = acquireIngestLock(config.indexDir);
  try {
    const run: IngestRun = {
      config,
      options,
      logger,
      started,
      report: { added: [], updated: [], unchanged: [], removed: [], rejected: [], dropped: [], documents: 0, chunks: 0, embedded: 0, tokenized: 0, vectors: false, wrote: false, generation: null, ms: 0 },
      signature: options.embedder ? modelSignature(options.embedder) : null,
      previous: null,
      splitSame: false,
      docs: new Map(),
      toRead: [],
      toFetch: [],
      seenIds: new Set(),
      changed: [],
      done: false,
    };
    for (const step of STEPS) {
      await step(run);
      if (run.done) break;
    }
    run.report.ms = performance.now() - started;
    return run.report;
  } finally {
    release();
  }
}

/** One line of `ingest --dry-run`: a chunk, or a block left out and why. */
export type PreviewRecord =
  | { doc: string; title: string; text: string; subhead?: string; kind: string; format: string; date?: string; url?: string }
  | { doc: string; dropped: string; reason: string }
  | { doc: string; rejected: string; reason: string };

/** Reads and splits the given paths like `ingest` does, and writes nothing. */
export async function* preview(config: Pick<CoreConfig, 'chunkSize' | 'chunkOverlap' | 'fetch'>, paths: string[]): AsyncGenerator<PreviewRecord> {
  for (const p of paths) {
    if (isUrl(p)) {
      const doc = await fetchDocument(p.trim(), undefined, config.fetch);
      if ('unchanged' in doc) continue;
      yield* previewDocument(doc, config);
      continue;
    }
    const abs = path.resolve(p);
    const root = isDirectory(abs) ? abs : path.dirname(abs);
    const { files, rejected } = await discoverFiles([abs]);
    for (const r of rejected) yield { doc: r.path, rejected: r.path, reason: r.reason };
    for (const file of files) yield* previewDocument(await readDocument(file, root), config);
  }
}

function* previewDocument(doc: ReadDocument | RejectedFile, config: Pick<CoreConfig, 'chunkSize' | 'chunkOverlap'>): Generator<PreviewRecord> {
  if ('reason' in doc) {
    yield { doc: doc.path, rejected: doc.path, reason: doc.reason };
    return;
  }
  const split = splitDocument(doc, config);
  for (const c of split.chunks) {
    yield { doc: doc.id, title: c.title, ...(c.subhead ? { subhead: c.subhead } : {}), text: c.text, kind: split.kind, format: doc.format, ...(doc.date ? { date: doc.date } : {}), ...(doc.url ? { url: doc.url } : {}) };
  }
  for (const d of split.dropped) yield { doc: doc.id, dropped: d.text, reason: d.reason };
  if (!split.chunks.length) yield { doc: doc.id, rejected: doc.path, reason: noChunksReason(split) };
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
    const lines = fs.readFileSync(path.join(gen, 'chunks.jsonl'), 'utf8').split('\n').filter(Boolean);
    let vectors: Float32Array[] | null = null;
    if (manifest.embedding && !damaged.includes('vectors.f32')) {
      try {
        vectors = readVectors(gen, manifest.embedding.dims, lines.length);
      } catch (err) {
        logger.warn('ingest.previous_vectors_unreadable', { error: err });
      }
    }
    if (damaged.length) logger.warn('ingest.previous_files_damaged', { generation: gen, files: damaged });
    const reusable = ['parts.jsonl', 'keyword.bin', 'terms.txt'].every((f) => manifest.files[f] && !damaged.includes(f)) && manifest.tokenizer === TOKENIZER_VERSION;
    let parts: Map<string, DocumentPart> | null = null;
    let keyword: Bm25Index | null = null;
    let terms = new Set<string>();
    if (reusable) {
      try {
        const [head, ...partLines] = fs.readFileSync(path.join(gen, 'parts.jsonl'), 'utf8').split('\n').filter(Boolean);
        if ((JSON.parse(head) as { tokenizer?: string }).tokenizer === tokenizerKey()) {
          parts = new Map(partLines.map((l) => JSON.parse(l) as DocumentPart).map((p) => [p.id, p]));
          keyword = Bm25Index.load(path.join(gen, 'keyword.bin'));
          if (keyword.size !== lines.length) throw new Error(`keyword.bin holds ${keyword.size} chunks, chunks.jsonl ${lines.length}`);
          terms = new Set(fs.readFileSync(path.join(gen, 'terms.txt'), 'utf8').split('\n').map((l) => l.split(' ')[0]).filter(Boolean));
        }
      } catch (err) {
        logger.warn('ingest.previous_parts_unreadable', { error: err });
        parts = null;
        keyword = null;
      }
    }
    return { manifest, dir: gen, lines, vectors, damaged, parts, keyword, terms };
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

function sameVersions(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  // An index written before splitters were recorded was cut by the newspaper splitter alone.
  // A reader whose version the previous index lacks read its files otherwise: they are read again.
  const before = a ?? { newspaper: b.newspaper };
  return Object.keys(b).every((k) => (!(k in before) && !k.startsWith('format:')) || before[k] === b[k]) && Object.keys(before).every((k) => k in b);
}
