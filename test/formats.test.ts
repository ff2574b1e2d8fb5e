// Every format ingest reads, made at test time and read through `npm run ingest -- --dry-run --json`
// (the seam users and operators see) and through ingest() + the answering service: body sentences
// all land in chunks, navigation is dropped with a reason, titles are the documents' own, tables
// answer row questions, a scanned PDF is refused with the reason.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../src/app.js';
import { renderPlain } from '../src/cli/render.js';
import { createMemoryLogger } from '../src/log.js';
import { splitDocument, type PreviewRecord } from '../src/ingest/pipeline.js';
import { readDocument } from '../src/ingest/read.js';
import { loadCoreConfig } from '../src/config.js';
import { NO_TEXT_LAYER } from '../src/ingest/formats/pdf.js';
import { lexicalEnv, makeTempCorpus, type TempCorpus } from './support/corpus.js';
import { runTs } from './support/spawn-ts.js';
import { ENGLISH_LIBRARY_NOTICE, printPdf, writeDocx, writeGbk, writeXlsx } from './support/documents.js';

type ChunkRecord = Extract<PreviewRecord, { text: string }>;
type DroppedRecord = Extract<PreviewRecord, { dropped: string }>;
type RejectedRecord = Extract<PreviewRecord, { rejected: string }>;

const PDF_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>关于发放高龄老人助餐补贴的通知</title>
<style>body{font-family:"WenQuanYi Zen Hei",sans-serif} td,th{padding:4px 24px}</style></head><body>
<h1>关于发放高龄老人助餐补贴的通知</h1>
<p>发布时间：2024-05-20</p>
<p>一、补贴对象</p>
<p>本区户籍年满70周岁、在社区食堂就餐的老年人，可以享受助餐补贴，补贴直接在结算时扣减。</p>
<table border="1"><tr><th>年龄</th><th>每餐补贴</th></tr><tr><td>70至79周岁</td><td>3元</td></tr><tr><td>80周岁以上</td><td>5元</td></tr></table>
<p>二、办理方式</p>
<p>持身份证和老年人优待证到就近的社区食堂登记即可。</p>
</body></html>`;

// Markdown as people write it: bold, a link, a quoted source line, a Chinese paragraph hard-wrapped
// mid-sentence, and a GitHub table.
const MARKDOWN_GUIDE = `# 社区长者食堂就餐指南

> 来源：[区民政局](https://example.gov.cn/mzj)　更新日期：2024年7月1日

## 就餐对象

本区户籍**年满60周岁**的老年人凭身份证到任一长者食堂就餐，
享受就餐补贴，补贴在结算时直接扣减。

## 补贴标准

| 年龄段 | 每餐补贴 |
|---|---|
| 60至79周岁 | **2元** |
| 80周岁及以上 | 4元 |

咨询电话：\`12345\`。
`;

const GBK_PAGE = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于开展2024年冬季供暖补贴申领工作的通知_某区人民政府</title>
<meta name="PubDate" content="2024-10-15 09:30">
</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/bsfw">办事服务</a> | <a href="/hdjl">互动交流</a></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<div class="article">
<h1>关于开展2024年冬季供暖补贴申领工作的通知</h1>
<div class="info">发布时间：2024-10-15 来源：区住建局</div>
<div class="content">
<p>为保障困难群众温暖过冬，区政府决定继续发放冬季供暖补贴，现将申领工作有关事项通知如下。</p>
<p>享受城乡低保、特困供养的家庭可以申领，补贴按户发放，每个采暖季发放一次。</p>
<table><tr><td>家庭类型</td><td>补贴标准</td></tr><tr><td>低保家庭</td><td>每户800元</td></tr><tr><td>特困供养家庭</td><td>每户1200元</td></tr></table>
<p>申领时间为2024年10月20日至11月30日，逾期不再受理，请符合条件的家庭及时办理。</p>
<p>申请人携带身份证、户口簿到户籍所在地社区服务站提出申请，社区初审后报街道审核。</p>
</div></div>
<div class="footer">版权所有：某区人民政府办公室 技术支持：某某网络公司 备案号：晋ICP备12345678号</div>
</body></html>`;


/** Body sentences of each document: every one must be inside some chunk. */
const BODY: Record<string, string[]> = {
  'notices/meal.pdf': ['本区户籍年满70周岁、在社区食堂就餐的老年人，可以享受助餐补贴，补贴直接在结算时扣减。', '持身份证和老年人优待证到就近的社区食堂登记即可。', '年龄 | 每餐补贴', '80周岁以上 | 5元', '70至79周岁 | 3元'],
  'web/heating.html': [
    '为保障困难群众温暖过冬，区政府决定继续发放冬季供暖补贴，现将申领工作有关事项通知如下。',
    '享受城乡低保、特困供养的家庭可以申领，补贴按户发放，每个采暖季发放一次。',
    '家庭类型 | 补贴标准 低保家庭 | 每户800元',
    '特困供养家庭 | 每户1200元',
    '申领时间为2024年10月20日至11月30日，逾期不再受理，请符合条件的家庭及时办理。',
    '申请人携带身份证、户口簿到户籍所在地社区服务站提出申请，社区初审后报街道审核。',
  ],
  'word/bath.docx': ['凡本区户籍的失能老年人，可以申请每月上门助浴服务，由社区签约的服务机构提供。', '失能等级 | 每月', '重度失能 | 4次', '中度失能 | 2次', '申请人向社区居委会提交申请表和失能评估结果。'],
  'guide/meals.md': ['本区户籍年满60周岁的老年人凭身份证到任一长者食堂就餐，享受就餐补贴，补贴在结算时直接扣减。', '来源：区民政局', '咨询电话：12345。', '60至79周岁 | 2元', '80周岁及以上 | 4元'],
  'sheets/prices.xlsx': ['品类 | 指导价格 | 执行日期', '废纸 | 1.0元/公斤 | 2026-04-01', '易拉罐 | 8.0元/公斤 | 2026-04-01', '实际收购价格可在指导价基础上上下浮动10%。', '站点 | 地址 | 营业时间', '城关街道回收站 | 解放路88号 | 每天8:00至18:00'],
  'sheets/stations.csv': ['街道 | 回收站 | 预约电话', '城关街道 | 解放路88号，靠近菜市场 | 0719-8233300', '东城街道 | 文化路12号 | 0719-8233311'],
  'library.md': ['The Riverside branch library reopens after its renovation with longer opening hours.', 'Sunday: 10 am to 4 pm', 'Residents may borrow up to twelve items at a time with a free library card.'],
};

let corpus: TempCorpus;
let records: PreviewRecord[];
const file = (rel: string) => path.join(corpus.corpusDir, rel);

const dryRun = (paths: string[]) => runTs('src/cli/ingest.ts', ['--dry-run', '--json', ...paths], lexicalEnv(corpus) as Record<string, string>);

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'formats-', seeds: [] });
  for (const dir of ['notices', 'web', 'word', 'scans', 'guide', 'sheets']) fs.mkdirSync(file(dir));
  // A workbook as offices publish price lists: a title row, a header, rows (a date cell among them), a note,
  // and a second sheet under its own name.
  await writeXlsx(file('sheets/prices.xlsx'), [
    {
      name: '指导价格',
      rows: [
        ['2026年第二季度再生资源回收指导价格', null, null],
        ['品类', '指导价格', '执行日期'],
        ['废纸', '1.0元/公斤', new Date(Date.UTC(2026, 3, 1))],
        ['易拉罐', '8.0元/公斤', new Date(Date.UTC(2026, 3, 1))],
        [null, null, null],
        ['实际收购价格可在指导价基础上上下浮动10%。', null, null],
      ],
    },
    { name: '回收站点', rows: [['站点', '地址', '营业时间'], ['城关街道回收站', '解放路88号', '每天8:00至18:00']] },
  ]);
  // A CSV saved from Excel in GB18030, with a quoted cell holding a comma.
  fs.writeFileSync(file('sheets/stations.csv'), iconv.encode('街道,回收站,预约电话\r\n城关街道,"解放路88号，靠近菜市场",0719-8233300\r\n东城街道,文化路12号,0719-8233311\r\n', 'gb18030'));
  fs.writeFileSync(file('guide/meals.md'), MARKDOWN_GUIDE);
  await printPdf(PDF_HTML, file('notices/meal.pdf'));
  await printPdf('<!doctype html><html><body><div style="width:300px;height:200px;background:#333"></div></body></html>', file('scans/scan.pdf'));
  writeGbk(file('web/heating.html'), GBK_PAGE);
  await writeDocx(
    file('word/bath.docx'),
    [
      { heading: '关于开展失能老人上门助浴服务的通知' },
      { heading: '服务对象', level: 2 },
      { text: '凡本区户籍的失能老年人，可以申请每月上门助浴服务，由社区签约的服务机构提供。' },
      { heading: '服务次数', level: 2 },
      { table: [['失能等级', '每月'], ['重度失能', '4次'], ['中度失能', '2次']] },
      { heading: '申请方式', level: 2 },
      { text: '申请人向社区居委会提交申请表和失能评估结果。' },
    ],
    { created: '2024-06-03T08:00:00Z' },
  );
  fs.writeFileSync(file('library.md'), ENGLISH_LIBRARY_NOTICE);
  const run = await dryRun([corpus.corpusDir]);
  if (run.code !== 0) throw new Error(`dry run failed: ${run.stderr}`);
  records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as PreviewRecord);
}, 120_000);
afterAll(() => corpus?.remove());

const chunksOf = (doc: string) => records.filter((r): r is ChunkRecord => 'text' in r && r.doc === doc);

describe('ingest --dry-run --json over one document per format', () => {
  for (const [doc, sentences] of Object.entries(BODY)) {
    it(`${doc}: every body sentence is in a chunk`, () => {
      const text = chunksOf(doc).map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\n');
      expect(text.length).toBeGreaterThan(0);
      for (const s of sentences) expect(text, `"${s}" of ${doc}`).toContain(s);
    });
  }

  it('reads each format with its reader, and titles are the documents\' titles (not navigation, no site suffix)', () => {
    const byDoc = (doc: string) => chunksOf(doc)[0];
    expect(byDoc('notices/meal.pdf')).toMatchObject({ format: 'pdf', title: '关于发放高龄老人助餐补贴的通知', date: '2024-05-20' });
    expect(byDoc('web/heating.html')).toMatchObject({ format: 'html', title: '关于开展2024年冬季供暖补贴申领工作的通知', date: '2024-10-15' });
    expect(byDoc('word/bath.docx')).toMatchObject({ format: 'docx', title: '关于开展失能老人上门助浴服务的通知', date: '2024-06-03' });
    expect(byDoc('library.md')).toMatchObject({ format: 'md', title: 'Riverside Library Opening Hours', date: '2024-04-02' });
    expect(byDoc('guide/meals.md')).toMatchObject({ format: 'md', title: '社区长者食堂就餐指南', date: '2024-07-01' });
    // A workbook's title is its title row; a CSV without one is titled by its file name.
    expect(byDoc('sheets/prices.xlsx')).toMatchObject({ format: 'xlsx', title: '2026年第二季度再生资源回收指导价格' });
    expect(byDoc('sheets/stations.csv')).toMatchObject({ format: 'csv' });
    // Each sheet of a workbook is a section under its name.
    expect(chunksOf('sheets/prices.xlsx').map((c) => c.subhead)).toEqual(['指导价格', '回收站点']);
  });

  it('keeps no Markdown syntax in the text of a Markdown file (bold, links, quote marks, table rules)', () => {
    const text = chunksOf('guide/meals.md').map((c) => c.text).join('\n');
    expect(text).not.toMatch(/\*\*|\]\(|^>|\|-|`/m);
  });

  it('drops the web page\'s navigation, breadcrumbs and footer with a reason, and nothing of its body', () => {
    const dropped = records.filter((r): r is DroppedRecord => 'dropped' in r && r.doc === 'web/heating.html');
    const reasonOf = (needle: string) => dropped.find((d) => d.dropped.includes(needle))?.reason;
    expect(reasonOf('政务公开 | 办事服务')).toMatch(/navigation/);
    expect(reasonOf('当前位置')).toMatch(/breadcrumbs/);
    expect(reasonOf('版权所有')).toMatch(/footer/);
    for (const s of BODY['web/heating.html']) expect(dropped.some((d) => d.dropped.includes(s.slice(0, 12)))).toBe(false);
  });

  it('refuses a PDF without a text layer, by name, with the reason', () => {
    const rejected = records.filter((r): r is RejectedRecord => 'rejected' in r);
    expect(rejected).toEqual([{ doc: file('scans/scan.pdf'), rejected: file('scans/scan.pdf'), reason: NO_TEXT_LAYER }]);
  });
});

describe('an old-style page laid out with tables', () => {
  it('is read as its content: the layout cells are not turned into table rows, the data table is', async () => {
    const page = `<html><head><meta charset="utf-8"><title>关于做好冬季防火工作的通知_某镇人民政府</title></head><body>
<table width="100%"><tr><td class="nav">首页 | 政务公开</td></tr>
<tr><td><table><tr><td><h1>关于做好冬季防火工作的通知</h1>
<p>各村（社区）要在12月底前完成一次消防安全检查，重点检查独居老人家中的电器线路。</p>
<table border="1"><tr><th>检查对象</th><th>完成时间</th></tr><tr><td>独居老人家庭</td><td>12月15日前</td></tr></table>
</td></tr></table></td></tr>
<tr><td class="footer">版权所有 某镇人民政府</td></tr></table></body></html>`;
    fs.writeFileSync(file('layout.html'), page);
    try {
      const doc = await readDocument(file('layout.html'), corpus.corpusDir);
      if ('reason' in doc) throw new Error(doc.reason);
      const split = splitDocument(doc, loadCoreConfig(lexicalEnv(corpus)));
      expect(split.chunks.map((c) => c.title)).toEqual(['关于做好冬季防火工作的通知']);
      expect(split.chunks[0].text).toBe('各村（社区）要在12月底前完成一次消防安全检查，重点检查独居老人家中的电器线路。\n检查对象 | 完成时间\n独居老人家庭 | 12月15日前');
      expect(split.dropped).toEqual([
        { text: '首页 | 政务公开', reason: 'navigation' },
        { text: '版权所有 某镇人民政府', reason: 'page footer' },
      ]);
    } finally {
      fs.rmSync(file('layout.html'));
    }
  });
});

describe('a service guide laid out as a form (a field name in <th>, its value in <td>, each on a row)', () => {
  it('reads each row as "field：value", one sentence each, and answers a field from its own line', async () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>残疾人两项补贴申领_某市政务服务网</title></head><body>
<div class="crumb">首页 &gt; 个人办事</div><h1>残疾人两项补贴申领</h1>
<table class="guide"><tr><th>事项名称</th><td>残疾人两项补贴申领</td></tr><tr><th>实施主体</th><td>某市民政局</td></tr>
<tr><th>补贴标准</th><td>重度残疾人护理补贴一级每人每月120元，二级每人每月90元。</td></tr><tr><th>办理时限</th><td>20个工作日</td></tr>
<tr><th>办理地点</th><td>户籍所在地街道便民服务中心</td></tr><tr><th>是否收费</th><td>否</td></tr></table>
<div class="foot">主办：某市人民政府办公室</div></body></html>`;
    fs.writeFileSync(file('form.html'), page);
    try {
      const doc = await readDocument(file('form.html'), corpus.corpusDir);
      if ('reason' in doc) throw new Error(doc.reason);
      const split = splitDocument(doc, loadCoreConfig(lexicalEnv(corpus)));
      const text = split.chunks.map((c) => c.text).join('\n');
      // (Readability rewrites a small table as a <div> holding its rows: still read as the table it was.)
      expect(text).toContain('事项名称：残疾人两项补贴申领\n实施主体：某市民政局\n');
      expect(text).toContain('办理时限：20个工作日\n办理地点：户籍所在地街道便民服务中心\n是否收费：否');
      expect(text).not.toMatch(/事项名称残疾人|办理时限20/);
    } finally {
      fs.rmSync(file('form.html'));
    }
  });
});

describe('answers from the formats', () => {
  let app: App;
  beforeAll(async () => {
    fs.rmSync(file('scans'), { recursive: true });
    app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  const ask = (question: string) => app.service.ask({ question, channel: 'cli', mode: 'lexical' });

  const cases: [string, string, string][] = [
    ['80周岁以上的老人每餐补贴多少钱？', '5元', 'notices/meal.pdf'],
    ['特困供养家庭的供暖补贴是多少？', '1200元', 'web/heating.html'],
    ['重度失能老人每月可以上门助浴几次？', '4次', 'word/bath.docx'],
    ['85岁老人去长者食堂吃饭每餐补贴多少？', '4元', 'guide/meals.md'],
    ['易拉罐回收指导价格多少钱一公斤？', '8.0元/公斤', 'sheets/prices.xlsx'],
    ['东城街道回收站预约电话是多少？', '0719-8233311', 'sheets/stations.csv'],
  ];
  it('answers an English question over an English notice in English (stemmed: Sundays → Sunday)', async () => {
    const res = await ask('When is the library open on Sundays?');
    expect(res.language).toBe('en');
    expect(res.abstained).toBe(false);
    // The English notice's own words open the answer, without quote marks.
    expect(res.answer.split('\n')[0]).toBe('Sunday: 10 am to 4 pm [1]');
    expect(res.answer).not.toMatch(/documents are in Chinese|Key figures/);
    expect(res.sources[0].doc).toBe('library.md');
  });

  it('cites "title — source, date": the path relative to the corpus root and the date the document states', async () => {
    const res = await ask('80周岁以上的老人每餐补贴多少钱？');
    const source = res.sources.find((s) => s.doc === 'notices/meal.pdf')!;
    expect(source).toMatchObject({ title: '关于发放高龄老人助餐补贴的通知', date: '2024-05-20' });
    expect(source.url).toBeUndefined();
    expect(renderPlain(res, { showAll: true })).toContain('关于发放高龄老人助餐补贴的通知 — notices/meal.pdf, 2024-05-20');
  });

  for (const [question, answer, doc] of cases) {
    it(`a table row answers "${question}"`, async () => {
      const res = await ask(question);
      expect(res.abstained).toBe(false);
      expect(res.answer).toContain(answer);
      expect(res.sources.map((s) => s.doc)).toContain(doc);
    });
  }
});
