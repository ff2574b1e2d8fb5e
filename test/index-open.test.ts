// Opening an index for answering: model mismatch refused, damaged files detected by checksum,
// derived files (keyword postings, HNSW graph) rebuilt in memory, the chunk table never guessed.
// One index is built with the tiny model; each test damages its own copy.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { createTransformersEmbedder, type TransformersEmbedder } from '../src/embed/transformers.js';
import { ingest } from '../src/ingest/pipeline.js';
import { loadIndex } from '../src/index/open.js';
import { currentGeneration, IndexError, REBUILD_HINT } from '../src/index/store.js';
import { openApp } from '../src/app.js';
import { lexicalEnv, makeTempCorpus, tinyModelEnv, type TempCorpus } from './support/corpus.js';

const logger = createMemoryLogger();
const QUESTION = '露天巷的巷道有多长？';
const LUTIAN_DOC = '001_dce2b776d6aca6c3.txt';

let corpus: TempCorpus;
let config: CoreConfig;
let model: TransformersEmbedder;
let copies = 0;

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'index-open-' });
  config = loadCoreConfig(tinyModelEnv(corpus));
  model = await createTransformersEmbedder(config.embedding, logger);
  await ingest(config, { paths: [corpus.corpusDir], embedder: model }, logger);
});
afterAll(async () => {
  await model?.dispose();
  corpus?.remove();
});

/** A private copy of the built index; returns its env (tiny model) and the live generation folder. */
function copyIndex(extra: Record<string, string> = {}) {
  const indexDir = path.join(corpus.root, `index-copy-${++copies}`);
  fs.cpSync(corpus.indexDir, indexDir, { recursive: true });
  const env = tinyModelEnv(corpus, { INDEX_DIR: indexDir, DB_PATH: path.join(corpus.root, `copy-${copies}.sqlite`), ...extra });
  return { env, config: loadCoreConfig(env), gen: currentGeneration(indexDir)! };
}

function flipByte(file: string, at: number): void {
  const data = fs.readFileSync(file);
  data[at] ^= 0xff;
  fs.writeFileSync(file, data);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

describe('model mismatch', () => {
  it('an index built with test/tiny-bert is refused under another EMBEDDING_MODEL, naming the fix', async () => {
    const { env, config: other } = copyIndex({ EMBEDDING_MODEL: 'other/model' });
    const error = thrown(() => loadIndex(other, null, logger)) as IndexError;
    expect(error).toBeInstanceOf(IndexError);
    expect(error.code).toBe('INDEX_MISMATCH');
    expect(error.message).toContain('test/tiny-bert');
    expect(error.message).toContain('other/model');
    expect(error.message).toContain('npm run ingest -- --rebuild');
    // The app refuses to start on it too, with the same message.
    await expect(openApp({ env, logger, autoIngest: false })).rejects.toThrow(/npm run ingest -- --rebuild/);
  });

  it('the same model with another pooling or query prefix is refused too (its vectors would not match)', () => {
    const variants: Record<string, string>[] = [{ EMBEDDING_POOLING: 'cls' }, { EMBEDDING_QUERY_PREFIX: 'query: ' }];
    for (const extra of variants) {
      const { config: other } = copyIndex(extra);
      const error = thrown(() => loadIndex(other, model, logger)) as IndexError;
      expect(error.code).toBe('INDEX_MISMATCH');
      expect(error.message).toContain('npm run ingest -- --rebuild');
    }
  });

  it('EMBEDDING_MODEL=none opens a vector index lexical-only', () => {
    const { config: none } = copyIndex({ EMBEDDING_MODEL: 'none' });
    const index = loadIndex(none, null, logger);
    expect(index.vectors).toBeNull();
    expect(index.chunks.length).toBe(index.manifest.counts.chunks);
  });
});

describe('damaged files', () => {
  it('a truncated keyword.bin is rebuilt in memory with a warning, and answers stay right', async () => {
    const { env, gen } = copyIndex();
    fs.truncateSync(path.join(gen, 'keyword.bin'), 100);
    const app = await openApp({ env, logger, autoIngest: false });
    try {
      expect(app.warnings.join('\n')).toMatch(/keyword index was damaged and has been rebuilt/);
      const response = await app.service.ask({ question: QUESTION, mode: 'lexical' });
      expect(response.retrieval.mode).toBe('lexical');
      expect(response.answer).toContain('500米');
      expect(response.sources[0].doc).toBe(LUTIAN_DOC);
    } finally {
      await app.close();
    }
  });

  it('a corrupted chunks.jsonl is refused with an IndexError that says how to rebuild', async () => {
    const { env, config: copy, gen } = copyIndex();
    flipByte(path.join(gen, 'chunks.jsonl'), 500);
    const error = thrown(() => loadIndex(copy, model, logger)) as IndexError;
    expect(error).toBeInstanceOf(IndexError);
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toContain('chunks.jsonl');
    expect(error.message).toContain(REBUILD_HINT);
    await expect(openApp({ env, logger, autoIngest: false })).rejects.toThrow(/npm run ingest -- --rebuild/);
  });

  it('a damaged vectors.hnsw is rebuilt from vectors.f32: same neighbours as the intact graph', async () => {
    const intact = loadIndex(config, model, logger);
    const { config: copy, gen } = copyIndex();
    const file = path.join(gen, 'vectors.hnsw');
    const size = fs.statSync(file).size;
    for (let at = 200; at < size; at += 97) flipByte(file, at);
    const rebuilt = loadIndex(copy, model, logger);
    expect(rebuilt.warnings.join('\n')).toMatch(/HNSW graph was damaged and has been rebuilt/);
    expect(rebuilt.vectors!.size).toBe(intact.chunks.length);
    const query = await model.embedQuery(QUESTION);
    expect(rebuilt.vectors!.search(query, 5).map((h) => h.chunkIndex)).toEqual(intact.vectors!.search(query, 5).map((h) => h.chunkIndex));
  });

  /** A copy of the index whose lexicon does not parse, its checksum kept valid (as a faulty older build could write it): unknown at open, said in the log when read. */
  const withUnparsableLexicon = () => {
    const copy = copyIndex();
    const broken = '{"format": "english-lexicon/1", "entries": ';
    fs.writeFileSync(path.join(copy.gen, 'english.json'), broken);
    const manifestFile = path.join(copy.gen, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
    manifest.files['english.json'] = { sha256: createHash('sha256').update(broken).digest('hex'), bytes: Buffer.byteLength(broken) };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
    return copy;
  };

  it('the English lexicon is read when an English question first needs it: a Chinese question never waits for it', async () => {
    const { env } = withUnparsableLexicon();
    const own = createMemoryLogger();
    const unusable = () => own.lines.filter((l) => l.includes('index.lexicon_unusable')).length;
    const app = await openApp({ env, logger: own, autoIngest: false });
    try {
      const zh = await app.service.ask({ question: QUESTION, mode: 'lexical' });
      expect(zh.answer).toContain('500米');
      expect(unusable()).toBe(0);
      // The first English question reads it: it cannot be used, said once in the log, and the question is still answered.
      const en = await app.service.ask({ question: 'How long is the alley in Lutian Lane?', mode: 'lexical' });
      expect(en.answer.length).toBeGreaterThan(0);
      await app.service.ask({ question: 'How long is the alley?', mode: 'lexical' });
      expect(unusable()).toBe(1);
    } finally {
      await app.close();
    }
    // Read through the index itself, it is no lexicon, and its warnings say so.
    const index = loadIndex(loadCoreConfig(env), model, logger);
    expect(index.warnings.join('\n')).not.toMatch(/English lexicon/);
    expect(index.lexicon).toBeNull();
    expect(index.warnings.join('\n')).toMatch(/The English lexicon cannot be used/);
    // A lexicon damaged on disk is known at open, by its checksum.
    const damaged = copyIndex();
    flipByte(path.join(damaged.gen, 'english.json'), 100);
    expect(loadIndex(damaged.config, model, logger).warnings.join('\n')).toMatch(/The English lexicon cannot be used \(checksum mismatch\)/);
  });

  it('opened warm (the chat adapters), a generation builds its English mapper — reading the lexicon — as it loads, before any question', async () => {
    const { env } = withUnparsableLexicon();
    const own = createMemoryLogger();
    const count = (event: string) => own.lines.filter((l) => l.includes(event)).length;
    const app = await openApp({ env, logger: own, autoIngest: false, warm: true });
    try {
      // (The warming was queued as the generation loaded: one turn of the event loop later it has run.)
      await new Promise((resolve) => setImmediate(resolve));
      expect(count('index.warmed')).toBe(1);
      expect(count('index.lexicon_unusable')).toBe(1);
      // The first English question finds it built: nothing is read again, and it is answered.
      const en = await app.service.ask({ question: 'How long is the alley in Lutian Lane?', mode: 'lexical' });
      expect(en.answer.length).toBeGreaterThan(0);
      expect(count('index.lexicon_unusable')).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('paraphrases.json (Chinese words no document uses → the corpus words for them) is read on first use; missing (an older index) or damaged, there are none, said once in the log', () => {
    const { config: fresh, gen } = copyIndex();
    const paraphrases = JSON.parse(fs.readFileSync(path.join(gen, 'paraphrases.json'), 'utf8')) as Record<string, string[]>;
    expect(Object.keys(paraphrases).length).toBeGreaterThan(0);
    expect(Object.values(paraphrases).flat().every((t) => /^[\u4e00-\u9fff]+$/.test(t))).toBe(true);
    expect(loadIndex(fresh, model, logger).paraphrases).toEqual(paraphrases);
    // (Their bytes are read with the generation: a later ingest that prunes it does not take them from a loaded index.)
    const pruned = copyIndex();
    const loaded = loadIndex(pruned.config, model, logger);
    fs.rmSync(path.join(pruned.gen, 'paraphrases.json'));
    expect(loaded.paraphrases).toEqual(paraphrases);
    const older = copyIndex();
    fs.rmSync(path.join(older.gen, 'paraphrases.json'));
    expect(loadIndex(older.config, model, logger).paraphrases).toBeNull();
    const damaged = copyIndex();
    flipByte(path.join(damaged.gen, 'paraphrases.json'), 1);
    const own = createMemoryLogger();
    const index = loadIndex(damaged.config, model, own);
    expect(index.paraphrases).toBeNull();
    expect(index.paraphrases).toBeNull();
    expect(own.lines.filter((l) => l.includes('index.paraphrases_unusable'))).toHaveLength(1);
  });

  it('damaged vectors.f32 makes retrieval lexical-only, said in a warning', () => {
    const { config: copy, gen } = copyIndex();
    flipByte(path.join(gen, 'vectors.f32'), 1000);
    const index = loadIndex(copy, model, logger);
    expect(index.vectors).toBeNull();
    expect(index.warnings.join('\n')).toMatch(/lexical-only/);
  });

  it('an unreadable manifest and a missing index both name the command that fixes them', () => {
    const { config: copy, gen } = copyIndex();
    fs.writeFileSync(path.join(gen, 'manifest.json'), '{"format": 1, "files": ');
    const corrupt = thrown(() => loadIndex(copy, model, logger)) as IndexError;
    expect(corrupt.code).toBe('INDEX_CORRUPT');
    expect(corrupt.message).toContain('npm run ingest -- --rebuild');

    const empty = loadCoreConfig(lexicalEnv(corpus, { INDEX_DIR: path.join(corpus.root, 'no-index-here') }));
    const missing = thrown(() => loadIndex(empty, null, logger)) as IndexError;
    expect(missing.code).toBe('INDEX_MISSING');
    expect(missing.message).toContain('npm run ingest');
  });
});
