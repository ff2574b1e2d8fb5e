// The numbered notice or regulation (通知, 公告, 办法, 条例): sections opened by 一、 / （一） / 第X章,
// clauses 第X条 and items 1. that stay inside their section, a sign-off (落款) and date at the end.
// An item whose line only names it (1．游泳馆, then its hours and fares) heads the lines under it, as a
// section's heading does: they are about it, not about its siblings (3．健身房's 年卡).
// Short list lines such as 「60至69周岁每月50元；」 are body text, never titles.
import type { Block, ReadDocument, SplitResult } from '../model.js';
import { chooseTitle, loneHeadings, looksLikeTitleLine, shortHeading, splitSections } from './sections.js';
import { ITEM_NUMBER } from '../../text/normalize.js';
import type { Splitter } from './splitter.js';

const CN = '[一二三四五六七八九十百零〇两]+';
const SECTION = new RegExp(`^${CN}[、.．]`);
const SUBSECTION = new RegExp(`^[（(]${CN}[）)]`);
const CHAPTER = new RegExp(`^第${CN}[章编]`);
const PART = new RegExp(`^第${CN}节`);
const CLAUSE = new RegExp(`^第${CN}条`);

/** A numbered line is a heading when it is short and holds no sentence ("一、申请条件", not "一、凡本区户籍老人……。"). */
function headingText(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && !/[。！？；;!?]/.test(t.slice(0, -1)) && !/[。；;!?！？]$/.test(t);
}

const ITEM_LEVEL = 5;

export function numberedLevel(block: Block): number | null {
  if (block.kind !== 'paragraph') return null;
  const t = block.text.trim();
  if (CHAPTER.test(t)) return 1;
  if (PART.test(t)) return 2;
  if (SECTION.test(t) && headingText(t)) return 3;
  if (SUBSECTION.test(t) && headingText(t)) return 4;
  if (shortHeading(t) === 'item') return ITEM_LEVEL;
  return null;
}

function countMatching(doc: ReadDocument, re: RegExp): number {
  let n = 0;
  for (const b of doc.blocks) if (b.kind === 'paragraph' && re.test(b.text.trim())) n++;
  return n;
}

export const noticeSplitter: Splitter = {
  kind: 'notice',
  version: 'notice-v2',
  accepts: (doc) => countMatching(doc, SECTION) >= 2 || countMatching(doc, CLAUSE) >= 2 || countMatching(doc, CHAPTER) >= 2,
  split(doc): SplitResult {
    const opening = (b: Block) => looksLikeTitleLine(b.text) && numberedLevel(b) === null && !CLAUSE.test(b.text) && !ITEM_NUMBER.test(b.text);
    const { title, blocks } = chooseTitle(doc, opening);
    // (Item headings beside a sibling — 1．身份证 / 2．户口簿 — are a list's lines: loneHeadings.)
    const levels = new Map(doc.blocks.map((b) => [b, numberedLevel(b)]));
    const items = loneHeadings(doc.blocks, (b) => (levels.get(b) === ITEM_LEVEL ? ITEM_LEVEL : null));
    return splitSections(doc, { title, titleBlocks: blocks, headingLevel: (b) => (levels.get(b) === ITEM_LEVEL && !items.has(b) ? null : (levels.get(b) ?? null)) });
  },
};
