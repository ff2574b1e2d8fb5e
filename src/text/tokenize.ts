// Search tokens for Chinese (and some English) text, the same way for chunks and questions.
// jieba segments; search mode adds the dictionary words inside long words (居住证 → 居住, 居住证);
// characters jieba cannot place (unknown names like 稷王) are kept as characters plus bigrams, so a
// name matches whether or not it was ever in the dictionary. Stop words and question words go.
import { createHash } from 'node:crypto';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Tokenizer } from '../ports.js';
import { dictionaryLines } from './dictionary.js';
import { stemEnglish } from './stem.js';
import notPlaces from './not-places.json' with { type: 'json' };

export type QuestionKind = 'how' | 'what' | 'where' | 'when' | 'who' | 'which' | 'why' | 'how-much' | 'yes-no';

/**
 * Question words, with the kind of answer they ask for. They are dropped from search tokens
 * (they match every paragraph equally badly) but the answerer needs them to shape an answer.
 */
export const QUESTION_WORDS: ReadonlyMap<string, QuestionKind> = new Map<string, QuestionKind>([
  ...(['怎么', '怎样', '怎么样', '如何', '怎么办', '咋', '咋办', 'how'] as const).map((w) => [w, 'how'] as const),
  ...(['什么', '啥', '何', 'what'] as const).map((w) => [w, 'what'] as const),
  ...(['哪里', '哪儿', '在哪', '在哪儿', '在哪里', '何处', 'where'] as const).map((w) => [w, 'where'] as const),
  ...(['时候', '何时', '多久', '多长时间', '几点', '哪天', '几号', '啥时候', 'when'] as const).map((w) => [w, 'when'] as const),
  ...(['谁', '哪位', 'who', 'whom'] as const).map((w) => [w, 'who'] as const),
  ...(['哪些', '哪个', '哪家', '哪', 'which'] as const).map((w) => [w, 'which'] as const),
  ...(['为什么', '为何', '为啥', 'why'] as const).map((w) => [w, 'why'] as const),
  ...(['多少', '几', '多少钱', '多大', '多高', '多远'] as const).map((w) => [w, 'how-much'] as const),
  ...(['吗', '是否', '能否', '可否', '有没有', '是不是', '能不能', '可不可以', '会不会', '要不要', '没有'] as const).map((w) => [w, 'yes-no'] as const),
]);

/** Function words that carry no topic. Kept short: every entry is a word no answer can hinge on. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // Chinese particles, pronouns, prepositions, conjunctions, auxiliaries, politeness
  '的', '了', '是', '在', '和', '与', '及', '或', '或者', '以及', '并', '并且', '而', '而且', '但', '但是', '等', '等等',
  '也', '都', '就', '还', '又', '再', '才', '很', '最', '更', '把', '被', '让', '给', '对', '从', '向', '以', '为', '于', '之', '其',
  '着', '过', '地', '得', '个', '些', '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这里', '那里',
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '您', '咱', '咱们', '自己', '大家', '人家',
  '有', '要', '想', '能', '会', '可以', '可', '应该', '需要', '得到', '一下', '一个', '一些', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '哈', '嗯',
  '请', '请问', '问', '问一下', '想问', '知道', '告诉', '麻烦', '谢谢', '您好', '你好',
  // English
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'as', 'and', 'or', 'but', 'if',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'may', 'might', 'must',
  'i', 'me', 'my', 'you', 'your', 'we', 'our', 'us', 'he', 'she', 'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those',
  'there', 'here', 'please', 'tell', 'about', 'any', 'some', 'get', 'there', 's', 't',
]);

/** True for words dropped from search tokens: stop words and question words. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || QUESTION_WORDS.has(token);
}

export interface ChineseTokenizer extends Tokenizer {
  /** Plain segmentation, lower-cased, punctuation dropped, stop words kept (for question analysis). */
  words(text: string): string[];
  /** The kinds of question asked, from the question words present, in order of appearance. */
  questionKinds(text: string): QuestionKind[];
  /** How common the word is in general Chinese (jieba's dictionary count; 0 when unknown). */
  generalFrequency(word: string): number;
  /** The word's part-of-speech tag in jieba's stock dictionary ('' when unknown). */
  generalTag(word: string): string;
  /** Place names jieba's dictionary knows (tag ns), e.g. 杭州, 上海市: for "is this about a place we cover?". */
  placeNames(text: string): string[];
}

/** Tokens longer than this are not words (URLs, base64, runs of digits): dropped. */
const MAX_TOKEN_CHARS = 32;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK_CHAR = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u;
const NUMBER = /^\d+(?:\.\d+)?$/;
const LATIN_WORD = /^[a-z]+$/;
/** Control and format characters (RTL marks, zero-width joiners) and lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * A tokenizer over jieba's stock dictionary plus `extraTerms` (from extractCorpusTerms), so
 * local names stay whole. HMM is off on purpose: it fuses unknown characters with their
 * neighbours differently in every sentence (为稷, 由平), which breaks query/document matching;
 * the character bigrams below match unknown names consistently instead.
 */
export function createTokenizer(extraTerms: string[] = []): ChineseTokenizer {
  const jieba = Jieba.withDict(dict);
  const lines = dictionaryLines(extraTerms.filter((t) => typeof t === 'string'));
  if (lines) jieba.loadDict(Buffer.from(lines, 'utf8'));

  const clean = (text: unknown): string =>
    typeof text === 'string' ? text.replace(INVISIBLE, (c) => (/\p{Cf}/u.test(c) ? '' : ' ')).toLowerCase() : '';

  function tokens(text: string): string[] {
    const cleaned = clean(text);
    if (!cleaned.trim()) return [];
    const words = joinDecimals(jieba.cut(cleaned, false));
    const search = jieba.cutForSearch(cleaned, false);
    const out: string[] = [];
    let run: string[] = []; // consecutive single CJK characters jieba could not join
    const flushRun = (): void => {
      pushCharRun(run, out);
      run = [];
    };
    let s = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      // Search mode emits a word's dictionary sub-words right before the word itself.
      let end = s;
      while (end < search.length && search[end] !== word && !word.startsWith(search[end] + '.')) end++;
      // Not found would mean the two cuts disagree: keep the word alone rather than misalign.
      const subwords = end < search.length ? search.slice(s, end) : [];
      if (end < search.length) s = end + (search[end] === word ? 1 : 3);
      if (word.length === 1 && CJK_CHAR.test(word) && !isStopword(word)) {
        run.push(word);
        continue;
      }
      flushRun();
      if (!keep(word)) continue;
      // English words are indexed and searched by their stem: "Sundays" finds "Sunday", "opening" finds "open".
      out.push(LATIN_WORD.test(word) ? stemEnglish(word) : word);
      for (const sub of subwords) if (keep(sub)) out.push(sub);
      if (word.length >= 3 && CJK_CHAR.test(word[0])) pushUncovered(word, subwords, out);
      // 500米, 70%: the number with its unit is a more precise token than either alone.
      const next = words[i + 1];
      if (NUMBER.test(word) && next !== undefined && (next === '%' || (next.length === 1 && CJK_CHAR.test(next)))) {
        out.push(word + next);
      }
    }
    flushRun();
    return out;
  }

  function words(text: string): string[] {
    const cleaned = clean(text);
    if (!cleaned.trim()) return [];
    return jieba.cut(cleaned, false).filter((w) => HAS_WORD_CHAR.test(w) && w.length <= MAX_TOKEN_CHARS);
  }

  function questionKinds(text: string): QuestionKind[] {
    const kinds: QuestionKind[] = [];
    for (const w of jieba.cutForSearch(clean(text), false)) {
      const kind = QUESTION_WORDS.get(w);
      if (kind && !kinds.includes(kind)) kinds.push(kind);
    }
    return kinds;
  }

  function placeNames(text: string): string[] {
    const cleaned = clean(text);
    if (!cleaned.trim()) return [];
    // Stock-dictionary place names only (custom corpus terms are known by construction), minus
    // everyday words the dictionary tags as places (东西 "thing", 上岗 "take up a post").
    // (jieba's tag() is cut() plus a tag per word — three times the cost on a sentence —, and the tag wanted here is
    // the stock dictionary's, which isStockPlace reads itself.)
    return [...new Set(jieba.cut(cleaned, false).filter((w) => w.length >= 2 && isStockPlace(w) && !NOT_PLACES.has(w)))];
  }

  return { tokens, words, questionKinds, placeNames, generalFrequency, generalTag };
}

// Words jieba tags as places that are everyday words: a hand list of direction and scope words, and the
// common words CC-CEDICT knows no proper noun for (福利, 城市, 入口, 礼拜), generated by scripts/build-not-places.ts.
const NOT_PLACES = new Set([...notPlaces.words, '东西', '上岗', '南北', '东南', '西北', '东北', '西南', '中间', '上下', '前后', '左右', '内外', '中外', '城乡', '全国', '各地', '当地', '本地', '外地', '异地']);

function isStockPlace(word: string): boolean {
  return generalTag(word) === 'ns';
}

// jieba's stock dictionary (~350k lines of "word count tag", sorted by the words' UTF-8 bytes). A word is
// found by binary search over the raw bytes (and remembered), so a fresh process answers its first question
// without parsing the 5 MB text (0.25 s); the whole text is parsed (count * 64 + tag id per word) only when
// every word of a tag is asked for, or past STOCK_LOOKUPS_BEFORE_PARSE distinct words (an ingest).
const stockBytes = Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength);
let stockDictionary: Map<string, number> | null = null;
let stockKey: string | null = null;

/** A hash of jieba's stock dictionary: what is derived from its words and tags (a cached compiled CC-CEDICT) is keyed by it. */
export function stockDictionaryKey(): string {
  return (stockKey ??= createHash('sha256').update(stockBytes).digest('hex'));
}
const stockTags: string[] = [];
const STOCK_LOOKUPS_BEFORE_PARSE = 20_000;
const stockLookups = new Map<string, { count: number; tag: string } | undefined>();

function stockEntry(word: string): { count: number; tag: string } | undefined {
  if (stockDictionary) {
    const packed = stockDictionary.get(word);
    return packed === undefined ? undefined : { count: Math.floor(packed / 64), tag: stockTags[packed % 64] };
  }
  const known = stockLookups.get(word);
  if (known !== undefined || stockLookups.has(word)) return known;
  // Ingest looks up every word of every chunk: past this many distinct words, parsing the whole text is cheaper.
  if (stockLookups.size >= STOCK_LOOKUPS_BEFORE_PARSE) {
    stockLookups.clear();
    parseStock();
    return stockEntry(word);
  }
  const found = searchStock(word);
  stockLookups.set(word, found);
  return found;
}

/** Binary search of the sorted dictionary bytes for the line whose word is `word`. */
function searchStock(word: string): { count: number; tag: string } | undefined {
  if (!word || word.includes('\n') || word.includes(' ')) return undefined;
  const key = Buffer.from(word, 'utf8');
  let lo = 0;
  let hi = stockBytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : stockBytes.lastIndexOf(10, mid - 1) + 1;
    let end = stockBytes.indexOf(10, start);
    if (end === -1) end = stockBytes.length;
    let space = stockBytes.indexOf(32, start);
    if (space === -1 || space > end) space = end;
    const order = Buffer.compare(key, stockBytes.subarray(start, space));
    if (order === 0) {
      const [count, tag = ''] = stockBytes.toString('utf8', space + 1, end).trim().split(' ');
      return { count: Number(count) || 0, tag };
    }
    if (order < 0) hi = start;
    else lo = end + 1;
  }
  return undefined;
}

function parseStock(): Map<string, number> {
  if (stockDictionary) return stockDictionary;
  const parsed = new Map<string, number>();
  const text = stockBytes.toString('utf8');
  const tagIds = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const s1 = text.indexOf(' ', start);
    if (s1 > start && s1 < end) {
      let s2 = text.indexOf(' ', s1 + 1);
      if (s2 === -1 || s2 > end) s2 = end;
      const tag = text.slice(s2 + 1, end).trim();
      let id = tagIds.get(tag);
      if (id === undefined) {
        id = stockTags.length;
        stockTags.push(tag);
        tagIds.set(tag, id);
      }
      parsed.set(text.slice(start, s1), (Number(text.slice(s1 + 1, s2)) || 0) * 64 + id);
    }
    start = end + 1;
  }
  return (stockDictionary = parsed);
}

/** Every stock-dictionary word with the given tag (e.g. 'ns' for place names). */
export function stockWordsTagged(tag: string): string[] {
  const parsed = parseStock();
  const id = stockTags.indexOf(tag);
  if (id === -1) return [];
  const words: string[] = [];
  for (const [word, packed] of parsed) if (packed % 64 === id) words.push(word);
  return words;
}

/** Whether jieba's stock dictionary lists the word at all. */
export function isStockWord(word: string): boolean {
  return stockEntry(word) !== undefined;
}

function generalFrequency(word: string): number {
  return stockEntry(word)?.count ?? 0;
}

function generalTag(word: string): string {
  // (Read straight from the parsed dictionary when there is one: no entry object per word of every sentence.)
  if (stockDictionary) {
    const packed = stockDictionary.get(word);
    return packed === undefined ? '' : (stockTags[packed % 64] ?? '');
  }
  return stockEntry(word)?.tag ?? '';
}

/** The word's part-of-speech tag in jieba's stock dictionary ('' when it lists none). */
export const stockTag = generalTag;

/** Without HMM jieba cuts 8.5 into 8|.|5; numbers must stay whole to match. */
function joinDecimals(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (/^\d+$/.test(words[i]) && words[i + 1] === '.' && /^\d+$/.test(words[i + 2] ?? '')) {
      out.push(`${words[i]}.${words[i + 2]}`);
      i += 2;
    } else out.push(words[i]);
  }
  return out;
}

function keep(token: string): boolean {
  return token.length <= MAX_TOKEN_CHARS && HAS_WORD_CHAR.test(token) && !isStopword(token);
}

/** Single characters, plus their bigrams so 稷|王 still matches as 稷王. */
function pushCharRun(run: string[], out: string[]): void {
  for (let i = 0; i < run.length; i++) {
    out.push(run[i]);
    if (i > 0) out.push(run[i - 1] + run[i]);
  }
}

/**
 * Parts of a long word no dictionary sub-word covers (稷王 in the custom word 稷王社区), as a
 * character run: the same tokens the query side produces when it meets those characters alone.
 */
function pushUncovered(word: string, subwords: string[], out: string[]): void {
  const covered = new Uint8Array(word.length);
  for (const sub of subwords) {
    for (let from = word.indexOf(sub); from !== -1; from = word.indexOf(sub, from + 1)) covered.fill(1, from, from + sub.length);
  }
  let run: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length && !covered[i]) {
      if (!isStopword(word[i])) run.push(word[i]);
      continue;
    }
    if (run.length) pushCharRun(run, out);
    run = [];
  }
}
