// Opens the live index generation for answering: checks the manifest against the configured model,
// verifies file checksums, and rebuilds derived files (keyword postings, HNSW graph) in memory from
// the stored chunks and vectors when those are damaged, instead of answering from garbage.
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, Embedder } from '../ports.js';
import type { CoreConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { ChineseTokenizer } from '../text/tokenize.js';
import { validateEnglishLexicon, validateParaphrases, type EnglishLexicon, type Paraphrases } from '../lang/english.js';
import { Bm25Index } from './keyword.js';
import { HnswVectorIndex } from './vector.js';
import { indexedText, indexTokenizer } from './tokens.js';
import { corruptFiles, currentGeneration, IndexError, readChunks, readManifest, readVectors, REBUILD_HINT, type Manifest } from './store.js';

export interface LoadedIndex {
  generation: string;
  manifest: Manifest;
  chunks: Chunk[];
  tokenizer: ChineseTokenizer;
  /** English → Chinese lexicon restricted to the corpus vocabulary (null when missing or damaged); read on first use. */
  readonly lexicon: EnglishLexicon | null;
  /** Chinese words no document uses → the corpus words for them (null when missing or damaged: none); read on first use. */
  readonly paraphrases: Paraphrases | null;
  keyword: Bm25Index;
  vectors: HnswVectorIndex | null;
  /** Corpus names (places, programmes) from the segmentation dictionary. */
  terms: string[];
  /** Place names found in the corpus by the stock dictionary (忻州, 射阳). */
  places: string[];
  /** Romanised spellings of the corpus's words. */
  romanised: Set<string>;
  warnings: string[];
}

/** Whether some document of the index uses the word beside any of the others (in any of its chunks). */
export function usedTogether(index: Pick<LoadedIndex, 'chunks' | 'keyword'>): (word: string, others: readonly string[]) => boolean {
  return (word, others) => {
    const docs = new Set<string>();
    for (const row of index.keyword.chunksWith(word)) docs.add(index.chunks[row].docId);
    if (!docs.size) return false;
    return others.some((other) => Array.from(index.keyword.chunksWith(other)).some((row) => docs.has(index.chunks[row].docId)));
  };
}

export function indexExists(indexDir: string): boolean {
  return currentGeneration(indexDir) !== null;
}

export function loadIndex(config: CoreConfig, embedder: Embedder | null, logger: Logger): LoadedIndex {
  const gen = currentGeneration(config.indexDir);
  if (!gen || !fs.existsSync(gen)) {
    throw new IndexError('INDEX_MISSING', `No index in ${config.indexDir}. Run \`npm run ingest\` to build it from ${config.corpusDir}.`);
  }
  const manifest = readManifest(gen);
  const warnings: string[] = [];

  // An index embedded with one model and queried with another returns garbage silently: refuse.
  const wanted = config.embedding.model;
  if (manifest.embedding && wanted && manifest.embedding.model !== wanted) {
    throw new IndexError(
      'INDEX_MISMATCH',
      `The index was built with embedding model ${manifest.embedding.model} (${manifest.embedding.dims}-d) but EMBEDDING_MODEL is ${wanted}. ` +
        `Run \`npm run ingest -- --rebuild\` to re-embed with ${wanted}, or set EMBEDDING_MODEL=${manifest.embedding.model}.`,
    );
  }
  // Same model, embedded differently (pooling, prefixes): the query vectors would not match either.
  if (manifest.embedding && wanted) {
    const built = manifest.embedding;
    const now = config.embedding;
    const differences = [
      built.pooling !== now.pooling && `pooling ${built.pooling} → EMBEDDING_POOLING=${now.pooling}`,
      built.queryPrefix !== now.queryPrefix && `query prefix ${JSON.stringify(built.queryPrefix)} → EMBEDDING_QUERY_PREFIX=${JSON.stringify(now.queryPrefix)}`,
      built.passagePrefix !== now.passagePrefix && `passage prefix ${JSON.stringify(built.passagePrefix)} → EMBEDDING_PASSAGE_PREFIX=${JSON.stringify(now.passagePrefix)}`,
    ].filter(Boolean);
    if (differences.length) {
      throw new IndexError(
        'INDEX_MISMATCH',
        `The index was embedded with ${built.model} differently from the current settings (${differences.join('; ')}). ` +
          'Run `npm run ingest -- --rebuild` to re-embed with the current settings, or restore the settings the index was built with.',
      );
    }
  }
  if (embedder && manifest.embedding && embedder.dims !== manifest.embedding.dims) {
    throw new IndexError('INDEX_MISMATCH', `The index holds ${manifest.embedding.dims}-d vectors but ${embedder.modelId} produces ${embedder.dims}-d. Run \`npm run ingest -- --rebuild\`.`);
  }

  const bad = new Set(corruptFiles(gen, manifest));
  if (bad.has('chunks.jsonl')) {
    throw new IndexError('INDEX_CORRUPT', `The index file ${path.join(gen, 'chunks.jsonl')} is damaged (checksum mismatch); answers would come from garbage. ${REBUILD_HINT}`);
  }
  const chunks = readChunks(gen);
  const terms = bad.has('terms.txt') ? [] : readTerms(gen);
  if (bad.has('terms.txt')) warnings.push('The segmentation dictionary (terms.txt) is damaged; using the default dictionary.');
  const tokenizer = indexTokenizer(terms);
  const places = bad.has('places.txt') ? [] : readLines(gen, 'places.txt');
  const romanised = new Set(bad.has('romanised.txt') ? [] : readLines(gen, 'romanised.txt'));
  // The English lexicon (a megabyte of JSON with CC-CEDICT's gloss words) is parsed when an English question first
  // needs it: a Chinese question's cold start does not wait for it. A damaged file is known now, by its checksum.
  const lexiconUnusable = (reason: string) =>
    warnings.push(`The English lexicon cannot be used (${reason}); English questions match only glossary terms and names. ${REBUILD_HINT}`);
  const readLexicon = onFirstUse(
    () => generationFile(gen, 'english.json', bad),
    validateEnglishLexicon,
    lexiconUnusable,
    (reason) => {
      lexiconUnusable(reason);
      logger.warn('index.lexicon_unusable', { generation: gen, error: reason });
    },
  );
  // Chinese words no document uses → the corpus words for them: parsed when a question first needs them. Missing in an
  // index built before them (Chinese questions read only the curated synonyms until the next ingest).
  const paraphrasesUnusable = (reason: string) => logger.warn('index.paraphrases_unusable', { generation: gen, error: reason });
  const readParaphrases = onFirstUse(
    () => (fs.existsSync(path.join(gen, 'paraphrases.json')) ? generationFile(gen, 'paraphrases.json', bad) : null),
    validateParaphrases,
    paraphrasesUnusable,
    paraphrasesUnusable,
  );

  let keyword: Bm25Index;
  if (bad.has('keyword.bin')) {
    logger.warn('index.keyword_rebuilt', { generation: gen, reason: 'checksum mismatch' });
    warnings.push(`The keyword index was damaged and has been rebuilt in memory from the stored chunks. ${REBUILD_HINT}`);
    keyword = Bm25Index.build(chunks.map((c) => tokenizer.tokens(indexedText(c))));
  } else {
    keyword = Bm25Index.deserialize(fs.readFileSync(path.join(gen, 'keyword.bin')));
  }

  let vectors: HnswVectorIndex | null = null;
  if (manifest.embedding && embedder) {
    const dims = manifest.embedding.dims;
    if (bad.has('vectors.f32')) {
      warnings.push(`The stored vectors are damaged; retrieval is lexical-only until the index is rebuilt. ${REBUILD_HINT}`);
      logger.error('index.vectors_corrupt', { generation: gen });
    } else if (bad.has('vectors.hnsw')) {
      logger.warn('index.hnsw_rebuilt', { generation: gen, reason: 'checksum mismatch' });
      warnings.push('The HNSW graph was damaged and has been rebuilt in memory from the stored vectors.');
      vectors = HnswVectorIndex.build(readVectors(gen, dims, chunks.length), dims);
      vectors.setEf(config.retrieval.hnswEf);
    } else {
      vectors = HnswVectorIndex.load(path.join(gen, 'vectors.hnsw'), dims, chunks.length, config.retrieval.hnswEf);
    }
  } else if (!manifest.embedding && wanted && embedder) {
    warnings.push(`The index has no vectors (it was built without an embedding model); run \`npm run ingest -- --rebuild\` to add ${wanted}.`);
  }
  return {
    generation: gen,
    manifest,
    chunks,
    tokenizer,
    get lexicon() {
      return readLexicon();
    },
    get paraphrases() {
      return readParaphrases();
    },
    keyword,
    vectors,
    terms,
    places,
    romanised,
    warnings,
  };
}

/** A file of the generation as text; a damaged one (by its checksum) throws. */
function generationFile(gen: string, name: string, bad: ReadonlySet<string>): string {
  if (bad.has(name)) throw new Error('checksum mismatch');
  return fs.readFileSync(path.join(gen, name), 'utf8');
}

/**
 * A JSON file of the generation: its bytes read now, with the generation's other files (a later ingest may prune the
 * generation), and parsed when first asked for. null where `read` finds none, or where it cannot be read
 * (`unreadable`, said now) or parsed (`unparsable`, said once).
 */
function onFirstUse<T>(read: () => string | null, parse: (value: unknown) => T, unreadable: (reason: string) => void, unparsable: (reason: string) => void): () => T | null {
  let text: string | null = null;
  try {
    text = read();
  } catch (err) {
    unreadable((err as Error).message);
  }
  let value: T | null | undefined = text === null ? null : undefined;
  return () => {
    if (value !== undefined) return value;
    try {
      value = parse(JSON.parse(text!));
    } catch (err) {
      value = null;
      unparsable((err as Error).message);
    }
    text = null;
    return value;
  };
}

function readLines(gen: string, name: string): string[] {
  try {
    return fs.readFileSync(path.join(gen, name), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function readTerms(gen: string): string[] {
  try {
    return fs
      .readFileSync(path.join(gen, 'terms.txt'), 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter(Boolean);
  } catch {
    return [];
  }
}
