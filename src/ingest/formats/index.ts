// The table of format readers: one file per format, registered here.
import path from 'node:path';
import type { FormatReader } from './reader.js';
import { textReader } from './text.js';
import { markdownReader } from './markdown.js';
import { htmlReader } from './html.js';
import { docxReader } from './docx.js';
import { pdfReader } from './pdf.js';
import { csvReader, xlsxReader } from './spreadsheet.js';

export const READERS: readonly FormatReader[] = [textReader, markdownReader, htmlReader, docxReader, pdfReader, xlsxReader, csvReader];

export function readerForFile(file: string): FormatReader | undefined {
  const ext = path.extname(file).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext));
}

export function readerForMediaType(contentType: string | undefined): FormatReader | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type ? READERS.find((r) => r.mediaTypes.includes(type)) : undefined;
}

/** ".txt, .md, …" for messages. */
export function supportedExtensions(): string[] {
  return READERS.flatMap((r) => r.extensions);
}

/**
 * Why a file no reader exists for is refused: "unsupported format .xls: not a .txt, .md, … file" (ingest), or with
 * `lead` "send a" where a person is told what to upload instead.
 */
export function unsupportedFormat(file: string, lead: 'not a' | 'send a' = 'not a'): string {
  const ext = path.extname(file).toLowerCase() || '(no extension)';
  return `unsupported format ${ext}: ${lead} ${supportedExtensions().join(', ')} file`;
}
