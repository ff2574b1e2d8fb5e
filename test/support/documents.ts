// Test documents made at test time, in every format ingest reads: a PDF printed by Debian's headless
// Chromium (fonts-wqy-zenhei for Chinese glyphs; scripts/system-deps.sh installs both), a DOCX zipped
// from its XML parts, an Excel workbook, a GBK web page with navigation and a table, an English Markdown notice.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import writeExcelFile from 'write-excel-file/node';

const run = promisify(execFile);

/** The print style of the dev sets' Chinese notices printed to PDF by each set's build.ts: a CJK font, a centred title, ruled tables. */
export const NOTICE_PRINT_STYLE = `body{font-family:"WenQuanYi Zen Hei",sans-serif;font-size:14px;line-height:1.7;margin:40px;} h1{font-size:20px;text-align:center;} table{border-collapse:collapse;} td,th{border:1px solid #000;padding:4px 8px;}`;

/** Prints `html` to a PDF with a real text layer. */
export async function printPdf(html: string, out: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  try {
    const src = path.join(dir, 'page.html');
    fs.writeFileSync(src, html);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--user-data-dir=${path.join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, src];
    await run('chromium', args, { timeout: 60_000 });
    if (!fs.existsSync(out)) throw new Error(`chromium wrote no PDF to ${out}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type DocxPart = { heading: string; level?: 1 | 2 } | { text: string } | { table: string[][] };

/** A minimal Word file: paragraphs, headings in Word's built-in styles, tables; title and date in its properties. */
export async function writeDocx(out: string, parts: DocxPart[], props: { title?: string; created?: string } = {}): Promise<void> {
  const para = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
  const body = parts
    .map((p) => {
      if ('heading' in p) return para(p.heading, `Heading${p.level ?? 1}`);
      if ('text' in p) return para(p.text);
      return `<w:tbl>${p.table.map((row) => `<w:tr>${row.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  zip.file('docProps/core.xml', `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${props.title ? `<dc:title>${esc(props.title)}</dc:title>` : ''}${props.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${props.created}</dcterms:created>` : ''}</cp:coreProperties>`);
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** An Excel workbook (by write-excel-file): one sheet per entry; dates are written as Excel dates (a number with a date format). */
export async function writeXlsx(out: string, sheets: { name: string; rows: (string | number | Date | null)[][] }[]): Promise<void> {
  const data = sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row) => row.map((value) => (value instanceof Date ? { value, format: 'yyyy-mm-dd' } : value === null ? null : { value }))),
  }));
  await writeExcelFile(data as never).toFile(out);
}

/** Writes `html` encoded as GBK (its <meta> should say so). */
export function writeGbk(out: string, html: string): void {
  fs.writeFileSync(out, iconv.encode(html, 'gbk'));
}

/** An English Markdown notice with a list of opening hours and a sentence with a number in words. */
export const ENGLISH_LIBRARY_NOTICE = `# Riverside Library Opening Hours

Published: 2 April 2024

The Riverside branch library reopens after its renovation with longer opening hours.

## Opening hours

- Monday to Friday: 9 am to 8 pm
- Saturday: 9 am to 5 pm
- Sunday: 10 am to 4 pm

## Borrowing

Residents may borrow up to twelve items at a time with a free library card.
`;

/**
 * A notice of venues (txt): sections of places, the sports centre's venues each an item whose line only names it
 * (1．游泳馆, then its hours and fares), and a list of papers whose items stand side by side.
 */
export const VENUES_NOTICE = `桐川市文体场馆开放信息

一、市图书馆
地址：文昌路12号
开放时间：9:00—20:00，每周一闭馆。

二、市体育中心
地址：体育路5号
1．游泳馆
开放时间：每天13:00—21:00。
票价：成人单次25元；学生单次15元。
2．乒乓球馆
场地费：每张球台每小时20元。
3．健身房
月卡150元，年卡1500元。

三、办卡须带
1．身份证
2．一寸照片
`;
