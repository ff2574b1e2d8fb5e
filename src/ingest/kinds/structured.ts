// Heading-structured documents (Markdown, web pages, Word files): the title from the file's own
// metadata or its first heading, sections under their headings, tables as rows with their header.
import { chooseTitle, looksLikeTitleLine, splitSections } from './sections.js';
import type { Splitter } from './splitter.js';

export const structuredSplitter: Splitter = {
  kind: 'structured',
  version: 'structured-v1',
  accepts: (doc) => doc.format !== 'txt' && (doc.format !== 'md' || doc.blocks.some((b) => b.kind === 'heading')),
  split(doc) {
    const { title, blocks } = chooseTitle(doc, (b) => b.kind === 'heading' || looksLikeTitleLine(b.text));
    return splitSections(doc, { title, titleBlocks: blocks });
  },
};
