// Building the compact English → Chinese lexicon from CC-CEDICT at ingest, restricted to the corpus vocabulary,
// and checking one read back from the index.
import { isStockWord, stockWordsTagged } from '../../text/tokenize.js';
import type { CedictEntry } from './cedict.js';
import { stemEnglish } from '../../text/stem.js';
import { STOP_WORDS } from './words.js';

/**
 * English key (one lower-case word, or a phrase of 2–3 words joined by single spaces) →
 * Chinese corpus terms with weights in [0.3, 0.7], best first. Plain JSON: persist it with the index.
 */
export interface EnglishLexicon {
  format: 'english-lexicon/1';
  entries: Record<string, Array<[term: string, weight: number]>>;
  /**
   * English words CC-CEDICT translates by a whole sense to a common noun, a name or a word newer than jieba's
   * dictionary that the corpus never uses, and that no entry above covers (football → 足球, movie → 电影,
   * Australia → 澳大利亚, bitcoin → 比特币): a thing the documents do not talk about.
   * Optional: indexes built before it have none.
   */
  absent?: Record<string, string>;
  /**
   * English noun phrases of 2–3 words that CC-CEDICT knows as one whole sense of its own headword, none of
   * which the corpus uses, while its head alone maps to corpus words (work permit → 工作证, 工签; work → 工作,
   * permit → 许可; night market → 夜市 with market → 市场 and night → nothing): the words match everyday terms of
   * unrelated passages, the thing itself is not in the documents. Phrase → one such headword. Optional: indexes
   * built before it have none (ingest rebuilds them).
   */
  absentPhrases?: Record<string, string>;
  /**
   * English words (stemmed) that CC-CEDICT's glosses use in more than EVERYDAY_GLOSS_ENTRIES entries — good,
   * person, year, open: so general that an English page sharing one with a question says nothing of what the
   * question is about. Optional: indexes built before it have none (ingest rebuilds them).
   */
  everyday?: string[];
  /**
   * Every English word CC-CEDICT's glosses use, as written: the English the mapper knows is English, not a typo of
   * a corpus word ("reduction" is no slip for reaction, "died" none for deed). Optional: indexes built before it
   * have none (ingest rebuilds them).
   */
  words?: string[];
}

/**
 * Chinese words of jieba's dictionary that the corpus never uses → the corpus words CC-CEDICT gives the same senses
 * (麦子 → 小麦, "wheat"; 鞭炮 → 爆竹, "firecracker"), or that it names as their long form (国标 → 国家标准): what a
 * resident's everyday word is called in the documents. Plain JSON, built at ingest beside the lexicon
 * (`paraphrases.json`), read by Chinese questions without it.
 */
export type Paraphrases = Record<string, string[]>;

/** Entries whose glosses use a word, above which the word is everyday English (good, year, open, water; not permit, school, passport). */
export const EVERYDAY_GLOSS_ENTRIES = 300;

const LEXICON_KEEP_PER_KEY = 6;

/** Gloss words that carry no meaning of their own (CC-CEDICT's own abbreviations). */
const GLOSS_NOISE = new Set(['sth', 'sb', 'etc', 'abbr', 'lit', 'fig', 'esp', 'cl', 'pr', 'tw', 'usu', 'oneself', "one's", 'ones']);

/** A gloss word that turns a sense into its opposite ("not good" is no sense of good). */
const NEGATOR = /^(not|no|non|never|without|nor)$/;
export const HAN_ONLY = /^\p{Script=Han}+$/u;
const SKIPPED_GLOSS = /^(variant of|old variant of|archaic variant|erhua variant|see |see also|surname |used in|also written|also pr|taiwan pr|cl:|\(idiom\)|abbr\. for|japanese variant|unofficial variant)/;

/** The meaningful parts of one CC-CEDICT sense: parentheticals, Chinese cross-references and pinyin removed. */
function glossParts(gloss: string): string[][] {
  const cleaned = gloss
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[\p{Script=Han}|]+/gu, ' ');
  const parts: string[][] = [];
  for (const part of cleaned.split(';')) {
    const trimmed = part.trim();
    if (!trimmed || SKIPPED_GLOSS.test(trimmed) || trimmed.includes('idiom')) continue;
    const words = trimmed
      .split(/[^a-z0-9'-]+/)
      .flatMap((w) => w.split('-'))
      .map((w) => w.replace(/^'+|'+$/g, '').replace(/'s$/, '').replace(/'/g, ''))
      .filter(Boolean);
    if (words.length === 0 || words.length > 6) continue;
    parts.push(words);
  }
  return parts;
}

/** Short words of 2–4 characters are the useful search terms; single characters are vague, long ones rare. */
function lengthFactor(term: string): number {
  const n = [...term].length;
  if (n === 1) return 0.6;
  if (n <= 4) return 1;
  return 0.8;
}

/**
 * Builds the English → Chinese lexicon from CC-CEDICT, restricted to headwords in the corpus vocabulary.
 * Scores: the whole sense equals the key ("allowance", "job fair") 0.7; the key is a word of a short
 * sense (≤3 content words) 0.5; of a longer sense 0.35; times 0.9/0.8 for entries with many senses and
 * the length factor (1-char terms 0.6×). Weights are clamped to [0.3, 0.7]; the best 6 per key are kept.
 */
export function buildEnglishLexicon(
  vocabulary: Iterable<string> | ((term: string) => boolean),
  cedict: readonly CedictEntry[],
): EnglishLexicon {
  const inVocabulary = typeof vocabulary === 'function' ? vocabulary : setPredicate(vocabulary);
  const scores = new Map<string, Map<string, number>>();
  const add = (key: string, term: string, score: number) => {
    let terms = scores.get(key);
    if (!terms) scores.set(key, (terms = new Map()));
    if ((terms.get(term) ?? 0) < score) terms.set(term, score);
  };
  const absentCandidates = new Map<string, string>();
  /** Absent words whose candidate jieba's dictionary lacks, which a dictionary word's entry replaces. */
  const newWords = new Set<string>();
  const phraseCandidates = new Map<string, string>();
  const glossEntries = new Map<string, number>();
  const glossWords = new Set<string>();
  for (const entry of cedict) {
    const senses = entry.glosses.flatMap(glossParts);
    for (const word of new Set(senses.flat().map(stemEnglish))) glossEntries.set(word, (glossEntries.get(word) ?? 0) + 1);
    for (const word of senses.flat()) if (/^[a-z]{3,}$/.test(word)) glossWords.add(word);
    const term = entry.simplified;
    if (!HAN_ONLY.test(term)) continue;
    const properNoun = /^[A-Z]/.test(entry.pinyin);
    if (!safe(() => inVocabulary(term))) {
      // A one-word sense of a common noun (jieba's stock tag n) the corpus lacks: football → 足球, cat → 猫.
      if (!properNoun && ABSENT_WORD_LENGTH.test(term) && commonNouns().has(term)) {
        for (const words of senses) {
          const content = words.filter((w) => !STOP_WORDS.has(w) && !GLOSS_NOISE.has(w));
          if (words.length <= 2 && content.length === 1 && /^[a-z]{3,}$/.test(content[0]!) && !absentCandidates.has(content[0]!)) absentCandidates.set(content[0]!, term);
        }
      } else if (ABSENT_WORD_LENGTH.test(term) && (properNoun || !isStockWord(term))) {
        // A name (Australia → 澳大利亚) or a word too new for jieba's dictionary (bitcoin → 比特币, iPhone →
        // 苹果手机) that is one English word's whole sense: a thing the documents do not talk about either.
        for (const words of senses) {
          const word = words[0]!;
          if (words.length !== 1 || !/^[a-z]{4,}$/.test(word) || STOP_WORDS.has(word)) continue;
          // (A word of jieba's dictionary before one it lacks: 澳大利亚, not the slang 土澳, stands for Australia.)
          const stock = isStockWord(term);
          if (!absentCandidates.has(word) || (stock && newWords.has(word))) {
            absentCandidates.set(word, term);
            if (stock) newWords.delete(word);
            else newWords.add(word);
          }
        }
      }
      // A whole sense of 2–3 words that is a common noun's own name for a thing (工作证 "work permit"); not
      // phrases of time or manner (上个星期 "last week", 食安 "food safety" is no stock noun).
      if (!properNoun && ABSENT_NOUN_LENGTH.test(term) && commonNouns().has(term)) {
        for (const words of senses) {
          const content = words.filter((w) => !STOP_WORDS.has(w) && !GLOSS_NOISE.has(w));
          if (content.length !== words.length || content.length < 2 || content.length > 3 || !content.every((w) => /^[a-z]{3,}$/.test(w))) continue;
          const key = content.join(' ');
          if (!phraseCandidates.has(key)) phraseCandidates.set(key, term);
        }
      }
      continue;
    }
    if (senses.length === 0) continue;
    const senseFactor = senses.length === 1 ? 1 : senses.length <= 3 ? 0.9 : 0.8;
    const factor = senseFactor * lengthFactor(term) * (properNoun ? 0.8 : 1);
    for (const words of senses) {
      const content = words.filter((w) => !STOP_WORDS.has(w) && !GLOSS_NOISE.has(w) && !/^\d+$/.test(w));
      if (content.length === 0) continue;
      // A sense that says "not X" (不佳: not good) is not X, though its content word is.
      if (words.some((w) => NEGATOR.test(w))) continue;
      // Proper nouns ("Jishan county in Yuncheng, Shanxi") only by short exact senses: names come from pinyin.
      if (properNoun && words.length > 3) continue;
      if (content.length <= 3) add(content.join(' '), term, 0.7 * factor);
      if (content.length === 1) continue;
      const inside = content.length <= 3 ? 0.5 : 0.35;
      for (const word of content) add(word, term, inside * factor);
    }
  }
  const entries: EnglishLexicon['entries'] = {};
  for (const [key, terms] of [...scores].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    entries[key] = [...terms]
      .sort((a, b) => b[1] - a[1] || [...a[0]].length - [...b[0]].length)
      .slice(0, LEXICON_KEEP_PER_KEY)
      .map(([term, score]) => [term, round(Math.min(0.7, Math.max(0.3, score)))]);
  }
  const absent: Record<string, string> = {};
  for (const [word, term] of [...absentCandidates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (!scores.has(word)) absent[word] = term;
  // Only phrases no corpus headword names by that sense, and whose head maps to corpus words on its own (a
  // modifier may map to nothing: night market → 夜市 where the corpus has 市场, and no night word anchors).
  const absentPhrases: Record<string, string> = {};
  for (const [phrase, term] of [...phraseCandidates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!scores.has(phrase) && scores.has(phrase.slice(phrase.lastIndexOf(' ') + 1))) absentPhrases[phrase] = term;
  }
  const everyday = [...glossEntries].filter(([, n]) => n > EVERYDAY_GLOSS_ENTRIES).map(([word]) => word).sort();
  const words = [...glossWords].sort();
  return { format: 'english-lexicon/1', entries, absent, absentPhrases, everyday, words };
}

/** A sense shared by more corpus words than this (to pay: 支付, 缴纳, 付费…) is too general to stand for one of them. */
const PARAPHRASE_SENSE_MAX = 4;
const SENSE_FILLER = new Set(['to', 'a', 'an', 'the']);
const PARAPHRASES_PER_WORD = 6;
const PARAPHRASE_WORD = /^\p{Script=Han}{2,4}$/u;
const CORPUS_WORD = /^\p{Script=Han}{2,6}$/u;
/** CC-CEDICT's cross-reference to the long form: "national standard (abbr. for 國家標準|国家标准[guo2 jia1 biao1 zhun3])". */
const ABBREVIATION_OF = /abbr\.\s+(?:for|of)\s+(?:[^|[\s]+\|)?(\p{Script=Han}+)\[/u;

/**
 * The short senses of an entry as keys (one or two content words, at most three words; stemmed: "to pay" → pay),
 * or null when it has none. (A longer sense — "string of small firecrackers" — explains rather than names.)
 */
function shortSenses(glosses: readonly string[]): string[] | null {
  const keys = new Set<string>();
  for (const words of glosses.flatMap(glossParts)) {
    // (Only an article or the infinitive's to is dropped: "in other words" is no sense "words".)
    const content = words.filter((w) => !SENSE_FILLER.has(w) && !GLOSS_NOISE.has(w));
    if (words.length > 3 || content.length > 2 || !content.length || content.some((w) => NEGATOR.test(w) || /^\d+$/.test(w))) continue;
    keys.add(content.map(stemEnglish).join(' '));
  }
  return keys.size ? [...keys].sort() : null;
}

/** See `Paraphrases`. Two words are one where CC-CEDICT gives them the same short senses, all of them. */
export function buildParaphrases(inVocabulary: (term: string) => boolean, cedict: readonly CedictEntry[]): Paraphrases {
  // (A headword's senses are those of all its entries: 麦子 has one, 地方 several — region, place, local.)
  const glossesOf = new Map<string, string[]>();
  for (const entry of cedict) {
    if (/^[A-Z]/.test(entry.pinyin) || !HAN_ONLY.test(entry.simplified)) continue;
    glossesOf.set(entry.simplified, [...(glossesOf.get(entry.simplified) ?? []), ...entry.glosses]);
  }
  const keyOf = (word: string) => shortSenses(glossesOf.get(word)!)?.join('; ') ?? null;
  const bySense = new Map<string, string[]>();
  const absent: string[] = [];
  for (const term of glossesOf.keys()) {
    if (safe(() => inVocabulary(term))) {
      const key = CORPUS_WORD.test(term) ? keyOf(term) : null;
      if (key) bySense.set(key, [...(bySense.get(key) ?? []), term]);
    } else if (PARAPHRASE_WORD.test(term)) absent.push(term);
  }
  const out: Paraphrases = {};
  for (const word of absent.sort()) {
    const longForms = glossesOf.get(word)!.map((gloss) => ABBREVIATION_OF.exec(gloss)?.[1]).filter((long): long is string => !!long && safe(() => inVocabulary(long)) === true);
    const key = keyOf(word);
    const same = key ? (bySense.get(key) ?? []) : [];
    const terms = [...new Set([...longForms, ...(same.length <= PARAPHRASE_SENSE_MAX ? [...same].sort() : [])])].filter((t) => t !== word).slice(0, PARAPHRASES_PER_WORD);
    // (A word of jieba's dictionary, as residents type it: checked last, for the few that have a corpus word.)
    if (terms.length && isStockWord(word)) out[word] = terms;
  }
  return out;
}

const ABSENT_NOUN_LENGTH = /^\p{Script=Han}{2,4}$/u;
const ABSENT_WORD_LENGTH = /^\p{Script=Han}{1,4}$/u;
let nouns: Set<string> | null = null;
/** jieba's stock dictionary words tagged n (common nouns), computed once per process. */
function commonNouns(): Set<string> {
  return (nouns ??= new Set(stockWordsTagged('n')));
}

function setPredicate(terms: Iterable<string>): (term: string) => boolean {
  const set = terms instanceof Set ? (terms as Set<string>) : new Set(terms);
  return (term) => set.has(term);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function safe<T>(fn: () => T): T | false {
  try {
    return fn();
  } catch {
    return false;
  }
}

/** Checks a lexicon read back from disk; says what is wrong and how to fix it. */
export function validateEnglishLexicon(value: unknown): EnglishLexicon {
  const v = value as Partial<EnglishLexicon> | null;
  if (!v || v.format !== 'english-lexicon/1' || typeof v.entries !== 'object' || v.entries === null) {
    throw new Error('The English lexicon in the index is missing or has an unknown format (expected "english-lexicon/1"); re-run ingest to rebuild it.');
  }
  return v as EnglishLexicon;
}

/** Checks paraphrases read back from disk: an object of word → corpus words. */
export function validateParaphrases(value: unknown): Paraphrases {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Paraphrases;
}
