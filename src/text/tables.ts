// Tables written as text: one row a line, cells joined by " | " (how .txt documents write them, and
// Markdown's "| a | b |" with its "|---|---|" rule). A row is a sentence of its own, read with its
// table's header row (the column names): "东城区 | 每月每平方米11.2元" under "区域 | 租金标准" says
// 区域 东城区, 租金标准 每月每平方米11.2元. Prose lines pass through untouched.

export interface TableRow {
  /** The row's cells as written. */
  cells: string[];
  /** Its table's column names (null when the table has no header row). */
  header: string[] | null;
}

/** A run of text lines: prose, a table's header row, a Markdown rule line, or a data row. */
export type TextLine =
  | { kind: 'prose'; text: string }
  | { kind: 'header'; text: string; cells: string[] }
  | { kind: 'rule'; text: string }
  | { kind: 'row'; text: string; row: TableRow };

const RULE_CELL = /^:?-{2,}:?$/;
/** Columns that only number the rows (序号 1, 2, 3): no reader asks for them. */
const SERIAL = /^(序号|编号|No\.?|#|Nr\.?)$/i;

/** The cells of a table line, or null when the line is not one (needs " | " or Markdown's leading "|"). */
export function tableCells(line: string): string[] | null {
  const t = line.trim();
  const markdown = /^\|.*\|$/.test(t) && t.length > 2;
  if (!markdown && !/\s\|\s/.test(t)) return null;
  const inner = markdown ? t.slice(1, -1) : t;
  const cells = inner.split('|').map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

/**
 * A cell without what a column name may hold besides words: a year (2026年标准), a time of day or a
 * qualifier in brackets (白天（8:00—20:00）). A cell with any other figure is data.
 */
function columnWords(cell: string): string {
  return cell.replace(/[（(][^（）()]*[）)]/g, '').replace(/(19|20)\d{2}\s*年?度?/g, '').replace(/\d{1,2}\s*[:：]\s*\d{2}/g, '');
}

/**
 * The first line of a table is its header when it names columns: no cell states a figure (a year as
 * a column name is allowed: "类别 | 2025年 | 2026年标准"), and rows follow — or a Markdown rule follows it.
 */
function isHeader(cells: string[], next: string[] | undefined): boolean {
  if (!next) return false;
  if (next.every((c) => RULE_CELL.test(c))) return true;
  return cells.every((c) => !/\d/.test(columnWords(c))) && cells.some((c) => /\p{L}/u.test(columnWords(c)));
}

/**
 * Lines classified, tables recognised: two or more consecutive table lines form one table, whose first
 * line is its header when it names columns (a single line with a "|" in it is prose: "Updated: 20 April
 * | Source: …"). Each row carries the index of its table's header line (null without one).
 */
export function classifyLines(lines: readonly string[]): ({ kind: 'prose' } | { kind: 'rule' } | { kind: 'header'; cells: string[] } | { kind: 'row'; cells: string[]; header: number | null })[] {
  const cells = lines.map(tableCells);
  // Lines of one table have as many cells as each other (two tables may follow each other directly).
  const joins = (i: number) => i > 0 && !!cells[i] && !!cells[i - 1] && cells[i]!.length === cells[i - 1]!.length;
  const out: ReturnType<typeof classifyLines> = [];
  let header: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const row = cells[i];
    const inTable = joins(i) || joins(i + 1);
    if (!row || !inTable) {
      out.push({ kind: 'prose' });
      continue;
    }
    if (row.every((c) => RULE_CELL.test(c) || c === '')) {
      out.push({ kind: 'rule' });
      continue;
    }
    if (!joins(i)) {
      // The first line of a table.
      header = null;
      if (isHeader(row, joins(i + 1) ? cells[i + 1]! : undefined)) {
        header = i;
        out.push({ kind: 'header', cells: row });
        continue;
      }
    }
    out.push({ kind: 'row', cells: row, header });
  }
  return out;
}

/** A text's lines, tables recognised (see classifyLines), each with its text as written. */
export function readLines(text: string): TextLine[] {
  const lines = text.split('\n');
  const classified = classifyLines(lines);
  const headerCells = (at: number | null) => {
    const line = at === null ? null : classified[at];
    return line?.kind === 'header' ? line.cells : null;
  };
  return classified.map((c, i) => {
    const line = lines[i];
    if (c.kind === 'row') return { kind: 'row', text: line, row: { cells: c.cells, header: headerCells(c.header) } };
    if (c.kind === 'header') return { kind: 'header', text: line, cells: c.cells };
    return { kind: c.kind, text: line };
  });
}

/**
 * A row's cells and column names are in a Latin script — no Chinese or Japanese characters or full-width punctuation —:
 * it is written with English punctuation. (Not ASCII alone: "Tuesday–Sunday 10:00–18:00", "Café" are English.)
 */
export function isLatinRow(pairs: readonly { name: string; cell: string }[]): boolean {
  const text = pairs.map((p) => p.name + p.cell).join('');
  return /^[\x00-\x7f]*$/.test(text) || (/[A-Za-z]/.test(text) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(text));
}

/** One cell under its column name ("租金标准：每月每平方米11.2元", "Hours: 9:00–17:00"), or the cell alone. */
export function pairText(pair: { name: string; cell: string }, latin: boolean): string {
  return pair.name && pair.name !== pair.cell ? `${pair.name}${latin ? ': ' : '：'}${pair.cell}` : pair.cell;
}

/** The pair that names the row: its first cell (after any serial number) that is not a bare number and not the last. */
export function rowLabel(pairs: readonly { name: string; cell: string }[]): { name: string; cell: string } | undefined {
  return pairs.find((p, i) => i < pairs.length - 1 && !/^\d+$/.test(p.cell));
}

/** The pairs of a row: each cell with its column name (serial-number columns and empty cells left out). */
export function rowPairs(row: TableRow): { name: string; cell: string }[] {
  return row.cells
    .map((cell, i) => ({ name: row.header?.[i]?.trim() ?? '', cell: cell.trim() }))
    .filter((p) => p.cell && !SERIAL.test(p.name) && p.cell !== '-' && p.cell !== '—');
}

/**
 * A row as a reader understands it: each cell after its column name ("区域：东城区；租金标准：每月每平方米11.2元";
 * "Venue: Library; Hours: 9:00–17:00"). Without a header, the cells as written, joined by " | ".
 */
export function rowText(row: TableRow): string {
  const pairs = rowPairs(row);
  if (!row.header) return pairs.map((p) => p.cell).join(' | ');
  const latin = isLatinRow(pairs);
  return pairs.map((p) => pairText(p, latin)).join(latin ? '; ' : '；');
}
