// Blocks from an HTML DOM (web pages, and Word files through mammoth's HTML): headings with their
// level, paragraphs (a <br> ends one), list items, tables as a header line and row lines (cells joined by " | "),
// captions; navigation, headers, footers and share bars as boilerplate with a reason.
import type { BlockInput } from '../model.js';
import { tableLineBlocks } from '../model.js';

/** The slice of the DOM API the walker uses (linkedom's nodes provide it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'select', 'button', 'input', 'head', 'title', 'meta', 'link']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'caption',
]);
const BOILERPLATE_TAGS: Record<string, string> = { nav: 'navigation', header: 'page header', footer: 'page footer', aside: 'sidebar' };
const BOILERPLATE_NAMES: [RegExp, string][] = [
  [/bread|crumb|position|location|curpos|weizhi/i, 'breadcrumbs'],
  [/footer|copyright|foot\b|bottom/i, 'page footer'],
  [/\bnav|menu|topbar|toolbar/i, 'navigation'],
  [/share|social|print|fontsize|zihao/i, 'share or print buttons'],
  [/sidebar|related|recommend|hot-?news/i, 'sidebar'],
];

const name = (n: DomNode) => n.nodeName.toLowerCase();

export function cleanText(s: string): string {
  return s.replace(/[\u00a0\u2002\u2003\u2009\u200b\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Why an element is boilerplate (by its tag, class or id), or null for content. */
export function boilerplateReason(node: DomNode): string | null {
  const tag = name(node);
  if (BOILERPLATE_TAGS[tag]) return BOILERPLATE_TAGS[tag];
  const label = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''} ${node.getAttribute?.('role') ?? ''}`;
  if (!label.trim()) return null;
  for (const [re, reason] of BOILERPLATE_NAMES) if (re.test(label)) return reason;
  return null;
}

function cellsOf(row: DomNode): { cells: string[]; th: boolean; label: boolean } {
  const cells: string[] = [];
  const tags: string[] = [];
  for (const c of Array.from(row.childNodes)) {
    const tag = name(c);
    if (tag !== 'td' && tag !== 'th') continue;
    tags.push(tag);
    cells.push(cleanText(c.textContent ?? ''));
  }
  // th: a header row; label: a row that names its field in its first cell (<th>事项名称</th><td>…</td>).
  return { cells, th: tags.length > 0 && tags.every((t) => t === 'th'), label: tags.length > 1 && tags[0] === 'th' && tags.slice(1).every((t) => t === 'td') };
}

/** An element holding table rows itself: a table Readability rewrote as a <div> (it keeps the rows). */
function holdsRows(node: DomNode): boolean {
  return Array.from(node.childNodes).some((c) => /^(tr|thead|tbody|tfoot)$/.test(name(c)));
}

function rowsOf(node: DomNode, out: DomNode[] = []): DomNode[] {
  for (const c of Array.from(node.childNodes)) {
    const tag = name(c);
    if (tag === 'tr') out.push(c);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rowsOf(c, out);
  }
  return out;
}

/** Cells holding headings, lists or tables (or long prose): the table lays out a page, it holds no data. */
function isLayoutTable(table: DomNode): boolean {
  for (const row of rowsOf(table)) {
    for (const cell of Array.from(row.childNodes)) {
      const tag = name(cell);
      if (tag !== 'td' && tag !== 'th') continue;
      // A paragraph in a cell is still data (Word puts every cell's text in a <p>); a heading or a table inside is layout.
      if (Array.from(cell.childNodes).some((c) => c.nodeType === 1 && /^(table|h[1-6]|ul|ol|form)$/.test(name(c)))) return true;
      if (cleanText(cell.textContent ?? '').length > 200) return true;
    }
  }
  return false;
}

/** A table as its header line and row lines ("年龄 | 每餐补贴", "80周岁以上 | 5元"). A layout table is read as the content it holds. */
function tableBlocks(table: DomNode, out: BlockInput[]): void {
  if (isLayoutTable(table)) {
    for (const row of rowsOf(table)) {
      for (const cell of Array.from(row.childNodes)) {
        if (name(cell) !== 'td' && name(cell) !== 'th') continue;
        const reason = boilerplateReason(cell);
        const text = cleanText(cell.textContent ?? '');
        if (reason && text) out.push({ kind: 'boilerplate', text, reason });
        else if (!reason) domBlocks(cell, out);
      }
    }
    return;
  }
  const rows = rowsOf(table).map(cellsOf).filter((r) => r.cells.some(Boolean));
  for (const c of Array.from(table.childNodes)) if (name(c) === 'caption') out.push({ kind: 'paragraph', text: cleanText(c.textContent ?? '') });
  if (!rows.length) return;
  // The table's id: where its first block lands in this walk's output (unique within a page).
  const from = out.length;
  tableRows(rows, out);
  for (let i = from; i < out.length; i++) out[i] = { ...out[i], table: from };
}

function tableRows(rows: ReturnType<typeof cellsOf>[], out: BlockInput[]): void {
  // A form of fields (办事指南: 事项名称 | …, 办理时限 | 20个工作日): each row is its field and value, read as a
  // "field：value" line — the first row is no header for the rest.
  if (rows.every((r) => r.label)) {
    for (const r of rows) out.push({ kind: 'paragraph', text: `${r.cells[0]}：${r.cells.slice(1).filter(Boolean).join(' ')}` });
    return;
  }
  // The header: a row of <th>, else a first row without figures when more rows follow.
  const first = rows[0];
  const hasHeader = first.th || (rows.length > 1 && first.cells.every((c) => !/\d/.test(c)));
  if (hasHeader && rows.length === 1) {
    out.push({ kind: 'paragraph', text: first.cells.join(' ') });
    return;
  }
  out.push(...tableLineBlocks(hasHeader ? first.cells : null, (hasHeader ? rows.slice(1) : rows).map((r) => r.cells)));
}

/** Walks a DOM subtree into blocks in reading order. */
export function domBlocks(root: DomNode, out: BlockInput[] = []): BlockInput[] {
  let inline: string[] = [];
  const flush = () => {
    const text = cleanText(inline.join(''));
    if (text) out.push({ kind: 'paragraph', text });
    inline = [];
  };
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 3) {
      inline.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = name(node);
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (!BLOCK.has(tag)) {
      // Inline element: its text joins the current paragraph (unless it hides a block inside).
      if (Array.from(node.childNodes).some((c) => c.nodeType === 1 && BLOCK.has(name(c)))) {
        flush();
        domBlocks(node, out);
      } else inline.push(inlineText(node));
      continue;
    }
    flush();
    const reason = boilerplateReason(node);
    if (reason) {
      const text = cleanText(node.textContent ?? '');
      if (text) out.push({ kind: 'boilerplate', text, reason });
      continue;
    }
    if (/^h[1-6]$/.test(tag)) {
      const text = cleanText(node.textContent ?? '');
      if (text) out.push({ kind: 'heading', level: Number(tag[1]), text });
    } else if (tag === 'table' || holdsRows(node)) tableBlocks(node, out);
    else if (tag === 'figcaption') {
      const text = cleanText(node.textContent ?? '');
      if (text) out.push({ kind: 'caption', text, reason: 'figure caption' });
    } else if (tag === 'li') {
      const before = out.length;
      domBlocks(node, out);
      // The li's own text is one item; nested lists keep their own items.
      for (let i = before; i < out.length; i++) if (out[i].kind === 'paragraph') out[i] = { ...out[i], kind: 'list-item' };
    } else if (tag !== 'hr') domBlocks(node, out);
  }
  flush();
  return out;
}

function inlineText(node: DomNode): string {
  let s = '';
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === 3) s += c.textContent ?? '';
    else if (c.nodeType === 1 && !SKIP.has(name(c))) s += name(c) === 'br' ? ' ' : inlineText(c);
  }
  return s;
}
