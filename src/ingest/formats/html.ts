// Web pages (.html/.htm and fetched URLs). The charset comes from the BOM, then the HTTP
// Content-Type, then <meta charset> / <meta http-equiv>; GBK, GB2312 and GB18030 (common on Chinese
// government sites) are decoded with iconv-lite. linkedom parses the page, @mozilla/readability picks
// the main content; what it leaves out (navigation, breadcrumbs, footers) is reported as dropped.
// The title comes without the site suffix ("关于…的通知_某区人民政府" → "关于…的通知").
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { BlockInput } from '../model.js';
import { parseDate } from '../dates.js';
import { boilerplateReason, cleanText, domBlocks, type DomNode } from './dom.js';
import type { FormatReader, ReaderInput } from './reader.js';

function charsetOf(value: string | undefined | null): string | undefined {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(value ?? '');
  return m ? m[1].toLowerCase() : undefined;
}

/** Decodes a page: BOM, then the HTTP header's charset, then <meta>, else UTF-8 (GB18030 when UTF-8 fails). */
export function decodeHtml(bytes: Buffer, contentType?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const head = bytes.subarray(0, 4096).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  let charset = charsetOf(contentType) ?? meta;
  // GB2312 and GBK pages often hold GB18030 characters: decode with the superset.
  if (charset && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset)) charset = 'gb18030';
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) return { text: iconv.decode(bytes, charset), encoding: charset };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** The line under a government page's title: 发布时间：… 来源：… 浏览次数：… 字号：大 中 小 */
const INFO_LINE = /(发布(时间|日期)|来源|浏览(次数)?|点击(数|量)|字号|作者)[:：]/;

const SUFFIX = /\s*(?:[_|｜]|\s[-–—]\s)\s*/;

/** The page title without the site's name: the <h1> when the <title> contains it, else the first part of the <title>. */
export function pageTitle(htmlTitle: string, h1s: string[]): string | undefined {
  const title = cleanText(htmlTitle);
  const squash = (s: string) => s.replace(/\s+/g, '');
  const h1 = h1s.map(cleanText).find((h) => h && title && squash(title).includes(squash(h)));
  if (h1) return h1;
  if (!title) return h1s.map(cleanText).find(Boolean);
  const parts = title.split(SUFFIX).filter(Boolean);
  return parts.length > 1 && parts[0].length >= 4 ? parts[0] : title;
}

const DATE_META = ['article:published_time', 'pubdate', 'publishdate', 'publish_date', 'publishtime', 'firstpublishedtime', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'date', 'og:published_time'];

type Page = ReturnType<typeof parseHTML>['document'];
type Element = { getAttribute(name: string): string | null; textContent: string | null };

function metaDate(document: Page): string | undefined {
  for (const meta of Array.from(document.querySelectorAll('meta')) as Element[]) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    if (DATE_META.includes(key)) {
      const date = parseDate(meta.getAttribute('content') ?? '');
      if (date) return date;
    }
  }
  return undefined;
}

/** Blocks of the main content, and the page's other text as boilerplate with the reason it is not body. */
export function htmlBlocks(html: string): { blocks: BlockInput[]; title?: string; date?: string } {
  const { document } = parseHTML(html);
  const h1s = (Array.from(document.querySelectorAll('h1')) as Element[]).map((h) => h.textContent ?? '');
  const title = pageTitle(document.querySelector('title')?.textContent ?? '', h1s);
  const date = metaDate(document);
  const whole = domBlocks(document.body as unknown as DomNode);
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(parseHTML(html).document as never, { charThreshold: 20 }).parse();
  } catch {
    article = null;
  }
  // Readability may keep a navigation bar next to the content: what the page marks as boilerplate stays out.
  const marked = new Set(whole.filter((b) => b.kind === 'boilerplate').map((b) => b.text));
  const main = (article?.content ? domBlocks(parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode) : []).filter((b) => !marked.has(b.text));
  const mainChars = main.reduce((n, b) => n + b.text.length, 0);
  const bodyChars = whole.filter((b) => b.kind !== 'boilerplate').reduce((n, b) => n + b.text.length, 0);
  // Readability found nothing convincing (a short page): the page minus its marked boilerplate is the content.
  if (!main.length || mainChars < bodyChars * 0.3) return { blocks: whole, ...(title ? { title } : {}), ...(date ? { date } : {}) };
  // Main content in reading order, the rest reported as dropped.
  const kept = withWholeTables(main, whole);
  const inMain = new Set(kept.map((b) => b.text));
  const blocks: BlockInput[] = [];
  let placed = false;
  for (const b of whole) {
    if (inMain.has(b.text) && b.kind !== 'boilerplate') {
      if (!placed) blocks.push(...kept);
      placed = true;
      continue;
    }
    if (b.kind === 'boilerplate') blocks.push(b);
    else if (b.kind === 'heading' && title && cleanText(b.text) === title) blocks.push(b);
    else blocks.push({ ...b, kind: 'boilerplate', reason: b.reason ?? (INFO_LINE.test(b.text) ? 'date and source line (its date is the document\'s date)' : 'outside the main content') });
  }
  if (!placed) blocks.push(...kept);
  return { blocks, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

/**
 * Readability rewrites a small table as <div>s and may keep only its longest row (a 办事指南's 补贴标准 row of
 * its field form): content that is part of a table of the page stands for the whole table, read as the page
 * has it (every row, each "field：value" or cells with their header).
 */
function withWholeTables(main: BlockInput[], whole: BlockInput[]): BlockInput[] {
  const squash = (t: string) => t.replace(/[\s|｜：:]/g, '');
  const tables = new Map<number, BlockInput[]>();
  for (const b of whole) if (b.table !== undefined && b.kind !== 'boilerplate') tables.set(b.table, [...(tables.get(b.table) ?? []), b]);
  const tableText = new Map([...tables].map(([id, rows]) => [id, rows.map((r) => squash(r.text)).join('')]));
  const out: BlockInput[] = [];
  const placed = new Set<number>();
  for (const b of main) {
    const text = squash(b.text);
    const id = b.table === undefined && b.kind === 'paragraph' && text.length >= 8 ? [...tableText].find(([, t]) => t.includes(text))?.[0] : undefined;
    if (id === undefined) out.push(b);
    else if (!placed.has(id)) {
      placed.add(id);
      out.push(...tables.get(id)!);
    }
  }
  return out;
}

async function readHtml(input: ReaderInput) {
  if (input.bytes.length === 0) return { reason: 'empty file' };
  const { text, encoding } = decodeHtml(input.bytes, input.contentType);
  const { blocks, title, date } = htmlBlocks(text);
  if (!blocks.some((b) => b.kind !== 'boilerplate')) return { reason: 'no text in the page (only navigation or boilerplate)' };
  return { format: 'html', encoding, blocks, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}

export const htmlReader: FormatReader = {
  format: 'html',
  // v2: tables as header and row lines ("年龄 | 每餐补贴" / "80周岁以上 | 5元"), as .txt and Markdown tables.
  version: 'table-lines-v3',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  read: readHtml,
};

export { boilerplateReason };
