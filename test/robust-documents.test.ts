// Bad documents in one ingest: each is reported by name (or indexed, when it is text), the rest is
// ingested, and the result answers questions. Also: a damaged SQLite store is refused with a message
// that says what to do, never overwritten. (kill -9 mid-ingest, the ingest lock and damaged index
// files are covered in ingest-pipeline.test.ts and index-open.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig } from '../src/config.js';
import { createMemoryLogger, type Logger } from '../src/log.js';
import { ingest, type IngestReport } from '../src/ingest/pipeline.js';
import { currentGeneration, readChunks, readManifest } from '../src/index/store.js';
import { openApp } from '../src/app.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, SEEDS_DIR, type TempCorpus } from './support/corpus.js';

const GBK_PHRASE = '城南街道便民服务中心每周六上午为老年人办理公交卡';
/** Big enough to show ingest time grows linearly (~1 s/MB here); 50 MB runs in `npm run stress`. */
const BIG_MB = 12;

/** GB18030 bytes of `text`, found through the decoder's table (Node has no GB18030 encoder). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

/** A logger that runs `hook` on each event: the seam that deletes a file while ingest is under way. */
function hookedLogger(inner: Logger, hook: (event: string, fields?: Record<string, unknown>) => void): Logger {
  const wrap = (level: keyof Logger) => (event: string, fields?: Record<string, unknown>) => {
    inner[level](event, fields);
    hook(event, fields);
  };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

describe('one ingest meets every kind of bad document', () => {
  let corpus: TempCorpus;
  let report: IngestReport;
  let rssGrowthMb = 0;
  const logger = createMemoryLogger();
  const seedText = fs.readFileSync(path.join(SEEDS_DIR, SEED_FILES[1]), 'utf8');

  beforeAll(async () => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'robust-docs-' });
    const dir = corpus.corpusDir;
    // Sorted order is read order: "a-" files are read before "z-" ones.
    fs.writeFileSync(path.join(dir, 'a-empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe, 0x00, 0x10]));
    fs.writeFileSync(path.join(dir, 'gbk.txt'), gb18030(`便民服务通知\n\n${GBK_PHRASE}，请携带身份证。\n`));
    fs.writeFileSync(path.join(dir, 'one-line.txt'), seedText.replace(/\s+/g, '').repeat(Math.ceil(1_000_000 / seedText.length)).slice(0, 1_000_000 / 3));
    fs.writeFileSync(path.join(dir, 'dup-a.txt'), seedText);
    fs.writeFileSync(path.join(dir, 'dup-b.txt'), seedText);
    let big = '';
    for (let i = 0; Buffer.byteLength(big) < BIG_MB * 1024 * 1024; i++) big += `第${i}期\n\n${seedText}\n\n`;
    fs.writeFileSync(path.join(dir, 'big.txt'), big);
    fs.writeFileSync(path.join(dir, 'z-gone.txt'), '这份文件在读取之前被删除了。\n');

    // Delete z-gone.txt after discovery, while ingest reads the files before it.
    const deleting = hookedLogger(logger, (event, fields) => {
      if (event === 'ingest.rejected' && String(fields?.file).endsWith('a-empty.txt')) fs.rmSync(path.join(dir, 'z-gone.txt'), { force: true });
    });
    const config = loadCoreConfig(lexicalEnv(corpus));
    const rssBefore = process.memoryUsage().rss;
    report = await ingest(config, { paths: [dir], embedder: null }, deleting);
    rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
  });
  afterAll(() => corpus?.remove());

  it('reports empty, binary and deleted-while-ingesting files by name, with the reason', () => {
    const rejected = Object.fromEntries(report.rejected.map((r) => [path.basename(r.path), r.reason]));
    expect(Object.keys(rejected).sort()).toEqual(['a-empty.txt', 'binary.txt', 'z-gone.txt']);
    expect(rejected['a-empty.txt']).toMatch(/empty/);
    expect(rejected['binary.txt']).toMatch(/binary/);
    expect(rejected['z-gone.txt']).toMatch(/deleted or moved while reading/);
  });

  it('ingests the rest: seeds, GB18030, the 1 MB line, both duplicates and the big file', () => {
    expect(report.added).toEqual([...SEED_FILES.slice(0, 2), 'big.txt', 'dup-a.txt', 'dup-b.txt', 'gbk.txt', 'one-line.txt'].sort());
    const manifest = readManifest(currentGeneration(corpus.indexDir)!);
    expect(manifest.documents.find((d) => d.id === 'gbk.txt')?.encoding).toBe('gb18030');
  });

  it(`a ${BIG_MB} MB file and a 1 MB line are chunked to bounded sizes, in bounded memory`, () => {
    const chunks = readChunks(currentGeneration(corpus.indexDir)!);
    const line = chunks.filter((c) => c.docId === 'one-line.txt');
    expect(line.length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThan(2000);
    expect(chunks.filter((c) => c.docId === 'big.txt').length).toBeGreaterThan(10_000);
    console.info(`[robust-documents] ingest of ${BIG_MB} MB + 1 MB line + seeds: RSS +${Math.round(rssGrowthMb)} MB, ${chunks.length} chunks`);
    expect(rssGrowthMb).toBeLessThan(1500);
  });

  it('duplicate content under two names: both are indexed, each citable under its own name', () => {
    const manifest = readManifest(currentGeneration(corpus.indexDir)!);
    const a = manifest.documents.find((d) => d.id === 'dup-a.txt')!;
    const b = manifest.documents.find((d) => d.id === 'dup-b.txt')!;
    expect(a.hash).toBe(b.hash);
    expect(a.count).toBe(b.count);
    expect(a.count).toBeGreaterThan(0);
  });

  it('the GB18030 text is decoded, not mojibake: its phrase is searchable and quoted in the answer', async () => {
    const app = await openApp({ env: lexicalEnv(corpus), logger, autoIngest: false });
    try {
      const response = await app.service.ask({ question: '城南街道便民服务中心周六上午给老年人办理什么？' });
      expect(response.sources[0].doc).toBe('gbk.txt');
      expect(response.sources[0].text).toContain(GBK_PHRASE);
      expect(response.answer).toContain('公交卡');
    } finally {
      await app.close();
    }
  });
});

describe('a damaged interaction store (SQLite)', () => {
  let corpus: TempCorpus;
  beforeAll(async () => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 1), prefix: 'robust-db-' });
    await ingest(loadCoreConfig(lexicalEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
  });
  afterAll(() => corpus?.remove());

  it('a garbage DB file: the bot refuses to start, says which file and what to do, and leaves the file as it was', async () => {
    const garbage = Buffer.from('this is not a database, but someone may need these bytes back '.repeat(200));
    fs.writeFileSync(corpus.dbPath, garbage);
    const error = (await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), autoIngest: false }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(corpus.dbPath);
    expect(error.message).toMatch(/not a database/);
    expect(error.message).toMatch(/point the store at a new file/);
    expect(fs.readFileSync(corpus.dbPath).equals(garbage)).toBe(true);
  });

  it('a truncated DB file: refused at start, or answers continue and the failure is logged once (never a crash)', async () => {
    const good = path.join(corpus.root, 'good.sqlite');
    const app = await openApp({ env: lexicalEnv(corpus, { DB_PATH: good }), logger: createMemoryLogger(), autoIngest: false });
    for (let i = 0; i < 200; i++) await app.service.ask({ question: `露天巷有多长？${i}`, channel: 'telegram', chatId: 'c' });
    await app.close();
    const bytes = fs.readFileSync(good);
    const truncated = path.join(corpus.root, 'truncated.sqlite');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const logger = createMemoryLogger();
    const opened = await openApp({ env: lexicalEnv(corpus, { DB_PATH: truncated }), logger, autoIngest: false }).catch((e: unknown) => e as Error);
    if (opened instanceof Error) {
      expect(opened.message).toContain(truncated);
      return;
    }
    try {
      for (let i = 0; i < 5; i++) {
        const response = await opened.service.ask({ question: '露天巷有多长？', channel: 'telegram', chatId: 'c' });
        expect(response.answer).toContain('500米');
      }
      const failures = logger.lines.filter((l) => /store\.(write|read)_/.test(l));
      expect(failures.length).toBeLessThanOrEqual(2);
    } finally {
      await opened.close();
    }
  });
});
