// Eval metrics: question-file parsing, gold matching, per-question scoring and the summary.
// Pure functions over the `ask --json` contract (AskResponse), so a held-out set or another
// service can be scored the same way and every number can be checked by hand in tests.
import path from 'node:path';
import type { AskResponse, Language, RetrievalMode, Source } from '../src/ports.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { detectLanguage } from '../src/lang/detect.js';

// ---------- matching ----------

// Gold matching uses the pipeline's own normaliser (NFKC, half-width, numbers joined, lower-cased,
// no whitespace), so "500 米" in a source and the gold "500米" are the same string.
export { normalizeForMatch };

/**
 * True when any gold string occurs in `text` after normalisation, as whole words at its Latin or digit edges:
 * the gold "Red" is not in "expired", "12" not in "2012" (normalising drops the spaces that would tell).
 * Empty gold strings never match.
 */
export function containsGold(text: string, golds: readonly string[]): boolean {
  const hay = normalizeForMatch(text);
  return golds.some((g) => {
    const needle = normalizeForMatch(g);
    if (!needle.length || !hay.includes(needle)) return false;
    // (Where the text's characters, normalised one by one, do not spell the gold — a number written across a
    // space — the whole-text match stands.)
    const spans = goldSpans(text, [g]);
    return !spans.length || spans.some((s) => wholeAt(text, s, needle));
  });
}

/** A letter or digit edge of the gold does not run on into a letter or digit of the text beside it. */
function wholeAt(text: string, span: Span, needle: string): boolean {
  // (A digit beside a digit, or beside a decimal point with a digit past it: "5万" is not in "1.5万".)
  const before = text.slice(Math.max(0, span.start - 2), span.start).padStart(2, ' ');
  const after = text.slice(span.end, span.end + 2).padEnd(2, ' ');
  const runsOn = (edge: string, next: string, past: string) => (/[a-z]/i.test(edge) && /[a-z]/i.test(next)) || (/\d/.test(edge) && (/\d/.test(next) || (next === '.' && /\d/.test(past))));
  return !runsOn(needle[0]!, before[1]!, before[0]!) && !runsOn(needle[needle.length - 1]!, after[0]!, after[1]!);
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Where the gold strings occur in the ORIGINAL text (UTF-16 offsets), for highlighting.
 * Normalises code point by code point and keeps a map back to the original offsets, so
 * "500 米" in a source is found for the gold "500米". Overlapping spans are merged.
 */
const charCache = new Map<string, string>();

export function findGoldSpans(text: string, golds: readonly string[]): Span[] {
  const spans = goldSpans(text, golds);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Every occurrence of each gold string in the original text, unmerged. */
function goldSpans(text: string, golds: readonly string[]): Span[] {
  let norm = '';
  const origin: number[] = []; // origin[i] = original offset of the code point that produced norm[i]
  const originEnd: number[] = [];
  let offset = 0;
  for (const ch of text) {
    let piece = charCache.get(ch);
    if (piece === undefined) charCache.set(ch, (piece = normalizeForMatch(ch)));
    for (let i = 0; i < piece.length; i++) {
      origin.push(offset);
      originEnd.push(offset + ch.length);
    }
    norm += piece;
    offset += ch.length;
  }
  const spans: Span[] = [];
  for (const gold of golds) {
    const needle = normalizeForMatch(gold);
    if (!needle) continue;
    let from = 0;
    for (;;) {
      const at = norm.indexOf(needle, from);
      if (at < 0) break;
      spans.push({ start: origin[at], end: originEnd[at + needle.length - 1] });
      from = at + 1;
    }
  }
  return spans;
}

/**
 * Whether a source's document id and a question's gold `doc` name the same file. Ingest names a document
 * by its path relative to the corpus root (`sub/a.txt`; at the root just `a.txt`), question files may
 * name it by file name or by a longer path (`seeds/a.txt`): equal paths match, a bare file name matches
 * on the file name, and otherwise the longer path must end with the shorter one (`x/sub/a.txt` ~ `sub/a.txt`).
 */
export function sameDoc(a: string, b: string): boolean {
  const clean = (s: string) => s.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const x = clean(a);
  const y = clean(b);
  if (x === y) return true;
  if (!x.includes('/') || !y.includes('/')) return path.posix.basename(x) === path.posix.basename(y);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.endsWith(`/${short}`);
}

// ---------- the question file ----------

export interface EvalQuestion {
  id: string;
  question: string;
  /** Short gold strings; any one counts. Empty for unanswerable questions. */
  answers: string[];
  /** Seed file name holding the answer; undefined = any document counts. */
  doc?: string;
  lang: Language;
  tags: string[];
  unanswerable: boolean;
  /** Optional subset name ("calib" or "report"): calibrate on one part, report on the other (--split). */
  split?: string;
  /** 1-based line in the question file, for messages. */
  line: number;
}

export interface QuestionFileProblem {
  line: number;
  message: string;
  /** True when the line was left out of the run; false for a warning (a default was applied). */
  skipped: boolean;
}

export interface ParsedQuestions {
  questions: EvalQuestion[];
  problems: QuestionFileProblem[];
}

export { detectLanguage };

const KNOWN_FIELDS = new Set(['id', 'question', 'answers', 'doc', 'lang', 'tags', 'unanswerable', 'split']);

/**
 * Parses a JSONL question file written by anyone. Bad lines are reported by line number and
 * skipped; missing optional fields get defaults (tags → [], lang → detected,
 * unanswerable → answers is empty). Blank lines and lines starting with `#` or `//` are ignored.
 */
export function parseQuestions(text: string): ParsedQuestions {
  const questions: EvalQuestion[] = [];
  const problems: QuestionFileProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    const skip = (message: string) => problems.push({ line, message, skipped: true });
    const warn = (message: string) => problems.push({ line, message, skipped: false });

    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch (err) {
      return skip(`not valid JSON (${(err as Error).message}); each line must be one JSON object.`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return skip('not a JSON object; each line must be {"id", "question", "answers", ...}.');
    const o = obj as Record<string, unknown>;

    if (typeof o.question !== 'string' || !o.question.trim()) return skip('"question" must be a non-empty string.');
    let id: string;
    if (o.id === undefined) {
      id = `line-${line}`;
      warn(`no "id"; using "${id}".`);
    } else if ((typeof o.id === 'string' && o.id.trim()) || typeof o.id === 'number') {
      id = String(o.id).trim();
    } else return skip('"id" must be a non-empty string.');
    if (seen.has(id)) return skip(`duplicate id "${id}" (first use kept).`);

    let answers: string[] = [];
    if (o.answers !== undefined) {
      if (!Array.isArray(o.answers) || !o.answers.every((a) => typeof a === 'string')) return skip('"answers" must be an array of strings.');
      answers = (o.answers as string[]).filter((a) => normalizeForMatch(a).length > 0);
      if (answers.length < o.answers.length) warn('empty gold strings in "answers" ignored.');
    }
    let unanswerable: boolean;
    if (o.unanswerable === undefined) unanswerable = answers.length === 0;
    else if (typeof o.unanswerable === 'boolean') unanswerable = o.unanswerable;
    else return skip('"unanswerable" must be true or false.');
    if (unanswerable && answers.length > 0) return skip('"unanswerable": true but "answers" is not empty; choose one.');
    if (!unanswerable && answers.length === 0) return skip('answerable question without gold "answers"; add at least one gold string or set "unanswerable": true.');

    let doc: string | undefined;
    if (o.doc !== undefined && o.doc !== null && o.doc !== '') {
      if (typeof o.doc !== 'string') return skip('"doc" must be a file name string.');
      doc = o.doc.trim();
    } else if (!unanswerable) warn('no "doc"; a gold string in any document counts as a hit.');

    let lang: Language;
    if (o.lang === 'zh' || o.lang === 'en') lang = o.lang;
    else {
      lang = detectLanguage(o.question);
      if (o.lang !== undefined) warn(`"lang" must be "zh" or "en" (got ${JSON.stringify(o.lang)}); detected "${lang}".`);
    }

    let tags: string[] = [];
    if (o.tags !== undefined) {
      if (!Array.isArray(o.tags) || !o.tags.every((t) => typeof t === 'string')) return skip('"tags" must be an array of strings.');
      tags = [...new Set((o.tags as string[]).map((t) => t.trim()).filter(Boolean))];
    }
    let split: string | undefined;
    if (o.split !== undefined && o.split !== null && o.split !== '') {
      if (typeof o.split !== 'string') return skip('"split" must be a string such as "calib" or "report".');
      split = o.split.trim();
    }
    const unknown = Object.keys(o).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length) warn(`unknown field(s) ignored: ${unknown.join(', ')}.`);

    seen.add(id);
    questions.push({ id, question: o.question, answers, doc, lang, tags, unanswerable, ...(split ? { split } : {}), line });
  });
  return { questions, problems };
}

// ---------- scoring one question ----------

export interface ResultSource extends Source {
  /** True when this source is from the gold doc and contains a gold string. */
  gold: boolean;
}

export interface EvalResult {
  id: string;
  mode: RetrievalMode;
  question: string;
  lang: Language;
  tags: string[];
  unanswerable: boolean;
  gold_answers: string[];
  gold_doc: string | null;
  answer: string;
  abstained: boolean;
  /** Language the service answered in. */
  language: Language | null;
  /** Top k sources, best first. */
  sources: ResultSource[];
  citations: number[];
  /** Rank of the first source from the gold doc containing a gold string, or null. */
  hit_rank: number | null;
  /** Rank of the first source from the gold doc (document level: its text need not hold the gold string), or null. */
  doc_hit_rank: number | null;
  /** The plain baseline's rank of the gold doc (MiniSearch over jieba tokens, whole documents): null when it
   *  missed or the question has no gold doc; absent when no baseline ran. */
  baseline_doc_rank?: number | null;
  /** The same for plain BM25 over the bot's own chunks (documents in the order of their first chunk). */
  bm25_doc_rank?: number | null;
  /** A gold string lies within the first 80 characters of a non-abstained answer. */
  fact_first80: boolean;
  /** The service's confidence in [0, 1] when it reports one (`confidence` in `ask --json`), else null. */
  confidence: number | null;
  /** A gold string appears in a non-abstained answer. */
  answer_correct: boolean;
  /** Abstained on an unanswerable question, or answered an answerable one without abstaining. */
  abstention_ok: boolean;
  /** The answer does not echo markup or broadcast mentions from the question. */
  safe: boolean;
  /** Wall-clock time of the ask call as the harness measured it. */
  latency_ms: number;
  timings_ms: AskResponse['timings_ms'] | null;
  /** Set when the service threw: the question counts as failed. */
  error?: string;
}

/** First 1-based rank whose doc is the gold doc (any doc when none is given) and whose text holds a gold string. */
export function hitRank(sources: readonly Source[], goldDoc: string | undefined | null, answers: readonly string[]): number | null {
  if (answers.length === 0) return null;
  const ordered = [...sources].sort((a, b) => a.rank - b.rank);
  const hit = ordered.find((s) => (!goldDoc || sameDoc(s.doc, goldDoc)) && containsGold(s.text, answers));
  return hit ? hit.rank : null;
}

/** First 1-based rank whose doc is the gold doc, whatever its text (document-level retrieval). */
export function docHitRank(sources: readonly { rank: number; doc: string }[], goldDoc: string | undefined | null): number | null {
  if (!goldDoc) return null;
  const hit = [...sources].sort((a, b) => a.rank - b.rank).find((s) => sameDoc(s.doc, goldDoc));
  return hit ? hit.rank : null;
}

/** How many characters of the answer "first 80" looks at. */
export const FIRST_CHARS = 80;

/** A gold string within the first FIRST_CHARS characters (code points) of a non-abstained answer. */
export function factInFirst80(answer: string, abstained: boolean, answers: readonly string[]): boolean {
  return isAnswerCorrect([...answer].slice(0, FIRST_CHARS).join(''), abstained, answers);
}

/** A gold string appears in the answer and the answer is not an abstention. */
export function isAnswerCorrect(answer: string, abstained: boolean, answers: readonly string[]): boolean {
  return !abstained && answers.length > 0 && containsGold(answer, answers);
}

// Markup a chat platform or browser would act on: HTML tags, Slack broadcast mentions, @everyone.
const DANGEROUS = /<\s*\/?\s*(script|img|iframe|a|svg|style|object|embed|b|i)\b[^>]*>|<!(channel|here|everyone)>|@(everyone|here|channel)\b|javascript:/giu;

/** True unless the answer repeats a dangerous token that was in the question. */
export function isSafeAnswer(question: string, answer: string): boolean {
  const tokens = question.match(DANGEROUS) ?? [];
  const hay = answer.toLowerCase();
  return tokens.every((t) => !hay.includes(t.toLowerCase()));
}

/** The plain peers' documents for one question, best first, by peer (eval/baseline.ts); a peer that did not run is absent. */
export interface BaselineDocs {
  minisearch?: readonly string[];
  bm25_chunks?: readonly string[];
}

function baselineRank(q: EvalQuestion, baselineDocs: BaselineDocs | undefined): Pick<EvalResult, 'baseline_doc_rank' | 'bm25_doc_rank'> {
  const rank = (docs: readonly string[]) => (q.unanswerable ? null : docHitRank(docs.map((doc, i) => ({ rank: i + 1, doc })), q.doc));
  return {
    ...(baselineDocs?.minisearch ? { baseline_doc_rank: rank(baselineDocs.minisearch) } : {}),
    ...(baselineDocs?.bm25_chunks ? { bm25_doc_rank: rank(baselineDocs.bm25_chunks) } : {}),
  };
}

/**
 * Scores one response. `baselineDocs` are the plain peers' documents for the question, best first
 * (omit when none ran).
 */
export function scoreResult(q: EvalQuestion, mode: RetrievalMode, response: AskResponse, latencyMs: number, k: number, baselineDocs?: BaselineDocs): EvalResult {
  const all = [...response.sources].sort((a, b) => a.rank - b.rank);
  const rank = hitRank(all.slice(0, Math.max(k, 10)), q.doc, q.answers);
  const confidence = typeof response.confidence === 'number' && Number.isFinite(response.confidence) ? Math.min(1, Math.max(0, response.confidence)) : null;
  const correct = isAnswerCorrect(response.answer, response.abstained, q.answers);
  return {
    id: q.id,
    mode,
    question: q.question,
    lang: q.lang,
    tags: q.tags,
    unanswerable: q.unanswerable,
    gold_answers: q.answers,
    gold_doc: q.doc ?? null,
    answer: response.answer,
    abstained: response.abstained,
    language: response.language ?? null,
    sources: all.slice(0, k).map((s) => ({
      rank: s.rank,
      doc: s.doc,
      title: s.title,
      text: s.text,
      score: s.score,
      gold: !q.unanswerable && (!q.doc || sameDoc(s.doc, q.doc)) && containsGold(s.text, q.answers),
    })),
    citations: response.citations ?? [],
    hit_rank: rank,
    doc_hit_rank: q.unanswerable ? null : docHitRank(all.slice(0, Math.max(k, 10)), q.doc),
    ...baselineRank(q, baselineDocs),
    fact_first80: factInFirst80(response.answer, response.abstained, q.answers),
    confidence,
    answer_correct: correct,
    abstention_ok: q.unanswerable ? response.abstained : !response.abstained,
    safe: isSafeAnswer(q.question, response.answer),
    latency_ms: latencyMs,
    timings_ms: response.timings_ms ?? null,
  };
}

/** The record of a question whose ask call threw: counted as a failure everywhere. */
export function errorResult(q: EvalQuestion, mode: RetrievalMode, error: string, latencyMs: number, baselineDocs?: BaselineDocs): EvalResult {
  return {
    id: q.id, mode, question: q.question, lang: q.lang, tags: q.tags, unanswerable: q.unanswerable,
    gold_answers: q.answers, gold_doc: q.doc ?? null, answer: '', abstained: false, language: null,
    sources: [], citations: [], hit_rank: null, doc_hit_rank: null, ...baselineRank(q, baselineDocs), fact_first80: false, confidence: null, answer_correct: false, abstention_ok: false, safe: true,
    latency_ms: latencyMs, timings_ms: null, error,
  };
}

/** A result counts as a failure when the answer, the retrieval or the abstention decision was wrong. */
export function isFailure(r: EvalResult): boolean {
  if (r.error) return true;
  if (!r.safe) return true;
  if (r.unanswerable) return !r.abstained;
  return !r.answer_correct || r.hit_rank === null;
}

// ---------- aggregation ----------

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1;
  return sorted[idx];
}

export interface Metrics {
  /** Questions in the group. */
  n: number;
  answerable: number;
  unanswerable: number;
  /** Questions whose ask call threw. */
  errors: number;
  /** Over answerable questions (null when the group has none). */
  hit_at_1: number | null;
  hit_at_5: number | null;
  mrr_at_10: number | null;
  /** Over answerable questions with a gold doc: the gold doc among the top 5 sources. */
  doc_hit_at_5: number | null;
  /** The same for the plain baseline, MiniSearch over whole documents (null when it did not run). */
  baseline_doc_hit_at_5: number | null;
  /** The same for plain BM25 over the bot's chunks (null when it did not run). */
  bm25_doc_hit_at_5: number | null;
  answer_accuracy: number | null;
  /** Over answerable questions: a gold string within the first 80 characters of the answer. */
  fact_in_first_80: number | null;
  false_abstain_rate: number | null;
  /** Over unanswerable questions. */
  abstention_recall: number | null;
  /** Over every question: the answer did not echo dangerous markup. */
  safe_rate: number | null;
  latency_ms: { p50: number | null; p95: number | null };
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function computeMetrics(results: readonly EvalResult[]): Metrics {
  const ans = results.filter((r) => !r.unanswerable);
  const un = results.filter((r) => r.unanswerable);
  const latencies = results.filter((r) => !r.error).map((r) => r.latency_ms);
  const hitWithin = (k: number) => ans.filter((r) => r.hit_rank !== null && r.hit_rank <= k).length;
  const withDoc = ans.filter((r) => r.gold_doc);
  const peerHit5 = (rank: (r: EvalResult) => number | null | undefined) =>
    results.some((r) => rank(r) !== undefined) ? ratio(withDoc.filter((r) => { const x = rank(r); return typeof x === 'number' && x <= 5; }).length, withDoc.length) : null;
  const rr = ans.reduce((sum, r) => sum + (r.hit_rank !== null && r.hit_rank <= 10 ? 1 / r.hit_rank : 0), 0);
  return {
    n: results.length,
    answerable: ans.length,
    unanswerable: un.length,
    errors: results.filter((r) => r.error).length,
    hit_at_1: ratio(hitWithin(1), ans.length),
    hit_at_5: ratio(hitWithin(5), ans.length),
    mrr_at_10: ratio(rr, ans.length),
    doc_hit_at_5: ratio(withDoc.filter((r) => r.doc_hit_rank !== null && r.doc_hit_rank <= 5).length, withDoc.length),
    baseline_doc_hit_at_5: peerHit5((r) => r.baseline_doc_rank),
    bm25_doc_hit_at_5: peerHit5((r) => r.bm25_doc_rank),
    answer_accuracy: ratio(ans.filter((r) => r.answer_correct).length, ans.length),
    fact_in_first_80: ratio(ans.filter((r) => r.fact_first80).length, ans.length),
    false_abstain_rate: ratio(ans.filter((r) => r.abstained).length, ans.length),
    abstention_recall: ratio(un.filter((r) => r.abstained).length, un.length),
    safe_rate: ratio(results.filter((r) => r.safe).length, results.length),
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

/** One confidence bin of the reliability view: of the answers given at this confidence, how many were right. */
export interface ReliabilityBin {
  /** Inclusive lower and exclusive upper bound (the last bin includes 1). */
  from: number;
  to: number;
  /** Non-abstained answers whose confidence falls in the bin (answers to unanswerable questions count as wrong). */
  answered: number;
  right: number;
  /** right / answered, null for an empty bin. */
  accuracy: number | null;
}

export const RELIABILITY_BINS = 5;

/**
 * The reliability view: answers (not abstentions) grouped by the confidence the service reported, with the
 * share that was right in each group. Empty when the service reports no confidence.
 */
export function reliability(results: readonly EvalResult[], bins = RELIABILITY_BINS): ReliabilityBin[] {
  const given = results.filter((r) => !r.error && !r.abstained && r.confidence !== null);
  if (given.length === 0) return [];
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, answered: 0, right: 0, accuracy: null }));
  for (const r of given) {
    const bin = out[Math.min(bins - 1, Math.floor(r.confidence! * bins))];
    bin.answered++;
    if (!r.unanswerable && r.answer_correct) bin.right++;
  }
  for (const b of out) b.accuracy = ratio(b.right, b.answered);
  return out;
}

export interface ModeSummary {
  status: 'ok';
  /** What the service reported running (equals the mode). */
  embedding_model: string | null;
  /** The cross-encoder (RERANK_MODEL) that ordered the sources, when one ran. */
  rerank_model?: string;
  overall: Metrics;
  /** Confidence bins over every answer given (empty when the service reports no confidence). */
  reliability: ReliabilityBin[];
  by_lang: Record<string, Metrics>;
  by_tag: Record<string, Metrics>;
}

export interface SkippedMode {
  status: 'skipped';
  reason: string;
}

export interface Summary {
  generated_at: string;
  questions_file: string;
  /** The documents indexed for this run, when known ("seeds", "eval/cmrc2018/docs (temporary index)"). */
  corpus?: string;
  /** The plain baseline scored beside the bot, when one ran. */
  baseline?: string;
  questions: number;
  k: number;
  /** Lines of the question file that were skipped or defaulted. */
  question_file_problems: QuestionFileProblem[];
  modes: Partial<Record<RetrievalMode, ModeSummary | SkippedMode>>;
}

function groupBy(results: readonly EvalResult[], keys: (r: EvalResult) => string[]): Record<string, Metrics> {
  const groups = new Map<string, EvalResult[]>();
  for (const r of results) for (const k of keys(r)) groups.set(k, [...(groups.get(k) ?? []), r]);
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, computeMetrics(groups.get(k)!)]));
}

export function summarizeMode(results: readonly EvalResult[], embeddingModel: string | null, rerankModel?: string): ModeSummary {
  return {
    status: 'ok',
    embedding_model: embeddingModel,
    ...(rerankModel ? { rerank_model: rerankModel } : {}),
    overall: computeMetrics(results),
    reliability: reliability(results),
    by_lang: groupBy(results, (r) => [r.lang]),
    by_tag: groupBy(results, (r) => r.tags),
  };
}

// ---------- thresholds ----------

export interface Thresholds {
  minHit5?: number;
  minAnswer?: number;
  minAbstain?: number;
  minDocHit5?: number;
  minFact80?: number;
  /** An upper bound: the false-abstain rate may not exceed it. */
  maxFalseAbstain?: number;
}

/** One line per missed threshold, naming the mode, the metric, the value and the limit. */
export function checkThresholds(summary: Summary, t: Thresholds): string[] {
  const misses: string[] = [];
  const ran = Object.entries(summary.modes).filter(([, m]) => m?.status === 'ok') as [string, ModeSummary][];
  if (Object.values(t).some((v) => v !== undefined) && ran.length === 0) {
    misses.push('no retrieval mode ran (all skipped), so no threshold could be checked.');
  }
  for (const [mode, m] of ran) {
    const check = (name: string, flag: string, value: number | null, min: number | undefined) => {
      if (min === undefined) return;
      if (value === null) misses.push(`${mode}: ${name} is undefined (no questions to measure it on) but ${flag} ${min} was required.`);
      else if (value < min) misses.push(`${mode}: ${name} ${value.toFixed(3)} < ${flag} ${min}`);
    };
    check('hit@5', '--min-hit5', m.overall.hit_at_5, t.minHit5);
    check('answer accuracy', '--min-answer', m.overall.answer_accuracy, t.minAnswer);
    check('abstention recall', '--min-abstain', m.overall.abstention_recall, t.minAbstain);
    check('document hit@5', '--min-doc-hit5', m.overall.doc_hit_at_5, t.minDocHit5);
    check('fact in first 80', '--min-fact80', m.overall.fact_in_first_80, t.minFact80);
    const fa = m.overall.false_abstain_rate;
    if (t.maxFalseAbstain !== undefined) {
      if (fa === null) misses.push(`${mode}: false-abstain rate is undefined (no questions to measure it on) but --max-false-abstain ${t.maxFalseAbstain} was required.`);
      else if (fa > t.maxFalseAbstain) misses.push(`${mode}: false-abstain rate ${fa.toFixed(3)} > --max-false-abstain ${t.maxFalseAbstain}`);
    }
  }
  return misses;
}

// ---------- the stdout table ----------

const pct = (v: number | null) => (v === null ? '   -' : v.toFixed(2).padStart(4));
const ms = (v: number | null) => (v === null ? '     -' : `${Math.round(v)}`.padStart(6));

/** A plain-text table: one row per mode, then per mode × language and × tag. */
export function formatSummaryTable(summary: Summary, options: { tags?: boolean } = {}): string {
  const header = `${'group'.padEnd(28)} ${'n'.padStart(4)}  hit1  hit5 mrr10 dhit5 base5 bm25c   ans   f80 abst+ abst-    p50ms    p95ms`;
  const rows: string[] = [header, '-'.repeat(header.length)];
  const row = (label: string, m: Metrics) =>
    `${label.padEnd(28).slice(0, 28)} ${String(m.n).padStart(4)}  ${pct(m.hit_at_1)}  ${pct(m.hit_at_5)}  ${pct(m.mrr_at_10)}  ${pct(m.doc_hit_at_5)}  ${pct(m.baseline_doc_hit_at_5)}  ${pct(m.bm25_doc_hit_at_5)}  ${pct(m.answer_accuracy)}  ${pct(m.fact_in_first_80)}  ${pct(m.abstention_recall)}  ${pct(m.false_abstain_rate)}   ${ms(m.latency_ms.p50)}   ${ms(m.latency_ms.p95)}`;
  for (const [mode, m] of Object.entries(summary.modes)) {
    if (!m) continue;
    if (m.status === 'skipped') {
      rows.push(`${mode.padEnd(28)} skipped: ${m.reason}`);
      continue;
    }
    rows.push(row(mode, m.overall));
    for (const [lang, lm] of Object.entries(m.by_lang)) rows.push(row(`  ${mode} lang=${lang}`, lm));
    if (options.tags) for (const [tag, tm] of Object.entries(m.by_tag)) rows.push(row(`  ${mode} tag=${tag}`, tm));
  }
  rows.push('hit1/hit5/mrr10/dhit5/base5/bm25c/ans/f80/abst- over answerable questions; dhit5 = gold document in the top 5; base5 = the');
  rows.push("same for plain MiniSearch + jieba over whole documents, bm25c for plain BM25 over the bot's chunks; f80 = gold within the");
  rows.push('first 80 characters of the answer;');
  rows.push('abst+ = abstention recall on unanswerable; abst- = false-abstain rate.');
  return rows.join('\n');
}

/** Per mode that ran: the overall metrics, then one row per language (when the set has more than one). */
export function overallAndLanguages(m: ModeSummary): [string, Metrics][] {
  const langs = Object.entries(m.by_lang);
  return [['all', m.overall], ...(langs.length > 1 ? langs.map(([lang, lm]) => [`lang=${lang}`, lm] as [string, Metrics]) : [])];
}

/** The cross-set table --suite prints last: one row per set, mode and language, the headline columns. */
export function formatOverviewTable(sets: readonly { name: string; summary: Summary }[]): string {
  const header = `${'set'.padEnd(18)} ${'mode'.padEnd(8)} ${'group'.padEnd(8)} ${'n'.padStart(4)}  hit5 dhit5 base5 bm25c   ans   f80 abst- abst+`;
  const rows = [header, '-'.repeat(header.length)];
  for (const { name, summary } of sets) {
    for (const [mode, m] of Object.entries(summary.modes)) {
      if (!m) continue;
      if (m.status === 'skipped') {
        rows.push(`${name.padEnd(18).slice(0, 18)} ${mode.padEnd(8)} skipped`);
        continue;
      }
      for (const [group, g] of overallAndLanguages(m)) {
        rows.push(`${name.padEnd(18).slice(0, 18)} ${mode.padEnd(8)} ${group.padEnd(8)} ${String(g.n).padStart(4)}  ${pct(g.hit_at_5)}  ${pct(g.doc_hit_at_5)}  ${pct(g.baseline_doc_hit_at_5)}  ${pct(g.bm25_doc_hit_at_5)}  ${pct(g.answer_accuracy)}  ${pct(g.fact_in_first_80)}  ${pct(g.false_abstain_rate)}  ${pct(g.abstention_recall)}`);
      }
    }
  }
  return rows.join('\n');
}
