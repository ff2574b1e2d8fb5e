// Plain text that is not a newspaper page: English notices and anything no other kind accepts.
// Lines form paragraphs up to a blank line; a short stand-alone line without digits (but for a numbering,
// "5. Paying bills") opens a section — also one a paragraph follows on the next line ("Who must be insured").
import type { Block, ReadDocument } from '../model.js';
import { chooseTitle, isLatinText, looksLikeTitleLine, splitSections } from './sections.js';
import type { Splitter } from './splitter.js';
import { startsField } from '../../text/normalize.js';

/** A line without its numbering and bracketed notes ("5. Paying bills" → "Paying bills"): what may not hold a figure. */
function withoutNumbering(text: string): string {
  return text.trim().replace(/^\d{1,2}[.)]\s+/, '').replace(/\([^)]*\)/g, '');
}

/**
 * A line that heads what follows: short, no sentence end and no colon (not "Sunday: 10 am to 4 pm"),
 * capitalised, no figure but its numbering and a bracketed note ("5. Paying bills", "6. Emergencies (24 hours)",
 * "Who must be insured").
 */
function headingLine(text: string): boolean {
  const t = text.trim();
  const words = withoutNumbering(t);
  return looksLikeTitleLine(t, 60) && !/[:：]/.test(t) && /^[A-Z]/.test(words) && !/\d/.test(words) && words.split(/\s+/).length <= 8;
}

/**
 * The name line of a directory entry: a capitalised line without figures or a colon, up to 80 characters,
 * that field lines follow ("Linxi First People's Hospital — International Medical Services Centre" /
 * "Address: 5th floor, …" / "Appointments: …"). It heads its fields as a section does.
 */
function entryName(text: string, next: string): boolean {
  const t = text.trim();
  return looksLikeTitleLine(t, 80) && !/[:：]/.test(t) && /^[A-Z]/.test(t) && !/\d/.test(t) && t.split(/\s+/).length <= 12 && startsField(next);
}

/**
 * Lines not separated by a blank line form one paragraph (hard-wrapped prose, a list of hours) — except
 * a heading line, which stays a line of its own when prose follows it directly.
 */
function paragraphs(doc: ReadDocument): Block[] {
  const out: Block[] = [];
  for (const b of doc.blocks) {
    const prev = out[out.length - 1];
    const headed = prev && !prev.text.includes('\n') && (headingLine(prev.text) || entryName(prev.text, b.text)) && !headingLine(b.text);
    const sameParagraph = prev && !headed && prev.kind === 'paragraph' && b.kind === 'paragraph' && !/\n[ \t\u3000]*\n/.test(doc.text.slice(prev.end, b.start));
    if (sameParagraph) out[out.length - 1] = { ...prev, end: b.end, text: doc.text.slice(prev.start, b.end) };
    else out.push({ ...b });
  }
  return out;
}

export const plainSplitter: Splitter = {
  kind: 'plain',
  version: 'plain-v3',
  accepts: (doc) => (doc.format === 'txt' || doc.format === 'md') && isLatinText(doc.text),
  split(doc) {
    const merged = { ...doc, blocks: paragraphs(doc) };
    const titleLine = (b: Block) => looksLikeTitleLine(b.text, 80) && !b.text.includes('\n');
    const { title, blocks } = chooseTitle(merged, titleLine);
    const standalone = (b: Block) => (titleLine(b) && !/\d/.test(withoutNumbering(b.text)) ? 2 : null);
    return splitSections(merged, { title, titleBlocks: blocks, headingLevel: standalone });
  },
};

/** The last entry of the table: any document at all, split the same way. */
export const fallbackSplitter: typeof plainSplitter = { ...plainSplitter, kind: 'plain', accepts: () => true };
