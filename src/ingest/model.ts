// The document model every reader produces and every splitter consumes.
//
//   reader (one per format) : bytes → DocumentDraft { title?, date?, url?, blocks[] }
//   layout                  : blocks → ReadDocument { text, blocks with offsets into text }
//   splitter (one per kind) : ReadDocument → { articles, dropped }
//
// Blocks carry their role, so nothing a reader saw is lost silently: body blocks end up in chunks,
// the rest (navigation, captions, editor lines) is dropped with a reason the operator can read.
import type { Article, DocumentMeta, SourceDocument } from '../ports.js';

export type BlockKind =
  | 'heading' // a title or section heading, with its level (1 = document title level)
  | 'paragraph'
  | 'list-item'
  | 'table-row' // one row of a table, rendered as a sentence that keeps its header
  | 'caption' // photo or figure caption
  | 'byline' // author / editor / sign-off of a person
  | 'boilerplate'; // navigation, breadcrumbs, footers, share buttons

export interface Block {
  kind: BlockKind;
  text: string;
  level?: number;
  /** table-row only: the header cells this row was read with. */
  header?: string[];
  /** Why a non-body block is not indexed (navigation, footer, …). */
  reason?: string;
  /** Offsets in ReadDocument.text (set by layout). */
  start: number;
  end: number;
}

export type BlockInput = Omit<Block, 'start' | 'end'>;

/** What a format reader returns: blocks in reading order plus whatever metadata the file states. */
export interface DocumentDraft {
  format: string;
  blocks: BlockInput[];
  title?: string;
  /** Publication date as YYYY-MM-DD, when the file states one. */
  date?: string;
  /** Text the reader had to decode: 'utf-8', 'gb18030', 'binary' (pdf/docx). */
  encoding: string;
  /** When the reader keeps the original text (txt/md), splitters that work on lines can use it. */
  text?: string;
}

/** A document after reading: the SourceDocument the splitters see, plus its blocks and metadata. */
export interface ReadDocument extends SourceDocument, DocumentMeta {
  format: string;
  blocks: Block[];
}

/** A block (or line) that is not indexed, and why. */
export interface Dropped {
  text: string;
  reason: string;
}

export interface SplitResult {
  articles: Article[];
  dropped: Dropped[];
}

/** Body blocks are indexed; the others are dropped with a reason. */
export const BODY_KINDS: ReadonlySet<BlockKind> = new Set(['heading', 'paragraph', 'list-item', 'table-row']);

/**
 * Lays blocks out as one text (blocks separated by a blank line) and records each block's offsets.
 * When the reader kept the original text, blocks are located in it instead, so offsets point at the file.
 */
export function layoutBlocks(blocks: BlockInput[]): { text: string; blocks: Block[] } {
  const out: Block[] = [];
  let text = '';
  for (const b of blocks) {
    const clean = b.text.replace(/\s*\n\s*/g, ' ').trim();
    if (!clean) continue;
    if (text) text += '\n\n';
    out.push({ ...b, text: clean, start: text.length, end: text.length + clean.length });
    text += clean;
  }
  return { text, blocks: out };
}

/** A table row as a sentence that keeps its header: "年龄：80周岁以上；每餐补贴：5元". */
export function tableRowText(header: string[], cells: string[]): string {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const pairs = cells.map((c, i) => ({ h: clean(header[i] ?? ''), c: clean(c) })).filter((p) => p.c);
  if (!pairs.length) return '';
  const latin = /^[\x00-\x7f]*$/.test(pairs.map((p) => p.h + p.c).join(''));
  const sep = latin ? ': ' : '：';
  const join = latin ? '; ' : '；';
  // The first column usually names the row ("80周岁以上"): "80周岁以上：每餐补贴5元".
  const [first, ...rest] = pairs;
  if (!rest.length) return first.h && first.h !== first.c ? `${first.h}${sep}${first.c}` : first.c;
  const body = rest.map((p) => (p.h ? (latin ? `${p.h} ${p.c}` : `${p.h}${p.c}`) : p.c)).join(join);
  return `${first.c}${sep}${body}${latin ? '.' : '。'}`;
}
