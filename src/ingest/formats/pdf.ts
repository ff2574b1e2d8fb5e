// PDF files through unpdf (pdf.js): text items with their positions are grouped into lines; lines
// in a larger font are headings; consecutive lines that break mid-sentence are joined into
// paragraphs; runs of lines split into the same number (≥ 2) of cells by wide gaps are a table,
// whose rows keep the first line as header. A PDF without a text layer (a scan) is rejected.
import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import type { StructuredTextItem } from 'unpdf';
import { endsSentence } from '../../text/normalize.js';
import { tableLineBlocks, type BlockInput } from '../model.js';
import { findDate, parseDate } from '../dates.js';
import type { FormatReader, ReaderInput } from './reader.js';

export const NO_TEXT_LAYER = 'no text layer — scanned PDF, OCR is not supported';

interface Line {
  cells: string[];
  text: string;
  y: number;
  size: number;
  page: number;
}

/** Items of one page into lines (top to bottom), each split into cells at gaps wider than ~half a character. */
function pageLines(items: StructuredTextItem[], page: number): Line[] {
  const rows: StructuredTextItem[][] = [];
  for (const it of items) {
    if (!it.str && !it.hasEOL) continue;
    const row = rows.find((r) => Math.abs(r[0].y - it.y) <= Math.max(2, (r[0].fontSize || it.fontSize) * 0.4));
    if (row) row.push(it);
    else rows.push([it]);
  }
  rows.sort((a, b) => b[0].y - a[0].y);
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const cells: string[] = [];
    let cur = '';
    let end: number | null = null;
    let size = 0;
    for (const it of row) {
      const gap = end === null ? 0 : it.x - end;
      const em = it.fontSize || 10;
      const wide = /^\s+$/.test(it.str) ? it.width >= em * 0.45 : gap >= em * 0.45;
      if (wide && cur.trim()) {
        cells.push(cur.trim());
        cur = '';
      }
      if (!/^\s+$/.test(it.str)) {
        // A narrow gap between Latin words is a space; between Han characters it is nothing.
        if (cur && gap > em * 0.15 && /[A-Za-z0-9]$/.test(cur) && /^[A-Za-z0-9]/.test(it.str)) cur += ' ';
        cur += it.str;
        size = Math.max(size, it.height || it.fontSize);
      } else if (!wide && cur) cur += ' ';
      end = it.x + it.width;
    }
    if (cur.trim()) cells.push(cur.trim());
    if (!cells.length) continue;
    lines.push({ cells, text: cells.join(' '), y: row[0].y, size, page });
  }
  return lines;
}

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．)]|第[一二三四五六七八九十百零]+[章节条])/;

/** Lines into blocks: tables, headings (larger font), paragraphs (lines joined until a sentence ends). */
export function linesToBlocks(lines: Line[]): BlockInput[] {
  const sizes = lines.map((l) => Math.round(l.size)).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const blocks: BlockInput[] = [];
  let para: Line[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: joinLines(para.map((l) => l.text)) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A table: this line and the next ones have the same number (≥ 2) of cells.
    let j = i;
    while (j + 1 < lines.length && line.cells.length >= 2 && lines[j + 1].cells.length === line.cells.length) j++;
    if (j > i) {
      flush();
      blocks.push(...tableLineBlocks(line.cells, lines.slice(i + 1, j + 1).map((row) => row.cells)));
      i = j;
      continue;
    }
    if (body && line.size >= body * 1.2 && line.text.length <= 80) {
      flush();
      blocks.push({ kind: 'heading', level: line.size >= body * 1.6 ? 1 : 2, text: line.text });
      continue;
    }
    const prev = para[para.length - 1];
    const gap = prev && prev.page === line.page ? prev.y - line.y : 0;
    const newParagraph = !prev || endsSentence(prev.text) || /[：:]$/.test(prev.text) || NUMBERED.test(line.text) || gap > line.size * 2.2 || prev.page !== line.page && endsSentence(prev.text);
    if (newParagraph) flush();
    para.push(line);
  }
  flush();
  return blocks;
}

/** Joins wrapped lines: Han text runs on without a space, Latin words get one. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, l) => (!acc ? l : /[\p{Script=Han}，。；：、）」”]$/u.test(acc) || /^[\p{Script=Han}，。；：、（「“]/u.test(l) ? acc + l : `${acc} ${l}`), '');
}

async function readPdf(input: ReaderInput) {
  if (input.bytes.subarray(0, 1024).indexOf('%PDF-') === -1) return { reason: 'not a PDF file (no %PDF- header)' };
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(input.bytes));
  } catch (err) {
    return { reason: `not a readable PDF (${err instanceof Error ? err.message : String(err)})` };
  }
  try {
    const { items } = await extractTextItems(pdf);
    const lines = items.flatMap((pageItems, page) => pageLines(pageItems, page));
    if (!lines.some((l) => /[\p{L}\p{N}]/u.test(l.text))) return { reason: NO_TEXT_LAYER };
    const blocks = linesToBlocks(lines);
    const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    const metaTitle = typeof info.Title === 'string' ? info.Title.trim() : '';
    // Titles like "Microsoft Word - 通知.docx" or a file name say nothing.
    const title = metaTitle && !/\.(docx?|pdf|html?|wps)$/i.test(metaTitle) && !/^(untitled|microsoft word)/i.test(metaTitle) ? metaTitle : undefined;
    const metaDate = typeof info.CreationDate === 'string' ? parseDate(info.CreationDate.replace(/^D:(\d{4})(\d{2})(\d{2}).*/, '$1-$2-$3')) : undefined;
    const date = findDate(blocks) ?? metaDate;
    return { format: 'pdf', encoding: 'binary', blocks, ...(title ? { title } : {}), ...(date ? { date } : {}) };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

export const pdfReader: FormatReader = {
  format: 'pdf',
  // v2: tables as header and row lines ("年龄 | 每餐补贴" / "80周岁以上 | 5元"), as .txt and Markdown tables.
  version: 'table-lines-v2',
  extensions: ['.pdf'],
  mediaTypes: ['application/pdf'],
  read: readPdf,
};
