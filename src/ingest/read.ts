// Reading the corpus: find the files a reader exists for, read each through its format's reader into
// the document model, and reject the rest by name (unsupported files inside folders included).
import { sha256 } from '../index/store.js';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RejectedFile } from '../ports.js';
import { layoutBlocks, type ReadDocument } from './model.js';
import { readerForFile, unsupportedFormat } from './formats/index.js';
import type { FormatReader, ReaderOutput } from './formats/reader.js';
import { findDate } from './dates.js';


export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are rejected as "too large". */
  maxBytes?: number;
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found (deleted or moved while reading)';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return `cannot read: ${e?.code ?? (e instanceof Error ? e.message : String(err))}`;
}

/** Names that are never documents: editor backups, OS metadata, lock files. */
const NOISE = /(^~\$)|(~$)|(^Thumbs\.db$)|(^desktop\.ini$)/i;

/**
 * Expands files and folders (recursively) into the sorted list of readable files under them.
 * Paths that do not exist and files of an unsupported format are reported as rejected, by name.
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
      if (entry.name.startsWith('.') || NOISE.test(entry.name)) continue; // .git, editor swap files
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        if (readerForFile(full)) files.add(full);
        else rejected.push({ path: full, reason: unsupportedFormat(full) });
      }
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
    else if (readerForFile(full)) files.add(full);
    else rejected.push({ path: full, reason: unsupportedFormat(full) });
  }
  // Code-unit order, not locale order: the same ids on every machine.
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const unique = [...new Map(rejected.map((r) => [r.path, r])).values()];
  return { files: [...files].sort(byName), rejected: unique.sort((a, b) => byName(a.path, b.path)) };
}

/**
 * The document id users see in citations: the path relative to the corpus root, with "/" separators
 * (a file at the root keeps its bare name).
 */
export function documentId(file: string, root: string): string {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  const id = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(file);
  return id.split(path.sep).join('/');
}

/** Turns a reader's output into a ReadDocument: blocks laid out, date found, title chosen. */
export function toReadDocument(out: ReaderOutput, id: string, source: string, hash: string, url?: string): ReadDocument {
  const laid = out.text !== undefined ? { text: out.text, blocks: out.blocks } : layoutBlocks(out.blocks);
  const doc: ReadDocument = { id, path: source, text: laid.text, hash, encoding: out.encoding as ReadDocument['encoding'], format: out.format, blocks: laid.blocks };
  if (out.title) doc.title = out.title;
  const date = out.date ?? findDate(laid.blocks);
  if (date) doc.date = date;
  if (url) doc.url = url;
  return doc;
}

/** Runs one reader on bytes; a throwing reader (a library bug on odd input) becomes a rejection. */
export async function runReader(reader: FormatReader, bytes: Buffer, name: string, contentType?: string): Promise<ReaderOutput | { reason: string }> {
  try {
    return await reader.read({ bytes, name, ...(contentType ? { contentType } : {}) });
  } catch (err) {
    return { reason: `cannot read this ${reader.format} file: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Reads one file through its format's reader; never throws — a file that cannot be used comes back as RejectedFile. */
export async function readDocument(file: string, root: string, options: ReadOptions = {}): Promise<ReadDocument | RejectedFile> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const full = path.resolve(file);
  const reader = readerForFile(full);
  if (!reader) return { path: full, reason: unsupportedFormat(full) };
  let bytes: Buffer;
  let info;
  try {
    info = await stat(full);
    if (!info.isFile()) return { path: full, reason: 'not a regular file' };
    if (info.size > maxBytes) return { path: full, reason: `too large (${info.size} bytes; the limit is ${maxBytes})` };
    bytes = await readFile(full);
  } catch (err) {
    return { path: full, reason: describeFsError(err) };
  }
  if (bytes.length > maxBytes) return { path: full, reason: `too large (${bytes.length} bytes; the limit is ${maxBytes})` };
  const out = await runReader(reader, bytes, path.basename(full));
  if ('reason' in out) return { path: full, reason: out.reason };
  if (!out.blocks.some((b) => b.text.trim())) return { path: full, reason: 'no text in the file' };
  const doc = toReadDocument(out, documentId(full, root), full, sha256(bytes));
  doc.size = info.size;
  doc.mtimeMs = info.mtimeMs;
  return doc;
}

export function isRejected<T extends object>(x: T | RejectedFile): x is RejectedFile {
  return 'reason' in x;
}
