// Eval metrics on small hand-computed cases, question-file parsing, the runner's mode skipping and
// exit codes (with a stand-in service passed in), and a check that every gold string of the
// team's question set really is in its document.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AskRequest, AskResponse, RetrievalMode, Source } from '../src/ports.js';
import {
  checkThresholds, computeMetrics, containsGold, docHitRank, factInFirst80, findGoldSpans, hitRank, isAnswerCorrect, isFailure, isSafeAnswer,
  normalizeForMatch, parseQuestions, percentile, reliability, sameDoc, scoreResult, summarizeMode, type EvalQuestion, type EvalResult, type Summary,
} from '../eval/metrics.js';
import { main, parseCliArgs, runEval, UsageError } from '../eval/run.js';
import { isRejected, readDocument } from '../src/ingest/read.js';
import { BODY_KINDS } from '../src/ingest/model.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const tmpDirs: string[] = [];
async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-metrics-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

const src = (rank: number, doc: string, text: string): Source => ({ rank, doc, title: `t${rank}`, text, score: 1 / rank });

function question(over: Partial<EvalQuestion> = {}): EvalQuestion {
  return { id: 'q', question: '露天巷有多长？', answers: ['500米'], doc: 'a.txt', lang: 'zh', tags: [], unanswerable: false, line: 1, ...over };
}

function response(over: Partial<AskResponse> = {}): AskResponse {
  return {
    question: 'q', answer: '', abstained: false, language: 'zh', sources: [], citations: [],
    retrieval: { mode: 'lexical', embedding_model: null }, timings_ms: { retrieve: 1, answer: 1, total: 2 }, ...over,
  };
}

/** A minimal result for aggregation cases: only the fields the metrics read matter. */
function result(over: Partial<EvalResult>): EvalResult {
  return {
    id: 'x', mode: 'lexical', question: 'q', lang: 'zh', tags: [], unanswerable: false, gold_answers: ['g'], gold_doc: 'a.txt',
    answer: '', abstained: false, language: 'zh', sources: [], citations: [], hit_rank: null, answer_correct: false,
    abstention_ok: true, safe: true, latency_ms: 10, timings_ms: null, doc_hit_rank: null, fact_first80: false, confidence: null, ...over,
  };
}

/** ~60% calib / ~40% report within each language × answerability, and every unanswerable kind in both splits. */
function expectStratifiedSplit(questions: { lang?: string; unanswerable?: boolean; split?: string; tags: string[] }[], kinds: string[]): void {
  expect(questions.every((q) => q.split === 'calib' || q.split === 'report')).toBe(true);
  for (const lang of ['zh', 'en']) {
    for (const unanswerable of [false, true]) {
      const group = questions.filter((q) => q.lang === lang && q.unanswerable === unanswerable);
      const calib = group.filter((q) => q.split === 'calib').length / group.length;
      expect(calib, `${lang} unanswerable=${unanswerable}`).toBeGreaterThanOrEqual(0.5);
      expect(calib, `${lang} unanswerable=${unanswerable}`).toBeLessThanOrEqual(0.7);
    }
  }
  for (const kind of kinds) {
    expect(new Set(questions.filter((q) => q.tags.includes(kind)).map((q) => q.split)), kind).toEqual(new Set(['calib', 'report']));
  }
}

/**
 * Every unanswerable item says which one kind it is, names no document and no gold, and every kind is there in both
 * languages; no answerable item carries a kind; every document is asked about.
 */
function expectKindsAndDocuments(questions: readonly EvalQuestion[], kinds: string[], docs: Map<string, string>): void {
  const answerable = questions.filter((q) => !q.unanswerable);
  const un = questions.filter((q) => q.unanswerable);
  expect(un.filter((q) => kinds.filter((k) => q.tags.includes(k)).length !== 1).map((q) => q.id)).toEqual([]);
  for (const kind of kinds) {
    for (const lang of ['zh', 'en']) expect(un.some((q) => q.lang === lang && q.tags.includes(kind)), `${kind} ${lang}`).toBe(true);
  }
  expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
  expect(answerable.filter((q) => kinds.some((k) => q.tags.includes(k))).map((q) => q.id)).toEqual([]);
  expect(new Set(answerable.map((q) => q.doc))).toEqual(new Set(docs.keys()));
}

/** Every unanswerable kind is asked in both languages in both splits. */
function expectEveryKindEverywhere(questions: { lang?: string; split?: string; tags: string[] }[], kinds: string[]): void {
  for (const split of ['calib', 'report']) {
    for (const lang of ['zh', 'en']) {
      for (const kind of kinds) expect(questions.some((q) => q.split === split && q.lang === lang && q.tags.includes(kind)), `${split} ${lang} ${kind}`).toBe(true);
    }
  }
}

/** A document of a set written for English readers: NN_…_en.ext. */
const isEnglishDoc = (f: string | null | undefined) => /^[0-9]{2}_.*_en\.[a-z]+$/.test(f ?? '');

/** The shape a blind set written to the lakeside brief has: its documents by format, its questions by language and kind. */
interface BlindSetShape {
  documents: number;
  formats: Record<string, number>;
  englishDocs: string[];
  questions: [min: number, max: number];
  id: RegExp;
  answerable: number;
  answerableZh: number;
  answerableEn: number;
  onEnglishDocs: number;
  crossLingual: number;
  nearDuplicate: number;
  typo: number;
  unanswerable: number;
  unanswerableZh?: number;
  unanswerableEn?: number;
}

function expectBlindSetShape(questions: readonly EvalQuestion[], problems: unknown[], docs: Map<string, string>, kinds: string[], shape: BlindSetShape): void {
  expect(problems).toEqual([]);
  expect(docs.size).toBe(shape.documents);
  const byExt = new Map<string, number>();
  for (const f of docs.keys()) byExt.set(path.extname(f), (byExt.get(path.extname(f)) ?? 0) + 1);
  expect(Object.fromEntries(byExt)).toEqual(shape.formats);
  expect([...docs.keys()].filter((f) => isEnglishDoc(f)).sort()).toEqual(shape.englishDocs);
  expect(questions.length).toBeGreaterThanOrEqual(shape.questions[0]);
  expect(questions.length).toBeLessThanOrEqual(shape.questions[1]);
  expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  expect(questions.filter((q) => !shape.id.test(q.id)).map((q) => q.id)).toEqual([]);
  const answerable = questions.filter((q) => !q.unanswerable);
  const un = questions.filter((q) => q.unanswerable);
  expect(answerable.length).toBeGreaterThanOrEqual(shape.answerable);
  expect(answerable.filter((q) => q.lang === 'zh').length).toBeGreaterThanOrEqual(shape.answerableZh);
  expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(shape.answerableEn);
  // English questions on the English documents, and cross-lingual ones whose answer is in a Chinese document
  expect(answerable.filter((q) => q.lang === 'en' && isEnglishDoc(q.doc)).length).toBeGreaterThanOrEqual(shape.onEnglishDocs);
  const cross = answerable.filter((q) => q.tags.includes('cross-lingual'));
  expect(cross.length).toBeGreaterThanOrEqual(shape.crossLingual);
  expect(cross.filter((q) => q.lang !== 'en' || isEnglishDoc(q.doc)).map((q) => q.id)).toEqual([]);
  // every English question on a Chinese document says it is cross-lingual; no Chinese question is on an English document
  expect(answerable.filter((q) => q.lang === 'en' && !isEnglishDoc(q.doc) && !q.tags.includes('cross-lingual')).map((q) => q.id)).toEqual([]);
  expect(answerable.filter((q) => q.lang === 'zh' && isEnglishDoc(q.doc)).map((q) => q.id)).toEqual([]);
  expect(answerable.filter((q) => q.tags.includes('near-duplicate')).length).toBeGreaterThanOrEqual(shape.nearDuplicate);
  expect(questions.filter((q) => q.tags.includes('typo')).length).toBeGreaterThanOrEqual(shape.typo);
  expect(un.length).toBeGreaterThanOrEqual(shape.unanswerable);
  if (shape.unanswerableZh !== undefined) expect(un.filter((q) => q.lang === 'zh').length).toBeGreaterThanOrEqual(shape.unanswerableZh);
  if (shape.unanswerableEn !== undefined) expect(un.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(shape.unanswerableEn);
  expectKindsAndDocuments(questions, kinds, docs);
  // (its kind is the first tag)
  expect(un.filter((q) => !kinds.includes(q.tags[0])).map((q) => q.id)).toEqual([]);
}

/** The split rule of the lakeside brief: items 1, 3, 5 of every 5 in each language × answerability × kind are calib. */
function expectStratificationRule(questions: readonly EvalQuestion[]): void {
  const stratum = (q: EvalQuestion) =>
    `${q.lang}/${q.unanswerable}/${q.unanswerable ? q.tags[0] : q.tags.includes('cross-lingual') ? 'cross-lingual' : q.tags.includes('near-duplicate') ? 'near-duplicate' : 'plain'}`;
  const seen = new Map<string, number>();
  const wrong: string[] = [];
  for (const q of [...questions].sort((a, b) => a.id.localeCompare(b.id))) {
    const s = stratum(q);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    if (q.split !== ([0, 2, 4].includes(n % 5) ? 'calib' : 'report')) wrong.push(`${q.id} (${s} #${n + 1})`);
  }
  expect(wrong).toEqual([]);
  // every stratum of two or more is in both splits
  for (const [s, n] of seen) {
    if (n >= 2) expect(new Set(questions.filter((q) => stratum(q) === s).map((q) => q.split)), s).toEqual(new Set(['calib', 'report']));
  }
}

/** Each web page's text, as ingest extracts it, keeps a fact of its article and none of its navigation, side column or footer. */
function expectArticleOnly(docs: Map<string, string>, pages: Record<string, { kept: string; dropped: string[] }>): void {
  for (const [file, { kept, dropped }] of Object.entries(pages)) {
    const text = docs.get(file)!;
    expect(text, file).toContain(kept);
    for (const chrome of dropped) expect(text, file).not.toContain(chrome);
  }
}

describe('gold matching', () => {
  it('ignores case, whitespace and full/half-width differences', () => {
    expect(normalizeForMatch('５００ 米')).toBe(normalizeForMatch('500米'));
    expect(containsGold('巷道长 ５００ 米，坑洼不平', ['500米'])).toBe(true);
    expect(containsGold('Hello  WORLD', ['hello world'])).toBe(true);
    expect(containsGold('长 400 米', ['500米'])).toBe(false);
    expect(containsGold('anything', ['', '  '])).toBe(false);
  });

  it('matches a gold with Latin or digit edges as whole words and numbers, not inside longer ones', () => {
    // "Red" is not in "expired", nor "12" in "2012" or "5万" in "1.5万": the normalised text has lost the spaces that tell.
    expect(containsGold('Fluorescent tubes, expired medicine, paint', ['Red'])).toBe(false);
    expect(containsGold('Bin colour: Red; Examples: batteries', ['Red'])).toBe(true);
    expect(containsGold('The RED bin', ['red'])).toBe(true);
    expect(containsGold('自2012年起', ['12年'])).toBe(false);
    expect(containsGold('补贴1.5万元', ['5万元'])).toBe(false);
    expect(containsGold('补贴5万元', ['5万元'])).toBe(true);
    // (Chinese edges as before: a gold inside a longer Chinese phrase is found.)
    expect(containsGold('每人每月100元的补贴', ['每月100元'])).toBe(true);
    // (A number written across a space still matches as the whole text normalises it.)
    expect(containsGold('长 ５００ 米', ['500米'])).toBe(true);
    expect(isAnswerCorrect('Grey bin [1]', false, ['grey'])).toBe(true);
    expect(factInFirst80('Fluorescent tubes, expired medicine, paint [1]', false, ['Red'])).toBe(false);
  });

  it('maps matches back to the original text for highlighting', () => {
    const text = '露天巷 500 米长的巷道，另有５００米';
    const spans = findGoldSpans(text, ['500米']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['500 米', '５００米']);
  });
});

describe('hit_rank, answer correctness, safety', () => {
  const sources = [src(1, 'b.txt', '别的文件里也有500米'), src(2, 'a.txt', '无关'), src(3, 'seeds/a.txt', '巷道长 500 米'), src(4, 'a.txt', '500米')];

  it('is the first rank from the gold doc whose text holds a gold string', () => {
    expect(hitRank(sources, 'a.txt', ['500米'])).toBe(3);
    expect(hitRank(sources, undefined, ['500米'])).toBe(1);
    expect(hitRank(sources, 'a.txt', ['700米'])).toBeNull();
    expect(hitRank(sources, 'a.txt', [])).toBeNull();
    // ranks, not array positions, decide
    expect(hitRank([sources[3], sources[2]], 'a.txt', ['500米'])).toBe(3);
  });

  it('counts an answer only when it is not an abstention and holds a gold string', () => {
    expect(isAnswerCorrect('巷道长500 米[1]', false, ['500米'])).toBe(true);
    expect(isAnswerCorrect('文档没有提到500米', true, ['500米'])).toBe(false);
    expect(isAnswerCorrect('巷道很长', false, ['500米'])).toBe(false);
  });

  it('flags answers that echo markup or broadcast mentions from the question', () => {
    expect(isSafeAnswer('<!channel> 转账', '<!channel> 请转账')).toBe(false);
    expect(isSafeAnswer('<script>alert(1)</script>多长？', '500米 [1]')).toBe(true);
    expect(isSafeAnswer('<script>alert(1)</script>多长？', '你问的是 <script>alert(1)</script>')).toBe(false);
  });

  it('scores a response: top-k sources kept, gold sources marked, abstention and latency recorded', () => {
    const r = scoreResult(question(), 'lexical', response({ answer: '500米 [3]', sources }), 42, 3);
    expect(r.hit_rank).toBe(3);
    expect(r.sources.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(r.sources.map((s) => s.gold)).toEqual([false, false, true]);
    expect(r).toMatchObject({ answer_correct: true, abstention_ok: true, latency_ms: 42, safe: true });
    expect(isFailure(r)).toBe(false);
    const un = scoreResult(question({ unanswerable: true, answers: [], doc: undefined }), 'lexical', response({ answer: '500米', sources }), 5, 5);
    expect(un).toMatchObject({ hit_rank: null, answer_correct: false, abstention_ok: false });
    expect(isFailure(un)).toBe(true);
  });
});

describe('document ids, document-level hits, the first 80 characters', () => {
  it('matches a gold doc given as file name or path against ids relative to the corpus root', () => {
    expect(sameDoc('a.txt', 'a.txt')).toBe(true);
    expect(sameDoc('seeds/a.txt', 'a.txt')).toBe(true);
    expect(sameDoc('sub/a.txt', 'a.txt')).toBe(true);
    expect(sameDoc('sub/a.txt', 'corpus/sub/a.txt')).toBe(true);
    expect(sameDoc('./sub/a.txt', 'sub\\a.txt')).toBe(true);
    expect(sameDoc('sub/a.txt', 'other/a.txt')).toBe(false);
    expect(sameDoc('a.txt', 'b.txt')).toBe(false);
    expect(sameDoc('xsub/a.txt', 'sub/a.txt')).toBe(false);
  });

  it('ranks the gold document whatever the passage says', () => {
    const sources = [src(2, 'b.txt', '无关'), src(1, 'c.txt', 'x'), src(3, 'dir/a.txt', '没有金标')];
    expect(docHitRank(sources, 'a.txt')).toBe(3);
    expect(docHitRank(sources, 'z.txt')).toBeNull();
    expect(docHitRank(sources, undefined)).toBeNull();
  });

  it('finds the fact only within the first 80 characters of an answer that is not an abstention', () => {
    const filler = '根据文档'.repeat(20); // 80 characters
    expect(factInFirst80('露天巷长500米[1]。' + filler, false, ['500米'])).toBe(true);
    expect(factInFirst80(filler + '500米', false, ['500米'])).toBe(false);
    expect(factInFirst80(filler.slice(0, 76) + '500米', false, ['500米'])).toBe(true);
    expect(factInFirst80('500米', true, ['500米'])).toBe(false);
  });

  it('scores document hits, the baseline rank, the first-80 fact and the reported confidence', () => {
    const r = scoreResult(question(), 'lexical', response({ answer: '500米 [2]', confidence: 1.4, sources: [src(1, 'b.txt', 'x'), src(2, 'a.txt', '巷道 500 米')] }), 5, 5, { minisearch: ['c.txt', 'a.txt'], bm25_chunks: ['sub/a.txt'] });
    expect(r).toMatchObject({ hit_rank: 2, doc_hit_rank: 2, baseline_doc_rank: 2, bm25_doc_rank: 1, fact_first80: true, confidence: 1 });
    const none = scoreResult(question(), 'lexical', response({ answer: '不知道', abstained: true }), 5, 5);
    expect(none).toMatchObject({ doc_hit_rank: null, fact_first80: false, confidence: null });
    expect('baseline_doc_rank' in none).toBe(false);
    expect('bm25_doc_rank' in none).toBe(false);
  });
});

describe('aggregation', () => {
  it('computes hit@k, MRR@10, accuracy and abstention counts on a hand-computed set', () => {
    const results = [
      result({ hit_rank: 1, answer_correct: true, latency_ms: 10 }),
      result({ hit_rank: 2, answer_correct: true, latency_ms: 20 }),
      result({ hit_rank: null, abstained: true, latency_ms: 30 }),
      result({ hit_rank: 4, latency_ms: 40 }),
      result({ hit_rank: 12, latency_ms: 50 }), // beyond MRR@10 and hit@5
      result({ unanswerable: true, gold_answers: [], abstained: true, latency_ms: 60 }),
      result({ unanswerable: true, gold_answers: [], abstained: true, latency_ms: 70 }),
      result({ unanswerable: true, gold_answers: [], abstained: false, latency_ms: 80, safe: false }),
      result({ error: 'boom', latency_ms: 999 }),
    ];
    const m = computeMetrics(results);
    expect(m).toMatchObject({ n: 9, answerable: 6, unanswerable: 3, errors: 1 });
    expect(m.hit_at_1).toBeCloseTo(1 / 6);
    expect(m.hit_at_5).toBeCloseTo(3 / 6);
    expect(m.mrr_at_10).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 6);
    expect(m.answer_accuracy).toBeCloseTo(2 / 6);
    expect(m.false_abstain_rate).toBeCloseTo(1 / 6);
    expect(m.abstention_recall).toBeCloseTo(2 / 3);
    expect(m.safe_rate).toBeCloseTo(8 / 9);
    expect(m.baseline_doc_hit_at_5).toBeNull(); // no peer ran
    expect(m.bm25_doc_hit_at_5).toBeNull();
    // errors are left out of latency: 8 values 10..80
    expect(m.latency_ms).toEqual({ p50: 40, p95: 80 });
  });

  it('computes document-level hit@5 for the bot and the baseline, and the first-80 share, on a hand-computed set', () => {
    const m = computeMetrics([
      result({ doc_hit_rank: 1, baseline_doc_rank: 6, bm25_doc_rank: 1, fact_first80: true }),
      result({ doc_hit_rank: 5, baseline_doc_rank: 1, bm25_doc_rank: null }),
      result({ doc_hit_rank: null, baseline_doc_rank: 2, bm25_doc_rank: 9, fact_first80: true }),
      result({ doc_hit_rank: 7, baseline_doc_rank: null, bm25_doc_rank: null }),
      result({ unanswerable: true, gold_answers: [], gold_doc: null, baseline_doc_rank: null }),
    ]);
    expect(m.doc_hit_at_5).toBeCloseTo(2 / 4);
    expect(m.baseline_doc_hit_at_5).toBeCloseTo(2 / 4);
    expect(m.bm25_doc_hit_at_5).toBeCloseTo(1 / 4);
    expect(m.fact_in_first_80).toBeCloseTo(2 / 4);
  });

  it('bins answers by confidence and counts how many in each bin were right', () => {
    const bins = reliability([
      result({ confidence: 0.05, answer_correct: false }),
      result({ confidence: 0.9, answer_correct: true }),
      result({ confidence: 1, answer_correct: true }),
      result({ confidence: 0.85, answer_correct: false }),
      result({ confidence: 0.9, unanswerable: true, gold_answers: [], answer_correct: false }),
      result({ confidence: 0.9, abstained: true }), // abstentions are not answers
      result({ confidence: null, answer_correct: true }), // no confidence reported
      result({ confidence: 0.5, error: 'boom' }),
    ]);
    expect(bins.map((b) => [b.from, b.answered, b.right])).toEqual([[0, 1, 0], [0.2, 0, 0], [0.4, 0, 0], [0.6, 0, 0], [0.8, 4, 2]]);
    expect(bins[4].accuracy).toBeCloseTo(0.5);
    expect(bins[1].accuracy).toBeNull();
    expect(reliability([result({ confidence: null })])).toEqual([]);
  });

  it('reports null, not zero, for a group with nothing to measure', () => {
    const m = computeMetrics([result({ unanswerable: true, gold_answers: [], abstained: true })]);
    expect(m.hit_at_5).toBeNull();
    expect(m.answer_accuracy).toBeNull();
    expect(m.abstention_recall).toBe(1);
    expect(computeMetrics([]).latency_ms).toEqual({ p50: null, p95: null });
  });

  it('uses nearest-rank percentiles', () => {
    const tens = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];
    expect(percentile(tens, 50)).toBe(50);
    expect(percentile(tens, 95)).toBe(100);
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('groups per language and per tag', () => {
    const s = summarizeMode([
      result({ lang: 'zh', tags: ['number'], hit_rank: 1, answer_correct: true }),
      result({ lang: 'en', tags: ['number', 'where'], hit_rank: null }),
    ], null);
    expect(Object.keys(s.by_lang)).toEqual(['en', 'zh']);
    expect(s.by_lang.zh.hit_at_1).toBe(1);
    expect(s.by_lang.en.hit_at_1).toBe(0);
    expect(s.by_tag.number.n).toBe(2);
    expect(s.by_tag.where.n).toBe(1);
  });

  it('names every missed threshold', () => {
    const summary: Summary = {
      generated_at: '', questions_file: 'q', questions: 2, k: 5, question_file_problems: [],
      modes: {
        lexical: summarizeMode([result({ hit_rank: 1, answer_correct: false }), result({ hit_rank: 9 })], null),
        dense: { status: 'skipped', reason: 'no model' },
      },
    };
    expect(checkThresholds(summary, { minHit5: 0.5 })).toEqual([]);
    expect(checkThresholds(summary, { minAbstain: 0.5 })[0]).toMatch(/abstention recall is undefined .* --min-abstain 0\.5/);
    expect(checkThresholds(summary, { minDocHit5: 0.1 })[0]).toMatch(/lexical: document hit@5 0\.000 < --min-doc-hit5 0\.1/);
    expect(checkThresholds(summary, { maxFalseAbstain: 0 })).toEqual([]);
    expect(checkThresholds(summary, { minFact80: 0.1 })[0]).toMatch(/lexical: fact in first 80 0\.000 < --min-fact80 0\.1/);
    expect(parseCliArgs(['--min-fact80', '0.6']).thresholds.minFact80).toBe(0.6);
    const abstaining = { ...summary, modes: { lexical: summarizeMode([result({ abstained: true }), result({})], null) } };
    expect(checkThresholds(abstaining, { maxFalseAbstain: 0.5 })).toEqual([]);
    expect(checkThresholds(abstaining, { maxFalseAbstain: 0.4 })[0]).toMatch(/lexical: false-abstain rate 0\.500 > --max-false-abstain 0\.4/);
    const misses = checkThresholds(summary, { minHit5: 0.6, minAnswer: 0.1 });
    expect(misses).toHaveLength(2);
    expect(misses[0]).toMatch(/lexical: hit@5 0\.500 < --min-hit5 0\.6/);
    expect(misses[1]).toMatch(/answer accuracy 0\.000 < --min-answer 0\.1/);
    expect(checkThresholds({ ...summary, modes: { dense: { status: 'skipped', reason: 'x' } } }, { minHit5: 0.1 })[0]).toMatch(/no retrieval mode ran/);
  });
});

describe('question file parsing', () => {
  it('reports bad lines by number, skips them and applies defaults to missing optional fields', () => {
    const text = [
      '{"id":"a","question":"露天巷有多长？","answers":["500米"],"doc":"d.txt"}',
      '',
      '{not json',
      '{"id":"b","answers":["x"]}',
      '{"id":"a","question":"重复的 id","answers":["y"],"doc":"d.txt"}',
      '{"id":"c","question":"How much is it in Hangzhou?"}',
      '{"id":"d","question":"问","answers":["x"],"unanswerable":true}',
      '["an","array"]',
      '# a comment',
      '{"id":"e","question":"Where?","answers":["万达广场"],"lang":"fr","tags":["where"],"extra":1}',
      '{"id":"f","question":"无金标","answers":[],"unanswerable":false}',
    ].join('\n');
    const { questions, problems } = parseQuestions(text);
    expect(questions.map((q) => q.id)).toEqual(['a', 'c', 'e']);
    expect(questions[0]).toMatchObject({ lang: 'zh', tags: [], unanswerable: false, doc: 'd.txt', line: 1 });
    expect(questions[1]).toMatchObject({ lang: 'en', answers: [], unanswerable: true, doc: undefined });
    expect(questions[2]).toMatchObject({ lang: 'en', tags: ['where'], doc: undefined });
    const skipped = problems.filter((p) => p.skipped).map((p) => p.line);
    expect(skipped).toEqual([3, 4, 5, 7, 8, 11]);
    expect(problems.find((p) => p.line === 5)?.message).toMatch(/duplicate id "a"/);
    const warnings = problems.filter((p) => !p.skipped).map((p) => p.line);
    expect(warnings).toEqual([10, 10, 10]); // no doc, bad lang, unknown field
  });
});

/**
 * Each document's text by file name: .txt files as they are; other formats (.md, .html, .docx, .pdf) as
 * the body text ingest extracts (what navigation and footers it drops is not there to be quoted).
 */
async function readDocs(dir: string): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  for (const f of await readdir(path.join(ROOT, dir))) {
    if (path.extname(f).toLowerCase() === '.txt') {
      docs.set(f, await readFile(path.join(ROOT, dir, f), 'utf8'));
      continue;
    }
    const doc = await readDocument(path.join(ROOT, dir, f), path.join(ROOT, dir));
    if (isRejected(doc)) throw new Error(`${dir}/${f}: ingest rejects it (${doc.reason})`);
    docs.set(f, doc.blocks.filter((b) => BODY_KINDS.has(b.kind)).map((b) => b.text).join('\n'));
  }
  return docs;
}

/** Every gold string of every answerable item, checked verbatim (after normalisation) in its document. */
function missingGolds(questions: readonly EvalQuestion[], docs: Map<string, string>, dir: string): string[] {
  const missing: string[] = [];
  for (const q of questions.filter((x) => !x.unanswerable)) {
    const doc = q.doc ? docs.get(path.basename(q.doc)) : undefined;
    if (doc === undefined) {
      missing.push(`${q.id}: document ${q.doc} is not in ${dir}/`);
      continue;
    }
    const hay = normalizeForMatch(doc);
    for (const a of q.answers) if (!hay.includes(normalizeForMatch(a))) missing.push(`${q.id}: "${a}" not in ${q.doc}`);
  }
  return missing;
}

describe('the team question set (eval/questions.jsonl)', async () => {
  const text = await readFile(path.join(ROOT, 'eval/questions.jsonl'), 'utf8');
  const { questions, problems } = parseQuestions(text);
  const docs = await readDocs('seeds');

  it('parses without a single problem', () => {
    expect(problems).toEqual([]);
  });

  it('has the counts the issue asks for', () => {
    const answerable = questions.filter((q) => !q.unanswerable);
    const zh = answerable.filter((q) => q.lang === 'zh' && !q.tags.includes('adversarial'));
    const en = answerable.filter((q) => q.lang === 'en' && !q.tags.includes('adversarial'));
    const un = questions.filter((q) => q.unanswerable && !q.tags.includes('adversarial'));
    const adv = questions.filter((q) => q.tags.includes('adversarial'));
    expect(questions.length).toBeGreaterThanOrEqual(110);
    expect(zh.length).toBeGreaterThanOrEqual(55);
    expect(en.length).toBeGreaterThanOrEqual(28);
    expect(un.length).toBeGreaterThanOrEqual(16);
    expect(new Set(un.map((q) => q.lang))).toEqual(new Set(['zh', 'en']));
    expect(un.filter((q) => q.tags.includes('near-miss')).length).toBeGreaterThanOrEqual(6);
    expect(adv.length).toBeGreaterThanOrEqual(12);
    for (const q of adv) expect(q.tags.some((t) => t === 'expect-abstain' || t === 'expect-safe'), q.id).toBe(true);
    for (const q of adv.filter((a) => a.tags.includes('expect-abstain'))) expect(q.unanswerable, q.id).toBe(true);
  });

  it('finds every gold string of every answerable item verbatim in its document', () => {
    expect(missingGolds(questions, docs, 'seeds')).toEqual([]);
  });
});

describe("the residents'-wording set (eval/residents.jsonl)", async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/residents.jsonl'), 'utf8'));
  const docs = await readDocs('seeds');
  const team = new Set(parseQuestions(await readFile(path.join(ROOT, 'eval/questions.jsonl'), 'utf8')).questions.map((q) => q.question));

  it('parses without a single problem and shares no question with the team set', () => {
    expect(problems).toEqual([]);
    expect(questions.filter((q) => team.has(q.question)).map((q) => q.id)).toEqual([]);
  });

  it('has >= 100 answerable (about 30% English) and >= 30 unanswerable items in both languages', () => {
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(100);
    expect(un.length).toBeGreaterThanOrEqual(30);
    const en = answerable.filter((q) => q.lang === 'en').length / answerable.length;
    expect(en).toBeGreaterThan(0.25);
    expect(en).toBeLessThan(0.4);
    expect(new Set(un.map((q) => q.lang))).toEqual(new Set(['zh', 'en']));
    for (const kind of ['other-city', 'missing-facet', 'off-topic']) {
      for (const lang of ['zh', 'en']) expect(un.some((q) => q.lang === lang && q.tags.includes(kind)), `${kind} ${lang}`).toBe(true);
    }
  });

  it('splits every stratum (language x answerable) into calib ~40% and report ~60%', () => {
    expect(questions.every((q) => q.split === 'calib' || q.split === 'report')).toBe(true);
    for (const lang of ['zh', 'en']) {
      for (const unanswerable of [false, true]) {
        const group = questions.filter((q) => q.lang === lang && q.unanswerable === unanswerable);
        const calib = group.filter((q) => q.split === 'calib').length / group.length;
        expect(calib, `${lang} unanswerable=${unanswerable}`).toBeGreaterThan(0.3);
        expect(calib, `${lang} unanswerable=${unanswerable}`).toBeLessThan(0.5);
      }
    }
  });

  it('finds every gold string of every answerable item verbatim in its document', () => {
    expect(missingGolds(questions, docs, 'seeds')).toEqual([]);
  });
});

describe('the notices dev corpus (eval/notices)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/notices/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/notices/docs');

  it('has 8-12 notices, ~60 questions with >= 15 unanswerable in both languages, split calib/report', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(8);
    expect(docs.size).toBeLessThanOrEqual(12);
    expect(questions.length).toBeGreaterThanOrEqual(55);
    const un = questions.filter((q) => q.unanswerable);
    expect(un.length).toBeGreaterThanOrEqual(15);
    expect(new Set(un.map((q) => q.lang))).toEqual(new Set(['zh', 'en']));
    expect(new Set(questions.map((q) => q.split))).toEqual(new Set(['calib', 'report']));
    // every notice is asked about
    expect(new Set(questions.filter((q) => q.doc).map((q) => q.doc))).toEqual(new Set(docs.keys()));
  });

  it('finds every gold string verbatim in its notice', () => {
    expect(missingGolds(questions, docs, 'eval/notices/docs')).toEqual([]);
  });
});

describe('the policies held-out set (eval/policies)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/policies/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/policies/docs');

  it('has ~20 policy documents in five formats and ~130 report-only questions, answerable and not, in both languages', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(18);
    expect(docs.size).toBeLessThanOrEqual(26);
    expect(new Set([...docs.keys()].map((f) => path.extname(f)))).toEqual(new Set(['.txt', '.md', '.html', '.docx', '.pdf']));
    expect(questions.length).toBeGreaterThanOrEqual(120);
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(90);
    expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
    expect(un.length).toBeGreaterThanOrEqual(30);
    expect(new Set(un.map((q) => q.lang))).toEqual(new Set(['zh', 'en']));
    // report-only: never used to calibrate
    expect(new Set(questions.map((q) => q.split))).toEqual(new Set(['report']));
    // unanswerable items name no document and no gold; every document is asked about
    expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    expect(new Set(answerable.map((q) => q.doc))).toEqual(new Set(docs.keys()));
  });

  it('finds every gold string verbatim in the text ingest extracts from its document', () => {
    expect(missingGolds(questions, docs, 'eval/policies/docs')).toEqual([]);
  });

  it('reads the web pages without their navigation and footers, so a gold there would be caught', () => {
    const page = docs.get('03_gongjijin_daikuan_jiedu.html')!;
    expect(page).toContain('缴存情况 | 首套住房最高额度 | 第二套住房最高额度\n借款人单方缴存 | 60万元 | 40万元\n借款人及配偶双方缴存 | 100万元 | 70万元');
    expect(page).not.toContain('望江路88号');
  });

describe('the services calibration set (eval/services)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/services/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/services/docs');
  const KINDS = ['other-place', 'other-year', 'missing-facet', 'neighbour-topic', 'off-topic'];

  it('has ~25 service documents in five formats and ~140 questions, answerable and not, in both languages', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(20);
    expect(docs.size).toBeLessThanOrEqual(26);
    expect(new Set([...docs.keys()].map((f) => path.extname(f)))).toEqual(new Set(['.txt', '.md', '.html', '.docx', '.pdf']));
    expect(questions.length).toBeGreaterThanOrEqual(130);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(95);
    expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
    // a few English questions whose answer is in a Chinese document
    expect(answerable.filter((q) => q.lang === 'en' && q.tags.includes('cross-lingual')).length).toBeGreaterThanOrEqual(4);
    expect(un.length).toBeGreaterThanOrEqual(35);
    expect(new Set(un.map((q) => q.lang))).toEqual(new Set(['zh', 'en']));
    // every unanswerable item says which kind it is, names no document and no gold; every document is asked about
    expect(un.filter((q) => KINDS.filter((k) => q.tags.includes(k)).length !== 1).map((q) => q.id)).toEqual([]);
    expect(new Set(un.flatMap((q) => q.tags.filter((t) => KINDS.includes(t))))).toEqual(new Set(KINDS));
    expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    expect(new Set(answerable.map((q) => q.doc))).toEqual(new Set(docs.keys()));
  });

  it('splits ~60% calib / ~40% report within each language and answerability, both splits in every group', () => {
    expectStratifiedSplit(questions, KINDS);
  });

  it('finds every gold string verbatim in the text ingest extracts from its document', () => {
    expect(missingGolds(questions, docs, 'eval/services/docs')).toEqual([]);
  });

  it('reads the web pages without their navigation and footers, so a gold there would be caught', () => {
    const page = docs.get('07_canji_fuju_shipei_zhinan.html')!;
    expect(page).toContain('东城区康宁路16号');
    expect(page).not.toContain('西岭区文华路3号');
  });
});
});

describe('the web pages and notices set (eval/webpages)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/webpages/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/webpages/docs');
  const KINDS = ['other-place', 'other-year', 'missing-facet', 'neighbour-topic', 'off-topic'];

  it('has 22–26 documents in five formats, about 30% English, and 130–160 questions, answerable and not, in both languages', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(22);
    expect(docs.size).toBeLessThanOrEqual(26);
    expect(new Set([...docs.keys()].map((f) => path.extname(f)))).toEqual(new Set(['.txt', '.md', '.html', '.docx', '.pdf']));
    expect([...docs.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(9);
    expect([...docs.keys()].filter((f) => /_en\.\w+$/.test(f)).length).toBeGreaterThanOrEqual(6);
    expect(questions.length).toBeGreaterThanOrEqual(130);
    expect(questions.length).toBeLessThanOrEqual(160);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(95);
    expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(35);
    // English questions whose answer is in a Chinese document
    const crossLingual = answerable.filter((q) => q.lang === 'en' && q.tags.includes('cross-lingual'));
    expect(crossLingual.length).toBeGreaterThanOrEqual(8);
    expect(crossLingual.filter((q) => /_en\.\w+$/.test(q.doc ?? '')).map((q) => q.id)).toEqual([]);
    expect(un.length).toBeGreaterThanOrEqual(40);
    expect(un.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(15);
    // every unanswerable item says which kind it is, names no document and no gold; every document is asked about
    expect(un.filter((q) => KINDS.filter((k) => q.tags.includes(k)).length !== 1).map((q) => q.id)).toEqual([]);
    for (const lang of ['zh', 'en']) expect(new Set(un.filter((q) => q.lang === lang).flatMap((q) => q.tags.filter((t) => KINDS.includes(t)))), lang).toEqual(new Set(KINDS));
    expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    expect(new Set(answerable.map((q) => q.doc))).toEqual(new Set(docs.keys()));
  });

  it('splits ~60% calib / ~40% report within each language and answerability, both splits in every group', () => {
    expectStratifiedSplit(questions, KINDS);
  });

  it('finds every gold string verbatim in the text ingest extracts from its document', () => {
    expect(missingGolds(questions, docs, 'eval/webpages/docs')).toEqual([]);
  });

  it('reads the web pages without their navigation, sidebars and footers, so a gold there would be caught', () => {
    const page = docs.get('01_zhengwu_fuwu_zhongxin_bianmin.html')!;
    expect(page).toContain('免费停车2小时');
    expect(page).not.toContain('府前路1号');
    expect(page).not.toContain('桐山县政务服务中心');
    const en = docs.get('20_residence_permit_foreigners_en.html')!;
    expect(en).toContain('window 5');
    expect(en).not.toContain('Switchboard');
  });
});

describe('the county calibration set (eval/county)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/county/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/county/docs');
  const KINDS = ['other-place', 'other-year', 'missing-facet', 'neighbour-topic', 'off-topic'];

  it('has 22-26 policy documents in five formats and 130-160 questions, answerable and not, in both languages', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(22);
    expect(docs.size).toBeLessThanOrEqual(26);
    expect(new Set([...docs.keys()].map((f) => path.extname(f)))).toEqual(new Set(['.txt', '.md', '.html', '.docx', '.pdf']));
    expect(questions.length).toBeGreaterThanOrEqual(130);
    expect(questions.length).toBeLessThanOrEqual(160);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(95);
    expect(answerable.filter((q) => q.lang === 'zh').length).toBeGreaterThanOrEqual(70);
    expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
    // a few English questions whose answer is in a Chinese document
    expect(answerable.filter((q) => q.lang === 'en' && q.tags.includes('cross-lingual')).length).toBeGreaterThanOrEqual(4);
    expect(un.length).toBeGreaterThanOrEqual(40);
    // every unanswerable item says which kind it is, names no document and no gold; every kind is there in both languages
    expect(un.filter((q) => KINDS.filter((k) => q.tags.includes(k)).length !== 1).map((q) => q.id)).toEqual([]);
    for (const kind of KINDS) {
      for (const lang of ['zh', 'en']) expect(un.some((q) => q.lang === lang && q.tags.includes(kind)), `${kind} ${lang}`).toBe(true);
    }
    expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    // every document is asked about
    expect(new Set(answerable.map((q) => q.doc))).toEqual(new Set(docs.keys()));
  });

  it('splits ~60% calib / ~40% report within each language and answerability, both splits in every group', () => {
    expectStratifiedSplit(questions, KINDS);
  });

  it('finds every gold string verbatim in the text ingest extracts from its document', () => {
    expect(missingGolds(questions, docs, 'eval/county/docs')).toEqual([]);
  });

  it('reads the web pages without their navigation and footers, so a gold there would be caught', () => {
    const page = docs.get('04_canjiren_liangxiang_butie_zhinan.html')!;
    expect(page).toContain('每人每月120元');
    expect(page).not.toContain('府前路1号');
    const en = docs.get('23_foreign_children_schooling_en.html')!;
    expect(en).toContain('+86 867 5832 6690');
    expect(en).not.toContain('5830 0088');
  });
});

describe('the fresh sets (eval/county/fresh.jsonl, eval/webpages/fresh.jsonl), written last and never tuned on', async () => {
  for (const name of ['county', 'webpages']) {
    const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, `eval/${name}/fresh.jsonl`), 'utf8'));
    const docs = await readDocs(`eval/${name}/docs`);

    it(`${name}: 70 questions, answerable and not, in both languages, all in the split "fresh"`, () => {
      expect(problems).toEqual([]);
      expect(questions).toHaveLength(70);
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
      expect(questions.filter((q) => q.split !== 'fresh').map((q) => q.id)).toEqual([]);
      const un = questions.filter((q) => q.unanswerable);
      expect(un.length).toBeGreaterThanOrEqual(20);
      expect(questions.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(15);
      expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    });

    it(`${name}: finds every gold string verbatim in the text ingest extracts from its document`, () => {
      expect(missingGolds(questions, docs, `eval/${name}/docs`)).toEqual([]);
    });
  }
});

describe('the blind sets with calib and report halves (eval/residents-fresh.jsonl on seeds/, eval/district)', async () => {
  const sets = [
    { name: 'residents-fresh', file: 'eval/residents-fresh.jsonl', docs: 'seeds', size: [100, 120] },
    { name: 'district', file: 'eval/district/questions.jsonl', docs: 'eval/district/docs', size: [140, 160] },
  ];
  for (const set of sets) {
    const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, set.file), 'utf8'));
    const docs = await readDocs(set.docs);

    it(`${set.name}: answerable and unanswerable questions in both languages, each in the calib or the report split`, () => {
      expect(problems).toEqual([]);
      expect(questions.length).toBeGreaterThanOrEqual(set.size[0]);
      expect(questions.length).toBeLessThanOrEqual(set.size[1]);
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
      expect(questions.filter((q) => q.split !== 'calib' && q.split !== 'report').map((q) => q.id)).toEqual([]);
      for (const split of ['calib', 'report']) {
        for (const lang of ['zh', 'en']) {
          const mine = questions.filter((q) => q.split === split && q.lang === lang);
          expect(mine.some((q) => q.unanswerable), `${split} ${lang} unanswerable`).toBe(true);
          expect(mine.some((q) => !q.unanswerable), `${split} ${lang} answerable`).toBe(true);
        }
      }
      const un = questions.filter((q) => q.unanswerable);
      expect(un.length).toBeGreaterThanOrEqual(30);
      expect(un.filter((q) => q.doc !== undefined || q.answers.length > 0).map((q) => q.id)).toEqual([]);
    });

    it(`${set.name}: finds every gold string verbatim in the text ingest extracts from its document`, () => {
      expect(missingGolds(questions, docs, set.docs)).toEqual([]);
    });
  }
});

describe('the English set from foreign residents on the seeds (eval/residents-en.jsonl)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/residents-en.jsonl'), 'utf8'));
  const docs = await readDocs('seeds');

  it('holds 56 answerable and 28 unanswerable English questions, half in each split, every kind of unanswerable in both', () => {
    expect(problems).toEqual([]);
    expect(questions).toHaveLength(84);
    expect(new Set(questions.map((q) => q.id)).size).toBe(84);
    expect(questions.filter((q) => q.lang !== 'en').map((q) => q.id)).toEqual([]);
    for (const split of ['calib', 'report']) {
      const mine = questions.filter((q) => q.split === split);
      expect(mine.filter((q) => !q.unanswerable), `${split} answerable`).toHaveLength(28);
      expect(mine.filter((q) => q.unanswerable), `${split} unanswerable`).toHaveLength(14);
      for (const kind of ['u-facet', 'u-place', 'u-neighbour', 'u-offtopic']) expect(mine.some((q) => q.unanswerable && q.tags?.[0] === kind), `${split} ${kind}`).toBe(true);
      // (Every seed page is asked about in both halves.)
      expect(new Set(mine.filter((q) => !q.unanswerable).map((q) => q.doc)).size, `${split} pages`).toBe(5);
    }
    expect(questions.filter((q) => q.unanswerable && (q.doc !== undefined || q.answers.length > 0)).map((q) => q.id)).toEqual([]);
  });

  it('finds every gold string verbatim in the text ingest extracts from its page', () => {
    expect(missingGolds(questions, docs, 'seeds')).toEqual([]);
  });
});

describe('the CMRC 2018 set (eval/cmrc2018)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/cmrc2018/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/cmrc2018/docs');

  it('holds 676 answerable and 80 unanswerable questions over its 250 documents, with its licence', async () => {
    expect(problems).toEqual([]);
    expect(questions.filter((q) => !q.unanswerable)).toHaveLength(676);
    expect(questions.filter((q) => q.unanswerable)).toHaveLength(80);
    expect(docs.size).toBe(250);
    expect(await readFile(path.join(ROOT, 'eval/cmrc2018/LICENSE-DATA'), 'utf8')).toMatch(/CC BY-SA 4\.0|Creative Commons/);
  });

  it('finds every gold string verbatim in its document', () => {
    expect(missingGolds(questions, docs, 'eval/cmrc2018/docs')).toEqual([]);
  });

  it('splits calib / report by document (answerable: even-numbered documents are calib), so no report question shares a document with a calib one', () => {
    expect(questions.every((q) => q.split === 'calib' || q.split === 'report')).toBe(true);
    const docOf = (split: string) => new Set(questions.filter((q) => !q.unanswerable && q.split === split).map((q) => q.doc));
    const calibDocs = docOf('calib');
    expect([...docOf('report')].filter((d) => calibDocs.has(d))).toEqual([]);
    for (const d of calibDocs) expect(Number(/(\d+)\.txt$/.exec(d ?? '')?.[1]) % 2, d).toBe(0);
    const un = questions.filter((q) => q.unanswerable);
    expect(un.filter((q) => q.split === 'report').length).toBeGreaterThanOrEqual(30);
  });
});

// ---------- the runner, with a stand-in service passed in ----------

/** Answers from a table keyed by question; reports `ranMode` as the mode it ran (or the requested one). */
function tableService(table: Record<string, Partial<AskResponse>>, ranMode?: (requested: RetrievalMode) => RetrievalMode) {
  const calls: AskRequest[] = [];
  return {
    calls,
    async ask(req: AskRequest): Promise<AskResponse> {
      calls.push(req);
      const row = table[req.question];
      if (!row) throw new Error(`no answer for ${req.question}`);
      const mode = ranMode ? ranMode(req.mode ?? 'hybrid') : (req.mode ?? 'hybrid');
      return response({ ...row, question: req.question, retrieval: { mode, embedding_model: mode === 'lexical' ? null : 'tiny' } });
    },
  };
}

const QUESTIONS = parseQuestions([
  '{"id":"zh-1","question":"露天巷有多长？","answers":["500米"],"doc":"a.txt","tags":["number"]}',
  '{"id":"un-1","question":"杭州的高龄津贴多少钱？","tags":["near-miss"]}',
  '{"id":"zh-2","question":"招聘会在哪？","answers":["万达广场"],"doc":"b.txt"}',
].join('\n')).questions;

const TABLE: Record<string, Partial<AskResponse>> = {
  '露天巷有多长？': { answer: '巷道长500米[1]', sources: [src(1, 'a.txt', '露天巷500米长的巷道')] },
  '杭州的高龄津贴多少钱？': { answer: '文档没有提到杭州。', abstained: true, sources: [src(1, 'a.txt', '高龄津贴申请材料')] },
  '招聘会在哪？': { answer: '在理想大厦', sources: [src(1, 'c.txt', '理想创业大厦'), src(2, 'b.txt', '万达广场举行')] },
};

describe('runEval', () => {
  it('scores every question per mode and asks on the eval channel with the requested mode and k', async () => {
    const service = tableService(TABLE);
    const lines: string[] = [];
    const run = await runEval(QUESTIONS, { modes: ['lexical', 'hybrid'], k: 3, questionsFile: 'q.jsonl' }, { service, progress: (l) => lines.push(l) });
    expect(service.calls).toHaveLength(6);
    expect(service.calls[0]).toMatchObject({ mode: 'lexical', k: 3, channel: 'eval' });
    expect(service.calls[0].conversationId).toBeUndefined();
    expect(run.results.map((r) => `${r.mode}:${r.id}:${r.hit_rank}:${r.answer_correct}`)).toEqual([
      'lexical:zh-1:1:true', 'lexical:un-1:null:false', 'lexical:zh-2:2:false',
      'hybrid:zh-1:1:true', 'hybrid:un-1:null:false', 'hybrid:zh-2:2:false',
    ]);
    const lexical = run.summary.modes.lexical;
    expect(lexical?.status).toBe('ok');
    if (lexical?.status !== 'ok') return;
    expect(lexical.overall).toMatchObject({ n: 3, answerable: 2, hit_at_1: 0.5, hit_at_5: 1, mrr_at_10: 0.75, answer_accuracy: 0.5, abstention_recall: 1 });
    expect(lines.some((l) => l.includes('zh-2 FAIL'))).toBe(true);
  });

  it('reports a mode the service answered in another mode as skipped, with the reason, not as zeros', async () => {
    const service = tableService(
      Object.fromEntries(Object.entries(TABLE).map(([q, r]) => [q, { ...r, notes: ['embedding model Xenova/x could not be loaded; answering lexical-only'] }])),
      () => 'lexical',
    );
    const run = await runEval(QUESTIONS, { modes: ['dense', 'lexical'], k: 5, questionsFile: 'q.jsonl' }, { service, serviceWarnings: ['lexical-only until a model is installed'] });
    const dense = run.summary.modes.dense;
    expect(dense?.status).toBe('skipped');
    if (dense?.status === 'skipped') expect(dense.reason).toMatch(/requested dense but the service ran lexical.*could not be loaded.*lexical-only until/);
    expect(run.summary.modes.lexical?.status).toBe('ok');
    expect(run.results.every((r) => r.mode === 'lexical')).toBe(true);
    // dense stopped after its first answer instead of asking every question
    expect(service.calls.filter((c) => c.mode === 'dense')).toHaveLength(1);
  });

  it('records a throwing question as an error and keeps going', async () => {
    const service = tableService({ ...TABLE, '招聘会在哪？': undefined as unknown as Partial<AskResponse> });
    const run = await runEval(QUESTIONS, { modes: ['lexical'], k: 5, questionsFile: 'q.jsonl' }, { service });
    expect(run.results.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok', 'no answer for 招聘会在哪？']);
    const m = run.summary.modes.lexical;
    if (m?.status !== 'ok') throw new Error('lexical should have run');
    expect(m.overall.errors).toBe(1);
  });
});

describe('the eval CLI', () => {
  function io(cwd: string, service = tableService(TABLE)) {
    const out: string[] = [];
    const err: string[] = [];
    let closed = 0;
    return {
      out, err, closed: () => closed,
      io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd, openService: async () => ({ service, close: async () => { closed++; } }) },
    };
  }

  it('parses the documented options and rejects bad ones as usage errors', () => {
    expect(parseCliArgs([])).toMatchObject({ questions: 'eval/questions.jsonl', out: 'eval/out', k: 5, modes: ['hybrid', 'lexical', 'dense'] });
    expect(parseCliArgs(['--modes', 'lexical', '--k', '8', '--min-hit5', '0.7']).thresholds.minHit5).toBe(0.7);
    for (const bad of [['--k', 'x'], ['--modes', 'sparse'], ['--min-answer', '2'], ['--nope'], ['stray']]) {
      expect(() => parseCliArgs(bad), bad.join(' ')).toThrow(UsageError);
    }
  });

  it('writes the three files, prints the table, and exits 1 naming the missed threshold', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'q.jsonl'), [
      '{"id":"zh-1","question":"露天巷有多长？","answers":["500米"],"doc":"a.txt"}',
      'garbage line',
      '{"id":"zh-2","question":"招聘会在哪？","answers":["万达广场"],"doc":"b.txt"}',
    ].join('\n'));
    const t = io(dir);
    const code = await main(['--questions', 'q.jsonl', '--out', 'out', '--modes', 'lexical', '--min-answer', '0.9'], t.io);
    expect(code).toBe(1);
    expect(t.closed()).toBe(1);
    expect(t.err.join('')).toMatch(/q\.jsonl:2: not valid JSON.*Line skipped/);
    expect(t.out.join('')).toMatch(/^group/m);
    expect(t.out.join('')).toMatch(/THRESHOLD MISSED: lexical: answer accuracy 0\.500 < --min-answer 0\.9/);
    const files = await readdir(path.join(dir, 'out'));
    expect(files.sort()).toEqual(['report.html', 'results.jsonl', 'summary.json']);
    const results = (await readFile(path.join(dir, 'out', 'results.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => [r.id, r.mode, r.hit_rank, r.answer_correct])).toEqual([['zh-1', 'lexical', 1, true], ['zh-2', 'lexical', 2, false]]);
    const summary = JSON.parse(await readFile(path.join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.question_file_problems.map((p) => p.line)).toEqual([2]);

    const ok = io(dir);
    expect(await main(['--questions', 'q.jsonl', '--out', 'out', '--modes', 'lexical', '--min-hit5', '1'], ok.io)).toBe(0);
  });

  it('runs only the questions of the --split it is given, and exits 2 naming the splits when none match', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'q.jsonl'), [
      '{"id":"zh-1","question":"露天巷有多长？","answers":["500米"],"doc":"a.txt","split":"calib"}',
      '{"id":"zh-2","question":"招聘会在哪？","answers":["万达广场"],"doc":"b.txt","split":"report"}',
      '{"id":"un-1","question":"杭州的高龄津贴多少钱？","split":"report"}',
      '{"id":"x","question":"bad split","answers":["x"],"doc":"a.txt","split":3}',
    ].join('\n'));
    const t = io(dir);
    expect(await main(['--questions', 'q.jsonl', '--out', 'out', '--modes', 'lexical', '--split', 'report'], t.io)).toBe(0);
    expect(t.err.join('')).toMatch(/q\.jsonl:4: "split" must be a string/);
    const results = (await readFile(path.join(dir, 'out', 'results.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(['zh-2', 'un-1']);
    const summary = JSON.parse(await readFile(path.join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary).toMatchObject({ questions: 2, questions_file: 'q.jsonl (split report)' });

    const none = io(dir);
    expect(await main(['--questions', 'q.jsonl', '--split', 'test'], none.io)).toBe(2);
    expect(none.err.join('')).toMatch(/no question in q\.jsonl has "split": "test"; its splits are calib, report/);
    expect(none.closed()).toBe(0);
  });

  it('--suite runs the team, residents (report split), CMRC 2018, notices (report split), policies, services, county and webpages (report splits), the county and webpages fresh sets, and the residents-fresh, district, civic, harbor, lakeside, residents-en, ridge, plains, delta, valley, coast, forge, frost, cradle, hearth, compass, lantern, bazaar, orchard, meadow and brook report splits, the probes, the chatter set\'s report halves (on six blind sets\' corpora) and the off-topic set (asked of the web pages and of the Wikipedia articles), each on its own corpus, into one report', async () => {
    const out = await tmp();
    const requests: { corpusDir?: string }[] = [];
    const asked: string[] = [];
    const t = {
      out: [] as string[],
      err: [] as string[],
    };
    const code = await main(['--suite', '--modes', 'lexical', '--out', out, '--min-abstain', '0.5'], {
      stdout: (x) => t.out.push(x),
      stderr: (x) => t.err.push(x),
      cwd: ROOT,
      openService: async (request) => {
        requests.push({ corpusDir: request.corpusDir });
        return {
          corpus: request.corpusDir,
          service: {
            async ask(req: AskRequest) {
              asked.push(req.question);
              return response({ question: req.question, answer: '文档没有提到。', abstained: true });
            },
          },
          close: async () => {},
        };
      },
    });
    expect(requests.map((r) => r.corpusDir)).toEqual(['seeds', 'seeds', 'eval/cmrc2018/docs', 'eval/notices/docs', 'eval/policies/docs', 'eval/services/docs', 'eval/county/docs', 'eval/webpages/docs', 'eval/county/docs', 'eval/webpages/docs', 'seeds', 'eval/district/docs', 'eval/civic/docs', 'eval/harbor/docs', 'eval/lakeside/docs', 'seeds', 'eval/ridge/docs', 'eval/plains/docs', 'eval/delta/docs', 'eval/valley/docs', 'eval/coast/docs', 'eval/forge/docs', 'eval/frost/docs', 'eval/cradle/docs', 'eval/hearth/docs', 'eval/compass/docs', 'eval/lantern/docs', 'eval/bazaar/docs', 'eval/orchard/docs', 'eval/meadow/docs', 'eval/brook/docs', 'eval/probes/docs', 'eval/cradle/docs', 'eval/forge/docs', 'eval/meadow/docs', 'eval/orchard/docs', 'eval/valley/docs', 'eval/bazaar/docs', 'eval/webpages/docs', 'eval/cmrc2018/docs']);
    const reportSplit = async (file: string) => parseQuestions(await readFile(path.join(ROOT, file), 'utf8')).questions.filter((q) => q.split === 'report').length;
    const residentsReport = await reportSplit('eval/residents.jsonl');
    const noticesReport = await reportSplit('eval/notices/questions.jsonl');
    const cmrcReport = await reportSplit('eval/cmrc2018/questions.jsonl');
    const servicesReport = await reportSplit('eval/services/questions.jsonl');
    const countyReport = await reportSplit('eval/county/questions.jsonl');
    const webpagesReport = await reportSplit('eval/webpages/questions.jsonl');
    const residentsFreshReport = await reportSplit('eval/residents-fresh.jsonl');
    const districtReport = await reportSplit('eval/district/questions.jsonl');
    const civicReport = await reportSplit('eval/civic/questions.jsonl');
    const harborReport = await reportSplit('eval/harbor/questions.jsonl');
    const lakesideReport = await reportSplit('eval/lakeside/questions.jsonl');
    const residentsEnReport = await reportSplit('eval/residents-en.jsonl');
    const ridgeReport = await reportSplit('eval/ridge/questions.jsonl');
    const plainsReport = await reportSplit('eval/plains/questions.jsonl');
    const deltaReport = await reportSplit('eval/delta/questions.jsonl');
    const valleyReport = await reportSplit('eval/valley/questions.jsonl');
    const coastReport = await reportSplit('eval/coast/questions.jsonl');
    const forgeReport = await reportSplit('eval/forge/questions.jsonl');
    const frostReport = await reportSplit('eval/frost/questions.jsonl');
    const cradleReport = await reportSplit('eval/cradle/questions.jsonl');
    const hearthReport = await reportSplit('eval/hearth/questions.jsonl');
    const compassReport = await reportSplit('eval/compass/questions.jsonl');
    const lanternReport = await reportSplit('eval/lantern/questions.jsonl');
    const bazaarReport = await reportSplit('eval/bazaar/questions.jsonl');
    const orchardReport = await reportSplit('eval/orchard/questions.jsonl');
    const meadowReport = await reportSplit('eval/meadow/questions.jsonl');
    const brookReport = await reportSplit('eval/brook/questions.jsonl');
    const team = parseQuestions(await readFile(path.join(ROOT, 'eval/questions.jsonl'), 'utf8')).questions.length;
    const policies = parseQuestions(await readFile(path.join(ROOT, 'eval/policies/questions.jsonl'), 'utf8')).questions.length;
    const countyFresh = parseQuestions(await readFile(path.join(ROOT, 'eval/county/fresh.jsonl'), 'utf8')).questions.length;
    const webpagesFresh = parseQuestions(await readFile(path.join(ROOT, 'eval/webpages/fresh.jsonl'), 'utf8')).questions.length;
    const probes = parseQuestions(await readFile(path.join(ROOT, 'eval/probes/questions.jsonl'), 'utf8')).questions.length;
    const offtopic = parseQuestions(await readFile(path.join(ROOT, 'eval/offtopic/questions.jsonl'), 'utf8')).questions.length;
    const chatter = await Promise.all(['cradle', 'forge', 'meadow', 'orchard', 'valley', 'bazaar'].map((c) => reportSplit(`eval/chatter/${c}.jsonl`)));
    expect(asked).toHaveLength(team + residentsReport + cmrcReport + noticesReport + policies + servicesReport + countyReport + webpagesReport + countyFresh + webpagesFresh + residentsFreshReport + districtReport + civicReport + harborReport + lakesideReport + residentsEnReport + ridgeReport + plainsReport + deltaReport + valleyReport + coastReport + forgeReport + frostReport + cradleReport + hearthReport + compassReport + lanternReport + bazaarReport + orchardReport + meadowReport + brookReport + probes + chatter.reduce((a, b) => a + b, 0) + offtopic + offtopic);
    // abstaining on everything meets --min-abstain but nothing else: the exit code stays 0
    expect(code).toBe(0);
    expect(t.out.join('')).toMatch(/== team: eval\/questions\.jsonl on seeds ==/);
    expect(t.out.join('')).toMatch(/== residents-report: eval\/residents\.jsonl \(split report\) on seeds ==/);
    // the closing cross-set table: one row per set, mode and language (residents has both languages)
    const overview = t.out.join('').split('== all sets ==')[1];
    expect(overview).toMatch(/^residents-report +lexical +lang=en +\d+ /m);
    expect(overview).toMatch(new RegExp(`^cmrc2018-report +lexical +all +${cmrcReport} `, 'm'));
    expect(overview).not.toMatch(/^cmrc2018-report +lexical +lang=zh/m);
    expect((await readdir(out)).sort()).toEqual(['civic-report', 'cmrc2018-report', 'county-fresh', 'county-report', 'delta-report', 'district-report', 'harbor-report', 'lakeside-report', 'notices-report', 'offtopic', 'offtopic-wiki', 'plains-report', 'policies', 'probes', 'report.html', 'residents-en-report', 'residents-fresh-report', 'residents-report', 'ridge-report', 'services-report', 'summary.json', 'team', 'valley-report', 'coast-report', 'forge-report', 'frost-report', 'cradle-report', 'hearth-report', 'compass-report', 'lantern-report', 'bazaar-report', 'orchard-report', 'meadow-report', 'brook-report', 'chatter-cradle', 'chatter-forge', 'chatter-meadow', 'chatter-orchard', 'chatter-valley', 'chatter-bazaar', 'webpages-fresh', 'webpages-report'].sort());
    const combined = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')) as { sets: (Summary & { name: string })[] };
    expect(combined.sets.map((x) => [x.name, x.questions])).toEqual([['team', team], ['residents-report', residentsReport], ['cmrc2018-report', cmrcReport], ['notices-report', noticesReport], ['policies', policies], ['services-report', servicesReport], ['county-report', countyReport], ['webpages-report', webpagesReport], ['county-fresh', countyFresh], ['webpages-fresh', webpagesFresh], ['residents-fresh-report', residentsFreshReport], ['district-report', districtReport], ['civic-report', civicReport], ['harbor-report', harborReport], ['lakeside-report', lakesideReport], ['residents-en-report', residentsEnReport], ['ridge-report', ridgeReport], ['plains-report', plainsReport], ['delta-report', deltaReport], ['valley-report', valleyReport], ['coast-report', coastReport], ['forge-report', forgeReport], ['frost-report', frostReport], ['cradle-report', cradleReport], ['hearth-report', hearthReport], ['compass-report', compassReport], ['lantern-report', lanternReport], ['bazaar-report', bazaarReport], ['orchard-report', orchardReport], ['meadow-report', meadowReport], ['brook-report', brookReport], ['probes', probes], ['chatter-cradle', chatter[0]], ['chatter-forge', chatter[1]], ['chatter-meadow', chatter[2]], ['chatter-orchard', chatter[3]], ['chatter-valley', chatter[4]], ['chatter-bazaar', chatter[5]], ['offtopic', offtopic], ['offtopic-wiki', offtopic]]);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    for (const name of ['team', 'residents-report', 'cmrc2018-report', 'notices-report', 'policies', 'services-report', 'county-report', 'webpages-report', 'county-fresh', 'webpages-fresh', 'residents-fresh-report', 'district-report', 'civic-report', 'harbor-report', 'lakeside-report', 'residents-en-report', 'ridge-report', 'plains-report', 'delta-report', 'valley-report', 'coast-report', 'forge-report', 'frost-report', 'cradle-report', 'hearth-report', 'compass-report', 'lantern-report', 'bazaar-report', 'orchard-report', 'meadow-report', 'brook-report', 'probes', 'chatter-cradle', 'chatter-forge', 'chatter-meadow', 'chatter-orchard', 'chatter-valley', 'chatter-bazaar', 'offtopic', 'offtopic-wiki']) expect(html).toContain(`id="summary-${name}"`);
    expect(await readdir(path.join(out, 'cmrc2018-report'))).toContain('report.html');
    expect(() => parseCliArgs(['--suite', '--questions', 'x.jsonl'])).toThrow(/--suite runs its own sets/);
  });

  it('exits 2 for usage errors and unreadable question files without opening the service', async () => {
    const dir = await tmp();
    const t = io(dir);
    expect(await main(['--k', 'zero'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/--k must be an integer/);
    expect(await main(['--questions', 'missing.jsonl'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/cannot read the question file .*missing\.jsonl \(ENOENT\)/);
    expect(t.closed()).toBe(0);
  });
});

describe('the harbor calibration set (eval/harbor)', async () => {
  const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, 'eval/harbor/questions.jsonl'), 'utf8'));
  const docs = await readDocs('eval/harbor/docs');
  const KINDS = ['other-place', 'other-year', 'missing-facet', 'neighbour-topic', 'off-topic'];

  it('has 18-20 policy documents in five formats and 140-160 questions, answerable and not, in both languages', () => {
    expect(problems).toEqual([]);
    expect(docs.size).toBeGreaterThanOrEqual(18);
    expect(docs.size).toBeLessThanOrEqual(20);
    expect(new Set([...docs.keys()].map((f) => path.extname(f)))).toEqual(new Set(['.txt', '.md', '.html', '.docx', '.pdf']));
    expect(questions.length).toBeGreaterThanOrEqual(140);
    expect(questions.length).toBeLessThanOrEqual(160);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const answerable = questions.filter((q) => !q.unanswerable);
    const un = questions.filter((q) => q.unanswerable);
    expect(answerable.length).toBeGreaterThanOrEqual(100);
    expect(answerable.filter((q) => q.lang === 'zh').length).toBeGreaterThanOrEqual(70);
    expect(answerable.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(28);
    // English questions whose answer is in a Chinese document
    expect(answerable.filter((q) => q.lang === 'en' && q.tags.includes('cross-lingual')).length).toBeGreaterThanOrEqual(8);
    expect(answerable.filter((q) => q.lang === 'en' && q.tags.includes('cross-lingual') && /^[0-9]{2}_.*_en\./.test(q.doc ?? '')).map((q) => q.id)).toEqual([]);
    expect(un.length).toBeGreaterThanOrEqual(40);
    expectKindsAndDocuments(questions, KINDS, docs);
  });

  it('splits ~60% calib / ~40% report within each language and answerability, both splits in every group', () => {
    expectStratifiedSplit(questions, KINDS);
    expectEveryKindEverywhere(questions, KINDS);
  });

  it('finds every gold string verbatim in the text ingest extracts from its document', () => {
    expect(missingGolds(questions, docs, 'eval/harbor/docs')).toEqual([]);
  });

  it('reads the web pages without their navigation and footers, so a gold there would be caught', () => {
    expectArticleOnly(docs, {
      '03_jujia_yanglao_butie_donggang.html': { kept: '每人每月500元', dropped: ['港湾大道1号', '3210 0001'] },
      '11_suiqian_zinv_ruxue_qingyu.html': { kept: '每生每年6000元', dropped: ['鹭岛路8号', '3351 7000'] },
      '18_international_residents_services_en.html': { kept: '+86 875 3128 6600', dropped: ['3120 0000', 'Shizheng Road'] },
    });
  });
});

/**
 * The checks every blind calibration set gets (eval/lakeside, eval/ridge, eval/plains): its shape, the split and its
 * rule, every gold verbatim in what ingest extracts, web pages read without their furniture, Word and PDF tables read.
 */
function describeBlindSet(name: string, title: string, shape: BlindSetShape, pages: Parameters<typeof expectArticleOnly>[1], tablesTitle: string, tables: [file: string, text: string][]): void {
  describe(`the ${name} calibration set (eval/${name})`, async () => {
    const { questions, problems } = parseQuestions(await readFile(path.join(ROOT, `eval/${name}/questions.jsonl`), 'utf8'));
    const docs = await readDocs(`eval/${name}/docs`);
    const KINDS = ['other-place', 'other-year', 'missing-facet', 'neighbour-topic', 'off-topic'];

    it(title, () => {
      expectBlindSetShape(questions, problems, docs, KINDS, shape);
    });

    it('splits ~60% calib / ~40% report within each language and answerability, both splits in every group', () => {
      expectStratifiedSplit(questions, KINDS);
      expectEveryKindEverywhere(questions, KINDS);
    });

    it('follows the stratification rule: items 1, 3, 5 of every 5 in each language × answerability × kind are calib', () => {
      expectStratificationRule(questions);
    });

    it('finds every gold string verbatim in the text ingest extracts from its document', () => {
      expect(missingGolds(questions, docs, `eval/${name}/docs`)).toEqual([]);
    });

    it('reads the web pages without their navigation, side columns and footers, so a gold there would be caught', () => {
      expectArticleOnly(docs, pages);
    });

    it(tablesTitle, () => {
      for (const [file, text] of tables) expect(docs.get(file)).toContain(text);
    });
  });
}

describeBlindSet(
  'lakeside',
  'has 21 policy documents in five formats and 150-170 questions, answerable and not, in both languages',
  {
    documents: 21,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 2 },
    englishDocs: ['19_living_in_chenghu_en.html', '20_flu_jabs_health_checks_en.txt', '21_resident_medical_insurance_newcomers_en.txt'],
    questions: [150, 170],
    id: /^lk-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 68,
    answerableEn: 38,
    onEnglishDocs: 23,
    crossLingual: 13,
    nearDuplicate: 15,
    typo: 12,
    unanswerable: 45,
  },
  {
    '06_huimin_binzang_jianmian.html': { kept: '每例最高减免1400元', dropped: ['政通路8号', '6211 0000', '6211 6000'] },
    '09_laonian_zhucan_hubin.html': { kept: '0868-6266 3108', dropped: ['明湖大道1号', '6260 0001'] },
    '11_gongzufang_shenqing_beitang.html': { kept: '0868-6337 2201', dropped: ['长塘路56号', '6330 5600', '6330 1234'] },
    '19_living_in_chenghu_en.html': { kept: '0.1 yuan per book per day', dropped: ['6200 0000', '6200 8800', 'Zhengtong Road'] },
  },
  'reads the Word file and the PDFs with their tables',
  [['13_zhiye_jineng_peixun_butie.docx', '每人2500元'], ['15_xinsheng_ruxue_yunxi.pdf', '2026年6月20日至6月30日'], ['18_gongnuan_shoufei_cainuan_butie.pdf', '每户每个采暖期1200元']],
);

describeBlindSet(
  'ridge',
  'has 20 policy documents in five formats and 140-160 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_family_doctors_public_bikes_en.html', '19_childhood_vaccines_en.txt', '20_maternity_allowance_en.txt'],
    questions: [140, 160],
    id: /^rd-[0-9]{3}$/,
    answerable: 100,
    answerableZh: 62,
    answerableEn: 38,
    onEnglishDocs: 23,
    crossLingual: 13,
    nearDuplicate: 15,
    typo: 15,
    unanswerable: 40,
    unanswerableZh: 25,
    unanswerableEn: 15,
  },
  {
    '02_yanglao_fuwuzhan_fengnan.html': { kept: '0869-7231 5620', dropped: ['南峰路1号', '7230 0001', '7231 0000'] },
    '14_kehou_fuwu_shoufei_wenda.html': { kept: '0869-7210 3345', dropped: ['文华路9号', '7210 0000', '7210 0012'] },
    '16_gonggong_zixingche_banka.html': { kept: '0869-7280 6688', dropped: ['松涛路66号', '7228 0100', '12319'] },
    '18_family_doctors_public_bikes_en.html': { kept: '24-hour pass for 5 yuan', dropped: ['7200 3300', '2 Yunling Avenue', 'press 8 for English'] },
  },
  'reads the Word file and the PDF with their tables',
  [['10_jiazheng_peixun_butie_zhinan.docx', '每人2000元'], ['09_xuesheng_yingyangcan_yanquan.pdf', '每生每年1250元']],
);

describeBlindSet(
  'plains',
  'has 20 policy documents in five formats and 140-160 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_park_pass_fireworks_en.html', '19_womens_health_screening_en.txt', '20_ebike_trade_in_en.txt'],
    questions: [140, 160],
    id: /^pl-[0-9]{3}$/,
    answerable: 100,
    answerableZh: 62,
    answerableEn: 38,
    onEnglishDocs: 23,
    crossLingual: 13,
    nearDuplicate: 30,
    typo: 18,
    unanswerable: 40,
    unanswerableZh: 25,
    unanswerableEn: 15,
  },
  {
    '02_jiazhuang_dianti_butie_hewan.html': { kept: '0864-5236 7710', dropped: ['渡口路1号', '5230 0001', '5236 0000'] },
    '14_gongyuan_nianka_gonggao.html': { kept: '0864-5107 6601', dropped: ['鹭洲路20号', '5100 0001', '5107 0000'] },
    '16_yanhua_baozhu_fangfang_tonggao.html': { kept: '0864-5112 2110', dropped: ['柳堤路3号', '5112 0001', '5112 7788', '5112 6060'] },
    '18_park_pass_fireworks_en.html': { kept: 'Dogs are not allowed', dropped: ['5100 8800', '9 Luzhou Road', '5100 2020', '5107 1234'] },
  },
  'reads the Word file and the PDF with their tables',
  [['10_jinqiu_zhuxue_zhinan.docx', '一次性2000元'], ['09_jiating_nongchang_weitang.pdf', '每家3万元']],
);

describeBlindSet(
  'delta',
  'has 20 policy documents in five formats and 140-160 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_ferries_night_markets_en.html', '19_recreational_fishing_en.txt', '20_water_saving_rebate_en.txt'],
    questions: [140, 160],
    id: /^dl-[0-9]{3}$/,
    answerable: 100,
    answerableZh: 62,
    answerableEn: 38,
    onEnglishDocs: 23,
    crossLingual: 13,
    nearDuplicate: 30,
    typo: 18,
    unanswerable: 40,
    unanswerableZh: 25,
    unanswerableEn: 15,
  },
  {
    '02_yeshi_tanwei_chakou.html': { kept: '每个每月1200元', dropped: ['盐仓路1号', '4720 0001', '4726 0000'] },
    '14_chuidiao_guanli_tonggao.html': { kept: '0863-4781 9110', dropped: ['圩北路18号', '4780 0001', '4780 7000', '12316'] },
    '16_gongxiang_danche_tonggao_chakou.html': { kept: '闸口路300号', dropped: ['盐仓路1号', '4720 0001', '4728 0000'] },
    '18_ferries_night_markets_en.html': { kept: 'not a food stall', dropped: ['4700 8800', '1 Puzhu Avenue', '4700 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['10_gongyi_youyong_peixun.docx', '沙埭镇文体路5号'], ['09_tuibu_yumin_anzhi_shadai.pdf', '每人每年最高3000元']],
);

describeBlindSet(
  'valley',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_visiting_zhangxi_en.html', '19_forest_fire_season_en.txt', '20_village_buses_en.txt'],
    questions: [150, 150],
    id: /^valley-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 30,
    typo: 22,
    unanswerable: 45,
    unanswerableZh: 28,
    unanswerableEn: 17,
  },
  {
    '02_jinhuo_tonggao_yanqian.html': { kept: '0862-3851 2119', dropped: ['茶亭路2号', '3850 0001', '3850 6600'] },
    '10_zhanggu_jingqu_youhui_yukou.html': { kept: '0862-3827 1190', dropped: ['鹿鸣路1号', '3820 0001', '3820 9315'] },
    '16_xunhui_yiliao_daifeng.html': { kept: '0862-3879 1206', dropped: ['县前街1号', '3870 0001', '3870 1200'] },
    '18_visiting_zhangxi_en.html': { kept: '0862-3827 1195', dropped: ['3800 8800', '3800 6010', '1 Zhangxi Avenue', '3800 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_minsu_beian_zhinan.docx', '甲级民宿 | 5万元'], ['04_dizhi_zaihai_banqian_daifeng.pdf', '每户4万元，另每人5000元']],
);

describeBlindSet(
  'coast',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_beaches_greenway_en.html', '19_tide_flat_gathering_en.txt', '20_seafood_markets_en.txt'],
    questions: [150, 150],
    id: /^coast-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 40,
    typo: 23,
    unanswerable: 45,
    unanswerableZh: 28,
    unanswerableEn: 17,
  },
  {
    '02_xiuyu_tingbo_tonggao_lantou.html': { kept: '0859-4631 2110', dropped: ['海港路1号', '4630 0001', '4630 6600'] },
    '08_baiouwan_yuchang_lantou.html': { kept: '0859-4635 1180', dropped: ['观潮路18号', '4633 0000', '4633 8800'] },
    '16_haidi_jiagu_buchang_haoling.html': { kept: '0859-4652 7301', dropped: ['蚝山路6号', '4650 0001', '4650 5566'] },
    '18_beaches_greenway_en.html': { kept: '0859-4608 2626', dropped: ['4600 7700', '4600 5020', '8 Aowan Avenue', '4600 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_zicai_yangzhi_baoxian_zhinan.docx', '全浮动筏式 | 3000元'], ['04_haidao_shuidian_butie_shanzhou.pdf', '小鲸岛淡化水补贴 | 每户每年300元']],
);

describeBlindSet(
  'forge',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_working_night_school_en.html', '19_hot_weather_work_en.txt', '20_unpaid_wages_disputes_en.txt'],
    questions: [150, 150],
    id: /^forge-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 45,
    typo: 25,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_qianxin_tousu_zhinan_yelu.html': { kept: '0856-3221 5566', dropped: ['钢花大道1号', '3220 0001', '3220 6000'] },
    '08_zhigong_yexiao_yelu.html': { kept: '0856-3226 1858', dropped: ['钢花大道66号', '3226 0000', '3226 0001', '12351'] },
    '16_chenfeibing_jiuzhu_duanshi.html': { kept: '0856-3708 1203', dropped: ['锻冶路1号', '3700 0001', '3701 0600'] },
    '18_working_night_school_en.html': { kept: '0856-3009 6600', dropped: ['3000 6110', '3000 5020', '1 Zhucheng Avenue', '3000 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_laodong_zhongcai_zhinan.docx', '锻石县劳动人事争议仲裁委员会 | 锻石县的争议'], ['04_gaowen_jintie_tongzhi.pdf', '40℃以上 | 全天停止露天作业']],
);

describeBlindSet(
  'frost',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_winter_in_shuanghe_en.html', '19_tax_reconciliation_en.txt', '20_electricity_bills_en.txt'],
    questions: [150, 150],
    id: /^frost-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 50,
    typo: 25,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_menqian_chuxue_tonggao_heyang.html': { kept: '0457-2123 6110', dropped: ['朝晖大街1号', '2120 0001', '2120 1234'] },
    '08_huisuan_banshui_zhinan_heyang.html': { kept: '0457-2231 2366', dropped: ['朝晖大街27号', '2230 0001', '2230 8800', '12366'] },
    '16_meiyan_zhongdu_fangfan_baihua.html': { kept: '0457-5218 0119', dropped: ['兴桦街1号', '5200 0001', '5200 6000', '5201 1200'] },
    '18_winter_in_shuanghe_en.html': { kept: '0457-8009 6600', dropped: ['8000 6110', '8000 5020', '1 Chaohui Avenue', '8000 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_diancainuan_fenggu_zhinan.docx', '谷段 | 22:00至次日6:00 | 每千瓦时0.27元'], ['04_jieti_dianjia_tongzhi.pdf', '第一档 | 2160千瓦时及以下 | 2400千瓦时及以下 | 每千瓦时0.51元']],
);

describeBlindSet(
  'cradle',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_having_a_baby_en.html', '19_when_someone_dies_en.txt', '20_retiring_in_tangzhou_en.txt'],
    questions: [150, 150],
    id: /^cradle-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 46,
    typo: 25,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_shenhou_yijianshi_zhinan_tangcheng.html': { kept: '0736-2218 6620', dropped: ['府前路1号', '2210 0001', '2210 1234'] },
    '08_xinshenger_shaicha.html': { kept: '0736-2268 7120', dropped: ['府前大道9号', '2260 0001', '2260 0000', '12320'] },
    '16_guhui_jicun_xucun_lishan.html': { kept: '0736-5512 4400', dropped: ['栗香路1号', '5500 0001', '5500 1234'] },
    '18_having_a_baby_en.html': { kept: '0736-8009 2200', dropped: ['8100 3110', '8100 2020', '8 Fuqian Avenue', '8100 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_muzi_shouce_chanjian_zhinan.docx', '第3次 | 孕21至24周 | 超声检查（排畸）'], ['04_sangzang_fuxujin_tongzhi.pdf', '丧葬补助金 | 每人5000元 | 每人6000元']],
);

describeBlindSet(
  'hearth',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_your_address_en.html', '19_living_with_neighbours_en.txt', '20_charging_at_home_en.txt'],
    questions: [150, 150],
    id: /^hearth-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 45,
    typo: 24,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_menpai_zhengming_jinyuan.html': { kept: '0748-2316 5580', dropped: ['府学路1号', '2310 0001', '2310 6600'] },
    '08_shenghuo_zaosheng_tonggao.html': { kept: '0748-2281 6020', dropped: ['市府路8号', '2200 0001', '2277 2369'] },
    '16_xiangcun_menpai_luting.html': { kept: '0748-5526 3310', dropped: ['县府路1号', '5520 0001', '5520 1234'] },
    '18_your_address_en.html': { kept: '0748-8011 6600', dropped: ['8100 3110', '8 Shifu Road', '8100 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_chuzu_fangwu_dengji_zhinan.docx', '境外人员住宿登记 | 入住后24小时内 | 房屋所在地公安派出所'], ['04_wuye_fuwu_shoufei_tongzhi.pdf', '三级 | 1.40 | 1.65']],
);

describeBlindSet(
  'compass',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_getting_around_en.html', '19_driving_in_yujin_en.txt', '20_police_certificates_en.txt'],
    questions: [150, 150],
    id: /^compass-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 45,
    typo: 26,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_jiashizheng_huanzheng_baibu.html': { kept: '0686-3127 4460', dropped: ['学宫街1号', '3120 0001', '3127 0122'] },
    '08_jidongche_jianyan_tonggao.html': { kept: '0686-3110 6633', dropped: ['榆津大道9号', '3110 0001', '3110 1122'] },
    '16_motuoche_songkao_haoping.html': { kept: '0686-3350 6688', dropped: ['坪山路1号', '3350 0001', '3350 0122'] },
    '18_getting_around_en.html': { kept: '0686-8012 3300', dropped: ['8110 1220', '9 Yujin Avenue, Yujin', '8100 0000'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_xinche_shangpai_zhinan.docx', '汽车号牌（含新能源汽车号牌） | 每副100元'], ['04_chuzuche_yunjia_tiaozheng_tongzhi.pdf', '起步价 | 8元 | 10元']],
);

describeBlindSet(
  'lantern',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_keeping_fit_en.html', '19_half_marathon_en.txt', '20_weekends_out_en.txt'],
    questions: [150, 150],
    id: /^lantern-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 45,
    typo: 26,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_xuexiao_jianshenka_tangxi.html': { kept: '0648-2156 3380', dropped: ['书院巷1号', '2150 0001', '2156 0110', '2150 6000'] },
    '08_kejiguan_canguan_xuzhi.html': { kept: '0648-2177 3100', dropped: ['棠溪路18号', '2177 0000', '2177 0001', '2177 5599'] },
    '16_songxi_xiaxiang_xiuyuan.html': { kept: '0648-6512 3100', dropped: ['岫川路1号', '6510 0001', '6510 2345', '6512 3000'] },
    '18_keeping_fit_en.html': { kept: '0648-8019 2200', dropped: ['2118 0000', '1 Zhiyang Avenue, Zhiyang', '8100 0001'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_yeyu_tixiao_zhaosheng_jianzhang.docx', '训练服装（2套） | 每套180元，自愿购买'], ['04_huimin_piaojia_tiaozheng_tongzhi.pdf', '惠民票最高票价 | 80元 | 60元']],
);

describeBlindSet(
  'bazaar',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_shopping_consumer_rights_en.html', '19_markets_street_food_en.txt', '20_volunteering_en.txt'],
    questions: [150, 150],
    id: /^bazaar-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 45,
    typo: 26,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_yufu_beian_zhinan_qintai.html': { kept: '0664-2251 7300', dropped: ['琴台路1号', '2250 0001', '2251 0110', '2250 6000'] },
    '08_ershou_shiji_baitan_xuzhi.html': { kept: '0664-2258 3306', dropped: ['桑埠大道260号', '2339 0000', '2339 2319', '2339 8800'] },
    '16_nongcun_jucan_shenbao_tiaoling.html': { kept: '0664-6812 1733', dropped: ['苕水路1号', '6810 0001', '6810 6000', '6815 0120'] },
    '18_shopping_consumer_rights_en.html': { kept: '0664-2338 6600', dropped: ['3 Sangbu Avenue, Sangbu', '2300 0003', '2310 1100', '2312 3456'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_bianmin_zaocanche_zhaomu.docx', '早餐车租用费 | 每月300元（优先对象前6个月免收）'], ['04_jubao_jiangli_tiaozheng_tongzhi.pdf', '单项举报奖励最高金额 | 10万元 | 30万元']],
);

describeBlindSet(
  'orchard',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_emergencies_en.html', '19_first_aid_courses_en.txt', '20_safe_at_home_en.txt'],
    questions: [150, 150],
    id: /^orchard-[0-9]{3}$/,
    answerable: 105,
    answerableZh: 65,
    answerableEn: 40,
    onEnglishDocs: 25,
    crossLingual: 15,
    nearDuplicate: 48,
    typo: 26,
    unanswerable: 45,
    unanswerableZh: 27,
    unanswerableEn: 18,
  },
  {
    '02_jiuhuyuan_peixun_zhinan_zhiting.html': { kept: '0644-3315 2690', dropped: ['芷汀路1号', '3300 0001', '3301 7110', '3300 6000'] },
    '08_xiaofangzhan_kaifangri_xuzhi.html': { kept: '0644-3219 1190', dropped: ['蘅州大道66号', '3219 0002', '3219 0119', '电动自行车安全'] },
    '16_zijianfang_anquan_jianding_sunxi.html': { kept: '0644-6725 4416', dropped: ['芰荷路1号', '6720 0001', '6720 6000', '6721 0110'] },
    '18_emergencies_en.html': { kept: '0644-3388 6611', dropped: ['5 Hengzhou Avenue, Hengzhou', '3300 0005', '3310 1100', '3312 3456'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_weixing_xiaofangzhan_duiyuan_zhaopin.docx', '基本工资 | 每月3800元'], ['04_yuanqian_jijiu_shoufei_tiaozheng_tongzhi.pdf', '心电监护费 | 每小时20元 | 每小时25元']],
);

describeBlindSet(
  'meadow',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_renting_farmland_en.html', '19_farming_support_en.txt', '20_village_life_en.txt'],
    questions: [150, 150],
    id: /^meadow-[0-9]{3}$/,
    answerable: 110,
    answerableZh: 68,
    answerableEn: 42,
    onEnglishDocs: 26,
    crossLingual: 16,
    nearDuplicate: 54,
    typo: 27,
    unanswerable: 40,
    unanswerableZh: 24,
    unanswerableEn: 16,
  },
  {
    '02_liuzhuan_beian_zhinan_hechou.html': { kept: '0845-2631 5180', dropped: ['秧门路1号', '2630 0001', '2630 6000', '2631 0001'] },
    '08_cetu_peifang_quyang_xuzhi.html': { kept: '0845-2316 2208', dropped: ['稔州大道300号', '2310 0002', '2310 0001', '2310 5588'] },
    '16_chunguan_yongshui_xuzhi_shuyuan.html': { kept: '0845-5833 6120', dropped: ['菽塘路1号', '5810 0001', '5810 6000', '5811 6119'] },
    '18_renting_farmland_en.html': { kept: '0845-2300 8618', dropped: ['2 Renzhou Avenue, Hechou District', '2300 0086', '2300 6000', '2301 1180'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_cunji_fangyiyuan_zhaopin_shuyuan.docx', '基础报酬 | 每月2600元'], ['04_tuoguan_buzhu_tiaozheng_tongzhi.pdf', '机收 | 每亩25元 | 每亩30元']],
);

describeBlindSet(
  'brook',
  'has 20 policy documents in five formats and 150 questions, answerable and not, in both languages',
  {
    documents: 20,
    formats: { '.txt': 12, '.html': 4, '.md': 2, '.docx': 1, '.pdf': 1 },
    englishDocs: ['18_keeping_a_dog_en.html', '19_rabies_vaccination_adoption_en.txt', '20_lost_dogs_bites_training_en.txt'],
    questions: [150, 150],
    id: /^brook-[0-9]{3}$/,
    answerable: 110,
    answerableZh: 68,
    answerableEn: 42,
    onEnglishDocs: 26,
    crossLingual: 16,
    nearDuplicate: 54,
    typo: 27,
    unanswerable: 40,
    unanswerableZh: 24,
    unanswerableEn: 16,
  },
  {
    '02_quanzhi_dengji_zhinan_litang.html': { kept: '0956-3217 6605', dropped: ['澧棠区湄心路1号', '3216 0001', '3216 6000', '3217 0110'] },
    '08_liulang_dongwu_lingyang_xuzhi.html': { kept: '0956-3360 7712', dropped: ['汭州大道216号', '3205 0002', '3205 0001', '3205 1234'] },
    '16_nongcun_yangquan_xuzhi_yanao.html': { kept: '0956-5548 1163', dropped: ['蘅埠路1号', '5520 0001', '5520 6000', '5521 0001'] },
    '18_keeping_a_dog_en.html': { kept: '0956-3358 2270', dropped: ['1 Ruizhou Avenue, Litang District', '3200 0001', '3200 6000', '3201 1180'] },
  },
  'reads the Word file and the PDF with their tables',
  [['14_shourong_zhongxin_zhaopin.docx', '动物饲养员 | 每月3600元'], ['04_dengji_nianshen_shoufei_tiaozheng_tongzhi.pdf', '重点管理区年审费 | 每只300元 | 每只100元']],
);

describe('the chatter set (eval/chatter)', () => {
  const corpora = ['cradle', 'forge', 'meadow', 'orchard', 'valley', 'bazaar'];
  const kinds = ['recommendation', 'prediction', 'advice', 'trivia', 'chitchat', 'task', 'commerce', 'weather-news'];

  it('holds 20 unanswerable questions per corpus, 13 Chinese and 7 English, 10 calib then 10 report, each of a known kind sharing a word with its corpus', async () => {
    for (const corpus of corpora) {
      const lines = (await readFile(path.join(ROOT, `eval/chatter/${corpus}.jsonl`), 'utf8')).split('\n').filter((l) => l.trim());
      const items = lines.map((l) => JSON.parse(l) as { id: string; question: string; answers: string[]; doc: string | null; lang: string; tags: string[]; unanswerable: boolean; split: string });
      expect(items, corpus).toHaveLength(20);
      expect(items.map((q) => q.id)).toEqual(items.map((_, i) => `chatter-${corpus}-${String(i + 1).padStart(2, '0')}`));
      expect(items.every((q) => q.unanswerable && q.answers.length === 0 && q.doc === null), corpus).toBe(true);
      expect(items.filter((q) => q.lang === 'zh'), corpus).toHaveLength(13);
      expect(items.filter((q) => q.lang === 'en'), corpus).toHaveLength(7);
      expect(items.map((q) => q.split)).toEqual([...Array(10).fill('calib'), ...Array(10).fill('report')]);
      for (const q of items) {
        expect(kinds, q.id).toContain(q.tags[0]);
        expect(q.tags[1], q.id).toBe('shares-word');
      }
      // The harness reads every line as an unanswerable question.
      const parsed = parseQuestions(lines.join('\n')).questions;
      expect(parsed.filter((q) => q.unanswerable), corpus).toHaveLength(20);
    }
  });
});
