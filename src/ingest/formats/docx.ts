// Word files (.docx): mammoth converts the document to HTML (Word's built-in heading styles become
// <h1>…, tables stay <table>), which is read into blocks like a web page. Title and date come from the
// text, else from the file's properties (docProps/core.xml: dc:title, dcterms:created).
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import { findDate, parseDate } from '../dates.js';
import { domBlocks, type DomNode } from './dom.js';
import type { FormatReader, ReaderInput } from './reader.js';

async function coreProperties(bytes: Buffer): Promise<{ title?: string; date?: string }> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return {};
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1]?.trim();
    const created = /<dcterms:created[^>]*>([^<]*)<\/dcterms:created>/.exec(xml)?.[1];
    const date = created ? parseDate(created) : undefined;
    return { ...(title ? { title } : {}), ...(date ? { date } : {}) };
  } catch {
    return {};
  }
}

async function readDocx(input: ReaderInput) {
  if (input.bytes.length < 4 || input.bytes.readUInt32LE(0) !== 0x04034b50) return { reason: 'not a Word .docx file (no zip signature; old .doc files are not supported — save as .docx)' };
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: input.bytes })).value;
  } catch (err) {
    return { reason: `not a readable .docx file (${err instanceof Error ? err.message.split('\n')[0] : String(err)})` };
  }
  const blocks = domBlocks(parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as DomNode);
  if (!blocks.length) return { reason: 'no text in the document' };
  const props = await coreProperties(input.bytes);
  const date = findDate(blocks) ?? props.date;
  return { format: 'docx', encoding: 'binary', blocks, ...(props.title ? { title: props.title } : {}), ...(date ? { date } : {}) };
}

export const docxReader: FormatReader = {
  format: 'docx',
  // v2: tables as header and row lines ("年龄 | 每餐补贴" / "80周岁以上 | 5元"), as .txt and Markdown tables.
  version: 'table-lines-v3',
  extensions: ['.docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  read: readDocx,
};
