// Document kinds through the public seams: readDocument → splitDocument (the splitter the kind
// table picks), ingest() for rejections, and `npm run ingest -- --dry-run --json` as users run it.
import { markdownReader } from '../src/ingest/formats/markdown.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { chunkArticles } from '../src/ingest/chunk.js';
import { splitPage } from '../src/ingest/pages.js';
import { ingest, splitDocument, type PreviewRecord } from '../src/ingest/pipeline.js';
import { readDocument } from '../src/ingest/read.js';
import type { ReadDocument } from '../src/ingest/model.js';
import { currentGeneration, readChunks, readManifest } from '../src/index/store.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, SEEDS_DIR, type TempCorpus } from './support/corpus.js';
import { runTs } from './support/spawn-ts.js';
import { VENUES_NOTICE } from './support/documents.js';

const NOTICE = `某区民政局关于2024年高龄津贴发放工作的通知

各街道办事处、镇人民政府：

为做好2024年度高龄津贴发放工作，现将有关事项通知如下。

一、发放对象

本区户籍、年满60周岁的老年人。

二、发放标准

60至69周岁每月50元；
70至79周岁每月100元；
80周岁以上每月300元。

三、申请材料

（一）身份证；
（二）居住证明；
（三）银行卡复印件。

四、办理地点

各街道便民服务中心，咨询电话：0351-1234567。

某区民政局
2024年3月1日
`;

const ENGLISH_TXT = `Notice: Library Opening Hours

The central library on Park Road is open every day of the week.
Opening hours are Monday to Saturday 9 am to 8 pm,
and Sunday 10 am to 4 pm.

Residents can borrow up to ten books with a free library card.
`;

// An information sheet whose section headings sit right above their text (no blank line), some numbered.
const ENGLISH_SHEET = `Water and Gas Accounts: A Guide for New Residents

Who must register
Every household moving into a flat registers its water account within 30 days.

Opening hours
Monday to Friday: 9 am to 5 pm
Saturday: 9 am to noon

5. Paying bills
Pay bills in the mini-program or at the service hall. A late fee of 0.1% is charged for each day.

6. Emergencies (24 hours)
Gas leak: 96777. Leave the flat first, then call.
`;

const ENGLISH_MD = `# Waste Collection Guide

Published: 12 March 2024

## Recycling

- Paper and cardboard are collected every Tuesday.
- Glass bottles go in the green bin.

## Bulky items

Call the service line to book a free pickup of furniture.
`;

// A Chinese service page with headings that are not numbered 一、二、 and field lines, sign-off and date at the end.
const CANTEEN = `桂园社区食堂开业啦！

青石区文昌街道桂园社区食堂于2026年11月16日正式开业，面向全体居民开放。

供餐时间
早餐：6:30—8:30
午餐：11:00—13:00

价格
1．早餐
人均5元左右。
2．午餐
一荤两素12元，两荤两素16元。
60周岁以上老人凭身份证每餐减2元，80周岁以上每餐减4元。

办理材料：
1．身份证
2．户口簿
3．近期照片
收费标准：不收费
咨询电话：0765-8376 1102

文昌街道办事处
2026年11月16日
`;

let root: string;
let config: CoreConfig;
const file = (name: string) => path.join(root, name);

async function read(name: string): Promise<ReadDocument> {
  const doc = await readDocument(file(name), root);
  if ('reason' in doc) throw new Error(`${name} rejected: ${doc.reason}`);
  return doc;
}

/** Every line of body text must be inside some chunk's text (nothing lost). */
function expectAllInChunks(lines: string[], chunks: { text: string }[]): void {
  const all = chunks.map((c) => c.text.replace(/\s+/g, ' ')).join('\n');
  for (const line of lines) expect(all, `"${line}" is in no chunk`).toContain(line.replace(/\s+/g, ' '));
}

const ENGLISH_DIRECTORY = `Hospitals with English-Language Services

Linxi Municipal Health Commission, updated June 2026

Linxi First People's Hospital — International Medical Services Centre
Address: 5th floor, Outpatient Building, 18 Jiankang Road, Qingshi District
Appointments: 0765-8301 2120 (English and Chinese)
Consultation fee at the international clinic: 100 yuan per visit

Linxi Women and Children's Hospital
Address: 66 Xincheng Road, Nanhu District
`;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinds-'));
  fs.writeFileSync(file('notice.txt'), NOTICE);
  fs.writeFileSync(file('venues.txt'), VENUES_NOTICE);
  fs.writeFileSync(file('hours.txt'), ENGLISH_TXT);
  fs.writeFileSync(file('sheet.txt'), ENGLISH_SHEET);
  fs.writeFileSync(file('directory.txt'), ENGLISH_DIRECTORY);
  fs.writeFileSync(file('waste.md'), ENGLISH_MD);
  config = loadCoreConfig({ CHUNK_SIZE: '320', CHUNK_OVERLAP: '60', INDEX_DIR: path.join(root, 'index') });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the numbered notice', () => {
  it('is split as a notice: its title is the notice title, short list lines and the sign-off stay body text', async () => {
    const split = splitDocument(await read('notice.txt'), config);
    expect(split.kind).toBe('notice');
    const titles = new Set(split.chunks.map((c) => c.title));
    expect([...titles]).toEqual(['某区民政局关于2024年高龄津贴发放工作的通知']);
    const standard = split.chunks.find((c) => c.text.includes('60至69周岁每月50元'))!;
    expect(standard.subhead).toBe('二、发放标准');
    expect(standard.text).toContain('80周岁以上每月300元');
    expectAllInChunks(NOTICE.split('\n').filter((l) => l.trim() && !l.startsWith('某区民政局关于') && !/^[一二三四]、/.test(l)), split.chunks);
  });

  it('keeps numbered items with their section and reads the date under the sign-off', async () => {
    const split = splitDocument(await read('notice.txt'), config);
    const materials = split.chunks.filter((c) => c.text.includes('居住证明'));
    expect(materials).toHaveLength(1);
    expect(materials[0].subhead).toBe('三、申请材料');
    expect(materials[0].text).toContain('（一）身份证');
    expect(materials[0].text).toContain('（三）银行卡复印件');
    expect(split.doc.date).toBe('2024-03-01');
    expect(split.chunks.every((c) => c.date === '2024-03-01')).toBe(true);
  });

  it('an item whose line only names it heads the lines under it, inside its section; items side by side stay a list', async () => {
    const split = splitDocument(await read('venues.txt'), config);
    expect(split.kind).toBe('notice');
    const subheadOf = (needle: string) => split.chunks.find((c) => c.text.includes(needle))?.subhead;
    expect(subheadOf('成人单次25元')).toBe('二、市体育中心 / 1．游泳馆');
    expect(subheadOf('年卡1500元')).toBe('二、市体育中心 / 3．健身房');
    expect(subheadOf('体育路5号')).toBe('二、市体育中心');
    // (The swimming pool's fares are not read with the gym's cards.)
    expect(split.chunks.find((c) => c.text.includes('成人单次25元'))!.text).not.toContain('年卡');
    // 1．身份证 / 2．一寸照片 are the lines of a list, not headings with nothing under them.
    expect(subheadOf('一寸照片')).toBe('三、办卡须带');
    expect(split.chunks.find((c) => c.text.includes('一寸照片'))!.text).toContain('1．身份证');
  });
});

describe('English documents', () => {
  it('a plain-text notice gives chunks under its own title, with every sentence in one', async () => {
    const split = splitDocument(await read('hours.txt'), config);
    expect(split.kind).toBe('plain');
    expect(split.chunks.length).toBeGreaterThan(0);
    expect(split.chunks[0].title).toBe('Notice: Library Opening Hours');
    expectAllInChunks(['The central library on Park Road is open every day of the week.', 'and Sunday 10 am to 4 pm.', 'Residents can borrow up to ten books with a free library card.'], split.chunks);
  });

  it('a heading line right above its text heads a section, numbered or not; a list of hours stays together', async () => {
    const split = splitDocument(await read('sheet.txt'), config);
    expect(split.kind).toBe('plain');
    const subheadOf = (needle: string) => split.chunks.find((c) => c.text.includes(needle))?.subhead;
    expect(subheadOf('Every household')).toBe('Who must register');
    expect(subheadOf('Saturday: 9 am to noon')).toBe('Opening hours');
    expect(subheadOf('A late fee')).toBe('5. Paying bills');
    expect(subheadOf('Gas leak')).toBe('6. Emergencies (24 hours)');
    // The heading is not read into the sentence after it.
    expect(split.chunks.some((c) => /Paying bills Pay|register Every/.test(c.text.replace(/\s+/g, ' ')))).toBe(false);
    expect(split.chunks.find((c) => c.text.includes('Monday to Friday'))!.text).toContain('Saturday: 9 am to noon');
  });

  it("a directory entry's name line heads the field lines under it (Address: …), however long the name", async () => {
    const split = splitDocument(await read('directory.txt'), config);
    expect(split.kind).toBe('plain');
    const subheadOf = (needle: string) => split.chunks.find((c) => c.text.includes(needle))?.subhead;
    expect(subheadOf('5th floor')).toBe("Linxi First People's Hospital — International Medical Services Centre");
    expect(subheadOf('66 Xincheng Road')).toBe("Linxi Women and Children's Hospital");
    expectAllInChunks(ENGLISH_DIRECTORY.split('\n').filter((l) => l.trim() && !/^(Hospitals with|Linxi First|Linxi Women)/.test(l)), split.chunks);
  });

  it('a Markdown notice is split under its headings, list items kept, date read from "Published:"', async () => {
    const split = splitDocument(await read('waste.md'), config);
    expect(split.kind).toBe('structured');
    expect(split.chunks.map((c) => c.title)).toEqual(split.chunks.map(() => 'Waste Collection Guide'));
    expect(split.chunks.find((c) => c.text.includes('Glass bottles'))!.subhead).toBe('Recycling');
    expect(split.chunks.find((c) => c.text.includes('furniture'))!.subhead).toBe('Bulky items');
    expect(split.doc.date).toBe('2024-03-12');
  });
});

describe('a Chinese guide without numbered sections', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinds-guide-'));
    fs.writeFileSync(path.join(dir, 'canteen.txt'), CANTEEN);
    fs.writeFileSync(path.join(dir, 'page.txt'), `${CANTEEN}\n本报记者 李明\n编辑：王芳\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const readHere = async (name: string) => {
    const doc = await readDocument(path.join(dir, name), dir);
    if ('reason' in doc) throw new Error(`${name} rejected: ${doc.reason}`);
    return doc;
  };

  it('is not cut like a newspaper page: its opening line is the title, short lines head sections, and no line is dropped', async () => {
    const split = splitDocument(await readHere('canteen.txt'), config);
    expect(split.kind).toBe('guide');
    expect(split.dropped).toEqual([]);
    expect(new Set(split.chunks.map((c) => c.title))).toEqual(new Set(['桂园社区食堂开业啦！']));
    const subheadOf = (needle: string) => split.chunks.find((c) => c.text.includes(needle))?.subhead;
    expect(subheadOf('午餐：11:00—13:00')).toBe('供餐时间');
    // A numbered short line heads an item inside its section.
    expect(subheadOf('一荤两素12元')).toBe('价格 / 2．午餐');
    // Field lines with their values, the sign-off and its date are body text, never headings.
    expectAllInChunks(['收费标准：不收费', '咨询电话：0765-8376 1102', '2026年11月16日', '早餐：6:30—8:30'], split.chunks);
    expect(split.chunks.some((c) => c.subhead?.includes('咨询电话'))).toBe(false);
    // Short lines beside their siblings are a list, read together under its label, not sections of one line each.
    const list = split.chunks.find((c) => c.text.includes('1．身份证'))!;
    expect(list.subhead).toBe('办理材料：');
    expect(list.text).toContain('3．近期照片');
    expect(list.text).not.toContain('收费标准');
  });

  it('a page with a newspaper\'s furniture (a reporter\'s byline, an editor line) is still a newspaper page', async () => {
    expect(splitDocument(await readHere('page.txt'), config).kind).toBe('newspaper');
  });
});

describe('the seed pages', () => {
  it('are still split by the newspaper splitter exactly as splitPage does', async () => {
    for (const name of SEED_FILES) {
      const doc = await readDocument(path.join(SEEDS_DIR, name), SEEDS_DIR);
      if ('reason' in doc) throw new Error(doc.reason);
      const split = splitDocument(doc, config);
      expect(split.kind).toBe('newspaper');
      expect(split.chunks).toEqual(chunkArticles(splitPage(doc), { size: config.chunkSize, overlap: config.chunkOverlap }));
    }
  });

  it('report the lines they leave out (captions, editor lines) with a reason', async () => {
    const dropped = [];
    for (const name of SEED_FILES) {
      const doc = await readDocument(path.join(SEEDS_DIR, name), SEEDS_DIR);
      if ('reason' in doc) throw new Error(doc.reason);
      dropped.push(...splitDocument(doc, config).dropped);
    }
    expect(dropped.length).toBeGreaterThan(0);
    for (const d of dropped) expect(d.reason).toMatch(/\S/);
    expect(dropped.some((d) => /caption/.test(d.reason))).toBe(true);
  });
});

describe('ingest()', () => {
  let corpus: TempCorpus;
  beforeAll(() => {
    corpus = makeTempCorpus({ prefix: 'kinds-ingest-', seeds: [SEED_FILES[0]] });
  });
  afterAll(() => corpus?.remove());

  it('rejects a file that yields no chunks with its reason and never counts it as added; records kinds in the manifest', async () => {
    fs.writeFileSync(path.join(corpus.corpusDir, 'captions.txt'), '图为招聘会现场。\n\n郑林 摄\n');
    fs.writeFileSync(path.join(corpus.corpusDir, 'notice.txt'), NOTICE);
    const cfg = loadCoreConfig(lexicalEnv(corpus));
    const report = await ingest(cfg, { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    expect(report.added).toEqual([SEED_FILES[0], 'notice.txt']);
    expect(report.rejected).toEqual([{ path: path.join(corpus.corpusDir, 'captions.txt'), reason: expect.stringContaining('no body text found') }]);
    const manifest = readManifest(currentGeneration(cfg.indexDir)!);
    expect(manifest.documents.map((d) => [d.id, d.kind, d.date])).toEqual([
      [SEED_FILES[0], 'newspaper', undefined],
      ['notice.txt', 'notice', '2024-03-01'],
    ]);
    expect(manifest.splitters).toMatchObject({ newspaper: expect.any(String), notice: expect.any(String) });
  });

  it('reads a Markdown file again when the index was built by another version of its reader', async () => {
    fs.writeFileSync(path.join(corpus.corpusDir, 'guide.md'), '# 办事指南\n\n## 办理时限\n\n材料齐全的，**当场办结**。\n');
    const cfg = loadCoreConfig(lexicalEnv(corpus));
    await ingest(cfg, { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    const gen = currentGeneration(cfg.indexDir)!;
    expect(readChunks(gen).find((c) => c.docId === 'guide.md')!.text).toBe('材料齐全的，当场办结。');
    const again = await ingest(cfg, { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    expect(again.unchanged).toContain('guide.md');
    // An index whose manifest records no version of the Markdown reader was read by the one before it.
    const manifestFile = path.join(currentGeneration(cfg.indexDir)!, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    expect(manifest.splitters['format:md']).toBe(markdownReader.version);
    delete manifest.splitters['format:md'];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const upgraded = await ingest(cfg, { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    expect(upgraded.unchanged).not.toContain('guide.md');
    expect(readManifest(currentGeneration(cfg.indexDir)!).splitters?.['format:md']).toBe(markdownReader.version);
  });

  it('keeps two files with the same name in different folders, under their relative paths', async () => {
    for (const dir of ['east', 'west']) {
      fs.mkdirSync(path.join(corpus.corpusDir, dir));
      fs.writeFileSync(path.join(corpus.corpusDir, dir, 'hours.txt'), `${dir === 'east' ? 'East' : 'West'} branch library\n\nThe ${dir} branch opens at ${dir === 'east' ? '8' : '10'} am on weekdays.\n`);
    }
    const cfg = loadCoreConfig(lexicalEnv(corpus));
    const report = await ingest(cfg, { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    expect(report.added).toEqual(['east/hours.txt', 'west/hours.txt']);
    const chunks = readChunks(currentGeneration(cfg.indexDir)!);
    expect(chunks.find((c) => c.docId === 'east/hours.txt')!.text).toContain('8 am');
    expect(chunks.find((c) => c.docId === 'west/hours.txt')!.text).toContain('10 am');
  });
});

describe('npm run ingest -- --dry-run --json', () => {
  const dryRun = (args: string[], env: Record<string, string>) => runTs('src/cli/ingest.ts', ['--dry-run', '--json', ...args], env);

  it('prints one JSON object per chunk, dropped block and rejected file, and writes nothing', async () => {
    fs.writeFileSync(file('empty.txt'), '');
    fs.writeFileSync(file('sheet.xls'), 'x');
    const indexDir = path.join(root, 'dry-index');
    const run = await dryRun([root], { INDEX_DIR: indexDir, EMBEDDING_MODEL: 'none' });
    expect(run.code).toBe(0);
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as PreviewRecord);
    const chunks = records.filter((r): r is Extract<PreviewRecord, { text: string }> => 'text' in r);
    expect(new Set(chunks.map((c) => c.doc))).toEqual(new Set(['notice.txt', 'venues.txt', 'hours.txt', 'sheet.txt', 'directory.txt', 'waste.md']));
    expect(chunks.find((c) => c.doc === 'notice.txt')).toMatchObject({ title: '某区民政局关于2024年高龄津贴发放工作的通知', kind: 'notice', format: 'txt', date: '2024-03-01' });
    const rejected = records.filter((r) => 'rejected' in r).map((r) => path.basename((r as { rejected: string }).rejected));
    expect(rejected.sort()).toEqual(['empty.txt', 'sheet.xls']);
    expect(fs.existsSync(indexDir)).toBe(false);
  });
});
