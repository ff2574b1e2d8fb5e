// The default answerer, no model needed: quotes the sentences of the retrieved passages that answer
// the question, each with [n] pointing at its source, or abstains with the evidence it used.
//
// Abstention evidence, all explainable from the numbers it logs in `reasons`:
//  - coverage: share of the question's key terms (IDF-weighted) found in the best passage;
//  - unknown names: place names in the question (杭州市, Hangzhou) that no document mentions;
//  - support: the best sentence must itself carry some of the key terms.
import type { AnswerDraft, Answerer, AnswerInput, Chunk, Language, RetrievedPassage, WeightedTerm } from '../ports.js';
import type { ChineseTokenizer } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { readLines, rowText, type TableRow } from '../text/tables.js';
import { ITEM_NUMBER, normalizeText, startsField } from '../text/normalize.js';
import { placesSpelled, unknownEnglishPlaces } from '../lang/places.js';
import { isEverydayWord } from '../lang/everyday.js';
import { askerAge, askingClauses, askingClausesNamingThings, ASKS_YEAR, YES_NO_EN, AGE_GROUP_ORIGIN, HOW_STEP, OPEN_BENEFIT_ASK, OPEN_BENEFIT_ASK_EN, asksForFraud, asksForWriting, askingParts, choiceOptions, fixAskingTypos, KIND_EVIDENCE, MATERIALS_ASK, NOUN_TAG, ownCaseSpans, relativeYears, looksLikeInstruction, questionKind, stripCourtesy, type QuestionKind } from './question.js';
import { askedFigure, askedPeriodSpan, askedUnitSpan, clauseAfter, clauseBefore, englishFigureSpan, yearsDating, ASKS_DAY, ASKS_RULE_START, ASKS_WAIT, ASKS_DEADLINE, fieldBefore, figureFit, figureMentions, freeMentions, FREE_UNIT, GRADE, moneyItems, namesOtherMoney, pricedThing, pricesOtherThing, STATED_BOUND, EXTRA_STATED, type AskedFigure, type FigureMention } from './figures.js';
import { ENGLISH_FLOOR, ENGLISH_STREET_ADDRESS, leadLine, quoteWindow, statesEnglishPlace, tidy } from './lead.js';
import { logit, SCORER_WEIGHTS, sigmoid, type Features } from './scorer.js';
import { englishText } from '../lang/detect.js';
import { stemEnglish } from '../text/stem.js';
import { STOP_WORDS, wordForms } from '../lang/english/words.js';
import { ABSTENTION, type AbstentionRule } from './abstention.js';
import { FACET_HEADING, headsAskedFacet } from '../retrieve/asked-section.js';

export interface CorpusStats {
  tokenizer: ChineseTokenizer;
  /** Chunks containing the token. */
  documentFrequency(token: string): number;
  /** Chunks in the index. */
  size: number;
  /** Romanised spellings of the corpus's words (xinzhou, yuncheng), for English place names. */
  romanised: ReadonlySet<string>;
  /** A document's whole text (title and normalised chunks): where the question's place and year are looked for. */
  documentText(docId: string): string;
  /** Local place names the corpus's own dictionary holds (柳溪街道, 石桥社区), which jieba's stock dictionary lacks. */
  places?: readonly string[];
  /** The chunks just before and after one in its document (absent at its edges). */
  neighbours?(chunk: Chunk): { before?: Chunk; after?: Chunk };
  /** Everyday English words, stemmed (good, person, year): the English lexicon's `everyday`. */
  everydayEnglish?: ReadonlySet<string>;
}

export interface ExtractiveOptions {
  /** When the best passage answers, per language (calibrated by scripts/calibrate-abstention.ts). */
  rules: Record<Language, AbstentionRule>;
  maxSentences: number;
  passagesConsidered: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  rules: ABSTENTION.rules,
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
  /** Best fit of a figure in the sentence to the figure asked for (0 when none, or not a number/date question). */
  fit: number;
  /** The sentence normalised (what figures and terms are found in). */
  norm: string;
  /** The figure that best answers a number or date question (null otherwise). */
  figure: FigureMention | null;
  /** What the sentence model scored. */
  features: Features;
  /** A table row: its cells and its table's column names (the text is the row read with them). */
  row?: TableRow;
  /** A row of a table another row of which names more of what is asked: never quoted. */
  otherRow?: boolean;
  /** A table row naming more of what is asked than its sibling rows (the age band holding 80岁): the asked one. */
  askedRow?: boolean;
  /** The asked row singled out by the asker's own number (the band holding 80岁), not by words. */
  rowByNumber?: boolean;
  /** From a chunk next to the retrieved one (read as part of its passage). */
  neighbour?: boolean;
  /** The headings the sentence's chunk sits under (二、疫苗和费用 / …), as the chunker recorded them. */
  subhead?: string;
  /**
   * Under a heading the question names (1．游泳馆) beside siblings it does not: 'named', with the heading path;
   * under one of those siblings: 'other' (its otherRow is set as well).
   */
  item?: { side: 'named' | 'other'; heading: string };
}

const GENERIC_PLACE = /^(本|该|这个|那个|我们|你们|所在|哪个|什么|城|社|小|市|县|区|镇|乡|村|街道|城市|地区|社区|农村|乡村|全市|全县|全区|各区|各县|郊区|市区|城区)$/;

export function createExtractiveAnswerer(stats: () => CorpusStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): Answerer {
  return {
    async answer(input: AnswerInput): Promise<AnswerDraft> {
      return answerExtractively(input, stats(), options);
    },
  };
}

export function answerExtractively(typed: AnswerInput, stats: CorpusStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): AnswerDraft {
  // The asking words as meant (什么时后 → 什么时候): how the question asks decides what answers it.
  const input = { ...typed, question: fixAskingTypos(typed.question) };
  const analysis = analyseQuestion(input, stats, options);
  if ('decided' in analysis) return analysis.decided;
  const { language } = input;
  const { keyTerms, passages, sentences, reasons, question, kind, asked, facet, ageCase, namedMissing } = analysis;
  const best = sentences[0];
  const answerable = decideAnswerable(question, language, options);
  reasons.push(answerable.reason);
  if (!answerable.yes) {
    const bestPassage = passages[best ? best.passageIndex : analysis.bestIndex];
    // The documents name the topic but do not say what is asked (its price, hours, procedure): say exactly that.
    // (Not when what it names is not the thing asked about: a 社保卡 FAQ for 居住证 does not "mention the topic".)
    // (Nor where the passage it would quote names none of what is asked about beyond the place or year: "the documents
    // mention 临溪 but don't say a weather forecast", quoting a blood-donation notice, is the documents lacking the topic.)
    // (Nor a sentence that names nothing of the question: a leash fine is not what the documents say of 宠物保险.)
    if (best && question.unknown === 0 && !question.topicMissing && question.ctx !== 0 && (question.facetMissing || question.coverage >= 0.5)) {
      const quoted = analysis.facetQuote ?? best;
      const tokens = analysis.passageTokens[quoted.passageIndex];
      // (A quote that is nothing but a deferral — 2027年度的筛查安排另行通知 — says it is not given yet.)
      if (onlyDefers(quoted.norm)) return notGivenYet(input, reasons, quoted, passages[quoted.passageIndex]);
      if (facet && topicNamed(keyTerms.filter((k) => !k.scope), tokens, input.question).length) return facetMissing(input, reasons, facet, quoted, passages[quoted.passageIndex], topicNamed(keyTerms, tokens, input.question));
    }
    // What people of the asker's age get (72岁的人能享受的补贴) is what the documents lack, not a word of the question
    // (…whatever the best passage lacked: the eldercare article found by 老年人 says nothing of 补贴).
    const lacking = ageCase ?? namedMissing ?? ageCaseAsked(input.question);
    return abstain(input, reasons, bestPassage, lacking ? [lacking] : missingTerms(keyTerms, [...analysis.passageTokens[analysis.bestIndex]]));
  }
  // A place the question does not name (德国柏林 for 胜利纪念柱在哪里) is a location stated.
  const namesPlace = (s: ScoredSentence) => stats.tokenizer.placeNames(s.norm).some((n) => !input.question.includes(n));
  const ranked = asksForAgent(input.question) ? agentSentence(sentences, input.question, stats) : leadSentence(sentences, asked, kind, namesPlace, (a, b) => sameArticleOf(passages[a.passageIndex], passages[b.passageIndex]), !!facet?.evidence);
  // Which tier, grade, class, batch or round (政府帮交哪一档, 第几批): the on-topic sentence that states one (按第一档
  // 标准为其代缴) leads, when the top one states none. (Measured: county calib fact in 80 +1; nothing else moved.)
  const tier = ASKS_TIER.exec(input.question)?.[1];
  const tierStated = tier ? new RegExp(`第?[一二三四五六七八九十\\d]+${tier}`) : null;
  const statesTier = (s: ScoredSentence) => !!tierStated && tierStated.test(s.norm);
  // (Each such rule: where it applies and the lead does not state what it asks, the first sentence about as much on
  // the topic that does leads instead.)
  const ledBy = (lead: ScoredSentence, applies: boolean, states: (s: ScoredSentence) => boolean) =>
    applies && !states(lead) ? (sentences.find((s) => states(s) && s.coverage >= ON_TOPIC_SHARE * lead.coverage && !FURNITURE.test(s.text)) ?? lead) : lead;
  const tiered = ledBy(ranked, !!tierStated, statesTier);
  // An amount on top asked (能多补多少, 额外给多少): the on-topic sentence whose figure is stated as added (在上述标准
  // 基础上每户再增加5000元) leads, when the top one states the base.
  const statesExtra = (s: ScoredSentence) => !!s.figure && s.fit >= MIN_FIGURE_FIT && EXTRA_STATED.test(clauseBefore(s.norm, s.figure.start, BOUND_WINDOW));
  const added = ledBy(tiered, !!asked?.extra, statesExtra);
  // The most asked (最多能给到多少) where the top sentence states the usual case (一般按照月低保标准的3倍以内): the
  // sentence of the same document stating a higher cap in the same unit (情况特别严重的，最高不超过月低保标准的12倍) leads.
  const usualCase = (s: ScoredSentence) => !!s.figure && USUAL_CASE.test(clauseBefore(s.norm, s.figure.start, BOUND_WINDOW));
  const higherCap = (s: ScoredSentence, than: ScoredSentence) =>
    !!s.figure && !!than.figure && s.fit >= MIN_FIGURE_FIT && s.figure.unit !== '' && s.figure.unit === than.figure.unit && amountOf(s.figure) > amountOf(than.figure) && STATED_BOUND.max.test(clauseBefore(s.norm, s.figure.start, BOUND_WINDOW)) && !usualCase(s) && passages[s.passageIndex].chunk.docId === passages[than.passageIndex].chunk.docId;
  const lead0 = asked?.bound === 'max' && usualCase(added) ? (sentences.find((s) => higherCap(s, added) && !FURNITURE.test(s.text)) ?? added) : added;
  // Whether someone of the asker's stated age qualifies (我妈78了 能领高龄津贴不): the on-topic sentence that states
  // an age limit (年满80周岁) answers, when the top one states none.
  const statesAge = (s: ScoredSentence) => AGE_LIMIT.test(s.norm);
  // (So is when they may claim it, 我妈今年58了啥时候能领: at the age the rule states.)
  const whenEligible = asked?.measure === 'date' && /(能|可以)(领|拿|享受|申请|办)|\bcan (i|he|she|they|we) (get|claim|receive|apply)\b/i.test(input.question);
  const asksOwnAge = (!asked || whenEligible) && ownCaseSpans(input.question).some((span) => /\d\s*(周岁|岁|了)|\b(is|am|i'?m|aged?)\s+\d|\d\s*-?\s*years?[- ]old/i.test(span));
  const opening = ledBy(lead0, asksOwnAge, statesAge);
  // The sentence the reply would open with only says that what it is about comes later (2027年度的筛查安排另行通知,
  // 各县（区）的承保机构名单另行公布, "the list of claim points is to be announced"): the documents do not give it yet —
  // say so, quoting it, rather than offer it as the answer.
  if (onlyDefers(opening.norm)) {
    reasons.push(`the sentence it would open with only defers what it is about: ${opening.text.slice(0, 60)}`);
    return notGivenYet(input, reasons, opening, passages[opening.passageIndex]);
  }
  // The place asked (蒿坪县 of 今年春节蒿坪县的公共停车场免费吗) is one the answering document defers (蒿坪县春节期间停车安排由
  // 蒿坪县人民政府另行公布) while the sentence it would open with does not name it: what it says is the other places'
  // rule, and for the place asked the documents do not give it yet.
  const placeDeferral = deferredForPlace(input.question, opening, sentences, passages, keyTerms, stats);
  if (placeDeferral) {
    reasons.push(`the document defers what it says for the place asked: ${placeDeferral.text.slice(0, 60)}`);
    return notGivenYet(input, reasons, placeDeferral, passages[placeDeferral.passageIndex]);
  }
  // An English question that reached a Chinese document through the dictionary alone (no glossary phrase, place name
  // or English word of its own in the best passage) is answered only by a sentence stating two of its concepts, or
  // one and the figure asked: CC-CEDICT's many glosses make one shared word likely anywhere ("how can I lose weight
  // fast" → 毛重, a container's gross mass; "the capital of Australia" → a football club's 澳洲).
  const concepts = language === 'en' && question.anchored === 0 && !englishText(opening.text) ? questionConcepts(keyTerms) : null;
  if (concepts && concepts.size >= 2 && conceptsStated(opening, keyTerms, concepts, asked) < 2) {
    reasons.push(`the sentence it would quote states fewer than two of the question's concepts, reached through the dictionary alone: ${opening.text.slice(0, 60)}`);
    return abstain(input, reasons, passages[opening.passageIndex], missingTerms(keyTerms, [...analysis.passageTokens[opening.passageIndex]]));
  }
  reasons.push(`answered from passage ${opening.passageRank} (${kind} question)`);

  const chosen = [opening];
  const openingP = sigmoid(opening.score);
  for (const s of sentences) {
    if (s === opening) continue;
    if (chosen.length >= options.maxSentences) break;
    if (sigmoid(s.score) < openingP * 0.5 || s.coverage === 0 || s.otherRow || (s.features.heading && s.features.novelty < 0.5)) continue;
    if (chosen.some((c) => oneContainsOther(c.text, s.text))) continue;
    chosen.push(s);
  }
  // A sentence that only introduces what follows ("…如下：") needs the next one.
  if (/[：:]$/.test(opening.text.trim()) && chosen.length < options.maxSentences) {
    const next = sentences.find((s) => s.passageIndex === opening.passageIndex && s.order === opening.order + 1);
    if (next && !chosen.includes(next)) chosen.splice(1, 0, next);
  }

  const termList = keyTerms.map((k) => k.term);
  // A sentence that introduces a list (申请人应当提交以下材料：（一）…, 有下列情形之一的：) answers with the whole
  // list: the materials, conditions or steps asked for are its items, which the document gives one by one.
  // (A list that makes up a section, under a heading the question names as well as the opening's words —
  // 四、报名材料 then （一）…（二）… — is that list: the heading introduces it.)
  // (Not where the opening was chosen for the asker's age or the tier asked: 75岁能领高龄津贴吗 is answered by
  // 年满80周岁, not by the guide's 申请材料 list. Nor another document's list: the 高龄津贴 guide's 申请材料 are
  // not what to bring to register for primary school.)
  // (Asked what to bring, and the opening names papers: the list is the one of papers — the opening's own, when it is
  // its first item under 四、报名材料 — not the 招生对象 list beside it, which names more of the question.)
  const papers = MATERIALS_ASK.test(input.question) && MATERIALS_STATED.test(opening.norm);
  const alone = opening === analysis.sideLed;
  // (The heading names a word of the question or the facet it asks: 三、所需材料 is no answer to whether an ID card
  // renewed at 47 must be renewed again, though it covers the question as little as 46周岁以上的，长期有效 does.)
  // (Or the opening is an item of the list: （二） of 二、优惠政策's items, the list answers whole.)
  const headingAsked = (heading: string) => headsAskedFacet(input.question, heading) || keyTerms.some((k) => !k.scope && !k.piece && k.term.length >= 2 && heading.includes(k.term));
  const listed = (s: ScoredSentence) => {
    const items = listItems(s, sentences, true);
    return items.length >= 1 && (s === opening || items.includes(opening) || headingAsked(passages[s.passageIndex].chunk.subhead!));
  };
  const first = asked || alone || opening !== ranked ? undefined : sentences.find((s) => (s !== opening || papers) && !s.neighbour && s.order === 0 && sameArticleOf(passages[s.passageIndex], passages[opening.passageIndex]) && ENUMERATED.test(s.text) && !!passages[s.passageIndex].chunk.subhead && s.coverage >= opening.coverage && (!papers || MATERIALS_STATED.test(s.norm)) && listed(s));
  const intro = first ? { text: `${passages[first.passageIndex].chunk.subhead!.replace(/[：:]\s*$/, '')}：`, passageRank: first.passageRank } : opening;
  const items = asked || alone ? [] : first ? [first, ...listItems(first, sentences, true)] : listItems(opening, sentences);
  if (items.length) {
    reasons.push(`the answer is a list of ${items.length + 1} items`);
    const list = tidy([intro.text, ...items.map((s) => s.text)].join(''));
    const others = chosen.filter((s) => s !== opening && !items.includes(s)).slice(0, 1);
    const lead = language === 'en' ? `“${list}”` : list;
    const text = language === 'en' ? englishAnswer(lead, intro.passageRank, others, passages, true, termList) : chineseAnswer(lead, intro.passageRank, others);
    return { text, abstained: false, citations: [...new Set([intro.passageRank, ...others.map((s) => s.passageRank)])], generator: 'extractive', reasons, confidence: Math.round(question.coverage * 1000) / 1000 };
  }
  // What a who/what question asks of its subject (会长 of 香港体育记者协会的会长是谁) leads, from the clause that
  // states it, where the sentence is too long to lead whole.
  const attribute = language === 'zh' && !asked && (kind === 'who' || kind === 'what') ? attributeTerms(input.question, termList, stats) : [];
  const { line: lead, clause } = leadLine(opening.text, language, opening.figure, termList, opening.row, kind, facet?.evidence, attribute);
  // The opening sentence is quoted unless the lead already says all of it.
  const quotes = (sameText(clause, opening.norm) ? chosen.slice(1) : chosen).slice(0, MAX_QUOTES);
  const citations = [...new Set([opening, ...quotes].map((s) => s.passageRank))];
  // Quotes from English documents need no note that the documents are Chinese.
  const fromChinese = [opening, ...quotes].some((s) => /\p{Script=Han}/u.test(s.text));
  const text = language === 'en' ? englishAnswer(lead, opening.passageRank, quotes, passages, fromChinese, termList) : chineseAnswer(lead, opening.passageRank, quotes);
  // The best passage's share of the question's key terms: the score the answer rests on.
  return { text, abstained: false, citations, generator: 'extractive', reasons, confidence: Math.round(question.coverage * 1000) / 1000 };
}

/** The question's concepts a sentence must state: its groups of key terms, less places, years, periods and things no document has. */
function questionConcepts(keyTerms: KeyTerm[]): Set<string> {
  return new Set(keyTerms.filter((k) => !k.scope && !k.period && !k.unknown).map((k) => k.group));
}

/** How many of the question's concepts a sentence states in Chinese words, counting the figure asked, where it states one, as one. */
function conceptsStated(sentence: ScoredSentence, keyTerms: KeyTerm[], concepts: ReadonlySet<string>, asked: AskedFigure | null): number {
  const stated = new Set(keyTerms.filter((k) => concepts.has(k.group) && /\p{Script=Han}/u.test(k.term) && sentence.norm.includes(k.term)).map((k) => k.group));
  return stated.size + (asked && sentence.fit >= MIN_FIGURE_FIT ? 1 : 0);
}

/**
 * What a wh-question asks of its subject: the question's terms among the words right before the asking word,
 * after the last 的 (会长 of 香港体育记者协会的会长是谁) or its last four characters (产于 of 美味牛肝菌在中国主要
 * 产于哪些地方), leaving out words too common to single out a clause.
 */
const WH_WORD = /(是谁|是什么|是哪|有哪些|有什么|叫什么|叫做什么|为什么|什么|哪些|哪个|哪里|哪儿|哪一|哪年|何时|何地|多少|几)/;
/** Above this count in jieba's dictionary a word is everywhere (活动 27526, 主要 57991, 时间 33288); 会长 1625, 意思 6089 are not. */
const ATTRIBUTE_MAX_USAGE = 10000;
function attributeTerms(question: string, terms: string[], stats: CorpusStats): string[] {
  const norm = normalizeText(question);
  const m = WH_WORD.exec(norm);
  if (!m) return [];
  const clause = norm.slice(0, m.index).split(/[，,。；;？?！!\s]/).pop() ?? '';
  const afterOf = clause.includes('的') ? clause.slice(clause.lastIndexOf('的') + 1) : clause.slice(-4);
  const tokens = new Set(stats.tokenizer.tokens(afterOf));
  return terms.filter((t) => t.length >= 2 && tokens.has(t) && stats.tokenizer.generalFrequency(t) <= ATTRIBUTE_MAX_USAGE);
}

// A list's items: （一）, (2), 1. or 1、, ①, 第一项/第一步 at the start; and a sentence that introduces them: a colon at
// its end, or before its first item (…提交以下材料：（一）居民身份证).
const ENUMERATED = /^\s*(?:第[一二三四五六七八九十]+[项步]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、)）](?!\d)|[①-⑳])/;
const LIST_INTRO = /[：:]\s*$|[：:]\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、](?!\d)|[①-⑳])/;
/** Longest list an answer gives whole, in items after the opening and in characters. */
const LIST_MAX_ITEMS = 8;
const LIST_MAX_CHARS = 360;

/** The items that follow a sentence introducing a list (or, `item`, the list's first item), in the document's order (none if it introduces none). */
function listItems(opening: ScoredSentence, sentences: ScoredSentence[], item = false): ScoredSentence[] {
  if (opening.row || (!item && !LIST_INTRO.test(opening.text))) return [];
  const out: ScoredSentence[] = [];
  let length = opening.text.length;
  for (let order = opening.order + 1; out.length < LIST_MAX_ITEMS; order++) {
    const s = sentences.find((x) => x.passageIndex === opening.passageIndex && x.order === order);
    if (!s || s.row || !ENUMERATED.test(s.text) || length + s.text.length > LIST_MAX_CHARS) break;
    out.push(s);
    length += s.text.length;
  }
  return out;
}

/**
 * The sentence the answer opens with: the top-ranked one, unless a figure or date was asked and its
 * figure is of another kind (7188名 or 30个 for 几家店, or there is none) while an on-topic sentence
 * states one of the asked kind with its unit (15家) — the answer exists because of that sentence. Notice
 * furniture stays out of it, and other places' figures come last, as in the ranking. A "where" question
 * opens, in the same way, with the on-topic sentence stating a location when the top one states none.
 */
function leadSentence(sentences: ScoredSentence[], asked: AskedFigure | null, kind: QuestionKind, namesPlace: (s: ScoredSentence) => boolean, sameArticle: (a: ScoredSentence, b: ScoredSentence) => boolean = () => false, facetAsked = false): ScoredSentence {
  const top = sentences[0];
  const onTopic = (s: ScoredSentence) => s.coverage >= ON_TOPIC_SHARE * top.coverage && !FURNITURE.test(s.text);
  // "Where": a sentence that states a location (康宁路16号, 在万达广场举行, 16 Riverside Road) over one that
  // states none (it names only the place asked about, or an office without its address).
  // (A sentence of the top one's own article states where the thing it is about takes place, however few of the
  // question's words it repeats — 招聘会将在万达广场举行 under the 平城区 job fair's article — before another
  // article's: 在我市中心城区理想创业大厦北侧举办 is another city's job fair.)
  // (An English location is also a floor or a named building — "on the 3rd floor", "at the Liu'an Community Health
  // Centre" —, as 3楼 is: the top sentence stating one is not passed over for another's street address.)
  if (kind === 'where') {
    const located = (s: ScoredSentence) => ADDRESS.test(s.text) || statesEnglishPlace(s.text);
    if (located(top) || namesPlace(top)) return top;
    // (An English page's sentence stating no location — "This page explains your rights when you … need to complain" —
    // gives way to the notice beside it that states the address, however few of the question's words it repeats in
    // translation: 也可以到市消保委投诉接待室（桑埠大道199号一楼）当面投诉.)
    const englishTop = englishText(top.text);
    const notice = (s: ScoredSentence) => englishTop && !englishText(s.text) && s.coverage >= 0.25 * top.coverage;
    return sentences.find((s) => located(s) && s.coverage > 0 && sameArticle(s, top)) ?? sentences.find((s) => located(s) && (onTopic(s) || notice(s))) ?? top;
  }
  if (!asked) return top;
  // (A month without its day — 继9月、10月两期消费券之后 — does not say which day: 几号开抢 is answered by the on-topic
  // sentence that states a day, 2026年12月12日10:00起, when one does.)
  const dayless = (s: ScoredSentence) => !!asked.day && !!s.figure && s.figure.measure === 'date' && figureFit(s.figure, asked) < STRONG_FIT;
  // (Nor does a bare year — 2026年度 of 2026年度在岛居住累计6个月以上, the scope of the rule — say when, unless which year is
  // asked: 啥时候打到卡上 is answered by 于2026年12月25日前打入, a sentence of its article that states the day.)
  const yearOnly = (s: ScoredSentence) => asked.measure === 'date' && !asked.whichYear && !!s.figure && s.figure.measure === 'date' && YEAR_ONLY.test(s.figure.text);
  // (A date asked, read in its sentence: the time it takes answers "when can I get it" — ready in about 15 working
  // days. Not a figure asked, where a wait read so outranks what the asker must have paid for, 缴存满3个月.)
  const strong = (s: ScoredSentence) => !!s.figure && !yearOnly(s) && (figureFit(s.figure, asked, asked.measure === 'date' ? s.norm : undefined) >= STRONG_FIT || (asked.measure === 'date' && s.figure.measure === 'date' && !dayless(s)));
  // A bare number or a year in the top sentence may be the answer in a unit the tables do not know, and
  // an amount may be stated as a rate (按基本热费的25%缴纳): the top sentence stays.
  // (The one year asked — 明年, "for 2027" —: a sentence of the top one's article whose figure its clause dates that
  // year — 2027年度…个人缴费标准为每人每年400元, "For cover in 2027, each person pays 400 yuan" — before a figure dated by
  // nothing: a table row's 资助金额, "The government adds at least 700 yuan per person".)
  const yearNamed = (s: ScoredSentence) => asked.year !== undefined && !!s.figure && s.figure.measure !== 'date' && yearsDating(s.norm, s.figure).includes(asked.year);
  if (asked.year !== undefined && asked.measure !== 'date' && top.figure && !yearNamed(top)) {
    // (As much on the topic as the top one: 2026年，城市特困人员… dates the city's figure, not the 农村 one asked.)
    const dated = sentences.find((s) => s !== top && strong(s) && yearNamed(s) && sameArticle(s, top) && s.coverage >= top.coverage - 1e-9);
    if (dated) return dated;
  }
  if (strong(top) || (top.figure && !dayless(top) && !yearOnly(top) && (!top.figure.unit || top.figure.measure === 'date'))) return top;
  if (yearOnly(top)) return sentences.find((s) => strong(s) && onTopic(s) && sameArticle(s, top)) ?? top;
  if (asked.measure === 'money' && figureMentions(top.norm).some((m) => m.measure === 'percent')) return top;
  // (One of the top sentence's own article first — its ready in about 15 working days, not another page's 临时挂失有效期为5天.)
  // (Where the top one states no figure of the asked kind at all — 我市自2026年4月1日起调整…减免政策 for 最多能减多少 —, one of
  // its article that does, however few of the question's words it repeats: 以上四项合计，每例最高减免1400元.)
  // (Not a table row — a name list's row states its figure bare —, a count, or a facet with its own evidence: 电话多少
  // asks a phone, which no figure of an amount gives.)
  // (No figure of the asked measure at all: a fitting-poorly one — 每户补助1.5万元 for a per-household amount — is still the topic's.)
  const figureless = top.fit < MIN_FIGURE_FIT && !top.row && asked.measure !== null && asked.measure !== 'count' && !facetAsked && !figureMentions(top.norm).some((m) => m.measure === asked.measure);
  return sentences.find((s) => strong(s) && (onTopic(s) || (figureless && s.coverage > 0)) && sameArticle(s, top)) ?? sentences.find((s) => strong(s) && onTopic(s)) ?? top;
}

/** A date that is a year alone (2026年, 2026年度, 2026). */
const YEAR_ONLY = /^\s*(?:19|20)\d{2}\s*(?:年度?)?\s*$/;

// "哪个单位改造的", "which department runs it": an organisation asked for (a person, 谁, is left to the ranking:
// names of people are too varied to recognise).
const AGENT_ZH = /(哪个|哪家|什么|哪些)(单位|部门|机构|公司|企业|组织)/;
const AGENT_EN = /\bwhich (organi[sz]ation|department|agency|company|office|unit|authority|bureau)\b/i;

function asksForAgent(question: string): boolean {
  return AGENT_ZH.test(question) || AGENT_EN.test(question);
}

// Names of organisations by their head word (稷山县住房和城乡建设局, 环卫四公司, 云泉里社区党委).
const ORGANISATION = /[\u4e00-\u9fff]{2,}(局|委员会|公司|集团|实业|中心|医院|协会|联合会|办公室|政府|办事处|居委会|村委会|党委|党支部|银行|学校|大学|研究院|研究所|大队|支队|站|厂|社|会|部|所|院|团|队|帮|堂|署|厅|处|科|馆)(?![\u4e00-\u9fff]{0,1}(长|员))/g;

/**
 * For a question asking which organisation did something: the top sentence when it names one the question
 * does not, else the best-ranked on-topic sentence that does (the doer named beside the deed).
 */
function agentSentence(sentences: ScoredSentence[], question: string, stats: CorpusStats): ScoredSentence {
  const top = sentences[0];
  // An organisation's name, a name the dictionary tags as one, or a Latin-script name (AcaciaSoft) the question lacks.
  const namesDoer = (s: ScoredSentence) =>
    [...s.norm.matchAll(ORGANISATION)].some((m) => !question.includes(m[0])) ||
    stats.tokenizer.tokens(s.norm).some((t) => t.length >= 2 && !question.includes(t) && /^(nr|nt)$/.test(stats.tokenizer.generalTag(t))) ||
    (s.text.match(/\b[A-Z][A-Za-z]+/g) ?? []).some((w) => !question.includes(w));
  if (namesDoer(top)) return top;
  return sentences.find((s) => namesDoer(s) && s.coverage >= ON_TOPIC_SHARE * top.coverage && !FURNITURE.test(s.text)) ?? top;
}

// A stated location: a street address with its number, a floor or room, "位于/坐落/原产于…", "在…广场/大厦/中心/酒店/图书馆举行",
// or an English street address.
const ADDRESS = /[\u4e00-\u9fff]{1,10}(路|街|大街|大道|巷|胡同|道)\s*\d+\s*号|\d+\s*(号楼|楼|层|室)(?![\u4e00-\u9fff]*(以上|以下))|位于|坐落|地处|产于|分布于|栖息于|地址\s*[:：]|在[\u4e00-\u9fff]{2,14}(广场|大厦|中心|大楼|会堂|体育馆|公园|礼堂|大厅|服务站|会议室|酒店|宾馆|饭店|剧院|图书馆|博物馆|纪念馆|文化馆|美术馆|展览馆|体育场|商场|学校|医院)[^。；;]{0,8}?(举行|举办|召开|开展|办理)|\b\d+\s+[A-Z][a-z]+\s+(Road|Street|Avenue|Lane|Rd|St)\b/;

/**
 * The two sides of distinctions policies draw, each the other's sibling: a figure stated for one is not the
 * other's (城市低保 and 农村低保, 职工医保 and 居民医保, 首套 and 二套 housing).
 */
const CONTRAST_PAIRS: [string, string][] = [
  ['农村', '城市'],
  ['农村', '城镇'],
  ['职工', '居民'],
  ['一般困难', '特别困难'],
  ['首套', '二套'],
  ['本市户籍', '外地户籍'],
  ['全日托', '半日托'],
  ['住院', '门诊'],
  ['集中供养', '分散供养'],
  ['男性', '女性'],
  ['在职', '退休'],
];
const CONTRASTS: [string, string][] = CONTRAST_PAIRS.flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][]);
/**
 * Sides that only order the sentences, never make a passage the other side's: a rule for 本市户籍 is often the
 * answer to whether someone registered elsewhere qualifies (no), while the item for 非本市户籍 answers first.
 */
const LEAD_CONTRASTS: [string, string][] = [
  ['非本市户籍', '本市户籍'],
  ['本市户籍', '非本市户籍'],
  // The asker's family member (我妈住院要用血) is the side a rule names by 配偶、父母、子女 or 亲属, not the 本人 one
  // (献血者本人…免费使用献血量5倍的血液 is the donor's own entitlement).
  ['亲属', '本人'],
];
/** How residents put a side of a distinction (外地户口 for 非本市户籍). */
const CONTRAST_ALIASES: [RegExp, string][] = [
  [/外地户口|外地户籍|外省户口|外地人|户口不在本地|户口不在这/g, '非本市户籍'],
  [/本地户口|本市户口|本地户籍|本地人/g, '本市户籍'],
  [/(?<![自己本])(?:我|俺)(?:妈|爸|父母|爹|娘|老婆|老公|媳妇|爱人|孩子|儿子|女儿|闺女|家属|家里人)/g, '亲属'],
];
/** How a rule names a side (配偶、父母、子女 for 亲属): read so only where the sentences are ordered by side. */
const SENTENCE_SIDE_ALIASES: [RegExp, string][] = [[/配偶|父母|子女|家属|家庭成员|近亲属|直系亲属/g, '亲属']];
const sideText = (norm: string) => SENTENCE_SIDE_ALIASES.reduce((text, [re, side]) => text.replace(re, side), norm);
/** Moves `lead` (when there is one) to the front of `sentences`, the rest in their order. */
function leadWith(sentences: ScoredSentence[], lead: ScoredSentence | undefined): void {
  if (!lead) return;
  sentences.splice(sentences.indexOf(lead), 1);
  sentences.unshift(lead);
}

/** A side named in the text for itself, not inside its negation (本市户籍 of 非本市户籍 is the other side). */
function namesSide(text: string, side: string): boolean {
  return text.split(`非${side}`).join('').includes(side);
}

/** An age limit stated (年满80周岁, 60岁以上, 80至89周岁, "aged 60 or over"). */
const AGE_LIMIT = /\d+\s*(?:周岁|岁)|\baged?\s+\d+|\b\d+\s+(?:years? old|or (?:over|older))/i;

/** Share of the topic's weight at which another word of the question is as much its topic. */
const TOPIC_TIE = 0.95;

/** A figure of the asked measure with its unit (0.8) or the asked count word (1), not a bare number (0.5). */
const STRONG_FIT = 0.8;
/** A numbered line, route, building or gate (7号线, 12路, K3路, 3号楼, 2号门): one of its kind, told by its number. */
const NUMBERED_THING = /(?<![\d.])[A-Za-z]?\d{1,4}(?:号线|路(?![费口上边线])|号楼|栋|号院|号门|号口)/g;
/** Words that state a figure as the usual case, not the most (一般按照…3倍以内, 原则上, generally). */
const USUAL_CASE = /一般|原则上|通常|\b(?:generally|normally|usually)\b/i;
/** Share of the top sentence's key-term coverage that keeps a sentence on the topic (as the figure check counts it). */
const ON_TOPIC_SHARE = 0.5;

/**
 * Answer or abstain: the best passage must cover enough of the question's key terms (minCoverage, per
 * language), the question's most specific word must not be one no document uses, and a figure or date
 * question needs an on-topic sentence stating one. (A learned model for this decision was tried and did
 * not beat the rule out of fold on the available data: see scripts/train-answer-scorer.ts.)
 */
function decideAnswerable(question: Features, language: Language, options: ExtractiveOptions): { yes: boolean; reason: string } {
  const rule = options.rules[language];
  const yes = answerableBy(question, rule);
  const shown = Object.entries(question).map(([k, v]) => `${k} ${round2(v)}`).join(', ');
  return { yes, reason: `${yes ? 'answerable' : 'not answerable'}: coverage needed ${rule.minCoverage} (${shown})` };
}

/** The rule itself, on a question's features (scripts/calibrate-abstention.ts sweeps its threshold). */
export function answerableBy(question: Features, rule: AbstentionRule): boolean {
  if (question.topicMissing || question.figureMissing || question.facetMissing) return false;
  // The sentence that would be quoted first names nothing the question names, by itself or with its title and
  // headings (宠物保险一年要交多少钱 led by a leash fine's 50元, 文旅消费券 by a theatre ticket's 60元): a figure of the
  // asked kind in a passage on a neighbouring topic is no answer.
  if (question.ctx === 0) return false;
  // An English page answers an English question only by a reliable route: the words both use may be everyday
  // ones ("who is the richest person" and "each person can register 5 numbers"). (A Chinese page is reached by
  // translations, as reliable as the abstention rule's calibration says: requireAnchor.)
  if ((rule.requireAnchor || question.englishPage === 1) && question.anchored === 0) return false;
  // The place names apart, the passage must still match a fair part of what is asked (太原 alone does not
  // answer 明天太原天气咋样): half the coverage asked of the whole question.
  return question.coverage >= rule.minCoverage && (question.content ?? question.coverage) >= rule.minCoverage / 2;
}

/** Everything the answerer weighs for one question: a hard decision, or the features of the question and its candidate sentences. */
export type QuestionAnalysis =
  | { decided: AnswerDraft }
  | {
      keyTerms: KeyTerm[];
      passages: RetrievedPassage[];
      passageTokens: Set<string>[];
      coverages: number[];
      bestIndex: number;
      kind: QuestionKind;
      asked: AskedFigure | null;
      /** The facet asked (opening hours, a phone number, the amount…), if any. */
      facet: Facet | null;
      /** What people of the asker's stated age get (72岁的人能享受的补贴), when no passage names their age group. */
      ageCase: string | null;
      /** A numbered line, route or building (7号线), or the name the question opens with (李昆的…), that the best passage's section does not hold. */
      namedMissing: string | null;
      /** Best first (by the sentence model). */
      sentences: ScoredSentence[];
      /** The facet asked is given nowhere: the best sentence of a passage naming what it is asked of, to quote instead. */
      facetQuote?: ScoredSentence;
      /** The top sentence names the side of a distinction the question is on (非本市户籍 for 外地户口): it answers alone, not as an item of its list. */
      sideLed?: ScoredSentence;
      /** Features of the answerable model. */
      question: Features;
      reasons: string[];
    };

export function analyseQuestion(typed: AnswerInput, stats: CorpusStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): QuestionAnalysis {
  const input = { ...typed, question: fixAskingTypos(typed.question) };
  const { question, language } = input;
  let passages = input.retrieval.passages.slice(0, options.passagesConsidered);
  const reasons: string[] = [];
  // Names of places the question is scoped to (stock and the corpus's own), found once per question.
  const places = questionPlaces(question, language, stats);
  const norm = normalizeText(question);
  // An everyday word that opens a phrase the retrieved passages use (特别 of 特别困难的, 一般 of 一般困难: the
  // categories a policy sets apart) is part of what is asked, not the asker's manner of speaking.
  const categories = language === 'zh' ? categoryWords(norm, passages, stats) : [];
  const terms = categories.length ? [...input.retrieval.terms, ...categories.map((term) => ({ term, weight: 1, origin: 'question' }))] : input.retrieval.terms;
  const keyTerms = keyTermWeights(terms, language, stats, norm, places, new Set(categories), () => passages.map((p) => normalizeText(p.chunk.text)), () => passages.map(passageText));

  // (Whatever was found: no document writes it.)
  if (asksForWriting(question)) {
    reasons.push('the question asks for something to be written or planned, which no document states');
    return { decided: declineWriting(input, reasons) };
  }
  if (!passages.length || !keyTerms.length) {
    reasons.push(passages.length ? 'no searchable terms in the question' : 'no passage matched');
    return { decided: abstain(input, reasons, null, missingTerms(keyTerms, [])) };
  }

  if (asksForFraud(question)) {
    reasons.push('the question asks for help deceiving a public service');
    return { decided: refuse(input, reasons) };
  }

  // Names of places the documents never mention: the right topic in another city is still no answer.
  const unknownPlaces = unknownPlaceNames(question, language, places, stats, input.retrieval.terms);
  if (unknownPlaces.length) {
    reasons.push(`the question names ${unknownPlaces.join(', ')}, which no document mentions`);
    return { decided: abstain(input, reasons, passages[0], unknownPlaces) };
  }

  // A work or document the question names by its title (《…》) that no retrieved document contains is not
  // in the collection: its namesake's facts are no answer.
  const texts = new Map<string, string>();
  const documentOf = (p: RetrievedPassage) => {
    let text = texts.get(p.chunk.docId);
    if (text === undefined) texts.set(p.chunk.docId, (text = stats.documentText(p.chunk.docId) || passageText(p)));
    return text;
  };
  const titles = [...norm.matchAll(/《([^《》]{2,60})》/g)].map((m) => m[1].trim());
  const missingTitles = titles.filter((t) => !passages.some((p) => documentOf(p).includes(t)));
  if (missingTitles.length) {
    reasons.push(`no retrieved document contains 《${missingTitles.join('》《')}》`);
    return { decided: abstain(input, reasons, passages[0], missingTitles.map((t) => `《${t}》`)) };
  }

  // Scope: a question about a place or a year is answered only from documents that name it — the same
  // allowance in another district, or last year's standard, is not the answer (near-duplicates differ so).
  // A place is looked for in the whole document (its header names the district); a year in the passage
  // and its titles, as documents name other years too (a 2027 standard issued in 2026).
  const scope = [...questionScope(question, language, places), ...(language === 'en' ? englishPlaceScope(question, input.retrieval.terms, stats) : [])];
  // A year named relative to now other than this one (去年的标准, 前年, "next year's premium") is a year asked
  // for, as 2025年 is: a document that never names it (this year's standard, a guide with no year) does not
  // give that year's figure. This year (今年) is what an undated document states.
  const now = input.now ?? Date.now();
  const explicitYears = scope.some((alternatives) => alternatives.some((a) => YEAR.test(a)));
  const thisYear = new Date(now).getFullYear();
  // (Only in the clauses that ask: 我儿子明年高考，身份证加急几天能拿到 asks nothing of next year.)
  // (An English question's clauses that tell no story of the asker's — "e-bike trade-in next year, how much is the
  // subsidy?" names what is asked before it asks — ask too: a clause opening with its teller or saying what happens,
  // "my son is starting school next year", "leaving china for good next year", tells one.)
  const askingText =
    language === 'en'
      ? question.split(/(?<=[,;.!?])\s*/).filter((c) => ENGLISH_ASKING_CLAUSE.test(c) || !ENGLISH_STORY_CLAUSE.test(c)).join(' ')
      : (askingClauses(question.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})|(?<=[a-z])\.\s+/giu, '，')) ?? [question]).join('，');
  // (Nor where the asking clause names this year too: 去年没交的…今年能补吗 asks what holds now of last year's
  // arrears, which this year's notice states.)
  const askedYears = relativeYears(askingText, now);
  if (!explicitYears && !askedYears.includes(thisYear)) for (const y of askedYears) if (y !== thisYear) scope.push([String(y)]);
  if (scope.length) {
    // (…or its document's opening says the document is of that year — 2027年度, 自2027年1月1日起 —: the table of 2150元 under
    // 本市最低工资标准自2027年1月1日起调整, signed in 2026. Not a date there, as a window opening the year before.)
    const yearOfDocument = (p: RetrievedPassage, year: string) => new RegExp(`${year}\\s*年度|自\\s*${year}\\s*年[^，,。；;]{0,8}起`).test(documentOf(p).slice(0, DOCUMENT_OPENING));
    const names = (p: RetrievedPassage, alternatives: string[]) => alternatives.some((a) => (YEAR.test(a) ? passageText(p).includes(a) || yearOfDocument(p, a) : documentOf(p).toLowerCase().includes(a)));
    const inScope = passages.filter((p) => scope.every((alternatives) => names(p, alternatives)));
    if (!inScope.length) {
      reasons.push(`no retrieved document names ${scope.map((a) => a[0]).join(', ')}`);
      // (Named with what is asked of it — the documents may name 南湖区 elsewhere, just not its 高龄津贴 — and only
      // what no retrieved document names: 2024 of 2024年岚山的高龄津贴, not 岚山.)
      const unnamed = scope.filter((alternatives) => !passages.some((p) => names(p, alternatives)));
      const askedOfIt = missingTerms(keyTerms.filter((k) => !k.scope && !k.story && k.group.length >= 2 && !YEAR_TOKEN.test(k.group) && !APPLYING_WORD.test(k.group) && !FACET_WORDS.test(k.group)), []).slice(0, 2);
      return { decided: abstain(input, reasons, passages[0], [...(unnamed.length ? unnamed : scope).map((a) => a[0]), ...askedOfIt]) };
    }
    passages = inScope;
  }
  // A part of the year asked (第三季度, 下半年, 秋季学期): a document that names only other parts of the year (the
  // 2026年第二季度 price list) is of those, not of the part asked. (One naming none — a standing price list — may be.)
  const parts = yearParts(norm);
  if (parts.length) {
    const inPart = passages.filter((p) => !otherYearPart(passageText(p), parts));
    if (!inPart.length) {
      reasons.push(`no retrieved document is of ${parts.map((p) => p.text).join(', ')}`);
      return { decided: abstain(input, reasons, passages[0], parts.map((p) => p.text)) };
    }
    passages = inPart;
  }
  // A year named relative to now (去年的水价, "next year's premium") chooses between near-duplicates that
  // differ by their year (the 2025 and the 2026 price table): the other years' versions drop out. Nothing
  // else is filtered — a standard whose title names no year may still be the current one.
  const yearScope = scope.map((a) => a[0]).filter((a) => YEAR.test(a));
  const relative = explicitYears ? [] : relativeYears(question, now).map(String);
  // (…unless a date is asked and the other year's version states dates in the year asked: 今年最晚交到哪天 is
  // answered by the 2027年度 notice, whose payment period ends 2026年12月31日.)
  const kind = questionKind(question);
  const datesOfYear = (p: RetrievedPassage) => (kind === 'when' || ASKS_DAY.test(norm)) && relative.some((y) => new RegExp(`${y}\\s*年\\s*\\d{1,2}\\s*月`).test(passageText(p)));
  if (relative.length) {
    // (Versions are told by their titles: alike but for the year, or both naming what is asked about — 关于调整2025年
    // 特困人员救助供养标准的通知 and 关于提高2026年特困人员基本生活标准和照料护理标准的通知, for 五保户.)
    const named = keyTerms.filter((k) => !k.scope && !k.story && !k.piece);
    const topic = named.length ? named.reduce((a, b) => (b.weight > a.weight ? b : a)) : null;
    const topicWords = topic ? keyTerms.filter((k) => k.group === topic.group && k.term.length >= 2 && HAN.test(k.term)).map((k) => k.term) : [];
    passages = passages.filter((p) => !otherYearsVersion(p, passages, relative, topicWords) || datesOfYear(p));
  }

  // A choice between options that are no figures (按新标准还是老标准算, 按月还是按年发) asks which of them, not an amount.
  const offered = language === 'zh' ? choiceOptions(question) : [];
  const choiceOfWords = offered.some((o) => !/\d|[一二两三四五六七八九十百千万]/.test(o)) && offered.every((o) => !/\d/.test(o));
  const askedRaw: AskedFigure | null = kind === 'number' && !choiceOfWords ? askedFigure(norm, language, keyTerms.map((k) => k.term)) : kind === 'when' ? { measure: 'date', classifier: null, focus: askedFigure(norm, language).focus, ...(ASKS_DAY.test(norm) ? { day: true } : {}), ...(ASKS_DEADLINE.test(norm) ? { deadline: true } : {}), ...(ASKS_WAIT.test(norm) && !ASKS_DAY.test(norm) ? { until: true } : {}) } : null;
  // The one year asked (去年…几号报名, 2025年…什么时候, 2027年…涨到多少): a date or an amount stated for another year is not it.
  const datedYears = [...new Set([...yearScope, ...relative])];
  // (…and a date asked of a rule's start, or a year asked, is told so: figureFit reads the date's event and its year.)
  const oneYear = datedYears.length === 1 ? { year: Number(datedYears[0]) } : {};
  const dated: AskedFigure | null =
    askedRaw?.measure === 'date'
      ? { ...askedRaw, ...oneYear, ...(ASKS_RULE_START.test(norm) ? { ruleStart: true } : {}), ...(ASKS_YEAR.test(norm) ? { whichYear: true } : {}) }
      : askedRaw && { ...askedRaw, ...oneYear };
  // The one grade the question names (二级医院, 第二档): a sentence listing grades states its figure after it.
  const grades = [...new Set(norm.match(GRADE) ?? englishGrade(norm))];
  // How often (多久发一次, 一年能报几次, "how often"): said in words (按月发放, 每年一次, every two months), not by a
  // duration or a count of the asked kind — the facet's own evidence decides.
  const withGrade: AskedFigure | null = FREQUENCY_ASK.test(norm) ? null : dated && grades.length === 1 ? { ...dated, grade: grades[0] } : dated;
  // The money asked the amount of (见习补贴 of 见习补贴一个月多少): an amount its clause says is of another money
  // (另行给予保险补贴) is not it. Named by the question's last money noun, and by its synonyms' words (养老金 for 退休金).
  const pricing = withGrade?.measure === 'money' || withGrade?.measure === 'percent';
  const moneyKey = language === 'zh' && pricing ? moneyItems(norm).pop() : undefined;
  const moneyWords = moneyKey ? [...new Set(keyTerms.filter((k) => keyTerms.some((o) => o.group === k.group && (moneyKey.includes(o.term) || o.term.includes(moneyKey)))).map((k) => k.term))].filter((t) => t.length >= 2 && HAN.test(t)) : [];
  // (English: the thing a price is asked of, "school lunches" of "how much do school lunches cost".)
  const thing = language === 'en' && pricing ? pricedThing(norm) : [];
  const asked: AskedFigure | null = withGrade && moneyKey ? { ...withGrade, item: { key: moneyKey, words: moneyWords } } : withGrade && thing.length ? { ...withGrade, thing } : withGrade;
  // (Read without the corpus's own names the question uses: the 周末 of “周末剧场”, a programme, asks no opening hours.)
  const facet = askedFacet(withoutCorpusNames(withoutTitledNames(question, passages.map((p) => p.chunk.title)), stats), kind, asked, language);

  // A passage that gives the facet asked (opening hours, a phone number) covers the words that ask for it
  // (开门, 几点, 电话): 周六上午9:00—12:00 answers 周六开门不 in other words.
  const facetTerms = facet?.evidence ? keyTerms.filter((k) => FACET_WORDS.test(k.group)).map((k) => k.term) : [];
  const absentPhrases = keyTerms.filter((k) => k.absentPhrase);
  // A character the asker wrote as a word of its own (能贷多少, 用的血) is in a passage that has it inside a
  // word (贷款, 献血): jieba keeps 贷款 whole. Not a piece of a longer word or name of the question that jieba
  // split (万象|城, 临时救助|金), nor a locative (上) or a character jieba's dictionary takes for a name (周, 金).
  // (A numeral or adverb beside it — 一起 of 年底一起发 — makes no word with it: 发 is still the asker's own word.)
  const joins = (o: KeyTerm) => o.term.length >= 2 && !/^[mdpcur]/.test(stats.tokenizer.generalTag(o.term));
  const freeChars = language === 'zh' ? keyTerms.filter((k) => !k.scope && HAN_CHAR.test(k.term) && !/^(f|nr|ns|nrt)$/.test(stats.tokenizer.generalTag(k.term)) && !keyTerms.some((o) => joins(o) && (question.includes(o.term + k.term) || question.includes(k.term + o.term)))) : [];
  // An office the question names in words jieba cuts apart (住房保障中心 → 住房 / 保障 / 中心) is one name where a
  // retrieved passage has it whole: a passage without the whole name has none of its words (中心 of 市中心血站
  // is no 住房保障中心).
  const offices = language === 'zh' ? officeNames(norm, keyTerms, passages) : [];
  // A compound of the question no document uses (养老补贴) whose two pieces a passage writes in order with a few
  // characters between them (居家养老服务补贴): the compound with its modifier spelled out.
  const spelledOut = language === 'zh' ? keyTerms.flatMap((k) => {
    if (k.term !== k.group || !/^[\u4e00-\u9fff]{4,6}$/.test(k.term) || stats.documentFrequency(k.term) > 0) return [];
    const head = keyTerms.find((p) => p.piece && p.group === k.group && p.term.length >= 2 && k.term.startsWith(p.term) && keyTerms.some((q) => q.piece && q.group === k.group && p.term + q.term === k.term));
    return head ? [{ term: k.term, re: new RegExp(`${head.term}[\u4e00-\u9fff]{1,3}${k.term.slice(head.term.length)}`) }] : [];
  }) : [];
  const passageTokens = passages.map((p) => {
    const tokens = new Set(tokensOf(stats.tokenizer, `${p.chunk.title} ${p.chunk.subhead ?? ''} ${p.chunk.normText}`));
    if (facetTerms.length && facet!.evidence!.test(p.chunk.normText)) for (const t of facetTerms) tokens.add(t);
    // A word inside a longer word of the passage (单位 of 用人单位, 工伤 of 工伤保险) is there: jieba keeps the
    // compound whole.
    const text = `${p.chunk.title} ${p.chunk.subhead ?? ''} ${p.chunk.normText}`;
    for (const k of keyTerms) if (!tokens.has(k.term) && COMPOUND_PART.test(k.term) && text.includes(k.term)) tokens.add(k.term);
    for (const k of freeChars) if (!tokens.has(k.term) && text.includes(k.term)) tokens.add(k.term);
    for (const k of spelledOut) if (!tokens.has(k.term) && k.re.test(text)) tokens.add(k.term);
    // …but a piece of the question's compound found only inside another compound of the passage (救助 of
    // 临时救助 inside 社会救助 only) is that compound's: it says nothing of the asked word.
    for (const k of keyTerms) if (k.piece && tokens.has(k.term) && !tokens.has(k.group) && pieceOnlyInOtherCompounds(k.term, k.group, text, tokens)) tokens.delete(k.term);
    // …nor is the modifier of a place's name (幼儿 of 幼儿园, 养老 of 养老院) the place: the head says what it is.
    for (const k of keyTerms) if (k.piece && tokens.has(k.term) && !tokens.has(k.group) && k.group === k.term + k.group.slice(-1) && INSTITUTION.test(k.group)) tokens.delete(k.term);
    // A curated synonym the passage states whole (转移登记 for 过户, 不动产权证书 for 房产证) is the asker's word:
    // it counts as much as the word, not by the weight of its pieces.
    for (const k of keyTerms) if (k.phrase && text.includes(k.phrase)) tokens.add(k.group);
    for (const k of absentPhrases) if (hasPhrase(k.term, text, tokens, keyTerms, `${p.chunk.title} ${p.chunk.subhead ?? ''} `)) tokens.add(k.term);
    for (const office of offices) if (!text.includes(office.name)) for (const t of office.words) tokens.delete(t);
    // English: a word of the question that is one word of a thing it names (vaccine of "flu vaccine", world of
    // "World Cup") is that thing only beside its other words: "vaccination record" is no flu vaccine, "World Post
    // Day" no World Cup. (Measured: webpages calib and off-topic asked of the Wikipedia articles +1 abstention
    // each, services report +1 answer.)
    if (language === 'en') for (const k of keyTerms) if (/^[a-z]+$/.test(k.term) && k.group.includes(' ') && tokens.has(k.term) && !k.group.toLowerCase().split(/\s+/).filter((w) => !STOP_WORDS.has(w)).every((w) => tokens.has(stemEnglish(w)))) tokens.delete(k.term);
    // English: a word the question shares with a Chinese passage only inside a run of Latin words there (Best of
    // "PlayStation the Best版", Life of "BaoViet Life") is part of a name; a word the documents translate (best → 最好)
    // is in a Chinese passage as its translation. (One standing alone among the Chinese — 下载APP — is the word
    // itself, and so is a word with no translation: an acronym, a brand.)
    // (A passage is English or Chinese with its titles, as the anchors read it.)
    if (language === 'en' && !englishText(text)) {
      const lone = new Set(loneLatinWords(text).map(stemEnglish));
      for (const k of keyTerms) if (/^[a-z]+$/.test(k.term) && tokens.has(k.term) && !lone.has(k.term) && keyTerms.some((o) => o.group === k.group && HAN.test(o.term))) tokens.delete(k.term);
    }
    return tokens;
  });
  const coverages = passageTokens.map((tokens) => coverageOf(keyTerms, tokens, true));
  const bestCoverage = Math.max(...coverages);
  let bestIndex = coverages.indexOf(bestCoverage);
  // The asker's own age (我妈66了) is their case: a passage of the same document whose age band holds it
  // (年满65周岁的老年人…免费乘坐) answers them, where the best-matching one names no age at all, as long as it covers
  // enough of the question to be answerable.
  // (Chinese: the bands are read as Chinese notices write them, 65周岁以上; an English question's words reach a Chinese
  // passage by translation, and one passage more or less of them decides it.)
  const age = language === 'zh' ? askerAge(question) : undefined;
  const holdsAgeText = (text: string) => age !== undefined && [...normalizeText(text).matchAll(AGE_BAND)].some((m) => bandHolds(m[0], age));
  if (age !== undefined) {
    const holdsAge = (p: RetrievedPassage) => holdsAgeText(p.chunk.text);
    const bandless = !normalizeText(passages[bestIndex].chunk.text).match(AGE_BAND);
    const own = bandless ? passages.map((p, i) => i).filter((i) => i !== bestIndex && coverages[i] >= options.rules[language].minCoverage && sameArticleOf(passages[i], passages[bestIndex]) && holdsAge(passages[i])) : [];
    if (own.length) {
      const chosen = own.reduce((a, b) => (coverages[b] > coverages[a] ? b : a));
      coverages[chosen] = bestCoverage;
      bestIndex = chosen;
    }
  }
  reasons.push(`best passage covers ${(bestCoverage * 100).toFixed(0)}% of the question's key terms`);

  const focus = asked ? focusTerms(asked.focus, keyTerms, language, stats) : new Set<string>();
  const questionTokens = new Set(keyTerms.map((k) => k.term));
  // Passages are read with their neighbouring chunks. Asked of a year, only a neighbour that names that year
  // and no other counts: a notice's next section is often another year's (2027年度…标准 after 2026年度…), or
  // names none and goes on about the year before; while 今年…缴费截止到哪天 is answered by the section after
  // the one that found it (2026年度集中缴费时间为…至2026年12月25日).
  const sentences = scoreSentences(passages, coverages, keyTerms, kind, stats, asked, focus, questionTokens, question, datedYears);
  // (…and the best passage's sentence stating the band that holds the asker's age leads, before one stating another
  // band or none — unless a facet is asked, where, when or whom to call, which no age band states.)
  const aged = age !== undefined && !facet?.evidence && !holdsAgeText(sentences[0]?.text ?? '') ? sentences.findIndex((s) => s.passageIndex === bestIndex && holdsAgeText(s.text)) : -1;
  if (aged > 0) sentences.unshift(...sentences.splice(aged, 1));
  // A sentence about the other side of a distinction the question draws (城市 when 农村低保 is asked, 一般困难
  // when 特别困难 is) states that side's figure, not the asked one.
  const sided = CONTRAST_ALIASES.reduce((text, [re, side]) => text.replace(re, side), norm);
  const sidesOf = (pairs: [string, string][]) => (language === 'zh' ? pairs.filter(([a, b]) => namesSide(sided, a) && !namesSide(sided, b)) : []);
  const contrasts = sidesOf(CONTRASTS);
  const contrasting = (s: ScoredSentence) => contrasts.some(([a, b]) => namesSide(s.norm, b) && !namesSide(s.norm, a));
  // (…and the sides that only order them.)
  const leadSides = [...contrasts, ...sidesOf(LEAD_CONTRASTS)];
  // (The side a sentence names, read as rules name it: 配偶、父母、子女 as 亲属.)
  const namesOnly = (s: ScoredSentence, side: string, other: string) => {
    const text = sideText(s.norm);
    return namesSide(text, side) && !namesSide(text, other);
  };
  const otherSideFirst = (s: ScoredSentence) => leadSides.some(([a, b]) => namesOnly(s, b, a));
  const ownSide = (s: ScoredSentence) => leadSides.some(([a, b]) => namesOnly(s, a, b));
  const best = sentences[0];

  // Question-level evidence. Unknown: the weight share of specific words (rare in general Chinese, absent
  // from every document) the best passage lacks — a topic the documents do not cover.
  const groupWeight = groupTotals(keyTerms);
  const total = [...groupWeight.values()].reduce((a, b) => a + b, 0) || 1;
  // A group is present when any of its alternatives is (暖气费 asked, the notice says 取暖费).
  const presentGroups = new Set(keyTerms.filter((k) => passageTokens[bestIndex].has(k.term)).map((k) => k.group));
  // A word the documents lack is there as itself, its alternatives or its own pieces (低保 of 低保户), never
  // through a synonym of a piece (供暖 for 暖气 of 暖气费: heating, not its fee).
  // (Read with the rest of its section, as its coverage is: the relief rule's 第一条 names its 急难 for 救急, its
  // 第三条 the 意外事件.)
  const sectionOf = (p: RetrievedPassage) => `${p.chunk.docId}\n${p.chunk.title}`;
  const sections = new Map<string, Set<string>>();
  passages.forEach((p, i) => {
    const words = sections.get(sectionOf(p)) ?? new Set<string>();
    for (const t of passageTokens[i]) if (t.length >= 2) words.add(t);
    sections.set(sectionOf(p), words);
  });
  const bestSectionWords = sections.get(sectionOf(passages[bestIndex]))!;
  const wholePresent = new Set(keyTerms.filter((k) => !k.pieceAlternative && (passageTokens[bestIndex].has(k.term) || bestSectionWords.has(k.term))).map((k) => k.group));
  // An everyday modifier on a thing the passage has, as itself or its synonym (老房子: 老 + 房子, the notice's
  // 住房), is the asker's description of that thing, not another topic.
  for (const k of keyTerms) {
    if (!k.piece && DESCRIBED.test(k.term) && keyTerms.some((p) => p.group === k.group && p !== k && p.term.length >= 2 && !p.term.startsWith(k.term[0]!) && passageTokens[bestIndex].has(p.term))) wholePresent.add(k.group);
  }
  // A verb with its object no document uses (拿药), where the best passage does the same to that object with a verb
  // of its own (门诊用药 — jieba's dictionary tags 用 a preposition): the asker's verb for what the passage states,
  // not another topic.
  const sameObject = (word: string) => {
    if (!/^[\u4e00-\u9fff]{2}$/.test(word) || !/^v/.test(stats.tokenizer.generalTag(word[0]!)) || !/^n/.test(stats.tokenizer.generalTag(word[1]!))) return false;
    return [...passageTokens[bestIndex]].some((t) => t.length === 2 && t !== word && t[1] === word[1] && /^[vp]/.test(stats.tokenizer.generalTag(t[0]!)));
  };
  for (const k of keyTerms) if (!k.piece && k.unknown && k.term === k.group && sameObject(k.term)) wholePresent.add(k.group);
  const unknownGroups = new Map<string, number>();
  for (const k of keyTerms) if (k.unknown && !wholePresent.has(k.group)) unknownGroups.set(k.group, groupWeight.get(k.group) ?? 0);
  const unknown = [...unknownGroups.values()].reduce((a, b) => a + b, 0) / total;
  const wholeWords = keyTerms.filter((k) => !k.piece);
  // The topic is what is asked about, not where (柳溪街道 of 柳溪街道哪家火锅店好吃).
  // Nor the asker's story: a word no document uses there (我闺女大学毕业…, 我考了个电工证…) is their case, while
  // what is asked (见习补贴, 补贴) is the topic the documents must have.
  const askedAbout = wholeWords.filter((k) => !k.scope && !k.story);
  const topical = askedAbout.length ? askedAbout : wholeWords.filter((k) => !k.scope);
  const topicCandidates = topical.length ? topical : wholeWords.length ? wholeWords : keyTerms;
  const topic = topicCandidates.reduce((a, b) => (b.weight > a.weight ? b : a));
  // (Words as heavy as it are the topic as much: 养老院 and 床位费 of 养老院的床位费 — the documents must have both.)
  const topicsTied = topicCandidates.filter((k) => k.weight >= TOPIC_TIE * topic.weight);
  // Asked for a figure or a date: passages on the topic that state none of the asked kind do not answer it.
  // On the topic: the sentence itself (with its title) carries half the best sentence's coverage, or it sits
  // in a passage nearly as on-topic as the best ("招聘会为期3天" in the passage about the 夜市 job fair).
  // (Measured against the sentence most on the topic, not the one the sentence model ranks first: which figure
  // is the answer is the model's choice; whether any on-topic one exists is not.)
  const mostOnTopic = Math.max(0, ...sentences.map((s) => s.coverage));
  // (A sentence of a neighbouring chunk is on the topic by its own words only: its passage's coverage is the
  // retrieved chunk's, and the document's title, its context, names the topic for every sentence of it.)
  // (A passage is on the topic with the rest of its section: a notice's table of amounts is its own chunk,
  // under the title that names the programme, while the chunk before it names what the table is of —
  // 机构集中养育孤儿 | 每人每月2000元 for 福利院的孤儿. Tried: only sentences that themselves name a word of the
  // question — residents and district reports each lost an answer. A page's answer to its own question (答：…)
  // is about that question, not its page: an FAQ's 提取 figure does not answer 贷款.)
  const sectionCoverages = passages.map((p, i) => coverageOf(keyTerms, new Set([...passageTokens[i], ...sections.get(sectionOf(p))!]), true));
  const onTopic = (s: ScoredSentence) =>
    !!best && (s.neighbour ? s.features.own >= 0.5 * mostOnTopic : s.coverage >= 0.5 * mostOnTopic || (s.coverage >= PASSAGE_TOPIC_FLOOR * mostOnTopic && coverages[s.passageIndex] >= 0.75 * bestCoverage) || (s.coverage >= PASSAGE_TOPIC_FLOOR * mostOnTopic && !FAQ_ANSWER.test(s.text) && sectionCoverages[s.passageIndex] >= 0.75 * bestCoverage));
  // The sentence most about the asked thing says its figure is to be set later (具体标准另文公布): not given.
  // (and clearly more about it, with its titles, than every sentence that does state a fitting figure: a
  // table row under the programme's title answers even where another programme's amount is deferred).
  // (A page's own question — 问：暑假有托管吗？ — asks, it states nothing: its answer's words are measured against the sentences that do.)
  const mostOwn = Math.max(0, ...sentences.filter((s) => !isFaqQuestion(s.text)).map((s) => s.features.own));
  // (Or it defers the very year asked — 2027年评定的申报时间另行通知 for 明年…啥时候报 — whatever else names the topic.)
  const defersYearAsked = (s: ScoredSentence) => asked?.year !== undefined && s.coverage >= mostOnTopic && s.features.own >= 0.5 * mostOwn && deferral(s.norm)![0].includes(`${asked.year}年`);
  const deferring = sentences.filter((s) => defersAsked(s.norm, asked) && s.features.own >= 0.8 * mostOwn);
  const yearDeferring = sentences.filter((s) => defersAsked(s.norm, asked) && defersYearAsked(s));
  const deferredCoverage = Math.max(0, ...deferring.map((s) => s.coverage));
  // (A figure inside the deferral itself states nothing: 2027年 of 2027年评定的申报时间另行通知.)
  const figureDeferred = new Set([...deferring, ...yearDeferring].filter((s) => s.figure && deferral(s.norm)![0].includes(s.figure.text)));
  const fitsAsked = (s: ScoredSentence) => s.fit >= MIN_FIGURE_FIT && !figureDeferred.has(s);
  const statedCoverage = Math.max(0, ...sentences.filter((s) => onTopic(s) && fitsAsked(s)).map((s) => s.coverage));
  // The row a table gives for the asked case (80至89周岁 | 每人每月100元 for 80岁) states it, however few words it has.
  const rowStated = sentences.some((s) => s.askedRow && s.fit >= MIN_FIGURE_FIT && onTopic(s));
  // (Nor is the asked figure stated where the deferral names all the question's words any stating sentence names, and
  // more: 低保边缘家庭的采暖补贴标准另行公布 is about 低保边缘家庭, the row 城市低保家庭 | 1200元 about another group.)
  const groupsIn = (x: ScoredSentence) => new Set(keyTerms.filter((k) => k.term.length >= 2 && x.norm.includes(k.term)).map((k) => k.group));
  const stating = sentences.filter((x) => onTopic(x) && fitsAsked(x));
  const narrower = deferring.some((d) => {
    const named = groupsIn(d);
    return stating.length > 0 && stating.every((x) => {
      const own = groupsIn(x);
      return [...own].every((g) => named.has(g)) && [...named].some((g) => !own.has(g));
    });
  });
  // (Nor where the deferral names what the question is about and no stating sentence does, by its words or its
  // passage's title, the deferral standing in a stating sentence's document: 海带养殖保险正在开展试点方案论证 beside the
  // 紫菜 insurance's premium table. Not another document's deferral: the HPV page's 适龄女生…另行通知 says nothing of
  // what weight a woman must be to give blood.)
  const titled = (x: ScoredSentence) => `${x.norm} ${passages[x.passageIndex].chunk.title} ${passages[x.passageIndex].chunk.subhead ?? ''}`;
  const docOf = (x: ScoredSentence) => passages[x.passageIndex].chunk.docId;
  const topicDeferred = stating.length > 0 && deferring.some((d) => d.norm.includes(topic.term) && stating.some((x) => docOf(x) === docOf(d))) && stating.every((x) => !keyTerms.some((k) => k.group === topic.group && k.term.length >= 2 && titled(x).includes(k.term)));
  // (A row the asker's own number singles out — the band holding their age — still states it.)
  const rowByNumber = sentences.some((x) => x.rowByNumber && x.fit >= MIN_FIGURE_FIT && onTopic(x));
  const deferred = !!asked && deferring.length > 0 && (narrower || topicDeferred ? !rowByNumber : !rowStated && statedCoverage < 0.8 * deferredCoverage);
  // (A Chinese passage is read with the chunks beside it: a guide's 办理时限 section next to the retrieved one
  // states the asked time limit in words of its own — 1个工作日内办结 — with the asked figure's unit. English
  // pages were tried too: English abstentions fell on four sets, their neighbouring figures being about other things.)
  const nearBest = (s: ScoredSentence) => language === 'zh' && !!s.neighbour && passages[s.passageIndex].chunk.docId === passages[bestIndex].chunk.docId && s.fit >= STRONG_FIT;
  // (A notice's signature line states the day it was signed, no date of what it provides: 枫林县残疾人联合会 …2026年1月15日
  // answers 每个月几号发 only when the question asks when the notice was issued.)
  const signed = (s: ScoredSentence) => FURNITURE.test(s.text) && !ASKS_ISSUED.test(norm);
  const states = (s: ScoredSentence) => (onTopic(s) || nearBest(s)) && fitsAsked(s) && !contrasting(s) && !signed(s);
  // (Where the year asked is deferred, only a sentence stating a figure of that year, in its words or its document's
  // title, states it.)
  const yearDeferred = yearDeferring.length > 0 && !sentences.some((s) => states(s) && !yearDeferring.includes(s) && (s.norm.includes(`${asked!.year}`) || passages[s.passageIndex].chunk.title.includes(`${asked!.year}`)));
  const figureMissing = asked && (deferred || yearDeferred || !sentences.some(states)) ? 1 : 0;
  // …and it does not lead: a sentence that names the asked side (特别困难的，按照3至6倍 for 特别困难的能给几倍), on the
  // topic and fitting the asked figure as well, comes first. (Measured: county and probes calib +1 answer each,
  // nothing lost; quoting every such sentence last instead had cost a policies answer.)
  const ownSideFirst = () => {
    if (!leadSides.length || !sentences.length || !otherSideFirst(sentences[0])) return;
    leadWith(sentences, sentences.find((s) => !otherSideFirst(s) && ownSide(s) && onTopic(s) && (!asked || s.fit >= sentences[0].fit)));
  };
  ownSideFirst();
  // The section a heading names by the facet asked (三、接种时间 for 啥时候能打, 四、接种地点 for 在哪打): its sentence, in the
  // top sentence's document and on the topic, leads where the top one sits under no such heading — where the heading's
  // topic is the question's or its document's: 二、报名时间 of an admission notice says nothing of when pupils report.
  // (Not a deadline or a wait asked — 能用到啥时候, 多久能办好 —: a section saying when something is done gives neither.)
  const facetLabel = language !== 'zh' ? null : asked?.measure === 'date' && !asked.deadline && !asked.until ? DATE_HEADING : kind === 'where' ? PLACE_HEADING : null;
  if (facetLabel && sentences.length) {
    const headingOf = (x: ScoredSentence) => (x.subhead ?? '').split(' / ').pop()!.replace(HEADING, '').trim();
    const top = sentences[0];
    if (!facetLabel.test(headingOf(top))) {
      const under = sentences.filter((x) => facetLabel.test(headingOf(x)) && docOf(x) === docOf(top) && x.coverage > 0 && (!asked || x.fit >= STRONG_FIT) && !contrasting(x));
      // (The heading's own topic — 接种 of 接种时间 — is the question's or its document's title's: what the document is for.)
      const named = (x: ScoredSentence) => {
        const topic = headingOf(x).replace(facetLabel, '');
        return !topic || passages[x.passageIndex].chunk.title.includes(topic) || keyTerms.some((k) => !k.scope && k.term.length >= 2 && topic.includes(k.term));
      };
      leadWith(sentences, under.find(named));
    }
  }
  // A choice asked (找村里还是找镇上, 按年交还是按月交): an on-topic sentence naming one of the options (向…乡镇人民政府
  // 提出，也可以委托村（居）民委员会代为提出) comes first, when the top one names neither.
  const namesOption = (s: ScoredSentence) => offered.some((o) => s.norm.includes(o));
  if (offered.length && sentences.length && !namesOption(sentences[0])) {
    leadWith(sentences, sentences.find((s) => namesOption(s) && onTopic(s) && !s.otherRow && (!asked || s.fit >= sentences[0].fit)));
  }
  // Both when it starts and when it ends asked (啥时候开始供，啥时候停; 从几号到几号; "when does it start and end"): an on-topic
  // sentence of the top one's document stating a span of dates (采暖期为2026年11月15日至2027年3月15日) gives both, where the
  // top one states a single date (申请暂停用热的，应当在10月15日前).
  if (asked?.measure === 'date' && ASKS_SPAN.test(input.question) && sentences.length && !DATE_SPAN.test(sentences[0].norm)) {
    const top = sentences[0];
    leadWith(sentences, sentences.find((x) => DATE_SPAN.test(x.norm) && docOf(x) === docOf(top) && x.coverage >= 0.5 * top.coverage && !x.otherRow && !contrasting(x)));
  }
  // An English yes-or-no question answered on a page of questions and answers: the answer's opening "Yes, …" or "No, …"
  // leads, where the top sentence is the one after it (it matched more of the question's words: "If you and your
  // employer agree to join, each pays 12%…" after "Yes, but it is voluntary for foreign employees").
  if (language === 'en' && !asked && YES_NO_EN.test(input.question) && sentences.length) {
    const top = sentences[0];
    leadWith(sentences, sentences.find((s) => s.passageIndex === top.passageIndex && s.order === top.order - 1 && REPLY_EN.test(s.text)));
  }
  // The figure of what the question asks it of (收入 of 公租房申请收入标准): an on-topic sentence stating a fitting figure
  // beside that word (家庭人均月收入低于3000元) leads, when the top one's figure is of something its document's title
  // and headings do not name either (the rent's 每月每平方米8元).
  // (Only where the question names the figure as a standard, 收入标准, without an asking word: a focus read around 多少
  // — 补多少, 一天大概走多少人 — is as often the programme as the thing. And from the top one's document.)
  const focusWords = asked?.standard && language === 'zh' ? [...focus].filter((f) => f.length >= 2 && keyTerms.some((k) => k.term === f && !k.scope && !k.story && !k.piece && !FACET_WORDS.test(f))) : [];
  const headed = (s: ScoredSentence, f: string) => `${passages[s.passageIndex].chunk.title} ${passages[s.passageIndex].chunk.subhead ?? ''}`.includes(f);
  if (focusWords.length && sentences.length && !sentences[0].row && !focusWords.some((f) => sentences[0].norm.includes(f) || headed(sentences[0], f))) {
    leadWith(sentences, sentences.find((s) => s.fit >= Math.max(STRONG_FIT, sentences[0].fit) && focusWords.some((f) => s.norm.includes(f)) && onTopic(s) && !s.otherRow && passages[s.passageIndex].chunk.docId === passages[sentences[0].passageIndex].chunk.docId));
  }
  // A provision for the place the question names — a condition naming it, 在云溪县就业创业的，生活补贴…每人每月增加300元
  // for 去云溪县上班…有没有多的 — comes before the general rule (the table's 每人每月600元), where it is as much on the
  // topic and fits the asked figure as well. (Only such a condition: a report naming the place anywhere is no
  // provision for it, and led a count question with another of its figures. Not the collection's home place.)
  const askedPlaces = keyTerms.filter((k) => k.scope && k.term.length >= 2 && !YEAR_TOKEN.test(k.term) && /\p{Script=Han}/u.test(k.term) && stats.documentFrequency(k.term) < HOME_PLACE_SHARE * stats.size).map((k) => k.term);
  const placeConditions = askedPlaces.map((t) => new RegExp(`${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^，,。；;]{0,12}的[，,]`));
  const namesPlace = (s: ScoredSentence) => placeConditions.some((re) => re.test(s.norm));
  if (askedPlaces.length && sentences.length && !namesPlace(sentences[0])) {
    leadWith(sentences, sentences.find((s) => namesPlace(s) && s.coverage >= sentences[0].coverage && onTopic(s) && (!asked || s.fit >= sentences[0].fit) && !contrasting(s)));
  }
  if (deferred) {
    // That sentence is what the reply quotes ("…但没有说明具体金额。文档中写的是：…另文公布").
    const says = (s: ScoredSentence) => (deferring.includes(s) ? 0 : 1);
    sentences.sort((a, b) => says(a) - says(b));
  }
  // Asked for a phone number, a website or opening hours: an on-topic sentence must give one (or any sentence of
  // a passage on the topic: 办公时间：周一至周五… names neither 民政窗口 nor 星期六 of 民政窗口星期六上班吗).
  // The facet's own words (咨询电话, 开放时间) do not make a sentence about the topic: another office's
  // "咨询电话：12329" is no number for 人才公寓. A sentence gives it from the best passage's document, or
  // matches the rest of the question as well as half the best sentence does (a sentence of a neighbouring
  // chunk only from the best passage's document: its passage named the topic, not it).
  const topicTerms = keyTerms.filter((k) => !FACET_WORDS.test(k.group));
  const bestDoc = passages[bestIndex].chunk.docId;
  const bestTopic = best ? substringCoverage(topicTerms, best.norm) : 0;
  // And its passage (with its title) names what the question is about (住房保障中心 of 住房保障中心几点上班):
  // another office's hours (献血车 周六9:00-16:00) are not its hours. (Tried: the whole document naming it —
  // more pages list several offices, and calib lost three abstentions for one answer.)
  // (Nor the verb an English asker says how with — "change" of "how do I change my licence": the asking, not the thing.)
  const howVerb = language === 'en' && facet?.ownDocument ? SERVICE_HOW_EN.exec(input.question)?.[1] : undefined;
  const aboutTerms = topical.filter((k) => !FACET_WORDS.test(k.group) && !(howVerb && stemEnglish(k.group.toLowerCase()) === stemEnglish(howVerb.toLowerCase())));
  const facetTopic = aboutTerms.length ? aboutTerms.reduce((a, b) => (b.weight > a.weight ? b : a)).group : null;
  // (English: the question's own word, stemmed, and its translations are one concept: librari and library.)
  const topicStem = facetTopic && language === 'en' ? stemEnglish(facetTopic.toLowerCase()) : null;
  const facetTopicTerms = keyTerms.filter((k) => k.group === facetTopic || (topicStem !== null && stemEnglish(k.group.toLowerCase()) === topicStem)).map((k) => k.term);
  const namesTopic = (i: number) => !facetTopic || facetTopicTerms.some((t) => passageTokens[i].has(t));
  // Its own name, not a piece or a looser translation (高龄津贴, not 津贴 or 补贴).
  const topicWeight = Math.max(0, ...keyTerms.filter((k) => facetTopicTerms.includes(k.term)).map((k) => k.weight));
  const mainTopicTerms = keyTerms.filter((k) => facetTopicTerms.includes(k.term) && k.weight >= 0.8 * topicWeight).map((k) => k.term);
  const fromBestDocument = (s: ScoredSentence) => passages[s.passageIndex].chunk.docId === bestDoc;
  // How to apply is said of the programme itself: the sentence names it, or says how under a title naming it (in any
  // case: "Library Membership: apply at the front desk…" names the membership asked of).
  const namesProgramme = (s: ScoredSentence) =>
    mainTopicTerms.some((t) => s.norm.toLowerCase().includes(t)) || (mainTopicTerms.some((t) => passages[s.passageIndex].chunk.title.toLowerCase().includes(t)) && KIND_EVIDENCE.how.test(s.norm));
  const aboutTopic = (s: ScoredSentence) =>
    facet?.ownDocument ? fromBestDocument(s) && namesProgramme(s) : fromBestDocument(s) || (!s.neighbour && substringCoverage(topicTerms, s.norm) >= ON_TOPIC_SHARE * bestTopic);
  // A card or certificate asked how or where to get (残疾人证在哪里办): the sentence giving it names the paper (or stands
  // under a title or heading that does: 二、到哪里申请优待证？) other than among the papers one hands in or holds —
  // 提交残疾人证、身份证和户口簿, 持有残疾人证的 say how to apply for something else with it. (The name as the question
  // writes it: jieba gives 残疾人 and 证.)
  const papers = kind === 'how' || kind === 'where' ? papersAsked(norm, mainTopicTerms) : [];
  // (Read in Chinese sentences only: an English page names the paper in its own words — "apply for a residence permit"
  // — not by the glossary's 居住证.)
  const getsPaper = (s: ScoredSentence) =>
    !HAN.test(s.norm) ||
    papers.some((t) => headed(s, t) || (s.subhead ?? '').includes(t) || (s.norm.includes(t) && !everyOccurrence(s.norm, t, (w) => HANDED_IN.test(clauseBefore(s.norm, w.start, 16)))));
  const givesFacet = (s: ScoredSentence) =>
    !!facet?.evidence && (onTopic(s) || (!s.neighbour && coverages[s.passageIndex] >= 0.75 * bestCoverage)) && facet.evidence.test(s.norm) && namesTopic(s.passageIndex) && aboutTopic(s) && (!papers.length || getsPaper(s));
  // A field line of the best passage's section that gives it under its own label (地点：… under 一、时间地点 of the
  // job fair's notice) gives it whatever words it shares: the section is about the topic, the label says what.
  const bestSection = sectionOf(passages[bestIndex]);
  const labels = facet?.label && facet.evidence && namesTopic(bestIndex) ? { label: facet.label, evidence: facet.evidence } : null;
  const labelled = (s: ScoredSentence) => !!labels && labels.label.test(s.text) && labels.evidence.test(s.norm) && sectionOf(passages[s.passageIndex]) === bestSection;
  const facetMissing = facet?.evidence && !facet.leadOnly && !sentences.some((s) => givesFacet(s) || labelled(s)) ? 1 : 0;
  if (facet?.evidence && !facetMissing) {
    // The sentences that give the facet come first, a labelled one first of all (stable otherwise).
    // (Of two labelled lines giving it, the one whose label names more of the question first: "Gas emergencies:
    // 0873-8660 9602" before "Water repairs: 0873-8660 9601" for a gas smell, though the page's title names gas for both.)
    // (A day of the week asked — 周六开门不, "open on Sundays?" —: of the sentences giving the hours, those that name days
    // come first — 每周六9:00—15:00加开专窗, 每周一闭馆 —, not one that gives only the times of its sessions.)
    const dayAsked = facet!.evidence === HOURS && DAY_ASKED.test(norm);
    const daysLater = (s: ScoredSentence) => (dayAsked && !DAY_STATED.test(s.norm) ? 0.25 : 0);
    const gives = (s: ScoredSentence) => (labelled(s) ? 0 : givesFacet(s) ? (facet!.plain && !facet!.plain.test(s.norm) ? 1.5 : 1) : 2) + daysLater(s);
    sentences.sort((a, b) => gives(a) - gives(b));
    const [top] = sentences;
    if (top && gives(top) < 2 && startsField(top.text)) {
      const named = sentences.filter((s) => gives(s) === gives(top) && startsField(s.text) && s.features.own > top.features.own);
      leadWith(sentences, named.reduce<ScoredSentence | undefined>((a, b) => (!a || b.features.own > a.features.own ? b : a), undefined));
    }
    // (Whether it is free is said of each side in its own words — 凭优待证享受第（一）项优惠 for 非本市户籍: the asked
    // side still leads.)
    if (facet!.leadOnly) ownSideFirst();
  }
  // The same share without the places and years: a passage that matches only where (太原) or when, and not
  // what (天气), is off-topic.
  const contentTerms = keyTerms.filter((k) => !k.scope);
  // English words no document uses are no key terms: an English question left with nothing but its place
  // has nothing else the documents share ("a good gym near Dongcheng District").
  const content = contentTerms.length && contentTerms.length < keyTerms.length ? coverageOf(contentTerms, passageTokens[bestIndex], true) : !contentTerms.length && language === 'en' ? 0 : bestCoverage;
  const ageCase = ageCaseUnmet(question, passages[bestIndex]);
  // A numbered thing the question names (7号线, 12路, K3路, 3号楼) that the best passage, its section and its title do
  // not: the passage is about another line, route or building (九龙巴士7号线 answered from route 960's page).
  const numbered = language === 'zh' ? [...norm.matchAll(NUMBERED_THING)].map((m) => m[0]) : [];
  // The name a question opens with (李昆的处女作…, 华堡是哪个品牌…, 班卡雀鲷还可以叫什么): a run no dictionary, no document
  // and no typo repair knows, right before 的/是 or a word the documents use — what the question is about. A best
  // passage whose section does not hold it is about something else (another actor's 处女作, another 雀鲷).
  const opening = language === 'zh' ? openingName(norm, stats, input.retrieval.terms) : null;
  const bestSectionText = numbered.length || opening ? passages.filter((p) => sectionOf(p) === sectionOf(passages[bestIndex])).map((p) => passageText(p).replace(/\s+/g, '')).join('\n') : '';
  const namedMissing = numbered.find((n) => !bestSectionText.includes(n)) ?? (opening && !bestSectionText.includes(opening) ? opening : null);
  // The best passage is about the other side of a distinction the question draws (城市低保 for 农村低保): the
  // asked side is missing. (Tried as well: quoting such sentences last — a policies answer lost.)
  const bestText = passageText(passages[bestIndex]);
  // (Read over the best passage's document as retrieved: a rule's preamble names only 门诊 where its 第五条, retrieved
  // too, is the 住院 one asked.)
  const bestDocTexts = passages.filter((p) => p.chunk.docId === passages[bestIndex].chunk.docId).map(passageText);
  const otherSide = contrasts.some(([a, b]) => namesSide(bestText, b) && !bestDocTexts.some((t) => namesSide(t, a)));
  // A word no document uses, written before a noun the best passage names another kind of (辅具补贴 asked, the
  // passage gives 生活补贴; 公积金贷款 asked, it gives 助学贷款): the asked kind is missing, however little the word
  // weighs beside the programme's other words. (Measured: probes calib and county fresh +1 abstention each,
  // nothing lost once a verb with its complement — 报完医保, 换完身份证 — and 带娃 are left out.)
  // 特别 before a word the passages use (特别扶助 of 失独家庭特别扶助) names a kind of it — the passages' other kind
  // (奖励扶助) is not it — though 特别 alone is an everyday word. (Where they use 特别 so, 特别困难, it is a key term.)
  const specialKind =
    language === 'zh' &&
    [...norm.matchAll(/特别([\u4e00-\u9fff]{2})/g)].some(([whole, head]) => {
      if (!keyTerms.some((k) => k.term === head) || passages.some((p) => passageText(p).includes(whole))) return false;
      return spansOf(bestText, [head]).some((w) => /^[\u4e00-\u9fff]{2}$/.test(bestText.slice(Math.max(0, w.start - 2), w.start)));
    });
  // (…or of the head the word ends with, which makes the word's group present: 结婚登记 of 不动产登记's 登记.)
  const siblingKind = language === 'zh' && keyTerms.some((k) => k.unknown && !k.scope && !k.story && ((!wholePresent.has(k.group) && siblingOf(k.group, input.question, bestText, keyTerms, stats)) || (k.term === k.group && siblingOfOwnHead(k.group, bestText, keyTerms, stats))));
  // A specific thing the question is about (居住证 of 办居住证要啥材料) that other documents name but the best
  // passage, its section and its title do not: the passage answers about something else (a 社保卡 FAQ's
  // materials), and the document that names the thing says nothing more of it there.
  // (A corpus word jieba's dictionary lacks, written before a noun the documents use — 托育 of 托育补贴 — names
  // which of those things: a noun of its own. So does one of three characters or more, a name the corpus's own
  // dictionary holds — 健康大篷车, a programme's quoted name.)
  const modifiesNoun = (term: string) => keyTerms.some((h) => !h.piece && h.term.length >= 2 && question.includes(term + h.term) && stats.documentFrequency(h.term) > 0 && NOUN_TAG.test(stats.tokenizer.generalTag(h.term)));
  // (As the asker wrote it: not a corpus phrase an abbreviation reads into a word of the question — 一张清单 for 一单.)
  const corpusName = (term: string) => isOwnName(term, stats) && norm.includes(term);
  const namedElsewhere = (k: KeyTerm) => {
    if (language !== 'zh' || k.scope || k.story || k.piece || FACET_WORDS.test(k.group) || k.term.length < 2 || stats.documentFrequency(k.term) === 0) return false;
    const name = corpusName(k.term);
    if (!(NOUN_TAG.test(stats.tokenizer.generalTag(k.term)) || (stats.tokenizer.generalFrequency(k.term) === 0 && modifiesNoun(k.term)) || name)) return false;
    if (specificity(stats.tokenizer.generalFrequency(k.term)) < 0.6) return false;
    // (Such a name is there by itself or its head — 大篷车 —, not by a modifier jieba cuts out of it: 健康; and its
    // section or title may hold it.)
    const standsFor = (o: KeyTerm) => o.group === k.group && !(name && o.piece && !k.term.endsWith(o.term));
    return !keyTerms.some((o) => standsFor(o) && (passageTokens[bestIndex].has(o.term) || (name && bestSectionWords.has(o.term))));
  };
  // What to bring is asked (要准备啥, 带什么材料, "what documents do I need"): the best document's sentences that name
  // papers (户口簿, 出生医学证明, 申请表) lead — not who may apply, stated in more of the question's words (小学一年级：
  // 2020年9月1日至…出生的适龄儿童), nor another document's papers.
  if (MATERIALS_ASK.test(question)) {
    const names = (s: ScoredSentence) => (fromBestDocument(s) && MATERIALS_STATED.test(s.norm) ? 0 : 1);
    sentences.sort((a, b) => names(a) - names(b));
  }
  // A document's section (its retrieved chunks under one title) is read whole for what the question names:
  // a guide's first chunk names the programme (新生儿落户), the next one its materials or time limit, and each
  // alone covers half the question. Another document's chunks, or the next article of a newspaper page (its
  // own title), are not the section. (Single characters stay each chunk's own: pooled, they come from anywhere.)
  const sectionCoverage = Math.max(...sectionCoverages);
  // The answer comes from the section that covers the question, when the top sentence's covers clearly less
  // (孩子上小学报名要准备啥: the 入学 notice's sections name 小学, 报名 and its 材料; a legal-aid guide's materials
  // list names only 材料).
  const coveringSection = sectionOf(passages[sectionCoverages.indexOf(sectionCoverage)]);
  if (best && sectionCoverages[best.passageIndex] < SECTION_LEAD_SHARE * sectionCoverage) {
    const away = (s: ScoredSentence) => (sectionOf(passages[s.passageIndex]) === coveringSection ? 0 : 1);
    sentences.sort((a, b) => away(a) - away(b));
  }
  // A thing the question asks of an item of a list (游泳馆's 年卡) that the document states only under the item's
  // siblings (3．健身房 月卡200元，年卡1800元), and neither the asked item's lines nor its headings name: that item lacks it.
  // (A thing: the question's own word, a noun or a word of the documents' own; not 以上, nor 补发 for 不发.)
  const underNamed = sentences.filter((s) => s.item?.side === 'named');
  const itemLacks =
    underNamed.length > 0 &&
    keyTerms.some(
      (k) =>
        !k.scope &&
        !k.story &&
        !k.piece &&
        k.term === k.group &&
        k.term.length >= 2 &&
        !FACET_WORDS.test(k.group) &&
        (NOUN_TAG.test(stats.tokenizer.generalTag(k.term)) || stats.tokenizer.generalFrequency(k.term) === 0) &&
        sentences.some((s) => s.item?.side === 'other' && s.norm.includes(k.term)) &&
        !keyTerms.some((o) => o.group === k.group && underNamed.some((s) => s.norm.includes(o.term) || normalizeText(`${passages[s.passageIndex].chunk.title} ${s.item!.heading}`).includes(o.term))),
    );
  // English: the thing a price is asked of that no document names ("the recycling price for copper") is what the
  // question is about, however much of the rest ("recycling price") the documents cover.
  const pricedUnknown = !!asked?.thing?.length && keyTerms.some((k) => k.unknown && !k.scope && !k.story && !wholePresent.has(k.group) && asked.thing!.includes(k.term));
  const features: Features = {
    coverage: sectionCoverage,
    content,
    // How much specific evidence the best passage matches, against one rare word (the largest IDF): a share
    // of weak words only (推荐, 好 for "recommend a good movie") is high coverage of nothing in particular.
    strength: coverageWeights(keyTerms, passageTokens[bestIndex], true).matched / Math.log(1 + (Math.max(1, stats.size) + 0.5) / 0.5),
    own: best?.features.own ?? 0,
    ctx: best?.coverage ?? 0,
    sentence: best ? sigmoid(best.score) : 0,
    unknown,
    // (…or it names a thing by a phrase no document uses, which the best passage does not have either.)
    topicMissing: otherSide || siblingKind || specialKind || itemLacks || pricedUnknown || topicsTied.some((k) => (k.unknown && !wholePresent.has(k.group)) || (namedElsewhere(k) && (!wholePresent.has(k.group) || corpusName(k.term)))) || ageCase || absentPhrases.some((k) => !passageTokens[bestIndex].has(k.term)) || !!namedMissing ? 1 : 0,
    figureMissing,
    facetMissing,
    en: language === 'en' ? 1 : 0,
    // English: a reliable route reaches the best passage (CC-CEDICT's many glosses alone match by chance: weather → 全天候).
    anchored: language !== 'en' || keyTerms.some((k) => k.anchor && passageTokens[bestIndex].has(k.term)) ? 1 : 0,
    // The best passage is an English page's (more Latin letters than Chinese characters).
    englishPage: language === 'en' && englishText(passages[bestIndex].chunk.normText) ? 1 : 0,
    oovName: unmatchedNames(keyTerms, passageTokens[bestIndex], input.retrieval.terms, stats) / total,
    placeMissing: placeOutOfScope(places, passages[best ? best.passageIndex : bestIndex]),
  };
  if (!best) return { decided: abstain(input, [...reasons, 'no sentence to quote'], passages[0], missingTerms(keyTerms, [])) };
  // (Said so, the reply quotes what the documents say of the topic itself: 临时救助的钱要交税吗 quotes the relief
  // rule, not another benefit's 免征个人所得税.)
  const facetQuote = facetMissing && sentences.length && !namesTopic(sentences[0].passageIndex) ? sentences.find((s) => namesTopic(s.passageIndex)) : undefined;
  const sideLed = leadSides.length && sentences.length && ownSide(sentences[0]!) ? sentences[0] : undefined;
  return { keyTerms, passages, passageTokens, coverages, bestIndex, kind, asked, facet, ageCase, namedMissing, sentences, ...(facetQuote ? { facetQuote } : {}), ...(sideLed ? { sideLed } : {}), question: features, reasons };
}

/**
 * Weight of the question's strings that are no word at all and in no document (a name the corpus lacks:
 * 班卡 in 班卡雀鲷), unless a pinyin repair or synonym stands in for them.
 */
function unmatchedNames(keyTerms: KeyTerm[], best: Set<string>, terms: WeightedTerm[], stats: CorpusStats): number {
  const replaced = new Set(terms.filter((t) => t.origin !== 'question' && t.source).map((t) => t.source!));
  let sum = 0;
  for (const k of keyTerms) {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(k.term) || replaced.has(k.term) || replaced.has(k.group) || best.has(k.term)) continue;
    if (stats.documentFrequency(k.term) === 0 && stats.tokenizer.generalFrequency(k.term) === 0) sum += k.weight;
  }
  return sum;
}

/** Latin words standing alone in a Chinese text (APP of 下载“临溪人社”APP), lower-cased; not those of a run of them (a name: PlayStation the Best). */
function loneLatinWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*)*/g) ?? []).filter((run) => !/[ \t]/.test(run)).map((w) => w.toLowerCase());
}


function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface KeyTerm {
  term: string;
  weight: number;
  /** Alternatives for the same words of the question share a group; a group counts once. */
  group: string;
  /** A specific word (rare in general Chinese) that no document uses. */
  unknown: boolean;
  /** Part of a longer word of the question (面积 in 大面积): it can stand for the word, never adds weight. */
  piece?: boolean;
  /** An alternative for a piece (供暖 for 暖气 of 暖气费): partial evidence, never the word itself. */
  pieceAlternative?: boolean;
  /** A word asking which end of a span is wanted (开始 of 啥时候开始, 结束 of 到哪天结束): its absence counts for nothing. */
  askingEnd?: boolean;
  /** A place name or a year (太原, 1993年): where and when the question is scoped, not what it asks about. */
  scope?: boolean;
  /** English: reached by a reliable route (the glossary, a place name, the question's own word in an English document). */
  anchor?: boolean;
  /** Only in the clauses that tell the asker's story, not in the one that asks (大学毕业 of 我闺女大学毕业…，见习补贴一个月给多少). */
  story?: boolean;
  /** Names the period a figure is asked for (一天, 每个 of 每个月): its absence counts for nothing, as a number's. */
  period?: boolean;
  /** A token of a curated synonym (转移 of 转移登记 for 过户): the synonym whole, which a passage may state. */
  phrase?: string;
  /**
   * English: a 2–3-word thing CC-CEDICT names by a headword no document uses (work permit → 工作证). A passage
   * has it when it states the phrase, or has its modifier by a main translation (hasPhrase).
   */
  absentPhrase?: boolean;
}

/** Weight per group: its heaviest whole word (pieces of a word only stand in for it). */
function groupTotals(keyTerms: KeyTerm[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const k of keyTerms) if (!k.piece) totals.set(k.group, Math.max(totals.get(k.group) ?? 0, k.weight));
  for (const k of keyTerms) if (!totals.has(k.group)) totals.set(k.group, k.weight);
  return totals;
}

/**
 * The search tokenizer gives a compound and its pieces (大面积, 大面, 面积; 发短信, 短信): one word of the
 * question, so one group. A piece found in a passage stands for the word, up to the word's own weight.
 */
function mergePieces(terms: KeyTerm[]): KeyTerm[] {
  // Words of Chinese characters and digits (1993 is a piece of 1993年).
  const han = /^[\u4e00-\u9fff0-9]+$/;
  const rename = new Map<string, string>();
  const root = (g: string): string => (rename.has(g) ? root(rename.get(g)!) : g);
  const longestFirst = [...terms].sort((a, b) => b.term.length - a.term.length);
  // Groups of pieces: a piece and its own alternatives (暖气 and its synonym 供暖 inside 暖气费).
  const pieceGroups = new Set<string>();
  for (const k of terms) {
    // A single character is no piece: 梁 in a passage does not stand for the name 梁诚.
    if (!han.test(k.term) || k.term.length < 2) continue;
    // The whole word is a term of the question, or the word of the question a synonym stands for (长护 of
    // 长护险, searched as 长期护理保险).
    const whole = longestFirst.find((w) => w !== k && ((w.term.length > k.term.length && han.test(w.term) && w.term.includes(k.term)) || (w.group.length > k.term.length && han.test(w.group) && w.group.includes(k.term))));
    if (!whole || whole.group === k.group) continue;
    // An alternative is a piece only where its word is (供暖 for 暖气 of 暖气费): 住房 for 房子 is no piece of
    // 住房公积金 for 公积金 — 买了房子 and 公积金 are two words of the question.
    if (k.term !== k.group && !whole.group.includes(k.group) && !whole.term.includes(k.group)) continue;
    pieceGroups.add(k.group);
    const [a, b] = [root(k.group), root(whole.group)];
    if (a !== b) rename.set(a, b);
  }
  return terms.map((k) => ({ ...k, group: root(k.group), piece: pieceGroups.has(k.group), ...(pieceGroups.has(k.group) && k.term !== k.group ? { pieceAlternative: true } : {}) }));
}

// nt (organisation) is left out: jieba tags colloquial verb phrases as nt (招人), and an organisation's
// name rarely decides a question alone.
/** Weight kept by the most everyday words the corpus uses, relative to a rare word. */
const EVERYDAY_FLOOR = 0.5;

const YEAR = /^(19|20)\d{2}$/;
// Words and their stems ("county" → counti).
const ENGLISH_PLACE_NOUN = /^(district|counti|county|citi|city|town|township|villag|village|provinc|province|street|road|avenu|avenue|area|region)s?$/;
/**
 * What is still being worked out or not yet set up (海带养殖保险正在开展试点方案论证, 尚未出台, 暂未开展): nothing of it is
 * given yet, whatever facet is asked.
 */
const UNDER_PREPARATION = /(?:正在|尚在|仍在)[^，。；]{0,8}(?:论证|研究|制定|筹备|调研|起草)|(?:尚未|暂未|还未|暂不)(?:出台|确定|明确|开展|启动|实施|公布)/;
/**
 * The sentence defers the kind of figure asked to another notice: "具体标准由区民政局另文公布", "具体时间和收费另行通知",
 * "缴费时间以学校通知为准"; in English "The fee for a new gas connection is published separately", "dates to be
 * announced". What it defers is read from the words before the deferral: a date (时间, 时刻, date) for a date or
 * duration asked, an amount (标准, 收费, fee) for any other figure, 办法 for either.
 */
const DEFERRED = new RegExp(`[^，。；]{0,20}(另(文|行)(公布|公告|通告|通知|制定|发布|下达|下发|明确|确定|告知|部署|安排|规定)|以[^，。；]{0,16}(通知|公告|公布)为准|${UNDER_PREPARATION.source})`);
const DEFERRED_EN = /[^.;!?]{0,80}?\b(?:(?:is|are|will be|to be|gets?|get)\s+(?:published|announced|notified|set|posted|decided|confirmed|released|given)\s+(?:separately|later|in due course)|to be (?:announced|confirmed|decided|published))\b/i;
const DEFERRED_HINT = /另[文行]|为准/;
const DEFERRED_EN_HINT = /separately|later|in due course|to be /i;
const DEFERS_DATE = /时间|日期|时刻|\b(dates?|times?|schedules?|deadlines?)\b/i;
const DEFERS_AMOUNT = /标准|金额|数额|收费|费用|价格|比例|比率|限额|额度|\b(fees?|prices?|charges?|costs?|amounts?|rates?|percentages?|shares?|limits?|caps?)\b/i;
/**
 * The sentence is a deferral and nothing else: with the deferral (and what it defers, up to its clause's start) taken
 * out, no word is left — only numbering, a year or punctuation (答：2027年度的筛查安排另行通知).
 */
export function onlyDefers(norm: string): boolean {
  const span = deferral(norm);
  if (!span) return false;
  // (…or one clause naming what is deferred, with no figure, then who will set it: 黍原县山区土地经营权流转的具体办法，由黍原县
  // 人民政府另行制定.)
  const clause = lastClause(span[0]);
  const [before, after] = [norm.slice(0, span.index + span[0].length - clause.length).replace(FAQ_ANSWER, ''), norm.slice(span.index + span[0].length)];
  if (/^\s*由/.test(clause) && /^[^，,。；;\d]+[，,]\s*$/.test(before) && !SAYS_SOMETHING.test(after)) return true;
  const rest = (norm.slice(0, span.index) + norm.slice(span.index + span[0].length)).replace(FAQ_ANSWER, '').replace(/\b(?:19|20)\d{2}\b|(?:19|20)\d{2}年度?/g, '');
  return !SAYS_SOMETHING.test(rest);
}
/** A word or a number: what a text left after its deferral has if it says anything more. */
const SAYS_SOMETHING = /[\p{Script=Han}\p{N}]|[a-z]{2,}/iu;
/** The last clause of a deferral's span (it may reach into the clause before, up to its 20 characters). */
function lastClause(span: string): string {
  return span.split(/[,，;；]/).pop()!;
}
/** The sentence's deferral, in Chinese or English, with what it defers before it. */
function deferral(norm: string): RegExpExecArray | null {
  // (Words each pattern cannot match without, tested first: the patterns' leading spans are slow to fail on every
  // sentence of every passage.)
  // (UNDER_PREPARATION is its own hint: 正在 alone is common in news, and the leading span would run on each sentence of it.)
  return (DEFERRED_HINT.test(norm) || UNDER_PREPARATION.test(norm) ? DEFERRED.exec(norm) : null) ?? (DEFERRED_EN_HINT.test(norm) ? DEFERRED_EN.exec(norm) : null);
}
function defersAsked(norm: string, asked: AskedFigure | null): boolean {
  if (!asked) return false;
  const span = deferral(norm)?.[0];
  if (!span) return false;
  const dated = asked.measure === 'date' || asked.measure === 'duration';
  // (A deferral naming no facet defers the whole of what it names, every figure of it: 瓶装液化气用户的安全改造另行部署 —
  // not a rule that something is as a notice says, 具体以各饭堂门口公告为准.)
  const clause = lastClause(span);
  return span.includes('办法') || UNDER_PREPARATION.test(clause) || (dated ? DEFERS_DATE : DEFERS_AMOUNT).test(span) || (/另[文行]/.test(clause) && !(DEFERS_DATE.test(clause) || DEFERS_AMOUNT.test(clause) || DEFERS_FACET.test(clause)));
}
/**
 * A sentence of the opening sentence's document that defers (另行公布, "to be announced") what it says for a place the
 * question names and the opening sentence does not: the place's own words stand in the deferral's span. Chinese place
 * names only (a county, district, town or street the corpus or the stock dictionary knows, not a year).
 */
function deferredForPlace(question: string, opening: ScoredSentence, sentences: readonly ScoredSentence[], passages: readonly RetrievedPassage[], keyTerms: readonly KeyTerm[], stats: CorpusStats): ScoredSentence | null {
  // (A place the corpus or jieba's stock dictionary names so: not 送考下乡, a campaign whose name ends in 乡.)
  const named = (term: string) => (stats.places ?? []).includes(term) || stats.tokenizer.placeNames(term).includes(term);
  const places = keyTerms.filter((k) => k.scope && !k.period && !k.piece && /^[\u4e00-\u9fff]{2,}$/.test(k.term) && named(k.term) && question.includes(k.term) && !opening.norm.includes(k.term));
  if (!places.length) return null;
  const { chunk } = passages[opening.passageIndex];
  const deferred = (s: ScoredSentence) => places.filter((k) => DEFERRED.exec(s.norm)?.[0].includes(k.term));
  const deferral = sentences.find((s) => s !== opening && passages[s.passageIndex].chunk.docId === chunk.docId && deferred(s).length > 0);
  if (!deferral) return null;
  // (A place the document's title names, or its passage outside the deferral, is what the document is about — 麦垄镇's
  // row of a county's test dates —, not a place it leaves out.)
  const rest = normalizeText(`${chunk.title}\n${passageText(passages[opening.passageIndex])}`).replace(deferral.norm, '');
  return deferred(deferral).some((k) => !rest.includes(k.term)) ? deferral : null;
}
/** Facets a deferral may name other than a date or an amount: a list, a place, a way, who, a phone. */
const DEFERS_FACET = /名单|地点|场所|地址|方式|途径|渠道|对象|范围|条件|程序|流程|材料|电话|人员|\b(lists?|places?|venues?|address(?:es)?|ways?|eligib\w*|conditions?|procedures?|documents?|phones?|numbers?)\b/i;
/** An English clause that asks: a question word, or a question mark closing it. */
const ENGLISH_ASKING_CLAUSE = /\b(?:how|what|when|where|which|who|whom|whose|why|can|could|do|does|did|is there|are there)\b|\?\s*$/i;
/** An English clause told by the asker of their own case: "my son starts school next year", "leaving china for good next year". */
const ENGLISH_STORY_CLAUSE = /^\s*(?:i|i'm|im|my|we|we're|our|he|she|his|her|they|their|me)\b|\b[a-z]{3,}ing\b|\b(?:is|am|are|was|were|will|leave|leaves|left|move|moves|moved|start|starts|started|come|comes|came|go|goes|went|turn|turns|turned|have|has|had)\b/i;
const YEAR_TOKEN = /^(19|20)\d{2}年?$/;
/** The grade an English question names as the Chinese documents write it: "tier-2 hospital", "level 2" → 二级. */
function englishGrade(norm: string): string[] {
  const m = /\b(?:tier|level|grade|class)[-\s]?([1-4])\b|\b(first|second|third|fourth)[-\s](?:tier|level|grade|class)\b/i.exec(norm);
  if (!m) return [];
  const n = m[1] ? Number(m[1]) : ['first', 'second', 'third', 'fourth'].indexOf(m[2]!.toLowerCase()) + 1;
  return [`${'一二三四'[n - 1]}级`];
}
/** An English sentence opening with a pronoun as its subject: what it speaks of is named before it. */
const PRONOUN_SUBJECT = /^\s*(It|They|This|These|Those|That)\s+(is|are|was|were|has|have|had|can|cannot|can't|will|must|may|should|costs?|takes?|opens?|closes?|covers?|includes?|lasts?|runs?|gives?|pays?|offers?|needs?|requires?)\b/i;
/** The answer to a question a page asks itself (答：…). */
const FAQ_ANSWER = /^\s*(答|A)\s*[:：]/i;

/** A question a page asks itself: 问：…, Q: …, Q6. …, or one short sentence ending in ？ — up to 40 characters, an English one up to 100 (not a passage that merely ends with one). */
function isFaqQuestion(text: string): boolean {
  return FAQ_MARK.test(text) || (/[？?]\s*$/.test(text) && text.length <= (englishText(text) ? 100 : 40) && !/[。.!！;；]\s/.test(text.replace(FAQ_NUMBER, '')) && !/[。！；]/.test(text));
}
/** A question a page asks itself, marked as one: 问：, Q:, Q6. */
const FAQ_MARK = /^\s*(问|Q\s*\d*)\s*[:：.．、]|^\s*Q\d+\b/i;
/** The number a list of questions puts before each (1．, 2、, Q6.). */
const FAQ_NUMBER = /^\s*(Q\s*)?\d{1,2}\s*[.．、]\s*/i;
/** A Chinese word of two characters or more: found inside the passage's compounds too. */
const COMPOUND_PART = /^[\u4e00-\u9fff]{2,}$/;
const HAN_CHAR = /^[\u4e00-\u9fff]$/;
/**
 * Share of the covering section's coverage below which the top sentence's section gives way to it. Chosen on
 * the calib splits among 0.6, 0.7 and 0.8 (0.7 and 0.8 lost a county English answer; 0.6 gained two).
 */
const SECTION_LEAD_SHARE = 0.6;

/**
 * `piece` is the head `whole` ends with (救助 of 临时救助), and every occurrence of it in `text` ends another
 * compound of the passage (社会救助): a sibling kind of the asked thing, not it. (A shared modifier with another
 * head — 取暖 of 取暖费 in 取暖补贴 — stays: the same matter.)
 */
function pieceOnlyInOtherCompounds(piece: string, whole: string, text: string, tokens: ReadonlySet<string>): boolean {
  if (!COMPOUND_PART.test(piece) || !COMPOUND_PART.test(whole) || whole.length <= piece.length || !whole.endsWith(piece)) return false;
  const others = [...tokens].filter((t) => t.length > piece.length && t.endsWith(piece) && !whole.includes(t) && !t.includes(whole));
  if (!others.length) return false;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
    if (!others.some((t) => text.startsWith(t, at + piece.length - t.length))) return false;
  }
  return true;
}
/** Key terms holding a number (8点, 1.5匹, 66). */
const NUMBER_TERM = /\d/;
/** A numeral in words and its measure word (两圈, 一趟, 几回). */
const COUNTED = /^[一两二三四五六七八九十几半俩][^\P{Script=Han}年月天日周岁号点分秒]$/u;
const RELATIVE_YEAR_WORD = /^(今年|去年|前年|明年|后年|本年度|上年度|下年度)$/;

/** Characters that are grammar (negation, particles, pronouns, classifiers, common light verbs), rarely inside a name. */
const GRAMMATICAL_CHAR = /[不没了的是在有也都就还打上下个些这那哪么呢吗吧啊呀给让被把我你他她它咱俺啥咋]/;
const PLACE_OR_NAME_TAG = /^(ns|nr|nrt|nt)$/;
/** Words that say how much or how often is asked (最多先给多少, 每个月补多少, 多长时间内办): a pair cut across one is no word. */
const ASKING_FUNCTION = /^(最多|最少|最高|最低|多少|多长|多久|每个月|个月|每月|每年|每天|时间内|以内|之内)$/;

/**
 * A corpus word of the question (two to four characters), or a word of how it asks, holds exactly one character of the pair at `at`:
 * 范围内 of 范围|内能|报, 特展 of 特|展展|到.
 */
function cutAcross(question: string, at: number, stats: CorpusStats, inPassages: (text: string) => boolean = () => false): boolean {
  for (let length = 2; length <= 4; length++) {
    const ending = question.slice(at + 1 - length, at + 1);
    const starting = question.slice(at + 1, at + 1 + length);
    if (at + 1 - length >= 0 && /^[\u4e00-\u9fff]+$/.test(ending) && (stats.documentFrequency(ending) > 0 || ASKING_FUNCTION.test(ending))) return true;
    if (starting.length === length && /^[\u4e00-\u9fff]+$/.test(starting) && (stats.documentFrequency(starting) > 0 || ASKING_FUNCTION.test(starting))) return true;
    // (…or three or four characters of it the retrieved passages state word for word, where the index has
    // them as two words: 政策范围内 is 范围 and 内 to jieba.)
    if (length >= 3 && at + 1 - length >= 0 && /^[\u4e00-\u9fff]+$/.test(ending) && inPassages(ending)) return true;
    if (length >= 3 && starting.length === length && /^[\u4e00-\u9fff]+$/.test(starting) && inPassages(starting)) return true;
  }
  return false;
}

/** Directional and resultative complements of spoken verbs (拿到, 办完, 加进来, 拿去, 换成). */
const COMPLEMENT = /^(来|去|到|完|好|掉|住|走|成|着|过|上|下|出|进|回|开|进来|出来|上来|下来|过来|回来|起来|进去|出去|上去|下去|过去|回去)$/;
/** Modal verbs (能带, 可领, 要交): what may or must be done, said before the verb. */
const MODAL = /^[能可会要该得想肯敢]$/;
/** Going or coming to do something (去办, 来拉), said before the verb. */
const GO_COME = /^[去来]$/;
/** Adverbs of order and repetition said before a verb (先办, 再交, 还领, 也报). */
const BEFORE_VERB = /^[先再还也都就才又]$/;
/** Everyday verbs jieba's stock dictionary tags otherwise (换 nz). */
const LIGHT_VERB = /^(换)$/;

/**
 * A verb with its complement (加进来, 换完, 拿去, 打到) or an everyday object (带娃): how the asker puts an
 * action, which the documents state with their own words (加入, 换领, 用于, 打入, 托育). Returns the verb, or null.
 */
function verbWithComplement(word: string, tokenizer: CorpusStats['tokenizer']): string | null {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(word)) return null;
  // (…or a modal before it: 能带 of 能带家里人吗 — a word of jieba's dictionary only as physics' "energy band".)
  // (…or the 去 or 来 of going or coming to do it: 去办 of 周六能去办不, 来拉 of 几天之内来拉的.)
  if (word.length === 2 && (MODAL.test(word[0]!) || GO_COME.test(word[0]!) || BEFORE_VERB.test(word[0]!)) && /^v/.test(tokenizer.generalTag(word[1]!))) return word[1]!;
  // (…or said twice, to try it: 测测, 问问 — with its 去 too, 去测测.)
  const twice = /^[去来]?([\u4e00-\u9fff])\1$/.exec(word);
  if (twice && /^v/.test(tokenizer.generalTag(twice[1]!))) return twice[1]!;
  for (let k = 1; k < word.length; k++) {
    const verb = word.slice(0, k);
    // …or with an everyday object (带娃, 接孩子): the asker's household, as the kinship word alone is.
    if ((COMPLEMENT.test(word.slice(k)) || isEverydayWord(word.slice(k))) && (/^v/.test(tokenizer.generalTag(verb)) || LIGHT_VERB.test(verb))) return verb;
  }
  return null;
}
/** Weight kept by words that only tell the asker's situation, in a clause that asks nothing. */
const SITUATION_WEIGHT = 0.5;
/** An everyday modifier (old, used, new, broken, small, big) before a word of two or more characters. */
const DESCRIBED = /^[老旧新破小大](?=[\u4e00-\u9fff]{2,}$)/;
/** The name of a fund, fee, card, permit, insurance, loan or leave: what a service is about. */
const SERVICE_NOUN = /^[\u4e00-\u9fff]{1,4}(金|费|证|卡|险|贷|贷款|照|假|券|补贴|津贴|补助)$/;
/** The name of a place that serves (幼儿园, 养老院, 图书馆, 加油站, 派出所): its head character says what it is. */
const INSTITUTION = /^[\u4e00-\u9fff]{1,4}(园|院|馆|站|所|厅|校|局)$/;
/** Up to jieba's count ~1000 (学费 950, 奖学金 563), not everyday money words (现金, 奖金 1029; 资金 6555). */
const SERVICE_NOUN_SPECIFICITY = 0.25;
/** Weight kept by single characters, character pairs of unknown runs, and absent verbs: weak evidence either way. */
const WEAK_EVIDENCE = 0.3;

// "几个", "多长", "多少钱": how the question asks, not what it is about.

// "开不开", "有没有", "多不多": the A-not-A question form, also how the question asks.
// "哪两国", "哪一年", "几家": the interrogative with its numeral and classifier.
// (And 不/没 closing a question, as 吗 does: 要交钱不？, 报上名没.)
const ASKING_SPAN = /(?:百分之)?(几|多少|哪)[一二两三四五六七八九十几]?[个名家户次天期毛块角元国种类条位些所座项号部本年届]?钱?|([\u4e00-\u9fff])[不没]\2|(?<=[\u4e00-\u9fff])(?:不|没有|没)(?=\s*(?:[？?]|$))/g;
// A word holding an interrogative (哪些地方, 为什么, 干什么) says how the question asks.
const ASKING_WORD = /^(几.{0,2}|多[长大远高久重宽]|.*(多少|哪|啥|什么|谁).*)$/;
// "什么院系", "哪个部门", "啥证": the noun after the interrogative is the kind of answer wanted, which the
// document states by name (中国戏曲学院) — not a topic it must share.
const ANSWER_KIND = /(?:什么|哪个|哪些|哪家|哪种|哪类|哪一|哪|啥)([\u4e00-\u9fff]{1,3})/g;
/** How a resident asks when (啥时候, 几号, 几月) … */
const WHEN_WORD = '(?:啥时候|什么时候|何时|哪天|几号|几月|几点)';
/** …and which end of a span they mean: 啥时候开始, 几号截止, 结束是哪天, 从几月到几月. */
const WHEN_ASKING = new RegExp(`${WHEN_WORD}(?:开始|结束|截止|停止)|(?:开始|结束|截止|停止)(?:是|在)?${WHEN_WORD}|是?从${WHEN_WORD}(?:开始)?(?:到|至)${WHEN_WORD}`, 'g');

/** Everyday words of the question (特别, 一般) that the retrieved passages use with the two characters that follow them in it. */
function categoryWords(norm: string, passages: RetrievedPassage[], stats: CorpusStats): string[] {
  const out = new Set<string>();
  let at = 0;
  for (const token of stats.tokenizer.tokens(norm)) {
    const start = norm.indexOf(token, at);
    if (start < 0) continue;
    at = start + token.length;
    const next = norm.slice(at, at + 2);
    if (!isEverydayWord(token) || !/^[\u4e00-\u9fff]{2}$/.test(next)) continue;
    if (passages.some((p) => p.chunk.normText.includes(token + next))) out.add(token);
  }
  return [...out];
}

/**
 * Weight per key term. Terms the corpus uses get their IDF (rare names and programme words decide
 * more than common words). Words the corpus never uses are weighed by how specific they are in
 * general Chinese: a rare word (公交卡, 驾照) is a topic the documents lack; an everyday word a resident
 * uses in place of the article's (一共, 大概, 上班) is not evidence against the passage.
 */
function keyTermWeights(terms: WeightedTerm[], language: Language, stats: CorpusStats, question = '', places: { name: string; stem: string }[] = [], categories: ReadonlySet<string> = new Set(), passageTexts: () => readonly string[] = () => [], titledTexts: () => readonly string[] = passageTexts): KeyTerm[] {
  let texts: readonly string[] | null = null;
  const inPassages = (text: string) => (texts ??= passageTexts()).some((p) => p.includes(text));
  let englishWords: Set<string> | null = null;
  // (Stemmed, as the question's words are — librari of "Library" — and with their titles: "Christmas Fair" heads the
  // English page's passage that gives its place and day.)
  const inEnglishPassages = (word: string) => (englishWords ??= new Set(titledTexts().flatMap((p) => (englishText(p) ? p.toLowerCase().match(/[a-z]+/g) ?? [] : loneLatinWords(p))).map(stemEnglish))).has(word);
  // Where the question names a place (柳溪街道, 稷山县): its words and characters say where, not what.
  const placeSpans = spansOf(question, places.flatMap((p) => [p.name, p.stem]));
  const inPlace = (term: string) => everyOccurrence(question, term, (w) => placeSpans.some((p) => w.start >= p.start && w.end <= p.end));
  const n = Math.max(1, stats.size);
  const idfMax = Math.log(1 + (n + 0.5) / 0.5);
  const out: KeyTerm[] = [];
  const askingMatches = question ? [...question.matchAll(ASKING_SPAN)] : [];
  const askingSpans = askingMatches.map((m) => m[0]);
  const askingAt = askingMatches.map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const periodSpan = language === 'zh' && askingMatches.length ? askedPeriodSpan(question) : undefined;
  // (…and so is the one unit it is asked for: 一亩 of 一亩保多少钱, where the documents say 每亩.)
  const unitSpan = language === 'zh' && askingMatches.length ? askedUnitSpan(question) : undefined;
  // Words only in the clauses that tell the asker's situation (我爸瘫床上好几年了，…) weigh less than
  // those of the clause that asks: the documents state the programme, not the asker's story.
  // (Only when the clause that asks names a thing of its own, as search weighs it: askingClausesNamingThings.)
  const sources = terms.filter((t) => t.source && t.origin !== 'question').map((t) => t.source!);
  const asking = question ? askingClausesNamingThings(question, stats, sources) : null;
  const lower = question.toLowerCase();
  const situational = (word: string) => {
    const w = word.toLowerCase();
    return !!asking && lower.includes(w) && !asking.some((c) => c.toLowerCase().includes(w));
  };
  const answerKinds = question ? [...question.matchAll(ANSWER_KIND)].map((m) => m[1]) : [];
  // The words that ask which end of a span is wanted (啥时候开始, 几号截止, 从几月到几月) are how a date is asked: a passage
  // lacking them may state it.
  const whenAsking = question ? [...normalizeText(question).matchAll(WHEN_ASKING)].map((m) => m[0]) : [];
  // English: the word naming a road or district ("Riverside" of "near Riverside Road") says where, as the place noun does.
  const placeNameWords = new Set(language === 'en' ? [...lower.matchAll(ENGLISH_NAMED_PLACE)].map((m) => m[1]).filter((w) => !STOP_WORDS.has(w) && !ENGLISH_PLACE_NOUN.test(stemEnglish(w))).map(stemEnglish) : []);
  // ("Take" of "how long does it take" is how a duration is asked, as "days" of "how many days" is; "cost" of
  // "how much does it cost" how an amount is.)
  const costVerb = HOW_MUCH_COST.exec(lower)?.[1];
  const englishAnswerKinds = language === 'en' ? new Set([...lower.matchAll(ENGLISH_ANSWER_KIND)].flatMap((m) => wordForms(m[1])).concat(HOW_LONG_TAKE.test(lower) ? wordForms('take') : [], HOW_IT_WORKS.test(lower) ? wordForms('work') : [], costVerb ? wordForms(costVerb) : [])) : null;
  const namesAnswerKind = (word: string) => !!englishAnswerKinds?.size && wordForms(word.toLowerCase()).some((f) => englishAnswerKinds.has(f));
  // English: the question's words come as stems (mani of "many", isn of "isn't"): a function word, a contraction's
  // pieces and a bound asked (the "minimum" of "what's the minimum temperature", as 最低 is) are read as written.
  const functionStems = language === 'en' ? englishFunctionStems(lower) : new Set<string>();
  // English: the question's own word ("appli" of "apply") is one concept with the translations of the phrase
  // holding it ("apply for" → 申请, 办理): an English page's word or a Chinese page's translation covers it once.
  const conceptOf = new Map<string, string>();
  if (language === 'en') for (const t of terms) if (t.source && t.origin !== 'question' && t.origin !== 'absent') for (const w of t.source.toLowerCase().split(/\s+/)) if (!conceptOf.has(stemEnglish(w))) conceptOf.set(stemEnglish(w), t.source);
  // English: how everyday each word of the question is, by its main translation's general usage (buy as 购买).
  const englishUsage = new Map<string, { weight: number; usage: number }>();
  if (language === 'en') {
    for (const t of terms) {
      if (!t.source || (t.origin !== 'cedict' && t.origin !== 'glossary') || !HAN.test(t.term)) continue;
      for (const w of t.source.toLowerCase().split(/\s+/)) {
        const seen = englishUsage.get(stemEnglish(w));
        if (!seen || t.weight > seen.weight) englishUsage.set(stemEnglish(w), { weight: t.weight, usage: stats.tokenizer.generalFrequency(t.term) });
      }
    }
  }
  const ownCase = question ? ownCaseSpans(question) : [];
  // Words of the question a synonym or a pinyin repair stands for (长护险 → 长期护理保险): the characters
  // jieba cut out of them (长护, 护险 of an unknown run) are that word, not topics of their own, and
  // pairs straddling its edge (办长 of 办长护险) are no word at all.
  const replaced = language === 'zh' ? spansOf(question, terms.filter((t) => t.source && t.origin !== 'question' && t.origin !== 'history').map((t) => t.source!)) : [];
  const slips = language === 'zh' ? spansOf(question, terms.filter((t) => t.source && t.origin === 'pinyin-repair').map((t) => t.source!)) : [];
  // A typo (低包, shiyejin) the pinyin repair replaced is no word of its own: its repairs stand for it.
  const repaired = new Set(terms.filter((t) => (t.origin === 'pinyin-repair' || t.origin === 'abbreviation' || t.origin === 'variant' || t.origin === 'paraphrase') && t.source).map((t) => t.source!));
  const absentConcepts = new Set<string>();
  const presentConcepts = new Set<string>();
  const absentThings = new Set<string>();
  const absentPhrases = new Set<string>();
  // Character pairs of runs jieba could not cut into words (特展展到 → 特展, 展展, 展到), in no document and
  // no dictionary.
  const pairs: KeyTerm[] = [];
  // English: does the question name anything the corpus has by a reliable route — a glossary concept
  // (not how it asks), a place or programme name, or its own words in English documents?
  let anchored = false;
  const isPlaceName = (term: string) => stats.tokenizer.generalTag(term) === 'ns' && stats.tokenizer.placeNames(term).includes(term);
  for (const t of terms) {
    if (language === 'en' && t.origin === 'absent') {
      if (t.source?.includes(' ') && stats.documentFrequency(t.term) === 0) absentPhrases.add(t.source);
      else if (t.source && stats.documentFrequency(t.term) === 0) absentThings.add(t.source);
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(t.term) || ASKING_WORD.test(t.term) || (isEverydayWord(t.term) && !categories.has(t.term))) continue;
    // 今年, 去年: which year's version is asked (see relativeYears), not a word the passage must share.
    if (RELATIVE_YEAR_WORD.test(t.term)) continue;
    // A count said in words no document uses (滑两圈, 坐一趟, 问了两回): how much of it, not what it is about.
    // (Not one the documents state each of — 一份 of 一份饭多少钱, where they say 每份 —, nor a span of time: 半年.)
    if (language === 'zh' && !t.source && COUNTED.test(t.term) && stats.tokenizer.generalTag(t.term) === 'm' && stats.documentFrequency(t.term) === 0 && stats.documentFrequency(`每${t.term.slice(1)}`) === 0) continue;
    // English function words ("much", "many") an English document happens to contain say nothing.
    if (t.origin === 'question' && (STOP_WORDS.has(t.term) || functionStems.has(t.term))) continue;
    if (namesAnswerKind(t.source ?? t.term)) continue;
    // Pieces of the asking words themselves (毛钱 in 几毛钱) say how the question asks, not what about.
    if (askingSpans.some((span) => span.includes(t.term))) continue;
    // …and a word cut across them (天内 of 多少天内, 天后 of 几天后) is their classifier with a particle.
    if (!t.source && askingAt.length && everyOccurrence(question, t.term, (w) => askingAt.some((a) => w.start < a.end && w.end > a.end))) continue;
    // …as is a pair no document or dictionary has cut into their start (满多 of 交满多少年).
    if (!t.source && askingAt.length && stats.documentFrequency(t.term) === 0 && stats.tokenizer.generalFrequency(t.term) === 0 && everyOccurrence(question, t.term, (w) => askingAt.some((a) => w.start < a.start && w.end > a.start))) continue;
    // The asker's own age or birth date (俺爷爷85岁, 我妈66了, 2019年10月出生) is their case, not a topic.
    // (English: and the translations of its words — 年, 老年 for "year", "old" of "a 4-year-old".)
    if (ownCase.some((span) => span.includes(t.term) || (language === 'en' && !!t.source && span.toLowerCase().includes(t.source.toLowerCase())))) continue;
    // (…nor is the age group search added for it: 老年人 for 我妈72了, what passages are found by, not asked of them.)
    if (t.origin === AGE_GROUP_ORIGIN) continue;
    if (replaced.length && !t.source && /^[\u4e00-\u9fff]+$/.test(t.term)) {
      // (Pairs inside the word join its group as its pieces: mergePieces.)
      const inside = everyOccurrence(question, t.term, (w) => replaced.some((r) => w.start >= r.start && w.end <= r.end && w.word !== r.word));
      const straddles = everyOccurrence(question, t.term, (w) => replaced.some((r) => w.start < r.end && w.end > r.start));
      // (Nor is a rare word no document uses that a typo's repair straddles: 包户 of 低包户, cut 低 / 包户 around the slip 低包.)
      const acrossSlip = everyOccurrence(question, t.term, (w) => slips.some((r) => w.start < r.end && w.end > r.start && !(w.start >= r.start && w.end <= r.end)));
      if ((inside && t.term.length < 2) || (straddles && !inside && stats.documentFrequency(t.term) === 0 && (stats.tokenizer.generalFrequency(t.term) === 0 || (acrossSlip && stats.tokenizer.generalFrequency(t.term) <= RARE_SLIP_WORD)))) continue;
    }
    const df = stats.documentFrequency(t.term);
    if (t.origin === 'question' && repaired.has(t.term) && df === 0) continue;
    // A pair no document uses, cut across a word the documents use (内能 of 政策范围内能报, 展展 of 特展展到,
    // 多补 of 最多补): jieba's mis-cut of the asker's run, no word at all.
    if (df === 0 && !t.source && /^[\u4e00-\u9fff]{2}$/.test(t.term) && everyOccurrence(question, t.term, (w) => cutAcross(question, w.start, stats, inPassages))) continue;
    // English: the English words themselves, and translations the corpus never uses, say nothing —
    // except the glossary's: its translations are reliable, so a concept none of them covers is missing.
    if (language === 'en' && df === 0) {
      if (t.origin === 'glossary' && t.source && !ASKING_PHRASE.test(t.source)) absentConcepts.add(t.source);
      continue;
    }
    // (A single character cut from a translation — 证 of 驾驶证 — is any certificate, not the thing.)
    if (t.source && !(language === 'en' && t.phrase && t.phrase !== t.term && [...t.term].length === 1)) presentConcepts.add(t.source);
    // (Not an everyday English word an English page shares with the question — good, person, year: "recommend a
    // good movie" is about nothing the page says.)
    // (The question's own word anchors where an English page has it, or a Chinese one alone among its characters —
    // 下载APP: Latin letters of a run inside a Chinese text — Best of "PlayStation the Best版" — are part of a name
    // there, not the asker's word.)
    const anchor = t.origin === 'pinyin' || (t.origin === 'glossary' && !ASKING_PHRASE.test(t.source ?? '')) || (t.origin === 'question' && /\p{L}/u.test(t.term) && !(/[a-z]/i.test(t.term) && stats.everydayEnglish?.has(stemEnglish(t.term))) && inEnglishPassages(t.term));
    // (An everyday English word an English page happens to use — good, new, year, as everyday as its main
    // translation — anchors nothing.)
    // Nor does a glossary word for the facet asked (phone, price, hours): it says what about the thing is asked.
    if (anchor && (t.origin !== 'question' || specificity(englishUsage.get(stemEnglish(t.term))?.usage ?? 0) >= SPECIFIC_WORD) && !(t.origin === 'glossary' && namesFacetOnly(t.source ?? ''))) anchored = true;
    const general = stats.tokenizer.generalFrequency(t.term);
    // Single characters and the character pairs made from unknown runs (多挣) are weak evidence either way.
    // Character pairs of unknown runs that hold a grammatical character (不热, 级不, 热打 of 暖气不热打…) are no words.
    if (df === 0 && general === 0 && GRAMMATICAL_CHAR.test(t.term)) continue;
    const fragment = /^[\u4e00-\u9fff]$/.test(t.term) || (df === 0 && general === 0 && /^[\u4e00-\u9fff]{2}$/.test(t.term));
    // In a small corpus IDF alone overrates everyday words that happen to be rare in it (一个月, 发):
    // their general-language frequency tempers them.
    // A verb with its complement no document uses (加进来, 换完) weighs as its verb: jieba's dictionary may
    // list it as a rare name (加进来 nr) or not at all, which would make it a rare topic. (So does one a document
    // happens to use that jieba's dictionary lacks: 去办 of a village notice's 不需要自己去办.)
    const verb = df === 0 || general === 0 ? verbWithComplement(t.term, stats.tokenizer) : null;
    const usage = verb ? stats.tokenizer.generalFrequency(verb) : general;
    let w = df > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (EVERYDAY_FLOOR + (1 - EVERYDAY_FLOOR) * specificity(usage)) : idfMax * specificity(usage);
    const tag = verb ? 'v' : stats.tokenizer.generalTag(t.term);
    // A verb, adverb or numeral no document uses is how the asker puts it (谈成, 开张, 涨到, 打到), not a
    // topic the documents lack: the documents say the same with their own verb. Nouns keep their weight.
    // (So does the documents' written form of that verb, 补缴 for the asker's 补交: it is the same word.)
    const asWritten = t.origin === 'variant' && !!t.source ? stats.tokenizer.generalTag(t.source) : null;
    const phrasing = (df === 0 && usage > 0 && !NOUN_TAG.test(tag) && !PLACE_OR_NAME_TAG.test(tag)) || (asWritten !== null && !NOUN_TAG.test(asWritten) && !PLACE_OR_NAME_TAG.test(asWritten));
    const answerKind = answerKinds.some((span) => span.startsWith(t.term));
    // A pronoun or determiner (每个 of 每个月都打过来, 其他, 各个: jieba's r) points at a thing, it names none. (Not 每户,
    // 每人, 每年: the unit a figure is per, which a figure's sentence names — 每户补助1.5万元 — as 每个, with the general
    // classifier, does not.)
    const pronoun = language === 'zh' && !t.source && tag === 'r' && !/^每[^个]/.test(t.term);
    if (fragment || phrasing || pronoun || (answerKind && df === 0)) w *= WEAK_EVIDENCE;
    // (Its weight stays: it picks the clause that states the asked end — 申请截止时间为… of a sentence that also dates the purchase.)
    const askingEnd = !t.source && whenAsking.some((span) => span.includes(t.term));
    const story = situational(t.source ?? t.term);
    if (story) w *= SITUATION_WEIGHT;
    // (A service's own name — 奖学金, 学费, 护照: a fund, fee, card or permit — is a topic though everyday talk uses it.)
    const unknown = df === 0 && !fragment && !answerKind && general > 0 && (specificity(general) >= 0.6 || ((SERVICE_NOUN.test(t.term) || INSTITUTION.test(t.term)) && specificity(general) >= SERVICE_NOUN_SPECIFICITY)) && NOUN_TAG.test(tag) && t.origin !== 'history';
    // English: romanised place names (their own spelling or the Chinese name they map to) and place nouns.
    // (And a word CC-CEDICT translates into a place name, Australia → 澳洲, with those translations: where, as
    // 澳洲 is in a Chinese question — "the capital of Australia" must match what, capital, as well.)
    const englishPlace = language === 'en' && (t.origin === 'pinyin' || (t.origin === 'question' && (stats.romanised.has(t.term) || ENGLISH_PLACE_NOUN.test(t.term) || placeNameWords.has(t.term) || terms.some((o) => o.source === t.term && isPlaceName(o.term)))) || (!!t.source && t.origin !== 'question' && isPlaceName(t.term)));
    // (A word jieba's dictionary tags as a place but the place list does not hold — 上门 of 上门回收 — is no place;
    // a single character tagged so is a piece of one jieba cut apart: 桐 of 桐山县.)
    const scope = (language === 'zh' && ((tag === 'ns' && (t.term.length === 1 || stats.tokenizer.placeNames(t.term).length > 0)) || (!t.source && inPlace(t.term)))) || YEAR_TOKEN.test(t.term) || englishPlace;
    // The period a figure is asked for (一天 of 一天大概走多少人, 每个 of 每个月几号) is evidence where a passage
    // states it, but documents often put it otherwise (日均, 按月) and the figure's own check weighs it.
    const period = (!!periodSpan && periodSpan.includes(t.source ?? t.term)) || (!!unitSpan && unitSpan.includes(t.source ?? t.term));
    // …and it says per what the figure is, not what about: it weighs as weak evidence (按月 does not make a
    // passage about 托育补贴 of 托育补贴一个月多少).
    if (period) w *= WEAK_EVIDENCE;
    const group = t.source ?? (language === 'en' && t.origin === 'question' ? conceptOf.get(t.term) : undefined) ?? t.term;
    out.push({ term: t.term, weight: t.weight * w, group, unknown, ...(period ? { period } : {}), ...(askingEnd ? { askingEnd } : {}), ...(scope ? { scope } : {}), ...(anchor && language === 'en' ? { anchor } : {}), ...(story ? { story } : {}), ...(t.origin === 'synonym' && t.phrase ? { phrase: t.phrase } : {}) });
    if (fragment && t.term.length === 2 && !t.source) pairs.push(out[out.length - 1]);
  }
  joinRuns(pairs, question);
  markUnknownModifiers(pairs, out, question, stats);
  // A run that is a word a synonym or repair stands for (长护 + 护险 of 长护险, searched as 长期护理保险): its
  // alternatives are the word, and jieba's pairs of it are none (they would set the word's weight by themselves).
  const standsFor = new Set(terms.filter((t) => t.source && t.origin !== 'question' && t.origin !== 'history').map((t) => t.source!));
  const cutOfReplaced = (k: KeyTerm) => pairs.includes(k) && k.group !== k.term && standsFor.has(k.group) && out.some((o) => o.group === k.group && !pairs.includes(o));
  // English documents: the question's own English words found in them (stemmed, "sundays" → "sunday")
  // cover their concept too.
  // (…and so does the English word a page uses for it: "tourists" are the page's "visitors", variantsOf.)
  const englishPresent = new Set(language === 'en' ? [...terms.filter((t) => t.origin === 'question' && /^[a-z]+$/.test(t.term) && stats.documentFrequency(t.term) > 0).map((t) => t.term), ...terms.filter((t) => t.origin === 'variant' && !!t.source && stats.documentFrequency(t.term) > 0).map((t) => stemEnglish(t.source!.toLowerCase()))] : []);
  const coveredInEnglish = (concept: string) => englishPresent.size > 0 && concept.split(/\s+/).every((w) => englishPresent.has(stemEnglish(w.toLowerCase())));
  // Things CC-CEDICT names that no document mentions (football → 足球) count as missing topics only when
  // nothing else in the question is anchored: "recommend a good movie" matches only everyday words
  // (推出, 优良), while "delivery subsidy per parcel in Xinzhou" is about 补贴 in 忻州 whatever 包裹 is.
  // (There it is what the question is about, however rare an everyday word of it is in the documents.)
  const heaviest = Math.max(0, ...out.map((k) => k.weight));
  // (So is a word nothing maps at all — no dictionary entry the corpus has, no English page's word: Mona Lisa — in a
  // question nothing else anchors: it names something the documents cannot be about.)
  if (language === 'en' && !anchored) {
    const mapped = new Set(terms.filter((t) => t.origin !== 'question' && t.source).flatMap((t) => t.source!.toLowerCase().split(/\s+/)).flatMap((w) => [w, stemEnglish(w)]));
    for (const t of terms) {
      // (Not a romanised name a corpus word spells — shunxin, tongan — nor a unit: "per square meter".)
      if (t.origin !== 'question' || !/^[a-z]{3,}$/.test(t.term) || STOP_WORDS.has(t.term) || functionStems.has(t.term) || mapped.has(t.term) || stats.documentFrequency(t.term) > 0 || stats.romanised.has(t.term) || UNIT_WORD_EN.test(t.term)) continue;
      if (namesAnswerKind(t.term)) continue;
      absentThings.add(t.term);
    }
  }
  const things = anchored ? new Set<string>() : absentThings;
  for (const thing of things) absentConcepts.add(thing);
  for (const concept of absentConcepts) {
    if (!presentConcepts.has(concept) && !coveredInEnglish(concept)) out.push({ term: concept, weight: things.has(concept) ? Math.max(heaviest, idfMax * ABSENT_CONCEPT_WEIGHT) : idfMax * ABSENT_CONCEPT_WEIGHT, group: concept, unknown: true });
  }
  // A thing CC-CEDICT names by a phrase no document uses (work permit → 工作证) is missing whatever else the
  // question anchors (a place, "apply"): its words map one by one to everyday corpus words (工作, 许可) of
  // unrelated passages. Whether a passage has it after all — the phrase in an English document, or its
  // modifier in other words — is the passage's to say (hasPhrase).
  // (A share of the weight of all its words was tried first: at half, a Chinese passage with 许可 and 执照 for
  // "permit" and no "work" had it; at half and at two thirds the suite lost an answer.)
  for (const phrase of absentPhrases) {
    if (!absentConcepts.has(phrase)) out.push({ term: phrase, weight: idfMax * ABSENT_CONCEPT_WEIGHT, group: phrase, unknown: true, absentPhrase: true });
  }
  // English: a place noun after a place's name ("Yunxi county", "Nanhu District") is part of that name, as 县 is
  // of 云溪县: one place, not a second scope no Chinese passage can have.
  if (language === 'en') {
    for (const m of question.toLowerCase().matchAll(/\b([a-z]+)\s+(count(?:y|ies)|districts?|cit(?:y|ies)|towns?|townships?|villages?|provinces?)\b/g)) {
      const place = out.find((k) => k.scope && k.term === stemEnglish(m[1]!));
      if (!place) continue;
      for (const k of out) if (k.scope && k.term === stemEnglish(m[2]!) && k.group === k.term) k.group = place.group;
    }
  }
  return mergePieces(out.filter((k) => !cutOfReplaced(k)));
}

/** How the names of offices and service points end (住房保障中心, 政务服务大厅, 社保窗口). */
const OFFICE_END = /(中心|大厅|窗口|服务站|服务点|办公室|委员会|局|站|所|院|馆|处)$/;

/**
 * Runs of two or more of the question's key terms, written one after another in the question, that make an
 * office's name (住房保障中心) a retrieved passage has whole: the name and the words it was cut into.
 */
function officeNames(norm: string, keyTerms: KeyTerm[], passages: RetrievedPassage[]): { name: string; words: string[] }[] {
  const words = [...new Set(keyTerms.filter((k) => !k.scope && /^[\u4e00-\u9fff]+$/.test(k.term) && norm.includes(k.term)).map((k) => k.term))];
  const out: { name: string; words: string[] }[] = [];
  const ends = words.filter((w) => OFFICE_END.test(w));
  const texts = ends.length ? passages.map(passageText) : [];
  for (const last of ends) {
    const end = norm.indexOf(last) + last.length;
    // The longest run of key terms ending in it, word by word backwards.
    const run = [last];
    let start = end - last.length;
    for (;;) {
      const before = words.find((w) => w.length >= 2 && !run.includes(w) && norm.slice(0, start).endsWith(w));
      if (!before) break;
      run.unshift(before);
      start -= before.length;
    }
    const name = norm.slice(start, end);
    if (run.length >= 2 && texts.some((t) => t.includes(name))) out.push({ name, words: run });
  }
  return out;
}

/** Two passages of one article: the same document under the same title (a newspaper page holds several). */
function sameArticleOf(a: RetrievedPassage, b: RetrievedPassage): boolean {
  return a.chunk.docId === b.chunk.docId && a.chunk.title === b.chunk.title;
}

/**
 * A passage has a thing named by an English phrase (work permit) when its text states the phrase (any word
 * forms: "work permits"), or when it has every modifier (all but the head noun, the last word) by one of its
 * main translations (塑料 of "plastic film", where the passage says 塑料纸): the kind of thing is what tells a
 * work permit from a residence permit, and the head is often named otherwise. An everyday translation only
 * (办事 for "work", a quarter of 事务's weight) is not the modifier.
 */
function hasPhrase(phrase: string, text: string, tokens: Set<string>, keyTerms: KeyTerm[], title = ''): boolean {
  const words = phrase.split(' ');
  const stems = (t: string) => (t.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stemEnglish);
  const stemmed = ` ${stems(text).join(' ')} `;
  if (stemmed.includes(` ${words.map(stemEnglish).join(' ')} `)) return true;
  // (Or an English page's passage states the head — "Meters are read every two months" — under a title or subhead
  // naming each modifier: "A short guide from Lingang Water Group…" is about water meters. `title` is the text's
  // opening: the passage's title and subhead.)
  // (Where the head stands free: "Residence permits are issued…" under a title of work permits names another permit.)
  const titled = new Set(stems(title));
  const bodyWords = (text.slice(title.length).toLowerCase().match(/[a-z0-9]+|[.;:!?]/g) ?? []);
  const head = stemEnglish(words[words.length - 1]!);
  const free = bodyWords.some((w, i) => stemEnglish(w) === head && (i === 0 || /^[.;:!?]$/.test(bodyWords[i - 1]!) || STOP_WORDS.has(bodyWords[i - 1]!)));
  if (title && words.length >= 2 && free && words.slice(0, -1).every((w) => titled.has(stemEnglish(w)))) return true;
  // (Chinese translations only: an English passage has the phrase as written, or not at all — "work" here and
  // "permit" of "residence permit" there is no work permit.)
  return words.slice(0, -1).every((w) => {
    const stem = stemEnglish(w);
    const translations = keyTerms.filter((k) => !k.absentPhrase && HAN.test(k.term) && (k.group === w || k.group === stem || stemEnglish(k.group.toLowerCase()) === stem));
    const { matched, total } = coverageWeights(translations, tokens, true);
    return total > 0 && matched >= MAIN_TRANSLATION_SHARE * total;
  });
}

/** A modifier is in a passage by one of its main translations: at least this share of its heaviest one's weight. */
const MAIN_TRANSLATION_SHARE = 0.5;

const HAN = /\p{Script=Han}/u;

/** Prepositions that open a phrase (按, 在, 给, 把, 被, 对, 从, 向, 跟, 往, 凭, 比). */
const PREPOSITION_START = /^[按在给把被对从向跟往凭比]/;

/**
 * A run of characters no document and no dictionary has, written right before a word the documents use as a
 * noun (托育 of 托育补贴): it names which of those things, and no document has that one — a specific word
 * missing (`unknown`), a topic when it is the question's heaviest. (Tried: missing whatever its weight — the run
 * is as often the asker's typo or slang, 冲电桩, 眼睛店, 带娃补贴: five calib answers lost for two abstentions.)
 */
function markUnknownModifiers(pairs: KeyTerm[], out: KeyTerm[], question: string, stats: CorpusStats): void {
  for (const g of new Set(pairs.map((k) => k.group))) {
    if (g.length < 2 || !/^[\u4e00-\u9fff]+$/.test(g) || stats.documentFrequency(g) > 0 || stats.tokenizer.generalFrequency(g) > 0) continue;
    // (Not a run opening with a preposition — 按新 of 按新标准还是老标准, 给新 of 给新生儿: the start of a phrase, no name.)
    if (PREPOSITION_START.test(g)) continue;
    if (out.some((o) => o.group === g && stats.documentFrequency(o.term) > 0)) continue;
    const at = question.indexOf(g);
    if (at < 0 || question.indexOf(g, at + 1) >= 0) continue;
    const after = question.slice(at + g.length);
    const head = out.some((o) => !o.piece && o.term.length >= 2 && after.startsWith(o.term) && stats.documentFrequency(o.term) > 0 && NOUN_TAG.test(stats.tokenizer.generalTag(o.term)));
    if (head) for (const o of out) if (o.group === g) o.unknown = true;
  }
}

/**
 * The best passage names another kind of the thing an unknown modifier names (辅具补贴 asked, the passage says
 * 生活补贴): the head noun there follows a noun of its own. (A slip said alike, 生获 for 生活, never gets here:
 * the pinyin repair reads it as the corpus word.)
 */
function siblingOf(group: string, question: string, text: string, keyTerms: KeyTerm[], stats: CorpusStats): boolean {
  if (!/^[\u4e00-\u9fff]{2,}$/.test(group) || verbWithComplement(group, stats.tokenizer) || COMPLEMENT.test(group.slice(-1))) return false;
  const heads = keyTerms.filter((h) => !h.piece && h.term.length >= 2 && question.includes(group + h.term) && stats.documentFrequency(h.term) > 0 && NOUN_TAG.test(stats.tokenizer.generalTag(h.term)));
  return heads.some((h) => otherKindOf(group, h.term, text, stats));
}

/**
 * A word no document uses that ends with a service's head the passage has, its modifier nowhere in the passage,
 * where the passage writes the head after another noun (结婚登记 asked, the passage gives 不动产登记): another kind of it.
 */
function siblingOfOwnHead(group: string, text: string, keyTerms: KeyTerm[], stats: CorpusStats): boolean {
  const tail = keyTerms.find((h) => h.piece && h.group === group && h.term.length >= 2 && group.endsWith(h.term) && group.length - h.term.length >= 2 && KIND_HEAD.test(h.term));
  const modifier = tail ? group.slice(0, -tail.term.length) : '';
  // (Tried: only a modifier other documents use — the asker's own word may name the passage's kind, 过户登记 for
  // 转移登记 — and the one question gained, 结婚登记 of a corpus without 结婚, was lost.)
  return !!tail && /^[\u4e00-\u9fff]+$/.test(modifier) && !text.includes(modifier) && otherKindOf(modifier, tail.term, text, stats);
}

/** Heads a service's kinds share (结婚登记, 不动产登记; 辅具补贴, 生活补贴) — not any word's (著名作家, 香港旅游). */
const KIND_HEAD = /(登记|手续|许可|证明|救助|保险|贷款|签证|补贴|津贴|补助|证|卡|金|费)$/;

/** The passage writes `head` right after a noun other than `modifier` (生活补贴 where 辅具补贴 is asked). */
function otherKindOf(modifier: string, head: string, text: string, stats: CorpusStats): boolean {
  const other = (before: string) => before !== modifier.slice(-2) && /^[\u4e00-\u9fff]{2}$/.test(before) && /^(n|vn|nz)/.test(stats.tokenizer.generalTag(before));
  return spansOf(text, [head]).some((w) => other(text.slice(Math.max(0, w.start - 2), w.start)));
}

/**
 * Overlapping character pairs of one run (展展, 展到 of 特展展到) are one unknown string, not one topic per
 * pair: they share a group, named by the run, which counts once.
 */
function joinRuns(pairs: KeyTerm[], question: string): void {
  const at = pairs.map((k) => ({ k, start: question.indexOf(k.term) })).filter((p) => p.start >= 0).sort((a, b) => a.start - b.start);
  for (let i = 0; i < at.length; ) {
    let j = i;
    while (j + 1 < at.length && at[j + 1].start === at[j].start + 1) j++;
    if (j > i) {
      const run = question.slice(at[i].start, at[j].start + 2);
      for (let m = i; m <= j; m++) at[m].k.group = run;
    }
    i = j + 1;
  }
}

/**
 * The asker states an age or a birth date and asks which benefits there are (我妈72了能领啥补贴, 我爸80岁了有什么
 * 补贴): what is asked is what people of that age get, so a passage naming no age and no age group (每单补贴1元
 * for parcels) does not answer. (An age beside a named programme — 12岁…重度护理补贴多少 — is only the story.)
 * Returns what the documents lack, or null when the case is met or not asked.
 */
function ageCaseUnmet(question: string, passage: RetrievedPassage | undefined): string | null {
  const asked = ageCaseAsked(question);
  if (!asked || !passage) return null;
  const text = `${passage.chunk.title} ${normalizeText(passage.chunk.normText)}`;
  return AGE_GROUP.test(text) && !otherAges(text, askerAge(question)!) ? null : asked;
}

/** What people of the asker's age get, named as the documents would need to name it (72岁的人能享受的补贴, "subsidies
 * for people aged 72"), when the asker states an age and asks which benefits there are; else null. */
function ageCaseAsked(question: string): string | null {
  const age = askerAge(question);
  const zh = OPEN_BENEFIT_ASK.exec(question);
  if (age !== undefined && zh) return `${age}岁的人能享受的${zh[2]}`;
  const en = OPEN_BENEFIT_ASK_EN.exec(question);
  return age !== undefined && en ? `${en[1].toLowerCase()} for people aged ${age}` : null;
}

/**
 * The passage names only ages other than the asker's: its age bands (3周岁以下, 80至89周岁, 年满60周岁) hold none of
 * it, or it names only the young (婴幼儿, 学生, 儿童) for an adult — and names no old age for one of 60 or more.
 */
function otherAges(text: string, age: number): boolean {
  if (age >= 60 && OLD_AGE.test(text)) return false;
  const bands = [...text.matchAll(AGE_BAND)].map((m) => m[0]);
  if (bands.length) return !bands.some((band) => bandHolds(band, age));
  return age >= 18 && YOUNG_AGE.test(text);
}
/** The age band holds the age (年满65周岁 is a floor: 65周岁以上). */
function bandHolds(band: string, age: number): boolean {
  return rangeHolds(band.replace(/^年满\s*(\d+)\s*(周岁|岁)$/, '$1$2以上'), age, '岁');
}
/** An age band: a range, a floor or a ceiling of ages (80—89周岁, 3周岁以下, 年满60周岁, 65岁及以上). */
const AGE_BAND = /\d+\s*(?:周岁|岁)?\s*[—–~～至到－-]+\s*\d+\s*(?:周岁|岁)|\d+\s*(?:周岁|岁)\s*(?:及以上|或以上|以上|及以下|或以下|以下|以内)|年满\s*\d+\s*(?:周岁|岁)/g;
const OLD_AGE = /老年|老人|高龄|长者|耄耋|退休|养老|\b(elderly|seniors?|older (people|residents)|pensioners?|retire\w*)\b/i;
const YOUNG_AGE = /儿童|婴|幼儿|未成年|少年|学生|学龄|适龄|新生|青年|毕业|\b(children|students?|youth|infants?|babies)\b/i;

const AGE_GROUP = /\d+\s*(周岁|岁)|老年|老人|高龄|长者|耄耋|退休|儿童|婴|幼儿|未成年|少年|学生|学龄|适龄|新生|青年|毕业|出生|年满|年龄|年纪|\b(elderly|seniors?|older (people|residents)|pensioners?|retire\w*|aged \d+|over \d+|\d+ and over|children|students?|youth|infants?|babies)\b/i;

/** The word occurs in the text, and every occurrence passes `test`. */
function everyOccurrence(text: string, word: string, test: (span: { word: string; start: number; end: number }) => boolean): boolean {
  const where = spansOf(text, [word]);
  return where.length > 0 && where.every(test);
}

/** Where the words occur in the text (every occurrence). */
function spansOf(text: string, words: string[]): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const word of new Set(words)) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push({ word, start: at, end: at + word.length });
  }
  return out;
}

// Glossary entries for how a question asks ("where is", "how much is"), not what it is about.
/** English words that ask for a bound (the "minimum" of "what's the minimum temperature"), as 最低, 最多 do. */
const ENGLISH_BOUND_WORD = /^(?:minimum|maximum|min|max|highest|lowest|longest|shortest)$/;

/** The stems of an English question's function words as written: its stop words, a contraction's pieces (isn of "isn't"), the bound it asks. */
function englishFunctionStems(lower: string): Set<string> {
  const stems = new Set<string>();
  for (const word of lower.replace(/[’‘`´]/g, "'").match(/[a-z]+(?:'[a-z]+)?/g) ?? []) {
    if (!STOP_WORDS.has(word) && !STOP_WORDS.has(word.replace(/'/g, '')) && !ENGLISH_BOUND_WORD.test(word)) continue;
    for (const piece of [word.replace(/'/g, ''), ...word.split("'")]) stems.add(stemEnglish(piece));
  }
  // ("Until" of "until what time", "till when": how the end of the hours is asked, as 到几点 is.)
  for (const m of lower.matchAll(UNTIL_ASKED)) stems.add(stemEnglish(m[1]!));
  return stems;
}

/** "Until" or "till" asking when something ends: until what time, till when, until how late, until which day. */
const UNTIL_ASKED = /\b(until|till)\s+(?=what\s+time\b|when\b|how\s+late\b|which\s+(?:day|date|time|hour)\b)/g;

const ASKING_PHRASE = /^(how|what|where|when|who|which|why)\b/;
/** A named road or district in an English question: "riverside road", "dongcheng district". */
const ENGLISH_NAMED_PLACE = /\b([a-z]{3,})\s+(?:road|street|avenue|lane|district|county|town|township|village|subdistrict)\b/g;
/**
 * English: the noun right after "how many", "how much", "what" or "which" is the kind of answer wanted ("how many
 * days", "what age", "which year"), which the document states as a figure (62天, 60周岁以上) — not a topic it must share.
 */
const ENGLISH_ANSWER_KIND = /\b(?:how\s+(?:many|much)|what|which)\s+(days?|weeks?|months?|years?|hours?|minutes?|times?|age|date|day|percent(?:age)?|number|amount)\b/g;
/** "How long does it take (for …) to", "how long will the refund take": "take" asks for the duration. */
const HOW_LONG_TAKE = /\bhow long\b[^?.!]{0,60}\btake\b/;
/** "How much does it cost / charge": the verb asks the amount, as "take" asks the time (no word a page must share). */
const HOW_MUCH_COST = /\bhow much\b[^?.!]{0,60}\b(cost|charge|pay)\b/;
/** "How does it work": the verb asks the procedure (the documents' "working days" are no answer to it). */
const HOW_IT_WORKS = /\bhow\s+(?:does|do|did|will|would|can)\s+(?:it|this|that|they|these|those|the\s+\w+(?:\s+\w+)?)\s+work\b|\bhow\s+(?:it|this|that)\s+works\b/;


/** Weight (× the largest IDF) of a glossary concept no document uses (passport → 护照). */
const ABSENT_CONCEPT_WEIGHT = 0.6;
/** Specificity (by general usage) at which an English page's word of the question anchors it. */
const SPECIFIC_WORD = 0.6;

/** 1 for words rare in general Chinese (count <= 30), falling to 0.15 for everyday words (count >= 3000). */
function specificity(generalCount: number): number {
  const x = (Math.log10(generalCount + 1) - 1.5) / 2;
  return Math.min(1, Math.max(0.15, 1 - x));
}

/**
 * Share of the key-term groups (weighted) with at least one term present in `tokens`. `lenient`: a number
 * of the question the tokens lack counts for nothing (whether a passage answers); strict, it counts against
 * (which sentence answers: the one stating 1000元 of "交1000块档次" before the one stating 200元).
 */
function coverageOf(keyTerms: KeyTerm[], tokens: Set<string>, lenient = false): number {
  const { matched, total } = coverageWeights(keyTerms, tokens, lenient);
  return total > 0 ? matched / total : 0;
}

/** Matched and total weight of the key-term groups (a group counts once, by its best term). */
function coverageWeights(keyTerms: KeyTerm[], tokens: Set<string>, lenient = false): { matched: number; total: number } {
  const totals = groupTotals(keyTerms);
  const periods = new Set(keyTerms.filter((k) => k.period).map((k) => k.group));
  const askingEnds = new Set(keyTerms.filter((k) => k.askingEnd).map((k) => k.group));
  const found = new Map<string, number>();
  for (const k of keyTerms) if (tokens.has(k.term)) found.set(k.group, Math.max(found.get(k.group) ?? 0, k.weight));
  let total = 0;
  let matched = 0;
  for (const [group, weight] of totals) {
    // A number of the question (8点, 66岁, 1.5匹) is evidence when the passage states it, but the documents
    // often put the same thing otherwise (18:00以后, 65周岁以上): its absence counts for nothing. (Years are
    // scope, checked on their own.)
    // (Nor do the words asking which end of a span is wanted, 开始 of 啥时候开始: the documents say 自…起, 至.)
    if (lenient && !found.has(group) && ((NUMBER_TERM.test(group) && !YEAR_TOKEN.test(group)) || periods.has(group) || askingEnds.has(group))) continue;
    total += weight;
    // (Any word for the period states it: 每月 is 按月 is 一个月.)
    matched += periods.has(group) && found.has(group) ? weight : Math.min(weight, found.get(group) ?? 0);
  }
  return { matched, total };
}

/** The most important key-term groups absent from `present`, named as the asker wrote them. */
function missingTerms(keyTerms: KeyTerm[], present: string[]): string[] {
  const have = new Set(present);
  // A group is there when a word of it is, not just a piece of one (居住 does not give 居住证).
  // (Nor by a single character of a thing no document names: 证 for a driving licence.)
  const satisfied = new Set(keyTerms.filter((k) => have.has(k.term) && !k.piece && !(k.term.length === 1 && keyTerms.some((o) => o.group === k.group && o.unknown))).map((k) => k.group));
  const byGroup = new Map<string, number>();
  for (const k of keyTerms) if (!satisfied.has(k.group)) byGroup.set(k.group, Math.max(byGroup.get(k.group) ?? 0, k.weight));
  const names = [...byGroup.entries()].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  // A single character inside another missing word (证 of 居住证) says nothing more.
  return names.filter((n) => !(n.length === 1 && names.some((m) => m !== n && m.includes(n)))).slice(0, 3);
}

/** The places a Chinese question names (稷山县 with its stem 稷山), generic ones (本市, 社区) left out. Found once per question. */
function questionPlaces(question: string, language: Language, stats: CorpusStats): { name: string; stem: string }[] {
  if (language !== 'zh') return [];
  const q = normalizeText(question);
  const stock = stats.tokenizer.placeNames(q).map((name) => ({ name, stem: placeStem(name) }));
  // The corpus's own places, named in full or by their stem (柳溪 for 柳溪街道): the districts near-duplicate
  // notices differ by.
  // (A name the question writes in full first: 花坪镇, not 花坪村 of the same stem.)
  const local = (stats.places ?? [])
    .map((name) => ({ name, stem: placeStem(name) }))
    .filter(({ name, stem }) => q.includes(name) || q.includes(stem))
    .sort((a, b) => Number(q.includes(b.name)) - Number(q.includes(a.name)));
  const seen = new Set<string>();
  return [...stock, ...local].filter(({ name, stem }) => stem.length >= 2 && !GENERIC_PLACE.test(stem) && !GENERIC_PLACE.test(name) && !seen.has(stem) && !!seen.add(stem));
}

function unknownPlaceNames(question: string, language: Language, places: { name: string; stem: string }[], stats: CorpusStats, terms: readonly WeightedTerm[] = []): string[] {
  // Known when the name or its stem is in the index (as a token, or as all its character bigrams).
  // (Nor is a name a pinyin repair mends, 罗湾 of 青罗湾 → 青螺: the slip, not another place.)
  if (language === 'zh') {
    const norm = normalizeText(question);
    const mended = spansOf(norm, terms.filter((t) => t.origin === 'pinyin-repair' && t.source).map((t) => t.source!));
    const slip = (name: string) => everyOccurrence(norm, name, (w) => mended.some((m) => w.start < m.end && w.end > m.start));
    const shown = (p: { name: string; stem: string }) => (norm.includes(p.name) ? p.name : p.stem);
    return [...new Set(places.filter((p) => !isKnown(p.name, stats) && !isKnown(p.stem, stats) && !slip(shown(p))).map(shown))];
  }
  // English: a place is known by the corpus names the mapper reached from it (pinyin terms name their words); words
  // a dictionary gave a meaning — translated, corrected, or known as a thing the corpus lacks — are English, whatever they spell.
  const mappedNames = terms.filter((t) => t.origin === 'pinyin' && t.source).map((t) => t.source!.toLowerCase());
  const translated = new Set(terms.filter((t) => t.source && t.origin !== 'question' && t.origin !== 'pinyin').flatMap((t) => t.source!.toLowerCase().split(/\s+/)));
  return unknownEnglishPlaces(question, stats.romanised, (word) => stats.documentFrequency(word) > 0 || stats.documentFrequency(stemEnglish(word)) > 0 || mappedNames.some((source) => source.split(/\s+/).includes(word)) || placesSpelled(word).some((name) => isKnown(name, stats)), (word) => placesSpelled(word).some((name) => stats.tokenizer.generalFrequency(name) >= MAJOR_CITY), (word) => translated.has(word));
}

/** General-Chinese frequency of a major city's name (上海 16k, 杭州 2.8k, 太原 1.3k; 运城 70, 白河 106). */
const MAJOR_CITY = 1000;

function isKnown(text: string, stats: CorpusStats): boolean {
  if (stats.documentFrequency(text) > 0) return true;
  const tokens = stats.tokenizer.tokens(text);
  return tokens.length > 0 && tokens.every((t) => stats.documentFrequency(t) > 0) && tokens.some((t) => t.length >= 2);
}

/** Figures this close (in characters) to the question's terms are about what the question asks. */
const FIGURE_WINDOW = 14;
const MIN_FIGURE_FIT = 0.5;
/** How much of a document's start (its title, number and preamble) says which year it is of. */
const DOCUMENT_OPENING = 300;
/** How well a statement that the thing asked is free fits a price asked, against an amount's 0.8 (figureFit). */
const FREE_FIT = 0.7;
/** How far either side of a statement that something is free its clause is read for the thing asked. */
const FREE_CLAUSE = 40;
/** The share of what is asked (its weighted key terms) that clause must name. */
const FREE_COVERAGE = 0.5;

/** The key terms naming what is counted or dated (居民 in 多少居民; "community assistants" in "how many community assistants"). */
function focusTerms(focusText: string, keyTerms: KeyTerm[], language: Language, stats: CorpusStats): Set<string> {
  if (!focusText.trim()) return new Set();
  if (language === 'en') {
    const words = focusText.toLowerCase().split(/[\s-]+/).map((w) => w.replace(/s$/, ''));
    return new Set(keyTerms.filter((k) => /[\u4e00-\u9fff]/.test(k.term) && words.some((w) => w.length >= 3 && k.group.toLowerCase().includes(w))).map((k) => k.term));
  }
  const tokens = new Set(stats.tokenizer.tokens(focusText));
  return new Set(keyTerms.filter((k) => tokens.has(k.term) && k.term.length >= 2).map((k) => k.term));
}

/**
 * How well the sentence states the asked figure: the best figure's fit to the asked kind, raised by
 * the question's terms around it (the subject next to the number: 7188名居民) and the counted thing
 * right beside it. Returns [evidence, best fit].
 */
function figureEvidence(norm: string, asked: AskedFigure, keyTerms: KeyTerm[], focus: Set<string>, tokens: (text: string) => string[], lead = ''): [number, number, FigureMention | null] {
  let evidence = 0;
  let choice = 0;
  let bestFit = 0;
  let figure: FigureMention | null = null;
  const english = !HAN.test(norm);
  // (A price asked is stated by a statement that it costs nothing: 免费办理读者证. Chinese sentences only: an English
  // page's "free" was measured to answer other things — a free support class for a private school's fee, a free
  // safety check for opening a gas account — and to gain nothing.)
  const mentions = asked.price && !english ? [...figureMentions(norm), ...freeMentions(norm)].sort((a, b) => a.start - b.start) : figureMentions(norm);
  const about = mentions.some((m) => m.unit === FREE_UNIT) ? keyTerms.filter((k) => !k.scope && !k.story && !FACET_WORDS.test(k.group)) : [];
  for (const [i, m] of mentions.entries()) {
    // (…where its clause names most of what is asked: 免费办理读者证 — not 鼓励社区…提供…无偿社会服务 for a 社区托育中心's
    // fee. It fits less than an amount: the ticket's 20元 before the free entry of the over-60s.)
    const free = m.unit === FREE_UNIT;
    if (free && substringCoverage(about, `${clauseBefore(norm, m.start, FREE_CLAUSE)}${m.text}${clauseAfter(norm, m.end, FREE_CLAUSE)}`) < FREE_COVERAGE) continue;
    const other = asked.item ? namesOtherMoney(norm, m, asked.item, lead) : asked.thing ? pricesOtherThing(norm, m, asked.thing, mentions) : false;
    // (A figure of another level of government's row — 县级示范家庭农场…每家2万元 for 省级 — is no figure of the level asked.)
    // (The level its clause names, else the first its sentence names: 级别：市级示范家庭农场（从县级…推荐）；…每家3万元 is 市级's.)
    const level = asked.grade && LEVEL.test(asked.grade) ? (levelsIn(norm.slice(0, m.start).split(/[，,。；;]/).pop() ?? '').pop() ?? levelsIn(norm)[0]) : undefined;
    const otherLevel = level !== undefined && level !== asked.grade;
    const fit = figureFit(m, asked, norm) * (other || otherLevel ? OTHER_QUANTITY : 1) * (free ? FREE_FIT : 1);
    bestFit = Math.max(bestFit, fit);
    // An English figure's words are its own stretch of the sentence, the qualifier after it included ("RMB 6,000 per
    // semester at public primary schools and RMB 7,500 … at public junior middle schools"): read as words (primari
    // of "primary"), not as characters around it.
    const ownWords = english ? norm.slice(...englishFigureSpan(norm, mentions, i)) : '';
    const ownTokens = english ? new Set(tokens(ownWords)) : null;
    const near = ownTokens ? coverageOf(keyTerms, ownTokens) : substringCoverage(keyTerms, norm.slice(Math.max(0, m.start - FIGURE_WINDOW), m.end + FIGURE_WINDOW));
    // The counted thing follows its figure in Chinese, after any modifiers (973名2025届全日制高校毕业生),
    // within the clause; what precedes it sits close before (每单补贴1元).
    // The figure's own unit counts too: "how many residents" maps to the classifier 名 of 7188名.
    const beside = english ? ownWords : `${clauseBefore(norm, m.start, 8)}|${m.text}|${clauseAfter(norm, m.end, 16)}`;
    // The bound asked for (最多 → 最高40万元) beside the figure counts like the counted thing; a figure stated
    // as the opposite bound (起付1.6万元 for 最多) is another quantity, fitting like a mismatched count word.
    // (Read over the clause before the figure: 基础养老金最低标准为每人每月165元 names its bound ten characters before it.)
    const bounded = `${clauseBefore(norm, m.start, BOUND_WINDOW)}|${beside}`;
    const boundStated = asked.bound ? STATED_BOUND[asked.bound].test(bounded) : false;
    const opposite = asked.bound && STATED_BOUND[asked.bound === 'max' ? 'min' : 'max'].test(bounded) && !boundStated ? OTHER_QUANTITY : 1;
    // (Of a sentence listing grades — 一级…85%，二级…为75% — the figure after the grade asked; another grade's is another quantity.)
    // (Read through a field's label: 首套住房最高额度：60万元 is the first home's.)
    const gradeBefore = asked.grade ? [...fieldBefore(norm, m.start).matchAll(GRADE)].pop()?.[0] : undefined;
    const graded = !asked.grade || gradeBefore === undefined ? 1 : gradeKey(gradeBefore) === gradeKey(asked.grade) ? 1 : OTHER_QUANTITY;
    const weigh = (around: string) => {
      const focusHits = [...focus].map((f) => (around.includes(f) || ownTokens?.has(f) ? 1 : [...f].some((c) => /[\u4e00-\u9fff]/.test(c) && around.includes(c)) ? 0.3 : 0));
      if (asked.bound) focusHits.push(boundStated ? 1 : 0);
      const focusNear = focusHits.length ? 0.7 * Math.max(...focusHits) + 0.3 * mean(focusHits) : near;
      return graded * opposite * fit * (0.3 + 0.2 * near + 0.5 * focusNear);
    };
    const e = weigh(beside);
    evidence = Math.max(evidence, e);
    // Which of the sentence's figures it states reads a field's label as beside its value too (一次性安家费：10万元
    // of a row read as text, not the 每人每月3000元 of the field before): the label picks the figure, not the sentence.
    const label = fieldLabel(norm, m.start);
    // A figure in a clause that only sets the time (486人参与面试后，350名优秀毕业生脱颖而出) is what came before, not
    // what the sentence states, where a figure of its kind follows. (Not one the clause's 后 is the figure's own: 满3个月后;
    // nor where that clause names what is asked: 面试了多少人 asks the 486.)
    const frame = clauseAfter(norm, m.end, 24);
    const framing = !english && TIME_FRAME.test(frame) && mentions.some((o) => o.start > m.end && o.measure === m.measure) && !keyTerms.some((k) => !k.scope && k.term.length >= 2 && HAN.test(k.term) && frame.includes(k.term)) ? OTHER_QUANTITY : 1;
    const chosen = (label ? weigh(`${label}|${beside}`) : e) * framing;
    if (chosen > choice) [choice, figure] = [chosen, m];
  }
  // A deadline asked (最晚…到哪天, 能用到啥时候) is the day a period ends on: the end after the chosen date
  // (2026年1月1日至2026年6月30日; a row's 有效期：至2026年12月31日 after its 2019年4月15日前), when the sentence states one.
  const endsPeriod = (m: FigureMention) => m.measure === 'date' && PERIOD_END.test(norm.slice(Math.max(0, m.start - 4), m.start));
  if (asked.deadline && figure?.measure === 'date' && !endsPeriod(figure)) figure = mentions.find((m) => m.start > figure!.start && endsPeriod(m)) ?? figure;
  // The highest or lowest of a list asked for (最高档交多少 of 200元、300元…5000元): the list's extreme, not the
  // figure nearest the question's words.
  if (asked.bound && figure) figure = listExtreme(norm, mentions, figure, asked.bound);
  return [evidence, bestFit, figure];
}

/** A level of government as a grade (省级, 县级). */
const LEVEL = /^(?:国家|省|市|县|区)级$/;
const levelsIn = (text: string) => [...text.matchAll(GRADE)].map((g) => g[0]).filter((g) => LEVEL.test(g));

/**
 * A grade as one key however it is written: with or without 第, in digits or Chinese numerals, a child by 孩 or
 * the asker's 胎 (三胎 is the notice's 三孩), a hospital by its 甲 (a 三甲医院 is of the 三级).
 */
function gradeKey(grade: string): string {
  return grade.replace(/^第/, '').replace(/胎$/, '孩').replace(/甲$/, '级').replace(/^\d{1,2}/, (d) => (Number(d) >= 1 && Number(d) <= 10 ? '一二三四五六七八九十'[Number(d) - 1] : d));
}

/** The highest or lowest figure of the enumeration (X元、Y元、Z元) the figure belongs to; the figure itself when it stands alone. */
function listExtreme(norm: string, all: readonly FigureMention[], figure: FigureMention, bound: 'max' | 'min'): FigureMention {
  const mentions = all.filter((m) => m.unit === figure.unit && m.unit !== '' && !Number.isNaN(amountOf(m)));
  const at = mentions.findIndex((m) => m.start === figure.start);
  if (at < 0) return figure;
  const joined = (a: FigureMention, b: FigureMention) => /^\s*(、|，|,|和|及|或)\s*$/.test(norm.slice(a.end, b.start));
  let [first, last] = [at, at];
  while (first > 0 && joined(mentions[first - 1], mentions[first])) first--;
  while (last < mentions.length - 1 && joined(mentions[last], mentions[last + 1])) last++;
  const list = mentions.slice(first, last + 1);
  return list.length < 3 ? figure : list.reduce((a, b) => ((bound === 'max' ? amountOf(b) > amountOf(a) : amountOf(b) < amountOf(a)) ? b : a));
}

/** A figure's number, with 万/亿 applied (3.5万元 → 35000); NaN when it has none. */
function amountOf(m: FigureMention): number {
  const n = /(\d+(?:\.\d+)?)\s*(万|亿)?/.exec(m.text);
  return n ? Number(n[1]) * (n[2] === '万' ? 1e4 : n[2] === '亿' ? 1e8 : 1) : NaN;
}

/** What a period's last day follows (至2026年12月31日, 截至6月30日, 9月1日—12月31日). */
const PERIOD_END = /(?:至|到|截至|截止|止|—|–|-|~|～)\s*$/;

/** The fit of a figure that states another quantity than the one asked (as figureFit rates a mismatched count word). */
const OTHER_QUANTITY = 0.3;

/** How far before a figure the bound it states is read (最低标准为每人每月165元). */
const BOUND_WINDOW = 16;

/** The label of the field a value at `at` fills (一次性安家费 of …；一次性安家费：10万元), or ''. */
function fieldLabel(text: string, at: number): string {
  const field = fieldBefore(text, at);
  const colon = field.search(/[：:]/);
  return colon > 0 ? field.slice(0, colon) : '';
}

/** What follows a figure to the end of its clause when the clause only sets the time: 参与面试后, 两期消费券之后. */
const TIME_FRAME = /^[^\d\s]{2,}(?:之|以)?后$/;

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Like coverageOf, but a term counts when it occurs anywhere in `text` (a window of a sentence). */
function substringCoverage(keyTerms: KeyTerm[], text: string): number {
  const present = new Set(keyTerms.filter((k) => k.term.length >= 2 && text.includes(k.term)).map((k) => k.term));
  return coverageOf(keyTerms, present);
}

function scoreSentences(
  passages: RetrievedPassage[],
  coverages: number[],
  keyTerms: KeyTerm[],
  kind: QuestionKind,
  stats: CorpusStats,
  asked: AskedFigure | null,
  focus: Set<string>,
  questionTokens: Set<string>,
  question: string,
  /** The years the question asks of (2026): a neighbour chunk counts only when it names them and no other. */
  years: readonly string[] = [],
): ScoredSentence[] {
  const aliases = documentAliases(passages);
  const candidates: Candidate[] = [];
  const retrieved = new Set(passages.map((p) => p.chunk.id));
  passages.forEach((p, passageIndex) => {
    // A passage is read with the chunks on either side of it (a fact often sits one chunk after the words
    // that found it: the next section of a guide, the rest of a table), unless they were retrieved themselves.
    // Their sentences count as the passage's; orders run on from it (negative before it).
    const near = passageIndex < WINDOW_PASSAGES && stats.neighbours ? stats.neighbours(p.chunk) : {};
    const own = piecesOf(p.chunk.text);
    // The retrieved chunk first, so a sentence two chunks share (their overlap) counts as its own.
    const parts = [
      { chunk: p.chunk, pieces: own, start: 0, neighbour: false },
      ...[near.before, near.after].flatMap((c, side) => {
        if (!c || retrieved.has(c.id)) return [];
        if (years.length) {
          const named = c.normText.match(YEAR_NAMED) ?? [];
          if (!named.length || named.some((y) => !years.includes(y))) return [];
        }
        const pieces = piecesOf(c.text);
        return [{ chunk: c, pieces, start: side === 0 ? -pieces.length : own.length, neighbour: true }];
      }),
    ];
    const seen = new Set<string>();
    // An English question-and-answer page answers each question in the sentences after it, to the next one:
    // "Processing takes 3 working days" is about "Q6. Can I take out my Housing Provident Fund when I leave?",
    // and its own words are the question's too — across a chunk's edge, where the question is the last one
    // asked on the other side. (Tried on Chinese pages as well, 问：产假一共多少天？ for every sentence of its 答:
    // the sentences after the first, 难产的，增加产假15天, then led — a policies and a district answer lost.)
    const lastAsked = (pieces: readonly { text: string; row?: TableRow }[], from: string[]) => {
      const q = [...pieces].reverse().find((piece) => !piece.row && isFaqQuestion(piece.text));
      return !q ? from : englishText(q.text) ? stats.tokenizer.tokens(normalizeText(q.text)) : [];
    };
    const beforeAsked = near.before && !retrieved.has(near.before.id) ? lastAsked(piecesOf(near.before.text), []) : [];
    const carried = [beforeAsked, lastAsked(own, beforeAsked)];
    for (const { chunk, pieces, start, neighbour } of parts) {
      // The article's title and subhead are every sentence's context (临猗县举办…招聘会 → "此次活动共吸引140余家企业"),
      // and so are the short names the document declares (以下简称公租房) wherever its passages use them.
      const context = tokensOf(stats.tokenizer, `${chunk.title} ${chunk.subhead ?? ''} ${aliases.get(chunk.docId) ?? ''}`);
      let answering: string[] = start === 0 ? carried[0] : start > 0 ? carried[1] : [];
      pieces.forEach(({ text, row, caption }, i) => {
        if (seen.has(text)) return;
        seen.add(text);
        if (looksLikeInstruction(text)) return; // instructions inside documents are never presented as facts
        const norm = normalizeText(text);
        // A table row's own words are its cells; its column names count like a title does (context).
        const ownText = row ? normalizeText(row.cells.join(' ')) : norm;
        const tokens = tokensOf(stats.tokenizer, ownText);
        const words = new Set(tokens);
        // A single character of the question inside a longer word of the sentence (补 in 补贴) half-counts.
        for (const k of keyTerms) if (k.term.length === 1 && !words.has(k.term) && ownText.includes(k.term)) words.add(k.term);
        const question = !row && isFaqQuestion(text);
        if (question) answering = englishText(text) ? stats.tokenizer.tokens(norm) : [];
        else if (!row) for (const t of answering) words.add(t);
        // In a Chinese question-and-answer page the answer (答：…) is about the question before it (问：生源地助学贷款每年能贷多少？).
        const before = i > 0 ? pieces[i - 1] : undefined;
        const asked = !row && before && !before.row && FAQ_ANSWER.test(text) && isFaqQuestion(before.text) ? stats.tokenizer.tokens(normalizeText(before.text)) : [];
        const rowContext = row ? tokensOf(stats.tokenizer, normalizeText(`${row.header?.join(' ') ?? ''} ${caption ?? ''}`)) : [];
        // An English sentence whose subject is a pronoun ("It has 100 questions and can be taken in English") is
        // about what the sentence before it names ("You take only the theory test"): those words are its context.
        const referent = !row && before && !before.row && PRONOUN_SUBJECT.test(text) ? stats.tokenizer.tokens(normalizeText(before.text)) : [];
        const lead = row ? '' : listLead(pieces, i);
        candidates.push({ p, passageIndex, order: start + i, text, norm, tokens, own: words, context: [...context, ...asked, ...rowContext, ...referent], ...(row ? { row } : {}), ...(neighbour ? { neighbour: true as const } : {}), ...(chunk.subhead ? { subhead: chunk.subhead } : {}), ...(lead ? { lead } : {}) });
      });
    }
  });
  // The year a date is asked of, read once for every sentence: a document whose title names it is that year's edition,
  // whose own dates of the year before (its registration) answer too; a text that names it tells the years apart.
  const yearAsked = asked?.measure === 'date' ? asked.year : undefined;
  const titledYear = yearAsked === undefined ? null : new RegExp(`${yearAsked}(?!\\d)`);
  const inEdition = yearAsked === undefined ? asked : { ...asked!, editionYear: yearAsked - 1 };
  const namesYearAsked = yearAsked === undefined ? null : new RegExp(`${yearAsked}\\s*年`);
  const out: ScoredSentence[] = candidates.map(({ p, passageIndex, order, text, norm, tokens, own, context, row, neighbour, subhead, lead }) => {
    const ownCoverage = coverageOf(keyTerms, own);
    const coverage = coverageOf(keyTerms, new Set([...own, ...context]));
    let fit = 0;
    let evidence = 0;
    let figure: FigureMention | null = null;
    // (A date asked of a year, in a document whose title names that year — the 2027 fair's notice —: the edition's own
    // dates of the year before, its registration, answer too.)
    const edition = titledYear?.test(p.chunk.title) ? inEdition : asked;
    if (edition) [evidence, fit, figure] = figureEvidence(norm, edition, keyTerms, focus, (t) => tokensOf(stats.tokenizer, t), lead);
    // A date without its year in a document whose title dates it before the year asked (日期：12月5日至12月12日 of
    // 岫源县2026年“送戏下乡”…排期公告, for 明年): that year's date, not one of the year asked — where the document speaks of
    // the year asked elsewhere (2027年“送戏下乡”的点单时间和场次另行公布) and so tells the years apart. (A news page's
    // 今年暑运从7月1日… is its own year, as the asker's 今年 may be.)
    if (figure && yearAsked !== undefined && !YEAR_IN_TEXT.test(norm)) {
      const dated = [...p.chunk.title.matchAll(YEAR_NAMED)].map((m) => Number(m[0]));
      if (dated.length && Math.max(...dated) < yearAsked && namesYearAsked!.test(p.chunk.text)) fit *= OTHER_QUANTITY;
    }
    const words = tokens.filter((t) => t.length >= 2);
    const features: Features = {
      own: ownCoverage,
      ctx: coverage,
      passage: coverages[passageIndex],
      rank: 1 / p.rank,
      kind: kind !== 'what' && KIND_EVIDENCE[kind].test(norm) ? 1 : 0,
      figure: evidence,
      fit,
      short: norm.length < 10 ? 1 : 0,
      long: norm.length > 160 ? 1 : 0,
      // Heading-like sentences that only echo the question ("三、切实做好困难群众帮扶工作。") say nothing new.
      novelty: words.length ? words.filter((t) => !questionTokens.has(t)).length / words.length : 0,
      heading: HEADING.test(text) ? 1 : 0,
      intro: INTRO.test(text) ? 1 : 0,
      first: order === 0 ? 1 : 0,
      answerType: answerTypePresent(kind, norm, words, questionTokens, stats),
    };
    const score = logit(SCORER_WEIGHTS.sentence, features);
    return { text, passageRank: p.rank, passageIndex, order, score, coverage, fit, norm, figure: figure && fit >= MIN_FIGURE_FIT && figureFit(figure, asked!, norm) >= MIN_FIGURE_FIT ? figure : null, features, ...(row ? { row } : {}), ...(neighbour ? { neighbour } : {}), ...(subhead ? { subhead } : {}) };
  });
  // A numbered heading that mostly repeats the question ("三、切实做好困难群众帮扶工作。"), a notice's
  // furniture (its 落款 line, "现将…通知如下") are never the answer while any other sentence is on offer.
  // Nor is a question the document asks itself (问：…？).
  // (A numbered provision that states the asked figure — 第五条 大病保险起付标准为1.6万元 — is no echo, however
  // many of its words the question has.)
  const last = (s: ScoredSentence) => ((s.features.heading && s.features.novelty < 0.5 && !(asked && s.fit >= MIN_FIGURE_FIT)) || FURNITURE.test(s.text) || isFaqQuestion(s.text) ? 1 : 0);
  // A figure stated for another place (以忻府区为例，92名… when 忻州 is asked) is that place's, not the asked one's.
  const elsewhere = asked ? placeScope(keyTerms, stats) : () => 0;
  const scope = new Map(out.map((s) => [s, elsewhere(s.norm)]));
  // A table row naming another district, year, grade or category than a sibling row that names the
  // asked one is that one's figure, not the answer.
  const { rows, byNumber } = otherRows(candidates, out, keyTerms, question, asked?.grade);
  for (const s of out) if (rows.get(s) === 1) s.otherRow = true;
  for (const s of out) if (rows.get(s) === -1) s.askedRow = true;
  for (const s of byNumber) s.rowByNumber = true;
  // So is a sentence under another item's heading than the one the question names (3．健身房's 年卡1800元 when
  // the 游泳馆 of 1．游泳馆 is asked; the museum's section when the sports centre is).
  for (const [s, item] of englishText(question) ? [] : itemsOf(candidates, out, questionTokens, stats.tokenizer)) {
    s.item = item;
    if (item.side === 'named' || rows.get(s) === -1) continue;
    rows.set(s, 1);
    s.otherRow = true;
  }
  // The row singled out by what the question names comes first while it is as much on the topic (with
  // its column names, caption and title) as the best sentence: its cells are short, so it never has the
  // words of a prose sentence that only repeats the topic (起付标准按上表标准的50%计算).
  // (And where a figure is asked, while it states one as well as any such sentence: a birth month in a name list,
  // 出生年月：1926年11月, does not come before the day the list's 公示期 ends.)
  const mostCoverage = Math.max(0, ...out.map((s) => s.coverage));
  const bestFit = Math.max(0, ...out.filter((s) => s.coverage >= SINGLED_ROW_SHARE * mostCoverage).map((s) => s.fit));
  // (A row whose range holds the number the asker states — 满5年不足10年 for 交了7年 — in the passage most about the
  // question is singled out however few of its words the cells repeat.)
  // (…or in another passage of its document: a provision's bands are a chunk of their own.)
  const bestPassage = Math.max(0, ...coverages);
  const bestDocument = candidates.find((c) => coverages[c.passageIndex] >= bestPassage - 1e-9)?.p.chunk.docId;
  // (…or of the document the best-scored sentence comes from: an English question's best passage may be an English
  // page, while the sentences and the table that answer it are a Chinese notice's.)
  const topScored = out.reduce<number>((best, s, i) => (best < 0 || s.score > out[best]!.score ? i : best), -1);
  const topDocument = topScored >= 0 ? candidates[topScored]!.p.chunk.docId : undefined;
  const inBestDocument = new Set(out.filter((_, i) => candidates[i].p.chunk.docId === bestDocument || candidates[i].p.chunk.docId === topDocument));
  const singled = (s: ScoredSentence) => s.coverage >= SINGLED_ROW_SHARE * mostCoverage || (byNumber.has(s) && (coverages[s.passageIndex] >= bestPassage - 1e-9 || inBestDocument.has(s)));
  // (…nor while a sentence about as much on the topic states a figure of the asked kind with the question's words
  // beside it, far more plainly than the row does: 家庭人均月收入低于2600元 of 收入要低于多少, before the row of the
  // 其他中低收入家庭 whose label only shares the word 收入 — unless the row holds the asker's number.)
  const bestEvidence = Math.max(0, ...out.filter((s) => s.coverage >= SINGLED_ROW_SHARE * mostCoverage).map((s) => s.features.figure));
  const rowKey = (s: ScoredSentence) => (rows.get(s) === -1 ? (singled(s) && s.fit >= bestFit && (byNumber.has(s) || s.features.figure >= ROW_EVIDENCE_SHARE * bestEvidence) ? -1 : 0) : rows.get(s)!);
  // (The keys are read once per sentence, not once per comparison: FURNITURE's pattern is slow to fail.)
  const keys = new Map(out.map((s) => [s, [last(s), rowKey(s), scope.get(s)!]] as const));
  return out.sort((a, b) => {
    const [ka, kb] = [keys.get(a)!, keys.get(b)!];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || b.score - a.score || a.passageRank - b.passageRank || a.order - b.order;
  });
}

/**
 * For a question naming a place: 1 for a sentence that names other places and not the asked one (its
 * figures are theirs), else 0. Places are the stock dictionary's (tokenizer.placeNames), compared by stem.
 */
function placeScope(keyTerms: KeyTerm[], stats: CorpusStats): (norm: string) => number {
  const asked = stats.tokenizer.placeNames(keyTerms.map((k) => k.term).join(' ')).map(placeStem).filter((n) => n.length >= 2 && !GENERIC_PLACE.test(n));
  if (!asked.length) return () => 0;
  return (norm) => {
    if (asked.some((a) => norm.includes(a)) || !ADMINISTRATIVE_WORD.test(norm)) return 0;
    // Only names with an administrative suffix (忻府区, 盐湖区): the stock dictionary tags some words as places (中度).
    const named = stats.tokenizer.placeNames(norm).filter((n) => ADMINISTRATIVE.test(n)).map(placeStem).filter((n) => n.length >= 2 && !GENERIC_PLACE.test(n));
    return named.some((n) => !asked.some((a) => n.includes(a) || a.includes(n))) ? 1 : 0;
  };
}

/**
 * The sentences under an item heading of their document (1．游泳馆, （2）…) the question does not name, where it
 * names a sibling item (one under the same heading): 1．游泳馆 / 2．羽毛球馆 / 3．健身房 of 二、全民健身中心.
 * A heading is named when more than half its words are the question's (whole words: 残疾人, not 残疾 and 人 as
 * well). Items only, not a notice's sections (一、…): those mix things with steps (一、困难残疾人生活补贴 beside
 * 四、动态管理, whose 残疾人证到期未换领的，暂停发放补贴 is about both). Headings that name a facet (申请条件,
 * 补贴标准, 办理地点) rather than a thing are neither, nor are an FAQ's questions (4．社保卡丢了怎么办？), which the
 * asker words in their own way, nor English headings. (Chinese questions only: an English one meets Chinese
 * headings through a dictionary's many glosses.)
 */
function itemsOf(candidates: Candidate[], sentences: ScoredSentence[], questionTokens: Set<string>, tokenizer: ChineseTokenizer): Map<ScoredSentence, NonNullable<ScoredSentence['item']>> {
  const named = new Map<string, boolean | null>();
  const names = (label: string): boolean | null => {
    if (!named.has(label)) {
      const words = label.trim().replace(ITEM_NUMBER, '').replace(/[：:]\s*$/, '').trim();
      const all = [...new Set(tokensOf(tokenizer, normalizeText(words)))];
      const tokens = all.filter((t) => t.length >= 2 && !all.some((o) => o !== t && o.includes(t)));
      const item = ITEM_NUMBER.test(label.trim()) && !FACET_HEADING.test(words) && !/[？?]$/.test(words) && /\p{Script=Han}/u.test(words) && tokens.length > 0;
      named.set(label, item ? tokens.filter((t) => questionTokens.has(t)).length / tokens.length > 0.5 : null);
    }
    return named.get(label)!;
  };
  // Per document and parent path, the headings under it.
  const siblings = new Map<string, Set<string>>();
  const paths = candidates.map((c) => (c.subhead ? c.subhead.split(' / ') : []));
  candidates.forEach((c, i) =>
    paths[i].forEach((label, depth) => {
      const key = `${c.p.chunk.docId}\u0000${paths[i].slice(0, depth).join(' / ')}`;
      siblings.set(key, (siblings.get(key) ?? new Set()).add(label));
    }),
  );
  const out = new Map<ScoredSentence, NonNullable<ScoredSentence['item']>>();
  sentences.forEach((s, i) => {
    const sides = paths[i].map((label, depth) => {
      const others = [...siblings.get(`${candidates[i].p.chunk.docId}\u0000${paths[i].slice(0, depth).join(' / ')}`)!].filter((o) => o !== label);
      const own = names(label);
      if (own === false && others.some((o) => names(o) === true)) return 'other';
      return own === true && others.some((o) => names(o) === false) ? 'named' : null;
    });
    const side = sides.includes('other') ? 'other' : sides.includes('named') ? 'named' : null;
    if (side) out.set(s, { side, heading: candidates[i].subhead! });
  });
  return out;
}

/**
 * Share of the most on-topic sentence's coverage a sentence needs to be on the topic by its passage: a figure of a
 * sentence naming nearly nothing asked (人均月增收2000余元 beside the canteen's 减免费用) is another thing's.
 */
const PASSAGE_TOPIC_FLOOR = 0.15;

/** Most uses in general Chinese of a word cut across a typo that is still read as the typo's debris (包户: 9). */
const RARE_SLIP_WORD = 20;

/** Share of the best sentence's coverage a singled-out table row needs to come first. */
const SINGLED_ROW_SHARE = 0.8;
/** Share of the best figure evidence among such sentences a singled-out row needs to come first (half: another sentence states it twice as plainly). */
const ROW_EVIDENCE_SHARE = 0.5;

/**
 * Per sentence, 1 for a table row that names less of what the question names than another row of its
 * table; -1 for the row (or rows) that name the most of it, when some other row names less; else 0.
 * The rows of a table share their header and most words; what tells them apart is what each names
 * (东城区, 2025年, 第二阶梯, 二级): the row naming the asked one is the answer, its neighbours' figures are not. A number the question states (93岁, 用水200立方米) names the row whose range holds it
 * (90—99周岁, 180—260立方米, 100周岁及以上). `byNumber`: the rows singled out so.
 */
function otherRows(candidates: Candidate[], sentences: ScoredSentence[], keyTerms: KeyTerm[], question: string, grade?: string): { rows: Map<ScoredSentence, number>; byNumber: Set<ScoredSentence> } {
  // Amounts, ages, volumes — not years, dates or times of day (2025年 is no volume in 600立方米以上).
  // Each with its unit (岁 of 93岁, 立方米 of 200立方米; none in 93了).
  // A count of years (交了6年社保, 工作满15年) is a number too; a calendar year (2025年) or a date (3月5日) is not.
  const numbers = [...normalizeText(question).matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|\s*[月日号点时:：]|\s*年级)\s*([\u4e00-\u9fff]{0,3})/g)]
    .filter((m) => !(m[2].startsWith('年') && Number(m[1]) >= 100))
    .map((m) => ({ n: Number(m[1]), unit: m[2].replace(/^(了|多|来|左右).*$/, '') }))
    .filter(({ n }) => !(Number.isInteger(n) && n >= 1900 && n <= 2100));
  // English: a number with its unit ("for 2 years", "my son is 7 years old", "a 4-year-old"), the unit as a stem.
  const englishNumbers = englishText(question) ? [...question.toLowerCase().matchAll(ENGLISH_ASKER_NUMBER)].map((m) => ({ n: englishNumber(m[1]!), unit: englishUnit(m[2]!) })).concat([...question.toLowerCase().matchAll(ENGLISH_ASKER_AGE)].map((m) => ({ n: Number(m[1]), unit: AGED })).filter(({ n }) => n <= MAX_AGE)) : [];
  // The asker's household by its size (一家三口, 三口之家, 家里4口人): so many people, as 3人 is.
  for (const m of normalizeText(question).matchAll(HOUSEHOLD)) {
    const n = smallNumber(m[1] ?? m[2] ?? '');
    if (n) numbers.push({ n, unit: '人' });
  }
  // (In English too — "a family of 4", "a four-person household", "there are 5 of us" —, for a Chinese table's 4人 as
  // for an English one's "4 people".)
  if (englishText(question)) {
    for (const m of question.toLowerCase().matchAll(ENGLISH_HOUSEHOLD)) {
      const n = englishNumber((m[1] ?? m[2] ?? m[3])!);
      if (n > 0) {
        // (Its bare number is then no number of anything else: 4 of "a family of 4" fits no 40平方米以下.)
        for (let i = numbers.length - 1; i >= 0; i--) if (numbers[i].n === n && !numbers[i].unit) numbers.splice(i, 1);
        numbers.push({ n, unit: '人' });
        englishNumbers.push({ n, unit: 'people' });
      }
    }
  }
  const words = keyTerms.filter((k) => k.term.length >= 2);
  const { total } = coverageWeights(words, new Set());
  const tables = new Map<string, { sentence: ScoredSentence; named: number; inRange: boolean }[]>();
  candidates.forEach((c, i) => {
    // A table row; or a line of a list that opens with a band (满5年不满10年：最长领取期限18个月; 80至89周岁的，
    // 每人每月100元 — how a web page's table reads once flattened): its siblings in the passage are the other bands.
    // (An English line's band is a row only for an asker who states a number of its own: "at least 30 days before it
    // expires" is no row of anything asked about expired medicine.)
    const band = c.row || (!HAN.test(c.norm) && !englishNumbers.length) ? null : bandLabel(c.norm);
    if (!c.row && !band) return;
    const key = c.row ? `${c.passageIndex}\u0000${c.row.header?.join('|') ?? ''}\u0000${c.row.cells.length}` : `${c.passageIndex}\u0000bands`;
    const cells = c.row ? c.row.cells : [band!];
    // (Or the grade asked, as the question names it in other words: 二级 for "a tier-2 hospital".)
    // (A cell under an "Age" column states ages without a unit: 60 to 64, 65 and over.)
    const ageCells = c.row?.header ? c.row.cells.filter((_, j) => AGE_COLUMN.test(c.row!.header![j] ?? '')) : [];
    const inRange = numbers.some((n) => cells.some((cell) => rangeHolds(normalizeText(cell), n.n, n.unit))) || englishNumbers.some((n) => cells.some((cell) => englishBandHolds(cell, n.n, n.unit)) || (n.unit === AGED && ageCells.some((cell) => bareBandHolds(cell, n.n)))) || (!!grade && cells.some((cell) => gradeKey(normalizeText(cell)) === gradeKey(grade)));
    // Words, not single characters (月 of 每月 is in every row): what a row names is a word of its cells.
    const named = coverageWeights(words, c.own).matched + (inRange ? total + 1 : 0);
    tables.set(key, [...(tables.get(key) ?? []), { sentence: sentences[i], named, inRange }]);
  });
  const out = new Map(sentences.map((s) => [s, 0]));
  const byNumber = new Set<ScoredSentence>();
  for (const rows of tables.values()) {
    if (rows.length < 2) continue;
    const most = Math.max(...rows.map((r) => r.named));
    if (rows.every((r) => r.named >= most - 1e-9)) continue;
    for (const r of rows) out.set(r.sentence, r.named < most - 1e-9 ? 1 : -1);
    for (const r of rows) if (r.inRange && r.named >= most - 1e-9) byNumber.add(r.sentence);
  }
  return { rows: out, byNumber };
}

// "80—89周岁", "0—180立方米（含）", "100周岁及以上", "60岁以下" (the unit after the figure captured).
const RANGE = /(\d+(?:\.\d+)?)[^\d—–~～至到－-]{0,4}\s*[—–~～至到－-]+\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{0,3})/g;
// "满5年不满10年", "满1年不满5年的", "满5年不足10年" (from the first figure, below the second).
const FROM_UNDER = /满\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{0,3}?)\s*(?:但|且|、)?(?:不满|不足)\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{0,3})/g;
const AT_LEAST = /(\d+(?:\.\d+)?)([^\d，,；;]{0,5}?)(?:及以上|或以上|以上)/g;
const AT_MOST = /(\d+(?:\.\d+)?)([^\d，,；;]{0,5}?)(?:及以下|或以下|以下|以内)/g;

/** The band patterns above without their global flag: for testing a label (no lastIndex state). */
const BAND_TESTS = [RANGE, FROM_UNDER, AT_LEAST, AT_MOST].map((re) => new RegExp(re.source));

/** The opening clause of a line when it states a band of figures (满5年不满10年, 80至89周岁, 10年以上), else null. */
function bandLabel(norm: string): string | null {
  // An English line states its band anywhere in its opening ("The fee for a permit valid for less than one year is
  // RMB 400", "for one to three years it is RMB 800"): the band itself labels it.
  if (!HAN.test(norm)) return englishBands(norm.slice(0, ENGLISH_BAND_OPENING))[0] ?? null;
  const label = /^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?([^：:，,；;。]{2,20})[：:，,]/.exec(norm)?.[1];
  if (label && BAND_TESTS.some((re) => re.test(label))) return label;
  // The first band of a list may follow the list's own label (发放标准：80至89周岁的，每人每月100元).
  const labelled = /^\s*[^：:，,；;。\d]{2,12}[：:]\s*(.+)$/.exec(norm)?.[1];
  if (labelled) return bandLabel(labelled);
  // …or follow a provision's lead-in in the same sentence (第三条 …按下列标准给予每餐补贴：（一）65周岁至79周岁的，…).
  const item = /[：:]\s*[（(][一二三四五六七八九十]{1,2}[)）]\s*(.+)$/.exec(norm)?.[1];
  return item ? bandLabel(item) : null;
}

const ENGLISH_NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const EN_N = `(\\d+(?:\\.\\d+)?|${ENGLISH_NUMBER_WORDS.join('|')})`;
const EN_UNIT = '(years?|months?|weeks?|days?|hours?|kilos?|kg|kilograms?|metres?|meters?|people|persons?)';
/** How far into an English line its band is read. */
const ENGLISH_BAND_OPENING = 80;
// "one to three years", "6-14 years", "between 6 and 14 years"; "less than one year", "under 6 years"; "over 65 years",
// "at least 10 years", "65 years and over"; and ages without their unit: "aged 6 to 14", "aged 60 and over", "under the
// age of 18". Each read as the numbers it holds (from, to: inclusive; below: up to, not including) and its unit.
interface EnglishBand {
  re: RegExp;
  read: (m: RegExpMatchArray) => { from: number; to: number; unit: string };
}
const AGED = 'year';
/** No asker states an age above it ("the fee is 400" is no age). */
const MAX_AGE = 120;
const ENGLISH_BAND: EnglishBand[] = [
  { re: new RegExp(`\\b${EN_N}\\s*(?:to|-|–|and)\\s*${EN_N}\\s+${EN_UNIT}\\b`, 'gi'), read: (m) => ({ from: englishNumber(m[1]!), to: englishNumber(m[2]!), unit: englishUnit(m[3]!) }) },
  { re: new RegExp(`\\b(?:less than|under|below|up to|within|no more than)\\s+${EN_N}\\s+${EN_UNIT}\\b`, 'gi'), read: (m) => ({ from: -Infinity, to: englishNumber(m[1]!) - 1e-9, unit: englishUnit(m[2]!) }) },
  { re: new RegExp(`\\b(?:more than|over|above|at least|no less than)\\s+${EN_N}\\s+${EN_UNIT}\\b`, 'gi'), read: (m) => ({ from: englishNumber(m[1]!), to: Infinity, unit: englishUnit(m[2]!) }) },
  { re: new RegExp(`\\b${EN_N}\\s+${EN_UNIT}\\s+(?:and|or)\\s+(?:over|above|older|more)\\b`, 'gi'), read: (m) => ({ from: englishNumber(m[1]!), to: Infinity, unit: englishUnit(m[2]!) }) },
  { re: new RegExp(`\\baged\\s+${EN_N}\\s*(?:to|-|–)\\s*${EN_N}\\b(?!\\s+(?:months?|weeks?|days?))`, 'gi'), read: (m) => ({ from: englishNumber(m[1]!), to: englishNumber(m[2]!), unit: AGED }) },
  { re: new RegExp(`\\baged\\s+${EN_N}\\s+(?:and|or)\\s+(?:over|above|older)\\b|\\b(?:over|above)\\s+the\\s+age\\s+of\\s+${EN_N}\\b`, 'gi'), read: (m) => ({ from: englishNumber((m[1] ?? m[2])!), to: Infinity, unit: AGED }) },
  { re: new RegExp(`\\b(?:aged\\s+under|under\\s+the\\s+age\\s+of)\\s+${EN_N}\\b`, 'gi'), read: (m) => ({ from: -Infinity, to: englishNumber(m[1]!) - 1e-9, unit: AGED }) },
];
// The asker's number with its unit: "for 2 years", "is 7 years old", "a 4-year-old", "3 months"; and an age stated
// without one ("my dad is 65", "I'm 70", "turning 6").
const ENGLISH_ASKER_NUMBER = new RegExp(`\\b${EN_N}[\\s-]+${EN_UNIT}\\b`, 'g');
const ENGLISH_ASKER_AGE = /\b(?:is|am|i'm|im|he's|she's|turned|turning|aged?)\s+(\d{1,3})\b(?!\s*(?:%|percent|yuan|rmb|kg|km|cm|m\b|metres?|meters?|years?|months?|weeks?|days?|hours?|times|people|persons|children|kids))/g;

function englishNumber(word: string): number {
  const at = ENGLISH_NUMBER_WORDS.indexOf(word.toLowerCase());
  return at >= 0 ? at : Number(word);
}

/** An English unit as one form: years → year, kilos → kg, persons → people. */
function englishUnit(word: string): string {
  const w = word.toLowerCase();
  return /^(kilos?|kg|kilograms?)$/.test(w) ? 'kg' : /^(people|persons?)$/.test(w) ? 'people' : /^(metres?|meters?)$/.test(w) ? 'metre' : w.replace(/s$/, '');
}

/** The bands an English text states, as written. */
function englishBands(text: string): string[] {
  return ENGLISH_BAND.flatMap(({ re }) => [...text.matchAll(re)].map((m) => m[0])).sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

/** The name of a table column of ages (Age, Age group, 年龄). */
const AGE_COLUMN = /^\s*(?:ages?(?:\s+(?:group|band|range))?|年龄(?:段)?)\s*$/i;

/** Whether a bare band (60 to 64, 65 and over, under 18, 70+) holds the number. */
function bareBandHolds(cell: string, n: number): boolean {
  const text = cell.trim().toLowerCase();
  const range = /^(\d+)\s*(?:to|-|–|—|~|至)\s*(\d+)$/.exec(text);
  if (range) return n >= Number(range[1]) && n <= Number(range[2]);
  const over = /^(\d+)\s*(?:\+|and over|and above|and older|or over|or older|or above|及以上|以上)$/.exec(text);
  if (over) return n >= Number(over[1]);
  const under = /^(?:under|below)\s*(\d+)$/.exec(text);
  return !!under && n < Number(under[1]);
}

/** Whether an English band (one to three years, under 6 years, 65 years and over) holds the number of the unit. */
function englishBandHolds(cell: string, n: number, unit: string): boolean {
  return ENGLISH_BAND.some(({ re, read }) =>
    [...cell.matchAll(re)].some((m) => {
      const band = read(m);
      return band.unit === unit && n >= band.from && n <= band.to;
    }),
  );
}

/**
 * Whether a cell states a range (80—89周岁, 100周岁及以上) that holds the number — of the same unit,
 * when the question gives one (6口人 is no volume in 0—180立方米).
 */
function rangeHolds(cell: string, n: number, unit: string): boolean {
  const sameUnit = (stated: string) => !unit || [...unit].some((ch) => stated.includes(ch));
  // (A cell that is the number itself with the asked unit: 3人 of 家庭人口：3人.)
  const exact = /^\s*(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,3})\s*$/.exec(cell);
  if (exact && unit && Number(exact[1]) === n && [...unit].some((ch) => exact[2].includes(ch))) return true;
  for (const m of cell.matchAll(RANGE)) if (n >= Number(m[1]) && n <= Number(m[2]) && sameUnit(m[3])) return true;
  for (const m of cell.matchAll(AT_LEAST)) if (n >= Number(m[1]) && sameUnit(m[2])) return true;
  for (const m of cell.matchAll(AT_MOST)) if (n <= Number(m[1]) && sameUnit(m[2])) return true;
  for (const m of cell.matchAll(FROM_UNDER)) if (n >= Number(m[1]) && n < Number(m[3]) && sameUnit(m[2] || m[4])) return true;
  return false;
}

const ENGLISH_HOUSEHOLD = new RegExp(`\\b(?:family|household) of ${EN_N}\\b|\\b${EN_N}[\\s-]+(?:person|people|member)s?\\s+(?:family|household)\\b|\\bthere are ${EN_N} of us\\b`, 'g');
const HOUSEHOLD = /(?:一家|全家|家里|家中|我们家|俺家|我家)\s*(\d{1,2}|[两二三四五六七八九十])\s*口|(\d{1,2}|[两二三四五六七八九十])\s*口之家/g;
const SMALL_NUMERALS = '一二三四五六七八九十';
/** 3, 三, 两 → 3, 3, 2 (household sizes: one to ten or a number in figures). */
function smallNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  return text === '两' ? 2 : SMALL_NUMERALS.indexOf(text) + 1;
}

/** How Chinese place names end (稷山县, 柳溪街道, 石桥社区). */
const PLACE_SUFFIX = /(省|市|县|区|镇|乡|村|街道|社区|小区)$/;
const placeStem = (name: string) => name.replace(PLACE_SUFFIX, '');

/**
 * A corpus word named like a local place (柳溪街道, 东岭村): what CorpusStats.places holds. (Not a phrase whose last
 * two characters are a verb ending in the place suffix, as jieba's stock dictionary tags them: 送戏下乡 "taking opera
 * to the countryside", 文化下乡.)
 */
export function isLocalPlaceName(word: string, tokenizer: Pick<ChineseTokenizer, 'generalTag'>): boolean {
  return /^[\u4e00-\u9fff]{2,6}$/.test(placeStem(word)) && PLACE_SUFFIX.test(word) && !/^v/.test(tokenizer.generalTag(word.slice(-2)));
}
const ADMINISTRATIVE = /(省|市|县|区|镇|乡|村|街道|自治州|盟|旗)$/;
/** A text with no such suffix names no such place (tested before the text is cut into words). */
const ADMINISTRATIVE_WORD = /[省市县区镇乡村州盟旗]|街道/;

interface Candidate {
  p: RetrievedPassage;
  passageIndex: number;
  order: number;
  text: string;
  norm: string;
  tokens: string[];
  own: Set<string>;
  context: string[];
  row?: TableRow;
  neighbour?: true;
  /** The heading path of the sentence's own chunk (一、… / 1．游泳馆). */
  subhead?: string;
  /** A later item of a ；-joined list: the list's lead before its colon (listLead). */
  lead?: string;
}

/**
 * A chunk's sentences and the tokens of a sentence, a passage or a table header, kept per tokenizer (one per
 * index generation) across questions: the same chunks come back for question after question, each read with
 * its neighbours, and every row of a table with the same header. Never mutated by their callers.
 */
const PIECES = new Map<string, ReturnType<typeof passagePieces>>();
const TOKENS = new WeakMap<ChineseTokenizer, Map<string, string[]>>();
const MEMO_LIMIT = 20_000;
/**
 * The lead of the list a sentence is a later item of (生育医疗费用实行定额支付 of "…：产前检查定额1000元；住院分娩顺产定额2800元"):
 * the words before the colon of the first of the ；-joined pieces before it, normalised; '' when it is no list item.
 */
function listLead(pieces: readonly { text: string; row?: TableRow }[], at: number): string {
  let first = at;
  while (first > 0 && !pieces[first - 1].row && /[；;]\s*$/.test(pieces[first - 1].text)) first--;
  if (first === at) return '';
  const colon = pieces[first].text.search(/[：:]/);
  return colon > 0 ? normalizeText(pieces[first].text.slice(0, colon)) : '';
}

function piecesOf(text: string): ReturnType<typeof passagePieces> {
  let pieces = PIECES.get(text);
  if (!pieces) {
    if (PIECES.size >= MEMO_LIMIT) PIECES.clear();
    PIECES.set(text, (pieces = passagePieces(text)));
  }
  return pieces;
}
function tokensOf(tokenizer: ChineseTokenizer, text: string): string[] {
  let memo = TOKENS.get(tokenizer);
  if (!memo) TOKENS.set(tokenizer, (memo = new Map()));
  let tokens = memo.get(text);
  if (!tokens) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, (tokens = tokenizer.tokens(text)));
  }
  return tokens;
}

/** How many of the best-ranked passages are read with their neighbouring chunks. */
const WINDOW_PASSAGES = 5;
/** A year a text names (2026年, 2026年度). */
const YEAR_NAMED = /(?:19|20)\d{2}(?=\s*年)/g;
/** A year written out in a sentence (2026年, 2027). */
const YEAR_IN_TEXT = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

// Sentences that only announce what follows ("…如下：").
const INTRO = /[：:]$/;

// A notice's letterhead run into its first sentence by the page layout: the issuer and document number
// (青禾市人民政府办公室青政办发〔2026〕21号) and the addressees (各区、县人民政府，市直各有关部门：).
const DOC_NUMBER_HEAD = /^[^。！？!?]{0,60}?[〔［\[]\s*\d{4}\s*[〕］\]]\s*第?\s*\d+\s*号\s*/;
const ADDRESSEES = /^各[^。！？!?：:]{1,40}[：:]\s*/;

/** The sentence without the letterhead before it (kept whole when nothing else is left). */
function withoutLetterhead(text: string): string {
  const rest = text.replace(DOC_NUMBER_HEAD, '').replace(ADDRESSEES, '');
  return rest.length >= 4 ? rest : text;
}

/** When a notice was issued is asked (哪天发布的, 什么时候印发, "when was it published"). */
const ASKS_ISSUED = /发布|印发|出台|公布|发文|下发|签发|成文|\b(?:published|issued|released)\b/i;

// A 落款 (issuer and date, nothing else: "青禾市人民政府办公室2026年6月5日", or its month alone after the issuing
// bodies: "…人力资源和社会保障局 …领导小组办公室 2026年2月"), a bare document number,
// the sentence announcing the notice itself ("现将…通知如下", "特此通知"), or a regulation's statement of its
// own purpose ("第一条 为…，根据…，制定本办法").
/** An issuer of a notice by its name's ending (澄江市民政局, 青禾市人民政府办公室), with the space after it. */
const ISSUER = String.raw`[\u4e00-\u9fff]{2,30}?(?:局|办公室|政府|委员会|中心|办事处|公司|小组)\s*`;
const FURNITURE = new RegExp(String.raw`^(?:${ISSUER})+\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|^\s*(?:发布日期|发布时间|发文日期|成文日期|来源|信息来源|文章来源|浏览次数|点击数|访问量|字号|作者|编辑|责任编辑)\s*[：:]|^[^，,。；;！？!?]{0,80}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[^，,。；;]{0,40}[〔［\[]\s*\d{4}\s*[〕］\]]\s*第?\s*\d+\s*号$|(现将|现就|现把|特将|特就).{0,80}(通知|公告|通告|说明|解读|告知|明确)如下|^特此(通知|公告|通告)|^(第[一二三四五六七八九十百\d]+条\s*)?为.{2,120}(制定|印发)本(办法|细则|规定|条例|方案|意见|规则|制度|标准|通知|指南)`);

/**
 * The name a Chinese question opens with, when it is a run of two to four noun characters that no dictionary, no
 * document and no repair of a typo knows, followed by 的, 是 or a word the documents use; else null.
 */
function openingName(norm: string, stats: CorpusStats, terms: readonly WeightedTerm[]): string | null {
  // (After the courtesy a chat message opens with: 请问, 您好，我想咨询一下.)
  const text = stripCourtesy(norm);
  for (let length = 4; length >= 2; length--) {
    const run = text.slice(0, length);
    if (!/^[\u4e00-\u9fff]+$/.test(run) || GRAMMATICAL_CHAR.test(run) || stats.documentFrequency(run) > 0 || stats.tokenizer.generalFrequency(run) > 0) continue;
    // (A name's characters are nouns' and names' — 李, 昆, 华, 堡, 班, 卡 — not a verb's or an adverb's: 献完, 只贷, 想捐,
    // 租公 and 娃送全 open a resident's sentence, not a name.)
    if (![...run].every((c) => /^n/.test(stats.tokenizer.generalTag(c)))) continue;
    // (Nor a run whose own words the dictionary or the documents have: 养老今 is 养老 and a slip.)
    if (stats.tokenizer.tokens(run).some((t) => t.length >= 2 && (stats.documentFrequency(t) > 0 || stats.tokenizer.generalFrequency(t) > 0))) continue;
    if (terms.some((t) => t.source && t.source.length >= 2 && t.origin !== 'question' && (t.source.includes(run) || run.includes(t.source)))) continue;
    const rest = text.slice(length);
    if (/^[的是]/.test(rest) || stats.tokenizer.tokens(rest).some((t) => t.length >= 2 && rest.startsWith(t) && stats.documentFrequency(t) > 0)) return run;
  }
  return null;
}

/** A line that is a date, or an issuer and a date (a 落款, or the issuer's line under a notice's title). */
const DATELINE = new RegExp(String.raw`^(?:${ISSUER})*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$`);

// （以下简称公租房）, 简称“两项补贴”: a notice names its subject once in full and then by a short name.
const ALIAS = /(?:以下简称|下称|简称)\s*[“"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,12})[”"」』]?/g;

/** Short names each retrieved document declares (by docId, space-separated): they stand for its subject in every passage. */
function documentAliases(passages: RetrievedPassage[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of passages) {
    const names = [...p.chunk.text.matchAll(ALIAS)].map((m) => m[1]);
    if (names.length) out.set(p.chunk.docId, [out.get(p.chunk.docId) ?? '', ...names].join(' ').trim());
  }
  return out;
}

/** Numbered headings: 三、… （二）… 1. … 第四条 … */
/** A heading naming when (接种时间, 报名日期, 办理时限) or where (接种地点, 办理地址) something is done. */
const DATE_HEADING = /(时间|日期|期限|时段)[：:]?$/;
const PLACE_HEADING = /(地点|地址|场所)[：:]?$/;
const HEADING = /^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．]|第[一二三四五六七八九十百\d]+[章节条部分款])/;

const PLACE_WORD = /(省|市|县|区|镇|乡|村|街道|社区|小区|路|街|巷|号|楼|层|室|中心|大厅|广场|大厦|站|馆|院|窗口)$/;

/** Whether the sentence holds something of the kind asked for, beyond the question's own words (1/0). */
function answerTypePresent(kind: QuestionKind, norm: string, words: string[], questionTokens: Set<string>, stats: CorpusStats): number {
  const fresh = words.filter((w) => !questionTokens.has(w));
  switch (kind) {
    case 'number':
      return figureMentions(norm).some((m) => m.measure !== 'date') ? 1 : 0;
    case 'when':
      return figureMentions(norm).some((m) => m.measure === 'date') ? 1 : 0;
    case 'where':
      return fresh.some((w) => stats.tokenizer.generalTag(w) === 'ns' || PLACE_WORD.test(w)) || ENGLISH_STREET_ADDRESS.test(norm) || ENGLISH_FLOOR.test(norm) ? 1 : 0;
    case 'who':
      return fresh.some((w) => /^(nr|nrt|nt)$/.test(stats.tokenizer.generalTag(w))) || KIND_EVIDENCE.who.test(norm) ? 1 : 0;
    case 'how':
      return KIND_EVIDENCE.how.test(norm) ? 1 : 0;
    default:
      return fresh.length >= 2 ? 1 : 0;
  }
}

/**
 * The passage's document is one year's version of a document also retrieved for another year (the same
 * title but for its year), and its year is not one of `years`.
 */
function otherYearsVersion(p: RetrievedPassage, passages: RetrievedPassage[], years: string[], topicWords: string[] = []): boolean {
  const yearOf = (title: string) => title.match(/(?:19|20)\d{2}/g) ?? [];
  const own = yearOf(p.chunk.title);
  if (!own.length || own.some((y) => years.includes(y))) return false;
  const bothName = (a: string, b: string) => topicWords.some((w) => normalizeText(a).includes(w) && normalizeText(b).includes(w));
  return passages.some((o) => o.chunk.docId !== p.chunk.docId && yearOf(o.chunk.title).some((y) => years.includes(y)) && (sameTitleButYear(o.chunk.title, p.chunk.title) || bothName(o.chunk.title, p.chunk.title)));
}

/** Two titles that differ little but for their years (关于提高2026年特困人员基本生活标准的通知 / 2025年特困人员基本生活标准): Dice over character pairs ≥ 0.6. */
function sameTitleButYear(a: string, b: string): boolean {
  const pairs = (t: string) => {
    const s = normalizeText(t).replace(/(?:19|20)\d{2}\s*年?度?/g, '').replace(/[\s\p{P}]/gu, '');
    return new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  };
  const [x, y] = [pairs(a), pairs(b)];
  const shared = [...x].filter((p) => y.has(p)).length;
  return x.size > 0 && y.size > 0 && (2 * shared) / (x.size + y.size) >= 0.6;
}

/** A passage's text with its titles, normalised (where figures, places and years are looked for). */
function passageText(p: RetrievedPassage): string {
  let text = passageTexts.get(p);
  if (text === undefined) passageTexts.set(p, (text = normalizeText(`${p.chunk.title} ${p.chunk.subhead ?? ''} ${p.chunk.text}`)));
  return text;
}
/** A retrieved passage's normalised text, kept while the question's passages live: several tests read it. */
const passageTexts = new WeakMap<RetrievedPassage, string>();

/**
 * What the question is scoped to, each as spellings any of which a document may use: the places it names
 * that the corpus knows (稷山县 → 稷山县 | 稷山), and the years it names (2025年, "in 2025") other than the
 * asker's own birth year. Empty when it names neither.
 */
function questionScope(question: string, language: Language, places: { name: string; stem: string }[]): string[][] {
  const q = normalizeText(question);
  const own = ownCaseSpans(q).join(' ');
  // (The first year of a span written with 年 after its last only — 2024到2025年, 2025-2026年度 — is a year named too.)
  const years = [...q.matchAll(language === 'zh' ? /(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|(?:到|至|—|–|-|~|～)\s*(?:19|20)\d{2}\s*年))/g : /\b((?:19|20)\d{2})\b/g)].map((m) => m[1]).filter((y) => !own.includes(y));
  return [...[...new Set(years)].map((y) => [y]), ...places.map(({ name, stem }) => (stem === name ? [name] : q.includes(name) ? [name, stem] : [stem, name]))];
}

/** Parts of a year, each family with the pattern of its members and how a member is told (第三季度 and 三季度 and Q3 are one). */
const YEAR_PARTS: { family: string; pattern: RegExp; value: (m: RegExpMatchArray) => string }[] = [
  { family: 'quarter', pattern: /第?([一二三四1-4])季度|\bq([1-4])\b|\b(first|second|third|fourth)\s+quarter\b/gi, value: (m) => String(m[1] ? '一二三四'.indexOf(m[1]) + 1 || Number(m[1]) : m[2] ? Number(m[2]) : ['first', 'second', 'third', 'fourth'].indexOf(m[3]!.toLowerCase()) + 1) },
  { family: 'half', pattern: /([上下])半年/g, value: (m) => m[1] },
  { family: 'season', pattern: /([春夏秋冬])季(?!度)/g, value: (m) => m[1] },
];
interface YearPart {
  family: string;
  value: string;
  text: string;
}

/** The parts of a year a text names (第三季度, 下半年, 秋季). */
function yearParts(text: string): YearPart[] {
  return YEAR_PARTS.flatMap(({ family, pattern, value }) => [...text.matchAll(pattern)].map((m) => ({ family, value: value(m), text: m[0] })));
}

/** The text names parts of the year of an asked part's family, none of them the one asked. */
function otherYearPart(text: string, asked: YearPart[]): boolean {
  const named = yearParts(text);
  return asked.some((a) => {
    const same = named.filter((n) => n.family === a.family);
    return same.length > 0 && !same.some((n) => n.value === a.value);
  });
}

// "Baihe County", "Fengqiao District": a place below the city, named with its place noun.
const ENGLISH_SCOPED_PLACE = /\b([A-Z][a-z]{2,}(?:'[a-z]+)?)\s+(County|District|Town|Township|Village|Subdistrict)\b/g;

/**
 * The districts, counties and towns an English question names, each as the spellings a document may use:
 * the English name, and the corpus names the mapper reached from it (Fengqiao → 枫桥区, 枫桥). The answer
 * comes only from documents that name it, as for a Chinese question (another district's pool is no answer).
 */
function englishPlaceScope(question: string, terms: WeightedTerm[], stats: CorpusStats): string[][] {
  const out: string[][] = [];
  const named = new Set<string>();
  for (const m of question.matchAll(ENGLISH_SCOPED_PLACE)) {
    const word = m[1].toLowerCase();
    const chinese = terms.filter((t) => t.origin === 'pinyin' && t.source?.toLowerCase().split(/\s+/).includes(word)).map((t) => t.term);
    const stems = chinese.map(placeStem).filter((n) => n.length >= 2);
    out.push([...new Set([word, ...chinese, ...stems])]);
    named.add(word);
  }
  // A romanised name the mapper read as a corpus place, with or without its place noun ("in Donghu",
  // "taiyuan"): scoped the same way — another district's or city's figures are no answer.
  const bySource = new Map<string, string[]>();
  for (const t of terms) {
    if (t.origin !== 'pinyin' || !t.source || !isCorpusPlace(t.term, stats)) continue;
    const source = t.source.toLowerCase();
    bySource.set(source, [...(bySource.get(source) ?? []), t.term]);
  }
  for (const [source, chinese] of bySource) {
    if (source.split(/\s+/).some((w) => named.has(w))) continue;
    const documents = Math.max(stats.documentFrequency(source.replace(/\s+/g, '')), ...chinese.map((c) => stats.documentFrequency(c)));
    if (documents >= HOME_PLACE_SHARE * stats.size) continue;
    const stems = chinese.map(placeStem).filter((n) => n.length >= 2);
    out.push([...new Set([source, source.replace(/\s+/g, ''), ...chinese, ...stems])]);
  }
  return out;
}

/** A Chinese name that is a place: named like one (东湖区), one of the corpus's places, or a place in general Chinese (太原). */
function isCorpusPlace(term: string, stats: CorpusStats): boolean {
  return ADMINISTRATIVE.test(term) || (stats.places ?? []).includes(term) || stats.tokenizer.generalTag(term) === 'ns';
}

/** Share of the documents naming a place at or above which it is the collection's home (the city itself), which documents often leave unsaid. */
const HOME_PLACE_SHARE = 0.25;

/**
 * Place scope per passage: the question names a place the corpus knows (a county, a district), and the
 * passage the answer would come from names none of it — its figures may be another place's (1), else 0.
 */
function placeOutOfScope(places: { name: string; stem: string }[], passage: RetrievedPassage): number {
  if (!places.length) return 0;
  const text = passageText(passage);
  return places.some(({ stem }) => text.includes(stem)) ? 0 : 1;
}

/**
 * The sentences of a passage: prose split into sentences (lines broken mid-sentence joined again), and
 * each table row a sentence of its own, read with its table's header row — never joined to its
 * neighbours, and the header row itself never a sentence to quote (its words count for its rows).
 */
function passagePieces(text: string): { text: string; row?: TableRow; caption?: string }[] {
  const out: { text: string; row?: TableRow; caption?: string }[] = [];
  let prose: string[] = [];
  let caption = '';
  const flush = () => {
    if (prose.length) {
      const pieces = joinBrokenSentences(splitSentences(prose.join('\n')).map((s) => s.text.replace(/\s+/g, ' ').trim())).map(withoutLetterhead);
      out.push(...pieces.filter((s) => s.length >= 4).map((s) => ({ text: s })));
      // The line that introduces a table ("…标准调整如下：", a short title line) is its caption: its words
      // count for every row, as a title counts for its passage.
      const last = prose[prose.length - 1].trim();
      caption = /[：:]$/.test(last) || (last.length <= 40 && !/[。！？；.!?;]$/.test(last)) ? last : '';
    }
    prose = [];
  };
  for (const line of readLines(text)) {
    if (line.kind === 'prose') prose.push(line.text);
    else {
      flush();
      if (line.kind === 'row') {
        const shown = rowText(line.row);
        if (shown.length >= 4) out.push({ text: shown, row: line.row, ...(caption ? { caption } : {}) });
      }
    }
  }
  flush();
  return out;
}

/** An English answer's opening yes or no ("Yes, but it is voluntary", "No."). */
/** A question asking when something starts and when it stops (开始…停, 从…到, "start and end"). */
const ASKS_SPAN = /(开始|起|开).{0,10}(停|结束|截止|关|到啥时候|到什么时候|到哪天|到几号)|从(哪天|几号|什么时候|啥时候).{0,4}(到|至)|\b(?:start|begin|open)s?\b.{0,30}\b(?:end|stop|finish|close)s?\b/i;
/** A span of dates: from a day to a day (11月15日至2027年3月15日, 1 June to 30 September). */
const DATE_SPAN = /\d{1,2}\s*月\s*\d{1,2}\s*[日号]?\s*(?:至|到|—|–|-|~|～)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?\s*(?:to|until|-|–)\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const REPLY_EN = /^\s*(?:A\d*\s*[:.]\s*)?(?:yes|no)\b/i;

/** A reply that is only yes or no (答：可以。, 答：不能。). */
const BARE_REPLY = /^\s*(?:答\s*[：:])?\s*(?:可以|不可以|能|不能|是|否|是的|不是|会|不会|需要|不需要|有|没有|对|不对|行|不行)[。！!.，,]?\s*$/;

/** Newspaper pages break paragraphs across columns ("全市共270余家" / "用人单位带来…"): a piece that does not end a sentence is joined to the next. */
function joinBrokenSentences(pieces: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  pieces.forEach((piece, i) => {
    if (!piece) return;
    // A list item ("- Sunday: 10 am to 4 pm") is a sentence of its own, shown without its bullet.
    if (LIST_BULLET.test(piece)) {
      if (carry) out.push(carry);
      out.push(piece.replace(LIST_BULLET, ''));
      carry = '';
      return;
    }
    // English words broken across lines, and English sentences on separate lines (District. / Any…), keep a space between them.
    const text = carry && /[A-Za-z0-9,.;:)]$/.test(carry) && /^[A-Za-z0-9(]/.test(piece) ? `${carry} ${piece}` : carry + piece;
    // (A form's next field — 办理地点：… after 办理时限：20个工作日 — starts a line of its own, with or without a full stop before it.)
    // (A bare yes or no in answer to a page's own question — 答：可以。 — is read with the sentence that says on
    // what condition: alone it would answer any question.)
    // (An issuer's line with its date — 东港区民政局　2026年3月20日 under a notice's title — is whole without a full
    // stop: joined to the next line it would date what that line says.)
    // (Nor is a line before a page's own question or answer — 问：…, 答：… — its start: 汭州市城市管理局　2026年11月 above 问：.)
    const next = pieces[i + 1] ?? '';
    const nextStandsAlone = startsField(next) || FAQ_MARK.test(next) || FAQ_ANSWER.test(next);
    if (BARE_REPLY.test(text) && pieces[i + 1] !== undefined) carry = text;
    else if (!SENTENCE_END.test(text) && !englishSentenceEnd(text, pieces[i + 1]) && !englishHeading(text, pieces[i + 1]) && !nextStandsAlone && !DATELINE.test(text) && text.length < MAX_JOINED) carry = text;
    else {
      out.push(text);
      carry = '';
    }
  });
  if (carry) out.push(carry);
  return out;
}
/**
 * An English sentence ends at a full stop after a word when the next piece starts a new one (a capital, a
 * digit): "…free of charge. Opening hours: …" are two sentences, each quoted and ranked on its own, while
 * "9:00 a.m. to 9:00 p.m." and "No. 3 Middle School" stay whole.
 */
function englishSentenceEnd(text: string, next: string | undefined): boolean {
  if (!/[A-Za-z)]\.$/.test(text) || ENGLISH_ABBREVIATION.test(text)) return false;
  return next === undefined || /^\s*[A-Z"“(]/.test(next);
}
/**
 * A short English line without a full stop, followed by a line that starts with a capital, is a heading
 * ("2. Who may use the Funeral Home" / "The Funeral Home at 8 Qingshan Road…"), not the start of a wrapped
 * sentence: a layout wraps long lines, and a wrapped sentence goes on in lower case far more often.
 */
function englishHeading(text: string, next: string | undefined): boolean {
  return next !== undefined && text.length <= ENGLISH_HEADING_MAX && /^[A-Za-z0-9][^\p{Script=Han}]*[A-Za-z0-9)]$/u.test(text) && /^[A-Z"“(]/.test(next.trim());
}
const ENGLISH_HEADING_MAX = 50;
const ENGLISH_ABBREVIATION = /\b(No|Nos|Mr|Mrs|Ms|Dr|St|Rd|Ave|Co|Ltd|Inc|Dept|approx|etc|e\.g|i\.e|vs|[ap]\.m|[A-Z])\.$/;
const SENTENCE_END = /[。！？；!?;…」”’）』】》")\]]$/;
const LIST_BULLET = /^[-*•]\s+/;
const MAX_JOINED = 220;

/** The same sentence (or one inside the other, from overlapping chunks) is quoted once. */
function oneContainsOther(a: string, b: string): boolean {
  return a.length < b.length ? b.includes(a) : a.includes(b);
}

/** Supporting quotes after the lead line. */
const MAX_QUOTES = 2;

function sameText(lead: string, norm: string): boolean {
  const strip = (t: string) => normalizeText(t).replace(/[\s\p{P}]/gu, '');
  return strip(lead) === strip(norm);
}

function chineseAnswer(lead: string, leadRank: number, quotes: ScoredSentence[]): string {
  return [`${lead}[${leadRank}]`, ...quotes.map((s) => `${s.text}[${s.passageRank}]`)].join('\n');
}

function englishAnswer(lead: string, leadRank: number, quotes: ScoredSentence[], passages: RetrievedPassage[], fromChinese: boolean, terms: string[]): string {
  const lines = [`${lead} [${leadRank}]`];
  for (const s of quotes) {
    const p = passages[s.passageIndex];
    // A long sentence is quoted around what it is quoted for: the answer stays short enough to read.
    lines.push(`According to "${p.chunk.title}" (${p.chunk.docId}): “${quoteWindow(s.text, s.figure, terms)}” [${s.passageRank}]`);
  }
  if (fromChinese) lines.push('(The documents are in Chinese; the quotes are the original text.)');
  return lines.join('\n');
}

interface Facet {
  zh: string;
  en: string;
  /** What a sentence that gives this facet contains (a phone number, a URL, a time of day); absent for facets checked elsewhere. */
  evidence?: RegExp;
  /** What a sentence gives plainly (a full phone number): one giving only the rest of the evidence (an emergency number) comes after it. */
  plain?: RegExp;
  /** The label of a field line that gives it (地点：…, 办公时间：…, 咨询电话：…). */
  label?: RegExp;
  /**
   * Only a sentence of the best passage's document that names the topic gives it, or one that says how
   * (申请, 办理, 材料…) under a title naming it: how to apply is said of the programme, not near it.
   */
  ownDocument?: boolean;
  /**
   * The sentences that give it lead, but none giving it is no reason to abstain: whether something is free is
   * often said in other words (凭敬老卡乘车, 由财政承担) than the evidence knows.
   */
  leadOnly?: boolean;
}

// Field lines of a notice or guide that give a facet under its own label: 时间：…, 办公时间：…, 地点：…, 咨询电话：….
const HOURS_LABEL = /^\s*[\u4e00-\u9fff]{0,4}(?:时间|时段)\s*[：:]|^\s*(?:opening hours|office hours|hours|time)\s*:/i;
const PLACE_LABEL = /^\s*[\u4e00-\u9fff]{0,4}(?:地点|地址|场地|窗口)\s*[：:]|^\s*(?:address|venue|location|place)\s*:/i;
const PHONE_LABEL = /^\s*[\u4e00-\u9fff]{0,6}(?:电话|热线|联系方式)\s*[：:]|^\s*(?:phone|telephone|tel|hotline)\s*:/i;

// A phone number itself (not the word 电话): landline with area code, mobile, or a short service number.
const PHONE = /(?<!\d|\d\.)(0\d{2,3}[-\s]?\d{7,8}|0\d{2,3}-\d{3,4}[\s-]\d{4}|1[3-9]\d{9}|\d{3,4}-\d{7,8}|123\d{2}|96\d{3,4})(?!\d|\.\d)/;
// An emergency number where the text says to call it (call 120 and the police on 110, 拨打119): a number to call as well,
// after any full one (a road's 24-hour line before "in an emergency, call 110").
const EMERGENCY_CALL = /(?:\bcall|\bdial|\bring|拨打|报警|急救)[^.;。；,，\d]{0,24}(?<![\d.])(?:110|119|120|122)(?![\d.])/i;
const PHONE_OR_EMERGENCY = new RegExp(`${PHONE.source}|${EMERGENCY_CALL.source}`, 'i');
// An email address itself (not the word 邮箱).
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const WEATHER = /下雨|下雪|下不下|天气|气温|温度|刮风|降温|台风|暴雨|寒潮|\b(weather|rain|raining|snow|snowing|temperature|forecast|typhoons?|storms?|heatwaves?)\b/;
/** A day, week, season or holiday a forecast is asked for (明天, 这周, 今年清明, "this year", "the spring festival"). */
const FORECAST_DAY = /明天|后天|今天|今晚|这周|周末|下周|今年|清明|春节|国庆|中秋|端午|tomorrow|today|tonight|this week|weekend|next week|this year|qingming|spring festival|national day|mid-autumn|dragon boat/;
/** A sentence that gives a forecast. */
const FORECAST = /预报|气象台|气象局|\bforecast(s|ed|ing)?\b|\bweather (station|service|bureau)\b/i;
// An address itself (not the word 网站).
const WEBSITE = /https?:\/\/|www\.|\b[\w-]+\.(com|cn|gov|org|net)\b/i;
/**
 * Where to go: an address (路88号, 3楼, 窗口, 大厅), an office a verb of applying points to (向户籍所在地乡镇人民政府
 * 提出申请, 到派出所办理), or an online channel. (Names of the city and district alone are everywhere.)
 */
const PLACE_STATED = /\d+\s*号|[路街道]\s*\d|\d\s*[楼层]|[楼层]\s*\d|\d+\s*室|窗口|大厅|服务中心|服务站|服务点|办事处|派出所|营业厅|网点|(向|到|在|前往|于|由)[^，。；]{0,24}(政府|街道|社区|居委会|村委会|局|中心|站|所|办|委员会|医院|银行|大队|学校|机构)[^，。；]{0,12}(申请|办理|提交|受理|领取|缴纳|交纳|缴费|登记|提出|申报|咨询|报名)|(政府|街道|社区|局|中心|站|所|办)[^，。；]{0,8}(受理|办理)|由[^，。；]{1,10}(受理|办理)|(户籍|户口|常住|居住|所在)地|网上|线上|小程序|公众号|\bapp\b|app|网站|平台|\b(road|street|floor|room|building|window|counter|hall|office|centre|center|online|website|app)\b/i;
const SERVICE_WHERE = /(哪里|哪儿|在哪|去哪|到哪|什么地方)[^，。？?]{0,4}(办|交|缴|申请|领|报名|登记|咨询|买|补办|挂失|提交|换|打印|开具|预约)|(办|交|缴|申请|领|报名|登记|补办|挂失|换)[^，。？?]{0,4}(哪里|哪儿|在哪|去哪|到哪)|\bwhere (do|can|should) i (apply|register|pay|go|get|collect|submit|sign up|renew|replace)\b/i;
/**
 * How to do something with a service, in English: the verbs residents use for it ("how do I get a library card", "how
 * can I swap my licence", "how to open a bank account") — not the way somewhere ("how do I get to the station").
 */
const SERVICE_HOW_EN = /\bhow (?:(?:do|can|should|would) (?:i|we|you) |to )(apply|register|sign up|claim|enrol|enroll|book|renew|get|obtain|change|swap|exchange|transfer|replace|cancel|open|join)\b(?! (?:to|there|here|back|home|around)\b)/i;
const SERVICE_HOW = new RegExp(`(怎么|怎样|如何|咋)[^，。？?]{0,4}(申请|办理|办|报名|领取|申领|登记|预约|补办|开具|提取)|(申请|办理|报名|领取|申领|登记|预约|补办|提取)[^，。？?]{0,4}(怎么|怎样|如何|咋)|${SERVICE_HOW_EN.source}`, 'i');
/** A sentence that is not a story: no quoted first- or second-person speech, no scene of someone at work. */
const NOT_NARRATIVE = /^(?![\s\S]*(?:[“「][^”」]*(?:我|您|你|咱)|正在|正蹲|正忙|笑着|说道|告诉记者|介绍说|感慨))/;
/**
 * A sentence that says how to do something: not a story, and it names a step, a channel or what to bring (HOW_STEP's
 * words, and 向…提出, 携带身份证, 填写申请表, 登录网站, 拨打电话, apply at the office, fill in the form; English words whole — the books of
 * a library card are no booking, an app is no "happen") — a policy's statement of what the programme is
 * (对符合条件的老年人发放高龄津贴) says nothing of how to get it.
 */
const PROCEDURE_STATED = new RegExp(
  `${NOT_NARRATIVE.source}[\\s\\S]*(?:${HOW_STEP.source}|向|提出|带上|持|凭|填写|申请表|步骤|程序|审核|小程序|网站|网上|电话|预约|现场|政务服务|服务中心|\\b(?:appl(?:y|ies|ying|ication)|submit|bring|visit|online|call(?:ing|s)?|phon(?:e|ing)|regist(?:er|ering|ration)|fill|forms?|offices?|window|app|website|counter|cent(?:re|er)s?|book(?:ing|ed)?|e-?mail)\\b)`,
  'i',
);
/** Asks what to do about a situation (孩子没人管怎么办), not the procedure of a named service: any advice answers it. */
const WHAT_TO_DO = /怎么办|咋办/;
const ONLINE_ASK = /(能|可以|可不可以|能不能|能否|可否)\s*(在|用|通过)?\s*(网上|线上|手机上?|微信上?|支付宝|小程序|app上?)[^，。？?]{0,4}(办|交|缴|申请|弄|报名|预约|领|申报)|(网上|线上|手机上|微信上)[^，。？?]{0,2}(办|交|缴|申请|弄|报名|申报)[^，。？?什]{0,4}(吗|不|没|么)\s*[？?。！!]*\s*$|\b(can|could|may) (i|we|you) (apply|pay|register|sign up|book|do (it|this|that)) online\b/i;
/** Asks how often (多久发一次, 多长时间检查一次, 一年能报几次, 接驳车多久一班, "how often"). */
const FREQUENCY_ASK = /(多久|多长时间|多少天|几天|几个月|几年|多少年)[^，,。？?]{0,8}一次|(多久|多长时间|几分钟|多少分钟)[^，,。？?]{0,2}(一班|一趟)|(一年|每年|一个月|每月|一季度|每季度)[^，,。？?]{0,4}(几|多少)次|\bhow (often|frequently)\b|\bhow many times (a|per|each|every) (year|month|week|day)\b/i;
/** A sentence that says how often (每年检查一次, 按月发放, 每两个月抄表一次, 每20分钟一班, once a year, every two months, monthly, every 20 minutes). */
const FREQUENCY_STATED = /每\s*(?:年|月|季度?|半年|周|星期|天|日|[两二三四五六\d]+\s*个?\s*(?:年|月|周|星期|天|日))[^，,。；;]{0,16}(?:一次|[两二三四五六\d]\s*次)|按\s*(?:年|月|季度?|周|日|半年)\s*(?:发放|领取|缴纳|缴费|支付|拨付|申报|结算|发|领|交|缴)|(?:一年|一个月|每年|每月)[^，,。；;]{0,4}[一两二三四\d]\s*次|(?:每年|每月|每季度|每半年)[^，,。；;]{0,6}(?:发放|领取|缴纳|申报|申请|检查|核查|认证|年检|抄表|评估|公示)|\b(?:once|twice)\s+(?:a|an|per|every|each)\b|\bevery\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?|hours?|minutes?)\b|每隔?\s*[\d半一两二三四五六十]+\s*(?:个)?\s*(?:分钟|小时|钟头)[^，,。；;]{0,4}(?:一班|一趟|一次|发车|发一班)|\b(?:monthly|quarterly|annually|yearly|weekly|daily)\b|\bper\s+(?:year|month|quarter|week)\b|\b(?:\d+|two|three|four)\s+times\s+(?:a|per|every|each)\b|(?:间隔|相隔|隔)[^，,。；;]{0,8}\d+\s*个?\s*(?:年|月|周|天|日)|\d+\s*个?\s*(?:年|月|周|天|日)\s*(?:内|以内|之内)|\b(?:at least|after|within)\s+\d+\s+(?:days?|weeks?|months?|years?)\b/i;
/** Asks whether money paid is refunded (能退吗, 退不退, refund). */
const REFUND_ASK = /(能|可以|可不可以|能不能|能否|可否|会不会)\s*(退|退还|退回|退钱|退款|退费)(吗|不|么|嘛|呢|回来)?\s*[？?。！!]*\s*$|退不退|能退(吗|不|么)|\b(refund|refundable|get (my|the) money back)\b/i;
/**
 * Asks to replace something lost or broken (补办, 补领, 丢了, 遗失, "lost my", replacement) — a card or paper broken
 * (社保卡坏了, 证件坏了), not the asker's story of what broke (电梯坏了停运, 电视冰箱泡坏了).
 */
const REPLACE_ASK = /补办|补领|补发|挂失|丢了|掉了|弄丢|遗失|丢失|(?:卡|证|照|牌|本|件)[^，。？?\s]{0,2}坏了|\b(?:lost (?:my|our|his|her|the) (?!jobs?\b|work\b)|replacement|replace|stolen)\b/i;
/** A sentence that speaks of replacing, losing or reporting lost (补办, 挂失, 遗失, 损坏, 换发, replace, lost). */
const REPLACE_STATED = /补办|补领|补发|补换|挂失|遗失|丢失|损坏|毁损|换领|换发|\b(?:replac\w*|lost|loss|stolen|damaged)\b/i;
/** A sentence that speaks of money coming back (退还, 退费, 返还, refund). */
const REFUND_STATED = /退(还|回|费|款|保|出|钱)|返还|\brefund/i;
/** Asks whether one may do it for another (帮她取吗, 能代办吗, on her behalf). */
const PROXY_ASK = /(帮|替|代)(他|她|我|家人|老人|父母|爸|妈|老婆|老公|孩子)?[^，。？?]{0,4}(办|取|领|交|申请|提取)[^，。？?]{0,4}(吗|不|么|嘛|呢)\s*[？?。！!]*\s*$|代办|代领|代取|代缴|\bon (his|her|their|my) behalf\b/i;
/** A sentence that speaks of someone acting for another (代为办理, 委托, 授权, 近亲属, on behalf). */
const PROXY_STATED = /代(办|领|取|缴|为|理|替|签)|委托|授权|受托|监护人|近亲属|家属|\b(on behalf|authori[sz]|proxy|family member)/i;
/** Asks which tier, grade, class, batch or round (哪一档, 哪个级, 第几批): the classifier asked. */
const ASKS_TIER = /(?:哪|第几)[一个]?\s*([档级类批期])/;
/** Asks whether something is taxed (要交税吗, 扣个税吗, is it taxable). */
// (Asked as whether: 要交税吗, 免税不, "is it taxed", "do I pay tax on it" — not any question of a tax itself, 个税每个月能扣多少
// or "when can I do my tax reconciliation", which a tax office's notice answers with its figures and dates.)
const TAX_ASK = /(?:(?:交|缴|纳|扣|收|征)[^，。？?]{0,2}税|个税|所得税|免税)(?:吗|不|么|嘛|没|呢|[？?]|$)|要不要(?:交|缴)税|(?:交|缴)不(?:交|缴)税|\b(?:taxed|taxable)\b|\bis (?:it|this|that|the [a-z ]+?) tax[- ]free\b|\bpay (?:any )?tax(?:es)? on\b|\btax on (?:it|this|that|the)\b/i;
/** A sentence that speaks of a tax (免征个人所得税, 纳税, tax). */
const TAX_STATED = /税|\btax/i;
/** Asks what a penalty is (会被罚多少, 罚款多少, what is the fine for). */
const FINE_ASK = /罚(款|钱|多少|几|了|吗)|被罚|处罚|\b(fined?|penalty|penalties)\b/i;
/** A sentence that speaks of a penalty (罚款, 处…罚, fine). */
const FINE_STATED = /罚|\b(fined?|fines|penalty|penalties)\b/i;
/** An online channel named: a website, an app, a mini program, an official account, a payment app. */
const ONLINE_STATED = /网上|线上|在线|网站|网页|网址|平台|app|小程序|公众号|微信|支付宝|手机|掌上|客户端|www\.|https?:|\b(online|website|web|app|wechat|alipay)\b/i;
/** Asks whether something costs money (要钱不, 收不收费, 免费吗, is it free, do I have to pay), not how much. */
const FEE_ASK = /(要|收|花|交|掏|给)钱(吗|不|没|么|嘛|呢|啊|伐)|(要|收|花|交)不(要|收|花|交)钱|收不收费|要不要(钱|收费|交钱|花钱|付费|缴费)|(收费|付费|缴费)(吗|不|没|么|嘛|呢)|是不是免费|免费(吗|不|没|么|嘛|呢|的吗)|有没有(费用|收费)|\b(is|are) [\w\s'-]{1,40}?\b(free|a fee|any fees?|a charge|any charges?|a cost|any costs?)\b|\bis there (a|any) (fee|charge|cost|deposit)\b|\b(do|does|will|would) (i|we|you|it|they) (have to |need to )?(pay|cost anything|charge)\b/i;
/** Asks how much (a figure, not whether). */
const HOW_MUCH = /多少|几[块元毛百千万]|\bhow much\b|\bwhat (is|are) the (fee|price|cost|charge)s?\b/i;
/** A sentence that says whether it costs anything: free, a fee, who pays (an amount alone may be a fine or a subsidy). */
const FEE_STATED = /免费|免收|免交|免缴|免除|减免|不收费|不收取|收费|费用|无偿|无需(缴纳|支付|缴费|付费|交费)|不需(要)?(缴纳|交|付)|不(要|花)钱|自理|自费|工本费|(收取|缴纳|交纳|支付|付费|交费|缴费|需交|需付)\s*[\d一二三四五六七八九十百]+(\.\d+)?\s*(元|块)|\d+(\.\d+)?\s*元\s*[\/每一]?\s*(次|人|年|月|小时|件|张|位)|每(人|次|张|位|小时|件)\s*\d+(\.\d+)?\s*元|票价|门票|半价|[一二三四五六七八九\d]\s*折|\bfree\b|\bfees?\b|\bcharged?\b|\bcharges\b|\bno charge\b|\bdeposit\b|\bcosts? \d|\bpay \d|\d+ yuan\b|\brmb\b/i;
const FEE_LABEL = /^\s*[\u4e00-\u9fff]{0,4}(?:收费标准|收费|费用)\s*[：:]|^\s*(?:fees?|costs?|charges?)\s*:/i;
/** Words that name a facet rather than the topic it is asked of. */
const FACET_WORDS = /开到|营业到|交税|缴税|纳税|个税|所得税|免税|扣税|电话|热线|号码|网址|官网|网站|链接|时间|几点|开放|营业|办公|周末|双休|节假日|上班|下班|开门|关门|周[一二三四五六日天]|星期.|礼拜.|邮箱|电子邮件|^(收费|免费|付费|花钱|要钱)$|\b(phone|telephone|number|hotline|website|url|hours?|open\w*|clos\w*|weekends?|time|(mon|tues|wednes|thurs|fri|satur|sun)days?|e-?mail|email address|pay|paid|fees?|free|charges?)\b/i;

/** An English glossary phrase whose every word names the facet asked (phone number, price, opening hours). */
function namesFacetOnly(phrase: string): boolean {
  return phrase.split(/\s+/).every((w) => FACET_WORDS.test(w) || /^(prices?|costs?|fees?|charges?)$/i.test(w));
}
/** A day of the week, the weekend or the holidays asked about (周一, 星期六, 周末, 节假日; Sunday, weekends). */
const DAY_ASKED = /(?:周|星期|礼拜)[一二三四五六日天末]|双休|节假日|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekends?\b/i;
/** Days stated: 周二至周日, 每周一, 星期六, 节假日, 每天9:00, 工作日; Tuesday to Sunday, weekdays, daily. */
const DAY_STATED = /(?:周|星期|礼拜)[一二三四五六日天末]|双休|节假日|(?:每天|每日|全天)\s*(?:\d|开放|营业|办理|闭馆)|工作日|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweek(?:end|day)s?\b|\bdaily\b|\bevery day\b|\bholidays?\b/i;
const HOURS = /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[点时](?!击)|(?<!日)(?:[上下]午|早上|晚上)|节假日|周[一二三四五六日末]|星期|双休|全天|24小时|开放时间|营业时间|办公时间|\b\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.)|\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b|\bweekends?\b|\bweekdays?\b|\bopening hours\b|\bclosed\b/i;

/** A name of the corpus's own dictionary (健康大篷车, 周末剧场, 送戏下乡): three or more characters jieba's general dictionary lacks. */
function isOwnName(term: string, stats: CorpusStats): boolean {
  return term.length >= 3 && stats.tokenizer.generalFrequency(term) === 0;
}

/**
 * The question without a day word that opens a name a retrieved document's title gives (周末 of 周末二手市集 in
 * 蚕花公园周末二手市集摆摊须知, 夜间 of 夜间门诊): part of the programme's name, no day or hours asked.
 */
function withoutTitledNames(question: string, titles: readonly string[]): string {
  return question.replace(/(周末|双休日?|节假日|夜间|周[一二三四五六日天]|星期[一二三四五六日天])(?=([\u4e00-\u9fff]{2,8}))/g, (day, _d, after: string) => {
    for (let n = after.length; n >= 2; n--) if (titles.some((t) => t.includes(day + after.slice(0, n)))) return ' ';
    return day;
  });
}

/** The question without the corpus's own names it uses, in Chinese characters (周末剧场, 送戏下乡). */
function withoutCorpusNames(question: string, stats: CorpusStats): string {
  const names = tokensOf(stats.tokenizer, normalizeText(question)).filter((t) => /^[\u4e00-\u9fff]+$/.test(t) && isOwnName(t, stats) && stats.documentFrequency(t) > 0);
  return names.reduce((q, name) => q.split(name).join(' '), question);
}

/** The facet a question asks about (its price, hours, phone, procedure, date), for "the documents don't say". */
function askedFacet(question: string, kind: QuestionKind, asked: AskedFigure | null, language: Language): Facet | null {
  const q = question.toLowerCase();
  if (/邮箱|电子邮件|\be-?mail\b/.test(q)) return { zh: '电子邮箱', en: 'an email address', evidence: EMAIL };
  if (/(电话|热线)(号码)?是?(多少|几号|什么)|(电话|热线)(号码)?[吗呢啊呀？?。!！\s]*$|打(哪个|什么|啥)电话|(有没有|有啥|有什么)(咨询|联系)?(电话|热线)|(电话|热线)(可以|能)?(问|咨询|打|联系)|联系(电话|方式)|怎么联系|\b(phone|telephone|contact) number\b|\bhotline\b|\bnumber to call\b|\b(what|which) number (do|should|can|could) (i|we) (call|ring|dial)\b|\bwho (do|should|can|could) (i|we) (call|ring|phone|contact)\b|\bwho to (call|ring|phone|contact)\b|\b(emergency|repair|service) (phone |telephone )?number\b/.test(q)) return { zh: '联系电话', en: 'a phone number', evidence: PHONE_OR_EMERGENCY, plain: PHONE, label: PHONE_LABEL };
  if (/网址|官网|(网站|网页|链接)是?(多少|什么|哪个)|\b(website|url|web address)\b/.test(q)) return { zh: '网址', en: 'a website', evidence: WEBSITE };
  // A weather forecast (明天长治下雨不, "will it rain tomorrow", "any typhoon coming this week", 清明会下雨吗): notices
  // about services mention rain, not the day's.
  if (WEATHER.test(q) && FORECAST_DAY.test(q)) return { zh: '天气预报', en: 'a weather forecast', evidence: FORECAST };
  // A recommendation or a judgement (推荐一部好看的电影, 哪个牌子好, "can you recommend a good movie"): a document that
  // mentions films does not recommend one unless it says so.
  if (OPINION_ASK.test(q) || (BOT_OPINION_ASK.test(q) && !BOT_OPINION_ON_CASE.test(q))) return { zh: '推荐或评价', en: 'a recommendation', evidence: OPINION_STATED };
  // Who invented or discovered something (防空警报是谁发明的, "who invented the defibrillator"): a notice that uses the
  // thing does not say; a sentence must speak of inventing or discovering it.
  if (INVENTOR_ASK.test(q)) return { zh: '发明者', en: 'who invented it', evidence: INVENTOR_STATED };
  if (/几点|开放时间|营业时间|办公时间|周末|双休|节假日|下班|(?:周|星期|礼拜)[一二三四五六日天末][^，,。？?]{0,4}(?:上班|开门|办|营业|开放|有人|受理)|(?:周|星期|礼拜)[一二三四五六日天末][^，,。？?]{0,8}(?:能|可以)[^，,。？?]{0,6}(?:不|吗|没)\s*[？?]?\s*$|上不上班|上班吗|(?:开门|关门)(?=[吗呢没不了吧啊呀嘛么？?，,。!！\s]|$|时间)|开不开|(?<!\bhow many )\b(hours|opening (hours|times?)|weekends?|closes?|closing)\b|\bwhat time\b|\bopen (on|at|until)\b|\bhow (?:late|early)\b[^?.!]{0,40}\b(?:open|opens|close|closes|closed)\b|\b(work|works|working|open|opens|closed) (on )?(mon|tues|wednes|thurs|fri|satur|sun)days?\b/.test(q)) return { zh: '开放时间', en: 'the opening hours', evidence: HOURS, label: HOURS_LABEL };
  // How often (多久发一次, "how often"): a sentence on the topic must say how often or at what interval.
  if (FREQUENCY_ASK.test(q)) return { zh: '多久一次', en: 'how often', evidence: FREQUENCY_STATED };
  // Whether what was paid comes back (交的钱能退吗, can I get a refund), whether someone else may do it for the person
  // (我能帮她取吗, 能代办吗): a sentence on the topic must speak of refunds, or of proxies and authorisation.
  if (REFUND_ASK.test(q)) return { zh: '能否退还', en: 'whether it can be refunded', evidence: REFUND_STATED };
  // A replacement asked (丢了怎么补办, 补办要多少钱, "I lost my card, how much is a replacement"): a sentence on the topic
  // must speak of replacing, losing or reporting it lost — the card's first issue (工本费20元) is not its replacement.
  if (REPLACE_ASK.test(q)) return { zh: '补办', en: 'a replacement', evidence: REPLACE_STATED };
  if (PROXY_ASK.test(q)) return { zh: '能否代办', en: 'whether someone else can do it for you', evidence: PROXY_STATED };
  // Whether it can be done online (能在网上交吗, 手机上能办吗, can I apply online): a sentence on the topic must name
  // an online channel — a website, an app, a mini program, an official account.
  if (ONLINE_ASK.test(q)) return { zh: '网上办理渠道', en: 'whether it can be done online', evidence: ONLINE_STATED };
  // Whether it costs anything (要钱不, 收费吗, is there a fee): a sentence on the topic must say free or name a fee.
  if (!asked && FEE_ASK.test(q) && !HOW_MUCH.test(q)) return { zh: '是否收费', en: 'whether there is a fee', evidence: FEE_STATED, label: FEE_LABEL, leadOnly: true };
  // Whether it is taxed (临时救助的钱要交税吗): a sentence on the programme must speak of tax — another benefit's
  // 免征个人所得税 is not its.
  if (TAX_ASK.test(q)) return { zh: '是否缴税', en: 'whether it is taxed', evidence: TAX_STATED };
  // A fine asked (会被罚多少, what is the fine): a sentence that speaks of a penalty gives it, not the topic's other
  // amounts (a loan's limit for 个人会被罚多少钱).
  // (Asked in the part that asks: 处罚决定是今年出的 of the asker's story asks no fine.)
  if (FINE_ASK.test(q) && askingParts(q).some((c) => FINE_ASK.test(c))) return { zh: '罚款金额', en: 'the fine', evidence: FINE_STATED };
  // Which ones of a set are asked (那8所学校是哪几所, 都有啥牌子的热泵, "which roads are closed"): a sentence on the topic
  // must name them, as a list does — one that counts them (首批8所…已开放) or states one member's row does not.
  if (MEMBERS_ASK.test(q)) return BRAND_ASK.test(q) ? { zh: '具体品牌', en: 'the brand', evidence: BRAND_STATED } : { zh: '具体名单', en: 'which ones', evidence: membersStated(q) };
  if (asked?.measure === 'money') return { zh: '具体金额', en: 'the amount' };
  if (asked?.measure === 'date') return { zh: '具体时间', en: 'the date' };
  if (asked?.measure === 'duration') return { zh: '所需时长', en: 'how long it takes' };
  if (asked) return { zh: '具体数字', en: 'the figure' };
  // Which floor (母婴候车室在几楼, "what floor is it on"): a sentence on the topic must state a floor (2楼, 三层, 5th floor).
  if (FLOOR_ASK.test(q)) return { zh: '所在楼层', en: 'which floor', evidence: FLOOR_STATED, label: PLACE_LABEL };
  // How to apply for or do something (怎么申请, 如何办理, how do I apply): a story of someone doing it — their
  // words in quotes (“李奶奶，您的申请材料我帮您整理好了”), a scene (…正蹲在老人身边) — does not say how, nor does a
  // statement of what the programme is: the sentence must name a step, a channel or what to bring. What to do about a
  // situation (怎么办) takes any advice that is not a story.
  if (kind === 'how') return { zh: '办理方法', en: 'how to apply', ...(SERVICE_HOW.test(q) ? { evidence: WHAT_TO_DO.test(q) ? NOT_NARRATIVE : PROCEDURE_STATED, ownDocument: true } : {}) };
  // Where to go to do something (在哪里办, 去哪交, where do I apply): an office, an address or a channel must be
  // stated. (Where a thing is or comes from — 分布在什么地方 — takes any place name.)
  if (kind === 'where') return { zh: '具体地点', en: 'where', ...(SERVICE_WHERE.test(q) ? { evidence: PLACE_STATED, label: PLACE_LABEL } : {}) };
  if (kind === 'who') return { zh: '适用对象', en: 'who qualifies' };
  void language;
  return null;
}

/**
 * Asks which members of a set (哪几所, 哪些村, 是哪几个, 都在哪, 啥牌子; "which roads", "which schools") — not which days,
 * months, people or papers, which other checks read.
 */
const MEMBERS_ASK = /(?:哪几|哪些)(?:所|个(?![月星礼工小钟])|家|处|条|座|村|社区|小区|学校|医院|路|街|点|站|店|单位|企业|公司|停车场|景区|网点|品牌|牌子)|都(?:在|有)(?:哪|啥)|(?:啥|什么)(?:牌子|品牌)|\bwhich (?:roads|streets|schools|villages|shops|stores|hospitals|companies|brands|parks|stations|sites|points|markets|towns|townships|communities|clinics|offices)\b/i;
/** Names several, as a list: 柘湾一小、柘湾二小; "Sihang Road, Zhijin Road and Zhukou Road". */
const MEMBERS_STATED = /[\p{Script=Han}\w）)》”]\s*、\s*[\p{Script=Han}\w（(《“]|\b[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}, [a-z][\w'-]*(?: [a-z][\w'-]*){0,3}(?:,| and )/iu;
/** Asks the make (啥牌子的, 什么品牌, "which brand"). */
const BRAND_ASK = /(?:啥|什么|哪个|哪些|哪几个)(?:牌子|品牌)|\bwhich brands?\b/i;
/** Names a make: 品牌, 厂家, 型号, or a name with 牌 (海燕牌). */
const BRAND_STATED = /品牌|牌子|厂家|生产企业|型号|[\p{Script=Han}A-Za-z]{2,8}牌(?![子照坊楼])|\b(?:brands?|makes?|models?|manufacturers?)\b/iu;
/**
 * The endings of the names of the members asked (哪几所 → 学校, 一小, 实验中学; "which roads" → Road, Street, Avenue): a
 * list of them names the members; a list of other things on the topic (协调机关、学校、医院周边的停车场 for which car
 * parks) does not.
 */
const MEMBER_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = (
  [
    // [the classifier or noun after 哪几 / 哪些, the noun before 是哪几个 / 有哪些 / 都在哪, the English plural, the names' endings]
    ['所|学校', '学校|小学|中学', 'schools', '学校|学|校|小|中|幼儿园|园|school|kindergarten|college|academy'],
    ['家|店|单位|企业|公司', '商家|店|单位|企业|公司', 'shops|stores|markets|companies', '店|超市|商场|市场|企业|公司|单位|机构|医院|院|银行|馆|厂|中心|shop|store|market|supermarket|mall|company'],
    ['条|路|街', '路|街|道路', 'roads|streets', '路|街|道|巷|线|road|street|avenue|lane|highway|bridge'],
    ['村|社区', '村|社区', 'villages|communities', '村|社区|village|community'],
    ['小区', '小区', '', '小区|苑|园|家园|府|城|庭|居'],
    ['医院', '医院', 'hospitals|clinics', '医院|院|中心|hospital|clinic|centre|center'],
    ['停车场', '停车场', '', '停车场|车场|车库'],
    ['景区', '景区', '', '景区|公园|山|湖|寺|村'],
    ['处|点|站|网点', '点位|网点|站点|服务点', '', '点|站|处|中心|室|窗口|馆|场|厅'],
  ] as const
).map(([after, before, english, endings]) => [new RegExp(`(?:哪几|哪些)(?:${after})|(?:${before})[^，,。？?]{0,6}(?:哪几|哪些|都在哪)${english ? `|\\bwhich (?:${english})\\b` : ''}`, 'i'), endings] as const);

/** What a sentence giving the members asked holds: a make for a brand, a list of names with the endings asked, else any list. */
function membersStated(question: string): RegExp {
  const endings = MEMBER_ENDINGS.find(([asked]) => asked.test(question))?.[1];
  if (!endings) return MEMBERS_STATED;
  // Two names in a row ending so, one after the other in a list: 柘湾一小、柘湾二小; "Binhe Road, Xinhua Street and".
  const item = `[^、，,。；;：:\\s]{0,12}(?:${endings})`;
  return new RegExp(`${item}\\s*、\\s*${item}|\\b[\\w'-]+(?: [\\w'-]+){0,3} (?:${endings})s?(?:,| and) (?:[\\w'-]+ ){0,3}(?:${endings})s?\\b`, 'iu');
}

/** Asks which floor something is on. */
const FLOOR_ASK = /几楼|几层|哪层|哪一层|哪个楼层|哪一楼|\b(?:what|which) floor\b/i;
/** States a floor: 2楼, 三层, 地下一层, B座2楼; "5th floor", "ground floor", "floor 3". */
const FLOOR_STATED = /[\d一二三四五六七八九十]+\s*[楼层](?![房梯道])|地下[一二三\d]?层|负[一二三\d]层|\b(?:\d+(?:st|nd|rd|th)|ground|first|second|third|fourth|fifth|top) floor\b|\bfloor \d/i;

/** A sentence naming papers one brings (户口簿, 出生医学证明, 申请表, 复印件; "passport", "a photo"). */
const MATERIALS_STATED = /户口簿|户口本|身份证|居住证|证明|证书|申请表|登记表|审批表|复印件|原件|照片|合同|证件|银行卡|存折|执照|\b(passports?|photos?|photographs?|certificates?|forms?|proof|id cards?|copies)\b/i;

/**
 * Asks for a recommendation or a judgement (推荐一部好看的电影, 哪个牌子好, 暖气片什么牌子的好, 吃什么好, 值不值, "can you
 * recommend", "which vet is good", "what is the best bait"; when or how often it is best done: 汽车多久保养一次比较好,
 * 几点去最好), or for things by how they taste or entertain (有什么好看的…电影, 好吃的馆子, "any good restaurants near…",
 * "best hotpot near…", "best snack to try", "best hiking boots for the trails", "best stroller brand"). (Not the best way,
 * time, place, route or option to do something: a guide may say.)
 */
const OPINION_ASK = /推荐|(多久|多长时间|什么时候|啥时候|几点|哪天)[^，,。？?]{0,10}(比较|最)好(?=[吗呢啊呀？?]|$)|哪(个|家|部|款|只|种|本|首)[^，,。？?]{0,6}好(看|吃|用|玩|听)?(?=[吗呢啊呀？?]|$)|(什么|啥)[^，,。？?\s]{0,6}(更|最|比较)?好(看|吃|用|玩|听)?(?=[吗呢啊呀？?]|$)|好(看|吃|玩|听|喝)的|值不值|\brecommend\b|\bsuggest (a|an|some)\b|\bworth (it|buying|watching)\b|\b(any|some) (good|nice|great|decent)\b|\bbest [a-z]+( [a-z]+)? (near|in|around)\b|\bwhat('s| is| are) the (best|nicest|tastiest)\b(?! (way|time|place|route)s?\b)|\bwhich [a-z]+( [a-z]+)? (is|are) (good|best|better|nice)\b|\bbest (?!(way|time|place|route)s?\b)[a-z]+( [a-z]+){0,2} to (try|buy|eat|visit|see|watch|use)\b|\bbest (?!(way|time|place|route|option)s?\b)[a-z]+( [a-z]+)? (for|brands?)\b|\bwhich [a-z]+ brand\b/;
/**
 * Asks the bot what it thinks will happen or what the asker should do (你觉得以后…会不会越来越少, 你说我是不是该换个城市,
 * 你说我做得对不): a prediction or a judgement no notice gives.
 */
const BOT_OPINION_ASK = /(你觉得|你认为|你猜|你说)[^？?]{0,30}(会不会|是不是|对不对|对不|好不好|该不该|值不值)/;
/** …unless it asks what the asker may do or get, which a rule may settle (你说我这情况是不是能领低保, 你觉得我够不够条件). */
const BOT_OPINION_ON_CASE = /能|可以|够不够|符合|条件|资格/;
/** Asks who invented or discovered something. */
const INVENTOR_ASK = /谁发明|发明(者|人)是|是谁(创造|发明|发现)的|\bwho (invented|discovered)\b|\binventors?\b/;
/** A sentence that speaks of inventing or discovering (发明, 首创, "invented"). */
const INVENTOR_STATED = /发明|首创|创制|发现|\binvent\w*|\bdiscover\w*/i;
/** A sentence that recommends or ranks (推荐, 首选, 评为, "best"). */
const OPINION_STATED = /推荐|建议|首选|最佳|排名|评为|榜|recommend|suggest|best/i;

/** A paper's head after a word of the question (证 of 残疾人证, 卡 of 社保卡, 本 of 户口本, 执照 of 营业执照). */
const PAPER_HEAD = /^(?:证明|证书|证|卡|簿|本|执照)/;
/** A word that is itself a paper's name (居住证, 社保卡, 户口簿, 营业执照) — not one ending in 本 (成本, 基本). */
const PAPER_NAME = /(?:证|卡|簿|执照|证明|证书)$/;

/** The cards and certificates a question names among its topic's words, whole (残疾人证 of 残疾人 + 证). */
function papersAsked(norm: string, topicTerms: string[]): string[] {
  return [...new Set(topicTerms.flatMap((t) => {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(t)) return [];
    if (PAPER_NAME.test(t)) return [t];
    const at = norm.indexOf(t);
    const head = at < 0 ? null : PAPER_HEAD.exec(norm.slice(at + t.length));
    return head ? [t + head[0]] : [];
  }))];
}
/** A piece of a card's or certificate's name the passage lacks (居住 of 居住证): it names no paper. */
function pieceOfAbsentPaper(k: KeyTerm, passageTokens: Set<string>): boolean {
  return !!k.piece && PAPER_NAME.test(k.group) && !passageTokens.has(k.group);
}
/** A paper handed in, shown or held before it in its clause (提交, 提供, 携带, 持有, 凭, 出示). */
const HANDED_IN = /(提交|提供|携带|带上|带好|持有?|凭|出示|复印|准备)[^，,。；;]*$/;
/** The words of applying (申请 of 高龄津贴怎么申请) say what is asked about the topic, not the topic. */
const APPLYING_WORD = /^(申请|办理|报名|领取|申领|登记|预约|补办|提取|办)$/;

/**
 * The question's most specific words the passage does name (how the answer refers to the topic): not the facet's
 * own words (电话, 上班), and an English word as the question spells it (no stem such as librari).
 */
function topicNamed(keyTerms: KeyTerm[], passageTokens: Set<string>, question: string): string[] {
  const asWritten = englishAsWritten(question);
  const shown = (term: string) => (/^[a-z]+$/.test(term) ? asWritten.get(term) : term);
  const named = keyTerms
    .filter((k) => passageTokens.has(k.term) && k.term.length >= 2 && !APPLYING_WORD.test(k.term) && !FACET_WORDS.test(k.group) && !ASKING_WORD_EN.test(k.term) && shown(k.term) !== undefined && !pieceOfAbsentPaper(k, passageTokens))
    .sort((a, b) => b.weight - a.weight)
    .map((k) => shown(k.term)!);
  // (A piece of a word named too says nothing more, whichever weighs more: 养老金, not 老金、养老金.)
  return [...new Set(named)].filter((term, _, all) => !all.some((t) => t !== term && t.includes(term))).slice(0, 2);
}
/** Each English word of the question, and its stem, to the word as the asker wrote it ("counti" → "county"). */
function englishAsWritten(question: string): Map<string, string> {
  const asWritten = new Map<string, string>();
  for (const word of question.toLowerCase().match(/[a-z]+/g) ?? []) for (const form of [word, stemEnglish(word)]) if (!asWritten.has(form)) asWritten.set(form, word);
  return asWritten;
}
/** English units (stemmed or not): how a figure is measured, never what a question is about. */
const UNIT_WORD_EN = /^(?:met(?:er|re)s?|centimet\w*|kilomet\w*|kilo\w*|gram\w*|km|kg|cm|yuan|rmb|percent\w*|hour\w*|minut\w*|day|days|week\w*|month\w*|year\w*|liter\w*|litre\w*|ton|tons|tonn\w*)$/;
/** English words that say how a figure is asked (per, price, cost), not what about: no topic to name. */
const ASKING_WORD_EN = /^(?:per|price|prices|cost|costs|much|many|amount|rate|rates)$/;

function facetMissing(input: AnswerInput, reasons: string[], facet: Facet, best: ScoredSentence, passage: RetrievedPassage, topic: string[]): AnswerDraft {
  reasons.push(`the documents cover the topic but not ${facet.en}`);
  const text =
    input.language === 'en'
      ? `The documents mention ${topic.length ? topic.map((t) => `“${t}”`).join(', ') : 'this'}, but they don't say ${facet.en}. What they do say: “${best.text.replace(/^\s*[“「]|[”」]\s*$/g, '')}” [${best.passageRank}] — "${passage.chunk.title}" (${passage.chunk.docId})`
      : `文档提到了${topic.length ? `「${topic.join('、')}」` : '相关内容'}，但没有说明${facet.zh}。文档中写的是：${best.text}[${best.passageRank}]`;
  return { text, abstained: true, citations: [best.passageRank], generator: 'extractive', reasons };
}

/** The documents say what is asked is to be published later: say that it is not given yet, quoting them. */
function notGivenYet(input: AnswerInput, reasons: string[], quoted: ScoredSentence, passage: RetrievedPassage): AnswerDraft {
  const text =
    input.language === 'en'
      ? `The documents don't give this yet. What they say: “${quoted.text.replace(/^\s*[“「]|[”」]\s*$/g, '')}” [${quoted.passageRank}] — "${passage.chunk.title}" (${passage.chunk.docId})`
      : `文档里还没有给出这一内容。文档中写的是：${quoted.text}[${quoted.passageRank}]`;
  return { text, abstained: true, citations: [quoted.passageRank], generator: 'extractive', reasons };
}

/** What the bot does not do, said in the asker's language, with nothing cited. */
function declined(input: AnswerInput, reasons: string[], en: string, zh: string): AnswerDraft {
  return { text: input.language === 'en' ? en : zh, abstained: true, citations: [], generator: 'extractive', reasons };
}

function declineWriting(input: AnswerInput, reasons: string[]): AnswerDraft {
  return declined(
    input,
    reasons,
    "I can't write, translate or plan that for you. I answer questions about local public services from the published documents: ask me about a programme, a fee, a date or a place.",
    '抱歉，我不能代写、翻译或规划。我只根据已发布的文档回答本地公共服务方面的问题，可以问我具体的政策、费用、时间或地点。',
  );
}

function refuse(input: AnswerInput, reasons: string[]): AnswerDraft {
  return declined(input, reasons, "I can't help with that. I answer questions about local public services from the published documents.", '抱歉，这个问题我不能帮忙。我只根据已发布的文档回答本地公共服务方面的问题。');
}

function abstain(input: AnswerInput, reasons: string[], nearby: RetrievedPassage | null, missing: string[]): AnswerDraft {
  // (An English word is named as the asker wrote it, not by its stem — "county", not "counti" —, and never by the
  // words that ask: "how much is", "who can".)
  const written = input.language === 'en' ? englishAsWritten(input.question) : new Map<string, string>();
  const about = missing
    .filter((t) => /[\p{L}\p{N}]/u.test(t) && !(input.language === 'en' && ASKING_PHRASE.test(t)))
    .map((t) => (/^[a-z]+$/.test(t) ? (written.get(t) ?? t) : t))
    .slice(0, 3);
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

