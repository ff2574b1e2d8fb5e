// Shared by the block-based splitters: body blocks become the paragraphs of one article per
// document, each under the nearest heading above it (its subhead); non-body blocks are dropped
// with their reason. Chunks never cross a subhead, so numbered items stay with their section.
import type { Article, Paragraph } from '../../ports.js';
import { BODY_KINDS, type Block, type Dropped, type ReadDocument, type SplitResult } from '../model.js';
import { ITEM_NUMBER } from '../../text/normalize.js';

export interface SectionOptions {
  title: string;
  /** Blocks to treat as section headings (besides heading blocks), with their level. */
  headingLevel?: (block: Block) => number | null;
  /** Blocks consumed as the title (not repeated as a paragraph). */
  titleBlocks?: Set<Block>;
  /** Whether a body block ends the open section under `heading` (a form's next field ends the field list above it). */
  closes?: (block: Block, heading: Block) => boolean;
}

export function dropReason(block: Block): string {
  return block.reason ?? (block.kind === 'caption' ? 'caption' : block.kind === 'byline' ? 'byline or editor line' : 'navigation or boilerplate');
}

export function splitSections(doc: ReadDocument, options: SectionOptions): SplitResult {
  const dropped: Dropped[] = [];
  const paragraphs: Paragraph[] = [];
  const subheads: string[] = [];
  const stack: { level: number; block: Block; used: boolean }[] = [];
  const path = () => stack.map((h) => h.block.text).join(' / ') || undefined;
  const add = (block: Block, subhead: string | undefined) => {
    if (subhead && subheads[subheads.length - 1] !== subhead) subheads.push(subhead);
    paragraphs.push({ text: doc.text.slice(block.start, block.end), start: block.start, end: block.end, ...(subhead ? { subhead } : {}) });
  };
  // A heading with no body under it (an empty section) is still text the reader saw: it becomes a paragraph.
  const pop = () => {
    const top = stack.pop()!;
    if (!top.used) add(top.block, path());
  };
  for (const block of doc.blocks) {
    if (!BODY_KINDS.has(block.kind)) {
      dropped.push({ text: block.text, reason: dropReason(block) });
      continue;
    }
    if (options.titleBlocks?.has(block)) continue;
    const level = block.kind === 'heading' ? (block.level ?? 2) : (options.headingLevel?.(block) ?? null);
    if (level !== null) {
      while (stack.length && stack[stack.length - 1].level >= level) pop();
      stack.push({ level, block, used: false });
      continue;
    }
    while (stack.length && options.closes?.(block, stack[stack.length - 1].block)) pop();
    for (const h of stack) h.used = true;
    add(block, path());
  }
  while (stack.length) pop();
  if (!paragraphs.length) return { articles: [], dropped };
  const article: Article = {
    docId: doc.id,
    title: options.title,
    subheads,
    paragraphs,
    start: paragraphs[0].start,
    end: paragraphs[paragraphs.length - 1].end,
  };
  return { articles: [article], dropped };
}

/** Longest line that may head a section (申请条件, 一次性创业补贴的申请材料). */
const HEADING_MAX = 16;

/**
 * A short Chinese line that heads what follows: no sentence punctuation or comma, no table cell, and no figure
 * but its numbering (so not 2026年2月 or 早餐：6:30—8:30); a colon only at its end (申请条件：, not
 * 收费标准：不收费). 'item' when numbered 1．/（1）(1．游泳馆), 'plain' when not numbered, else null.
 */
export function shortHeading(text: string): 'item' | 'plain' | null {
  const t = text.trim();
  if (t.length > HEADING_MAX || /[。！？；;!?，,、|│]/.test(t)) return null;
  const words = t.replace(ITEM_NUMBER, '').trim();
  if (!words || /\d/.test(words) || /[：:]/.test(words.replace(/[：:]$/, ''))) return null;
  if (!/\p{Script=Han}/u.test(words)) return null;
  return words === t ? 'plain' : 'item';
}

/**
 * The heading levels of a document's blocks, where a line that would head a section stands beside no sibling
 * of its level: lines that do (1．身份证 / 2．户口簿, a 公示's list of names) are a list, its items body text
 * read together, not sections of one line each.
 */
export function loneHeadings(blocks: readonly Block[], levelOf: (block: Block) => number | null): Map<Block, number> {
  const levels = blocks.map(levelOf);
  const headings = new Map<Block, number>();
  levels.forEach((level, i) => {
    if (level !== null && levels[i - 1] !== level && levels[i + 1] !== level) headings.set(blocks[i], level);
  });
  return headings;
}

/** The file name without folders and extension: the title of last resort. */
export function nameTitle(doc: ReadDocument): string {
  const base = doc.url ? decodeURIComponent(doc.url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? doc.url) : doc.id.split('/').pop() ?? doc.id;
  return base.replace(/\.[^.]+$/, '') || doc.id;
}

/** Han characters are under 5% of the letters: an English (or other Latin-script) document. */
export function isLatinText(text: string): boolean {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return latin > 0 && han < latin * 0.05;
}

const DOC_TYPE = /(通知|公告|通告|办法|规定|意见|方案|细则|指南|决定|批复|条例|须知|公示|告知书|实施|notice|guide|announcement)/i;

/**
 * The document's title and the blocks it was read from: the reader's title (HTML <title>, DOCX
 * properties) when it has one, else the first level-1/2 heading, else the leading short lines before
 * the body (the one naming a document type, 关于…的通知, wins), else the file name.
 */
export function chooseTitle(doc: ReadDocument, opening: (block: Block) => boolean): { title: string; blocks: Set<Block> } {
  const body = doc.blocks.filter((b) => BODY_KINDS.has(b.kind));
  const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  if (doc.title) {
    const first = body.slice(0, 5).find((b) => same(b.text, doc.title!));
    return { title: doc.title, blocks: new Set(first ? [first] : []) };
  }
  const heading = body.slice(0, 5).find((b) => b.kind === 'heading' && (b.level ?? 9) <= 2);
  if (heading && body.indexOf(heading) <= 2) return { title: heading.text, blocks: new Set([heading]) };
  const lead: Block[] = [];
  for (const b of body) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') break;
    if (!opening(b)) break;
    lead.push(b);
  }
  const pick = lead.find((b) => DOC_TYPE.test(b.text)) ?? lead[0];
  if (pick) return { title: pick.text, blocks: new Set([pick]) };
  return { title: nameTitle(doc), blocks: new Set() };
}

/** A short line that does not end a sentence (a title or heading line, not prose). */
export function looksLikeTitleLine(text: string, max = 60): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= max && !/[。！？；.!?;:：,，]$/.test(t) && !/[。！？]/.test(t);
}
