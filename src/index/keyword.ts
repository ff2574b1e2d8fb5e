// BM25 over an inverted index held in flat typed arrays: one Int32Array of doc ids and one
// Uint16Array of term frequencies for all postings, sliced per term by an offsets table. No
// per-posting objects, so a million chunks fit in a few hundred MB and load without parsing.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { Hit, KeywordSearcher } from '../ports.js';

export interface Bm25Params {
  /** Term-frequency saturation (default 1.2). */
  k1?: number;
  /** Length normalisation, 0..1 (default 0.75). */
  b?: number;
}

const MAGIC = 0x35324d42; // "BM25" little-endian
const FORMAT_VERSION = 1;
const MAX_TF = 0xffff;
const HEADER_BYTES = 40;

/** One document as the index sees it: its length in tokens and each distinct term's frequency. */
export interface DocumentCounts {
  length: number;
  terms: [string, number][];
}

interface DocSource {
  count: number;
  /** Most (term, tf) entries any one document yields (sizes a scratch array). */
  maxEntries: number;
  length(d: number): number;
  each(d: number, fn: (token: string, tf: number) => void): void;
}

interface Arrays {
  terms: string[];
  /** Postings of term t are [offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  docIds: Int32Array;
  tfs: Uint16Array;
  docLengths: Float32Array;
}

export class Bm25Index implements KeywordSearcher {
  readonly size: number;
  readonly k1: number;
  readonly b: number;
  private readonly termIds = new Map<string, number>();
  private readonly avgDocLength: number;
  /** k1 * (1 - b + b * len / avgLen) per document, precomputed once. */
  private readonly lengthNorm: Float32Array;
  /** Score accumulator and the list of docs touched, reused by every query. */
  private readonly scores: Float32Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;

  private constructor(private readonly a: Arrays, k1: number, b: number) {
    this.size = a.docLengths.length;
    this.k1 = k1;
    this.b = b;
    a.terms.forEach((t, i) => this.termIds.set(t, i));
    let total = 0;
    for (const len of a.docLengths) total += len;
    this.avgDocLength = this.size ? total / this.size : 0;
    this.lengthNorm = new Float32Array(this.size);
    const avg = this.avgDocLength || 1;
    for (let d = 0; d < this.size; d++) this.lengthNorm[d] = k1 * (1 - b + (b * a.docLengths[d]) / avg);
    this.scores = new Float32Array(this.size);
    this.touched = new Int32Array(this.size);
    this.isTouched = new Uint8Array(this.size);
  }

  /** @internal For rebuild(): an index over arrays already laid out. */
  static fromArrays(a: Arrays, k1: number, b: number): Bm25Index {
    return new Bm25Index(a, k1, b);
  }

  /** Every distinct token in the index. */
  vocabulary(): readonly string[] {
    return this.a.terms;
  }

  /** Builds the index in two passes (count, then fill) so postings go straight into typed arrays. */
  static build(docTokens: string[][], params: Bm25Params = {}): Bm25Index {
    const tokensOf = (d: number) => (Array.isArray(docTokens[d]) ? docTokens[d] : []);
    return Bm25Index.buildFrom(
      {
        count: docTokens.length,
        maxEntries: maxLength(docTokens),
        length: (d) => tokensOf(d).length,
        each: (d, fn) => {
          for (const token of tokensOf(d)) fn(token, 1);
        },
      },
      params,
    );
  }

  /**
   * Builds the index from each document's term counts and length (as termCounts() returns them), so
   * an incremental ingest can keep unchanged documents' counts instead of tokenising them again.
   */
  static buildFromCounts(docs: DocumentCounts[], params: Bm25Params = {}): Bm25Index {
    return Bm25Index.buildFrom(
      {
        count: docs.length,
        maxEntries: docs.reduce((m, d) => Math.max(m, d.terms.length), 0),
        length: (d) => docs[d].length,
        each: (d, fn) => {
          for (const [term, tf] of docs[d].terms) fn(term, tf);
        },
      },
      params,
    );
  }

  private static buildFrom(src: DocSource, params: Bm25Params): Bm25Index {
    const { k1, b } = checkParams(params);
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const docLengths = new Float32Array(src.count);
    let df = new Int32Array(1024);
    let lastDoc = new Int32Array(1024).fill(-1);

    // Pass 1: vocabulary, document frequencies, lengths.
    for (let d = 0; d < src.count; d++) {
      docLengths[d] = src.length(d);
      src.each(d, (token) => {
        if (!isIndexable(token)) return;
        let id = termIds.get(token);
        if (id === undefined) {
          id = terms.length;
          termIds.set(token, id);
          terms.push(token);
          if (id >= df.length) {
            df = grow(df, df.length * 2, 0);
            lastDoc = grow(lastDoc, lastDoc.length * 2, -1);
          }
        }
        if (lastDoc[id] !== d) {
          lastDoc[id] = d;
          df[id]++;
        }
      });
    }

    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + df[t];
    const totalPostings = offsets[terms.length];
    if (totalPostings > 0xffffffff) throw new Error(`BM25 index: ${totalPostings} postings exceed the 2^32 limit; split the corpus into shards.`);
    const docIds = new Int32Array(totalPostings);
    const tfs = new Uint16Array(totalPostings);

    // Pass 2: fill postings in document order, so each term's doc ids come out sorted.
    const cursor = df; // reuse: cursor[t] = how many postings of t are written
    cursor.fill(0);
    const tfScratch = new Int32Array(terms.length);
    const docTerms = new Int32Array(Math.max(1, src.maxEntries));
    for (let d = 0; d < src.count; d++) {
      let unique = 0;
      src.each(d, (token, tf) => {
        if (!isIndexable(token)) return;
        const id = termIds.get(token)!;
        if (tfScratch[id] === 0) docTerms[unique++] = id;
        tfScratch[id] += tf;
      });
      for (let i = 0; i < unique; i++) {
        const id = docTerms[i];
        const at = offsets[id] + cursor[id]++;
        docIds[at] = d;
        tfs[at] = Math.min(tfScratch[id], MAX_TF);
        tfScratch[id] = 0;
      }
    }
    return new Bm25Index({ terms, offsets, docIds, tfs, docLengths }, k1, b);
  }

  /**
   * A new index whose row i is either row `rows[i]` of this index (its postings copied, no
   * tokenising) or a document given by its counts. Linear in the postings, in typed arrays: an
   * incremental ingest rebuilds a large index this way after a few documents changed.
   */
  rebuild(rows: (number | DocumentCounts)[], params: Bm25Params = {}): Bm25Index {
    const { k1, b } = checkParams(params.k1 === undefined && params.b === undefined ? { k1: this.k1, b: this.b } : params);
    const old = this.a;
    const newOf = new Int32Array(this.size).fill(-1);
    const docLengths = new Float32Array(rows.length);
    const termIds = new Map(this.termIds);
    const terms = [...old.terms];
    // Postings of the documents given by counts, per term, in row order.
    const added = new Map<number, { docs: number[]; tfs: number[] }>();
    rows.forEach((row, d) => {
      if (typeof row === 'number') {
        if (!(row >= 0 && row < this.size) || newOf[row] !== -1) throw new Error(`BM25 rebuild: row ${row} is not a row of this index, or is used twice.`);
        newOf[row] = d;
        docLengths[d] = old.docLengths[row];
        return;
      }
      docLengths[d] = row.length;
      for (const [term, tf] of row.terms) {
        if (!isIndexable(term) || !(tf > 0)) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
        }
        let list = added.get(id);
        if (!list) added.set(id, (list = { docs: [], tfs: [] }));
        list.docs.push(d);
        list.tfs.push(tf);
      }
    });
    // Document frequencies: kept postings plus added ones.
    const df = new Uint32Array(terms.length);
    for (let t = 0; t < old.terms.length; t++) {
      for (let p = old.offsets[t]; p < old.offsets[t + 1]; p++) if (newOf[old.docIds[p]] !== -1) df[t]++;
    }
    for (const [id, list] of added) df[id] += list.docs.length;
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t] + df[t];
    const docIds = new Int32Array(offsets[terms.length]);
    const tfs = new Uint16Array(offsets[terms.length]);
    // Merge each term's kept postings (ascending after remapping: rows keep their relative order) with its added ones.
    let sorted = true;
    for (let t = 0; t < terms.length; t++) {
      let at = offsets[t];
      const list = added.get(t);
      let i = 0;
      const n = list ? list.docs.length : 0;
      if (t < old.terms.length) {
        let last = -1;
        for (let p = old.offsets[t]; p < old.offsets[t + 1]; p++) {
          const d = newOf[old.docIds[p]];
          if (d === -1) continue;
          if (d < last) sorted = false;
          last = d;
          while (i < n && list!.docs[i] < d) {
            docIds[at] = list!.docs[i];
            tfs[at++] = Math.min(list!.tfs[i++], MAX_TF);
          }
          docIds[at] = d;
          tfs[at++] = old.tfs[p];
        }
      }
      while (i < n) {
        docIds[at] = list!.docs[i];
        tfs[at++] = Math.min(list!.tfs[i++], MAX_TF);
      }
    }
    // Rows given out of their old order: fall back to the plain build, which sorts by construction.
    if (!sorted) return Bm25Index.buildFromCounts(rows.map((r) => (typeof r === 'number' ? this.countsOf(r) : r)), { k1, b });
    // Terms no document uses any more are dropped, as a fresh build would.
    return compactTerms({ terms, offsets, docIds, tfs, docLengths }, k1, b);
  }

  /** One row's terms and frequencies (a scan of the postings: for the rare fallback only). */
  private countsOf(row: number): DocumentCounts {
    const { terms, offsets, docIds, tfs, docLengths } = this.a;
    const out: DocumentCounts = { length: docLengths[row], terms: [] };
    for (let t = 0; t < terms.length; t++) for (let p = offsets[t]; p < offsets[t + 1]; p++) if (docIds[p] === row) out.terms.push([terms[t], tfs[p]]);
    return out;
  }

  /** Every document's terms with their frequencies, and its length: buildFromCounts() of these rebuilds this index. */
  termCounts(): DocumentCounts[] {
    const { terms, offsets, docIds, tfs, docLengths } = this.a;
    const out: DocumentCounts[] = Array.from({ length: this.size }, (_, d) => ({ length: docLengths[d], terms: [] }));
    for (let t = 0; t < terms.length; t++) {
      for (let p = offsets[t]; p < offsets[t + 1]; p++) out[docIds[p]].terms.push([terms[t], tfs[p]]);
    }
    return out;
  }

  documentFrequency(token: string): number {
    const id = this.termIds.get(token);
    return id === undefined ? 0 : this.a.offsets[id + 1] - this.a.offsets[id];
  }

  /** The chunks (rows) that contain the token, in row order: a view of the postings, not a copy. */
  chunksWith(token: string): Int32Array {
    const id = this.termIds.get(token);
    return id === undefined ? new Int32Array(0) : this.a.docIds.subarray(this.a.offsets[id], this.a.offsets[id + 1]);
  }

  /**
   * Top-k documents by BM25 over the distinct query tokens; `weights` multiplies a token's
   * contribution (missing = 1, ≤ 0 = ignored). Ties go to the lower chunk index.
   */
  search(tokens: string[], k: number, weights?: Map<string, number>): Hit[] {
    if (!Number.isFinite(k) || k < 1 || this.size === 0 || !Array.isArray(tokens)) return [];
    const { offsets, docIds, tfs } = this.a;
    const { scores, touched, isTouched, lengthNorm, k1 } = this;
    let touchedCount = 0;
    const seen = new Set<string>();
    for (const token of tokens) {
      if (typeof token !== 'string' || seen.has(token)) continue;
      seen.add(token);
      const id = this.termIds.get(token);
      if (id === undefined) continue;
      const weight = weights?.get(token) ?? 1;
      if (!(weight > 0)) continue;
      const start = offsets[id];
      const end = offsets[id + 1];
      const df = end - start;
      const idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      const factor = weight * idf * (k1 + 1);
      for (let p = start; p < end; p++) {
        const d = docIds[p];
        const tf = tfs[p];
        if (isTouched[d] === 0) {
          isTouched[d] = 1;
          touched[touchedCount++] = d;
        }
        scores[d] += (factor * tf) / (tf + lengthNorm[d]);
      }
    }
    const hits = topK(scores, touched, touchedCount, Math.floor(k));
    for (let i = 0; i < touchedCount; i++) {
      scores[touched[i]] = 0;
      isTouched[touched[i]] = 0;
    }
    return hits;
  }

  /** How often each token occurs in each of the given documents: one row per document, one column per token. */
  termFrequencies(tokens: string[], docs: number[]): Uint16Array[] {
    const { offsets, docIds, tfs } = this.a;
    const rows = docs.map(() => new Uint16Array(tokens.length));
    tokens.forEach((token, column) => {
      const id = this.termIds.get(token);
      if (id === undefined) return;
      const end = offsets[id + 1];
      docs.forEach((d, row) => {
        // Postings are sorted by document: binary search.
        let lo = offsets[id];
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (docIds[mid] < d) lo = mid + 1;
          else hi = mid;
        }
        if (lo < end && docIds[lo] === d) rows[row][column] = tfs[lo];
      });
    });
    return rows;
  }

  /** Compact little-endian binary: header, vocabulary, then the typed arrays as they are in memory. */
  serialize(): Buffer {
    const { terms, offsets, docIds, tfs, docLengths } = this.a;
    const vocab = Buffer.from(terms.join('\0'), 'utf8');
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(FORMAT_VERSION, 4);
    header.writeUInt32LE(this.size, 8);
    header.writeUInt32LE(terms.length, 12);
    header.writeUInt32LE(docIds.length, 16);
    header.writeUInt32LE(vocab.length, 20);
    // Parameters as doubles: a float32 k1 would change scores after a round trip.
    header.writeDoubleLE(this.k1, 24);
    header.writeDoubleLE(this.b, 32);
    const parts = [header, vocab, pad(vocab.length)];
    for (const arr of [offsets, docIds, docLengths, tfs]) parts.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
    return Buffer.concat(parts);
  }

  /** Reads serialize()'s bytes. The index may keep views into `buf`: do not modify it afterwards. */
  static deserialize(buf: Buffer): Bm25Index {
    const fail = (why: string): never => {
      throw new Error(`BM25 index file is not readable (${why}); rebuild it with the ingest command.`);
    };
    if (!Buffer.isBuffer(buf) || buf.length < HEADER_BYTES) fail('too short');
    if (buf.readUInt32LE(0) !== MAGIC) fail('wrong magic number');
    const version = buf.readUInt32LE(4);
    if (version !== FORMAT_VERSION) fail(`format version ${version}, this build reads ${FORMAT_VERSION}`);
    const docs = buf.readUInt32LE(8);
    const vocabSize = buf.readUInt32LE(12);
    const postings = buf.readUInt32LE(16);
    const vocabBytes = buf.readUInt32LE(20);
    const k1 = buf.readDoubleLE(24);
    const b = buf.readDoubleLE(32);
    let at = HEADER_BYTES;
    const vocabText = buf.subarray(at, at + vocabBytes).toString('utf8');
    at += vocabBytes + pad(vocabBytes).length;
    const terms = vocabSize === 0 ? [] : vocabText.split('\0');
    if (terms.length !== vocabSize) fail(`vocabulary has ${terms.length} terms, header says ${vocabSize}`);
    const expected = at + 4 * (vocabSize + 1) + 4 * postings + 4 * docs + 2 * postings;
    if (buf.length !== expected) fail(`${buf.length} bytes, expected ${expected}`);
    // View the bytes in place when aligned (a file read whole is); copy only a misaligned slice.
    const take = <T>(Ctor: { new (b: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, n: number): T => {
      const bytes = n * Ctor.BYTES_PER_ELEMENT;
      const start = buf.byteOffset + at;
      at += bytes;
      if (start % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(buf.buffer, start, n);
      const copy = new Uint8Array(bytes);
      copy.set(buf.subarray(at - bytes, at));
      return new Ctor(copy.buffer, 0, n);
    };
    const offsets = take(Uint32Array, vocabSize + 1);
    const docIds = take(Int32Array, postings);
    const docLengths = take(Float32Array, docs);
    const tfs = take(Uint16Array, postings);
    if (offsets[vocabSize] !== postings) fail('offsets do not match the postings count');
    return new Bm25Index({ terms, offsets, docIds, tfs, docLengths }, k1, b);
  }

  /** Writes atomically (temp file, then rename) so a crash never leaves half an index. */
  save(file: string): void {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, this.serialize());
    renameSync(tmp, file);
  }

  static load(file: string): Bm25Index {
    return Bm25Index.deserialize(readFileSync(file));
  }
}

/** Drops terms with no postings left (after documents were removed). */
function compactTerms(a: Arrays, k1: number, b: number): Bm25Index {
  const keep: number[] = [];
  for (let t = 0; t < a.terms.length; t++) if (a.offsets[t + 1] > a.offsets[t]) keep.push(t);
  if (keep.length === a.terms.length) return Bm25Index.fromArrays(a, k1, b);
  const offsets = new Uint32Array(keep.length + 1);
  keep.forEach((t, i) => (offsets[i + 1] = offsets[i] + (a.offsets[t + 1] - a.offsets[t])));
  return Bm25Index.fromArrays({ terms: keep.map((t) => a.terms[t]), offsets, docIds: a.docIds, tfs: a.tfs, docLengths: a.docLengths }, k1, b);
}

/** Tokens are strings without NUL (the vocabulary separator on disk); anything else is skipped. */
function isIndexable(token: unknown): token is string {
  return typeof token === 'string' && token.length > 0 && !token.includes('\0');
}

function checkParams(params: Bm25Params): { k1: number; b: number } {
  const k1 = params.k1 ?? 1.2;
  const b = params.b ?? 0.75;
  if (!(k1 >= 0 && Number.isFinite(k1))) throw new Error(`BM25 k1 must be a finite number >= 0 (got ${k1}).`);
  if (!(b >= 0 && b <= 1)) throw new Error(`BM25 b must be between 0 and 1 (got ${b}).`);
  return { k1, b };
}

function grow<T extends Int32Array>(arr: T, length: number, fill: number): T {
  const next = new Int32Array(length).fill(fill);
  next.set(arr);
  return next as T;
}

function maxLength(docs: string[][]): number {
  let max = 0;
  for (const d of docs) if (d && d.length > max) max = d.length;
  return max;
}

/** Zero bytes that bring a length up to a multiple of 4 (typed arrays after the vocabulary). */
function pad(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}

/** The k best of the touched documents with a size-k min-heap: O(n log k), no full sort. */
function topK(scores: Float32Array, docs: Int32Array, n: number, k: number): Hit[] {
  const size = Math.min(k, n);
  if (size === 0) return [];
  const heap = new Int32Array(size); // doc ids, worst at the root
  let count = 0;
  // a is worse than b: lower score, or same score and higher doc id.
  const worse = (a: number, b: number): boolean => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < count && worse(heap[l], heap[m])) m = l;
      if (r < count && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      const t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const d = docs[i];
    if (count < size) {
      heap[count] = d;
      for (let c = count++; c > 0; ) {
        const parent = (c - 1) >> 1;
        if (!worse(heap[c], heap[parent])) break;
        const t = heap[c];
        heap[c] = heap[parent];
        heap[parent] = t;
        c = parent;
      }
    } else if (worse(heap[0], d)) {
      heap[0] = d;
      siftDown(0);
    }
  }
  const out = Array.from(heap.subarray(0, count), (d) => ({ chunkIndex: d, score: scores[d] }));
  return out.sort((x, y) => y.score - x.score || x.chunkIndex - y.chunkIndex);
}
