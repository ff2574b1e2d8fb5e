// The on-disk index: immutable generations plus a CURRENT pointer.
//
//   index/CURRENT             name of the live generation (replaced by rename: atomic)
//   index/gen-<id>/manifest.json   model, dims, chunker version, counts, per-file checksums
//   index/gen-<id>/chunks.jsonl    the chunk table (row i = chunk index i)
//   index/gen-<id>/keyword.bin     BM25 postings
//   index/gen-<id>/vectors.f32     raw embeddings, row i = chunk i (reused by incremental ingest)
//   index/gen-<id>/vectors.hnsw    HNSW graph over vectors.f32
//   index/gen-<id>/terms.txt       custom segmentation dictionary built from the corpus
//
// A crash while writing a generation leaves CURRENT on the previous one, so the index stays usable.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Chunk, DocumentMeta } from '../ports.js';
import type { ModelSignature } from '../embed/transformers.js';

export const INDEX_FORMAT = 1;

/** How the index's vectors were made: queries must be embedded the same way. */
export type EmbeddingSignature = ModelSignature;

export interface DocumentEntry extends DocumentMeta {
  id: string;
  /** Absolute path the document was read from, for --prune. */
  source: string;
  hash: string;
  encoding: string;
  /** Chunk rows [first, first + count). */
  first: number;
  count: number;
  titles: string[];
  /** The document's format reader ('txt', 'html', 'pdf', …) and the splitter kind it was cut with. */
  format?: string;
  kind?: string;
}

export interface Manifest {
  format: number;
  createdAt: string;
  chunker: { version: string; size: number; overlap: number };
  /** Version of every splitter kind the index was cut with: a changed one re-splits the corpus. */
  splitters?: Record<string, string>;
  tokenizer: string;
  embedding: EmbeddingSignature | null;
  counts: { documents: number; chunks: number };
  documents: DocumentEntry[];
  /** sha256 and size of every other file in the generation. */
  files: Record<string, { sha256: string; bytes: number }>;
}

export class IndexError extends Error {
  constructor(readonly code: 'INDEX_MISSING' | 'INDEX_EMPTY' | 'INDEX_CORRUPT' | 'INDEX_MISMATCH' | 'INDEX_LOCKED', message: string) {
    super(message);
    this.name = 'IndexError';
  }
}

export const REBUILD_HINT = 'Run `npm run ingest -- --rebuild` to rebuild it from the documents.';

export function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export function currentGeneration(indexDir: string): string | null {
  try {
    const name = fs.readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim();
    return name ? path.join(indexDir, name) : null;
  } catch {
    return null;
  }
}

export function readManifest(genDir: string): Manifest {
  const file = path.join(genDir, 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (err) {
    throw new IndexError('INDEX_CORRUPT', `The index manifest ${file} cannot be read (${(err as Error).message}). ${REBUILD_HINT}`);
  }
  if (manifest.format !== INDEX_FORMAT) {
    throw new IndexError('INDEX_MISMATCH', `The index at ${genDir} has format ${manifest.format}, this version reads format ${INDEX_FORMAT}. ${REBUILD_HINT}`);
  }
  return manifest;
}

/** Names of generation files whose size or sha256 differs from the manifest. */
export function corruptFiles(genDir: string, manifest: Manifest): string[] {
  const bad: string[] = [];
  for (const [name, expected] of Object.entries(manifest.files)) {
    try {
      const data = fs.readFileSync(path.join(genDir, name));
      if (data.length !== expected.bytes || sha256(data) !== expected.sha256) bad.push(name);
    } catch {
      bad.push(name);
    }
  }
  return bad;
}

export function readChunks(genDir: string): Chunk[] {
  const text = fs.readFileSync(path.join(genDir, 'chunks.jsonl'), 'utf8');
  const chunks: Chunk[] = [];
  for (const line of text.split('\n')) if (line) chunks.push(JSON.parse(line) as Chunk);
  return chunks;
}

export function readVectors(genDir: string, dims: number, count: number): Float32Array[] {
  const buf = fs.readFileSync(path.join(genDir, 'vectors.f32'));
  if (buf.length !== dims * count * 4) throw new IndexError('INDEX_CORRUPT', `vectors.f32 holds ${buf.length} bytes, expected ${dims * count * 4}. ${REBUILD_HINT}`);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  const rows: Float32Array[] = [];
  for (let i = 0; i < count; i++) rows.push(all.subarray(i * dims, (i + 1) * dims));
  return rows;
}

/** Writes a generation's files, then flips CURRENT to it. Nothing is visible to readers until the flip. */
export class GenerationWriter {
  readonly dir: string;
  private readonly files: Manifest['files'] = {};

  constructor(private readonly indexDir: string) {
    fs.mkdirSync(indexDir, { recursive: true });
    const name = `gen-${Date.now().toString(36)}-${crypto.randomBytes(3).toString('hex')}`;
    this.dir = path.join(indexDir, name);
    fs.mkdirSync(this.dir);
  }

  write(name: string, data: Buffer | string): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const file = path.join(this.dir, name);
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, buf);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }

  /** Registers a file written by a library (e.g. hnswlib's writeIndexSync) into the checksums. */
  adopt(name: string): void {
    const buf = fs.readFileSync(path.join(this.dir, name));
    this.files[name] = { sha256: sha256(buf), bytes: buf.length };
  }

  commit(manifest: Omit<Manifest, 'files' | 'format' | 'createdAt'>): Manifest {
    const full: Manifest = { format: INDEX_FORMAT, createdAt: new Date().toISOString(), ...manifest, files: { ...this.files } };
    this.write('manifest.json', JSON.stringify(full, null, 1));
    const tmp = path.join(this.indexDir, `CURRENT.${process.pid}.tmp`);
    fs.writeFileSync(tmp, path.basename(this.dir) + '\n');
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, path.join(this.indexDir, 'CURRENT'));
    return full;
  }

  abandon(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Removes old generations: every non-live folder without a manifest (left by a crashed ingest:
 * the manifest is written last), and complete ones beyond the live one and the newest before it
 * (a reader may still be loading that). Call it only while holding the ingest lock.
 */
export function pruneGenerations(indexDir: string, keep = 2): void {
  const live = currentGeneration(indexDir);
  const gens = fs
    .readdirSync(indexDir)
    .filter((n) => n.startsWith('gen-'))
    .map((n) => ({ full: path.join(indexDir, n), t: fs.statSync(path.join(indexDir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  let kept = 0;
  for (const g of gens) {
    if (g.full === live) {
      kept++;
      continue;
    }
    const complete = fs.existsSync(path.join(g.full, 'manifest.json'));
    if (complete && kept < keep) {
      kept++;
      continue;
    }
    fs.rmSync(g.full, { recursive: true, force: true });
  }
}

/** Lock files held by this process: a lock naming our own pid is ours only if it is in here. */
const heldLocks = new Set<string>();

/**
 * An exclusive ingest lock: a file holding the owner's pid and a random token, created whole
 * (written under a temporary name, then hard-linked into place, so nobody reads it half-written).
 * A lock whose pid is gone, or that names this pid but was not taken by this process (a crashed
 * run whose pid was reused, common in containers), is stale and taken over.
 */
export function acquireIngestLock(indexDir: string): () => void {
  fs.mkdirSync(indexDir, { recursive: true });
  const file = path.join(path.resolve(indexDir), '.ingest.lock');
  const token = crypto.randomBytes(8).toString('hex');
  const content = `${process.pid}\n${token}\n`;
  const mine = `${file}.${process.pid}.${token}.tmp`;
  fs.writeFileSync(mine, content);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, file);
        heldLocks.add(file);
        return () => releaseLock(file, content);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLockFile(file);
      if (holder === null) continue; // released between our link and our read
      const pid = Number(holder.split('\n')[0]);
      const ours = pid === process.pid && heldLocks.has(file);
      if (ours || (pid > 0 && pid !== process.pid && isAlive(pid))) {
        throw new IndexError('INDEX_LOCKED', `Another ingest (pid ${pid}) is writing ${indexDir}. Wait for it to finish; if no ingest is running, delete ${file}.`);
      }
      takeOverStaleLock(file, holder);
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
  throw new IndexError('INDEX_LOCKED', `Could not take the ingest lock ${file}; another ingest keeps taking it. Try again when it has finished.`);
}

function readLockFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Moves a stale lock aside by rename (atomic), so of two processes taking over the same stale
 * lock only one removes it; one that moved a fresh lock by mistake puts it back.
 */
function takeOverStaleLock(file: string, staleContent: string): void {
  const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (fs.readFileSync(aside, 'utf8') !== staleContent) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // someone else holds the lock now; either way it is not ours
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseLock(file: string, content: string): void {
  heldLocks.delete(file);
  // Only remove the lock if it is still ours (it may have been removed by hand and retaken).
  if (readLockFile(file) === content) fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
