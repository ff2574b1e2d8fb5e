import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Bm25Index } from '../src/index/keyword.js';
import { usedTogether } from '../src/index/open.js';
import { extractCorpusTerms } from '../src/text/dictionary.js';
import { createTokenizer } from '../src/text/tokenize.js';

const seedDir = path.resolve(__dirname, '../seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(seedDir, f), 'utf8').normalize('NFKC'));
// Paragraphs of the seed pages, as the chunks of this test.
const paragraphs = seeds.flatMap((page) => page.split(/\n\s*\n/u)).map((p) => p.trim()).filter((p) => p.length >= 20);
const tokenizer = createTokenizer(extractCorpusTerms(seeds));
const index = Bm25Index.build(paragraphs.map((p) => tokenizer.tokens(p)));
const top = (question: string, k = 3, weights?: Map<string, number>) => index.search(tokenizer.tokens(question), k, weights);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bm25-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('BM25 over the seed paragraphs', () => {
  // Each question is a resident's paraphrase; the paragraph that answers it holds the given phrase.
  it.each([
    ['小区电动车没地方充电，社区是怎么解决的？', '个电动车棚40个充电桩'],
    ['困难群众申请社会救助应该去户籍地还是常住地？', '统一由常住地受理'],
    ['陪读妈妈在家附近能找到工作吗', '制衣加工车间'],
    ['露天巷的路灯装上了吗', '露天巷安装路灯'],
    ['社区助理每个月的生活补助是怎么发的', '按月足额发放生活补贴'],
  ])('ranks the right paragraph first for %s', (question, phrase) => {
    const hits = top(question);
    expect(hits.length).toBeGreaterThan(0);
    expect(paragraphs[hits[0].chunkIndex]).toContain(phrase);
  });

  it('termFrequencies reads how often each token occurs in each given chunk from the postings, also after a save and load', () => {
    const tiny = Bm25Index.build([['医保', '医保', '低保'], ['低保'], ['公交']]);
    const expected = [[2, 1, 0], [0, 0, 0], [0, 1, 0]];
    expect(tiny.termFrequencies(['医保', '低保', '没有'], [0, 2, 1]).map((row) => Array.from(row))).toEqual(expected);
    const loaded = Bm25Index.deserialize(tiny.serialize());
    expect(loaded.termFrequencies(['医保', '低保', '没有'], [0, 2, 1]).map((row) => Array.from(row))).toEqual(expected);
  });

  it('returns hits best first with positive scores and distinct chunks', () => {
    const hits = top('社会救助 医保 报销', 20);
    expect(hits).toHaveLength(20);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(hits.every((h) => h.score > 0)).toBe(true);
    expect(new Set(hits.map((h) => h.chunkIndex)).size).toBe(hits.length);
  });

  it('counts a repeated query token once', () => {
    const once = tokenizer.tokens('充电桩');
    expect(index.search([...once, ...once, ...once], 5)).toEqual(index.search(once, 5));
  });

  it('lets weights change the ranking', () => {
    const charging = tokenizer.tokens('充电桩');
    const mothers = tokenizer.tokens('陪读妈妈');
    const tokens = [...charging, ...mothers];
    const damp = (words: string[], w: number) => new Map(words.map((t) => [t, w]));
    const towardCharging = index.search(tokens, 1, damp(mothers, 0.01));
    const towardMothers = index.search(tokens, 1, damp(charging, 0.01));
    expect(paragraphs[towardCharging[0].chunkIndex]).toContain('充电桩');
    expect(paragraphs[towardMothers[0].chunkIndex]).toContain('陪读妈妈');
    expect(index.search(tokens, 5, new Map([...damp(charging, 0), ...damp(mothers, -1)]))).toEqual([]);
  });

  it('reports document frequency and size', () => {
    expect(index.size).toBe(paragraphs.length);
    expect(index.documentFrequency('救助')).toBeGreaterThan(0);
    expect(index.documentFrequency('救助')).toBe(paragraphs.filter((p) => tokenizer.tokens(p).includes('救助')).length);
    expect(index.documentFrequency('不存在的词')).toBe(0);
  });

  it('lists the chunks that contain a token, in chunk order, also after a rebuild that drops and adds rows', () => {
    const chunks = paragraphs.map((p) => tokenizer.tokens(p));
    const scan = (rows: string[][], t: string) => rows.flatMap((c, i) => (c.includes(t) ? [i] : []));
    for (const t of ['社区', '充电桩', '陪读妈妈']) expect(Array.from(index.chunksWith(t))).toEqual(scan(chunks, t));
    expect(scan(chunks, '社区').length).toBeGreaterThan(1);
    expect(Array.from(index.chunksWith('不存在的词'))).toEqual([]);
    // Row 0 dropped, a new first row added: the rows of the rebuilt index.
    const added = ['陪读妈妈', '充电桩'];
    const rebuilt = index.rebuild([{ length: 2, terms: added.map((t) => [t, 1] as [string, number]) }, ...chunks.slice(1).map((_, i) => i + 1)]);
    const after = [added, ...chunks.slice(1)];
    for (const t of ['社区', '充电桩', '陪读妈妈']) expect(Array.from(rebuilt.chunksWith(t))).toEqual(scan(after, t));
    expect(Array.from(rebuilt.chunksWith('陪读妈妈'))[0]).toBe(0);
  });

  it('usedTogether: some document uses the word beside one of the others, in any of its chunks', () => {
    const rows = [['低保', '申请'], ['平城区'], ['跑道', '机场'], ['县城']];
    const chunks = ['dibao.txt', 'dibao.txt', 'airport.txt', 'town.txt'].map((docId) => ({ docId })) as unknown as Parameters<typeof usedTogether>[0]['chunks'];
    const beside = usedTogether({ keyword: Bm25Index.build(rows), chunks });
    expect(beside('低保', ['平城区'])).toBe(true); // another chunk of the same document
    expect(beside('跑道', ['县城', '平城区'])).toBe(false);
    expect(beside('跑道', ['县城', '机场'])).toBe(true);
    expect(beside('没有的词', ['申请'])).toBe(false);
  });

  it('returns [] for an empty query, unknown tokens, or k < 1, and at most size hits for a large k', () => {
    expect(index.search([], 10)).toEqual([]);
    expect(index.search(['zzz-unknown', '不存在的词'], 10)).toEqual([]);
    expect(index.search(['社区'], 0)).toEqual([]);
    const all = index.search(['社区'], 1_000_000);
    expect(all.length).toBe(index.documentFrequency('社区'));
    expect(all.length).toBeLessThanOrEqual(index.size);
  });

  it('round-trips through serialize/deserialize and save/load with identical results', () => {
    const questions = ['高龄津贴怎么申请', '小板凳议事会', '医保小信使服务', '稷王社区在哪'];
    const copy = Bm25Index.deserialize(index.serialize());
    const file = path.join(tmp, 'keyword.bin');
    index.save(file);
    const loaded = Bm25Index.load(file);
    for (const q of questions) {
      const tokens = tokenizer.tokens(q);
      expect(copy.search(tokens, 10)).toEqual(index.search(tokens, 10));
      expect(loaded.search(tokens, 10)).toEqual(index.search(tokens, 10));
    }
    // A buffer that starts at an odd byte offset (a slice of a larger one) must still read right.
    const shifted = Buffer.concat([Buffer.alloc(1), index.serialize()]).subarray(1);
    const tokens = tokenizer.tokens('社区合伙人');
    expect(Bm25Index.deserialize(shifted).search(tokens, 10)).toEqual(index.search(tokens, 10));
    expect(loaded.size).toBe(index.size);
    expect(loaded.documentFrequency('社区')).toBe(index.documentFrequency('社区'));
  });

  it('refuses a damaged file with a message that says to rebuild', () => {
    const file = path.join(tmp, 'broken.bin');
    writeFileSync(file, index.serialize().subarray(0, 100));
    expect(() => Bm25Index.load(file)).toThrow(/rebuild/);
    expect(() => Bm25Index.deserialize(Buffer.from('not an index at all, just some text that is long enough to have a header'))).toThrow(/magic/);
  });
});

describe('BM25 edge cases', () => {
  it('handles an empty corpus, empty documents and bad parameters', () => {
    const empty = Bm25Index.build([]);
    expect(empty.size).toBe(0);
    expect(empty.search(['a'], 5)).toEqual([]);
    expect(Bm25Index.deserialize(empty.serialize()).size).toBe(0);
    const sparse = Bm25Index.build([[], ['a', 'b'], []]);
    expect(sparse.search(['a'], 5)).toEqual([{ chunkIndex: 1, score: expect.any(Number) }]);
    expect(() => Bm25Index.build([['a']], { b: 2 })).toThrow(/b must be between 0 and 1/);
  });

  it('prefers the document where the term is denser, and breaks ties by lower index', () => {
    const idx = Bm25Index.build([['x', 'y', 'y', 'y'], ['x', 'x', 'y', 'y'], ['z'], ['x', 'x', 'y', 'y']]);
    const hits = idx.search(['x'], 3);
    expect(hits.map((h) => h.chunkIndex)).toEqual([1, 3, 0]);
  });

  it('keeps the k best of many candidates without sorting them all', () => {
    const docs = Array.from({ length: 5_000 }, (_, i) => Array.from({ length: (i % 50) + 1 }, () => 'common').concat(['pad', 'pad']));
    const idx = Bm25Index.build(docs);
    const hits = idx.search(['common'], 5);
    expect(hits.map((h) => h.chunkIndex)).toEqual([49, 99, 149, 199, 249]);
  });
});
