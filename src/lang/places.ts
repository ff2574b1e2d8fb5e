// Romanised Chinese place names in English questions ("Hangzhou", "Yuncheng").
// A capitalised word is a place the documents do not cover when it spells a place name of jieba's
// stock dictionary (16k names) and no word of the corpus spells the same. Words that spell nothing
// known ("Lane", "Jindu") are left alone: no evidence either way.
import { pinyin } from 'pinyin-pro';
import { stockWordsTagged } from '../text/tokenize.js';

const CJK_WORD = /^[\u4e00-\u9fff]{2,4}$/;

/** Toneless pinyin without separators, lower-case, ü as v: 忻州 → xinzhou. */
export function romanise(word: string): string {
  return pinyin(word, { toneType: 'none', separator: '', v: true }).toLowerCase().replace(/\s+/g, '');
}

/** Romanised spellings of the corpus's 2–4 character Chinese words (built at ingest, stored with the index). */
export function romanisedVocabulary(tokens: Iterable<string>): string[] {
  const words = [...new Set([...tokens].filter((t) => CJK_WORD.test(t)))];
  if (!words.length) return [];
  // One call over the joined words is ~3x faster than a call per word.
  const syllables = pinyin(words.join('|'), { toneType: 'none', type: 'array', v: true });
  const out = new Set<string>();
  let current = '';
  for (const s of syllables) {
    if (s === '|') {
      out.add(current);
      current = '';
    } else current += s.toLowerCase();
  }
  out.add(current);
  return [...out].sort();
}

let stockPlaces: Set<string> | null = null;

/** Romanised stock-dictionary place names, computed once per process on first need (~0.3 s). */
function stockPlaceSpellings(): Set<string> {
  if (!stockPlaces) {
    const names = stockWordsTagged('ns').filter((w) => CJK_WORD.test(w));
    stockPlaces = new Set(romanisedVocabulary(names));
  }
  return stockPlaces;
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
