// Test helpers for the core: a copy of the seed pages in a temp dir, env objects that point the
// app at it (config reads only what it is given), and an embedder wrapper that counts work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../../src/config.js';
import type { SignedEmbedder } from '../../src/embed/transformers.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../fixtures/tiny-model.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const SEED_FILES = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

export interface TempCorpus {
  /** The temp folder holding everything below. */
  root: string;
  corpusDir: string;
  indexDir: string;
  dbPath: string;
  /** Where model files would be looked for / cached (kept inside root so nothing leaks). */
  cacheDir: string;
  remove(): void;
}

/** A temp folder with a copy of the seed pages (or the given subset) in `corpus/`. */
export function makeTempCorpus(options: { seeds?: string[]; prefix?: string } = {}): TempCorpus {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'core-test-'));
  const corpusDir = path.join(root, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const name of options.seeds ?? SEED_FILES) fs.copyFileSync(path.join(SEEDS_DIR, name), path.join(corpusDir, name));
  return {
    root,
    corpusDir,
    indexDir: path.join(root, 'index'),
    dbPath: path.join(root, 'bot.sqlite'),
    cacheDir: path.join(root, 'model-cache'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Env for a lexical-only app: EMBEDDING_MODEL=none, nothing read from the real environment. */
export function lexicalEnv(corpus: TempCorpus, extra: Env = {}): Env {
  return {
    CORPUS_DIR: corpus.corpusDir,
    INDEX_DIR: corpus.indexDir,
    DB_PATH: corpus.dbPath,
    MODEL_CACHE_DIR: corpus.cacheDir,
    MODEL_LOCAL_PATH: path.join(corpus.root, 'models'),
    ALLOW_REMOTE_MODELS: 'false',
    EMBEDDING_MODEL: 'none',
    ...extra,
  };
}

/** Env for the generated tiny BERT model (written by the global test setup), loaded offline. */
export function tinyModelEnv(corpus: TempCorpus, extra: Env = {}): Env {
  return lexicalEnv(corpus, {
    EMBEDDING_MODEL: TINY_MODEL_ID,
    MODEL_LOCAL_PATH: TINY_MODEL_ROOT,
    EMBEDDING_POOLING: 'mean',
    ...extra,
  });
}

/** Env for a model that cannot load here (no files, downloads off): the lexical fallback. */
export function missingModelEnv(corpus: TempCorpus, extra: Env = {}): Env {
  return lexicalEnv(corpus, { EMBEDDING_MODEL: 'nobody/no-such-model', ...extra });
}

/** Env for a child process: PATH and HOME from this process, everything else from `env`. */
export function childEnv(env: Env): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env } as NodeJS.ProcessEnv;
}

export interface CountingEmbedder extends SignedEmbedder {
  /** Texts passed to embedDocuments, in order. */
  readonly documents: string[];
  /** Calls to embedDocuments. */
  calls: number;
  reset(): void;
}

/**
 * Wraps a real embedder to count the work asked of it; `failAfter` makes embedDocuments throw
 * once that many texts have been embedded (a crash in the middle of an ingest).
 */
export function countingEmbedder(inner: SignedEmbedder, options: { failAfter?: number } = {}): CountingEmbedder {
  const documents: string[] = [];
  const wrapper: CountingEmbedder = {
    modelId: inner.modelId,
    dims: inner.dims,
    pooling: inner.pooling,
    queryPrefix: inner.queryPrefix,
    passagePrefix: inner.passagePrefix,
    dtype: inner.dtype,
    documents,
    calls: 0,
    embedQuery: (text) => inner.embedQuery(text),
    async embedDocuments(texts) {
      wrapper.calls++;
      if (options.failAfter !== undefined && documents.length + texts.length > options.failAfter) {
        throw new Error(`simulated crash after ${documents.length} embedded texts`);
      }
      documents.push(...texts);
      return inner.embedDocuments(texts);
    },
    reset() {
      documents.length = 0;
      wrapper.calls = 0;
    },
  };
  return wrapper;
}
