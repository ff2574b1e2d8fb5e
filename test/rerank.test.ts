// The keyword ranking's second stage (src/retrieve/rerank.ts): a chunk that covers every concept of the
// question outranks one that repeats a single concept under several names, through the real retriever
// over a small in-test index.
import { describe, expect, it } from 'vitest';
import type { Chunk, WeightedTerm } from '../src/ports.js';
import type { LoadedIndex } from '../src/index/open.js';
import { Bm25Index } from '../src/index/keyword.js';
import { indexedText, indexTokenizer } from '../src/index/tokens.js';
import { createMemoryLogger } from '../src/log.js';
import { createRetriever } from '../src/retrieve/hybrid.js';
import { concepts } from '../src/retrieve/rerank.js';
import { normalizeText } from '../src/text/normalize.js';

const tokenizer = indexTokenizer([]);

function tinyIndex(texts: string[]): LoadedIndex {
  const chunks: Chunk[] = texts.map((text, i) => ({
    id: `doc${i}.txt#0`, docId: `doc${i}.txt`, title: `文章${i}`, text, normText: normalizeText(text), paragraph: 0, start: 0, end: text.length, ordinal: 0,
  }));
  const keyword = Bm25Index.build(chunks.map((c) => tokenizer.tokens(indexedText(c))));
  return { chunks, tokenizer, keyword, vectors: null, warnings: [], terms: [], places: [], romanised: new Set(), lexicon: null } as unknown as LoadedIndex;
}

const REPEATS = '居民医保缴费标准：医保个人缴费每人每年410元，医疗保险按年缴纳，医疗保障待遇次年享受。';
const COVERS = '低保对象参加居民医保，个人缴费部分由财政全额补助。';
const OTHERS = ['社区食堂每天中午开门。', '图书馆周末开放时间为上午九点。', '公交线路调整后首班车六点发车。', '高龄津贴按月发放到本人账户。'];

describe('the concept-coverage rerank of the keyword ranking', () => {
  const synonyms: WeightedTerm[] = [
    { term: '医疗保险', weight: 0.9, origin: 'synonym', source: '医保' },
    { term: '医疗保障', weight: 0.9, origin: 'synonym', source: '医保' },
  ];

  it('puts the chunk covering both concepts (低保, 医保) above the one naming 医保 three ways', async () => {
    const index = tinyIndex([REPEATS, COVERS, ...OTHERS]);
    const retriever = createRetriever({ index: () => index, embedder: null, config: { mode: 'lexical', k: 5, fusion: 'rrf', rrfK: 60, candidates: 50, hnswEf: 128 }, logger: createMemoryLogger() });
    const result = await retriever.retrieve({ text: '低保户交医保有补助吗', language: 'zh', expansions: synonyms, k: 5 });
    // Plain BM25 adds up 医保, 医疗保险 and 医疗保障 and would put the first chunk first.
    const weights = new Map(result.terms.map((t) => [t.term, t.weight]));
    const bm25 = index.keyword.search([...weights.keys()], 5, weights);
    expect(bm25[0].chunkIndex).toBe(0);
    expect(result.passages.map((p) => p.chunk.text).slice(0, 2)).toEqual([COVERS, REPEATS]);
    // Scores stay higher-is-better, best first.
    const scores = result.passages.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts a word with its alternatives and pieces once, and an English phrase with its words', () => {
    const names = (terms: WeightedTerm[]) =>
      concepts(terms, (w) => tokenizer.tokens(w))
        .map((g) => g.map((i) => terms[i].term).sort().join(' '))
        .sort();
    const q = (term: string): WeightedTerm => ({ term, weight: 1, origin: 'question' });
    expect(names([q('公积金'), q('公积'), q('积金'), q('租房'), { term: '住房公积金', weight: 0.9, origin: 'synonym', source: '公积金' }])).toEqual(['住房公积金 公积 公积金 积金', '租房']);
    const english = [q('social'), q('secur'), q('card'), q('lost'), { term: '社保卡', weight: 1, origin: 'glossary', source: 'social security card' }];
    expect(names(english)).toEqual(['card secur social 社保卡', 'lost']);
  });
});
