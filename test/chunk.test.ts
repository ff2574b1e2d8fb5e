import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNKER_VERSION, chunkArticles } from '../src/ingest/chunk.js';
import { splitPage } from '../src/ingest/pages.js';
import type { Article, SourceDocument } from '../src/ports.js';
import { normalizeText } from '../src/text/normalize.js';

const SEEDS = path.resolve('seeds');
const seedDocs: SourceDocument[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f, path: path.join(SEEDS, f), text: readFileSync(path.join(SEEDS, f), 'utf8'), hash: '', encoding: 'utf-8' }));

/** An article over `text` whose paragraphs are separated by blank lines. */
function article(text: string, docId = 'doc.txt', subheads: (string | undefined)[] = []): { article: Article; text: string } {
  const paragraphs = [];
  let at = 0;
  for (const [i, p] of text.split('\n\n').entries()) {
    paragraphs.push({ text: p, start: at, end: at + p.length, ...(subheads[i] ? { subhead: subheads[i] } : {}) });
    at += p.length + 2;
  }
  return {
    text,
    article: { docId, title: '标题', subheads: subheads.filter((s): s is string => !!s), paragraphs, start: 0, end: text.length },
  };
}

describe('chunkArticles', () => {
  it('packs whole sentences up to size and carries trailing sentences as overlap', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `第${String(i).padStart(2, '0')}句话的内容写在这里。`); // 14 chars each
    const { article: a, text } = article(sentences.join(''));
    const chunks = chunkArticles([a], { size: 50, overlap: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(50);
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.text.endsWith('。')).toBe(true); // whole sentences
    }
    // every sentence is in some chunk, and consecutive chunks share the overlap sentence
    for (const s of sentences) expect(chunks.some((c) => c.text.includes(s))).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const lastOfPrev = chunks[i - 1].text.match(/第\d\d句话的内容写在这里。$/)![0];
      expect(chunks[i].text.startsWith(lastOfPrev)).toBe(true);
    }
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `doc.txt#${i}`));
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it('without overlap, chunks tile the text exactly once', () => {
    const { article: a } = article('一。二二。三三三。四四四四。五五五五五。六六六六六六。');
    const chunks = chunkArticles([a], { size: 10, overlap: 0 });
    expect(chunks.map((c) => c.text).join('')).toBe('一。二二。三三三。四四四四。五五五五五。六六六六六六。');
  });

  it('cuts a sentence longer than size at commas, and hard-cuts text without any', () => {
    const long = '社区助理负责收集居民诉求，调解邻里纠纷，走访独居老人，宣传民生政策，参与小区物业服务巡查与卫生整治。';
    const { article: a } = article(long);
    const chunks = chunkArticles([a], { size: 20, overlap: 0 });
    expect(chunks.map((c) => c.text).join('')).toBe(long);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(20);
    expect(chunks[0].text.endsWith('，')).toBe(true);

    const { article: b } = article('字'.repeat(95));
    const hard = chunkArticles([b], { size: 30, overlap: 5 });
    expect(hard.map((c) => c.text.length)).toEqual([30, 30, 30, 5]);
  });

  it('never crosses articles, starts a new chunk at a subhead, and records subhead and paragraph', () => {
    const { article: a } = article('开头一段。\n\n第一节正文。\n\n第一节更多。\n\n第二节正文。', 'p.txt', [undefined, '第一节', '第一节', '第二节']);
    const { article: b } = article('另一篇文章。', 'p.txt');
    const chunks = chunkArticles([a, { ...b, title: '另一篇', start: 100, end: 106 }], { size: 500, overlap: 50 });
    expect(chunks.map((c) => [c.subhead, c.paragraph, c.title, c.text])).toEqual([
      [undefined, 0, '标题', '开头一段。'],
      ['第一节', 1, '标题', '第一节正文。\n第一节更多。'],
      ['第二节', 3, '标题', '第二节正文。'],
      [undefined, 0, '另一篇', '另一篇文章。'],
    ]);
    expect(chunks.map((c) => c.id)).toEqual(['p.txt#0', 'p.txt#1', 'p.txt#2', 'p.txt#3']);
  });

  it('normText is the normalised original text', () => {
    const { article: a } = article('全县 2836 名在职党员下沉服务，预计发送旅客 8.5 万人次。');
    const [c] = chunkArticles([a], { size: 200, overlap: 0 });
    expect(c.normText).toBe(normalizeText(c.text));
    expect(c.normText).toContain('2836名');
    expect(c.normText).toContain('8.5万人次');
  });

  it('on the seeds: chunks stay within size, keep original text, and ids are unique', () => {
    const articles = seedDocs.flatMap(splitPage);
    const chunks = chunkArticles(articles, { size: 320, overlap: 60 });
    expect(chunks.length).toBeGreaterThan(seedDocs.length * 5);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    const byId = new Map(seedDocs.map((d) => [d.id, d.text]));
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(320 + 10); // paragraph joins add one "\n" each
      const page = byId.get(c.docId)!;
      // each line of the chunk is a slice of the page
      for (const line of c.text.split('\n')) expect(page).toContain(line);
      expect(c.start).toBeLessThan(c.end);
      expect(c.normText).toBe(normalizeText(c.text));
    }
    // the number spacing in seed 004 is normalised for search
    expect(chunks.some((c) => c.normText.includes('2836名'))).toBe(true);
    expect(chunks.some((c) => c.normText.includes('8.5万人次'))).toBe(true);
    // chunking is deterministic
    expect(chunkArticles(seedDocs.flatMap(splitPage), { size: 320, overlap: 60 })).toEqual(chunks);
  });

  it('exports a version string for the index manifest', () => {
    expect(CHUNKER_VERSION).toMatch(/\S+/);
  });
});

describe('chunkArticles and layout line breaks', () => {
  it('does not cut a chunk where the layout broke a word across lines', () => {
    const text = '依安县大力实施“全科社\n\n工”培养工程，构建“全科全科”网格体系。后面还有一句话。';
    const a: Article = { docId: 'd.txt', title: 't', subheads: [], paragraphs: [{ text, start: 0, end: text.length }], start: 0, end: text.length };
    const chunks = chunkArticles([a], { size: 30, overlap: 0 });
    expect(chunks[0].text).toContain('全科社\n\n工”培养工程');
    expect(chunks[0].normText).toContain('全科社工');
  });

  it("a line that opens a field (Address: …, 办理地点：…) starts a sentence: a long directory entry is never cut mid-field", () => {
    const lines = [
      "Linxi First People's Hospital — International Medical Services Centre",
      'Address: 5th floor, Outpatient Building, 18 Jiankang Road, Qingshi District',
      'Appointments: 0765-8301 2120 (English and Chinese)',
      'Consultation fee at the international clinic: 100 yuan per visit (registration elsewhere costs from 10 yuan)',
      '办理时限：20个工作日',
      '办理地点：区政务服务中心一楼',
    ];
    const text = lines.join('\n');
    const a: Article = { docId: 'd.txt', title: 't', subheads: [], paragraphs: [{ text, start: 0, end: text.length }], start: 0, end: text.length };
    const chunks = chunkArticles([a], { size: 130, overlap: 0 });
    // Every field stays whole in one chunk: chunks end at line ends, not inside a label's value.
    for (const line of lines) expect(chunks.some((c) => c.text.includes(line)), line).toBe(true);
  });
});

describe('tables split across chunks', () => {
  it('a chunk that opens inside a table starts with its header row; every row is kept', () => {
    const header = '序号 | 小区名称 | 所在街道 | 户数';
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1} | 第${i + 1}号小区 | 柳溪街道 | ${100 + i}户`);
    const { article: a } = article(['改造计划如下：', header, ...rows, '以上共计12个小区。'].join('\n\n'));
    const chunks = chunkArticles([a], { size: 120, overlap: 30 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const row of rows) expect(chunks.some((c) => c.text.split('\n').includes(row))).toBe(true);
    for (const c of chunks) {
      const lines = c.text.split('\n');
      const rowAt = lines.findIndex((l) => rows.includes(l));
      // Any chunk holding rows holds the header above the first of them.
      if (rowAt >= 0) expect(lines.slice(0, rowAt)).toContain(header);
    }
    // The header is repeated, never carried as overlap on its own: it is not a chunk's last line.
    expect(chunks.filter((c) => c.text.split('\n').pop() === header)).toHaveLength(0);
  });
});
