// Plain text: UTF-8 (BOM stripped) or GB18030. The original text is kept, so the newspaper splitter can
// read the page's lines; blocks are its lines.
import type { Block } from '../model.js';
import type { FormatReader, ReaderInput } from './reader.js';

/** NUL bytes anywhere, or many control bytes at the start, mean this is not a text file. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** Decodes bytes as UTF-8 (BOM stripped) or else GB18030; null when neither decodes cleanly. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } | null {
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // fall through to GB18030
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return null;
  }
}

/** Every non-blank line as a block, with offsets into `text`. */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const line = raw.trim();
    if (!line) continue;
    const start = lineStart + (raw.length - raw.trimStart().length);
    const end = start + line.length;
    blocks.push({ kind: 'paragraph', text: line, start, end });
  }
  return blocks;
}

async function readText(input: ReaderInput) {
  if (looksBinary(input.bytes)) return { reason: 'binary file' };
  const decoded = decodeText(input.bytes);
  if (!decoded) return { reason: 'not UTF-8 or GB18030 text' };
  if (decoded.text.trim() === '') return { reason: 'empty file' };
  return { format: 'txt', encoding: decoded.encoding, text: decoded.text, blocks: lineBlocks(decoded.text) };
}

export const textReader: FormatReader = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  mediaTypes: ['text/plain'],
  read: readText,
};
