// Romanised Chinese place names in English questions ("Hangzhou", "Yuncheng").
// A capitalised word is a place the documents do not cover when it spells a place name of jieba's
// stock dictionary (16k names) and no word of the corpus that may be a name (a noun, or a word no dictionary
// has) spells the same — an everyday verb does not (打通 does not make "Datong" covered). Words that spell
// nothing known ("Lane") are left alone: no evidence either way.
import { pinyin } from './pinyin.js';
import { isStockWord, stockTag, stockWordsTagged } from '../text/tokenize.js';

const CJK_WORD = /^[\u4e00-\u9fff]{2,4}$/;

/** Toneless pinyin without separators, lower-case, ü as v: 忻州 → xinzhou. */
export function romanise(word: string): string {
  return pinyin(word, { toneType: 'none', separator: '', v: true }).toLowerCase().replace(/\s+/g, '');
}

/**
 * Romanised spellings of the corpus's 2–4 character Chinese words that may be names (built at ingest, stored with the
 * index): `name` tells them — a noun or a word no dictionary has (锦都, 桐安), not an everyday verb or adverb, whose
 * spelling would make a city it collides with known (打通 spells "datong").
 */
export function romanisedVocabulary(tokens: Iterable<string>, name: (word: string) => boolean = () => true): string[] {
  const words = [...new Set([...tokens].filter((t) => CJK_WORD.test(t)))];
  if (!words.length) return [];
  // (All of them read, the names picked after: a polyphonic character is read by its neighbours in the joined text.)
  const out = new Set<string>();
  spellEach(words).forEach((spelling, i) => {
    if (!name(words[i])) return;
    out.add(spelling);
    // A name no dictionary has is spelled every way its characters read (锦都: jindou as read, jindu as its
    // residents say it): the asker's romanisation of it is any of them.
    if (!isStockWord(words[i])) for (const other of readings(words[i])) out.add(other);
  });
  return [...out].sort();
}

/** Each word's toneless spelling, in order: one pinyin call over the joined words (~3x faster than a call per word). */
function spellEach(words: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const s of pinyin(words.join('|'), { toneType: 'none', type: 'array', v: true })) {
    if (s !== '|') current += s.toLowerCase();
    else {
      out.push(current);
      current = '';
    }
  }
  out.push(current);
  return out.slice(0, words.length);
}

/**
 * Names written before a neighbourhood's noun (锦都 of 锦都小区, 渔港 of 渔港村): the words a resident romanises
 * ("Jindu community"), though the index may hold no token of them (都 is a stop character). The two and three
 * characters before the noun, whichever the name is.
 */
export function namesBeforePlaceNouns(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2,3}(?=小区|社区|村|镇|乡|街道)/g)) {
    out.add(m[0]);
    out.add(m[0].slice(-2));
  }
  return [...out];
}

/** Most spellings one word's readings give (four polyphonic characters of two readings each). */
const MAX_READINGS = 16;

const charReadings = new Map<string, string[]>();

/** Every toneless spelling of a word its characters' readings give (锦都 → jindou, jindu), up to MAX_READINGS. */
function readings(word: string): string[] {
  let out = [''];
  for (const char of word) {
    let each = charReadings.get(char);
    if (!each) charReadings.set(char, (each = (pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true }) as string[]).map((r) => r.toLowerCase())));
    if (out.length * each.length > MAX_READINGS) return [];
    out = out.flatMap((head) => each!.map((r) => head + r));
  }
  return out;
}

/** A word that may name a place: a noun of jieba's stock dictionary (n…, j) or a word it lacks (a fictional 锦都). */
export function mayNamePlace(word: string): boolean {
  return !isStockWord(word) || /^(?:n|j)/.test(stockTag(word));
}

let stockPlaces: Map<string, string[]> | null = null;

/** Romanised stock-dictionary place names and the names each spells, computed once per process on first need (~0.3 s). */
function stockPlaceNames(): Map<string, string[]> {
  if (!stockPlaces) {
    // With their administrative suffix dropped too (运城市 → 运城): questions name the city as "Yuncheng".
    const tagged = stockWordsTagged('ns');
    const names = [...new Set([...tagged, ...tagged.map((w) => w.replace(/(省|市|县|区|镇)$/, ''))].filter((w) => CJK_WORD.test(w)))];
    stockPlaces = new Map();
    spellEach(names).forEach((spelling, i) => stockPlaces!.set(spelling, [...(stockPlaces!.get(spelling) ?? []), names[i]]));
  }
  return stockPlaces;
}

/** Computes the romanised stock place names now rather than for the first English question (OpenAppOptions.warm). */
export function prepareStockPlaces(): void {
  stockPlaceNames();
}

function stockPlaceSpellings(): { has(word: string): boolean } {
  return stockPlaceNames();
}

/** The stock-dictionary place names a romanised word spells (hangzhou → 杭州); empty when none. */
export function placesSpelled(word: string): string[] {
  return stockPlaceNames().get(word.toLowerCase()) ?? [];
}

/** Capitalised words of an English question that name places the corpus never mentions. */
export function unknownRomanisedPlaces(question: string, corpusSpellings: ReadonlySet<string>): string[] {
  const unknown: string[] = [];
  for (const m of question.matchAll(/\b([A-Z][a-z]{3,})(?:'s)?\b/g)) {
    const word = m[1].toLowerCase();
    if (corpusSpellings.has(word)) continue;
    if (stockPlaceSpellings().has(word)) unknown.push(m[1]);
  }
  return [...new Set(unknown)];
}

// English words that follow a place's name ("Baihe County", "Tongshan District").
// (A beach, bay, island, lake, mountain or river is named by its place too: "sanya beach" is 三亚's.)
const ENGLISH_PLACE_SUFFIX = /^(county|district|city|town|township|village|province|prefecture|subdistrict|beach|beaches|bay|island|islands|lake|mountain|mountains|river|harbou?r)$/i;
/** A word right after these ("in datong") stands where a place does, as one before a place noun does ("datong city"). */
const PLACE_PREPOSITION_BEFORE = /\b(?:in|from|at|near|around|to)\s+$/;

/**
 * Capitalised words of an English question that name places the corpus never mentions, a stock place name
 * judged by what the corpus holds under that name rather than by spelling alone (toneless pinyin collides: 伤害 spells
 * "shanghai"): a stock-dictionary place spelling, or any capitalised word followed by a place noun ("Baihe
 * County"), is unknown unless `known` says the corpus has it (an English document uses the word, the
 * mapper reached a corpus name from it, or the corpus uses a place name it spells: 运城 for "Yuncheng"), or
 * the corpus has a word with its spelling and it is no major city (`major`: Shanghai, Hangzhou).
 * A lower-case word counts where it spells a major city, or a stock place name in a place's position ("in datong",
 * "from jincheng", "linfen city") and is no English word the mapper translated (`english`).
 */
export function unknownEnglishPlaces(question: string, corpusSpellings: ReadonlySet<string>, known: (word: string) => boolean, major: (word: string) => boolean, english: (word: string) => boolean = () => false): string[] {
  const unknown: string[] = [];
  for (const m of question.matchAll(/\b([A-Z][a-z]{3,})(?:'s)?(?:\s+([A-Za-z]+))?/g)) {
    const word = m[1].toLowerCase();
    const stock = stockPlaceSpellings().has(word);
    if (!stock && !(m[2] && ENGLISH_PLACE_SUFFIX.test(m[2]))) continue;
    // Known when the corpus has what the name names (an English document's word, a corpus name the mapper
    // reached, the Chinese place it spells); else, unless it spells a major city, when any corpus word spells
    // it as before. A major city is never known by a collision: 伤害 spells "shanghai" too.
    if (known(word)) continue;
    if (corpusSpellings.has(word) && !(stock && major(word))) continue;
    unknown.push(m[1]);
  }
  // Residents type in lower case ("like that in shanghai"): a lower-case word is taken for a place when it spells
  // a major city (no English word spells one: toneless pinyin of a frequent Chinese place name), or any stock
  // place where the sentence puts a place — after in, from, at, near, around or to, or before a place noun
  // ("delivery riders in datong", "jincheng county") — and no dictionary gives it an English meaning.
  for (const m of question.matchAll(/(?<![A-Za-z'])([a-z]{4,})(?![A-Za-z'])/g)) {
    const word = m[1];
    if (!stockPlaceSpellings().has(word) || known(word)) continue;
    const next = /^\s+([A-Za-z]+)/.exec(question.slice(m.index! + word.length))?.[1];
    const placed = PLACE_PREPOSITION_BEFORE.test(question.slice(0, m.index).toLowerCase()) || (!!next && ENGLISH_PLACE_SUFFIX.test(next));
    // (As a capitalised name, one a corpus word spells is known — 锦都 for "jindu", 桐安 for "tongan" — unless a major city.)
    if (major(word) || (placed && !english(word) && !corpusSpellings.has(word))) unknown.push(word);
  }
  return [...new Set(unknown)];
}
