// Spreadsheets: Excel workbooks (.xlsx, read by read-excel-file) and comma- or tab-separated files (.csv/.tsv,
// parsed by csv-parse). Price lists, recipient lists (公示名单) and schedules are published this way. A sheet is
// read as the tables of the other formats are: the header line ("品类 | 指导价格") then one line a row
// ("废纸 | 1.0元/公斤"), so the answerer reads each row with its column names. Rows with a single filled cell
// above or below a table are its title and notes (2026年第二季度再生资源回收指导价格, 备注：…); every sheet of a
// workbook is a section under its name.
import readXlsxFile from 'read-excel-file/node';
import { parse } from 'csv-parse/sync';
import { tableLineBlocks, type BlockInput } from '../model.js';
import type { FormatReader, ReaderInput, ReaderOutput } from './reader.js';
import { decodeText, looksBinary } from './text.js';

type Cell = string | number | boolean | Date | null | undefined;

/** Most rows read from one sheet (a larger one is cut there, and says so in a closing line). */
export const MAX_SHEET_ROWS = 20_000;

/** A cell as text: dates as YYYY-MM-DD (with the time when it has one), numbers without float noise. */
function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  // (Whole numbers as they are — a phone or account number stored as a number keeps every digit.)
  if (typeof value === 'number') return !Number.isFinite(value) ? '' : Number.isInteger(value) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** Generic sheet names (Sheet1, 工作表1) say nothing about what the sheet holds. */
const GENERIC_SHEET = /^(sheet|工作表|表)\s*\d*$/i;

/**
 * One sheet's rows as blocks: leading single-cell rows are headings (the first the sheet's title), a run of
 * rows with two or more cells is a table under the first of them, and single-cell rows after a table are
 * notes. A row of text cells (no digits) after a note starts a new table; a row with figures continues the
 * last one under its header.
 */
export function sheetBlocks(rows: readonly (readonly Cell[])[], heading?: string): { blocks: BlockInput[]; title?: string } {
  const text = rows.slice(0, MAX_SHEET_ROWS).map((r) => r.map(cellText));
  // Columns empty in every row (a sheet's margin) are no cells.
  const width = Math.max(0, ...text.map((r) => r.length));
  const used = Array.from({ length: width }, (_, c) => text.some((r) => !!r[c]));
  const cells = text.map((r) => r.filter((_, c) => used[c]));
  const blocks: BlockInput[] = [];
  if (heading) blocks.push({ kind: 'heading', level: 2, text: heading });
  let title: string | undefined;
  let header: string[] | null = null;
  let table: string[][] = [];
  let inTable = false;
  const flush = () => {
    if (table.length) blocks.push(...tableLineBlocks(header, table));
    table = [];
  };
  for (const row of cells) {
    const filled = row.filter(Boolean);
    if (!filled.length) continue;
    if (filled.length === 1) {
      flush();
      inTable = false;
      if (!header && !blocks.some((b) => b.kind !== 'heading')) {
        title ??= filled[0];
        blocks.push({ kind: 'heading', level: heading ? 3 : 1, text: filled[0]! });
      } else blocks.push({ kind: 'paragraph', text: filled[0]! });
      continue;
    }
    if (!inTable) {
      inTable = true;
      if (!header || !row.some((c) => /\d/.test(c))) {
        flush();
        header = row;
        continue;
      }
    }
    table.push(row);
  }
  flush();
  if (rows.length > MAX_SHEET_ROWS) blocks.push({ kind: 'paragraph', text: `（此表共${rows.length}行，只读取了前${MAX_SHEET_ROWS}行。）` });
  return { blocks, ...(title ? { title } : {}) };
}

function sheetsOutput(format: string, encoding: string, sheets: { name: string; rows: Cell[][] }[]): ReaderOutput | { reason: string } {
  const filled = sheets.filter((s) => s.rows.some((r) => r.some((c) => cellText(c))));
  if (!filled.length) return { reason: 'empty spreadsheet' };
  const blocks: BlockInput[] = [];
  let title: string | undefined;
  for (const sheet of filled) {
    // A workbook of several sheets: each under its name, unless the name is Excel's default.
    const heading = filled.length > 1 && !GENERIC_SHEET.test(sheet.name.trim()) ? sheet.name.trim() : undefined;
    const read = sheetBlocks(sheet.rows, heading);
    title ??= read.title;
    blocks.push(...read.blocks);
  }
  return { format, encoding, blocks, ...(title ? { title } : {}) };
}

async function readXlsx(input: ReaderInput): Promise<ReaderOutput | { reason: string }> {
  try {
    const sheets = await readXlsxFile(input.bytes);
    return sheetsOutput('xlsx', 'binary', sheets.map((s) => ({ name: s.sheet, rows: s.data as Cell[][] })));
  } catch (error) {
    return { reason: `not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function readCsv(input: ReaderInput): Promise<ReaderOutput | { reason: string }> {
  if (looksBinary(input.bytes)) return { reason: 'binary file' };
  const decoded = decodeText(input.bytes);
  if (!decoded) return { reason: 'not UTF-8 or GB18030 text' };
  if (!decoded.text.trim()) return { reason: 'empty file' };
  // Tab-separated when the first line has tabs and no commas.
  const first = decoded.text.split('\n', 1)[0] ?? '';
  const delimiter = first.includes('\t') && !first.includes(',') ? '\t' : ',';
  try {
    const rows = parse(decoded.text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
    return sheetsOutput('csv', decoded.encoding, [{ name: '', rows }]);
  } catch (error) {
    return { reason: `not a readable CSV file (${error instanceof Error ? error.message : String(error)})` };
  }
}

export const xlsxReader: FormatReader = {
  format: 'xlsx',
  version: 'sheet-tables-v1',
  extensions: ['.xlsx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  read: readXlsx,
};

export const csvReader: FormatReader = {
  format: 'csv',
  version: 'sheet-tables-v1',
  extensions: ['.csv', '.tsv'],
  mediaTypes: ['text/csv', 'text/tab-separated-values'],
  read: readCsv,
};
