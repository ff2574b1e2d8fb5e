// The section of a guide that holds what is asked. Service guides (办事指南), policy explainers and FAQ pages
// put each facet of a programme under a heading of its own — 申领时间, 办理地点, 申请材料, 办理流程, 补贴标准 —
// so a question asking when, where, with what papers, how, who qualifies or how much is answered under that
// heading, whose own words are few (每年设两个集中申报期：3月1日至3月31日 has nothing of 人才补贴 but its
// document's title). Keyword search ranks
// it below sections that repeat the programme's name; this lifts it to just after the first passage of its
// document, among the documents retrieval already ranks first. Headings only: a chunk's text is not read.

import { MATERIALS_ASK } from '../answer/question.js';

/** What the question asks for, and how a section giving it is headed. */
const FACETS: ReadonlyArray<{ asks: RegExp; heading: RegExp }> = [
  {
    asks: /什么时候|啥时候|何时|哪天|几号|几月|时间|截止|最晚|期限|多久|多长时间|\bwhen\b|\bwhat (date|time|day)\b|\bdeadline\b|\bhow long\b/i,
    heading: /时间|日期|期限|时限|时段|(申报|报名|缴费|交费|受理|申请|办理|登记|采集|征收)期|截止|\b(when|dates?|deadlines?|timing|processing time)\b/i,
  },
  {
    asks: /在哪|哪里|哪儿|什么地方|啥地方|地址|地点|去哪|到哪|\bwhere\b|\baddress\b/i,
    heading: /地点|地址|网点|窗口|场所|受理点|\b(where|address|locations?|venues?)\b/i,
  },
  {
    asks: MATERIALS_ASK,
    heading: /材料|证件|资料|要件|\b(documents|materials|what to bring)\b/i,
  },
  {
    asks: /怎么(办|申请|申领|报名|领|弄|办理)|咋(办|申请|申领|报名|领|弄)|如何(办|申请|申领|报名|办理)|流程|步骤|手续|\bhow (do|can|should) (i|we) (apply|register|sign up|get)\b|\bhow to (apply|register)\b|\bprocedure\b/i,
    heading: /流程|程序|步骤|方式|途径|渠道|办理方法|申领办法|\b(how to apply|procedure|steps|process)\b/i,
  },
  {
    asks: /谁(能|可以)|哪些人|什么人|啥人|(什么|啥|哪些)条件|够不够|符不符合|有没有资格|能不能(领|申请|享受|报)|\bwho (can|is eligible|qualifies)\b|\beligib|\bqualif/i,
    heading: /对象|条件|范围|资格|\b(eligibility|who can apply|who is eligible)\b/i,
  },
  {
    asks: /多少钱|几块|费用|收费|价格|标准|补多少|补贴多少|给多少|发多少|领多少|交多少|缴多少|能拿多少|\bhow much\b|\bfees?\b|\bcost\b|\bprice\b/i,
    heading: /标准|金额|费用|收费|价格|额度|\b(fees?|costs?|amounts?|rates?|prices?|how much)\b/i,
  },
  {
    asks: /电话|热线|咨询|联系|\bphone\b|\bhotline\b|\bcontact\b|\bcall\b/i,
    heading: /电话|咨询|联系方式|\b(contact|phone|hotline|enquiries)\b/i,
  },
];

/** A heading that names a facet of a programme (申请条件, 补贴标准, 办理地点), not a thing of its own. */
export const FACET_HEADING = new RegExp(FACETS.map((f) => f.heading.source).join('|'), 'i');

/** Whether a heading (四、报名材料) is the section of a facet the question asks (要准备啥). */
export function headsAskedFacet(question: string, heading: string): boolean {
  return FACETS.some((f) => f.asks.test(question) && f.heading.test(heading));
}

interface Section {
  docId: string;
  subhead?: string;
}

/**
 * `ranked` (best first) with, for each of the first `docs` documents, its best-ranked chunk whose heading names
 * the facet the question asks moved up to just after that document's first chunk. Unchanged when the question
 * asks no such facet or the first chunk already sits under such a heading.
 */
export function liftAskedSection<T>(ranked: readonly T[], sectionOf: (item: T) => Section, question: string, docs = 2): T[] {
  const facets = FACETS.filter((f) => f.asks.test(question));
  if (!facets.length || !ranked.length) return [...ranked];
  const headed = (item: T) => facets.some((f) => f.heading.test(sectionOf(item).subhead ?? ''));
  const out = [...ranked];
  const leaders: string[] = [];
  for (const item of ranked) {
    const docId = sectionOf(item).docId;
    if (!leaders.includes(docId)) leaders.push(docId);
    if (leaders.length >= docs) break;
  }
  for (const docId of leaders) {
    const first = out.findIndex((item) => sectionOf(item).docId === docId);
    if (headed(out[first])) continue;
    const section = out.findIndex((item, i) => i > first && sectionOf(item).docId === docId && headed(item));
    if (section <= first + 1) continue;
    const [moved] = out.splice(section, 1);
    out.splice(first + 1, 0, moved);
  }
  return out;
}
