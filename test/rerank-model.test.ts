// The cross-encoder reranker (RERANK_MODEL): the generated tiny cross-encoder loaded through the real
// transformers.js path, the order it gives the sources of a running app, and what happens when it cannot load
// or fails mid-question (the first-stage order is kept, said once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadCoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { openApp, type App } from '../src/app.js';
import { createCrossEncoder, RerankUnavailableError } from '../src/embed/cross-encoder.js';
import { loadIndex } from '../src/index/open.js';
import { createRetriever } from '../src/retrieve/hybrid.js';
import type { AskResponse, PassageReranker } from '../src/ports.js';
import { lexicalEnv, makeTempCorpus, type TempCorpus } from './support/corpus.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT, TINY_RERANKER_ID } from './fixtures/tiny-model.js';

const logger = createMemoryLogger();
/** A question whose keyword ranking on the seed pages does not put the passage with the most digits first. */
const QUESTION = '社区助理招了多少人';
const digits = (text: string) => (text.match(/[0-9]/g) ?? []).length;
/** What the tiny cross-encoder reads of a source: its title and text. */
const digitsOf = (s: AskResponse['sources'][number]) => digits(`${s.title}\n${s.text}`);

describe('config', () => {
  it('is off unless RERANK_MODEL names a model, and checks its numbers', () => {
    expect(loadCoreConfig({}).rerank.model).toBeNull();
    expect(loadCoreConfig({ RERANK_MODEL: 'none' }).rerank.model).toBeNull();
    expect(loadCoreConfig({ RERANK_MODEL: 'Xenova/bge-reranker-base' }).rerank).toEqual({ model: 'Xenova/bge-reranker-base', candidates: 20, dtype: 'q8', maxTokens: 512 });
    expect(() => loadCoreConfig({ RERANK_CANDIDATES: '1' })).toThrow(ConfigError);
    expect(() => loadCoreConfig({ RERANK_DTYPE: 'fp64' })).toThrow(/RERANK_DTYPE/);
  });
});

describe('the tiny cross-encoder through transformers.js', () => {
  const paths = (root: string) => ({ cacheDir: `${root}/cache`, localModelPath: TINY_MODEL_ROOT, allowRemote: false });
  let corpus: TempCorpus;
  beforeAll(() => {
    corpus = makeTempCorpus({ seeds: [] });
  });
  afterAll(() => corpus.remove());

  it('scores each (question, passage) pair, in the order given, across batches', async () => {
    const encoder = await createCrossEncoder({ model: TINY_RERANKER_ID, candidates: 20, dtype: 'q8', maxTokens: 512 }, paths(corpus.root), logger);
    try {
      const passages = Array.from({ length: 21 }, (_, i) => (i % 3 ? `第${i * 7}段` : '没有数字的一段'));
      const scores = await encoder.score(QUESTION, passages);
      expect(scores).toEqual(passages.map((p) => digits(p)));
      // The question's own digits are the first text of the pair: they count for no passage.
      expect(await encoder.score('2026年 3 个 1', ['没有数字', '100元'])).toEqual([0, 3]);
    } finally {
      await encoder.dispose();
    }
  });

  it('refuses, typed and with the fix, a model it cannot load or that is no cross-encoder', async () => {
    const rule = { candidates: 20, dtype: 'q8' as const, maxTokens: 512 };
    const missing = createCrossEncoder({ model: 'nobody/no-such-reranker', ...rule }, paths(corpus.root), logger);
    await expect(missing).rejects.toBeInstanceOf(RerankUnavailableError);
    await expect(missing).rejects.toThrow(/downloads are off.*RERANK_MODEL=none/s);
    // The tiny embedding model runs, but has no relevance logits.
    await expect(createCrossEncoder({ model: TINY_MODEL_ID, ...rule }, paths(corpus.root), logger)).rejects.toThrow(/not a cross-encoder/);
  });
});

describe('an app with RERANK_MODEL', () => {
  let corpus: TempCorpus;
  let plain: App;
  let reranked: App;
  let unavailable: App;
  beforeAll(async () => {
    corpus = makeTempCorpus();
    const env = lexicalEnv(corpus, { RETRIEVAL_K: '5' });
    plain = await openApp({ env, logger });
    reranked = await openApp({ env: { ...env, MODEL_LOCAL_PATH: TINY_MODEL_ROOT, RERANK_MODEL: TINY_RERANKER_ID, RERANK_CANDIDATES: '5' }, logger });
    unavailable = await openApp({ env: { ...env, RERANK_MODEL: 'nobody/no-such-reranker' }, logger });
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    await reranked?.close();
    await unavailable?.close();
    corpus?.remove();
  });

  it('orders the first-stage passages by the cross-encoder, ties in their first-stage order, and says which model did', async () => {
    const first = await plain.service.ask({ question: QUESTION, channel: 'eval' });
    const response = await reranked.service.ask({ question: QUESTION, channel: 'eval' });
    expect(first.sources).toHaveLength(5);
    const expected = first.sources.map((s, i) => ({ s, i })).sort((a, b) => digitsOf(b.s) - digitsOf(a.s) || a.i - b.i).map(({ s }) => s.text);
    // (The question was chosen so that the keyword ranking and the model disagree.)
    expect(expected).not.toEqual(first.sources.map((s) => s.text));
    expect(response.sources.map((s) => s.text)).toEqual(expected);
    expect(response.sources.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(response.retrieval).toEqual({ mode: 'lexical', embedding_model: null, rerank_model: TINY_RERANKER_ID });
    expect(first.retrieval).toEqual({ mode: 'lexical', embedding_model: null });
  });

  it('without the model, says so once and answers in the first-stage order', async () => {
    const warnings = unavailable.warnings.filter((w) => /not reranked/.test(w));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/nobody\/no-such-reranker.*RERANK_MODEL=none/s);
    const first = await plain.service.ask({ question: QUESTION, channel: 'eval' });
    const response = await unavailable.service.ask({ question: QUESTION, channel: 'eval' });
    expect(response.sources.map((s) => s.text)).toEqual(first.sources.map((s) => s.text));
    expect(response.answer).toBe(first.answer);
    expect(response.retrieval.rerank_model).toBeUndefined();
  });
});

describe('a reranker failing mid-question', () => {
  let corpus: TempCorpus;
  beforeAll(async () => {
    corpus = makeTempCorpus();
    const app = await openApp({ env: lexicalEnv(corpus), logger });
    await app.close();
  }, 120_000);
  afterAll(() => corpus?.remove());

  it('keeps the first-stage order, warns the asker, and logs the failure once', async () => {
    const config = loadCoreConfig(lexicalEnv(corpus));
    const index = loadIndex(config, null, logger);
    // (A stand-in for a model whose ONNX run throws: no real model can be made to fail on demand.)
    const failingReranker: PassageReranker = {
      modelId: 'fake/failing-reranker',
      score: () => Promise.reject(new Error('onnxruntime: out of memory')),
    };
    const memory = createMemoryLogger();
    const plain = createRetriever({ index: () => index, embedder: null, config: config.retrieval, logger: memory });
    const failing = createRetriever({ index: () => index, embedder: null, config: config.retrieval, logger: memory, rerank: { reranker: failingReranker, candidates: 20 } });
    const query = { text: QUESTION, language: 'zh' as const, k: 5 };
    const expected = (await plain.retrieve(query)).passages.map((p) => p.chunk.id);
    for (let i = 0; i < 2; i++) {
      const result = await failing.retrieve(query);
      expect(result.passages.map((p) => p.chunk.id)).toEqual(expected);
      expect(result.warnings).toContain('The reranker failed; this answer kept the first-stage order.');
      expect(result.rerankModel).toBeUndefined();
    }
    expect(memory.lines.filter((l) => l.includes('retrieve.rerank_failed'))).toHaveLength(1);
  });
});
