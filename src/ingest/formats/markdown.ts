// Markdown (.md): marked (CommonMark + GitHub tables) renders the file to HTML, which is read into blocks
// like a Word file's HTML: headings with their level, paragraphs, list items. Inline markup (**bold**,
// `code`, [links](…), > quotes) is gone from the text that is indexed and quoted. A table stays one line
// per row, cells joined by " | " under its header line, as .txt tables are written: the chunker and the
// answerer read such rows with their column names (src/text/tables.ts). A line break inside a Chinese
// paragraph joins the characters it separates; one between Latin words is a space. Title: the first
// top-level heading; date: the first one the text states.
import { Marked, type Token, type Tokens } from 'marked';
import { parseHTML } from 'linkedom';
import { findDate } from '../dates.js';
import { domBlocks, type DomNode } from './dom.js';
import { decodeText, looksBinary } from './text.js';
import type { FormatReader, ReaderInput } from './reader.js';

/** A soft line break between two characters of Chinese text (or its punctuation). */
const CJK_BREAK = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])[ \t]*\n[ \t]*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu;

function joinChineseLines(token: Token): void {
  if (token.type === 'text' && 'text' in token && typeof token.text === 'string' && !('tokens' in token && token.tokens?.length)) token.text = token.text.replace(CJK_BREAK, '$1');
}

const markdown = new Marked({
  gfm: true,
  walkTokens: joinChineseLines,
  renderer: {
    // One paragraph per row, "cell | cell" (a "|" inside a cell becomes "｜", so cells stay apart).
    table(this: { parser: { parseInline(tokens: Token[]): string } }, table: Tokens.Table): string {
      const line = (cells: Tokens.TableCell[]) => `<p>${cells.map((c) => this.parser.parseInline(c.tokens).replace(/\|/g, '｜')).join(' | ')}</p>`;
      return [line(table.header), ...table.rows.map(line)].join('\n');
    },
  },
});

/** The Markdown source as HTML (raw HTML in the file passes through and is read like a page's). */
export function markdownHtml(source: string): string {
  return markdown.parse(source, { async: false }) as string;
}

async function readMarkdown(input: ReaderInput) {
  if (looksBinary(input.bytes)) return { reason: 'binary file' };
  const decoded = decodeText(input.bytes);
  if (!decoded) return { reason: 'not UTF-8 or GB18030 text' };
  if (decoded.text.trim() === '') return { reason: 'empty file' };
  const blocks = domBlocks(parseHTML(`<html><body>${markdownHtml(decoded.text)}</body></html>`).document.body as unknown as DomNode);
  if (!blocks.length) return { reason: 'no text in the file' };
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text;
  const date = findDate(blocks);
  return { format: 'md', encoding: decoded.encoding, blocks, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

export const markdownReader: FormatReader = {
  format: 'md',
  version: 'marked-v1',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown'],
  read: readMarkdown,
};
