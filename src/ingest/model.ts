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
  | 'table-row' // a table's header line or one of its rows, cells joined by " | " (see tableLineBlocks)
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
  /** Web pages: the blocks read from one <table> share it (a page's content finder may keep only part of one). */
  table?: number;
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

/**
 * A table as text lines, as .txt and Markdown tables are written: the header line ("年龄 | 每餐补贴") then one
 * line per row ("80周岁以上 | 5元"). The chunker keeps the header with every part of the table and the
 * answerer reads each row with its column names (src/text/tables.ts). An empty cell is written "—" (a line
 * must keep its cell count), a "|" inside a cell "｜".
 */
export function tableLineBlocks(header: string[] | null, rows: string[][]): BlockInput[] {
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  if (width < 2) return rows.map((r) => ({ kind: 'paragraph' as const, text: r.join(' ') })).filter((b) => b.text.trim());
  const line = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i]?.replace(/\s+/g, ' ').trim().replace(/\|/g, '｜') || '—').join(' | ');
  const out: BlockInput[] = [];
  if (header) out.push({ kind: 'table-row', text: line(header), header });
  for (const row of rows) if (row.some((c) => c.trim())) out.push({ kind: 'table-row', text: line(row), ...(header ? { header } : {}) });
  return out;
}
