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

/** True when any gold string occurs in `text` after normalisation. Empty gold strings never match. */
export function containsGold(text: string, golds: readonly string[]): boolean {
  const hay = normalizeForMatch(text);
  return golds.some((g) => {
    const needle = normalizeForMatch(g);
    return needle.length > 0 && hay.includes(needle);
  });
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
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Documents are compared by file name, so `seeds/001.txt` in a question file matches `001.txt`. */
export function sameDoc(a: string, b: string): boolean {
  return path.basename(a.trim()) === path.basename(b.trim());
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

export function scoreResult(q: EvalQuestion, mode: RetrievalMode, response: AskResponse, latencyMs: number, k: number): EvalResult {
  const all = [...response.sources].sort((a, b) => a.rank - b.rank);
  const rank = hitRank(all.slice(0, Math.max(k, 10)), q.doc, q.answers);
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
    answer_correct: correct,
    abstention_ok: q.unanswerable ? response.abstained : !response.abstained,
    safe: isSafeAnswer(q.question, response.answer),
    latency_ms: latencyMs,
    timings_ms: response.timings_ms ?? null,
  };
}

/** The record of a question whose ask call threw: counted as a failure everywhere. */
export function errorResult(q: EvalQuestion, mode: RetrievalMode, error: string, latencyMs: number): EvalResult {
  return {
    id: q.id, mode, question: q.question, lang: q.lang, tags: q.tags, unanswerable: q.unanswerable,
    gold_answers: q.answers, gold_doc: q.doc ?? null, answer: '', abstained: false, language: null,
    sources: [], citations: [], hit_rank: null, answer_correct: false, abstention_ok: false, safe: true,
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
  answer_accuracy: number | null;
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
  const rr = ans.reduce((sum, r) => sum + (r.hit_rank !== null && r.hit_rank <= 10 ? 1 / r.hit_rank : 0), 0);
  return {
    n: results.length,
    answerable: ans.length,
    unanswerable: un.length,
    errors: results.filter((r) => r.error).length,
    hit_at_1: ratio(hitWithin(1), ans.length),
    hit_at_5: ratio(hitWithin(5), ans.length),
    mrr_at_10: ratio(rr, ans.length),
    answer_accuracy: ratio(ans.filter((r) => r.answer_correct).length, ans.length),
    false_abstain_rate: ratio(ans.filter((r) => r.abstained).length, ans.length),
    abstention_recall: ratio(un.filter((r) => r.abstained).length, un.length),
    safe_rate: ratio(results.filter((r) => r.safe).length, results.length),
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

export interface ModeSummary {
  status: 'ok';
  /** What the service reported running (equals the mode). */
  embedding_model: string | null;
  overall: Metrics;
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

export function summarizeMode(results: readonly EvalResult[], embeddingModel: string | null): ModeSummary {
  return {
    status: 'ok',
    embedding_model: embeddingModel,
    overall: computeMetrics(results),
    by_lang: groupBy(results, (r) => [r.lang]),
    by_tag: groupBy(results, (r) => r.tags),
  };
}

// ---------- thresholds ----------

export interface Thresholds {
  minHit5?: number;
  minAnswer?: number;
}

/** One line per missed threshold, naming the mode, the metric, the value and the limit. */
export function checkThresholds(summary: Summary, t: Thresholds): string[] {
  const misses: string[] = [];
  const ran = Object.entries(summary.modes).filter(([, m]) => m?.status === 'ok') as [string, ModeSummary][];
  if ((t.minHit5 !== undefined || t.minAnswer !== undefined) && ran.length === 0) {
    misses.push('no retrieval mode ran (all skipped), so no threshold could be checked.');
  }
  for (const [mode, m] of ran) {
    const check = (name: string, flag: string, value: number | null, min: number | undefined) => {
      if (min === undefined) return;
      if (value === null) misses.push(`${mode}: ${name} is undefined (no answerable questions) but ${flag} ${min} was required.`);
      else if (value < min) misses.push(`${mode}: ${name} ${value.toFixed(3)} < ${flag} ${min}`);
    };
    check('hit@5', '--min-hit5', m.overall.hit_at_5, t.minHit5);
    check('answer accuracy', '--min-answer', m.overall.answer_accuracy, t.minAnswer);
  }
  return misses;
}

// ---------- the stdout table ----------

const pct = (v: number | null) => (v === null ? '   -' : v.toFixed(2).padStart(4));
const ms = (v: number | null) => (v === null ? '     -' : `${Math.round(v)}`.padStart(6));

/** A plain-text table: one row per mode, then per mode × language and × tag. */
export function formatSummaryTable(summary: Summary, options: { tags?: boolean } = {}): string {
  const header = `${'group'.padEnd(28)} ${'n'.padStart(4)}  hit1  hit5 mrr10   ans abst+ abst-    p50ms    p95ms`;
  const rows: string[] = [header, '-'.repeat(header.length)];
  const row = (label: string, m: Metrics) =>
    `${label.padEnd(28).slice(0, 28)} ${String(m.n).padStart(4)}  ${pct(m.hit_at_1)}  ${pct(m.hit_at_5)}  ${pct(m.mrr_at_10)}  ${pct(m.answer_accuracy)}  ${pct(m.abstention_recall)}  ${pct(m.false_abstain_rate)}   ${ms(m.latency_ms.p50)}   ${ms(m.latency_ms.p95)}`;
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
  rows.push('hit1/hit5/mrr10/ans/abst- over answerable questions; abst+ = abstention recall on unanswerable; abst- = false-abstain rate.');
  return rows.join('\n');
}
