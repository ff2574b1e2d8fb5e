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
 * Single characters map to the characters CC-CEDICT gives exactly the same short senses (狗 → 犬 "dog", 买 → 购 "buy;
 * purchase"), whatever the corpus: a word no document uses is read with one of its characters so replaced, where the
 * documents use that word (母狗 → 母犬, 买房 → 购房).
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

/** A sense's words less stop words and CC-CEDICT's own abbreviations. */
function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => !STOP_WORDS.has(w) && !GLOSS_NOISE.has(w));
}

/** Short words of 2–4 characters are the useful search terms; single characters are vague, long ones rare. */
function lengthFactor(term: string): number {
  const n = [...term].length;
  if (n === 1) return 0.6;
  if (n <= 4) return 1;
  return 0.8;
}

/**
 * CC-CEDICT reduced to what building any corpus's lexicon and paraphrases reads, whatever the corpus: per entry, the
 * lexicon keys it gives with their scores where the corpus uses its headword, and the absent-thing candidates it names
 * where the corpus does not; per headword, its short senses and the long forms it abbreviates; the gloss words.
 * Compiling it is the slow part of building a lexicon (~4 s: parsing and stemming every gloss); the ingest keeps it
 * on disk (`cedict-cache.ts`), so that a corpus whose words changed builds its lexicon in a fraction of a second.
 * Plain JSON, in columns of strings (parsed in ~0.1 s where a list of objects takes ~0.6 s); an entry's keys are read
 * only where the corpus uses its headword.
 */
export interface CompiledCedict {
  format: 'compiled-cedict/1';
  /** The scores entries give (few distinct values), indexed by `gives`. */
  scores: number[];
  /** Entries in CC-CEDICT's order (Chinese headwords that give or name something): the headword. */
  terms: string[];
  /** …the keys it gives where the corpus uses it, with their scores' index: `key,i|key,i` (keys are [a-z0-9 ] only). */
  gives: string[];
  /** …where the corpus lacks it, the words it names as a common noun / as a name or new word / 1 when the headword
   * is a word of jieba's dictionary / the phrases it names: `n,n/w,w/1/phrase,phrase`, or '' for none. */
  names: string[];
  /** Headwords (first-seen order) that may be a corpus word or a paraphrased one. */
  headwords: string[];
  /** …their short senses' key ('' for none). */
  senses: string[];
  /** …'1' where jieba's dictionary lists the headword, '0' where it does not (one character each). */
  stock: string;
  /** Headwords → the long forms they abbreviate (国标 → 国家标准). */
  longForms: Record<string, string[]>;
  /** See `Paraphrases`: characters → the characters CC-CEDICT gives exactly the same short senses (狗 → 犬). */
  characters: Record<string, string[]>;
  /** See `EnglishLexicon.everyday`. */
  everyday: string[];
  /** See `EnglishLexicon.words`. */
  words: string[];
}

/** Anything a lexicon or paraphrases are built from: CC-CEDICT's entries, or those compiled once. */
export type CedictSource = readonly CedictEntry[] | CompiledCedict;

function compiled(source: CedictSource): CompiledCedict {
  return 'format' in source ? source : compileCedict(source);
}

/** See `CompiledCedict`. */
export function compileCedict(cedict: readonly CedictEntry[]): CompiledCedict {
  const glossEntries = new Map<string, number>();
  const glossWords = new Set<string>();
  const scoreIndex = new Map<number, number>();
  const out: Omit<CompiledCedict, 'everyday' | 'words'> = { format: 'compiled-cedict/1', scores: [], terms: [], gives: [], names: [], headwords: [], senses: [], stock: '', longForms: {}, characters: {} };
  const code = (score: number) => scoreIndex.get(score) ?? (scoreIndex.set(score, out.scores.push(score) - 1), out.scores.length - 1);
  // (A headword's senses are those of all its entries: 麦子 has one, 地方 several — region, place, local.)
  const sensesOf = new Map<string, { senses: string[][]; glosses: string[] }>();
  for (const entry of cedict) {
    const senses = entry.glosses.flatMap(glossParts);
    for (const word of new Set(senses.flat().map(stemEnglish))) glossEntries.set(word, (glossEntries.get(word) ?? 0) + 1);
    for (const word of senses.flat()) if (/^[a-z]{3,}$/.test(word)) glossWords.add(word);
    const term = entry.simplified;
    if (!HAN_ONLY.test(term)) continue;
    const properNoun = /^[A-Z]/.test(entry.pinyin);
    if (!properNoun) {
      const all = sensesOf.get(term) ?? sensesOf.set(term, { senses: [], glosses: [] }).get(term)!;
      all.senses.push(...senses);
      all.glosses.push(...entry.glosses);
    }
    // Where the corpus lacks the headword:
    const nouns: string[] = [];
    const newWords: string[] = [];
    const phrases: string[] = [];
    // A one-word sense of a common noun (jieba's stock tag n) the corpus lacks: football → 足球, cat → 猫.
    if (!properNoun && ABSENT_WORD_LENGTH.test(term) && commonNouns().has(term)) {
      for (const words of senses) {
        const content = contentWords(words);
        if (words.length <= 2 && content.length === 1 && /^[a-z]{3,}$/.test(content[0]!)) nouns.push(content[0]!);
      }
    } else if (ABSENT_WORD_LENGTH.test(term) && (properNoun || !isStockWord(term))) {
      // A name (Australia → 澳大利亚) or a word too new for jieba's dictionary (bitcoin → 比特币, iPhone → 苹果手机)
      // that is one English word's whole sense: a thing the documents do not talk about either.
      for (const words of senses) if (words.length === 1 && /^[a-z]{4,}$/.test(words[0]!) && !STOP_WORDS.has(words[0]!)) newWords.push(words[0]!);
    }
    // A whole sense of 2–3 words that is a common noun's own name for a thing (工作证 "work permit"); not phrases of
    // time or manner (上个星期 "last week", 食安 "food safety" is no stock noun).
    if (!properNoun && ABSENT_NOUN_LENGTH.test(term) && commonNouns().has(term)) {
      for (const words of senses) {
        const content = contentWords(words);
        if (content.length === words.length && content.length >= 2 && content.length <= 3 && content.every((w) => /^[a-z]{3,}$/.test(w))) phrases.push(content.join(' '));
      }
    }
    // Where the corpus uses it:
    const gives: string[] = [];
    const senseFactor = senses.length === 1 ? 1 : senses.length <= 3 ? 0.9 : 0.8;
    const factor = senseFactor * lengthFactor(term) * (properNoun ? 0.8 : 1);
    for (const words of senses) {
      const content = contentWords(words).filter((w) => !/^\d+$/.test(w));
      if (content.length === 0) continue;
      // A sense that says "not X" (不佳: not good) is not X, though its content word is.
      if (words.some((w) => NEGATOR.test(w))) continue;
      // Proper nouns ("Jishan county in Yuncheng, Shanxi") only by short exact senses: names come from pinyin.
      if (properNoun && words.length > 3) continue;
      if (content.length <= 3) gives.push(`${content.join(' ')},${code(0.7 * factor)}`);
      if (content.length === 1) continue;
      const inside = content.length <= 3 ? 0.5 : 0.35;
      for (const word of content) gives.push(`${word},${code(inside * factor)}`);
    }
    if (!gives.length && !nouns.length && !newWords.length && !phrases.length) continue;
    out.terms.push(term);
    out.gives.push(gives.join('|'));
    out.names.push(nouns.length || newWords.length || phrases.length ? `${nouns.join(',')}/${newWords.join(',')}/${newWords.length && isStockWord(term) ? 1 : ''}/${phrases.join(',')}` : '');
  }
  const stock: string[] = [];
  // Characters of jieba's dictionary with the same short senses, all of them, as few as a word's paraphrases.
  const charactersBySense = new Map<string, string[]>();
  for (const [headword, { senses }] of sensesOf) {
    const key = [...headword].length === 1 && isStockWord(headword) ? shortSenses(senses)?.join('; ') : undefined;
    if (key) charactersBySense.set(key, [...(charactersBySense.get(key) ?? []), headword]);
  }
  for (const same of charactersBySense.values()) {
    if (same.length < 2 || same.length > PARAPHRASE_SENSE_MAX) continue;
    for (const character of same) out.characters[character] = same.filter((c) => c !== character);
  }
  for (const [headword, { senses, glosses }] of sensesOf) {
    const paraphrased = PARAPHRASE_WORD.test(headword);
    if (!paraphrased && !CORPUS_WORD.test(headword)) continue;
    out.headwords.push(headword);
    out.senses.push(shortSenses(senses)?.join('; ') ?? '');
    stock.push(isStockWord(headword) ? '1' : '0');
    const longForms = paraphrased ? glosses.map((gloss) => ABBREVIATION_OF.exec(gloss)?.[1]).filter((long): long is string => !!long) : [];
    if (longForms.length) out.longForms[headword] = longForms;
  }
  out.stock = stock.join('');
  const everyday = [...glossEntries].filter(([, n]) => n > EVERYDAY_GLOSS_ENTRIES).map(([word]) => word).sort();
  return { ...out, everyday, words: [...glossWords].sort() };
}

/**
 * Builds the English → Chinese lexicon from CC-CEDICT, restricted to headwords in the corpus vocabulary.
 * Scores: the whole sense equals the key ("allowance", "job fair") 0.7; the key is a word of a short
 * sense (≤3 content words) 0.5; of a longer sense 0.35; times 0.9/0.8 for entries with many senses and
 * the length factor (1-char terms 0.6×). Weights are clamped to [0.3, 0.7]; the best 6 per key are kept.
 */
export function buildEnglishLexicon(vocabulary: Iterable<string> | ((term: string) => boolean), cedict: CedictSource): EnglishLexicon {
  const inVocabulary = typeof vocabulary === 'function' ? vocabulary : setPredicate(vocabulary);
  const source = compiled(cedict);
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
  const list = (field: string | undefined) => (field ? field.split(',') : []);
  source.terms.forEach((term, i) => {
    if (safe(() => inVocabulary(term))) {
      if (!source.gives[i]) return;
      for (const given of source.gives[i]!.split('|')) {
        const comma = given.indexOf(',');
        add(given.slice(0, comma), term, source.scores[Number(given.slice(comma + 1))]!);
      }
      return;
    }
    if (!source.names[i]) return;
    const [nouns, names, stock, phrases] = source.names[i]!.split('/');
    for (const word of list(nouns)) if (!absentCandidates.has(word)) absentCandidates.set(word, term);
    for (const word of list(names)) {
      // (A word of jieba's dictionary before one it lacks: 澳大利亚, not the slang 土澳, stands for Australia.)
      if (!absentCandidates.has(word) || (stock && newWords.has(word))) {
        absentCandidates.set(word, term);
        if (stock) newWords.delete(word);
        else newWords.add(word);
      }
    }
    for (const key of list(phrases)) if (!phraseCandidates.has(key)) phraseCandidates.set(key, term);
  });
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
  return { format: 'english-lexicon/1', entries, absent, absentPhrases, everyday: [...source.everyday], words: [...source.words] };
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
 * The short senses of a headword (its entries' glossParts) as keys (one or two content words, at most three words; stemmed: "to pay" → pay),
 * or null when it has none. (A longer sense — "string of small firecrackers" — explains rather than names.)
 */
function shortSenses(senses: readonly string[][]): string[] | null {
  const keys = new Set<string>();
  for (const words of senses) {
    // (Only an article or the infinitive's to is dropped: "in other words" is no sense "words".)
    const content = words.filter((w) => !SENSE_FILLER.has(w) && !GLOSS_NOISE.has(w));
    if (words.length > 3 || content.length > 2 || !content.length || content.some((w) => NEGATOR.test(w) || /^\d+$/.test(w))) continue;
    keys.add(content.map(stemEnglish).join(' '));
  }
  return keys.size ? [...keys].sort() : null;
}

/** See `Paraphrases`. Two words are one where CC-CEDICT gives them the same short senses, all of them. */
export function buildParaphrases(inVocabulary: (term: string) => boolean, cedict: CedictSource): Paraphrases {
  const source = compiled(cedict);
  const bySense = new Map<string, string[]>();
  const absent: number[] = [];
  source.headwords.forEach((headword, i) => {
    if (safe(() => inVocabulary(headword))) {
      if (source.senses[i] && CORPUS_WORD.test(headword)) bySense.set(source.senses[i]!, [...(bySense.get(source.senses[i]!) ?? []), headword]);
    } else if (PARAPHRASE_WORD.test(headword)) absent.push(i);
  });
  const out: Paraphrases = {};
  for (const i of absent.sort((a, b) => (source.headwords[a]! < source.headwords[b]! ? -1 : 1))) {
    const word = source.headwords[i]!;
    const longForms = (source.longForms[word] ?? []).filter((long) => safe(() => inVocabulary(long)) === true);
    const same = source.senses[i] ? (bySense.get(source.senses[i]!) ?? []) : [];
    const terms = [...new Set([...longForms, ...(same.length <= PARAPHRASE_SENSE_MAX ? [...same].sort() : [])])].filter((t) => t !== word).slice(0, PARAPHRASES_PER_WORD);
    // (A word of jieba's dictionary, as residents type it: checked last, for the few that have a corpus word.)
    if (terms.length && source.stock[i] === '1') out[word] = terms;
  }
  for (const [character, same] of Object.entries(source.characters)) out[character] = same;
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
