// Incremental ingest from per-document parts: after one document changes, the index built from the
// previous build's parts and counts is the same index a full rebuild makes — same chunks, corpus
// dictionary, place names and BM25 statistics — while unchanged files are neither read nor tokenised.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { ingest } from '../src/ingest/pipeline.js';
import { Bm25Index } from '../src/index/keyword.js';
import { currentGeneration, sha256 } from '../src/index/store.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, type TempCorpus } from './support/corpus.js';

const logger = createMemoryLogger();
let incremental: TempCorpus;
let full: TempCorpus;
let incConfig: CoreConfig;
let fullConfig: CoreConfig;

const file = (gen: string, name: string) => fs.readFileSync(path.join(gen, name), 'utf8');
const sortedCounts = (gen: string) => Bm25Index.load(path.join(gen, 'keyword.bin')).termCounts().map((d) => ({ length: d.length, terms: [...d.terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) }));

beforeAll(() => {
  incremental = makeTempCorpus({ prefix: 'incr-a-' });
  full = makeTempCorpus({ prefix: 'incr-b-' });
  incConfig = loadCoreConfig(lexicalEnv(incremental));
  fullConfig = loadCoreConfig(lexicalEnv(full));
});
afterAll(() => {
  incremental?.remove();
  full?.remove();
});

describe('one changed document', () => {
  it('gives the same index as a full rebuild', async () => {
    await ingest(incConfig, { paths: [incremental.corpusDir], embedder: null }, logger);
    // Files older than the build are recognised by size and time, not read again.
    const old = new Date(Date.now() - 60_000);
    for (const name of SEED_FILES) fs.utimesSync(path.join(incremental.corpusDir, name), old, old);
    await ingest(incConfig, { paths: [incremental.corpusDir], embedder: null }, logger);

    // A new name in the changed page ("“银发食堂”" is quoted: a corpus term) changes how other texts may be cut.
    const addition = '\n\n“银发食堂”今年在射阳新开三家，六十岁以上老人凭卡就餐，每餐减免两元。\n';
    for (const dir of [incremental.corpusDir, full.corpusDir]) fs.appendFileSync(path.join(dir, SEED_FILES[2]), addition);
    const report = await ingest(incConfig, { paths: [incremental.corpusDir], embedder: null }, logger);
    expect(report.updated).toEqual([SEED_FILES[2]]);
    expect(report.unchanged).toHaveLength(SEED_FILES.length - 1);
    // Only the changed page is tokenised; the others keep their rows of the previous keyword index.
    expect(report.tokenized).toBe(1);
    await ingest(fullConfig, { paths: [full.corpusDir], embedder: null, rebuild: true }, logger);

    const a = currentGeneration(incConfig.indexDir)!;
    const b = currentGeneration(fullConfig.indexDir)!;
    for (const name of ['chunks.jsonl', 'terms.txt', 'places.txt']) expect(file(a, name), name).toBe(file(b, name));
    expect(file(a, 'terms.txt')).toContain('银发食堂');
    expect(sortedCounts(a)).toEqual(sortedCounts(b));
    const ka = Bm25Index.load(path.join(a, 'keyword.bin'));
    const kb = Bm25Index.load(path.join(b, 'keyword.bin'));
    for (const q of [['银发食堂'], ['社区', '助理'], ['食堂', '老人', '就餐']]) expect(ka.search(q, 5)).toEqual(kb.search(q, 5));
    expect(new Set(file(a, 'romanised.txt').split('\n'))).toEqual(new Set(file(b, 'romanised.txt').split('\n')));
  });

  it('an unreadable parts file only costs a full re-tokenisation, never a wrong index', async () => {
    const gen = currentGeneration(incConfig.indexDir)!;
    fs.writeFileSync(path.join(gen, 'parts.jsonl'), 'garbage');
    fs.appendFileSync(path.join(incremental.corpusDir, SEED_FILES[0]), '\n\n社区服务中心周六照常开放。\n');
    fs.appendFileSync(path.join(full.corpusDir, SEED_FILES[0]), '\n\n社区服务中心周六照常开放。\n');
    const report = await ingest(incConfig, { paths: [incremental.corpusDir], embedder: null }, logger);
    expect(report.tokenized).toBe(SEED_FILES.length);
    await ingest(fullConfig, { paths: [full.corpusDir], embedder: null, rebuild: true }, logger);
    const a = currentGeneration(incConfig.indexDir)!;
    const b = currentGeneration(fullConfig.indexDir)!;
    expect(file(a, 'terms.txt')).toBe(file(b, 'terms.txt'));
    expect(sortedCounts(a)).toEqual(sortedCounts(b));
  });
});

describe('parts from before the names written before a neighbourhood noun (锦都 of 锦都小区)', () => {
  it('are read from their chunks when the romanised names are built again, and written with them', async () => {
    const corpus = makeTempCorpus({ prefix: 'incr-names-' });
    try {
      const config = loadCoreConfig(lexicalEnv(corpus));
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
      // The previous build's parts as an older ingest wrote them: no names (their checksum kept valid).
      const gen = currentGeneration(config.indexDir)!;
      const [head, ...parts] = file(gen, 'parts.jsonl').split('\n').filter(Boolean);
      expect(parts.some((l) => (JSON.parse(l) as { names?: string[] }).names?.includes('锦都'))).toBe(true);
      const old = [head, ...parts.map((l) => JSON.stringify({ ...JSON.parse(l), names: undefined }))].join('\n') + '\n';
      fs.writeFileSync(path.join(gen, 'parts.jsonl'), old);
      const manifest = JSON.parse(file(gen, 'manifest.json')) as { files: Record<string, { sha256: string; bytes: number }> };
      manifest.files['parts.jsonl'] = { sha256: sha256(old), bytes: Buffer.byteLength(old) };
      fs.writeFileSync(path.join(gen, 'manifest.json'), JSON.stringify(manifest, null, 1));
      // Another page gains a word: the romanised names are built again, the page with 锦都 is not tokenised.
      const other = SEED_FILES.find((f) => !fs.readFileSync(path.join(corpus.corpusDir, f), 'utf8').includes('锦都'))!;
      fs.appendFileSync(path.join(corpus.corpusDir, other), '\n\n“银发食堂”今年新开三家。\n');
      const report = await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
      expect(report.tokenized).toBe(1);
      const next = currentGeneration(config.indexDir)!;
      expect(file(next, 'romanised.txt').split('\n')).toContain('jindu');
      expect(file(next, 'parts.jsonl').split('\n').filter(Boolean).slice(1).some((l) => (JSON.parse(l) as { names?: string[] }).names?.includes('锦都'))).toBe(true);
    } finally {
      corpus.remove();
    }
  });
});

describe('an English lexicon from before its latest field (its gloss words)', () => {
  it('is built again when the Chinese words are unchanged, so that it has them', async () => {
    const corpus = makeTempCorpus({ prefix: 'incr-lex-' });
    try {
      const config = loadCoreConfig(lexicalEnv(corpus));
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
      // The previous build's lexicon as an older ingest wrote it: no gloss words (its checksum kept valid).
      const gen = currentGeneration(config.indexDir)!;
      const lexicon = JSON.parse(file(gen, 'english.json')) as Record<string, unknown>;
      expect(lexicon.words).toBeDefined();
      delete lexicon.words;
      const old = JSON.stringify(lexicon);
      fs.writeFileSync(path.join(gen, 'english.json'), old);
      const manifest = JSON.parse(file(gen, 'manifest.json')) as { files: Record<string, { sha256: string; bytes: number }> };
      manifest.files['english.json'] = { sha256: sha256(old), bytes: Buffer.byteLength(old) };
      fs.writeFileSync(path.join(gen, 'manifest.json'), JSON.stringify(manifest, null, 1));
      // A page changed without new words (a blank line): the previous lexicon would otherwise be reused as it is.
      fs.appendFileSync(path.join(corpus.corpusDir, SEED_FILES[0]), '\n\n');
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
      const next = currentGeneration(config.indexDir)!;
      expect(next).not.toBe(gen);
      expect(JSON.parse(file(next, 'english.json')).words).toEqual(expect.arrayContaining(['reduction']));
    } finally {
      corpus.remove();
    }
  });
});

describe('CC-CEDICT compiled once', () => {
  it('is kept in CEDICT_CACHE_DIR: a document with new words rebuilds the lexicon from it without compiling again, and a damaged file is compiled again', async () => {
    const corpus = makeTempCorpus({ prefix: 'incr-cedict-', seeds: [SEED_FILES[0]] });
    const own = createMemoryLogger();
    const compiledEvents = () => own.lines.filter((l) => l.includes('cedict_cache.compiled')).length;
    const cacheDir = path.join(corpus.root, 'cedict-cache');
    const cached = () => fs.readdirSync(cacheDir).filter((n) => n.startsWith('cedict-')).sort();
    const lexiconKeys = () => Object.keys((JSON.parse(file(currentGeneration(config.indexDir)!, 'english.json')) as { entries: object }).entries);
    const config = loadCoreConfig(lexicalEnv(corpus, { CEDICT_CACHE_DIR: cacheDir }));
    try {
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, own);
      expect(compiledEvents()).toBe(1);
      expect(cached()).toHaveLength(1);
      expect(lexiconKeys()).not.toContain('table tennis');
      // A page with words the corpus did not use: its lexicon is built again — from the compiled file.
      fs.writeFileSync(path.join(corpus.corpusDir, 'pingpong.txt'), '社区乒乓球室\n\n社区乒乓球室每周六上午开放，居民凭卡免费使用。\n');
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, own);
      expect(lexiconKeys()).toContain('table tennis');
      expect(compiledEvents()).toBe(1);
      // A damaged file (cut short) is compiled again, with a warning, and replaced; older compiled files go.
      const [name] = cached();
      fs.writeFileSync(path.join(cacheDir, name!), '{"format":"compiled-cedict/1","terms":[');
      const old = new Date(Date.now() - 60_000);
      for (const stale of ['cedict-older.json', 'cedict-oldest.json']) fs.writeFileSync(path.join(cacheDir, stale), '{}');
      fs.utimesSync(path.join(cacheDir, 'cedict-oldest.json'), new Date(old.getTime() - 60_000), new Date(old.getTime() - 60_000));
      fs.utimesSync(path.join(cacheDir, 'cedict-older.json'), old, old);
      fs.writeFileSync(path.join(corpus.corpusDir, 'badminton.txt'), '社区羽毛球馆\n\n社区羽毛球馆每周日全天开放，居民凭卡免费使用。\n');
      await ingest(config, { paths: [corpus.corpusDir], embedder: null }, own);
      expect(own.lines.filter((l) => l.includes('cedict_cache.unusable'))).toHaveLength(1);
      expect(compiledEvents()).toBe(2);
      expect(lexiconKeys()).toEqual(expect.arrayContaining(['table tennis', 'badminton']));
      expect(cached()).toEqual(['cedict-older.json', name!].sort());
      expect(() => JSON.parse(fs.readFileSync(path.join(cacheDir, name!), 'utf8'))).not.toThrow();
    } finally {
      corpus.remove();
    }
  });
});
