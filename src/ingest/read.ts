// Reading the corpus: find the text files, decode them (UTF-8 or GB18030), reject the rest by name.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RejectedFile, SourceDocument } from '../ports.js';

export const TEXT_EXTENSIONS = ['.txt', '.md'] as const;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are rejected as "too large". */
  maxBytes?: number;
}

/** How many leading bytes the control-character sniff looks at (NULs are searched everywhere). */
const SNIFF_BYTES = 8192;

function isTextFile(file: string): boolean {
  return (TEXT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found (deleted or moved while reading)';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return `cannot read: ${e?.code ?? (e instanceof Error ? e.message : String(err))}`;
}

/**
 * Expands files and folders (recursively) into the sorted list of .txt/.md files under them.
 * Paths that do not exist, or files of another type named explicitly, are reported as rejected.
 */
export async function discoverFiles(paths: string[]): Promise<{ files: string[]; rejected: RejectedFile[] }> {
  const files = new Set<string>();
  const rejected: RejectedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      rejected.push({ path: dir, reason: describeFsError(err) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue; // .git, editor swap files
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isTextFile(full)) files.add(full);
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      rejected.push({ path: full, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) await walk(full);
    else if (isTextFile(full)) files.add(full);
    else rejected.push({ path: full, reason: `not a ${TEXT_EXTENSIONS.join(' or ')} file` });
  }
  // Code-unit order, not locale order: the same ids on every machine.
  return { files: [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), rejected };
}

/** NUL bytes anywhere, or many control bytes at the start, mean this is not a text file. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** Decodes bytes as UTF-8 (BOM stripped) or else GB18030; null when neither decodes cleanly. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: SourceDocument['encoding'] } | null {
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

/** The document id users see in citations: the path relative to the corpus root, with "/" separators. */
export function documentId(file: string, root: string): string {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  const id = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(file);
  return id.split(path.sep).join('/');
}

/** Reads and decodes one file; never throws — a file that cannot be used comes back as RejectedFile. */
export async function readDocument(file: string, root: string, options: ReadOptions = {}): Promise<SourceDocument | RejectedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const full = path.resolve(file);
  let bytes: Buffer;
  try {
    const info = await stat(full);
    if (!info.isFile()) return { path: full, reason: 'not a regular file' };
    if (info.size > maxBytes) return { path: full, reason: `too large (${info.size} bytes; the limit is ${maxBytes})` };
    bytes = await readFile(full);
  } catch (err) {
    return { path: full, reason: describeFsError(err) };
  }
  if (bytes.length > maxBytes) return { path: full, reason: `too large (${bytes.length} bytes; the limit is ${maxBytes})` };
  if (looksBinary(bytes)) return { path: full, reason: 'binary file' };
  const decoded = decodeText(bytes);
  if (!decoded) return { path: full, reason: 'not UTF-8 or GB18030 text' };
  if (decoded.text.trim() === '') return { path: full, reason: 'empty file' };
  return {
    id: documentId(full, root),
    path: full,
    text: decoded.text,
    hash: createHash('sha256').update(bytes).digest('hex'),
    encoding: decoded.encoding,
  };
}

export function isRejected(x: SourceDocument | RejectedFile): x is RejectedFile {
  return 'reason' in x;
}
