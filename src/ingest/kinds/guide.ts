// Chinese plain text that is not a newspaper page: an 办事指南 of field lines, an FAQ, a price list, a notice
// whose sections are not numbered 一、二、, an article. The title is its opening line; a short line that says
// nothing of its own (供餐时间, 申请材料：, 1．游泳馆) heads the lines under it; every other line is body text,
// so nothing is dropped: a field line (咨询电话：0572-8702 4415), a date, a sign-off (落款) are all kept.
// (The newspaper splitter cuts a page into articles at short lines; on a guide it took the headings for
// headlines of articles with no body and dropped them, and field lines and dates with them.)
import type { Block } from '../model.js';
import { hasPageFurniture } from '../pages.js';
import { chooseTitle, isLatinText, loneHeadings, shortHeading, splitSections } from './sections.js';
import { ITEM_NUMBER, startsField } from '../../text/normalize.js';
import type { Splitter } from './splitter.js';

/** Longest opening line taken for the title (a headline may end with ！ or ？). */
const TITLE_MAX = 40;

/** Longest question line that heads its answer. */
const QUESTION_MAX = 40;
/** 问：… / Q: … */
const FAQ_MARK = /^(?:问|Q)\s*[：:.]/i;

/** A line that heads what follows (shortHeading); numbered (1．游泳馆) it heads an item inside the section above it. */
function headingLevel(block: Block): number | null {
  const t = block.text.trim();
  // An FAQ's question (4．社保卡丢了怎么办？) heads its answer, so no chunk ends between them; one marked
  // 问： stays a line of the page, read with the 答： after it.
  if (t.length <= QUESTION_MAX && /[？?]$/.test(t) && !/[。！？；;!?]/.test(t.slice(0, -1)) && !FAQ_MARK.test(t)) return ITEM_NUMBER.test(t) ? 3 : 2;
  const heading = shortHeading(t);
  return heading === 'plain' ? 2 : heading === 'item' ? 3 : null;
}

/** The opening line that names the document: short, and at most one sentence end, at its end (桂园社区食堂开业啦！). */
function openingLine(block: Block): boolean {
  const t = block.text.trim();
  return t.length > 0 && t.length <= TITLE_MAX && !/[。！？!?；;]/.test(t.slice(0, -1)) && !/[：:，,、。；;]$/.test(t) && !/[|│]/.test(t);
}

/**
 * A field line ends the list a field label heads (申请材料： then 1．… 2．… then 办理流程：…): the label is a
 * field too, its value the lines under it. A heading without a colon (供餐时间) keeps its field lines (早餐：6:30—8:30).
 */
function closes(block: Block, heading: Block): boolean {
  return startsField(block.text) && /[：:]$/.test(heading.text.trim());
}

export const guideSplitter: Splitter = {
  kind: 'guide',
  version: 'guide-v1',
  accepts: (doc) => (doc.format === 'txt' || (doc.format === 'md' && !doc.blocks.some((b) => b.kind === 'heading'))) && !isLatinText(doc.text) && !hasPageFurniture(doc.text),
  split(doc) {
    const { title, blocks } = chooseTitle(doc, openingLine);
    const headings = loneHeadings(doc.blocks, (b) => (blocks.has(b) ? null : headingLevel(b)));
    return splitSections(doc, { title, titleBlocks: blocks, headingLevel: (b) => headings.get(b) ?? null, closes });
  },
};
