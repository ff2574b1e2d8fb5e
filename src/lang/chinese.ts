// Chinese → Chinese alternatives for a resident's question, so colloquial wording and typos find the
// documents' words (each alternative counts for the word it replaces, never on its own):
//   synonym       (0.9) the curated public-service list (退休金 → 养老金, 房补 → 住房补贴), corpus terms only;
//   pinyin-repair (0.8) a word that is in no document and no dictionary, typed with a pinyin IME, replaced
//                       by the corpus word with the same toneless pinyin (低包 → 低保, 补帖 → 补贴, 助里 → 助理),
//                       or typed as bare pinyin in Latin letters (dongcheng → 东城, even where English
//                       notices spell Dongcheng too; xiling as typed, not its English stem xile);
//   abbreviation  (0.8) a short form in no document (法援, 废电池) → the corpus words it shortens: same first
//                       character, its characters in order, at most twice its length (法律援助, 废旧电池);
//   paraphrase    (0.8) a noun of everyday Chinese in no document → the corpus words CC-CEDICT gives its whole
//                       sense (麦子 → 小麦) or names as its long form (国标 → 国家标准), built at ingest.
import { pinyin } from './pinyin.js';
import type { WeightedTerm } from '../ports.js';
import type { ChineseTokenizer } from '../text/tokenize.js';
import { normalizeText } from '../text/normalize.js';
import { stemEnglish } from '../text/stem.js';
import { PUBLIC_SERVICE_SYNONYMS } from './synonyms.js';
import { neverThrows } from './expansion.js';

export interface ChineseExpander {
  /** Alternatives for the question's words, each with `source` = the word it stands for. Never throws. */
  expand(question: string): WeightedTerm[];
}

export interface ChineseExpanderOptions {
  tokenizer: ChineseTokenizer;
  /** Chunks containing the term (0: the corpus never uses it). */
  documentFrequency(term: string): number;
  /** The corpus vocabulary (read once, on the first question that needs a repair). */
  vocabulary(): readonly string[];
  /**
   * Whether some document uses the word beside one of the others. A repair must fit the rest of the question: in a
   * large corpus many words share a slip's pinyin (跑到 → 跑道 of an airport article, 残补 → 残部 of a war), and the one
   * meant is found beside the question's other words (低包 → 低保 beside 申请, 平城区). Absent: every repair fits.
   */
  besideAny?(word: string, others: readonly string[]): boolean;
  synonyms?: ReadonlyArray<readonly [string, readonly string[]]>;
  /**
   * The corpus words a noun the documents never use is called there, by CC-CEDICT (麦子 → 小麦, 国标 → 国家标准; the
   * index's `paraphrases.json`, see `Paraphrases` in src/lang/english/lexicon.ts); for a single character, the
   * characters of the same senses (狗 → 犬). Absent: none.
   */
  paraphrases?(word: string): readonly string[] | undefined;
}

const SYNONYM_WEIGHT = 0.9;
const REPAIR_WEIGHT = 0.8;
const HAN = /^[\u4e00-\u9fff]{2,4}$/;
const LATIN_PINYIN = /^[a-z]{4,20}$/;
const MAX_ALTERNATIVES = 3;
const LONG_HAN = /^[\u4e00-\u9fff]{3,8}$/;
/** Most uses in general Chinese of a word still read as a possible short form (废电池: 3). */
const RARE_WORD = 20;
/** `short`'s characters appear in `long` in order, starting with its first. */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length && long[0] === short[0];
}
/** How much more common in general Chinese a corpus word must be than a rare word to be taken for its typo. */
const MORE_COMMON = 10;

/** A counted period or unit (一个月, 一年, 一次, 一个人): "each" in the documents' words (每月, 每年, 每次, 每人). */
const PERIOD_WORD = /^一个?[年月天周次人]$|^一个人$/;
/** Characters of grammar, not of things: negation, aspect, structure and asking particles. */
const FUNCTION_CHAR = /[不没了的吗呢吧啊呀么着过]/;
/** jieba's tags for numerals and numeral-classifier words (一部, 两张, 几个). */
const NUMERAL_TAG = /^m/;
/** A floor said by its building: 一楼, 十二楼. */
const FLOOR_SAID = /^([一二三四五六七八九十]{1,2})楼$/;
/**
 * The one-character units residents ask a figure per (一亩 of 一亩保多少钱, 一斤, 一户, 一份): the documents say 每亩, 按亩.
 * The answerer reads them as the unit asked (src/answer/figures.ts), weak evidence by design.
 */
export const ASKED_UNITS = '亩台辆套间头只吨斤件份张户人';
/**
 * One of a thing counted (一针, 一次, 一瓶; not a span of time — 一年, 一天 — nor an age, a date or a time of day, nor
 * one of ASKED_UNITS).
 */
const ONE_OF = new RegExp(`^一([^\\P{Script=Han}年月天日周岁号点分秒${ASKED_UNITS}])$`, 'u');

/**
 * The question as the resident meant to type it: each slip of the pinyin IME that repairs to one corpus word of its
 * length (表准 → 标准, 家厂 → 家长, 低包 → 低保) written as that word. The question is then read — what it asks, of
 * what, in which clause — and searched as if typed so; a slip with several repairs (or none) stays as typed.
 */
export function withSlipsRepaired(question: string, expansions: readonly WeightedTerm[], tokenizer: ChineseTokenizer): string {
  const slips = expansions.flatMap((t) => (t.origin === 'pinyin-repair' && t.source && /^[\u4e00-\u9fff]+$/.test(t.source) && [...t.term].length === [...t.source].length ? [{ source: t.source, term: t.term }] : []));
  if (!slips.length) return question;
  // (Not a piece of a longer word the question holds whole: 外星 of 外星人 is no slip of 外形.)
  const words = tokenizer.tokens(normalizeText(question)).filter((w) => tokenizer.generalFrequency(w) > 0);
  const bySource = new Map<string, Set<string>>();
  for (const { source, term } of slips) {
    if (words.some((w) => w.length > source.length && w.includes(source))) continue;
    (bySource.get(source) ?? bySource.set(source, new Set()).get(source)!).add(term);
  }
  let text = question;
  for (const [source, terms] of [...bySource].sort((a, b) => b[0].length - a[0].length)) if (terms.size === 1) text = text.split(source).join([...terms][0]);
  return text;
}

export function createChineseExpander(options: ChineseExpanderOptions): ChineseExpander {
  const synonyms = options.synonyms ?? PUBLIC_SERVICE_SYNONYMS;
  // Corpus words by (length, position, character): a pinyin typo keeps at least one character right.
  let byChar: Map<string, string[]> | null = null;
  // Toneless syllables of a word, read once per word: its key, and its key but for front and back nasals.
  const syllablesOf = new Map<string, string[]>();
  const syllables = (word: string) => {
    let s = syllablesOf.get(word);
    if (s === undefined) syllablesOf.set(word, (s = pinyin(word, { toneType: 'none', type: 'array' }) as string[]));
    return s;
  };
  const key = (word: string) => syllables(word).join('').replace(/ü|v/g, 'u');
  /** Front and back nasals read as one (min / ming): the pair a pinyin IME's fuzzy input most often lets through. */
  const fuzzyKey = (word: string) => syllables(word).map((s) => s.replace(/([aei])ng$/, '$1n')).join(' ');

  const toned = (word: string) => (pinyin(word, { toneType: 'num', type: 'array' }) as string[]).join(' ');
  /** The same sounds, tones and all (公式 gōngshì, 公示 gōngshì). */
  const sameSound = (a: string, b: string) => toned(a) === toned(b);

  // Corpus words by toneless pinyin, for words typed in Latin letters: built on the first question that has one.
  let byPinyin: Map<string, string[]> | null = null;
  const push = <T>(map: Map<string, T[]>, k: string, w: T) => {
    const list = map.get(k);
    if (list) list.push(w);
    else map.set(k, [w]);
  };

  // The curated list's resident words by toneless pinyin: built on the first question that needs one.
  let byResidentKey: Map<string, (readonly [string, readonly string[]])[]> | null = null;
  function residentsSounding(k: string): readonly (readonly [string, readonly string[]])[] {
    if (!byResidentKey) {
      byResidentKey = new Map();
      for (const entry of synonyms) push(byResidentKey, key(entry[0]), entry);
    }
    return byResidentKey.get(k) ?? [];
  }

  function fromLatin(word: string): string[] {
    if (!byPinyin) {
      byPinyin = new Map();
      for (const w of options.vocabulary()) if (HAN.test(w)) push(byPinyin, key(w), w);
    }
    const words = (byPinyin.get(word) ?? []).slice(0, MAX_ALTERNATIVES);
    // A resident's word typed in pinyin (shiyejin → 失业金) stands for what the documents call it (失业保险金).
    if (!words.length) for (const [, official] of residentsSounding(word)) words.push(...official.filter(inCorpus));
    return words.slice(0, MAX_ALTERNATIVES);
  }

  // For each string inside a longer corpus word, the most documents any such longer word is in: built on the first
  // question whose repair needs it.
  let inLonger: Map<string, number> | null = null;
  /** A word rare in general Chinese that the documents use no more often than a longer word of theirs holding it. */
  function onlyInsideLonger(w: string): boolean {
    if (options.tokenizer.generalFrequency(w) > RARE_WORD) return false;
    if (!inLonger) {
      inLonger = new Map();
      for (const v of options.vocabulary()) {
        if (!LONG_HAN.test(v)) continue;
        const df = options.documentFrequency(v);
        for (let i = 0; i < v.length; i++) for (let j = i + 2; j <= v.length; j++) if (j - i < v.length) inLonger.set(v.slice(i, j), Math.max(inLonger.get(v.slice(i, j)) ?? 0, df));
      }
    }
    return (inLonger.get(w) ?? 0) >= options.documentFrequency(w);
  }

  function repairs(word: string, sounds?: (w: string) => boolean): string[] {
    if (!byChar) {
      byChar = new Map();
      for (const w of options.vocabulary()) {
        if (!HAN.test(w)) continue;
        [...w].forEach((c, i) => push(byChar!, `${w.length}:${i}:${c}`, w));
      }
    }
    const candidates = new Set<string>();
    [...word].forEach((c, i) => byChar!.get(`${word.length}:${i}:${c}`)?.forEach((w) => candidates.add(w)));
    // (The word's own sound is read only when no test is given, and then once: reading pinyin loads pinyin-pro, which a
    // question whose words the corpus uses — and whose test rules every candidate out without pinyin — need not pay for.)
    let target: string | undefined;
    const matches = sounds ?? ((w: string) => key(w) === (target ??= key(word)));
    // (A corpus pair no dictionary has that holds a function character — 班不 of 托管班不收取 — is no word to repair into:
    // 办不 of 周六能去办不 is 办 asked with 不.)
    // (Nor is a rare piece of a longer word the documents use, found only inside it — 护人 of 监护人, a cut of the search
    // tokenizer: 湖人 of 湖人昨天赢了没 is no slip for it.)
    return [...candidates].filter((w) => w !== word && matches(w) && !(FUNCTION_CHAR.test(w) && options.tokenizer.generalFrequency(w) === 0) && !onlyInsideLonger(w));
  }

  /**
   * Corpus words of the same length, sharing a character in place, that sound the same but for a front or back nasal
   * (min / ming), the pair a pinyin IME's fuzzy input most often lets residents mix up: 名宿 (míngsù) typed for 民宿
   * (mínsù). (Flat and curled tongue, zu / zhu, was tried too: 租房 of 公租房 became 住房, another thing.)
   */
  function fuzzyRepairs(word: string): string[] {
    const target = fuzzyKey(word);
    return repairs(word, (w) => fuzzyKey(w) === target);
  }

  // Corpus words by first character, for short forms: built on the first question that has one.
  let byFirst: Map<string, string[]> | null = null;
  function expansions(word: string): string[] {
    if (!byFirst) {
      byFirst = new Map();
      for (const w of options.vocabulary()) if (LONG_HAN.test(w)) push(byFirst, w[0], w);
    }
    const found = (byFirst.get(word[0]) ?? []).filter((w) => w.length > word.length && w.length <= 2 * word.length && isSubsequence(word, w));
    // Several long forms (法律援助, 法定援助…) leave the short one ambiguous: none is taken.
    return found.length <= MAX_ALTERNATIVES ? found : [];
  }

  function aroundNonWord(text: string, token: string, word = false): { source: string; terms: string[] } | null {
    const at = text.indexOf(token);
    if (at < 0) return null;
    for (let length = 4; length > token.length; length--) {
      for (let start = Math.max(0, at + token.length - length); start <= at && start + length <= text.length; start++) {
        const source = text.slice(start, start + length);
        // (Around a real word, only a string no dictionary has either: 大棚车, not 大棚户.)
        if (source === token || !HAN.test(source) || options.documentFrequency(source) > 0 || (word && options.tokenizer.generalFrequency(source) > 0)) continue;
        const terms = repairs(source);
        if (terms.length) return { source, terms };
      }
    }
    if (word) return null;
    // …then, for a rare noun (包户 of 低包户, cut 低 / 包户 around the slip 低包), the pair of the character before it and
    // its first: the slip may sit across the cut. (Only there, and only for a common noun: pairs across other cuts —
    // 国收 of 两国收看, 诚为 of 梁诚为, 家店 of 几家店当 — repair into words nobody meant.)
    const tag = options.tokenizer.generalTag(token);
    // (A place name jieba made of the slip — 罗湾 of 青罗湾, the documents' 青螺湾 cut 青螺 / 湾 — is mended there too, by
    // a pair that sounds exactly, tones and all, as the documents' word does.)
    const place = tag === 'ns';
    // (Nor where the character before ends a word of the cut: 村 of 农村危房, cut 农村 / 危房改造, is no slip's half, and
    // 村危 → 村委 would read 农村委房.)
    const endsWord = () => options.tokenizer.words(text).some((w) => w.length >= 2 && at >= w.length && text.slice(at - w.length, at) === w);
    if (at > 0 && /^n[a-z]?$/.test(tag) && (!/^n[rs]/.test(tag) || place) && !endsWord()) {
      const source = text.slice(at - 1, at + 1);
      const usage = options.tokenizer.generalFrequency(source);
      if (HAN.test(source) && options.documentFrequency(source) === 0 && (usage === 0 || (place && usage <= RARE_WORD))) {
        const terms = repairs(source).filter((w) => !place || sameSound(w, source));
        if (terms.length) return { source, terms };
      }
    }
    return null;
  }

  /** A word of two or more characters with one of them replaced by a character of the same senses (see `Paraphrases`). */
  function sameSenseVariants(word: string): string[] {
    const characters = [...word];
    if (characters.length < 2 || !options.paraphrases) return [];
    return characters.flatMap((c, i) => (options.paraphrases!(c) ?? []).map((other) => [...characters.slice(0, i), other, ...characters.slice(i + 1)].join('')));
  }

  /** The documents use the term: as one token, or as all of its tokens (残疾人证 → 残疾人 + 证). */
  function inCorpus(term: string): boolean {
    if (options.documentFrequency(term) > 0) return true;
    const tokens = options.tokenizer.tokens(normalizeText(term));
    return tokens.length > 0 && tokens.every((t) => options.documentFrequency(t) > 0);
  }

  function expandUnsafe(question: string): WeightedTerm[] {
    const text = normalizeText(question);
    const out: WeightedTerm[] = [];
    for (const [resident, official] of synonyms) {
      if (!text.includes(resident)) continue;
      // (A period word inside a word of its own is none: 一年 of 一年级 is a school grade, 一次 of 一次性 one-off.)
      if (PERIOD_WORD.test(resident) && text.split(resident).slice(1).every((after) => /^[级性]/.test(after))) continue;
      for (const term of official) if (term !== resident && inCorpus(term)) out.push({ term, weight: SYNONYM_WEIGHT, origin: 'synonym', source: resident });
    }
    const nonWords: string[] = [];
    const soundSlips: string[] = [];
    const tokens = options.tokenizer.tokens(text);
    // The question's other words of two or more characters that the documents use: what a repair must sit beside.
    const context = [...new Set(tokens)].filter((t) => HAN.test(t) && options.documentFrequency(t) > 0);
    const fits = (term: string, source: string) => {
      const around = context.filter((t) => !source.includes(t) && !t.includes(source) && t !== term);
      return !options.besideAny || !around.length || options.besideAny(term, around);
    };
    const latinWords = [...new Set(text.toLowerCase().match(/[a-z]+/g) ?? [])];
    // How many of the question's other words the documents use `word` beside: where it belongs among them.
    const besideCount = (word: string, source: string) => (options.besideAny ? context.filter((t) => !source.includes(t) && !t.includes(source) && t !== word && options.besideAny!(word, [t])).length : 0);
    for (const token of new Set(tokens)) {
      // Pinyin in Latin letters inside a Chinese question: the Chinese word, even where an English notice has the spelling.
      if (LATIN_PINYIN.test(token)) {
        // (The token is an English stem — xiling is searched as xile, beijing as beij: the word as typed is read.)
        const typed = [token, ...latinWords.filter((w) => w !== token && stemEnglish(w) === token)];
        for (const term of new Set(typed.flatMap(fromLatin))) out.push({ term, weight: REPAIR_WEIGHT, origin: 'pinyin-repair', source: token });
        continue;
      }
      if (!HAN.test(token)) continue;
      const df = options.documentFrequency(token);
      if (df > 0) {
        // A word some documents use can still be a slip of the pinyin IME: in a large collection most words are some
        // document's (公式 of a formula page among notices that 公示 their lists). Read it as the corpus word that
        // sounds the same, tones and all, where that word is used in MORE_COMMON times as many passages and beside
        // at least as many of the question's other words (优待金公式 → 公示; not the 新箭 of a fish page that names the
        // fish the question does, for the commoner 新建).
        if (token.length >= 2) {
          const commoner = (w: string) => options.documentFrequency(w) >= MORE_COMMON * df && options.tokenizer.generalFrequency(w) > RARE_WORD && sameSound(w, token);
          for (const term of repairs(token, commoner)) {
            if (fits(term, token) && besideCount(term, token) >= besideCount(token, token)) out.push({ term, weight: REPAIR_WEIGHT, origin: 'pinyin-repair', source: token });
          }
        }
        continue;
      }
      // A floor said by its building (一楼) is the documents' 一层.
      const floor = FLOOR_SAID.exec(token)?.[1];
      if (floor && options.documentFrequency(`${floor}层`) > 0) out.push({ term: `${floor}层`, weight: SYNONYM_WEIGHT, origin: 'synonym', source: token });
      // One of a thing the asker counts (一针多少钱) is what the documents price each of (每针50元).
      const each = ONE_OF.exec(token)?.[1];
      if (each && options.documentFrequency(`每${each}`) > 0) out.push({ term: `每${each}`, weight: SYNONYM_WEIGHT, origin: 'synonym', source: token });
      // The same word in its other written form (补交 → 补缴, 交纳 → 缴纳, 帐户 → 账户): documents write the formal one.
      const variant = token.replace(/交/g, '缴').replace(/帐/g, '账');
      if (variant !== token && options.documentFrequency(variant) > 0) {
        out.push({ term: variant, weight: REPAIR_WEIGHT, origin: 'variant', source: token });
        continue;
      }
      // …or with one character the documents' synonym of it, CC-CEDICT's same senses (母狗 → 母犬, 买房 → 购房).
      const synonymous = sameSenseVariants(token).filter((v) => options.documentFrequency(v) > 0);
      if (synonymous.length) {
        for (const term of synonymous) out.push({ term, weight: REPAIR_WEIGHT, origin: 'variant', source: token });
        continue;
      }
      // A numeral with its classifier (一部 of 推荐一部好看的电影) counts something; it is no slip of the IME, though the
      // documents' 一步 of 进一步 sounds the same, tones and all.
      if (NUMERAL_TAG.test(options.tokenizer.generalTag(token))) continue;
      // A string that is no word at all, or a rare noun (危方, the old variant 身分证) whose namesake noun in the
      // corpus is far more common in general Chinese (危房, 身份证): a slip of the pinyin IME. A real word the
      // documents lack (截肢, not the verb 截止) is a missing topic, not a typo — unless it sounds the same, tones and
      // all, as a corpus word of everyday Chinese (公式 gōngshì, 公示 gōngshì: the IME offers the commoner one first; not
      // the rare 公室 a search cut of 办公室 gives), used beside the question's other words (优待金公式 → 公示), as every
      // repair must be.
      const general = options.tokenizer.generalFrequency(token);
      const noun = (w: string) => /^n/.test(options.tokenizer.generalTag(w));
      let tones: string | undefined;
      const soundsSame = (w: string) => token.length >= 2 && toned(w) === (tones ??= toned(token));
      const found = repairs(token).filter((w) => (general === 0 || (noun(token) && noun(w) && options.tokenizer.generalFrequency(w) >= MORE_COMMON * general) || (soundsSame(w) && options.tokenizer.generalFrequency(w) > RARE_WORD)) && fits(w, token));
      // (A noun of everyday Chinese no document uses, where one corpus noun sounds like it but for a fuzzy pair and is
      // used beside the question's other words: 名宿 of 开名宿最多能有几间客房 is 民宿.)
      if (!found.length && general > 0 && token.length >= 2 && noun(token)) {
        const fuzzy = fuzzyRepairs(token).filter((w) => noun(w) && key(w) !== key(token) && fits(w, token));
        if (fuzzy.length === 1) found.push(...fuzzy);
      }
      // A slip of a resident's own word the documents call otherwise (压金 for 押金, the notice's 保证金): what they call it,
      // as a resident's word typed in Latin letters is (shiyejin → 失业金 → 失业保险金).
      if (!found.length && general === 0 && token.length >= 2) {
        for (const [resident, official] of residentsSounding(key(token))) {
          if (resident.length !== token.length || resident === token || ![...resident].some((c, i) => token[i] === c)) continue;
          for (const term of official) if (inCorpus(term) && fits(term, token) && !found.includes(term)) found.push(term);
        }
      }
      for (const term of found) out.push({ term, weight: REPAIR_WEIGHT, origin: 'pinyin-repair', source: token });
      // (And a rare word nothing repairs: 公祖房 is cut 公祖 / 房, and 公祖 is a word jieba has seen twice.)
      if (general === 0 || (!found.length && general <= RARE_WORD)) nonWords.push(token);
      // (A real word no document uses may be a slip across the cut, as a non-word may: 大棚车 of 下雪天大棚车还来吗,
      // cut 大棚 / 车, is 大篷车 — the same sounds, tones and all, so only a same-sounding repair is taken for it.)
      else if (!found.length && token.length >= 2) soundSlips.push(token);
      // A short form (法援 of 法律援助, 废电池 of 废旧电池): a string no dictionary has, or a rare one.
      const short = !found.length && general <= RARE_WORD ? expansions(token) : [];
      for (const term of short) out.push({ term, weight: REPAIR_WEIGHT, origin: 'abbreviation', source: token });
      // A noun of everyday Chinese the documents call otherwise (麦子 → 小麦, 鞭炮 → 爆竹, 国标 → 国家标准).
      // (For the whole word the asker typed, where it is the noun with one character more that no document uses
      // either — 鞭炮 of 放鞭炮 —, not a compound of its own: 津贴 of 高龄津贴 is no 高龄 补贴.)
      if (!found.length && !short.length && general > 0 && token.length >= 2 && /^n(?!s)/.test(options.tokenizer.generalTag(token))) {
        const whole = [...new Set(tokens)].find((t) => t.length === token.length + 1 && t.includes(token) && HAN.test(t) && options.documentFrequency(t) === 0) ?? token;
        for (const term of options.paraphrases?.(token) ?? []) if (inCorpus(term)) out.push({ term, weight: REPAIR_WEIGHT, origin: 'paraphrase', source: whole });
      }
    }
    // The noun suffix 子 (纸箱子, cut 纸 / 箱子; 电瓶车子): the word without it, with the token before it, is the
    // documents' word (纸箱, 电瓶车) when they use it.
    tokens.forEach((token, i) => {
      if (!/^[\u4e00-\u9fff]+子$/.test(token) || options.documentFrequency(token) > 0 || i === 0 || !/^[\u4e00-\u9fff]+$/.test(tokens[i - 1])) return;
      const whole = `${tokens[i - 1]}${token}`;
      const stem = whole.slice(0, -1);
      if (!text.includes(whole) || stem.length < 2 || options.documentFrequency(whole) > 0 || options.documentFrequency(stem) === 0) return;
      out.push({ term: stem, weight: REPAIR_WEIGHT, origin: 'abbreviation', source: whole });
    });
    // A typo can break the cut itself (居注证丢了 → 居注 / 证丢, 提公击金 → 提公 / 击金): the longer strings of up
    // to 4 characters that hold a non-word whole are tried, longest first (居注证 → 居住证, 公击金 → 公积金).
    const sources = new Set<string>();
    for (const token of [...nonWords, ...soundSlips]) {
      const real = !nonWords.includes(token);
      const found = aroundNonWord(text, token, real);
      const window = found && { source: found.source, terms: found.terms.filter((w) => fits(w, found.source) && (!real || sameSound(w, found.source))) };
      if (!window || !window.terms.length || sources.has(window.source)) continue;
      sources.add(window.source);
      for (const term of window.terms) out.push({ term, weight: REPAIR_WEIGHT, origin: 'pinyin-repair', source: window.source });
    }
    // A repaired word a resident's synonym names (低包 → 低保 → 最低生活保障) is searched in the documents' words too.
    for (const repaired of out.filter((t) => t.origin === 'pinyin-repair')) {
      for (const [resident, official] of synonyms) {
        if (resident !== repaired.term) continue;
        for (const term of official) if (inCorpus(term) && !out.some((t) => t.term === term && t.source === repaired.source)) out.push({ term, weight: REPAIR_WEIGHT, origin: 'pinyin-repair', source: repaired.source });
      }
    }
    return out;
  }

  return neverThrows(expandUnsafe);
}
