// Question analysis shared by the answerers: what kind of fact is asked for, and which parts of the
// text are attempts to instruct the bot (treated as data, removed before searching).
import type { ChineseTokenizer } from '../text/tokenize.js';
import { isEverydayWord } from '../lang/everyday.js';
import { normalizeText } from '../text/normalize.js';
import { COUNT_WORDS } from './figures.js';


export type QuestionKind = 'number' | 'where' | 'how' | 'when' | 'who' | 'what';

/** A year asked: 哪一年, 哪年, 什么年份, "what year", "which year" (a "when" question a date without its year does not answer). */
export const ASKS_YEAR = /哪一?年(?!级)|哪个年份|什么年份|\b(?:what|which) year\b/i;

/**
 * English "when" that asks: opening the question or a clause of it, before the verb it asks with ("when do I…",
 * "ok so when is it"), after until, or ending the question ("breakfast carts start when"); not the conjunction of
 * "the max leash length when walking the dog", "how much when she retires".
 */
const ASKS_WHEN_EN = String.raw`(?:^|[,;:.?!]\s*|\b(?:and|but|so|or|then|ok|okay|until|till)\s+)when\b|\bwhen\s+(?:do|does|did|is|are|was|were|will|can|could|should|would|shall|must|am|has|have)\b|\bwhen\s*[?？.!]*\s*$`;

const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  ['when', new RegExp(`什么时候|何时|哪天|${ASKS_YEAR.source}|哪一?个?月(?!份?[的]?[补工收])|哪个季度|\\b(?:what|which) month\\b|哪一天|哪几天|哪些天|几月|几号|几点|日期|啥时候|${ASKS_WHEN_EN}|what date|what time|what day|how soon|deadline|by when|opening hours|office hours|what hours`, 'i')],
  ['number', /多少|几[个名人户家次项所万千百天年岁期间座条毛块元单倍成折档级]|多久|多快|多长|多大|多远|多高|多宽|多重|比例|百分之|how (many|much|long|big|far|old|fast|quickly|soon)\b|what (number|percentage|amount|age)|\bwhat(?:'s|’s|s| is| are| was)? (?:the )?(?:max|maximum|min|minimum|highest|lowest|longest|shortest|largest|biggest|smallest|heaviest|tallest|oldest|youngest)\b|\bwhat(?:'s|’s|s| is| are| was)? (?:the |a )?(?:\w+ )?(?:fees?|fines?|prices?|costs?|charges?|rent|deposit|penalty|premium|tuition|deductible|co-?pay(?:ment)?|allowance|subsidy|stipend|salary|wages?|pension)\b|number of|\bcount\b|\bage (limit|requirement)|\b(minimum|maximum) age\b|年龄(限制|要求|上限|下限)|(?:收入|补贴|补助|收费|租金|缴费|救助|津贴|工资|报销|起付|赔偿|抚恤)标准|(?:\d+\s*(?:周岁|岁)|百岁)[\u4e00-\u9fff]{0,8}(?:补贴|津贴|补助|救助金|养老金|慰问金)\s*[?？]?$/i],
  ['where', /哪里|哪儿|在哪|去哪|到哪|何处|什么地方|什么地点|地址|几楼|几层|哪层|哪一层|哪个楼层|where\b|(which|what) (office|place|location|address|floor|building)|location/i],
  // 几 and any count word or unit a figure is stated in (几分钟, 几台, 几公里, 几张): how many of it. (Not 第几, which
  // names one, nor 哪几, which asks which; 几楼 asks where, above.)
  ['number', new RegExp(`(?<![第哪])几(?:${COUNT_WORDS})`)],
  ['who', /谁|哪些人|什么人|哪类人|条件|资格|符合|who\b|eligible|eligibility|qualif/i],
  ['how', /怎么|怎样|如何|流程|步骤|手续|材料|办理|申请|how (do|can|to|should)|apply|procedure|steps|documents? (do i|are) need/i],
];

/**
 * Pinyin-keyboard slips in the words that ask (什么时后, 多少前, 怎莫): the asking word they stand for. Only
 * slips that are no word of their own in a question.
 */
const ASKING_TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(什么|啥|哪个)时后/g, '$1时候'],
  [/什么是后/g, '什么时候'],
  [/多少前(?![年天月])/g, '多少钱'],
  [/哪力|哪理/g, '哪里'],
  [/怎莫|怎摸/g, '怎么'],
  [/什莫|神马/g, '什么'],
  // Years, days, ages and dates asked, slipped to a homophone by the pinyin IME (明粘, 多少填, 多少随, 几好开抢): the
  // counting word after 今/明/去/每/多少/几/哪 is the one meant. (Not where the slip makes a word of its own: 去念书,
  // 多少随便, 几天 typed right.)
  [/(今|明|前|后|每)[粘黏碾撵念](?![书经叨头想])/g, '$1年'],
  [/去[粘黏碾撵](?![书经叨头想])/g, '去年'],
  [/一念(?=多少|最多|能|可以|内|以内|补|发|给|交)/g, '一年'],
  [/(多少|几)[填添田甜舔](?![加写报])/g, '$1天'],
  [/哪[添填](?![加写])/g, '哪天'],
  [/(多少|几)[随碎遂穗](?![便时着后意])/g, '$1岁'],
  [/几[好耗浩豪](?=开|发|出|截止|报名|结束|到|前|之前|以前|[？?吗呀啊]|$)/g, '几号'],
  // English asking words as typed in a hurry (wher is…, how mutch…).
  [/\b(?:wher|whre|wehre|were(?= is\b| are\b| can\b| do\b| should\b))\b/gi, 'where'],
  [/\b(?:wat|wht|whta)\b/gi, 'what'],
  [/\bwich\b/gi, 'which'],
  [/\bhow (?:mutch|mush|muc|mcuh)\b/gi, 'how much'],
  [/\bhow (?:meny|mnay)\b/gi, 'how many'],
];

export function fixAskingTypos(question: string): string {
  let out = String(question ?? '');
  for (const [slip, meant] of ASKING_TYPOS) out = out.replace(slip, meant);
  return out;
}

export function questionKind(question: string): QuestionKind {
  // (What an English question opens with asks, whatever a clause after it says: "How much does it cost to renew a
  // card when it expires?" asks a price.)
  // (…or the clause after the asker's story: "my colleague has the certificate, how much award when she retires".)
  if (/(?:^|[,;:.!?]\s*)how (much|many)\b/i.test(question)) return 'number';
  for (const [kind, re] of KIND_PATTERNS) if (re.test(question)) return kind;
  // Words typed as a search ("tuition public primary school beitang", "residence permit fee 2 years"): a price
  // noun with no asking word asks the price.
  if (PRICE_SEARCH_EN.test(question)) return 'number';
  return 'what';
}

const PRICE_SEARCH_EN = /^(?!.*\b(?:how|what|whats|where|when|who|whom|which|why|whose)\b)(?!\s*(?:can|could|do|does|did|is|are|was|were|will|would|should|may|must|have|has|am|i|my)\b)[^?？\p{Script=Han}]*\b(?:fees?|fares?|tuition|prices?|costs?|charges?|rent|deposit|penalty|premium)\b[^?？\p{Script=Han}]*$/iu;

/**
 * Words of a step, a channel or a paper handed in (提交, 携带, 到, 拨打, 登录, 窗口, 材料): a sentence with one says how
 * something is done. (Shared by KIND_EVIDENCE.how and the answerer's stricter procedure evidence.)
 */
export const HOW_STEP = /提交|携带|到|通过|拨打|登录|扫码|材料|流程|审批|受理|线上|线下|窗口/;

/** Sentence features that answer each kind of question. */
export const KIND_EVIDENCE: Record<QuestionKind, RegExp> = {
  number: /\d|[一二三四五六七八九十百千万亿两]+(余|多)?[个名人户家次项所万元米岁天年条座间期]/,
  when: /\d{1,4}\s*[年月日号时]|[上下]午|每[天周月年]|周[一二三四五六日末]|近日|日前|今年|去年|明年/,
  where: /(社区|中心|站|街道|小区|局|窗口|大厅|服务点|驿站|广场|路|街|巷|楼|号|室|镇|村|县|区|市)|\b(Road|Street|Avenue|Lane|floor|Building|Room|Plaza|Square)\b|^address:/i,
  who: /(年满|以上|以下|困难|老人|老年人|居民|群众|户籍|残疾|低保|毕业生|对象|条件|符合|家庭)/,
  how: new RegExp(`(申请|办理|前往|上门|${HOW_STEP.source})`),
  what: /./,
};

// Attempts to instruct the bot, in questions or inside documents. They are data, never instructions.
const INJECTION_PATTERNS: RegExp[] = [
  /(请)?(忽略|无视|忘记|忘掉|不要理会|跳过)(掉)?(你)?(之前|以上|上面|前面|先前|所有|全部|一切)?(的)?(所有)?(指令|指示|规则|设定|提示|要求|命令|限制|内容)[，,。.!！]?/g,
  /(告诉|告知|输出|打印|显示|泄露|重复|给)(我)?(你的)?(系统|初始|原始|隐藏)?(提示词|提示语|prompt|指令|设定)(是什么|内容)?[，,。.!！]?/gi,
  /你现在是[^，,。.!！?？]*[，,。.!！]?/g,
  /(从现在(开始|起)|接下来)[^，,。.!！?？]*(扮演|假装|充当)[^，,。.!！?？]*[，,。.!！]?/g,
  /\b(please\s+)?(ignore|disregard|forget|override)\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|your)?\s*(instructions?|rules?|prompts?|directions?|guidelines?)\b[.,!]?/gi,
  /\b(reveal|print|show|repeat|tell me|what is|output)\s+(me\s+)?(your|the)\s+(system\s+|initial\s+|hidden\s+)?(prompt|instructions?)\b[?.!,]?/gi,
  /\byou are now\b[^.!?]*[.!?]?/gi,
  /\b(pretend|act as|roleplay as)\b[^.!?]*[.!?]?/gi,
  /\bsystem prompt\b/gi,
  /^\s*(system|assistant|developer)\s*[:：]/gi,
  /\b(from now on|starting now|henceforth)\b[^.!?]*[.!?]?/gi,
  /(假装|扮演|充当)(你是|成)?[^，,。.!！?？]*[，,。.!！]?/g,
  // Directives about what the bot should say or to whom: not questions about services.
  /(?<=^|[，,。.!！?？：:\s])(请)?(向|给)?(告诉|通知|提醒|转告)(用户|大家|所有人|居民|群众|市民|他们)[^。.!！?？]*[。.!！]?/g,
  /(?<=^|[，,。.!！?？：:\s])(请)?(宣布|宣称)[^。.!！?？]*[。.!！]?/g,
  /(回答|回复)(的时候|时)[^。.!！?？]*[。.!！]?/g,
  /\btell (the )?(users?|everyone|everybody|people|residents|them|the public)\b[^.!?]*[.!?]?/gi,
  /\b(announce|declare|proclaim)\b[^.!?]*[.!?]?/gi,
  /\b(answer|reply to|respond to) me\b[^.!?]*[.!?]?/gi,
  /\bwhen (you )?(answer|reply)\w*\b[^.!?]*[.!?]?/gi,
  // Remarks about the bot itself ("You are a useless bot") carry no question about services.
  /(?<=^|[.!?]\s*)you(?:'re| are)\b[^.!?,]*[.!?,]?/gi,
  // Broadcast mentions are never repeated and never searched.
  /<!(channel|here|everyone)>|@(everyone|channel|here|all|所有人|全体成员)/gi,
];

// Requests for help deceiving a public service (forged papers, benefit fraud): refused, never answered.
const FRAUD_REQUEST = /(伪造|造假|假的?证明|骗取|骗保|冒领|套取|虚报|作假)|\b(fake|forge|forged|falsify|counterfeit|cheat|defraud|scam)\b/i;

// (Not a question about reporting it or what befalls it — 举报骗保有奖励吗, 冒领养老金会被怎么处罚, "the fine for a forged
// certificate" —, nor one about guarding against it — 防诈骗讲座, 反诈宣传, "an anti-scam talk", scam victims: the rules
// against fraud and the help for its victims are a public service of their own.)
const FRAUD_REPORTED = /举报|检举|揭发|投诉|查处|处罚|罚款|罚多少|追回|追缴|法律责任|后果|被骗|受骗|上当|反诈|防诈|防骗|防范|\b(?:report(?:s|ed|ing)?|penalt(?:y|ies)|fined?|fines|punish\w*|consequences?|prosecut\w*|victims?)\b|\banti[- ]?(?:scam|fraud|counterfeit)/i;

export function asksForFraud(question: string): boolean {
  return FRAUD_REQUEST.test(question) && !FRAUD_REPORTED.test(question);
}

// Asks the bot to write, translate or plan something (帮我写个土地出租的广告, 写一首关于茶园的诗, 帮我规划行程, "write me a
// poem", "plan a 3 day trip for me"): no document states that; an extractive answer would quote whatever shares a word.
// (帮我写 with what is to be written — 个, 一篇, 封 —, not 材料上帮我写的名字: a question about a form.)
const WRITING_REQUEST =
  /帮我(写|编|起草|拟)(一|个|篇|首|段|封|份|条|几)|给我(写|编)(一|个|篇|首|段|封|份|条)|写(一|个)(首|篇|段|封|份)?[^，,。？?]{0,12}(诗|文章|广告|作文|文案|故事|演讲稿|顺口溜|祭文)|帮我(翻译|规划|策划)|\b(can|could|would) you (please )?(write|compose|draft|plan|translate)\b|^(please )?(write|compose|draft|plan|translate) (me )?(a|an|my)\b/i;

export function asksForWriting(question: string): boolean {
  return WRITING_REQUEST.test(question.trim());
}

export interface CleanedQuestion {
  /** The question with instruction attempts removed: what is searched and answered. */
  text: string;
  /** True when the question contained an attempt to instruct the bot. */
  injection: boolean;
}

export function stripInstructions(question: string): CleanedQuestion {
  let text = question;
  for (const re of INJECTION_PATTERNS) text = text.replace(re, ' ');
  text = text.replace(/\s+/g, ' ').trim();
  return { text, injection: text !== question.replace(/\s+/g, ' ').trim() };
}

// Courtesy around a question (您好，我想咨询一下…；…谢谢！; "Hi, quick question: … thanks!"): how residents write in
// a chat, never what they ask about. Read as part of the question, 咨询 of 我想咨询一下 was a topic no passage had,
// 下 of 麻烦问下 a missing word, and a closing 谢谢 hid the question's own ending (…高龄津贴？).
const COURTESY_OPENING = new RegExp(
  String.raw`^(?:(?:你好|您好|嗨|哈喽|在吗|在不在|打扰(?:一下|了)?|不好意思|麻烦(?:你|您)?|请问(?:一下)?|请教(?:一下)?|(?:我)?想(?:问|请教|咨询|了解)(?:一下|下)?|(?:麻烦)?问(?:一|个)?下|(?:我)?(?:想)?咨询(?:一|个)?下|问(?:个|一个)(?:事儿?|问题)|有(?:个|一个)问题|hi|hello|hey|dear (?:sir|madam)|excuse me|good (?:morning|afternoon|evening)|quick question|(?:i have )?a question|sorry to bother(?: you)?)(?:哈|啊|呀|哦|呢|吧)?(?:[，,。.！!？?：:~～、\s]+|(?=[一-鿿])))+`,
  'iu',
);
const COURTESY_CLOSING = /(?:[，,。.！!？?~～\s]*(?:谢谢(?:你|您|啦|了|哈|啊)?|多谢(?:了)?|感谢(?:你|您)?|麻烦(?:你|您)?(?:了|告诉我一下|说一下|回复一下)?|辛苦(?:了|啦)?|急+|在线等|thanks?(?: you)?(?: so much| a lot| in advance)?|thx|ty|please|pls|cheers))+[。.！!？?~～\s]*$/iu;

/**
 * The question without the courtesy a chat message wraps it in: greetings and "may I ask" before it, thanks and
 * urgency after it. The question mark it closed with stays. A message that is only courtesy (你好, "thanks!")
 * is left empty, and answered with how to ask.
 */
export function stripCourtesy(question: string): string {
  const opened = question.trim().replace(COURTESY_OPENING, '');
  return opened.replace(COURTESY_CLOSING, (tail) => /[?？]/.exec(tail)?.[0] ?? '').trim();
}

/**
 * Ages typed in Chinese numerals (我妈七十二了, 百岁老人, 八十多岁) in Arabic digits (72了, 100岁, 80多岁), as
 * documents write them (年满80周岁, 90—99周岁 | 每人每月300元): the age then finds its table row. A bare
 * numeral before 了 counts from ten on (三了 is no age); run-together numerals (七八十岁) stay as typed.
 */
export function arabicAges(question: string): string {
  return question.replace(/([零一二两三四五六七八九十百]{1,6})(?=周岁|岁|多岁|来岁|多了|了)/g, (numeral: string, _group: string, at: number, all: string) => {
    const value = chineseNumeral(numeral);
    if (value === null) return numeral;
    const bare = !/^(周岁|岁|多岁|来岁)/.test(all.slice(at + numeral.length));
    if (bare && value < 10) return numeral;
    // (Kept apart from a word typed in Latin letters before it: dongcheng百岁 → dongcheng 100岁.)
    return /[A-Za-z0-9]/.test(all[at - 1] ?? '') ? ` ${value}` : String(value);
  });
}

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 七十二 → 72, 一百零二 → 102, 百 → 100; null for what is no single number (七八, 十十). */
function chineseNumeral(text: string): number | null {
  let total = 0;
  let current: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch === '零') continue;
    if (ch in DIGIT) {
      if (current !== null) return null;
      current = DIGIT[ch]!;
      continue;
    }
    const unit = ch === '百' ? 100 : 10;
    if (unit >= lastUnit) return null;
    total += (current ?? 1) * unit;
    current = null;
    lastUnit = unit;
  }
  return total + (current ?? 0);
}

/** True for sentences that address the reader/assistant with instructions rather than state facts. */
export function looksLikeInstruction(sentence: string): boolean {
  return INJECTION_PATTERNS.some((re) => {
    re.lastIndex = 0;
    return re.test(sentence);
  });
}

/** jieba tags of nouns: common, other proper, place, person, abbreviation, verbal and adjectival nouns. */
/** Asks what to bring or prepare (要准备啥, 带什么材料, 需要哪些证件, "what documents do I need to bring"). */
export const MATERIALS_ASK = /(准备|带|携带|提交|提供)(些|点)?(啥|什么|哪些)|(啥|什么|哪些)(材料|证件|资料|证明)|要(啥|什么)材料|\bwhat (documents|papers|materials)\b|\bwhat (do|should|must) (i|we) (bring|prepare|submit)\b|\bdocuments? (do i|are|will i) need/i;

export const NOUN_TAG = /^(n|nz|ns|nr|j|vn|an)$/;

/** What the story-weighing needs of a corpus: its tokenizer and document frequencies. */
export interface ClauseReader {
  tokenizer: Pick<ChineseTokenizer, 'tokens' | 'generalTag' | 'generalFrequency'>;
  documentFrequency(word: string): number;
}

/**
 * askingClauses for search and coverage alike: an asking clause names a thing of its own when it holds a noun,
 * a corpus word no dictionary has (红色工厂), or a word a synonym or repair stands for (`replaced`: 长护险).
 */
export function askingClausesNamingThings(question: string, reader: ClauseReader, replaced: readonly string[]): string[] | null {
  const { tokenizer } = reader;
  const things = replaced.filter((w) => NOUN_TAG.test(tokenizer.generalTag(w)) || tokenizer.generalFrequency(w) === 0);
  const thing = (w: string) => w.length >= 2 && !isEverydayWord(w) && (NOUN_TAG.test(tokenizer.generalTag(w)) || (reader.documentFrequency(w) > 0 && tokenizer.generalFrequency(w) === 0));
  return askingClauses(question, (clause) => things.some((w) => clause.includes(w)) || tokenizer.tokens(clause).some(thing));
}

/** The English auxiliaries a yes-or-no question opens with (Do foreigners have to…, Can I…, Is it…). */
const ENGLISH_AUXILIARY = 'do|does|did|can|could|is|are|was|were|will|would|should|must|may|have|has|am';
/** An English question asking yes or no: it opens with an auxiliary. */
export const YES_NO_EN = new RegExp(`^\\s*(?:${ENGLISH_AUXILIARY})\\b`, 'i');
// Interrogatives and question forms: the clause that holds one is what the asker wants to know. (An English
// auxiliary asks where it opens the clause — "is it free", "can I…" — not inside a statement: "my wife is pregnant".)
const ASKS = new RegExp(
  `多少|(?<![好十])几(?![乎十])|吗|么$|呢|哪|啥|什么|怎|咋|谁|如何|何时|何地|是否|多久|多长|多大|多远|能否|可否|([\\u4e00-\\u9fff])[不没]\\1|\\b(what|when|where|which|who|whom|whose|why|how)\\b|^\\W*((hi|hello|so|and|but|also|ok|okay|please)\\W+)*(${ENGLISH_AUXILIARY})\\b`,
  'i',
);
const CLAUSE = /[，,。；;！!？?\n]+/;

/** The words ask something: an interrogative, or a V不/V没 at their end (开门不). */
function asks(text: string): boolean {
  return ASKS.test(text) || /[\u4e00-\u9fff][不没]$/.test(text);
}

/**
 * The parts of a Chinese question between spaces and punctuation that ask — an interrogative, V不 (asks), a choice
 * (choiceOptions) —, or the whole question where none does on its own: 处罚决定是今年出的 of 我去年举报的商家 处罚决定是今年出的
 * 奖励按新标准还是老标准算 tells the story. (Finer than askingClauses, which splits at a space only after a part that asks;
 * an English question is returned whole: its parts would be its words.)
 */
export function askingParts(question: string): string[] {
  if (!/\p{Script=Han}/u.test(question)) return [question];
  const parts = question.split(/[\s，,。；;！!？?]+/).filter(Boolean);
  const asking = parts.filter((p) => asks(p) || choiceOptions(p).length > 0);
  return asking.length ? asking : [question];
}

/**
 * A question's clauses as written: split at its punctuation, and at a space between Chinese words where the words
 * before it already asked (市民中心在哪儿啊 具体地址发我下, 周六开门不 我平时上班只有周末有空去): a question, then more.
 * (Not at every space: one also parts a topic from its asking words — 在二级医院住院 医报能报百分之几, baisha 助餐点
 * 一份午饭多少钱 — and read as a story those lost answers. Nor after the asker's story, 我爸… 家里…: 家里生了二胎
 * 买首套房公积金能多贷多少 asks about that very 二胎, and policies lost two answers.)
 */
function spokenClauses(question: string): string[] {
  const out: string[] = [];
  for (const punctuated of question.split(/(?<=[，,。；;！!？?\n])/)) {
    let start = 0;
    for (const m of punctuated.matchAll(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g)) {
      const before = punctuated.slice(start, m.index);
      if (!asks(before)) continue;
      out.push(before);
      start = m.index! + m[0].length;
    }
    out.push(punctuated.slice(start));
  }
  return out;
}

/**
 * The clauses of a question that ask something, when the question also has clauses that only tell the
 * asker's situation ("我爸瘫床上好几年了，我自己在家照顾他，长护险一个月能给多少"): those words are context,
 * not what the documents must share. Null when the question is one clause, or no clause (or every clause) asks,
 * or (given `topical`) no asking clause names a thing of its own.
 */
export function askingClauses(question: string, topical?: (clause: string) => boolean): string[] | null {
  // A clause asks when it holds an interrogative, ends in V不/V没 (开门不), or ends with a question mark.
  const parts = spokenClauses(question).map((c) => ({ text: c.replace(CLAUSE, '').trim(), marked: /[？?]\s*$/.test(c) })).filter((c) => c.text);
  if (parts.length < 2) return null;
  const clauses = parts.map((c) => c.text);
  const asking = parts.filter((c) => c.marked || asks(c.text)).map((c) => c.text);
  // When the clause that asks names nothing itself (…，听说有个见习能拿补贴，一个月给多少), the nearest clause
  // before it that names a thing says what it is about (见习补贴); the clauses before that tell the story.
  // (绛县市场监管局现场帮市民检测蔬菜水果，主要查什么？: that is every other clause, nothing to weigh down.)
  if (topical && asking.length && !asking.some(topical)) {
    const first = clauses.indexOf(asking[0]);
    for (let i = first - 1; i >= 0; i--) {
      if (!topical(clauses[i])) continue;
      asking.unshift(clauses[i]);
      break;
    }
    if (!asking.some(topical)) return null;
  }
  // An English clause that asks of "it" (…, is it open on saturdays; how much is it) asks of the clause before it:
  // "tiegang district wage complaint window" names what is open, it tells no story. ("They", "he" and "she" are
  // mostly the asker's people: my parents are 70, can they… — but not after a clause that names no one of the asker's:
  // "power company office in luting county for a home charger, are they open on saturdays".)
  const refersBack = (i: number) => {
    const pronoun = REFERS_BACK_EN.exec(clauses[i])?.[1]?.toLowerCase();
    return !!pronoun && (pronoun !== 'they' || !ASKERS_OWN_EN.test(clauses[i - 1]));
  };
  const antecedents = new Set(asking.map((c) => clauses.indexOf(c)).filter((i) => i > 0 && refersBack(i)).map((i) => clauses[i - 1]));
  const all = antecedents.size ? clauses.filter((c) => asking.includes(c) || antecedents.has(c)) : asking;
  return all.length && all.length < clauses.length ? all : null;
}

/**
 * An English asking clause whose subject is a pronoun for a thing the clause before named (is it open, how much is that;
 * are they open, for a clause before that names no one of the asker's): the pronoun.
 */
const REFERS_BACK_EN = new RegExp(`^\\W*(?:(?:what|when|where|which|who|how(?:\\s+\\w+)?)\\s+)?(?:${ENGLISH_AUXILIARY})\\s+(it|this|that|these|those|they)\\b`, 'i');
/** The asker and their people in English (my, our, I, we; mum, parents, wife …). */
const ASKERS_OWN_EN = /\b(?:i|i'm|im|me|my|mine|we|our|us|mum|mom|dad|parents?|wife|husband|son|daughter|kids?|children|grandma|grandpa|grandparents|family|friends?|neighbou?rs?)\b/i;

// Years named relative to now: 去年的水价 asks for last year's table, not this year's.
const RELATIVE_YEARS: [RegExp, number][] = [
  // (今年12岁, 今年72了: the asker's age, not the year asked about.)
  [/今年(?!\s*\d+\s*(周岁|岁|了))|本年度|this year/i, 0],
  [/去年|上一年(?!级)|上年度|last year/i, -1],
  [/前年|the year before last/i, -2],
  [/明年|下一年(?!级)|下年度|next year/i, 1],
  [/后年|the year after next/i, 2],
];

/** The calendar years a question names relative to `now` (今年, 去年, "next year"), as numbers. */
export function relativeYears(question: string, now: number): number[] {
  const year = new Date(now).getFullYear();
  return [...new Set(RELATIVE_YEARS.filter(([re]) => re.test(question)).map(([, offset]) => year + offset))];
}

/** Ages and birth dates stated by the asker: 85岁, 66了, 我今年15, 2019年10月生, "my mom is 72", "I'm 70", "80 years old", "a 4-year-old". */
const OWN_CASE = /\d+\s*(周岁|岁|了)|(?<=(?:我|俺|他|她|娃|孩子|儿子|女儿)今年\s*)\d{1,3}(?![\d.])(?!\s*(?:年|月|日|号|元|块|万|千|百|%|个|次|天|周|人|名|家|户|场|张|小时|分|米|公里|斤|平|亩|期|届|批|所|项|条))|\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*[日号])?\s*(生|出生)|\b(?:is|am|i'?m|aged?|turns?|turned)\s+\d{1,3}\b(?!\s*(?:yuan|rmb|%|percent|km|kilo|meters?|metres?|m\b|days?|hours?|minutes?|times?|years? ago))|\b\d{1,3}\s*-?\s*(?:years?[- ]old|yrs? old)\b/gi;

/**
 * When the asker's own story happened, in English ("I applied last week", "two days ago", "the other day"): the
 * English of TIME_CHATTER (上周, 前几天), never what the question is about. (Not "this weekend", "on Sunday": when
 * a place opens is a facet that is asked.)
 */
const STORY_TIME = /\b(?:last|next|this|past|coming)\s+(?:week|month)\b|\b(?:\d{1,2}|a|an|one|two|three|four|five|six|few|couple(?:\s+of)?|several)\s+(?:days?|weeks?|months?)\s+ago\b|\bthe\s+other\s+day\b/gi;

/**
 * A month named the colloquial way, with 份 (五月份, 10月份, 二月份): when the asker's story happened (俺公公是今年五月份没的,
 * 老爷子10月份走的) — the documents write their own months as 5月 and never 五月份 — not a topic they must name.
 */
const STORY_MONTH = /(?:十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9])\s*月份/g;

/** The spans of a question that state the asker's own case (俺爷爷85岁, 我妈66了, 2019年10月出生, 五月份, "last week"): not what to look for. */
export function ownCaseSpans(question: string): string[] {
  return [...question.matchAll(OWN_CASE), ...question.matchAll(STORY_TIME), ...question.matchAll(STORY_MONTH)].map((m) => m[0]);
}

/** The age (or birth year) the asker states first (72 of 我妈72了, 70 of "I'm 70"), if any. */
export function askerAge(question: string): number | undefined {
  const n = /(\d+)/.exec(question.match(OWN_CASE)?.[0] ?? '')?.[1];
  return n === undefined ? undefined : Number(n);
}

/** Asking which benefits there are (能领啥补贴, 有什么优惠, 哪些福利; "what subsidies can she get"), not about one named programme. */
export const OPEN_BENEFIT_ASK = /(啥|什么|哪些|哪种|哪几种|几种)\s*(补贴|补助|津贴|优惠|福利|待遇|政策|照顾|好处)/;
export const OPEN_BENEFIT_ASK_EN = /\b(?:what|which|any)\s+(?:kinds? of |sorts? of |types? of )?(subsid(?:y|ies)|allowances?|benefits?|discounts?|support|help|welfare)\b/i;
/** The origin of the search terms ageGroupsAsked adds. */
export const AGE_GROUP_ORIGIN = 'age-group';

/**
 * The age groups documents name for the age the asker states, when asked which benefits there are (我妈72了能领啥
 * 补贴 → 老年人; 我爸85岁了 → 老年人, 高龄; "my son is 2, what subsidies" → 婴幼儿, 儿童): searched for, as the
 * documents write who a benefit is for. Empty when no age is stated or one programme is asked about.
 */
export function ageGroupsAsked(question: string): string[] {
  if (!OPEN_BENEFIT_ASK.test(question) && !OPEN_BENEFIT_ASK_EN.test(question)) return [];
  const age = askerAge(question);
  if (age === undefined) return [];
  return [...(age >= 60 ? ['老年人'] : []), ...(age >= 80 ? ['高龄'] : []), ...(age < 3 ? ['婴幼儿'] : []), ...(age < 14 ? ['儿童'] : [])];
}

/**
 * The options of a choice the question asks (找村里还是找镇上 → 村, 镇; 按年交还是按月交 → 按年, 按月; 交现金还是刷卡 →
 * 现金, 刷卡): the words on either side of 还是, less what they share at either end (找, 交), a leading verb of going
 * or paying and a place word's 里/上/那边.
 */
export function choiceOptions(question: string): string[] {
  const m = /([\u4e00-\u9fff]{1,10})还是([\u4e00-\u9fff]{1,8}?)(?=[吗呢啊呀吧？?，,。！!\s]|$)/.exec(normalizeText(question));
  if (!m) return [];
  const right = m[2].replace(/[的了呢]+$/, '');
  const afterIs = m[1].split('是').pop()!.replace(/[的了呢]+$/, '');
  const left = afterIs.length > right.length + 2 ? afterIs.slice(-(right.length + 1)) : afterIs;
  let head = 0;
  while (head < Math.min(left.length, right.length) - 1 && left[head] === right[head]) head++;
  let tail = 0;
  while (tail < Math.min(left.length, right.length) - head - 1 && left[left.length - 1 - tail] === right[right.length - 1 - tail]) tail++;
  const options = [left, right].map((o) => {
    const cut = o.slice(head, o.length - tail);
    const bare = cut.replace(/^(?:去|找|到|在|交|用|走|打到|发|拿)(?=[\u4e00-\u9fff]{2})/, '');
    const own = bare.replace(/(?:里|上|那边|这边|那儿|这儿|那里|这里)$/, '') || bare;
    // (One character alone is in too many sentences: 按年, not 年 — but a place's own character, 村 or 镇, stands.)
    return own.length >= 2 || PLACE_CHARACTER.test(own) ? own : o.slice(Math.max(0, head - 1), o.length - tail);
  });
  return options.every((o) => o.length >= 1) && options[0] !== options[1] ? options : [];
}
const PLACE_CHARACTER = /^[村镇乡区县市省街]$/;
