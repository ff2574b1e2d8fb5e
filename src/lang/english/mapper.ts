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
import { pinyin } from '../pinyin.js';
import type { WeightedTerm } from '../../ports.js';
import { PUBLIC_SERVICE_GLOSSARY, type GlossaryEntry } from '../glossary.js';
import type { CedictEntry } from './cedict.js';
import { buildEnglishLexicon, HAN_ONLY, type EnglishLexicon } from './lexicon.js';
import { englishWords, numbersIn, phraseKeys, STOP_WORDS, wordForms } from './words.js';
import { neverThrows } from '../expansion.js';
import { variantsOf } from './variants.js';

export interface EnglishMapper {
  /** Chinese search terms for an English question, best first, each term once. Never throws. */
  expand(question: string): WeightedTerm[];
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
  /** Whether a document uses the English word (English notices): such a word is never taken for a typo. */
  corpusWord?: (word: string) => boolean;
}

const GLOSSARY_WEIGHT = 1;
const NAME_WEIGHT = 1;
const NAME_OTHER_SUFFIX_WEIGHT = 0.8;
const NUMBER_WEIGHT = 0.8;
/** A word for something the corpus never mentions: searched for (it matches nothing), weighed by the answerer. */
const ABSENT_WEIGHT = 0.3;
const MAX_QUESTION_CHARS = 2000;
const SPELLING_WEIGHT = 0.8;
/** Another spelling or everyday word for the asker's (center → centre, normal → ordinary): the same word. */
const VARIANT_WEIGHT = 0.8;
/**
 * The syllables of Mandarin, toneless (ü as v; lüe / nüe also as lue / nue): a word spelt as a run of them (shanghai,
 * hangzhou, dibao) is a romanised name, not a misspelt English word. Only real syllables: an initial with any final
 * reads "fien" (fi + en) and "wiat" as pinyin, and the slip of "fine" went unread.
 */
const PINYIN_SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai
  chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da
  dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei
  fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he
  hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka
  kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian
  liang liao lie lin ling liu lo long lou lu luan lun luo lv lve lue ma mai man mang mao me mei men meng mi mian miao mie min
  ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve nue o
  ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
  quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan
  shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai
  tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian
  xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan
  zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun
  zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/),
);
/** Longest syllable, in letters (zhuang). */
const LONGEST_SYLLABLE = 6;

/** The word is a run of Mandarin syllables, toneless (shanghai = shang + hai). */
export function spellsPinyin(word: string): boolean {
  const reach = [true, ...Array<boolean>(word.length).fill(false)];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end && !reach[end]; start++) reach[end] = reach[start]! && PINYIN_SYLLABLES.has(word.slice(start, end));
  }
  return reach[word.length]!;
}
const MAX_PHRASE_WORDS = 6;
/** Shorter words are too often another real word one keystroke away; from four letters (phne, emil, flor) a slip is read. */
const SHORTEST_TYPO = 4;

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
  const absentWords = new Map(Object.entries(lexicon.absent ?? {}));
  const absentPhrases = new Map(Object.entries(lexicon.absentPhrases ?? {}));
  const names = buildNameIndex(options.names ?? []);
  // Words the mapper knows (the lexicon's, the glossary's, things the corpus lacks, function words): a
  // question word outside them is looked for as a typo of one of them ("extention" → extension).
  // (With the words of the glossary's phrases: "number" of "phone number", "hours" of "opening hours".)
  const known = new Set<string>([...STOP_WORDS, ...absentWords.keys(), ...lexiconEntries.keys(), ...glossary.keys()].flatMap((k) => k.split(' ')));
  const glossaryWords = new Set([...glossary.keys()].flatMap((k) => k.split(' ')));
  const byInitial = new Map<string, string[]>();
  for (const w of known) if (w.length >= 4) (byInitial.get(w[0]!) ?? byInitial.set(w[0]!, []).get(w[0]!)!).push(w);
  // Every English word of the dictionary's glosses: a word of English is no typo, whatever the corpus knows.
  // (As written, or in a base form: a slip often keeps the stem — allowence of allow.)
  const english = new Set(lexicon.words ?? []);
  const spelled = new Map<string, string | null>();
  function spelling(word: string): string | null {
    // Romanised names (shanghai, lanshan) are no English words to correct.
    if (word.length < SHORTEST_TYPO || /\d/.test(word) || names.byFull.has(word) || names.byStem.has(word) || spellsPinyin(word)) return null;
    if (wordForms(word).some((f) => known.has(f) || english.has(f) || variantsOf(f).length > 0) || options.corpusWord?.(word)) return null;
    let fixed = spelled.get(word);
    if (fixed === undefined) spelled.set(word, (fixed = nearestKnown(word, byInitial.get(word[0]!) ?? [], (w) => glossaryWords.has(w) || !!options.corpusWord?.(w))));
    return fixed;
  }

  function matchGlossary(words: readonly string[], start: number): Span | undefined {
    for (let count = Math.min(MAX_PHRASE_WORDS, words.length - start); count >= 1; count--) {
      for (const key of phraseKeys(words, start, count)) {
        const zh = glossary.get(key);
        if (!zh) continue;
        // The glossary's words may not be the corpus's (heating → 供暖, the notice says 采暖): CC-CEDICT's
        // headwords for the same phrase that the corpus uses are alternatives for the same concept.
        const corpusWords = (lexiconEntries.get(key) ?? []).filter(([term]) => !zh.includes(term)).slice(0, perWord);
        return {
          start,
          end: start + count,
          terms: [
            ...zh.map((term) => ({ term, weight: GLOSSARY_WEIGHT, origin: 'glossary' as const, source: key })),
            ...corpusWords.map(([term, weight]) => ({ term, weight, origin: 'cedict' as const, source: key })),
          ],
        };
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
    const kept = words.flatMap((w, at) => (!STOP_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 1 ? [{ w, at }] : []));
    const content = kept.map((k) => k.w);
    const terms: WeightedTerm[] = [];
    for (let i = 0; i < content.length; ) {
      // A thing CC-CEDICT names by a phrase the corpus never uses (work permit → 工作证): passed on, marked
      // 'absent' with the phrase as its source; its words are still mapped one by one below. (Only words the
      // asker wrote side by side: "overseas and my chinese licence" names no overseas Chinese.)
      for (let count = Math.min(3, content.length - i); count >= 2; count--) {
        if (kept[i + count - 1]!.at - kept[i]!.at !== count - 1) continue;
        const key = phraseKeys(content, i, count).find((k) => absentPhrases.has(k));
        if (key) {
          terms.push({ term: absentPhrases.get(key)!, weight: ABSENT_WEIGHT, origin: 'absent', source: key });
          break;
        }
      }
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
      if (!matched) {
        // A thing CC-CEDICT names that the corpus never mentions (football → 足球): passed on, marked
        // 'absent', so the answerer can tell a question about something else from one in other words.
        const key = phraseKeys(content, i, 1).find((k) => absentWords.has(k));
        if (key) terms.push({ term: absentWords.get(key)!, weight: ABSENT_WEIGHT, origin: 'absent', source: key });
      }
      i += matched || 1;
    }
    return terms;
  }

  function expandUnsafe(question: string): WeightedTerm[] {
    const text = String(question ?? '').slice(0, MAX_QUESTION_CHARS);
    const found: WeightedTerm[] = [];
    // A misspelt word is read as the known word it is one or two keystrokes from; the word itself is searched
    // too (English documents), counting for the word as typed.
    const words = englishWords(text).map((w) => {
      const fixed = spelling(w);
      if (fixed) found.push({ term: fixed, weight: SPELLING_WEIGHT, origin: 'spelling', source: w });
      return fixed ?? w;
    });
    // The asker's word in its other spelling or everyday name, counting for the word as typed.
    for (const w of words) for (const term of variantsOf(w)) found.push({ term, weight: VARIANT_WEIGHT, origin: 'variant', source: w });
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

  return neverThrows(expandUnsafe);
}

/**
 * The question as the asker meant to type it: each word the mapper read as a misspelling of one known word
 * ("phone nuber" → number, "opening huors" → hours) written as that word, so what the question asks — a facet, a
 * place — and the English pages' search see it too. Words it did not correct stay as typed.
 */
export function withSpellingFixed(question: string, expansions: readonly WeightedTerm[]): string {
  let text = question;
  for (const t of expansions) {
    if (t.origin !== 'spelling' || !t.source || !/^[a-z]+$/.test(t.source) || !/^[a-z]+$/.test(t.term)) continue;
    text = text.replace(new RegExp(`\\b${t.source}\\b`, 'gi'), t.term);
  }
  return text;
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

/**
 * The one known word closest to a misspelt one: edit distance 1 (2 for words of 8 letters or more), adjacent
 * swaps counting as one; none when two candidates tie.
 */
function nearestKnown(word: string, candidates: readonly string[], preferred: (w: string) => boolean = () => false): string | null {
  const limit = word.length >= 8 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(word, c, limit);
    if (d < bestDistance) [best, bestDistance] = [[c], d];
    else if (d === bestDistance && !best.includes(c)) best.push(c);
  }
  if (best.length === 1) return best[0]!;
  // A tie is settled by the one word of it the glossary or the documents use (flor: floor, not flour).
  const kept = best.filter(preferred);
  if (kept.length === 1) return kept[0]!;
  // …or by the one the slip begins with, whole: a past tense typed short keeps its verb (deliverd: deliver, not delivery).
  const begun = best.filter((c) => word.startsWith(c));
  return begun.length === 1 ? begun[0]! : null;
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
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
