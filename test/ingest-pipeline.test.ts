// Incremental ingest through its public seam `ingest(config, options, logger)`, on a copy of the
// seed pages in a temp dir, embedding with the generated tiny BERT model (real transformers.js).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { createTransformersEmbedder, type TransformersEmbedder } from '../src/embed/transformers.js';
import { ingest } from '../src/ingest/pipeline.js';
import { loadIndex } from '../src/index/open.js';
import { acquireIngestLock, currentGeneration, IndexError, readChunks, readManifest, type Manifest } from '../src/index/store.js';
import { childEnv, countingEmbedder, lexicalEnv, makeTempCorpus, REPO_ROOT, SEED_FILES, tinyModelEnv, type CountingEmbedder, type TempCorpus } from './support/corpus.js';
import { TINY_MODEL_DIMS } from './fixtures/tiny-model.js';
import { patience, until } from './support/limits.js';

const logger = createMemoryLogger();

function liveManifest(config: CoreConfig): Manifest {
  return readManifest(currentGeneration(config.indexDir)!);
}

function vectorRows(config: CoreConfig, docId: string): Buffer {
  const gen = currentGeneration(config.indexDir)!;
  const manifest = readManifest(gen);
  const entry = manifest.documents.find((d) => d.id === docId)!;
  const rowBytes = manifest.embedding!.dims * 4;
  return fs.readFileSync(path.join(gen, 'vectors.f32')).subarray(entry.first * rowBytes, (entry.first + entry.count) * rowBytes);
}

function generations(indexDir: string): string[] {
  return fs.readdirSync(indexDir).filter((n) => n.startsWith('gen-'));
}

describe('incremental ingest with the tiny model', () => {
  let corpus: TempCorpus;
  let config: CoreConfig;
  let model: TransformersEmbedder;
  let embedder: CountingEmbedder;
  const run = (options: { prune?: boolean; paths?: string[] } = {}) => ingest(config, { paths: options.paths ?? [corpus.corpusDir], prune: options.prune, embedder }, logger);

  beforeAll(async () => {
    corpus = makeTempCorpus({ prefix: 'ingest-incremental-' });
    config = loadCoreConfig(tinyModelEnv(corpus));
    model = await createTransformersEmbedder(config.embedding, logger);
    embedder = countingEmbedder(model);
  });
  afterAll(async () => {
    await model?.dispose();
    corpus?.remove();
  });

  it('first run indexes the five seed pages with vectors, and the manifest says how they were embedded', async () => {
    const report = await run();
    expect(report.added).toEqual(SEED_FILES);
    expect(report.rejected).toEqual([]);
    expect(report.wrote).toBe(true);
    expect(report.vectors).toBe(true);
    expect(report.documents).toBe(5);
    expect(report.chunks).toBeGreaterThan(50);
    expect(report.embedded).toBe(report.chunks);
    expect(embedder.documents).toHaveLength(report.chunks);

    const manifest = liveManifest(config);
    expect(manifest.embedding).toMatchObject({ model: 'test/tiny-bert', dims: TINY_MODEL_DIMS, pooling: 'mean' });
    expect(manifest.counts).toEqual({ documents: 5, chunks: report.chunks });
    const gen = currentGeneration(config.indexDir)!;
    expect(fs.statSync(path.join(gen, 'vectors.f32')).size).toBe(report.chunks * TINY_MODEL_DIMS * 4);
    expect(fs.statSync(path.join(gen, 'vectors.hnsw')).size).toBeGreaterThan(0);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['chunks.jsonl', 'keyword.bin', 'terms.txt', 'vectors.f32', 'vectors.hnsw']));
    // Every file of the generation is checksummed (the manifest cannot list itself).
    expect(Object.keys(manifest.files).sort()).toEqual(fs.readdirSync(gen).filter((n) => n !== 'manifest.json').sort());
    expect(new Set(readChunks(gen).map((c) => c.docId))).toEqual(new Set(SEED_FILES));
  });

  it('a second run on the unchanged corpus embeds nothing and writes no generation', async () => {
    const before = currentGeneration(config.indexDir);
    const gens = generations(config.indexDir);
    embedder.reset();
    const report = await run();
    expect(report.embedded).toBe(0);
    expect(embedder.calls).toBe(0);
    expect(report.wrote).toBe(false);
    expect(report.unchanged).toEqual(SEED_FILES);
    expect(report.added).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(currentGeneration(config.indexDir)).toBe(before);
    expect(generations(config.indexDir)).toEqual(gens);
  });

  it('changing one page re-embeds only its chunks; the other pages keep their vectors byte for byte', async () => {
    const changedId = SEED_FILES[0];
    const keptId = SEED_FILES[1];
    const keptVectors = vectorRows(config, keptId);
    fs.appendFileSync(path.join(corpus.corpusDir, changedId), '\n\n社区服务站新增周六上午的延时服务，居民可以在周六办理高龄津贴申请。\n');
    embedder.reset();

    const report = await run();
    expect(report.updated).toEqual([changedId]);
    expect(report.unchanged).toEqual(SEED_FILES.slice(1));
    const entry = liveManifest(config).documents.find((d) => d.id === changedId)!;
    expect(report.embedded).toBe(entry.count);
    expect(embedder.documents).toHaveLength(entry.count);
    expect(embedder.documents.some((t) => t.includes('延时服务'))).toBe(true);
    expect(vectorRows(config, keptId).equals(keptVectors)).toBe(true);
  });

  it('a new .md file in a subfolder is added under its relative path and only it is embedded', async () => {
    fs.mkdirSync(path.join(corpus.corpusDir, 'notices'));
    fs.writeFileSync(
      path.join(corpus.corpusDir, 'notices', 'library.md'),
      '# 市图书馆延长开放时间\n\n自下月起，市图书馆每周二至周日开放到晚上九点，读者凭身份证即可免费办理借书卡。\n',
    );
    embedder.reset();
    const report = await run();
    expect(report.added).toEqual(['notices/library.md']);
    expect(report.updated).toEqual([]);
    const manifest = liveManifest(config);
    const entry = manifest.documents.find((d) => d.id === 'notices/library.md')!;
    expect(entry.titles).toContain('市图书馆延长开放时间');
    expect(report.embedded).toBe(entry.count);
    expect(embedder.calls).toBeGreaterThan(0);
    expect(manifest.counts.documents).toBe(6);
  });

  it('a deleted file stays indexed until --prune, which removes it without embedding anything', async () => {
    const goneId = SEED_FILES[4];
    fs.rmSync(path.join(corpus.corpusDir, goneId));
    embedder.reset();

    const kept = await run();
    expect(kept.wrote).toBe(false);
    expect(liveManifest(config).documents.map((d) => d.id)).toContain(goneId);

    const pruned = await run({ prune: true });
    expect(pruned.removed).toEqual([goneId]);
    expect(pruned.embedded).toBe(0);
    expect(embedder.calls).toBe(0);
    const gen = currentGeneration(config.indexDir)!;
    expect(readManifest(gen).documents.map((d) => d.id)).not.toContain(goneId);
    expect(readChunks(gen).some((c) => c.docId === goneId)).toBe(false);
    // The published index is consistent: vectors and chunk table line up.
    const index = loadIndex(config, model, logger);
    expect(index.vectors?.size).toBe(index.chunks.length);
    expect(index.warnings).toEqual([]);
  });

  it('an embedder that fails mid-run leaves the previous index live and loadable; the next run completes', async () => {
    const before = currentGeneration(config.indexDir);
    const gensBefore = generations(config.indexDir);
    fs.appendFileSync(path.join(corpus.corpusDir, SEED_FILES[2]), '\n\n新开通的公交专线每天早上七点发车，老年人持卡免费乘坐。\n');
    fs.appendFileSync(path.join(corpus.corpusDir, SEED_FILES[3]), '\n\n社区食堂为八十岁以上老人提供免费午餐。\n');
    const failing = countingEmbedder(model, { failAfter: 20 });
    await expect(ingest(config, { paths: [corpus.corpusDir], embedder: failing }, logger)).rejects.toThrow(/simulated crash/);

    expect(currentGeneration(config.indexDir)).toBe(before);
    expect(generations(config.indexDir)).toEqual(gensBefore);
    expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(false);
    const index = loadIndex(config, model, logger);
    expect(index.chunks.some((c) => c.text.includes('公交专线'))).toBe(false);

    embedder.reset();
    const report = await run();
    expect(report.updated).toEqual([SEED_FILES[2], SEED_FILES[3]]);
    expect(report.wrote).toBe(true);
    expect(loadIndex(config, model, logger).chunks.some((c) => c.text.includes('公交专线'))).toBe(true);
  });

  it('a plain re-run repairs a damaged derived file instead of reporting "no changes"', async () => {
    const gen = currentGeneration(config.indexDir)!;
    fs.truncateSync(path.join(gen, 'keyword.bin'), 10);
    embedder.reset();
    const report = await run();
    expect(report.wrote).toBe(true);
    expect(report.embedded).toBe(0);
    expect(loadIndex(config, model, logger).warnings).toEqual([]);
  });
});

describe('bad files', () => {
  let corpus: TempCorpus;
  beforeAll(() => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'ingest-bad-' });
  });
  afterAll(() => corpus?.remove());

  it('are reported by name and skipped; good files, GB18030 ones included, are ingested', async () => {
    const dir = corpus.corpusDir;
    fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    fs.writeFileSync(path.join(dir, 'empty.md'), '  \n\n');
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x80, 0x81, 0xff]));
    fs.writeFileSync(path.join(dir, 'gbk.txt'), gb18030('社区医院周末照常开诊。'));
    const config = loadCoreConfig(lexicalEnv(corpus));
    const report = await ingest(config, { paths: [dir], embedder: null }, logger);

    const rejected = Object.fromEntries(report.rejected.map((r) => [path.basename(r.path), r.reason]));
    expect(rejected['photo.txt']).toMatch(/binary/);
    expect(rejected['empty.md']).toMatch(/empty/);
    expect(rejected['latin1.txt']).toMatch(/UTF-8|GB18030/);
    expect(report.added).toEqual(['gbk.txt', ...SEED_FILES.slice(0, 2)].sort());
    expect(report.wrote).toBe(true);
    const manifest = liveManifest(config);
    expect(manifest.documents.find((d) => d.id === 'gbk.txt')?.encoding).toBe('gb18030');
    expect(readChunks(currentGeneration(config.indexDir)!).some((c) => c.text.includes('周末照常开诊'))).toBe(true);
  });
});

describe('a corpus with nothing readable', () => {
  it('is refused with a message naming the folder and the skipped files, and publishes nothing', async () => {
    const corpus = makeTempCorpus({ seeds: [], prefix: 'ingest-empty-' });
    try {
      fs.writeFileSync(path.join(corpus.corpusDir, 'blank.txt'), '\n\n');
      const config = loadCoreConfig(lexicalEnv(corpus));
      const error = await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IndexError);
      expect((error as IndexError).code).toBe('INDEX_EMPTY');
      expect((error as IndexError).message).toContain(corpus.corpusDir);
      expect((error as IndexError).message).toMatch(/blank\.txt \(empty file\)/);
      expect(currentGeneration(config.indexDir)).toBeNull();
      expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(false);
    } finally {
      corpus.remove();
    }
  });
});

/** Encodes a string as GB18030 by searching the decoder's table (Node has no GB18030 encoder). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const bytes: number[] = [];
  for (const ch of text) {
    let found: number[] | null = null;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (decoder.decode(Uint8Array.of(hi, lo)) === ch) {
          found = [hi, lo];
          break;
        }
      }
    }
    if (!found) throw new Error(`no GB18030 code for ${ch}`);
    bytes.push(...found);
  }
  return Buffer.from(bytes);
}

describe('the ingest lock', () => {
  let corpus: TempCorpus;
  let config: CoreConfig;
  beforeAll(() => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 1), prefix: 'ingest-lock-' });
    config = loadCoreConfig(lexicalEnv(corpus));
  });
  afterAll(() => corpus?.remove());

  it('refuses a second ingest in the same process while one runs', async () => {
    const results = await Promise.allSettled([
      ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger),
      ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(IndexError);
    expect(failure.reason.code).toBe('INDEX_LOCKED');
    expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(false);
  });

  it('refuses while another live process holds the lock, naming its pid', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(config.indexDir, '.ingest.lock'), `${holder.pid}\nabc\n`);
      const error = await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IndexError);
      expect((error as IndexError).message).toContain(`pid ${holder.pid}`);
      expect(fs.readFileSync(path.join(config.indexDir, '.ingest.lock'), 'utf8')).toBe(`${holder.pid}\nabc\n`);
    } finally {
      holder.kill('SIGKILL');
      fs.rmSync(path.join(config.indexDir, '.ingest.lock'), { force: true });
    }
  });

  it('takes over a stale lock: a dead pid, or this pid left by an earlier process (pid reuse)', async () => {
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    for (const pid of [dead.pid, process.pid]) {
      fs.writeFileSync(path.join(config.indexDir, '.ingest.lock'), `${pid}\nstale\n`);
      const release = acquireIngestLock(config.indexDir);
      expect(fs.readFileSync(path.join(config.indexDir, '.ingest.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n[0-9a-f]+\\n$`));
      expect(() => acquireIngestLock(config.indexDir)).toThrow(IndexError);
      release();
      expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(false);
    }
  });
});

describe('a crash mid-ingest (kill -9 of `npm run ingest`)', () => {
  let corpus: TempCorpus;
  afterAll(() => corpus?.remove());

  it('leaves the previous index usable, blocks a concurrent ingest while it runs, and the next ingest takes over', async () => {
    corpus = makeTempCorpus({ prefix: 'ingest-crash-' });
    const env = tinyModelEnv(corpus);
    const config = loadCoreConfig(env);
    const model = await createTransformersEmbedder(config.embedding, logger);
    try {
      await ingest(config, { paths: [corpus.corpusDir], embedder: model }, logger);
      const previous = currentGeneration(config.indexDir);
      // Enough new text that embedding takes several seconds.
      for (let i = 0; i < 12; i++) {
        for (const seed of SEED_FILES) {
          const text = fs.readFileSync(path.join(corpus.corpusDir, seed), 'utf8');
          fs.writeFileSync(path.join(corpus.corpusDir, `copy${i}_${seed}`), `第${i}份副本\n\n${text}`);
        }
      }

      const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['src/cli/ingest.ts'], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`ingest printed no progress: ${stderr}`)), patience());
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (/ingest: \d+\/\d+ files/.test(stderr)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });

      // While it runs: a second ingest is refused.
      const concurrent = await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger).catch((e: unknown) => e);
      expect((concurrent as IndexError).code).toBe('INDEX_LOCKED');

      // tsx runs the script in a child node process: the lock names the process doing the work.
      const worker = Number(fs.readFileSync(path.join(config.indexDir, '.ingest.lock'), 'utf8').split('\n')[0]);
      expect(worker).toBeGreaterThan(0);
      process.kill(worker, 'SIGKILL');
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await waitFor(() => !isAlive(worker));
      expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(true);
      expect(currentGeneration(config.indexDir)).toBe(previous);
      const index = loadIndex(config, model, logger);
      expect(index.manifest.counts.documents).toBe(5);
      expect(index.keyword.search(index.tokenizer.tokens('露天巷的巷道'), 3).length).toBeGreaterThan(0);

      const report = await ingest(config, { paths: [corpus.corpusDir], embedder: model }, logger);
      expect(report.wrote).toBe(true);
      expect(report.documents).toBe(65);
      expect(report.unchanged).toHaveLength(5);
      expect(fs.existsSync(path.join(config.indexDir, '.ingest.lock'))).toBe(false);
      expect(loadIndex(config, model, logger).chunks.length).toBe(report.chunks);
    } finally {
      await model.dispose();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  await until(condition, 'the condition');
}
