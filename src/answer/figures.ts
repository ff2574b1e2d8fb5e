// Figures in sentences (amounts, counts, durations, dates) and the kind of figure a question asks for.
// A number question is answered by the sentence that states a figure of the asked kind (多少钱 → 元,
// 多少家 → 家, 多久 → 小时/天) next to the thing asked about (7188名居民), not by any sentence on the topic
// that happens to contain a number.
import type { Language } from '../ports.js';
import { stemEnglish } from '../text/stem.js';
import { ASKED_UNITS } from '../lang/chinese.js';

export type Measure = 'money' | 'duration' | 'age' | 'length' | 'area' | 'weight' | 'percent' | 'count' | 'date';

export interface FigureMention {
  text: string;
  start: number;
  end: number;
  measure: Measure;
  /** The unit as written (名, 万元, 小时), '' for a bare number. */
  unit: string;
}

export interface AskedFigure {
  /** What the figure must measure; null when the question does not say (any figure will do). */
  measure: Measure | null;
  /** The classifier the question itself uses (家 in 多少家), when it names one. */
  classifier: string | null;
  /** The count word of the counted noun when the question says none or 个 (名 for 多少居民, 多少个社区助理). */
  counted?: string;
  /** The words right around the asking words: the thing counted (居民 in 多少居民), for proximity. */
  focus: string;
  /** A price or amount for one unit (一顿饭多少钱, 每公斤, "per child", "one meal"): a total in 万元 does not answer it. */
  perUnit?: boolean;
  /** A price per measure asked (废纸一斤多少钱, 电费一度多少, "per kg"): an amount stated per no measure (发放现金超2100元) is no such price. */
  perMeasure?: true;
  /** Which measure a price is asked per, where the question names one of a kind (立方米, "per cubic metre": volume). */
  perMeasureKind?: MeasureKind;
  /** Named as a standard without an asking word (收入标准): the focus is what the standard is of (收入). */
  standard?: true;
  /** The bound asked for: 最多/最高/at most (max) or 最少/最低/at least (min). */
  bound?: 'max' | 'min';
  /** A difference asked (便宜多少, "how much cheaper"): stated as a share (低12%至15%) or as an amount. */
  comparative?: boolean;
  /** An amount on top asked (能多补多少, 额外给多少, 再加多少): the figure a sentence adds (再增加5000元, 加发), not the base. */
  extra?: true;
  /** The period an amount is asked for (每小时, 一天, "per month"). */
  period?: Period;
  /** The one year asked about (去年几号报名, 2027年基础养老金多少): a date written with another year does not answer
   * it, nor an amount its clause dates another year only (2026年度…每人每月203元). */
  year?: number;
  /** The year before the one asked, read in a document whose title names the year asked (2027迎春年货大集…通告): that
   * edition's registration or deadline falls in it (报名时间：2026年12月10日至12月20日 for 明年…报名几号截止). */
  editionYear?: number;
  /** A day asked (哪天, 几号, "what date"): a year alone (2026年) does not give it. */
  day?: boolean;
  /** How long until something happens (多久能批, 几天到账, "how long does it take"): a wait, not a qualifying period. */
  until?: boolean;
  /** A deadline asked (截止到哪天, 最晚什么时候, "deadline"): a time limit (30日内) states it. */
  deadline?: boolean;
  /** A year asked (哪一年成立, "what year"): a date without its year (8月15日) does not give it; the year alone does. */
  whichYear?: boolean;
  /** When a rule or a change starts is asked (什么时候开始, 哪天起, 啥时候调整): the date it takes effect (自…起执行) answers it. */
  ruleStart?: boolean;
  /** The grade the question names (二级 of 二级医院, 第二档): of a sentence listing grades, the figure after it. */
  grade?: string;
  /** The money the question asks the amount of (见习补贴, 失业金, 押金): the word that tells it from its siblings
   * (见习, 失业, 押金), and the words that may name it in a document (its synonyms: 养老金 for 退休金). */
  item?: { key: string; words: string[] };
  /** English: the thing a price or rate is asked of ("school lunches" of "how much do school lunches cost"), as
   * stems; a figure whose clause prices another named thing (a tuition fee, "Badminton court, Price:") is not it. */
  thing?: string[];
  /** A price or charge asked, not money received (办读者证要多少钱, 押金多少, "how much is a library card"): a
   * Chinese statement that it costs nothing (免费, 无需缴纳押金) states it. */
  price?: true;
}

// Money nouns: a word that is one (房租, 押金), or a head (补贴, 救助, 金) after the word that tells which (见习补贴,
// 康复救助, 失业金). A naming word is two characters of content: 每月, 给予, 多少 are no names.
const WHOLE_MONEY = /公积金|额度|限额|房租|押金|租金|利率|利息|工资|学费|电费|水费|燃气费|取暖费|暖气费|物业费|停车费|门票|票价|首付款|首付/g;
const MONEY_HEAD = /([\u4e00-\u9fff]{1,2}?)(补贴|补助|津贴|补偿|救助金|救助|奖励金|奖励|奖金|抚恤金|养老金|保险金|费用|费|金)/g;
const NOT_A_NAME = /[每月人年天次元按给予发放的为是和及或等其该此本上下一二三四五六七八九十两个些多少啥么还能要领交缴付拿享受获得再另行以可将对向由在日免有没不]/g;
/** Who gives or gets a money (政府补贴, 个人缴费, 农村养老金) says not which money it is. */
const GIVER = /^(?:政府|财政|国家|中央|省级|市级|县级|个人|单位|企业|家庭|居民|农村|城镇|城乡|子女|父母|老人|职工)$/;

/** The money nouns a text names, each as the word that tells it from its siblings (见习 of 见习补贴, 押金). */
export function moneyItems(text: string): string[] {
  const out: string[] = [];
  const rest = text.replace(WHOLE_MONEY, (w) => {
    // (公积金 is a fund, what a loan or a withdrawal is of, not an amount asked: read whole, named as no money.)
    if (w !== '公积金') out.push(w);
    return '　'.repeat(w.length);
  });
  for (const m of rest.matchAll(MONEY_HEAD)) {
    const name = m[1].split(NOT_A_NAME).pop() ?? '';
    if (name.length === 2 && !GIVER.test(name)) out.push(name);
  }
  return out;
}

// English: what a price is of — "the price of X", "pay for X", "X price / cost / fee / rate / rent".
const MONEY_NOUN_EN = 'prices?|costs?|fees?|rates?|charges?|rents?|deposits?|tuition|subsid(?:y|ies)|allowances?|premiums?|insurance|tickets?|fares?';
const PRICED_AFTER_EN = new RegExp(`\\b(?:(?:${MONEY_NOUN_EN})\\s+(?:of|for)|pay(?:s|ing)?\\s+for|paid\\s+for)\\s+((?:[a-z-]+\\s+){0,2}[a-z-]+)`, 'i');
const PRICED_BEFORE_EN = new RegExp(`\\b((?:[a-z-]+\\s+){0,2}?[a-z-]+)\\s+(?:${MONEY_NOUN_EN})\\b`, 'gi');
const NOT_A_THING_EN = /^(?:how|much|what|which|whose|is|are|was|do|does|did|the|a|an|my|your|our|their|his|her|its|this|that|per|each|one|it|to|for|of|in|at|on|and|or|any|much|many|average|total|monthly|yearly|annual|daily|current|usual|normal|standard|basic|price|prices|cost|costs|fee|fees|rate|rates|charge|charges|pay|paid|payment|amount|money|yuan|rmb|percent|percentage|exactly|roughly|about|usually|currently|now|today)$/i;

/** Words that end with an auxiliary and its subject ("how much does zhiting", "do they"): a money word next is a verb. */
const AUXILIARY_SUBJECT_EN = /\b(?:do|does|did|will|would|can|could|should|may|might|must)(?:\s+[a-z-]+){1,2}$/i;

/** The stems of what an English question asks a price or a rate of ("school lunches" → lunch, school); [] if it names none. */
export function pricedThing(question: string): string[] {
  const q = question.toLowerCase();
  // (Not "charge" as the verb after an auxiliary's subject — "does zhiting charge non-locals", "do they charge": the
  // subject is who charges, not what is priced, as it is of "how much does embalming cost".)
  const before = [...q.matchAll(PRICED_BEFORE_EN)].filter((m) => !(/charges?$/i.test(m[0]) && AUXILIARY_SUBJECT_EN.test(m[1]))).map((m) => m[1]);
  const span = PRICED_AFTER_EN.exec(q)?.[1] ?? before.pop() ?? '';
  return [...new Set(span.split(/\s+/).filter((w) => w && !NOT_A_THING_EN.test(w)).map(stemEnglish))];
}

/**
 * English: the figure at `mention` prices another named thing than the one asked — its clause (from the
 * sentence's start or the last ";", with the figure's own words after it) labels it ("Badminton court, Price: 40 yuan") or names its fee ("a tuition fee
 * of RMB 6,000"), and lacks a word of the thing asked.
 */
export function pricesOtherThing(text: string, mention: FigureMention, thing: string[], mentions: readonly FigureMention[] = figureMentions(text)): boolean {
  const clause = text.slice(0, mention.start).split(/[.;!?\n](?:\s|$)/).pop() ?? '';
  // (What the figure's own words after it name counts too: "a tuition fee of RMB 6,000 per semester at public primary
  // schools" prices primary school.)
  const at = mentions.findIndex((m) => m.start === mention.start);
  const after = at >= 0 ? text.slice(mention.end, englishFigureSpan(text, mentions, at)[1]) : '';
  const stems = new Set(`${clause} ${after}`.toLowerCase().split(/[^a-z-]+/).filter(Boolean).map(stemEnglish));
  if (thing.every((w) => stems.has(w))) return false;
  const label = /([a-z][a-z ,'-]{2,40}):\s*[^:]*$/i.exec(clause)?.[1] ?? '';
  const named = [label, ...[...clause.matchAll(PRICED_BEFORE_EN)].map((m) => m[1])].flatMap((span) => span.toLowerCase().split(/[^a-z-]+/)).filter((w) => w && !NOT_A_THING_EN.test(w));
  // (A word and its agent noun are one thing: care of "Care workers" and carer of "carers coming to home".)
  const same = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 2);
  return named.length > 0 && !named.some((w) => thing.some((t) => same(t, stemEnglish(w))));
}

/** Money words that name one money (the asker's 房租 is a notice's 租金). */
const SAME_MONEY = [['房租', '租金']];
/** Two money nouns' telling words name the same money: one holds the other, they start alike (购置, 购机; 利率,
 * 利息), or they are one money's two names (房租, 租金). (Not a shared last character: 失业 and 就业, 押金 and 租金 are two moneys.) */
function sameMoney(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a) || a[0] === b[0] || SAME_MONEY.some((names) => names.includes(a) && names.includes(b));
}

/**
 * The figure at `mention` is the amount of another money than the one asked: its clause (or, naming none, the
 * nearest clause before it in its sentence) names a money noun, and neither that noun nor anything else of the clause names the asked one
 * (每人每月按不超过30元的标准另行给予保险补贴 for 见习补贴; 按每人1500元标准给予一次性吸纳就业补贴 for 失业金).
 * (A clause naming none is of the money the sentence's clauses before it name: 发放生活费补助，小学每生每年1000元.)
 */
export function namesOtherMoney(text: string, mention: FigureMention, item: NonNullable<AskedFigure['item']>, listLead = ''): boolean {
  const clauses = text.split(/(?<=[，,。；;！!？?])/);
  let at = 0;
  let index = clauses.findIndex((c) => (at += c.length) > mention.start);
  if (index < 0) return false;
  let named = moneyItems(clauses[index]);
  while (!named.length && index > 0 && !/[。；;！!？?]$/.test(clauses[index - 1])) named = moneyItems(clauses[--index]);
  let clause = clauses[index];
  // (An item of a list names its money in the list's lead: 生育医疗费用实行定额支付：产前检查定额1000元；住院分娩顺产定额2800元.)
  if (!named.length && listLead) [clause, named] = [listLead, moneyItems(listLead)];
  if (!named.length) return false;
  // The asked money's telling word as the modifier of another money the clause names (生育 of 生育医疗费用, asked
  // 生育津贴) does not name the asked one: two moneys of one programme.
  const own = named.reduce((c, w) => [item.key, ...item.words].reduce((d, a) => d.split(a + w).join('　'), c), clause);
  if (own.includes(item.key) || item.words.some((a) => own.includes(a))) return false;
  return !named.some((w) => sameMoney(w, item.key) || item.words.some((a) => w.includes(a)));
}

/**
 * A grade, tier, class or order among siblings (一级, 二级, 第三档, 二类, 二孩, 首套; a hospital's 三甲, which is of 三级),
 * or a level of government a thing is of (省级, 市级, 县级 示范家庭农场).
 */
export const GRADE = /(?:第?[一二三四五六七八九十\d]{1,2}|首)(?:级|档|类|孩|胎|套|星|甲(?=医院|等))|(?:国家|省|市|县|区)级/g;

/** A question asking for a day, not only a year or a time of day (哪天截止, 几月几号, "which day"). */
/** A time limit: 30日内, 15个工作日以内, "within 30 days". */
const TIME_LIMIT_AFTER = /^\s*(内|以内|之内)/;
const WITHIN_BEFORE = /\bwithin\s*$/i;
/** How well a time limit states a deadline: as a figure with its unit does. */
const LIMIT_FIT = 0.8;
/** A weekday or a time of day: when something recurs, no day by which. */
const RECURRING_TIME = /^(?:每?(?:周|星期|礼拜)[一二三四五六日天末]|[上下]午.*|\d{1,2}[:：]\d{2}|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|noon|midnight|weekdays?(?:\s+\w+)?|weekends?)$/i;
/** …made the limit by the words after it (周五前, 17:00之前, 为止) or before it ("by Friday", 截止到). */
const LIMIT_AFTER = /^\s*(?:前|之前|以前|为止|截止)/;
const LIMIT_BEFORE = /(?:\b(?:by|before|until|till|no later than)(?:\s+the)?|截止(?:到|至)?|最晚|最迟|之前的?)\s*$/i;
/** A deadline asked (截止到哪天, 最晚什么时候, "what's the deadline"). */
export const ASKS_DEADLINE = /截止|最晚|最迟|期限|(?:用|有效|管用)到(?:哪|什么时候|啥时候|几时)|(?:什么时候|啥时候|哪天)到期|\bdeadline\b|\bby when\b|\bhow soon must\b|\bvalid until\b|\bexpires?\b/i;
/** A time of day alone (9:00, 上午9点). */
const CLOCK_TIME = /^(?:[上下]午)?\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分)?)$/;
/** A date to the month, without its day (2026年11月, 11月, March 2026). */
const MONTH_ONLY = /^(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:份)?$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}$/i;
/** "When can I get it" (什么时候能拿到): a wait — the time it takes (15 working days) answers it as a date does. */
export const ASKS_WAIT = /\bwhen (?:(?:can|will|do|could|should|would) (?:i|we|you|they|he|she|my \w+)|(?:i|we|you|they) (?:can|will|could))\b[^?.!]{0,30}\b(?:get|receive|collect|pick \w+ up|pick up|have)\b|\bwhen\b[^?.!]{0,40}\b(?:be ready|is ready|are ready|arrive)\b|(?:什么时候|啥时候|何时)(?:能|可以|才能)?(?:拿到|领到|到账|办好|下来|出来|寄到)/i;
export const ASKS_DAY = /哪天|哪一天|哪日|几号|几月几[日号]|什么日子|哪个日子|截止到?(哪|什么时候)|最晚(到|交到|办到)?(哪|什么时候)|\b(what|which) (date|day)\b|\bdeadline\b/i;

export type Period = 'hour' | 'day' | 'week' | 'month' | 'year';
const PERIOD_RANK: Record<Period, number> = { hour: 0, day: 1, week: 2, month: 3, year: 4 };
const PERIOD_WORDS: [RegExp, Period][] = [
  [/小时|钟头|hour/, 'hour'],
  // (A meal is a day's at most: 每人每月500元 is no price of 一顿.)
  [/天|日|晚|顿|餐|day|night|meal/, 'day'],
  [/周|星期|礼拜|week/, 'week'],
  [/月|month/, 'month'],
  [/年|year|annual/, 'year'],
];
const ASKED_PERIOD_ZH = /[每一]个?(小时|钟头|天|日|晚|顿|餐|周|星期|礼拜|月|年)(?!级|前|后|多(?!少)|以|之|来|内|底|初)/;
const ASKED_PERIOD_EN = /\b(?:per|a|an|each|one|every)\s+(hour|day|night|meal|week|month|year)\b|\b(hourly|daily|nightly|weekly|monthly|yearly|annual)\b/i;
/** The period a figure is stated for, from the words right around it (每人每月600元, 60元/天, "30 yuan per hour"). */
const STATED_PERIOD_BEFORE = /(?:每|按)(?:人|户|名)?(?:每)?(小时|天|日|晚|顿|餐|周|月|年)[^，。；,;]{0,10}$/;
const STATED_PERIOD_AFTER = /^\s*(?:\/|每|一|per\s+|a\s+)(小时|天|日|晚|顿|餐|周|月|年|hour|day|night|meal|week|month|year)/i;

/** The period the figure at `mention` is stated for, from the words right around it. */
function statedPeriod(text: string, mention: FigureMention): Period | undefined {
  return periodOf(STATED_PERIOD_BEFORE.exec(text.slice(Math.max(0, mention.start - 16), mention.start))?.[1] ?? STATED_PERIOD_AFTER.exec(text.slice(mention.end, mention.end + 8))?.[1]);
}

function periodOf(word: string | undefined): Period | undefined {
  return word ? PERIOD_WORDS.find(([re]) => re.test(word))?.[1] : undefined;
}

/** The words of a Chinese question that name the period it asks for (一天, 每个月), if any. */
export function askedPeriodSpan(question: string): string | undefined {
  return ASKED_PERIOD_ZH.exec(question)?.[0];
}

/** The one unit a figure is asked for, as residents say it (一亩 of 一亩保多少钱): the documents say 每亩, 按亩. */
const ASKED_UNIT_ZH = new RegExp(`(?<![\\d零一二两三四五六七八九十百千万])一(?:[${ASKED_UNITS}]|公斤|千克|平米|平方米)(?![\\u4e00-\\u9fff]{0,1}[以之]?[前后内])`);
export function askedUnitSpan(question: string): string | undefined {
  return ASKED_UNIT_ZH.exec(question)?.[0];
}

/** The period a question asks an amount for, if it names one. */
export function askedPeriod(question: string): Period | undefined {
  const zh = ASKED_PERIOD_ZH.exec(question);
  if (zh) return periodOf(zh[1]);
  const en = ASKED_PERIOD_EN.exec(question);
  return periodOf(en?.[1] ?? en?.[2]);
}

const ASKED_MAX = /最多|最高|最长|最大|上限|封顶|至多|\b(at most|maximum|max|up to|the most|highest|longest)\b/i;
const ASKED_MIN = /最少|最低|最短|最小|下限|起码|至少|\b(at least|minimum|min|the least|lowest|shortest)\b/i;
/** Words beside a figure that state it as a maximum or a minimum (最高40万元, 起付标准为1.6万元). */
export const STATED_BOUND: Record<'max' | 'min', RegExp> = {
  max: /最高|最多|最长|不超过|不高于|不得超过|上限|封顶|以内|至多|up to|at most|maximum|no more than/i,
  min: /最低|最少|最短|不低于|不少于|起付|起点|下限|至少|at least|minimum|no less than/i,
};

/** The bound a question asks for, if any. */
export function askedBound(question: string): 'max' | 'min' | undefined {
  return ASKED_MAX.test(question) ? 'max' : ASKED_MIN.test(question) ? 'min' : undefined;
}

// 一顿饭多少钱, 每公斤多少钱, 一度电几毛钱: the amount for one of something.
// (Not 一次性, one-off: a lump sum, which may well be 10万元.)
const PER_UNIT_ZH = /(?:^|[^\d零一二两三四五六七八九十百千万])(?:一|每)(?:个|顿|度|次(?!性)|斤|公斤|千克|件|份|张|位|人|户|平米|平方米|单|台|辆|天|小时|晚|碗|盒|瓶|袋|包|箱|趟|节|课)/;
// "per kilo", "each visit", "a meal", "one ticket" — a unit after a or one, not any noun ("I'm a PhD graduate starting a job").
const PER_UNIT_EN = /\b(?:per|each)\s+(?!year\b|month\b|week\b|day\b)[a-z-]+|\b(?:a|one)\s+(?:meal|visit|night|hour|ticket|kg|kilo|kilogram|jin|trip|ride|session|class|lesson|item|piece|page|copy|bag|box|bottle|room|bed|dose|cup|bowl|portion|pass|square metre|square meter|unit)s?\b/i;
/** A total stated in ten-thousands or hundred-millions of yuan (56.28万元): no price for one — unless its clause says per what (每台电梯20万元, 每户最高不超过2万元). */
const AGGREGATE_MONEY = /[万亿]\s*(?:余|多)?\s*(?:元|块)/;
const PER_ONE_BEFORE = /每[^\d零一二两三四五六七八九十百千万，。；：]{1,4}/;
const CLAUSE_BREAK = /[，,。；;！!？?：:]/;
/** The clause before `at`, up to it: from the last comma, semicolon, colon or stop before it (at most `max` characters). */
export function clauseBefore(text: string, at: number, max: number): string {
  const parts = text.slice(Math.max(0, at - max), at).split(CLAUSE_BREAK);
  return parts[parts.length - 1];
}
/** The clause after `at`, to its first break (at most `max` characters). */
export function clauseAfter(text: string, at: number, max: number): string {
  return text.slice(at, at + max).split(CLAUSE_BREAK)[0];
}

const UNITS = '立方米|立方|楼|层|平方米|平米|平方公里|平方千米|公顷|公里|千米|光年|英里|厘米|公分|毫米|公斤|千克|小时|分钟|个工作日|工作日|个月|个小时|人次|个|名|人|户|家|所|项|座|条|次|期|间|台|辆|支|位|件|套|张|场|处|批|类|种|天|日|周岁|周|年|岁|元|块|毛|角|米|亩|吨|斤|%|倍|单|届';
const CN_DIGITS = '[零一二两三四五六七八九十百千]+';
// Half a year, a month, a day or an hour (居住半年以上, 半个月内, 半小时): a duration. (Not 每半年 — how often — nor
// 上半年, 下半年, 大半年: which half, or roughly.)
const HALF = '(?<![每上下前后大多])半(?=\\s*(?:个)?(?:年|月|小时|天))';

// English times and days (for English documents): "10 am", "4:30 p.m.", "Sunday", "May 3", "3 May 2027", "in March 2027" (a
// month and year after a word of when: not a page's "updated February 2026" or "applications for September 2027"), "noon",
// and the days a place keeps written without a digit ("on weekday mornings", "at weekends"), as 周末 is in Chinese.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b`;
const ENGLISH_DATE_RE = String.raw`\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|(?<=\b(?:in|from|by|until|till|since|before|after|of|early|late|mid)\s+)${MONTH}\s+(?:19|20)\d{2}\b|\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:\s+\d{4})?|\bnoon\b|\bmidnight\b|\bweekdays?(?:\s+(?:mornings?|afternoons?|evenings?))?\b|\bweekends?\b`;

// Dates and times of day first (so 2025年7月 is one date, not the count "2025年"), then figures.
const DATE_RE = String.raw`\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|底|初|中旬|上旬|下旬)?)?|\d{4}\s*届|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|底|初|中旬|上旬|下旬|份)?|\d{1,2}\s*[日号](?![元块内]|以内)|[上下]午\s*\d{1,2}(?:[:：]\d{2}|点|时)?|\d{1,2}[:：]\d{2}|(?:每)?(?:周|星期)[一二三四五六日天末]|[年月]底|${ENGLISH_DATE_RE}`;
const FIGURE_RE = String.raw`(?:\d+(?:\.\d+)?|${HALF}|${CN_DIGITS}(?=\s*(?:余|多)?\s*(?:万|亿)?\s*(?:${UNITS})))\s*(?:余|多)?\s*(?:万|亿)?\s*(?:余|多)?\s*(?:${UNITS})?`;
// English documents: amounts with their currency (RMB 400, 1,500 yuan, ¥80) and figures with English units
// (7 working days, 30%, 60 square metres), thousands separators included (RMB 2,000).
const EN_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Small numbers English documents spell out ("four hours a week", "two working days"): with a unit only.
const EN_NUMBER_WORD = String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred)`;
const EN_MONEY_RE = String.raw`(?:RMB|CNY|¥|￥)\s*(?:${EN_NUMBER})|(?:${EN_NUMBER})\s*(?:yuan|RMB|CNY)\b`;
// (Any plural noun, with one word before it, counts things: "four free collections", "5 numbers" — not a word
// that only ends in s: "2026 this", "the process", "12345 always".)
const EN_PLURAL = String.raw`(?!(?:always|perhaps|has|was|does|its|his|hers|ours|yours|theirs|whereas|towards|afterwards|besides|sometimes|unless|news)\b)[a-z]{2,}[a-hj-rtv-z]s\b`;
const EN_UNIT_RE = String.raw`(?:${EN_NUMBER}|${EN_NUMBER_WORD}\s)\s*(?:working days?|business days?|days?|weeks?|months?|years?|hours?|minutes?|per ?cent\b|%|square met(?:re|er)s?|sq\.? ?m\b|kilomet(?:re|er)s?|km\b|met(?:re|er)s?\b|people|persons?|times|kg\b|kilo(?:gram)?s?\b|(?:[a-z]+\s+)?${EN_PLURAL})`;
const MENTION = new RegExp(`(${DATE_RE})|(${EN_MONEY_RE})|(${EN_UNIT_RE})|(${FIGURE_RE})`, 'gi');

const EN_UNIT_MEASURE: [RegExp, Measure, string][] = [
  [/days?$/i, 'duration', '天'],
  [/weeks?$/i, 'duration', '周'],
  [/months?$/i, 'duration', '个月'],
  [/years?$/i, 'duration', '年'],
  [/hours?$/i, 'duration', '小时'],
  [/minutes?$/i, 'duration', '分钟'],
  [/(per ?cent|%)$/i, 'percent', '%'],
  [/(square met(re|er)s?|sq\.? ?m)$/i, 'area', '平方米'],
  [/(kilomet(re|er)s?|km|met(re|er)s?)$/i, 'length', '米'],
  [/(people|persons?)$/i, 'count', '人'],
  [/times$/i, 'count', '次'],
  [/(kg|kilo(gram)?s?)$/i, 'weight', '公斤'],
];

const UNIT_MEASURE: [RegExp, Measure][] = [
  [/(元|块|毛|角)$/, 'money'],
  [/岁$/, 'age'],
  [/(小时|分钟|工作日|个月|天|日|周)$/, 'duration'],
  // (多少平, 几平: 平 is how people say 平方米.)
  [/(平方米|平米|平方|平方公里|平方千米|公顷|亩|^平)$/, 'area'],
  [/(公里|千米|米|光年|英里|公分)$/, 'length'],
  [/(公斤|千克|吨|斤)$/, 'weight'],
  [/(%|倍)$/, 'percent'],
  [/年$/, 'duration'],
];

// A document number is no figure (青政办发〔2026〕21号 is no date "21号"). Phone numbers stay: a question for
// a number ("电话是多少") is answered by them.
const CODE = /[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*第?\s*\d+\s*号/g;
// Nor is a house number (文庙街15号, 青岚路66号): a street's, not a day of the month.
const HOUSE_NUMBER = /(?<=[\u4e00-\u9fff](?:路|街|巷|胡同|弄|大道))\s*\d+\s*号/g;
// "一位咨询者", "一场活动": the numeral 一 before a count word is an article, not a count.
/** The character before a 一 that makes it part of a word (同一, 统一, 唯一, 万一, 逐一, 单一, 专一, 之一), not a numeral. */
const NOT_NUMERAL_ONE = /^[同统唯万逐单专之]$/;
const ARTICLE_ONE = /^一\s*(?:个|名|位|场|项|次|件|家|条|种|批|处|张|套|间|台|辆|支|所|座|类|户|期|单)$/;

/**
 * Every figure and date in `text` (normalised text: half-width digits, numbers joined). The last few texts' mentions
 * are kept (frozen): a sentence's are read by each test that scores it, one after another.
 */
export function figureMentions(text: string): readonly Readonly<FigureMention>[] {
  const i = recentTexts.indexOf(text);
  if (i >= 0) return recentMentions[i];
  const found = Object.freeze(scanMentions(text).map((m) => Object.freeze(m)));
  recentTexts.unshift(text);
  recentMentions.unshift(found);
  recentTexts.length = recentMentions.length = Math.min(recentTexts.length, RECENT_TEXTS);
  return found;
}
const RECENT_TEXTS = 4;
const recentTexts: string[] = [];
const recentMentions: (readonly Readonly<FigureMention>[])[] = [];

function scanMentions(text: string): FigureMention[] {
  const out: FigureMention[] = [];
  const codes = [...text.matchAll(CODE), ...text.matchAll(HOUSE_NUMBER)].map((c) => [c.index ?? 0, (c.index ?? 0) + c[0].length]);
  for (const m of text.matchAll(MENTION)) {
    const raw = m[0].trim();
    if (!raw) continue;
    const start = m.index ?? 0;
    if (codes.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    // 一次, 一个 read as "a" — except a frequency (每年可以提取一次: once a year).
    if (ARTICLE_ONE.test(raw) && !(/次/.test(raw) && /每[年月季周天日人户][^，,。；;]{0,10}$/.test(text.slice(Math.max(0, start - 14), start)))) continue;
    // 第二批, 第3届: an ordinal names which one, it counts nothing.
    if (!m[1] && text[start - 1] === '第') continue;
    // 同一年度, 统一标准, 唯一, 万一, 之一: a 一 of a word, not the numeral (同一年度内 is no period of a year).
    if (!m[1] && raw.startsWith('一') && NOT_NUMERAL_ONE.test(text[start - 1] ?? '')) continue;
    // 一年级, 三年级: a school grade, not a duration.
    if (!m[1] && /年$/.test(raw) && text[start + m[0].length] === '级') continue;
    if (m[1]) {
      out.push({ text: raw, start, end: start + m[0].length, measure: 'date', unit: '' });
      continue;
    }
    if (m[2]) {
      out.push({ text: raw, start, end: start + m[0].length, measure: 'money', unit: '元' });
      continue;
    }
    if (m[3]) {
      const [, measure, unit] = EN_UNIT_MEASURE.find(([re]) => re.test(raw)) ?? [null, 'count' as Measure, ''];
      out.push({ text: raw, start, end: start + m[0].length, measure, unit });
      continue;
    }
    // A lone digit with no unit (list numbers, "1+1") says nothing.
    const unit = raw.replace(/^[\d.\s零一二两三四五六七八九十百千半]+/, '').replace(/^(余|多)/, '').replace(/^(万|亿)/, '').replace(/^(余|多)/, '');
    if (!unit && /^\d$/.test(raw)) continue;
    const measure = unit ? (UNIT_MEASURE.find(([re]) => re.test(unit))?.[1] ?? 'count') : 'count';
    out.push({ text: raw, start, end: start + m[0].length, measure, unit });
  }
  return out;
}

/** An English question that speaks of time (years, dates, records kept): "how far back" then asks how long ago. */
const TIME_TALK_EN = /\b(years?|months?|weeks?|days?|dates?|time|since|ago|records?|history|past)\b/i;
const ASK_ZH = /多少|(?<![好十])几(?![十百千万])|多长时间|多长|多大|多远|多久|多快|多高|多重|多宽|什么时候|啥时候|何时|哪一?年|哪一?天/;
const ASK_EN = /\bhow (many|much|long|old|far|big|large|high|fast|quickly|soon)\b|\bwhat (age|percentage|share|proportion)\b|\bnumber of\b/i;
// 几年 and 几个月 ask a duration (补几年, 几个月能办好); 几年级 is a school grade, not a count of years.
/** The count words and units a figure is asked in (几台, 多少公里, 几个工作日): the ones figureMentions reads with their number. */
export const COUNT_WORDS = '立方米|立方|方(?![面案式法向便])|平方米|平方公里|平方千米|平米|平方|平(?![时常安均等稳价台])|公顷|光年|英里|厘米|公分|毫米|楼|层|个工作日|工作日|个月|年(?!级)|周岁|个|名|人|户|家|所|项|座|条|次|期|间|台|辆|支|位|件|套|张|场|处|批|类|种|天|日|周|岁|元|块|毛|角|米|亩|吨|斤|公里|公斤|小时|分钟|单|倍';
const CLASSIFIER = new RegExp(`^(${COUNT_WORDS})`);
const MONEY_ZH = /钱|元|费|价|交多少|缴多少|给多少|领多少|补多少|拿多少|报多少|赔多少|满多少|减多少|返多少|抵多少|卖多少|值多少|收多少|工资|薪|补贴|补助|津贴|资金|经费|收入|挣|花了|投入|预算|奖金|贷|报销|赔偿|罚款|押金|租金|房租|利息|养老金|退休金|低保金|救助金|抚恤金|慰问金|金额|额度|起付|封顶|垫付|垫多少/;
const MONEY_EN = /\b(cost|costs|price|prices|pay|paid|pays|fee|fees|salary|salaries|wage|wages|yuan|money|budget|budgeted|subsid\w*|spend|spent|cash|allowance|earn|earns|income|fund\w*|invest\w*|deductible|deposit|rent|fine|fined|penalty|premium|contribution|tuition|stipend|bonus|compensation|pension)\b/i;

/**
 * The figure a number question asks for (null measure: the question does not constrain it). `topicWords`
 * are the words searched for the question, with typo repairs and synonyms (补帖 → 补贴): a bare 多少 about
 * one of the money words asks an amount.
 */
export function askedFigure(question: string, language: Language, topicWords: readonly string[] = []): AskedFigure {
  const bound = askedBound(question);
  const period = askedPeriod(question);
  const plain = withPeriod(withBound(language === 'en' ? askedFigureEnglish(question) : askedFigureChinese(question), bound), period);
  const timed = plain.measure === 'duration' && (language === 'en' ? UNTIL_EN : UNTIL_ZH).test(question) ? { ...plain, until: true } : plain;
  const asked: AskedFigure = timed.measure === 'money' && asksPerMeasure(question) ? { ...timed, ...perMeasureAsked(question) } : timed;
  if (language === 'en') return withPrice(asked, question, language);
  const zh: AskedFigure =
    asked.measure === null && ASK_ZH.test(question) && topicWords.some((w) => w.length >= 2 && MONEY_WORD.test(w)) ? { ...asked, measure: 'money', ...(PER_UNIT_ZH.test(question) ? { perUnit: true } : {}), ...(asksPerMeasure(question) ? perMeasureAsked(question) : {}) } : asked;
  return withPrice(EXTRA_ASKED.test(question) ? { ...zh, extra: true } : zh, question, language);
}

/** Money the asker would receive, or be fined (补贴多少, 能领多少, 罚多少, "how much subsidy can I get"): no price. */
const RECEIVED_ZH = /补贴|补助|津贴|奖|领|发|报销|报多少|赔|救助|养老金|退休金|低保|工资|薪|收入|挣|罚|贷|返|抵|资金|经费|预算|投入|额度|利息|多给|给多少|给予|能拿|拿多少|到手|到账|工钱|提取/;
const RECEIVED_EN = /\b(subsid\w*|allowance|grants?|rewards?|awards?|compensat\w*|refund\w*|pensions?|salar\w*|wages?|earn\w*|income|fines?|fined|penalt\w*|bonus\w*|benefits?|stipends?|receive\w*|budget\w*|fund\w*|invest\w*|loans?|reimburs\w*|deduct\w*|taken off|withdraw\w*|payout|paid out|pay out|give|gives|given)\b/i;

function withPrice(asked: AskedFigure, question: string, language: Language): AskedFigure {
  if (asked.measure !== 'money' || asked.comparative || asked.perMeasure || (language === 'en' ? RECEIVED_EN : RECEIVED_ZH).test(question)) return asked;
  return { ...asked, price: true };
}

/** It costs nothing, in Chinese: 免费, 不收费, 无需缴纳押金 (not 减免费用, a reduction, nor 免费退票, a free refund). */
const FREE_STATED = /(?<!减)免费(?!退|改签|用)|免收|免交|免缴|免予收取|不收费|不收取(?:任何)?费用|不收钱|零收费|无偿|(?:无需|无须|不需要?|不用)(?:缴纳|支付|交纳|缴|交|付)?(?:任何)?(?:费用|押金|钱)|免押金?/g;

/** The statements of a Chinese text that something is free, as money figures (a price asked is stated by them). */
export function freeMentions(text: string): FigureMention[] {
  return [...text.matchAll(FREE_STATED)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, measure: 'money' as const, unit: FREE_UNIT }));
}

/** The unit of a statement that something is free (freeMentions). */
export const FREE_UNIT = 'free';

/** An amount on top asked: 能多补多少, 多给几百, 额外给多少, 另外补多少, 再加多少, 加多少钱. */
const EXTRA_ASKED = /多(?:补|给|发|拿|领|报|贴)[^，,。？?]{0,2}(?:多少|几)|(?:额外|另外|另|再)(?:补|给|发|加|增加|补贴)[^，,。？?]{0,3}(?:多少|几)|(?<![增追])加(?:多少|几)/;
/** A figure stated as an amount added (在上述标准基础上每户再增加5000元, 加发, 上浮, 额外给予). */
export const EXTRA_STATED = /增加|增发|加发|多发|上浮|上调|提高|额外|另加|另行|再给予|再补|追加|基础上/;

// How long until it happens: 多久能批, 几天能到账, 多长时间办好, 多久才下来; "how long does it take / until".
const UNTIL_ZH = /(多久|多快|多长时间|多少天|几天|几个月|几个工作日|多少个工作日)[^，,。？?]{0,6}(批|到账|到|下来|办好|办完|办结|出|拿到|领到|发|审|通过|完成|批准|答复|回复|处理|有结果)/;
// ("Before" is not among them: "how many years do I pay before I can claim" asks the qualifying period.)
const UNTIL_EN = /\bhow long\b[^?.!]{0,60}\b(take|takes|until|wait|get|receive|approv\w*|process\w*|arrive)\b|\bhow (many|soon)\b[^?.!]{0,40}\b(until|get|receive|approv\w*|arrive)\b|\bhow (fast|quickly|soon)\b/i;
/** A qualifying period (户籍满3年, 累计缴费15年以上, at least 2 years): what one must have had, no time to wait. */
const QUALIFYING_BEFORE = /(满|累计|连续|不少于|不低于|不满|超过|已经|已)\s*$|\b(at least|more than|over|for)\s*$/i;
const QUALIFYING_AFTER = /^\s*(以上|及以上|或以上)/;

function withPeriod(asked: AskedFigure, period: Period | undefined): AskedFigure {
  return period ? { ...asked, period } : asked;
}

function withBound(asked: AskedFigure, bound: 'max' | 'min' | undefined): AskedFigure {
  return bound ? { ...asked, bound } : asked;
}

/** Words that name a share (报销比例, 百分之几). */
const RATIO_ZH = /比例|百分之|占比|百分比|比率|利率|费率|税率/;

/** Words that name an amount of money (a 补贴 is paid in 元). */
const MONEY_WORD = /^(.*(补贴|补助|津贴|工资|薪酬|薪资|费用|经费|资金|奖金|养老金|低保金|救助金|租金|房租|价格|票价|学费|收费))$/;

function askedFigureChinese(question: string): AskedFigure {
  const q = question;
  const m = ASK_ZH.exec(q);
  // No asking word (住院报销比例, 医保缴费标准): a share named is a percent, an amount named is money.
  // (What the standard is of — 收入 of 收入标准 — is the figure's focus: 家庭人均月收入低于3000元, not the rent's 8元.)
  if (!m) {
    const of = /([\u4e00-\u9fff]{1,6})标准/.exec(q)?.[1];
    return { measure: RATIO_ZH.test(q) ? 'percent' : MONEY_ZH.test(q) ? 'money' : null, classifier: null, focus: of ?? '', ...(of ? { standard: true as const } : {}) };
  }
  const after = q.slice(m.index + m[0].length);
  const clauseAfter = after.split(/[，,。？?！!；;、]/)[0];
  const named = CLASSIFIER.exec(clauseAfter)?.[1] ?? null;
  const before = q.slice(0, m.index).split(/[，,。？?！!；;、]/).pop() ?? '';
  const focusAfter = clauseAfter.slice(named?.length ?? 0, (named?.length ?? 0) + 8);
  const focus = focusAfter.replace(/^(的|钱)/, '').length >= 1 ? `${before.slice(-6)} ${focusAfter}` : before.slice(-8);
  // 多少居民, 多少个社区助理: the counted noun names the count word its figure takes (7188名居民), when 个 or
  // nothing is said.
  const classifier = named;
  const counted = !named || named === '个' ? countWordOf(focusAfter.replace(/^[的呀啊呢吗？?]+/, ''), before) : null;
  let measure: Measure | null = null;
  // 哪几天, 哪些日子: which days (a date), not how many (a duration).
  if ((m[0] === '几' && /^(月|号|点|时)/.test(clauseAfter)) || /时候|何时|哪/.test(m[0]) || /哪[几些一]?(天|日|号)/.test(q)) measure = 'date';
  else if (m[0] === '多久' || m[0] === '多长时间' || (m[0] === '多快' && !/车速|速度|时速|跑|开/.test(q))) measure = 'duration';
  // 多大年纪, 多少岁数: an age (年 of 年纪 is no count of years).
  // (Beside the asking words: 年纪大的能多给多少 asks what the older ones get, not how old.)
  else if (/岁数|年龄|年纪|几岁/.test(`${before.slice(-4)}${m[0]}${clauseAfter.slice(0, 4)}`)) measure = 'age';
  else if (classifier) measure = UNIT_MEASURE.find(([re]) => re.test(classifier))?.[1] ?? 'count';
  // (多大 of a home or a building asks its floor area: 房子最小能建多大, 公租房能分多大的.)
  else if (/面积/.test(q) || (m[0] === '多大' && /建|盖|房|屋|户型|平方|平米|宅基地/.test(q))) measure = 'area';
  else if (RATIO_ZH.test(q)) measure = 'percent';
  // 比外面便宜多少, 涨了多少: a difference, stated as a share unless money is named (便宜多少钱).
  else if (m[0] === '多少' && COMPARATIVE_ZH.test(before) && !/^(钱|块|元)/.test(clauseAfter)) return { measure: 'percent', classifier: null, focus, comparative: true };
  // Money words close to the asking word (补贴多少, 多少生活费), not anywhere in a long clause (献够多少以后…免费).
  else if (MONEY_ZH.test(`${before.slice(-6)}${m[0]}${clauseAfter.slice(0, 6)}`)) measure = 'money';
  // 多少公积金, 多少抚恤金: an amount of the fund named right after the asking word.
  else if (m[0] === '多少' && /^[\u4e00-\u9fff]{0,3}金(?!额)/.test(clauseAfter)) measure = 'money';
  else if (m[0] === '多长' || m[0] === '多远') measure = 'length';
  // 多少以后, 多少才: a threshold of whatever the sentence measures, not a count of a thing.
  else if (m[0] === '多少' && /^[\u4e00-\u9fff]/.test(clauseAfter) && !/^(钱|的|以[后上下内]|才|就|能|可|会|了|呢|吗|啊)/.test(clauseAfter)) measure = 'count';
  if (counted && !measure) measure = 'count';
  return { measure, classifier, focus, ...(counted ? { counted } : {}), ...(measure === 'money' && PER_UNIT_ZH.test(q) ? { perUnit: true } : {}) };
}

// Nouns and the count word their figures take: people (居民, 毕业生, 社区助理, 工作者) 名; businesses and
// institutions 家; households 户; schools 所. Other nouns (小区, 岗位) take 个, which constrains nothing.
const NOUN_COUNT_WORDS: [string, string][] = [
  ['居民|村民|市民|人员|人才|群众|老人|儿童|孩子|学生|毕业生|助理|工作者|社工|志愿者|职工|员工|干部|党员|妈妈|求职者|患者|医生|教师|老师|选手|运动员|游客|旅客', '名'],
  ['企业|单位|公司|商户|商家|店铺|门店|超市|医院|银行|机构|餐厅|食堂|厂', '家'],
  ['家庭|住户|农户', '户'],
  ['学校|幼儿园|高校', '所'],
  ['设备|机械|机器|机具|电脑|空调|充电桩', '台'],
  ['车辆|汽车|公交车|大巴|救护车|校车', '辆'],
  ['床位|病床', '张'],
];
const COUNTED_AFTER = NOUN_COUNT_WORDS.map(([nouns, word]) => [new RegExp(`^[\\u4e00-\\u9fff]{0,5}?(${nouns})`), word] as const);
const COUNTED_BEFORE = NOUN_COUNT_WORDS.map(([nouns, word]) => [new RegExp(`(${nouns})(有|是|共|一共|总共|共有|大概|大约|总计)*$`), word] as const);

/**
 * The count word of what is counted: the noun right after the asking words (多少居民), else the subject
 * right before them (社区工作者有多少个), when it is one of the nouns above.
 */
function countWordOf(after: string, before: string): string | null {
  if (/^人(?!次)/.test(after)) return '名'; // 几个人
  return COUNTED_AFTER.find(([re]) => re.test(after))?.[1] ?? (after.trim() ? null : (COUNTED_BEFORE.find(([re]) => re.test(before))?.[1] ?? null));
}

/** A way of reaching someone asked for (call, phone, hotline): a number to call, not an amount. */
const CONTACT_EN = /\b(call|ring|dial|phone|telephone|hotline|contact)\b/i;

/** Something that moves, for "how fast": a speed asked, not a wait. */
const SPEED_EN = /\b(go|goes|drive|drives|driving|ride|rides|riding|run|runs|travel|travels|speed|km|mph)\b/i;
// (…or nothing: "how do I get the HPV result and how long" — a length is asked of a thing, "how long is the bridge".)
const HOW_LONG_VERB = /\bhow long\s+(to|does|do|did|will|would|should|can|could|must|until|till|have|has|for|before|after)\b|\bhow long\s*(?:[?!.,;]|$)/i;
const TIME_WORD_EN = /\b(take|takes|last|lasts|wait|until|before|period|term|time|duration|valid|validity|stay|leave|holiday|vacation|contract|probation|trial|course|training|notice|process|processing)\b/i;

function askedFigureEnglish(question: string): AskedFigure {
  const m = ASK_EN.exec(question);
  const rest = m ? question.slice(m.index + m[0].length).split(/[^A-Za-z-]+/).filter(Boolean) : [];
  const words = rest.slice(0, 4);
  const focus = words.join(' ');
  // What is paid for ("how much do they pay for waste plastic", "the price of a bus pass"): part of the focus (the
  // item of a price list beside its own price), though past the words that say which measure is asked.
  const of = rest.slice(0, 6).findIndex((w, i) => (/^for$/i.test(w) && /^(pay|paid|charge|charged|charges|get|give|gives|offer|offers)$/i.test(rest[i - 1] ?? '')) || (/^of$/i.test(w) && /^(price|prices|cost|costs|fee|fees|charge|rate)$/i.test(rest[i - 1] ?? '')));
  const subject = of >= 0 ? rest.slice(Math.max(4, of + 1), of + 4).join(' ') : '';
  const how = m?.[1]?.toLowerCase() ?? m?.[2]?.toLowerCase() ?? '';
  let measure: Measure | null = null;
  if (/\b(days?|hours?|weeks?|months?|years?|minutes?)\b/i.test(focus) && /many|long/.test(how)) measure = 'duration';
  // ("How old can the certificate be" asks how long a document stays valid, not a person's age.)
  else if (how === 'old' && DOCUMENT_AGE_EN.test(question)) measure = 'duration';
  else if (how === 'old' || how === 'age') measure = 'age';
  // ("How far ahead / in advance" asks how long before, not a distance; "how far back" too where the question speaks of
  // time — "how far back does the record go, the years since I was a teenager" —, not of a warning triangle put behind a car.)
  else if (how === 'far') measure = /\bhow far (ahead|in advance|beforehand|before)\b/i.test(question) || (/\bhow far back\b/i.test(question) && TIME_TALK_EN.test(question)) ? 'duration' : 'length';
  else if (/percentage|share|proportion/.test(how) || /\b(percent|percentage|rate)\b|\bhow (much|many) ?%/i.test(question)) measure = 'percent';
  // "How much is X" asks a price unless it asks time; "how much cheaper/more" asks a relative difference
  // (低12%至15%), in money only when money is named ("earn", "pay").
  // ("How much waste / paper / rice" asks a quantity of the material: its weight.)
  else if (how === 'much' && MATERIAL_EN.test(words[0] ?? '')) measure = 'weight';
  // ("How much (extra) electricity / water" asks a quantity in the utility's own unit — 1,200 kWh, 5 tonnes —, not money.)
  else if (how === 'much' && UTILITY_EN.test((QUANTITY_MORE_EN.test(words[0] ?? '') ? words[1] : words[0]) ?? '')) measure = null;
  // ("How much is taken off my salary for pension": a share of the pay, as contributions are stated.)
  else if (how === 'much' && SHARE_OF_PAY_EN.test(question)) measure = 'percent';
  else if (how === 'much') measure = /\btime\b/i.test(question) ? 'duration' : COMPARATIVE_EN.test(question) && !MONEY_EN.test(question) ? 'percent' : 'money';
  // "How long" asks a time when a verb follows it (to get, does it, will I) or the question names a stretch of time
  // (take, wait, the publicity period, the contract); "how long is the bridge" asks a length.
  else if (how === 'long' && (HOW_LONG_VERB.test(question) || TIME_WORD_EN.test(question))) measure = 'duration';
  // "How fast / how quickly / how soon" asks how long until it happens ("how fast do they respond": within 24 hours), not
  // a speed — unless something moves ("how fast can an e-bike go").
  else if (how === 'quickly' || how === 'soon' || (how === 'fast' && !SPEED_EN.test(question))) measure = 'duration';
  else if (how === 'long') measure = 'length';
  else if (how === 'many' || how === 'number') measure = 'count';
  // ("What number do I call about my maternity allowance" asks a phone number, whatever money it names.)
  else if (!m && CONTACT_EN.test(question)) measure = null;
  else if (!m && MONEY_EN.test(question)) measure = 'money';
  else if (!m && AGE_LIMIT_EN.test(question)) measure = 'age';
  if (measure === 'percent' && COMPARATIVE_EN.test(question)) return { measure, classifier: null, focus, comparative: true };
  const classifier = measure === 'count' ? (ENGLISH_COUNT_WORDS.find(([re]) => re.test(focus))?.[1] ?? null) : measure === 'duration' && /many/.test(how) ? (ENGLISH_DURATION_WORDS.find(([re]) => re.test(focus))?.[1] ?? null) : null;
  return { measure, classifier, focus: subject ? `${focus} ${subject}` : focus, ...(measure === 'money' && PER_UNIT_EN.test(question) ? { perUnit: true } : {}) };
}

/** A document's age asked: "how old can the certificate be", "how old may the photo be". */
const DOCUMENT_AGE_EN = /\bhow old (?:can|may|should|must|could) (?:it|they|the|my|a|an|this|that)\b(?!\s+(?:child|children|kid|kids|son|daughter|person|people|applicant|baby|man|woman|student))/i;
/** A share of one's pay asked: "taken off / deducted from my salary". */
const SHARE_OF_PAY_EN = /\b(?:taken off|taken out of|deducted from|withheld from|comes? out of|goes? (?:to|into)[^?]{0,30}from)\s+(?:my|your|our|the|his|her)?\s*(?:monthly\s+)?(?:salary|pay|wages?|income|paycheck)\b/i;

/** A utility asked by its amount ("how much electricity do we get"), and the words that ask for more of it. */
const UTILITY_EN = /^(electricity|power|energy|water|gas|heating|heat)$/i;
const QUANTITY_MORE_EN = /^(extra|more|additional|free)$/i;

/** Materials whose amount is a weight ("how much waste did it collect"). */
const MATERIAL_EN = /^(waste|rubbish|garbage|trash|recyclables?|scrap|paper|cardboard|plastics?|metal|glass|food|rice|grain|flour|vegetables?|fruit|meat|coal|clothes|clothing)$/i;

const COMPARATIVE_ZH = /(便宜|贵|高|低|(?<![最至不])[多少]|涨|降|省|提高|下降|增加|减少)了?$/;
const COMPARATIVE_EN = /\bhow much (cheaper|more|less|lower|higher|bigger|smaller|faster|slower|longer|shorter|better|further)\b/i;

// "What's the age limit", "minimum age": an age asked without "how old".
const AGE_LIMIT_EN = /\bage (limit|requirement|threshold)\b|\b(minimum|maximum|min|max) age\b|\bat what age\b|\bhow old\b/i;

// The unit an English "how many years/days" question asks for: 15年 answers "how many years", 30 days does not.
const ENGLISH_DURATION_WORDS: [RegExp, string][] = [
  [/^years?\b/i, '年'],
  [/^months?\b/i, '月'],
  [/^weeks?\b/i, '周'],
  [/^(working |business )?days?\b/i, '天'],
  [/^hours?\b/i, '小时'],
  [/^minutes?\b/i, '分钟'],
];

// The Chinese count word an English count question's noun takes ("how many employers" → 家, "people" → 名):
// the figure answering it carries that word (57家用人单位), not another count's (7188名居民).
const ENGLISH_COUNT_WORDS: [RegExp, string][] = [
  [/\b(people|persons?|residents?|workers?|assistants?|graduates?|applicants?|volunteers?|staff|students?|children|kids|elderly|seniors?|members?|employees?|candidates?|participants?|visitors?|teachers?|doctors?|officials?|social workers?|men|women|mothers?|passengers?)\b/i, '名'],
  [/\b(employers?|companies|company|enterprises?|firms?|shops?|stores?|businesses|business|merchants?|restaurants?|canteens?|hospitals?|banks?|units?|organi[sz]ations?|institutions?|agencies)\b/i, '家'],
  [/\b(households?|families|family|homes)\b/i, '户'],
  [/\b(schools?|kindergartens?|universities|colleges?)\b/i, '所'],
  [/\b(times|visits|sessions|rounds)\b/i, '次'],
  [/\b(machines?|machinery|equipment|devices?|computers?|air conditioners?|chargers?|charging (points|piles|posts))\b/i, '台'],
  [/\b(vehicles?|cars?|buses|trucks?|ambulances?)\b/i, '辆'],
  [/\b(beds?)\b/i, '张'],
  [/\b(projects?|services?|measures?|functions?|items?)\b/i, '项'],
];

/**
 * How well a figure answers the asked kind, in [0, 1]: the exact classifier 1, the same measure 0.8,
 * a bare number 0.5, a figure of another kind (a date for a count, a count for an amount) 0.15.
 */
export function figureFit(mention: FigureMention, asked: AskedFigure, text?: string): number {
  if (!asked.measure) return mention.measure === 'date' ? 0.3 : 1;
  // An amount is often set as a share of another (按市场租金的30%缴纳, 报销比例为70%): a percent right after
  // a money word answers a money question, a little less surely than an amount in 元.
  // (So is a multiple of one: 家庭人均月收入低于本市城乡最低生活保障标准2倍, 最低工资标准的1.5倍.)
  // (But a multiple of the very amount asked — 月低保标准的3倍 for 低保标准一个月多少钱 — is another amount.)
  if (asked.measure === 'money' && mention.measure === 'percent' && text !== undefined) {
    const base = text.slice(Math.max(0, mention.start - RATE_WINDOW), mention.start);
    if (namesAskedBase(base, asked.focus)) return OTHER_QUANTITY_FIT;
    if (rateOfAmount(base) || multipleOfAmount(base, mention) || OF_AMOUNT_EN.test(text.slice(mention.end, mention.end + 30))) return RATE_FIT;
  }
  // A sentence dated another year only (2026年7月25日前…公示期5天 for 去年) answers nothing of the year asked.
  if (asked.measure === 'date' && asked.year !== undefined && text !== undefined) {
    const years = [...text.matchAll(/((?:19|20)\d{2})\s*年(?=\s*\d{1,2}\s*月)/g)].map((m) => Number(m[1]));
    if (years.length && !years.some((y) => y === asked.year || y === asked.editionYear)) return 0;
  }
  // An amount or a count its clause dates another year only (2026年度我市基础养老金标准为每人每月203元 for 2027年涨到
  // 多少) is that year's: another period's figure. (Not a year a span starts from — 自2025年起, 2020年以来 — which
  // covers the years after it.)
  if (asked.year !== undefined && mention.measure !== 'date' && text !== undefined) {
    const years = yearsDating(text, mention);
    if (years.length && !years.includes(asked.year)) return OTHER_EVENT_FIT;
  }
  if (asked.measure === 'date' && asked.year !== undefined && mention.measure === 'date') {
    // The year of the date itself, or of the range it ends (2026年7月1日至7月7日).
    const before = text === undefined ? '' : text.slice(Math.max(0, mention.start - 16), mention.start);
    const stated = /((?:19|20)\d{2})\s*年/.exec(mention.text)?.[1] ?? /((?:19|20)\d{2})\s*年[^，。；,;年]*(?:至|到|—|–|-|~)\s*$/.exec(before)?.[1];
    if (stated && Number(stated) !== asked.year && Number(stated) !== asked.editionYear) return 0;
  }
  // A month, day or time answers "when" better than a bare year (2025年以来).
  // (A duration may say when — 15个工作日内 for 啥时候能到账 — but not which day: 累计缴费满15年 is no deadline.)
  // (A day asked: a year alone does not give it, and a month — 出生年月：1926年11月 — gives it less surely.)
  // (A deadline asked — 最晚什么时候, "what's the deadline" — is stated by a time limit too: 30日内, within 30 days.)
  if (asked.measure === 'date' && asked.deadline && mention.measure === 'duration' && text !== undefined && (TIME_LIMIT_AFTER.test(text.slice(mention.end, mention.end + 3)) || WITHIN_BEFORE.test(text.slice(Math.max(0, mention.start - 8), mention.start)))) return LIMIT_FIT;
  // (A wait asked — "when can I get it" — is stated by the time it takes: about 15 working days. Not by a
  // qualifying period, 户籍满3年.)
  if (asked.measure === 'date' && asked.until && mention.measure === 'duration' && text !== undefined) return QUALIFYING_BEFORE.test(text.slice(Math.max(0, mention.start - 8), mention.start)) || QUALIFYING_AFTER.test(text.slice(mention.end, mention.end + 4)) ? QUALIFYING_FIT : WAIT_FIT;
  // The day a rule takes effect (自2026年1月1日起提高…标准, 本通知自…起施行) is not when its money is paid, its window
  // opens or its lottery is drawn: it answers only a question about the rule's start.
  if (asked.measure === 'date' && mention.measure === 'date' && !asked.ruleStart && text !== undefined && takesEffect(text, mention)) return OTHER_EVENT_FIT;
  // A date whose clause names another stage of the process than the one asked (报名时间为2027年1月5日 for 面试哪天,
  // 2027年1月16日进行实操考核 for 体检哪天) is that stage's: a recruitment's or a programme's steps each have their own.
  if (asked.measure === 'date' && mention.measure === 'date' && text !== undefined && ofOtherStage(asked.focus, text, mention)) return OTHER_EVENT_FIT;
  // A deadline asked (截止到哪天, "what's the deadline") is a day by which: a weekday or a time of day (每周三上午, "on
  // Wednesday mornings", 9:00) says when something is open or held each week, unless the text makes it the limit
  // (周五前, "by Friday", 截止到17:00).
  if (asked.measure === 'date' && asked.deadline && mention.measure === 'date' && text !== undefined && RECURRING_TIME.test(mention.text.trim()) && !LIMIT_AFTER.test(text.slice(mention.end, mention.end + 4)) && !LIMIT_BEFORE.test(text.slice(Math.max(0, mention.start - 16), mention.start))) return OTHER_EVENT_FIT;
  if (asked.measure === 'date' && asked.whichYear && mention.measure === 'date') return /(?:19|20)\d{2}|\d{3,4}\s*年/.test(mention.text) ? 1 : OTHER_EVENT_FIT;
  // (A day asked: a time of day alone — 工作日9:00—17:00 of an office's phone line — says no day either. A deadline's
  // time of day — 报名截止到17:00 — is read by the rule above.)
  if (asked.measure === 'date') return mention.measure === 'date' ? (/^\d{4}\s*[年届]$/.test(mention.text) || (asked.day && !asked.deadline && CLOCK_TIME.test(mention.text.trim())) ? (asked.day ? 0.3 : 0.6) : asked.day && MONTH_ONLY.test(mention.text) ? 0.6 : 1) : mention.measure === 'duration' ? (asked.day ? 0.3 : 0.5) : 0.1;
  if (mention.measure === 'date') return 0.1;
  // A wait asked (多久能批): a qualifying period (户籍满3年) states one, less surely than a time limit (20个工作日内).
  if (asked.until && mention.measure === 'duration' && text !== undefined && (QUALIFYING_BEFORE.test(text.slice(Math.max(0, mention.start - 8), mention.start)) || QUALIFYING_AFTER.test(text.slice(mention.end, mention.end + 4)))) return QUALIFYING_FIT;
  // A difference may be stated as an amount too (便宜了20元).
  if (asked.comparative && mention.measure === 'money') return 0.6;
  // An amount for a month or a year does not give the price of an hour or a day (每月1500元 for 每小时多少钱).
  // (A yearly amount asked per month may well be what the asker needs: 每年600元 still answers 每月交多少.)
  if ((asked.period === 'hour' || asked.period === 'day') && text !== undefined && (mention.measure === 'money' || mention.measure === 'count')) {
    const stated = statedPeriod(text, mention);
    if (stated && PERIOD_RANK[stated] > PERIOD_RANK[asked.period]) return 0.15;
  }
  // Nor a price per hour or day the cost of a month or a year (12 yuan per day of school meals for "how much
  // per year"): how many days count is not stated. (A week or a month still answers a year roughly.)
  if ((asked.period === 'month' || asked.period === 'year') && text !== undefined && mention.measure === 'money') {
    const stated = statedPeriod(text, mention);
    if (stated === 'hour' || stated === 'day') return 0.15;
  }
  if (asked.perUnit && mention.measure === 'money' && AGGREGATE_MONEY.test(mention.text) && !(text !== undefined && PER_ONE_BEFORE.test(clauseBefore(text, mention.start, 20)))) return 0.15;
  if (asked.perMeasure && mention.measure === 'money' && text !== undefined && !statesMeasure(text, mention)) return PER_NOTHING_FIT;
  // …nor one per a measure of another kind: 0.51 yuan per kWh is no price of gas per cubic metre.
  if (asked.perMeasureKind && mention.measure === 'money' && text !== undefined) {
    const stated = measureKind(statedMeasure(text, mention));
    if (stated && !sameMeasureKind(stated, asked.perMeasureKind)) return PER_NOTHING_FIT;
  }
  if (asked.classifier && sameClassifier(mention.unit, asked.classifier)) return 1;
  if (asked.counted && sameClassifier(mention.unit, asked.counted)) return 1;
  // A floor (几楼, 几层) is answered by a floor only.
  if (asked.classifier && /^[楼层]$/.test(asked.classifier)) return 0.15;
  // An amount comes with its currency: a bare number (a hotline 12345, a count) does not state a price.
  // …nor a share: a bare number is one only where the text speaks of shares (a table's 比例（%） column).
  if (!mention.unit && asked.measure === 'percent' && text !== undefined && !/[%％]|百分|比例|比率|percent/i.test(text)) return 0.3;
  // (A bare 19xx or 20xx is a year written into a name — 2025山西·太原…招聘会 — no count or amount.)
  if (!mention.unit && BARE_YEAR.test(mention.text)) return 0.15;
  if (!mention.unit) return asked.measure === 'money' ? 0.3 : 0.5;
  if (mention.measure === asked.measure) {
    const wanted = asked.counted ?? asked.classifier;
    if (!wanted || asked.measure !== 'count') return 0.8;
    // 个 counts anything; two specific count words that differ count different things (几家店 is not
    // answered by 7188名居民, 多少人 not by 100余条民意).
    return wanted === '个' || countWord(mention.unit) === '个' ? 0.6 : 0.3;
  }
  return 0.15;
}

const RATE_OF_AMOUNT = /利率|利息|税率|租金|房租|工资|薪|费|价|金额|收入|基数|补贴|补助|津贴|报销|赔付|比例|支付|承担|缴纳|标准|rent|wage|salary|fee|cost|price|income|reimburs|subsid|pay/i;
/** A question about when a rule, a standard or a change starts. */
export const ASKS_RULE_START = /开始|启动|起|实施|执行|施行|生效|调整|调|提高|上涨|涨|新标准|从(?:哪|什么|啥|几)|\b(?:start|starts|started|effective|begin|begins|from (?:when|what|which)|take effect|takes effect|in force)\b/i;
const EFFECT_BEFORE = /(?:自|从)\s*$/;
const EFFECT_AFTER = /^\s*(?:起|开始)[，,]?[^。；;！？]{0,30}?(?:调整|提高|上调|执行|施行|实施|生效|废止)/;
/** The mention is the day a rule takes effect: 自2026年7月1日起调整…标准, 本办法自…起施行. */
function takesEffect(text: string, mention: FigureMention): boolean {
  return EFFECT_BEFORE.test(text.slice(Math.max(0, mention.start - 2), mention.start)) && EFFECT_AFTER.test(text.slice(mention.end));
}
/**
 * The stages a process is held in, each its own dated event: signing up (again: 续报; applying: 申请; taking
 * applications: 受理), the written test, the interview, the fitness test, the skills test, the medical, the public
 * notice, the hiring, the start of classes, the lottery, payment in, payment out.
 */
const STAGES: readonly RegExp[] = [/报名|报考|申报|续报|申请|受理/, /笔试|考试|开考/, /面试/, /体能测试|体测/, /实操|技能考核|技能测试/, /体检/, /公示/, /录用|录取|聘用|报到|上岗/, /开学|开课|开班/, /摇号|抽签/, /缴费|交费|缴纳/, /发放|到账|打卡/];
/** The one stage a date question's focus names (面试 of 收容中心招聘的面试哪天), or null where it names none or several. */
function stageAsked(focus: string): RegExp | null {
  // (Read once per question: figureFit asks it of every date of every sentence.)
  if (focus !== lastFocus.focus) {
    const named = STAGES.filter((re) => re.test(focus));
    lastFocus = { focus, stage: named.length === 1 ? named[0] : null };
  }
  return lastFocus.stage;
}
let lastFocus: { focus: string; stage: RegExp | null } = { focus: '', stage: null };
/**
 * The date's clause names a stage, not the one the focus asks (报名时间为2027年1月5日至1月9日 for 面试哪天). (Its own
 * clause only: carried on from the clause before — 经过5个工作日公示无异议，所有人员于2025年7月底前全部到岗 — the team set
 * lost an answer and the report halves two.)
 */
function ofOtherStage(focus: string, text: string, mention: FigureMention): boolean {
  const asked = stageAsked(focus);
  if (!asked) return false;
  const clause = `${fieldBefore(text, mention.start)}${mention.text}${text.slice(mention.end).split(/[，,。；;！!？?]/)[0]}`;
  return !asked.test(clause) && STAGES.some((re) => re !== asked && re.test(clause));
}
const BARE_YEAR = /^\s*(?:19|20)\d{2}\s*$/;
export type MeasureKind = 'energy' | 'weight' | 'tonne' | 'area' | 'volume' | 'length';
// Measures a price is set per (一斤, 每公斤, 1.2元/公斤, 一度电, "per kg"), by kind, in Chinese and English (a name before
// any that starts it: 平方米 before 平方, kilowatt before kilo).
const MEASURE_UNITS: readonly (readonly [MeasureKind, zh: string, en: string])[] = [
  ['energy', '千瓦时|度', 'kwh|kilowatt(?:[- ]hours?)?'],
  ['weight', '公斤|千克|斤|克', 'kg|kgs|kilos?|kilograms?|jin'],
  // (A tonne is a weight or, of water, a volume: water is sold by the 吨 as by the 立方米.)
  ['tonne', '吨', 'tons?|tonnes?'],
  ['area', '平方米|平米|平方|㎡', 'square met(?:er|re)s?|sq\\.? ?m|m2'],
  ['volume', '立方米|立方|升', 'cubic met(?:er|re)s?|lit(?:er|re)s?'],
  ['length', '公里|千米', 'km'],
];
const MEASURE = MEASURE_UNITS.map(([, zh]) => zh).join('|');
const MEASURE_EN = MEASURE_UNITS.map(([, , en]) => en).join('|');
// (Each captures the measure's name, which measureKind reads.)
const PER_MEASURE_ZH = new RegExp(`(?:一|每|1)(${MEASURE})`);
const PER_MEASURE_EN = new RegExp(`\\b(?:per|a|an|each|one)\\s+(${MEASURE_EN})\\b`, 'i');
const MEASURE_AFTER = new RegExp(`^\\s*(?:\\/|每|一|per\\s+|a\\s+)\\s*(${MEASURE}|${MEASURE_EN})`, 'i');
const MEASURE_BEFORE = new RegExp(`(?:每|一|按|per\\s+)\\s*(${MEASURE}|${MEASURE_EN})`, 'i');
const MEASURE_KINDS = MEASURE_UNITS.map(([kind, zh, en]) => [kind, new RegExp(`^(?:${zh}|${en})$`, 'i')] as const);
/** The fit of an amount stated per no measure where a price per measure is asked (a total paid out, a fee). */
const PER_NOTHING_FIT = 0.3;

/** Whether prices per measures of two kinds are prices of the same thing: the same kind, or a tonne and a weight or volume. */
function sameMeasureKind(a: MeasureKind, b: MeasureKind): boolean {
  if (a === b) return true;
  const other = a === 'tonne' ? b : b === 'tonne' ? a : null;
  return other === 'weight' || other === 'volume';
}
/** The kind of a measure's name (立方米 → volume), or null. */
function measureKind(name: string | null): MeasureKind | null {
  return name ? (MEASURE_KINDS.find(([, re]) => re.test(name))?.[0] ?? null) : null;
}
/** A price per measure asked, with the measure's kind where it names one. */
function perMeasureAsked(question: string): { perMeasure: true; perMeasureKind?: MeasureKind } {
  const named = PER_MEASURE_ZH.exec(question)?.[1] ?? PER_MEASURE_EN.exec(question)?.[1] ?? null;
  const kind = measureKind(named);
  return kind ? { perMeasure: true, perMeasureKind: kind } : { perMeasure: true };
}
/** The measure the amount at `mention` is stated per (公斤 of 1.2元/公斤, "kWh" of 0.51 yuan per kWh), or null. */
function statedMeasure(text: string, mention: FigureMention): string | null {
  return MEASURE_AFTER.exec(text.slice(mention.end, mention.end + 16))?.[1] ?? MEASURE_BEFORE.exec(fieldBefore(text, mention.start))?.[1] ?? null;
}

/** Whether a question asks a price per measure (废纸一斤多少钱, "how much per kg"). */
export function asksPerMeasure(question: string): boolean {
  return PER_MEASURE_ZH.test(question) || PER_MEASURE_EN.test(question);
}

/** The amount at `mention` is stated per a measure: right after it (1.2元/公斤, "2 yuan per kg") or in its clause before it (每平方米…16元). */
function statesMeasure(text: string, mention: FigureMention): boolean {
  return statedMeasure(text, mention) !== null;
}

/** The clause before `at`, through a field's label (首套住房最高额度：60万元 → 首套住房最高额度：), up to 24 characters. */
export function fieldBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - FIELD_MAX), at).split(/[，,。；;！!？?]/).pop() ?? '';
}
const FIELD_MAX = 24;
/** How far back a figure's clause is read for the year it is of. */
const CLAUSE_WINDOW = 40;
/** A year or a date in a text, with what follows it when it starts a span (2026年度, 2025年7月1日起, "in 2026"). */
const DATED = /(?<!\d)((?:19|20)\d{2})(?!\d)(?:\s*年度?(?:\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*[日号])?)?(\s*(?:起|以来|开始|至今|以后|之后|后))?)?/g;
/** The years the clause ending `before` dates its figure by, but for the years spans start from. */
/** The years the clause before `mention` in `text` dates it by (2026年度…每人每月203元, "For cover in 2027, … 400 yuan"). */
export function yearsDating(text: string, mention: FigureMention): number[] {
  return clauseYears(text.slice(Math.max(0, mention.start - CLAUSE_WINDOW), mention.start));
}
function clauseYears(before: string): number[] {
  const clause = before.slice(before.search(/[^。；;！？!?]*$/));
  return [...clause.matchAll(DATED)].filter((m) => !m[2]).map((m) => Number(m[1]));
}
/** The fit of a date of another event than the one asked (a rule's effective date for 几号发). */
const OTHER_EVENT_FIT = 0.3;

const RATE_WINDOW = 10;
/** A share of a named amount: 租金的30%, 报销比例为70%, 按工资8%, 年利率为2.85% — not a comparison (售价低12%). */
function rateOfAmount(before: string): boolean {
  // (…or the amount the share is taken of, named after 按 right before it: 按应付金额50%以上 — not 按补助总额增发15%,
  // what is added on top.)
  return RATE_OF_AMOUNT.test(before) && /(?:的|比例(?:为|是|达到?)?|按|为)\s*$|按[^，,。；;]{0,6}(?:金额|总额|工资|费用|收入|价格|租金|基数)\s*$/.test(before);
}
/** What names an amount a share or a multiple is of (…标准, 工资, 收入, 租金). */
const AMOUNT_NAME = /标准|工资|收入|基数|金额|费用|价格|租金/;
/** Such an amount right before a multiple (低保标准2倍, 最低工资标准的1.5倍). */
const MULTIPLE_BASE = new RegExp(`(?:${AMOUNT_NAME.source}|低保)\\s*的?\\s*$`);
/** The base a share or multiple is of (月低保标准的) is what the question asks the amount of (低保标准…多少): three characters in common. */
function namesAskedBase(before: string, focus: string): boolean {
  const base = before.replace(/(?:的|按照?|为)\s*$/, '');
  for (let i = 0; i + 3 <= base.length; i++) {
    const piece = base.slice(i, i + 3);
    if (/^[\u4e00-\u9fff]{3}$/.test(piece) && AMOUNT_NAME.test(piece + base.slice(i + 3, i + 5)) && focus.includes(piece)) return true;
  }
  return false;
}
/** The fit of a figure of another quantity than the one asked (a multiple of the asked amount). */
const OTHER_QUANTITY_FIT = 0.15;
/** A multiple of a named amount: 低保标准2倍, 最低工资标准的1.5倍 (not 提高2倍, a change). */
function multipleOfAmount(before: string, mention: FigureMention): boolean {
  return /倍$/.test(mention.unit) && MULTIPLE_BASE.test(before);
}
/** "30% of the market rent": the English share names its amount after the figure. */
const OF_AMOUNT_EN = /^\s*of (?:the |your |their |its )?(?:\w+ )?(?:rent|fee|fees|cost|costs|price|salary|wage|wages|income|premium|bill|amount|expenses?)\b/i;
const RATE_FIT = 0.6;
/** How well the time something takes answers "when can I get it": as well as an amount in its unit answers a price. */
const WAIT_FIT = 0.8;
const QUALIFYING_FIT = 0.5;

/** The count word a count figure ends with (个 for 个居民小区's 个, 名 for 7188名). */
function countWord(unit: string): string {
  return unit.replace(/^(万|亿)/, '').replace(/^(余|多)/, '');
}

const CLASSIFIER_SYNONYMS: string[][] = [['平方米', '平米', '平方', '平'], ['立方米', '立方', '方'], ['名', '人', '位', '人次'], ['天', '日', 'day', 'days'], ['元', '块'], ['楼', '层'], ['年', 'year', 'years'], ['月', 'month', 'months'], ['周', '星期', 'week', 'weeks'], ['小时', 'hour', 'hours'], ['分钟', 'minute', 'minutes']];

function sameClassifier(unit: string, classifier: string): boolean {
  const u = unit.replace(/^(万|亿)/, '');
  if (u === classifier || u.endsWith(classifier)) return true;
  return CLASSIFIER_SYNONYMS.some((group) => group.includes(classifier) && group.some((g) => u.endsWith(g)));
}

/** How far, in characters, an English figure's own words run on either side of it. */
const ENGLISH_OWN_SPAN = 60;
// What ends an English figure's own words: a clause break, or a conjunction joining it to the next statement.
const ENGLISH_SPAN_BREAK = /[;!?|\n]|\s\((?!\d)|\.(?!\d)|,\s(?:(?:and|or|but)\s)?|\s(?:and|or|but|while|whereas)\s/g;

// Two figures one statement joins (between 7:00 and 9:00, from 1 June and close on 30 June, 50 yuan and 200 yuan):
// a connector with at most two words on either side.
const ENGLISH_JOINED = /^\s*(?:[a-z%.]+\s+){0,2}(?:and|to|or|until|till|through|[-–—~])\s*(?:[a-z]+\s+){0,2}$/i;

/**
 * Where the words of an English sentence that belong to its i-th figure start and end: from the break before it to
 * the break after it, never past another figure — save one it is joined to (a range). English puts a figure's
 * qualifier after it as often as before ("RMB 6,000 per semester at public primary schools and RMB 7,500 per
 * semester at public junior middle schools").
 */
export function englishFigureSpan(norm: string, mentions: readonly FigureMention[], i: number): [number, number] {
  const joined = (a: number) => ENGLISH_JOINED.test(norm.slice(mentions[a].end, mentions[a + 1].start));
  let [first, last] = [i, i];
  while (first > 0 && joined(first - 1)) first--;
  while (last + 1 < mentions.length && joined(last)) last++;
  const [a, b] = [mentions[first], mentions[last]];
  const from = Math.max(first > 0 ? mentions[first - 1].end : 0, a.start - ENGLISH_OWN_SPAN);
  const to = Math.min(last + 1 < mentions.length ? mentions[last + 1].start : norm.length, b.end + ENGLISH_OWN_SPAN);
  // (Breaks are read in the whole sentence: "(" before a digit is no break, whatever the slice ends with.)
  const breaks = [...norm.matchAll(ENGLISH_SPAN_BREAK)].map((x) => [x.index ?? 0, (x.index ?? 0) + x[0].length]);
  const lastBreak = breaks.filter(([at, end]) => at >= from && end <= a.start).pop();
  const firstBreak = breaks.find(([at]) => at >= b.end && at < to);
  return [lastBreak ? lastBreak[1] : from, firstBreak ? firstBreak[0] : to];
}
