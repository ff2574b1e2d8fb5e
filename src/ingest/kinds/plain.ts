// Plain text that is not a newspaper page: English notices and anything no other kind accepts.
// Lines form paragraphs up to a blank line; a short stand-alone line without digits opens a section.
import type { Block, ReadDocument } from '../model.js';
import { chooseTitle, isLatinText, looksLikeTitleLine, splitSections } from './sections.js';
import type { Splitter } from './splitter.js';

/** Lines not separated by a blank line form one paragraph (hard-wrapped prose, a list of hours). */
function paragraphs(doc: ReadDocument): Block[] {
  const out: Block[] = [];
  for (const b of doc.blocks) {
    const prev = out[out.length - 1];
    const sameParagraph = prev && prev.kind === 'paragraph' && b.kind === 'paragraph' && !/\n[ \t\u3000]*\n/.test(doc.text.slice(prev.end, b.start));
    if (sameParagraph) out[out.length - 1] = { ...prev, end: b.end, text: doc.text.slice(prev.start, b.end) };
    else out.push({ ...b });
  }
  return out;
}

export const plainSplitter: Splitter = {
  kind: 'plain',
  version: 'plain-v1',
  accepts: (doc) => (doc.format === 'txt' || doc.format === 'md') && isLatinText(doc.text),
  split(doc) {
    const merged = { ...doc, blocks: paragraphs(doc) };
    const titleLine = (b: Block) => looksLikeTitleLine(b.text, 80) && !b.text.includes('\n');
    const { title, blocks } = chooseTitle(merged, titleLine);
    const standalone = (b: Block) => (titleLine(b) && !/\d/.test(b.text) ? 2 : null);
    return splitSections(merged, { title, titleBlocks: blocks, headingLevel: standalone });
  },
};

/** The last entry of the table: any document at all, split the same way. */
export const fallbackSplitter: typeof plainSplitter = { ...plainSplitter, kind: 'plain', accepts: () => true };
