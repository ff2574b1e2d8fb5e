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
import { KIND_EVIDENCE, looksLikeInstruction, questionKind, type QuestionKind } from './question.js';

export interface CorpusStats {
  tokenizer: ChineseTokenizer;
  /** Chunks containing the token. */
  documentFrequency(token: string): number;
  /** Chunks in the index. */
  size: number;
}

export interface ExtractiveOptions {
  /** Minimum IDF-weighted share of key terms the best passage must cover (calibrated on eval/questions.jsonl). */
  minCoverage: { zh: number; en: number };
  maxSentences: number;
  passagesConsidered: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  minCoverage: { zh: 0.5, en: 0.34 },
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
}

// A Chinese place name in the question: 2–6 Han characters ending in an administrative suffix.
const PLACE_NAME = /[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|镇|乡|村|街道)/g;
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
  const keyTerms = keyTermWeights(input.retrieval.terms, stats);
  const totalWeight = sum([...keyTerms.values()]);

  if (!passages.length || totalWeight === 0) {
    reasons.push(passages.length ? 'no searchable terms in the question' : 'no passage matched');
    return abstain(input, reasons, null, missingTerms(keyTerms, []));
  }

  // Names of places the documents never mention: the right topic in another city is still no answer.
  const unknownPlaces = unknownPlaceNames(question, language, stats, input.retrieval.terms);
  if (unknownPlaces.length) {
    reasons.push(`the question names ${unknownPlaces.join(', ')}, which no document mentions`);
    return abstain(input, reasons, passages[0], unknownPlaces);
  }

  const passageTokens = passages.map((p) => new Set(stats.tokenizer.tokens(`${p.chunk.title} ${p.chunk.subhead ?? ''} ${p.chunk.normText}`)));
  const coverages = passageTokens.map((tokens) => coverageOf(keyTerms, tokens) / totalWeight);
  const bestCoverage = Math.max(...coverages);
  reasons.push(`best passage covers ${(bestCoverage * 100).toFixed(0)}% of the question's key terms`);
  const threshold = options.minCoverage[language];
  if (bestCoverage < threshold) {
    reasons.push(`below the ${(threshold * 100).toFixed(0)}% needed to answer`);
    const bestIndex = coverages.indexOf(bestCoverage);
    return abstain(input, reasons, passages[bestIndex], missingTerms(keyTerms, [...passageTokens[bestIndex]]));
  }

  const kind = questionKind(question);
  const sentences = scoreSentences(passages, coverages, keyTerms, totalWeight, kind, stats);
  const best = sentences[0];
  if (!best || best.coverage === 0) {
    reasons.push('no sentence in the passages carries the question\'s terms');
    return abstain(input, reasons, passages[0], missingTerms(keyTerms, []));
  }
  reasons.push(`answered from passage ${best.passageRank} (${kind} question)`);

  const chosen = [best];
  for (const s of sentences.slice(1)) {
    if (chosen.length >= options.maxSentences) break;
    if (s.score < best.score * 0.6 || s.coverage === 0) continue;
    if (chosen.some((c) => c.text === s.text || overlapRatio(c.text, s.text) > 0.6)) continue;
    chosen.push(s);
  }
  // A sentence that only introduces what follows ("…如下：") needs the next one.
  if (/[：:]$/.test(best.text.trim()) && chosen.length < options.maxSentences) {
    const next = sentences.find((s) => s.passageIndex === best.passageIndex && s.order === best.order + 1);
    if (next && !chosen.includes(next)) chosen.splice(1, 0, next);
  }

  const citations = [...new Set(chosen.map((s) => s.passageRank))];
  const text = language === 'en' ? englishAnswer(chosen, passages, kind) : chineseAnswer(chosen);
  return { text, abstained: false, citations, generator: 'extractive', reasons };
}

/** IDF weight per key term: rare terms (names, programme words) decide more than common ones. */
function keyTermWeights(terms: WeightedTerm[], stats: CorpusStats): Map<string, number> {
  const n = Math.max(1, stats.size);
  const weights = new Map<string, number>();
  for (const t of terms) {
    if (!/[\p{L}\p{N}]/u.test(t.term)) continue;
    const df = stats.documentFrequency(t.term);
    // Terms that appear nowhere get the highest weight: the documents cannot answer about them.
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight * idf));
  }
  // English questions bring many alternative translations per word; an alternative missing is not
  // evidence against the passage. Keep the terms that matter: question terms and the strongest expansions.
  return weights;
}

function coverageOf(keyTerms: Map<string, number>, tokens: Set<string>): number {
  let covered = 0;
  for (const [term, w] of keyTerms) if (tokens.has(term)) covered += w;
  return covered;
}

function missingTerms(keyTerms: Map<string, number>, present: string[]): string[] {
  const have = new Set(present);
  return [...keyTerms.entries()]
    .filter(([t]) => !have.has(t))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([t]) => t);
}

function unknownPlaceNames(question: string, language: Language, stats: CorpusStats, terms: WeightedTerm[]): string[] {
  const unknown = new Set<string>();
  if (language === 'zh') {
    for (const m of normalizeText(question).matchAll(PLACE_NAME)) {
      const name = m[0];
      const stem = name.replace(/(省|市|县|区|镇|乡|村|街道)$/, '');
      if (stem.length < 2 || GENERIC_PLACE.test(stem) || GENERIC_PLACE.test(name)) continue;
      // Known when the name or its stem is in the index (as a token, or as all its character bigrams).
      if (isKnown(name, stats) || isKnown(stem, stats)) continue;
      unknown.add(name);
    }
  } else {
    // English: a capitalised word that maps to no corpus name and is not a common word at sentence start.
    const mappedByName = terms.some((t) => t.origin === 'pinyin');
    for (const m of question.matchAll(/(?<![.?!]\s|^)\b([A-Z][a-z]{2,})(?:\s+(City|County|District|Province|Town|Village))\b/g)) {
      if (!mappedByName) unknown.add(m[0]);
    }
  }
  return [...unknown];
}

function isKnown(text: string, stats: CorpusStats): boolean {
  if (stats.documentFrequency(text) > 0) return true;
  const tokens = stats.tokenizer.tokens(text);
  return tokens.length > 0 && tokens.every((t) => stats.documentFrequency(t) > 0) && tokens.some((t) => t.length >= 2);
}

function scoreSentences(
  passages: RetrievedPassage[],
  coverages: number[],
  keyTerms: Map<string, number>,
  totalWeight: number,
  kind: QuestionKind,
  stats: CorpusStats,
): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  passages.forEach((p, passageIndex) => {
    const pieces = splitSentences(p.chunk.text)
      .map((s) => s.text.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length >= 4);
    pieces.forEach((text, order) => {
      if (looksLikeInstruction(text)) return; // instructions inside documents are never presented as facts
      const norm = normalizeText(text);
      const coverage = coverageOf(keyTerms, new Set(stats.tokenizer.tokens(norm))) / totalWeight;
      const evidence = kind !== 'what' && KIND_EVIDENCE[kind].test(norm) ? 0.25 : 0;
      const lengthPenalty = norm.length < 10 ? 0.15 : norm.length > 160 ? 0.1 : 0;
      const score = coverage + evidence + 0.3 * coverages[passageIndex] + 0.1 / p.rank - lengthPenalty;
      out.push({ text, passageRank: p.rank, passageIndex, order, score, coverage });
    });
  });
  return out.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.order - b.order);
}

function overlapRatio(a: string, b: string): number {
  const shorter = a.length < b.length ? a : b;
  const longer = a.length < b.length ? b : a;
  return longer.includes(shorter) ? 1 : 0;
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
  const facts = kind === 'number' || kind === 'when' ? keyFacts(chosen[0].text) : [];
  if (facts.length) lines.push(`Key figures: ${facts.join(', ')} [${chosen[0].passageRank}]`);
  for (const s of chosen) {
    const p = passages[s.passageIndex];
    lines.push(`According to "${p.chunk.title}" (${p.chunk.docId}): “${s.text}” [${s.passageRank}]`);
  }
  lines.push('(The documents are in Chinese; the quotes are the original text.)');
  return lines.join('\n');
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

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
