// Retrieval: reciprocal rank fusion by hand, the dense and hybrid paths on the generated tiny model
// (real transformers.js + hnswlib), the lexical fallback when the model cannot load, and hot reload
// of a newly published index under a running app.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import type { AnswerDraft, AnswerInput, AskResponse } from '../src/ports.js';
import { openApp, type App } from '../src/app.js';
import { createTransformersEmbedder } from '../src/embed/transformers.js';
import { loadIndex, type LoadedIndex } from '../src/index/open.js';
import { currentGeneration, readManifest } from '../src/index/store.js';
import { ingest } from '../src/ingest/pipeline.js';
import { createRetriever, fuse, weightedTerms } from '../src/retrieve/hybrid.js';
import { liftAskedSection } from '../src/retrieve/asked-section.js';
import { keepOtherLanguage } from '../src/retrieve/other-language.js';
import { chineseText } from '../src/lang/detect.js';
import { createTokenizer } from '../src/text/tokenize.js';
import { makeTempCorpus, missingModelEnv, tinyModelEnv, type TempCorpus } from './support/corpus.js';
import { until } from './support/limits.js';
import { TINY_MODEL_DIMS, TINY_MODEL_ID } from './fixtures/tiny-model.js';

const logger = createMemoryLogger();
const QUESTION = '露天巷的巷道有多长？';
const LUTIAN_DOC = '001_dce2b776d6aca6c3.txt';

function expectDescending(response: AskResponse): void {
  const scores = response.sources.map((s) => s.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe('fuse (reciprocal rank fusion)', () => {
  const lexical = [
    { chunkIndex: 10, score: 10 },
    { chunkIndex: 20, score: 8 },
    { chunkIndex: 30, score: 5 },
  ];
  const dense = [
    { chunkIndex: 20, score: 0.9 },
    { chunkIndex: 40, score: 0.8 },
    { chunkIndex: 10, score: 0.7 },
  ];

  it('sums 1/(k + rank) over both rankings, scaled so rank 1 in both would score 1', () => {
    const fused = fuse('hybrid', lexical, dense, 60);
    // 20: 1/62 + 1/61; 10: 1/61 + 1/63; 40: 1/62; 30: 1/63 — each divided by 2/61.
    expect(fused.map((f) => f.chunkIndex)).toEqual([20, 10, 40, 30]);
    expect(fused.map((f) => f.score)).toEqual([0.9919, 0.9841, 0.4919, 0.4841]);
    expect(fused[0]).toMatchObject({ lexical: { rank: 2, score: 8 }, dense: { rank: 1, score: 0.9 } });
    expect(fused[2].lexical).toBeUndefined();
  });

  it('a passage both rankings found beats one only a single ranking put first', () => {
    const fused = fuse('hybrid', [{ chunkIndex: 1, score: 9 }, { chunkIndex: 2, score: 7 }, { chunkIndex: 3, score: 6 }], [{ chunkIndex: 4, score: 0.9 }, { chunkIndex: 5, score: 0.8 }, { chunkIndex: 3, score: 0.7 }], 60);
    expect(fused[0].chunkIndex).toBe(3);
    expect(fused[0].score).toBeCloseTo(2 / 63 / (2 / 61), 4);
  });

  it('k sets how much rank matters: with a small k a single first place beats being 4th in both', () => {
    const lexicalHits = [{ chunkIndex: 1, score: 9 }, { chunkIndex: 3, score: 6 }, { chunkIndex: 2, score: 5 }, { chunkIndex: 5, score: 4 }];
    const denseHits = [{ chunkIndex: 4, score: 0.9 }, { chunkIndex: 6, score: 0.8 }, { chunkIndex: 7, score: 0.7 }, { chunkIndex: 5, score: 0.6 }];
    // k = 60: chunk 5 scores 2/64 against 1/61 for a lone first place.
    expect(fuse('hybrid', lexicalHits, denseHits, 60)[0].chunkIndex).toBe(5);
    // k = 1: chunk 5 scores (1/5 + 1/5) / (2/2) = 0.4; a lone first place (1/2) / (2/2) = 0.5.
    const fused = fuse('hybrid', lexicalHits, denseHits, 1);
    expect(fused.slice(0, 3).map((f) => [f.chunkIndex, f.score])).toEqual([
      [1, 0.5],
      [4, 0.5],
      [5, 0.4],
    ]);
  });

  it('single-ranking modes keep the reader-facing scores (BM25, cosine), higher first', () => {
    expect(fuse('lexical', lexical, dense, 60)).toEqual([
      { chunkIndex: 10, score: 10, lexical: { rank: 1, score: 10 } },
      { chunkIndex: 20, score: 8, lexical: { rank: 2, score: 8 } },
      { chunkIndex: 30, score: 5, lexical: { rank: 3, score: 5 } },
    ]);
    expect(fuse('dense', lexical, dense, 60).map((f) => [f.chunkIndex, f.score])).toEqual([
      [20, 0.9],
      [40, 0.8],
      [10, 0.7],
    ]);
  });
});

describe('the section headed by what is asked', () => {
  const ranked = [
    { docId: 'guide', subhead: '一、补贴对象' },
    { docId: 'other', subhead: '第三条' },
    { docId: 'guide', subhead: '二、补贴标准' },
    { docId: 'third', subhead: '办理地点' },
    { docId: 'guide', subhead: '四、申领时间' },
    { docId: 'guide', subhead: '五、办理地点' },
  ];
  const order = (question: string) => liftAskedSection(ranked, (s) => s, question).map((s) => `${s.docId}:${s.subhead}`);

  it('moves to just after the first passage of its document, for the leading documents only', () => {
    expect(order('创业补贴一年啥时候能报').slice(0, 3)).toEqual(['guide:一、补贴对象', 'guide:四、申领时间', 'other:第三条']);
    expect(order('when can I apply for the grant?')[1]).toBe('guide:四、申领时间');
    // Where: the guide's own 办理地点, not the third document's (it does not lead).
    expect(order('创业补贴去哪儿办').slice(0, 2)).toEqual(['guide:一、补贴对象', 'guide:五、办理地点']);
  });

  it('leaves the ranking alone when nothing such is asked, or the first passage is that section', () => {
    expect(order('创业补贴是什么')).toEqual(order(''));
    // How much: the section of amounts (二、补贴标准) comes second.
    expect(order('创业补贴每人多少钱')[1]).toBe('guide:二、补贴标准');
    expect(order('').map((s) => s)).toEqual(ranked.map((s) => `${s.docId}:${s.subhead}`));
    const timeFirst = [ranked[4], ...ranked.slice(0, 4)];
    expect(liftAskedSection(timeFirst, (s) => s, '啥时候能报')).toEqual(timeFirst);
  });

  it('a period named for what is done in it (三、集中缴费期, 申报期) is a section of when', () => {
    const notice = [
      { docId: 'insurance', subhead: '' },
      { docId: 'insurance', subhead: '二、缴费标准' },
      { docId: 'other', subhead: '第一条' },
      { docId: 'insurance', subhead: '三、集中缴费期' },
    ];
    expect(liftAskedSection(notice, (s) => s, '医保费今年最晚交到哪天')[1]).toEqual({ docId: 'insurance', subhead: '三、集中缴费期' });
    expect(liftAskedSection(notice, (s) => s, '医保费一年交多少钱')[1]).toEqual({ docId: 'insurance', subhead: '二、缴费标准' });
  });
});

describe('search terms', () => {
  it("weigh words of clauses that only tell the asker's story half as much as those of the clause that asks", () => {
    // weightedTerms reads only the index's tokenizer and document frequencies.
    const index = { tokenizer: createTokenizer(), keyword: { documentFrequency: () => 0 } } as unknown as LoadedIndex;
    const terms = weightedTerms({ text: '我爸瘫在床上好几年了，长期护理保险一个月能给多少', language: 'zh', k: 5, mode: 'lexical' }, index);
    const weight = (t: string) => terms.find((x) => x.term === t)?.weight;
    expect(weight('床上')).toBe(0.5);
    expect(weight('护理')).toBe(1);
    // One clause: nothing to tell apart.
    expect(weightedTerms({ text: '我爸瘫在床上长期护理保险一个月能给多少', language: 'zh', k: 5, mode: 'lexical' }, index).find((x) => x.term === '床上')?.weight).toBe(1);
  });

  it("search a short form's long form whole: its pieces the short form lacks are not what was asked", () => {
    const index = { tokenizer: createTokenizer(), keyword: { documentFrequency: () => 0 } } as unknown as LoadedIndex;
    const expansions = [{ term: '废旧电池', weight: 0.8, origin: 'abbreviation', source: '废电池' }];
    const terms = weightedTerms({ text: '废电池能卖吗', language: 'zh', k: 5, mode: 'lexical', expansions }, index).map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['废旧电池', '电池']));
    expect(terms).not.toContain('废旧');
    // A synonym's pieces are searched as before (残疾人证 → 残疾人).
    const synonym = weightedTerms({ text: '残疾证怎么办', language: 'zh', k: 5, mode: 'lexical', expansions: [{ term: '残疾人证', weight: 0.9, origin: 'synonym', source: '残疾证' }] }, index).map((t) => t.term);
    expect(synonym).toContain('残疾人');
  });

  it('leave out a filler the segmenter cuts into a word of its own (来着 → 来): 票价多少来着 searches 票价', () => {
    const index = { tokenizer: createTokenizer(), keyword: { documentFrequency: () => 0 } } as unknown as LoadedIndex;
    const terms = weightedTerms({ text: '去年清明专线票价多少来着', language: 'zh', k: 5, mode: 'lexical' }, index).map((t) => t.term);
    expect(terms).toContain('票价');
    expect(terms).not.toContain('来');
    // (A 来 of its own is the asker's word: 什么时候来收.)
    expect(weightedTerms({ text: '旧家具什么时候来收', language: 'zh', k: 5, mode: 'lexical' }, index).map((t) => t.term)).toContain('来');
  });
});

describe('the dense path on the generated tiny model', () => {
  let corpus: TempCorpus;
  let app: App;

  beforeAll(async () => {
    corpus = makeTempCorpus({ prefix: 'retrieval-tiny-' });
    // No index yet: openApp builds it on first run.
    app = await openApp({ env: tinyModelEnv(corpus), logger });
  });
  afterAll(async () => {
    await app?.close();
    corpus?.remove();
  });

  it('the first run built vectors.f32 and vectors.hnsw, and the manifest records model, dims and pooling', () => {
    const gen = currentGeneration(corpus.indexDir)!;
    expect(fs.existsSync(path.join(gen, 'vectors.f32'))).toBe(true);
    expect(fs.existsSync(path.join(gen, 'vectors.hnsw'))).toBe(true);
    expect(readManifest(gen).embedding).toMatchObject({ model: TINY_MODEL_ID, dims: TINY_MODEL_DIMS, pooling: 'mean' });
    expect(app.warnings).toEqual([]);
    expect(app.service.describe()).toMatchObject({ documents: 5, mode: 'hybrid', embeddingModel: TINY_MODEL_ID });
  });

  it('a quoted sentence the reply says does not give the amount is quoted once, its marks balanced', async () => {
    const r = await app.service.ask({ question: 'how much is the eldercare allowance', channel: 'cli', mode: 'lexical' });
    expect(r.abstained, r.answer).toBe(true);
    const said = r.answer.split('What they do say:')[1] ?? '';
    expect(said, r.answer).not.toBe('');
    expect(said).not.toMatch(/““|””/);
    expect((said.match(/“/g) ?? []).length).toBe((said.match(/”/g) ?? []).length);
  });

  it('answers in hybrid mode by default, with fused scores in (0, 1]', async () => {
    const response = await app.service.ask({ question: QUESTION });
    expect(response.retrieval).toEqual({ mode: 'hybrid', embedding_model: TINY_MODEL_ID });
    expect(response.answer).toContain('500米');
    expect(response.sources[0].doc).toBe(LUTIAN_DOC);
    expect(response.sources).toHaveLength(5);
    expectDescending(response);
    for (const s of response.sources) expect(s.score).toBeGreaterThan(0), expect(s.score).toBeLessThanOrEqual(1);
  });

  it('answers in dense mode when asked, ranked by cosine similarity', async () => {
    const response = await app.service.ask({ question: QUESTION, mode: 'dense' });
    expect(response.retrieval).toEqual({ mode: 'dense', embedding_model: TINY_MODEL_ID });
    expect(response.sources.length).toBe(5);
    expectDescending(response);
    for (const s of response.sources) expect(s.score).toBeLessThanOrEqual(1);
  });

  it('dense retrieval finds a passage from its own wording (the tiny model embeds shared characters close)', async () => {
    const hybrid = await app.service.ask({ question: QUESTION });
    const passage = hybrid.sources[0].text.replace(/\s+/g, ' ').slice(0, 400);
    const response = await app.service.ask({ question: passage, mode: 'dense' });
    expect(response.sources[0].text).toBe(hybrid.sources[0].text);
    expect(response.sources[0].score).toBeGreaterThan(response.sources[4].score);
  });

  it('the retriever fuses both rankings: every hybrid score is RRF of its lexical and dense ranks', async () => {
    const config = loadCoreConfig(tinyModelEnv(corpus));
    const embedder = await createTransformersEmbedder(config.embedding, logger);
    try {
      const index = loadIndex(config, embedder, logger);
      const retriever = createRetriever({ index: () => index, embedder, config: config.retrieval, logger });
      const result = await retriever.retrieve({ text: QUESTION, language: 'zh', k: 10 });
      expect(result.mode).toBe('hybrid');
      const k = config.retrieval.rrfK;
      for (const p of result.passages) {
        const raw = (p.lexical ? 1 / (k + p.lexical.rank) : 0) + (p.dense ? 1 / (k + p.dense.rank) : 0);
        expect(p.score).toBeCloseTo(raw / (2 / (k + 1)), 3);
      }
      expect(result.passages[0].lexical).toBeDefined();
      expect(result.passages[0].dense).toBeDefined();
      expect(result.passages[0].chunk.text).toContain('500米');
    } finally {
      await embedder.dispose();
    }
  });
});

describe('lexical fallback when the model cannot load', () => {
  let corpus: TempCorpus;
  let app: App;
  let release: () => void = () => undefined;
  let holdNext = false;
  /** The generation of the answerer bundle that answered each question, in order. */
  const answeredBy: string[] = [];

  beforeAll(async () => {
    corpus = makeTempCorpus({ prefix: 'retrieval-lexical-' });
    // An answerer that can hold one question between retrieval and answering (a question in flight).
    const answerer = ({ extractive, generation }: { extractive: { answer(input: AnswerInput): Promise<AnswerDraft> }; generation: string }) => ({
      async answer(input: AnswerInput): Promise<AnswerDraft> {
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        answeredBy.push(generation);
        return extractive.answer(input);
      },
    });
    app = await openApp({ env: missingModelEnv(corpus), logger, reloadCheckMs: 0, answerer });
  });
  afterAll(async () => {
    release();
    await app?.close();
    corpus?.remove();
  });

  it('ingests lexical-only, says so once in app.warnings, and answers with retrieval.mode lexical', async () => {
    expect(readManifest(currentGeneration(corpus.indexDir)!).embedding).toBeNull();
    expect(fs.readdirSync(currentGeneration(corpus.indexDir)!)).not.toContain('vectors.hnsw');
    const lexicalWarnings = app.warnings.filter((w) => /lexical-only/.test(w));
    expect(lexicalWarnings).toHaveLength(1);
    expect(lexicalWarnings[0]).toContain('nobody/no-such-model');

    const response = await app.service.ask({ question: QUESTION });
    expect(response.retrieval).toEqual({ mode: 'lexical', embedding_model: null });
    expect(response.answer).toContain('500米');
    expect(response.citations.map((rank) => response.sources[rank - 1].doc)).toContain(LUTIAN_DOC);
    // Asking for dense on a lexical-only index still answers, lexically.
    expect((await app.service.ask({ question: QUESTION, mode: 'dense' })).retrieval.mode).toBe('lexical');
  });

  it('hot reload: a document ingested while the app runs answers the next question; a question in flight completes', async () => {
    const libraryQuestion = '市图书馆晚上开放到几点？';
    const before = await app.service.ask({ question: libraryQuestion });
    expect(before.sources.map((s) => s.doc)).not.toContain('library.md');
    expect(app.service.describe().documents).toBe(5);

    const oldGeneration = currentGeneration(corpus.indexDir)!;
    holdNext = true;
    const inFlight = app.service.ask({ question: QUESTION });
    await until(() => !holdNext, 'the question to reach the answerer'); // retrieval ran on the old generation

    fs.writeFileSync(path.join(corpus.corpusDir, 'library.md'), '# 市图书馆延长开放时间\n\n自下月起，市图书馆每周二至周日开放到晚上九点，读者凭身份证即可免费办理借书卡。\n');
    const report = await ingest(loadCoreConfig(missingModelEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, logger);
    expect(report.added).toEqual(['library.md']);

    const after = await app.service.ask({ question: libraryQuestion });
    expect(after.sources[0].doc).toBe('library.md');
    expect(after.answer).toContain('九点');
    expect(app.service.describe().documents).toBe(6);

    const newGeneration = currentGeneration(corpus.indexDir)!;
    expect(newGeneration).not.toBe(oldGeneration);
    release();
    const finished = await inFlight;
    expect(finished.answer).toContain('500米');
    expect(finished.sources[0].doc).toBe(LUTIAN_DOC);
    // One snapshot per question: the question in flight was answered with the statistics of the
    // generation it was retrieved from, the next one entirely from the new generation.
    expect(answeredBy.at(-2)).toBe(newGeneration); // the library question, asked after the reload
    expect(answeredBy.at(-1)).toBe(oldGeneration); // the question in flight, released last
    expect(app.reloadIndex()).toBe(false);
  });
});

describe('a Chinese passage for an English question', () => {
  const ranked = [
    { id: 1, text: 'The Riverside night market has 120 stalls.' },
    { id: 2, text: 'Food stalls must show a health certificate (健康证明).' },
    { id: 3, text: 'Stall rent is paid every month.' },
    { id: 4, text: '承租人签订合同时缴纳摊位押金2000元。' },
    { id: 5, text: '夜市摊位不得转租。' },
  ];
  const order = (items: typeof ranked, language: 'zh' | 'en', k = 3) => keepOtherLanguage(items, k, (p) => p.text, language).map((p) => p.id);

  it('takes the last of the first k places when English pages fill them, the best Chinese one the search found', () => {
    expect(order(ranked, 'en')).toEqual([1, 2, 4, 3, 5]);
  });

  it('leaves the ranking alone for a Chinese question, where a Chinese passage is among the first k, or where the search found none', () => {
    expect(order(ranked, 'zh')).toEqual([1, 2, 3, 4, 5]);
    expect(order(ranked, 'en', 4)).toEqual([1, 2, 3, 4, 5]);
    expect(order(ranked.slice(0, 3), 'en', 2)).toEqual([1, 2, 3]);
  });

  it('reads a text as Chinese when it has more Han characters than Latin letters: an English page naming 长者食堂 stays English', () => {
    expect(chineseText('Call the 长者食堂 (elderly canteen) on weekdays.')).toBe(false);
    expect(chineseText('长者食堂每餐补贴5元，由湖滨区民政局按月发放（Hubin）')).toBe(true);
    expect(chineseText('0862-3827 1190')).toBe(false);
  });
});
