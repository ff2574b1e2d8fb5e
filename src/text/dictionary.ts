// Builds a custom jieba dictionary from the corpus itself: programme names printed in quotes
// and local place / organisation names. jieba's stock dictionary cuts these into fragments
// (稷王社区 → 稷|王|社区, 平城区民政局 → 平|城区|民政局); a whole-word entry gives retrieval a
// precise, high-IDF token. Precision over recall: a wrong entry changes how every later text
// is segmented, so each rule below rejects rather than guesses.
import { Jieba, type TaggedWord } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const MIN_TERM_CHARS = 2;
const MAX_TERM_CHARS = 12;
/** Frequency for user-dictionary entries: high enough to beat the split into common parts. */
const USER_TERM_FREQ = 2000;

const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u;

/** Names printed inside “…”, 「…」, 《…》 (also the ASCII-quote form NFKC leaves alone). */
const QUOTED = /[“「《"]([^“”「」《》"\n]{2,12})[”」》"]/gu;

/** Quoted questions and speech (“下一期想听什么”) are not names. */
const QUESTION_LIKE = /什么|哪|怎|吗|呢|谁|几|多少|为何|是否/u;

/**
 * Place and organisation suffixes, longest first so 服务中心 wins over 中心 and 街道 over 街.
 * Single-character ones (县, 区, 巷 …) only count where the name ends on a word boundary.
 */
const SUFFIXES = [
  '街道办事处', '党群服务中心', '便民服务中心', '服务中心', '服务站', '服务点', '办事处', '居委会', '村委会',
  '党支部', '党总支', '党委', '民政局', '人社局', '医保局', '卫健委', '司法所', '派出所', '卫生院',
  '医院', '驿站', '中心', '社区', '小区', '街道', '公园', '广场',
  '省', '市', '县', '区', '镇', '乡', '村', '街', '路', '巷', '局',
].sort((a, b) => b.length - a.length);

/** Tags of words that can be part of a proper name (jieba/ICTCLAS tag set). */
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'x', 'g', 'ng', 'j']);
/**
 * Tags that never sit inside a name: verbs, adverbs, prepositions, conjunctions, pronouns, particles, numbers…
 * (Not zg, jieba's tag for a rare character alone — 埭 of 沙埭县 —, which the z of status words would catch.)
 */
const BREAK_TAG = /^(v|a|d|p|c|r|u|m|q|f|y|e|o|t|z(?!g)|l|i|b|k|h)/;
/**
 * A single character jieba tags by its everyday use — an adjective (新 of 新圩区), a measure word (口 of 汊口区), a
 * direction (东), a distinguishing word — may still be a name's first characters: taken inside a name only when the
 * name recurs (as a name cut out of a common word is) and has a character of no such word, so one 新社区 of running
 * text, or 老旧小区 however often, makes no place.
 */
const LOOSE_TAG = /^(a|q|f|b)$/;
/** Short words that end a name walk even when tagged as nouns. */
const BREAK_WORDS = new Set(['的', '和', '与', '及', '在', '到', '从', '把', '将', '对', '为', '由', '等', '各', '该', '本', '全', '这', '那', '每', '个', '们', '是', '了', '也', '都', '中', '内', '上', '下', '前', '后']);
/** What may follow a single-character suffix inside one jieba word (露天巷里 → 露天巷). */
const LOCATIVE_TAIL = new Set(['里', '内', '上', '口', '边', '旁', '中', '前', '后']);
const MAX_PREFIX_PIECES = 3;
const MAX_PREFIX_CHARS = 8;

let baseJieba: Jieba | undefined;
/** The stock-dictionary segmenter, shared and never given user words (they would bias extraction). */
function stockJieba(): Jieba {
  baseJieba ??= Jieba.withDict(dict);
  return baseJieba;
}

interface PlaceName {
  name: string;
  /** Cut out of a common word (平|城区): trusted only when seen twice. */
  mustRecur: boolean;
}

interface Piece {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** Corpus terms, deduplicated and sorted, each 2–12 CJK characters that jieba would otherwise split. */
export function extractCorpusTerms(texts: string[]): string[] {
  return mergeTermParts([corpusTermPart(texts)]);
}

/**
 * One document's share of extractCorpusTerms: the terms it names outright, and the names that count
 * only when they recur (with how often they occur here). Parts of unchanged documents are kept
 * between ingests; mergeTermParts over all parts equals extractCorpusTerms over all texts.
 */
export interface TermPart {
  found: string[];
  recur: Record<string, number>;
}

export function corpusTermPart(texts: string[]): TermPart {
  const jieba = stockJieba();
  const found = new Set<string>();
  const recur: Record<string, number> = {};
  for (const text of texts) {
    if (typeof text !== 'string' || text.length === 0) continue;
    for (const m of text.matchAll(QUOTED)) {
      if (!QUESTION_LIKE.test(m[1])) found.add(m[1].trim());
    }
    for (const line of text.split(/[\n\r。！？；!?;]+/u)) {
      if (!line.trim()) continue;
      // Without HMM, unknown characters stay single (为|稷|王) instead of fusing with a
      // preposition (为稷), so name boundaries follow the stock dictionary.
      for (const { name, mustRecur } of placeNames(jieba.tag(line, false))) {
        if (!mustRecur) found.add(name);
        else recur[name] = (recur[name] ?? 0) + 1;
      }
    }
  }
  return { found: [...found], recur };
}

/** The corpus dictionary from every document's part: names found outright, and recurring names seen twice or more. */
export function mergeTermParts(parts: TermPart[]): string[] {
  const jieba = stockJieba();
  const found = new Set<string>();
  const counts = new Map<string, number>();
  for (const part of parts) {
    for (const t of part.found) found.add(t);
    for (const [name, n] of Object.entries(part.recur)) counts.set(name, (counts.get(name) ?? 0) + n);
  }
  for (const [name, n] of counts) if (n >= 2) found.add(name);
  const terms: string[] = [];
  for (const term of found) {
    if (term.length < MIN_TERM_CHARS || term.length > MAX_TERM_CHARS || !CJK.test(term)) continue;
    // Already one word in the stock dictionary: an entry would add nothing.
    if (jieba.cut(term, false).length < 2) continue;
    terms.push(term);
  }
  return terms.sort();
}

/** jieba user-dictionary lines: "word freq tag". */
export function dictionaryLines(terms: string[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const raw of terms) {
    const term = raw.trim();
    // A space or newline would break the line format; such a term cannot be an entry.
    if (!term || /\s/u.test(term) || seen.has(term)) continue;
    seen.add(term);
    lines.push(`${term} ${USER_TERM_FREQ} ${tagFor(term)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function tagFor(term: string): string {
  const suffix = SUFFIXES.find((s) => term.endsWith(s));
  if (!suffix) return 'nz';
  return suffix.length === 1 || ['社区', '小区', '街道'].includes(suffix) ? 'ns' : 'nt';
}

/** Names that end in a place/organisation suffix, with a name-like prefix of 1–3 jieba words. */
function placeNames(tagged: TaggedWord[]): PlaceName[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const t of tagged) {
    pieces.push({ word: t.word, tag: t.tag, start: offset, end: offset + t.word.length });
    offset += t.word.length;
  }
  const text = pieces.map((p) => p.word).join('');
  const names: PlaceName[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!CJK.test(piece.word)) continue;
    for (const suffix of suffixesEndingIn(piece)) {
      const name = nameBefore(pieces, i, text, suffix);
      if (name) names.push(name);
    }
  }
  return names;
}

/** Where a suffix ends inside this word: at its end, or before a locative tail (巷里). */
function suffixesEndingIn(piece: Piece): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const w = piece.word;
  const at = (endInWord: number): void => {
    const head = w.slice(0, endInWord);
    const suffix = SUFFIXES.find((s) => head.endsWith(s));
    if (!suffix) return;
    // A one-character suffix ending mid-word is only trusted before a locative tail.
    out.push({ start: piece.start + endInWord - suffix.length, end: piece.start + endInWord });
  };
  at(w.length);
  if (w.length === 2 && LOCATIVE_TAIL.has(w[1])) at(1);
  return out;
}

function nameBefore(pieces: Piece[], index: number, text: string, suffix: { start: number; end: number }): PlaceName | undefined {
  let start = suffix.start;
  let walked = 0;
  let looseChars = false;
  const own = pieces[index];
  const straddles = own.start < suffix.start;
  // (Some character of the name must be no such everyday one: 老|旧 before 小区 is an old estate, not a name.)
  let named = straddles;
  if (straddles) {
    // The word itself holds part of the name (城区 in 平|城区|民政局).
    if (own.word.length >= 3 && suffix.end === own.end) return undefined; // a stock name (稷山县) or common word
    const head = own.word.slice(0, suffix.start - own.start);
    if (BREAK_WORDS.has(head)) return undefined;
    start = own.start;
  }
  for (let j = index - 1; j >= 0 && walked < MAX_PREFIX_PIECES; j--) {
    const p = pieces[j];
    if (!CJK.test(p.word) || BREAK_WORDS.has(p.word)) break;
    const loose = p.word.length === 1 && LOOSE_TAG.test(p.tag);
    // (One such character, not two: 老旧 before 小区 is no name's.)
    if (BREAK_TAG.test(p.tag) && (!loose || looseChars)) break;
    // Common multi-character words (资源型, 毕业生) end a name; only names and single characters continue it.
    if (p.word.length > 1 && !NAME_TAGS.has(p.tag)) break;
    // A suffix word or complete higher-level name (社区, 稷山县) is a boundary, not part of this name.
    if (SUFFIXES.includes(p.word) || (p.word.length >= 3 && SUFFIXES.some((s) => p.word.endsWith(s)))) break;
    if (suffix.start - p.start > MAX_PREFIX_CHARS) break;
    start = p.start;
    walked++;
    if (loose) looseChars = true;
    else named = true;
  }
  if (walked === 0 || suffix.start - start < 2 || (looseChars && !named)) return undefined;
  // Inside a common word (集市, 城区) the suffix is usually not one: only unknown single
  // characters before it (平|城区) make a name, and it must recur (checked by the caller).
  if (straddles && pieces.slice(index - walked, index).some((p) => p.word.length > 1)) return undefined;
  return { name: text.slice(start, suffix.end), mustRecur: straddles || looseChars };
}
