// The default answerer, no model needed: quotes the sentences of the retrieved passages that answer
// the question, each with [n] pointing at its source, or abstains with the evidence it used.
//
// Abstention evidence, all explainable from the numbers it logs in `reasons`:
//  - coverage: share of the question's key terms (IDF-weighted) found in the best passage;
//  - unknown names: place names in the question (杭州市, Hangzhou) that no document mentions;
//  - support: the best sentence must itself carry some of the key terms.
import type { AnswerDraft, AnswerInput, Answerer, Language, RetrievedPassage, WeightedTerm } from '../ports.js';
import type { ChineseTokenizer } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { normalizeText } from '../text/normalize.js';
import { unknownRomanisedPlaces } from '../lang/places.js';
import { asksForFraud, KIND_EVIDENCE, looksLikeInstruction, questionKind, type QuestionKind } from './question.js';
import { askedFigure, figureFit, figureMentions, type AskedFigure } from './figures.js';
import { stemEnglish } from '../text/stem.js';

export interface CorpusStats {
  tokenizer: ChineseTokenizer;
  /** Chunks containing the token. */
  documentFrequency(token: string): number;
  /** Chunks in the index. */
  size: number;
  /** Romanised spellings of the corpus's words (xinzhou, yuncheng), for English place names. */
  romanised: ReadonlySet<string>;
}

export interface ExtractiveOptions {
  /** Minimum IDF-weighted share of key terms the best passage must cover (calibrated on eval/questions.jsonl). */
  minCoverage: { zh: number; en: number };
  maxSentences: number;
  passagesConsidered: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  minCoverage: { zh: 0.45, en: 0.2 },
  maxSentences: 3,
  passagesConsidered: 5,
};

interface ScoredSentence {
  text: string;
  passageRank: number;
  passageIndex: number;
  order: number;
  score: number;
  coverage: number;
  /** Best fit of a figure in the sentence to the figure asked for (0 when none, or not a number/date question). */
  fit: number;
}

const GENERIC_PLACE = /^(本|该|这个|那个|我们|你们|所在|哪个|什么|城|社|小|市|县|区|镇|乡|村|街道|城市|地区|社区|农村|乡村|全市|全县|全区|各区|各县|郊区|市区|城区)$/;

export function createExtractiveAnswerer(stats: () => CorpusStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): Answerer {
  return {
    async answer(input: AnswerInput): Promise<AnswerDraft> {
      return answerExtractively(input, stats(), options);
    },
  };
}

export function answerExtractively(input: AnswerInput, stats: CorpusStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): AnswerDraft {
  const { question, language } = input;
  const passages = input.retrieval.passages.slice(0, options.passagesConsidered);
  const reasons: string[] = [];
  const keyTerms = keyTermWeights(input.retrieval.terms, language, stats, normalizeText(question));

  if (!passages.length || !keyTerms.length) {
    reasons.push(passages.length ? 'no searchable terms in the question' : 'no passage matched');
    return abstain(input, reasons, null, missingTerms(keyTerms, [], language));
  }

  if (asksForFraud(question)) {
    reasons.push('the question asks for help deceiving a public service');
    return refuse(input, reasons);
  }

  // Names of places the documents never mention: the right topic in another city is still no answer.
  const unknownPlaces = unknownPlaceNames(question, language, stats);
  if (unknownPlaces.length) {
    reasons.push(`the question names ${unknownPlaces.join(', ')}, which no document mentions`);
    return abstain(input, reasons, passages[0], unknownPlaces);
  }

  const passageTokens = passages.map((p) => new Set(stats.tokenizer.tokens(`${p.chunk.title} ${p.chunk.subhead ?? ''} ${p.chunk.normText}`)));
  const coverages = passageTokens.map((tokens) => coverageOf(keyTerms, tokens));
  const bestCoverage = Math.max(...coverages);
  reasons.push(`best passage covers ${(bestCoverage * 100).toFixed(0)}% of the question's key terms`);
  const bestIndex = coverages.indexOf(bestCoverage);
  const threshold = options.minCoverage[language];
  if (bestCoverage < threshold) {
    reasons.push(`below the ${(threshold * 100).toFixed(0)}% needed to answer`);
    return abstain(input, reasons, passages[bestIndex], missingTerms(keyTerms, [...passageTokens[bestIndex]], language));
  }

  // The question's most specific term (a rare word no document uses: 居住证, 暖气费) is its topic.
  const topic = keyTerms.reduce((a, b) => (b.weight > a.weight ? b : a));
  if (topic.unknown && bestCoverage < 0.7 && !passageTokens[bestIndex].has(topic.term)) {
    reasons.push(`its most specific term "${topic.term}" appears in no document`);
    return abstain(input, reasons, passages[bestIndex], [topic.term]);
  }

  const kind = questionKind(question);
  const asked: AskedFigure | null = kind === 'number' ? askedFigure(normalizeText(question), language) : kind === 'when' ? { measure: 'date', classifier: null, focus: askedFigure(normalizeText(question), language).focus } : null;
  const focus = asked ? focusTerms(asked.focus, keyTerms, language, stats) : new Set<string>();
  const sentences = scoreSentences(passages, coverages, keyTerms, kind, stats, asked, focus);
  const best = sentences[0];
  if (!best || best.coverage === 0) {
    reasons.push('no sentence in the passages carries the question\'s terms');
    return abstain(input, reasons, passages[0], missingTerms(keyTerms, [], language));
  }
  // Asked for a figure or a date: passages on the topic that state none of the asked kind do not answer it.
  // On the topic: the sentence itself (with its title) carries the question's terms, or it sits in a
  // passage that does ("招聘会为期3天" in the passage about 平城区's 夜市 job fair).
  const onTopic = (s: ScoredSentence) => s.coverage >= MIN_FIGURE_SENTENCE_COVERAGE * best.coverage || (s.coverage > 0 && coverages[s.passageIndex] >= ON_TOPIC_PASSAGE_SHARE * bestCoverage);
  if (asked && !sentences.some((s) => onTopic(s) && s.fit >= MIN_FIGURE_FIT)) {
    reasons.push(`no sentence on the topic states a ${asked.measure === 'date' ? 'date' : `figure${asked.measure ? ` (${asked.measure})` : ''}`}`);
    return abstain(input, reasons, passages[best.passageIndex], missingTerms(keyTerms, [], language));
  }
  reasons.push(`answered from passage ${best.passageRank} (${kind} question)`);

  const chosen = [best];
  for (const s of sentences.slice(1)) {
    if (chosen.length >= options.maxSentences) break;
    if (s.score < best.score * 0.6 || s.coverage === 0) continue;
    if (chosen.some((c) => oneContainsOther(c.text, s.text))) continue;
    chosen.push(s);
  }
  // A sentence that only introduces what follows ("…如下：") needs the next one.
  if (/[：:]$/.test(best.text.trim()) && chosen.length < options.maxSentences) {
    const next = sentences.find((s) => s.passageIndex === best.passageIndex && s.order === best.order + 1);
    if (next && !chosen.includes(next)) chosen.splice(1, 0, next);
  }

  const citations = [...new Set(chosen.map((s) => s.passageRank))];
  const text = language === 'en' ? englishAnswer(chosen, passages, kind) : chineseAnswer(chosen);
  // The best passage's share of the question's key terms: the score the answer rests on.
  return { text, abstained: false, citations, generator: 'extractive', reasons, confidence: Math.round(bestCoverage * 1000) / 1000 };
}

interface KeyTerm {
  term: string;
  weight: number;
  /** Alternatives for the same words of the question share a group; a group counts once. */
  group: string;
  /** A specific word (rare in general Chinese) that no document uses. */
  unknown: boolean;
}

// nt (organisation) is left out: jieba tags colloquial verb phrases as nt (招人), and an organisation's
// name rarely decides a question alone.
/** Weight kept by the most everyday words the corpus uses, relative to a rare word. */
const EVERYDAY_FLOOR = 0.5;

const NOUN_TAG = /^(n|nz|ns|nr|j|vn|an)$/;

// "几个", "多长", "多少钱": how the question asks, not what it is about.
const ASKING_SPAN = /(几|多少)[个名家户次天期毛块角元]?钱?/g;
const ASKING_WORD = /^(几.{0,2}|多[长大远高久重宽]|多少.?|哪.{0,2})$/;

/**
 * Weight per key term. Terms the corpus uses get their IDF (rare names and programme words decide
 * more than common words). Words the corpus never uses are weighed by how specific they are in
 * general Chinese: a rare word (公交卡, 驾照) is a topic the documents lack; an everyday word a resident
 * uses in place of the article's (一共, 大概, 上班) is not evidence against the passage.
 */
function keyTermWeights(terms: WeightedTerm[], language: Language, stats: CorpusStats, question = ''): KeyTerm[] {
  const n = Math.max(1, stats.size);
  const idfMax = Math.log(1 + (n + 0.5) / 0.5);
  const out: KeyTerm[] = [];
  const askingSpans = question ? [...question.matchAll(ASKING_SPAN)].map((m) => m[0]) : [];
  const absentConcepts = new Set<string>();
  const presentConcepts = new Set<string>();
  for (const t of terms) {
    if (!/[\p{L}\p{N}]/u.test(t.term) || ASKING_WORD.test(t.term)) continue;
    // Pieces of the asking words themselves (毛钱 in 几毛钱) say how the question asks, not what about.
    if (askingSpans.some((span) => span.includes(t.term))) continue;
    const df = stats.documentFrequency(t.term);
    // English: the English words themselves, and translations the corpus never uses, say nothing —
    // except the glossary's: its translations are reliable, so a concept none of them covers is missing.
    if (language === 'en' && df === 0) {
      if (t.origin === 'glossary' && t.source && !ASKING_PHRASE.test(t.source)) absentConcepts.add(t.source);
      continue;
    }
    if (t.source) presentConcepts.add(t.source);
    const general = stats.tokenizer.generalFrequency(t.term);
    // Single characters and the character pairs made from unknown runs (多挣) are weak evidence either way.
    const fragment = /^[\u4e00-\u9fff]$/.test(t.term) || (df === 0 && general === 0 && /^[\u4e00-\u9fff]{2}$/.test(t.term));
    // In a small corpus IDF alone overrates everyday words that happen to be rare in it (一个月, 发):
    // their general-language frequency tempers them.
    let w = df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (EVERYDAY_FLOOR + (1 - EVERYDAY_FLOOR) * specificity(general)) : idfMax * specificity(general);
    if (fragment) w *= 0.3;
    const unknown = df === 0 && !fragment && general > 0 && specificity(general) >= 0.6 && NOUN_TAG.test(stats.tokenizer.generalTag(t.term)) && t.origin !== 'history';
    out.push({ term: t.term, weight: t.weight * w, group: t.source ?? t.term, unknown });
  }
  // English documents: the question's own English words found in them (stemmed, "sundays" → "sunday")
  // cover their concept too.
  const englishPresent = new Set(language === 'en' ? terms.filter((t) => t.origin === 'question' && /^[a-z]+$/.test(t.term) && stats.documentFrequency(t.term) > 0).map((t) => t.term) : []);
  const coveredInEnglish = (concept: string) => englishPresent.size > 0 && concept.split(/\s+/).every((w) => englishPresent.has(stemEnglish(w.toLowerCase())));
  for (const concept of absentConcepts) {
    if (!presentConcepts.has(concept) && !coveredInEnglish(concept)) out.push({ term: concept, weight: idfMax * ABSENT_CONCEPT_WEIGHT, group: concept, unknown: true });
  }
  return out;
}

// Glossary entries for how a question asks ("where is", "how much is"), not what it is about.
const ASKING_PHRASE = /^(how|what|where|when|who|which|why)\b/;

/** Weight (× the largest IDF) of a glossary concept no document uses (passport → 护照). */
const ABSENT_CONCEPT_WEIGHT = 0.6;

/** 1 for words rare in general Chinese (count <= 30), falling to 0.15 for everyday words (count >= 3000). */
function specificity(generalCount: number): number {
  const x = (Math.log10(generalCount + 1) - 1.5) / 2;
  return Math.min(1, Math.max(0.15, 1 - x));
}

/** Share of the key-term groups (weighted) with at least one term present in `tokens`. */
function coverageOf(keyTerms: KeyTerm[], tokens: Set<string>): number {
  const groups = new Map<string, { best: number; matched: number }>();
  for (const k of keyTerms) {
    const g = groups.get(k.group) ?? { best: 0, matched: 0 };
    g.best = Math.max(g.best, k.weight);
    if (tokens.has(k.term)) g.matched = Math.max(g.matched, k.weight);
    groups.set(k.group, g);
  }
  let total = 0;
  let matched = 0;
  for (const g of groups.values()) {
    total += g.best;
    matched += g.matched;
  }
  return total > 0 ? matched / total : 0;
}

/** The most important key-term groups absent from `present`, named as the asker wrote them. */
function missingTerms(keyTerms: KeyTerm[], present: string[], language: Language): string[] {
  const have = new Set(present);
  const satisfied = new Set(keyTerms.filter((k) => have.has(k.term)).map((k) => k.group));
  const byGroup = new Map<string, number>();
  for (const k of keyTerms) if (!satisfied.has(k.group)) byGroup.set(k.group, Math.max(byGroup.get(k.group) ?? 0, k.weight));
  return [...byGroup.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([group]) => (language === 'en' ? group : group));
}

function unknownPlaceNames(question: string, language: Language, stats: CorpusStats): string[] {
  const unknown = new Set<string>();
  if (language === 'zh') {
    const q = normalizeText(question);
    const candidates = stats.tokenizer.placeNames(q);
    for (const name of candidates) {
      const stem = name.replace(/(省|市|县|区|镇|乡|村|街道)$/, '');
      if (stem.length < 2 || GENERIC_PLACE.test(stem) || GENERIC_PLACE.test(name)) continue;
      // Known when the name or its stem is in the index (as a token, or as all its character bigrams).
      if (isKnown(name, stats) || isKnown(stem, stats)) continue;
      unknown.add(name);
    }
  } else {
    for (const name of unknownRomanisedPlaces(question, stats.romanised)) unknown.add(name);
  }
  return [...unknown];
}

function isKnown(text: string, stats: CorpusStats): boolean {
  if (stats.documentFrequency(text) > 0) return true;
  const tokens = stats.tokenizer.tokens(text);
  return tokens.length > 0 && tokens.every((t) => stats.documentFrequency(t) > 0) && tokens.some((t) => t.length >= 2);
}

/** Figures this close (in characters) to the question's terms are about what the question asks. */
const FIGURE_WINDOW = 14;
/** A figure of the asked kind must sit in a sentence carrying at least this share of the best sentence's coverage. */
const MIN_FIGURE_SENTENCE_COVERAGE = 0.5;
const MIN_FIGURE_FIT = 0.5;
/** A passage covering this share of the best passage's coverage is on the topic, and so are its sentences. */
const ON_TOPIC_PASSAGE_SHARE = 0.75;
/** Weight of the figure evidence against the sentence's term coverage, for number and date questions. */
const FIGURE_WEIGHT = 1;

/** The key terms naming what is counted or dated (居民 in 多少居民; "community assistants" in "how many community assistants"). */
function focusTerms(focusText: string, keyTerms: KeyTerm[], language: Language, stats: CorpusStats): Set<string> {
  if (!focusText.trim()) return new Set();
  if (language === 'en') {
    const words = focusText.toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, ''));
    return new Set(keyTerms.filter((k) => /[\u4e00-\u9fff]/.test(k.term) && words.some((w) => w.length >= 3 && k.group.toLowerCase().includes(w))).map((k) => k.term));
  }
  const tokens = new Set(stats.tokenizer.tokens(focusText));
  return new Set(keyTerms.filter((k) => tokens.has(k.term) && k.term.length >= 2).map((k) => k.term));
}

/**
 * How well the sentence states the asked figure: the best figure's fit to the asked kind, raised by
 * the question's terms around it (the subject next to the number: 7188名居民) and the counted thing
 * right beside it. Returns [evidence, best fit].
 */
function figureEvidence(norm: string, asked: AskedFigure, keyTerms: KeyTerm[], focus: Set<string>): [number, number] {
  let evidence = 0;
  let bestFit = 0;
  for (const m of figureMentions(norm)) {
    const fit = figureFit(m, asked);
    bestFit = Math.max(bestFit, fit);
    const window = norm.slice(Math.max(0, m.start - FIGURE_WINDOW), m.end + FIGURE_WINDOW);
    const near = substringCoverage(keyTerms, window);
    // The counted thing follows its figure in Chinese, after any modifiers (973名2025届全日制高校毕业生),
    // within the clause; what precedes it sits close before (每单补贴1元).
    // The figure's own unit counts too: "how many residents" maps to the classifier 名 of 7188名.
    const beside = `${clauseBefore(norm, m.start, 8)}|${m.text}|${clauseAfter(norm, m.end, 16)}`;
    const focusHits = [...focus].map((f) => (beside.includes(f) ? 1 : [...f].some((c) => /[\u4e00-\u9fff]/.test(c) && beside.includes(c)) ? 0.3 : 0));
    const focusNear = focus.size ? 0.7 * Math.max(...focusHits) + 0.3 * mean(focusHits) : near;
    evidence = Math.max(evidence, fit * (0.3 + 0.2 * near + 0.5 * focusNear));
  }
  return [evidence, bestFit];
}

const CLAUSE_BREAK = /[，,。；;！!？?：:]/;

function clauseBefore(text: string, at: number, max: number): string {
  const piece = text.slice(Math.max(0, at - max), at);
  const parts = piece.split(CLAUSE_BREAK);
  return parts[parts.length - 1];
}

function clauseAfter(text: string, at: number, max: number): string {
  return text.slice(at, at + max).split(CLAUSE_BREAK)[0];
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Like coverageOf, but a term counts when it occurs anywhere in `text` (a window of a sentence). */
function substringCoverage(keyTerms: KeyTerm[], text: string): number {
  const present = new Set(keyTerms.filter((k) => k.term.length >= 2 && text.includes(k.term)).map((k) => k.term));
  return coverageOf(keyTerms, present);
}

function scoreSentences(
  passages: RetrievedPassage[],
  coverages: number[],
  keyTerms: KeyTerm[],
  kind: QuestionKind,
  stats: CorpusStats,
  asked: AskedFigure | null,
  focus: Set<string>,
): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  passages.forEach((p, passageIndex) => {
    // The article's title and subhead are every sentence's context (临猗县举办…招聘会 → "此次活动共吸引140余家企业").
    const context = stats.tokenizer.tokens(`${p.chunk.title} ${p.chunk.subhead ?? ''}`);
    const pieces = joinBrokenSentences(splitSentences(p.chunk.text).map((s) => s.text.replace(/\s+/g, ' ').trim())).filter((s) => s.length >= 4);
    pieces.forEach((text, order) => {
      if (looksLikeInstruction(text)) return; // instructions inside documents are never presented as facts
      const norm = normalizeText(text);
      const own = new Set(stats.tokenizer.tokens(norm));
      // A single character of the question inside a longer word of the sentence (补 in 补贴) half-counts.
      for (const k of keyTerms) if (k.term.length === 1 && !own.has(k.term) && norm.includes(k.term)) own.add(k.term);
      const ownCoverage = coverageOf(keyTerms, own);
      const coverage = coverageOf(keyTerms, new Set([...own, ...context]));
      let evidence = kind !== 'what' && KIND_EVIDENCE[kind].test(norm) ? 0.25 : 0;
      let fit = 0;
      if (asked) [evidence, fit] = figureEvidence(norm, asked, keyTerms, focus);
      const lengthPenalty = norm.length < 10 ? 0.15 : norm.length > 160 ? 0.1 : 0;
      const score = 0.5 * (ownCoverage + coverage) + (asked ? FIGURE_WEIGHT : 1) * evidence + 0.3 * coverages[passageIndex] + 0.1 / p.rank - lengthPenalty;
      out.push({ text, passageRank: p.rank, passageIndex, order, score, coverage, fit });
    });
  });
  return out.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.order - b.order);
}

/** Newspaper pages break paragraphs across columns ("全市共270余家" / "用人单位带来…"): a piece that does not end a sentence is joined to the next. */
function joinBrokenSentences(pieces: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  for (const piece of pieces) {
    if (!piece) continue;
    // A list item ("- Sunday: 10 am to 4 pm") is a sentence of its own, shown without its bullet.
    if (LIST_BULLET.test(piece)) {
      if (carry) out.push(carry);
      out.push(piece.replace(LIST_BULLET, ''));
      carry = '';
      continue;
    }
    // English words broken across lines keep a space between them.
    const text = carry && /[A-Za-z0-9,]$/.test(carry) && /^[A-Za-z0-9]/.test(piece) ? `${carry} ${piece}` : carry + piece;
    if (!SENTENCE_END.test(text) && text.length < MAX_JOINED) carry = text;
    else {
      out.push(text);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}
const SENTENCE_END = /[。！？；!?;…」”’）』】》")\]]$/;
const LIST_BULLET = /^[-*•]\s+/;
const MAX_JOINED = 220;

/** The same sentence (or one inside the other, from overlapping chunks) is quoted once. */
function oneContainsOther(a: string, b: string): boolean {
  return a.length < b.length ? b.includes(a) : a.includes(b);
}

function chineseAnswer(chosen: ScoredSentence[]): string {
  return chosen.map((s) => `${s.text}[${s.passageRank}]`).join('\n');
}

const UNIT_GLOSS: [RegExp, string][] = [
  [/^(\d+(?:\.\d+)?)万余?人次$/, '$1 × 10,000 person-visits'],
  [/^(\d+(?:\.\d+)?)万余?元$/, '$1 × 10,000 yuan'],
  [/^(\d+(?:\.\d+)?)万余?人$/, '$1 × 10,000 people'],
  [/^(\d+(?:\.\d+)?)万$/, '$1 × 10,000'],
  [/^(\d+(?:\.\d+)?)余?米$/, '$1 m'],
  [/^(\d+(?:\.\d+)?)余?(?:公里|千米)$/, '$1 km'],
  [/^(\d+(?:\.\d+)?)余?平方米$/, '$1 m²'],
  [/^(\d+(?:\.\d+)?)余?元$/, '$1 yuan'],
  [/^(\d+(?:\.\d+)?)余?(?:名|人)$/, '$1 people'],
  [/^(\d+(?:\.\d+)?)余?人次$/, '$1 person-visits'],
  [/^(\d+(?:\.\d+)?)余?户$/, '$1 households'],
  [/^(\d+(?:\.\d+)?)余?岁$/, '$1 years old'],
  [/^(\d+(?:\.\d+)?)余?(?:个|家|所|项|座|条|次|期|间|台|辆)$/, '$1'],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, '$1-$2-$3'],
  [/^(\d{4})年(\d{1,2})月$/, '$1-$2'],
  [/^(\d{4})年$/, 'year $1'],
  [/^(\d+(?:\.\d+)?)%$/, '$1%'],
];

/** Numbers with their units in a sentence, glossed in English (500米 → "500米 (500 m)"). */
export function keyFacts(sentence: string): string[] {
  const facts: string[] = [];
  const re = /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d+(?:\.\d+)?(?:万余?(?:人次|元|人)?|余?(?:平方米|公里|千米|米|元|名|人次|人|户|岁|个|家|所|项|座|条|次|期|间|台|辆|%)|年)?/g;
  for (const m of normalizeText(sentence).matchAll(re)) {
    const raw = m[0];
    if (/^\d+$/.test(raw) && raw.length < 2) continue;
    const gloss = UNIT_GLOSS.find(([p]) => p.test(raw));
    facts.push(gloss ? `${raw} (${raw.replace(gloss[0], gloss[1])})` : raw);
    if (facts.length >= 4) break;
  }
  return [...new Set(facts)];
}

function englishAnswer(chosen: ScoredSentence[], passages: RetrievedPassage[], kind: QuestionKind): string {
  const lines: string[] = [];
  // Quotes from English documents need no glosses of Chinese figures, nor the note that the documents are Chinese.
  const fromChinese = chosen.some((s) => /\p{Script=Han}/u.test(s.text));
  const facts = fromChinese && (kind === 'number' || kind === 'when') ? keyFacts(chosen[0].text) : [];
  if (facts.length) lines.push(`Key figures: ${facts.join(', ')} [${chosen[0].passageRank}]`);
  for (const s of chosen) {
    const p = passages[s.passageIndex];
    lines.push(`According to "${p.chunk.title}" (${p.chunk.docId}): “${s.text}” [${s.passageRank}]`);
  }
  if (fromChinese) lines.push('(The documents are in Chinese; the quotes are the original text.)');
  return lines.join('\n');
}

function refuse(input: AnswerInput, reasons: string[]): AnswerDraft {
  const text =
    input.language === 'en'
      ? "I can't help with that. I answer questions about local public services from the published documents."
      : '抱歉，这个问题我不能帮忙。我只根据已发布的文档回答本地公共服务方面的问题。';
  return { text, abstained: true, citations: [], generator: 'extractive', reasons };
}

function abstain(input: AnswerInput, reasons: string[], nearby: RetrievedPassage | null, missing: string[]): AnswerDraft {
  const about = missing.filter((t) => /[\p{L}\p{N}]/u.test(t)).slice(0, 3);
  let text: string;
  if (input.language === 'en') {
    text = about.length
      ? `I couldn't find this in the documents (nothing about ${about.map((t) => `“${t}”`).join(', ')}).`
      : "I couldn't find the answer to this in the documents.";
    if (nearby) text += ` The nearest thing they cover is "${nearby.chunk.title}" (${nearby.chunk.docId}).`;
  } else {
    text = about.length ? `抱歉，文档中没有找到关于「${about.join('、')}」的信息。` : '抱歉，文档中没有找到这个问题的答案。';
    if (nearby) text += `相关的内容有：《${nearby.chunk.title}》（${nearby.chunk.docId}）。`;
  }
  return { text, abstained: true, citations: [], generator: 'extractive', reasons };
}

