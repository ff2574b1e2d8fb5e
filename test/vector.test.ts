// The hnswlib-node wrapper against brute force, with real index files in a temp folder.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactSearch, HNSW_DEFAULTS, HnswVectorIndex, VectorIndexError } from '../src/index/vector.js';

/** Clustered Gaussian vectors (like embeddings: groups of similar texts), from a seeded PRNG. */
function clusteredVectors(count: number, dims: number, seed: number): Float32Array[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const centers = Array.from({ length: 40 }, () => Float32Array.from({ length: dims }, gaussian));
  return Array.from({ length: count }, () => {
    const center = centers[Math.floor(uniform() * centers.length)];
    return Float32Array.from(center, (c) => c + gaussian());
  });
}

function recallAt(k: number, index: HnswVectorIndex, vectors: Float32Array[], queries: Float32Array[]): number {
  let found = 0;
  for (const query of queries) {
    const truth = new Set(exactSearch(vectors, query, k).map((h) => h.chunkIndex));
    found += index.search(query, k).filter((h) => truth.has(h.chunkIndex)).length;
  }
  return found / (queries.length * k);
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'vector-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('exactSearch', () => {
  it('ranks by cosine similarity, highest first, whatever the vector lengths', () => {
    const vectors = [new Float32Array([1, 0]), new Float32Array([0, 5]), new Float32Array([3, 3]), new Float32Array([0, 0])];
    const hits = exactSearch(vectors, new Float32Array([2, 0.1]), 3);
    expect(hits.map((h) => h.chunkIndex)).toEqual([0, 2, 1]);
    expect(hits[0].score).toBeCloseTo(2 / Math.hypot(2, 0.1), 6);
    expect(hits[1].score).toBeCloseTo(Math.SQRT1_2 * (2.1 / Math.hypot(2, 0.1)), 6);
    expect(exactSearch(vectors, new Float32Array([1, 0]), 10)).toHaveLength(4);
    expect(exactSearch([], new Float32Array([1, 0]), 3)).toEqual([]);
  });
});

describe('HnswVectorIndex', () => {
  const dims = 96;
  // Queries come from the same clusters as the indexed vectors, as questions do.
  const all = clusteredVectors(2100, dims, 7);
  const vectors = all.slice(0, 2000);
  const queries = all.slice(2000);
  let index: HnswVectorIndex;

  beforeAll(() => {
    index = HnswVectorIndex.build(vectors, dims);
  });

  it('finds >= 95% of the exact top 10 with the default ef', () => {
    expect(index.ef).toBe(HNSW_DEFAULTS.ef);
    expect(recallAt(10, index, vectors, queries)).toBeGreaterThanOrEqual(0.95);
  });

  it('scores hits with cosine similarity, like exact search', () => {
    const query = queries[0];
    const approximate = index.search(query, 5);
    const exact = exactSearch(vectors, query, 5);
    expect(approximate).toHaveLength(5);
    expect(approximate.map((h) => h.chunkIndex)).toEqual(exact.map((h) => h.chunkIndex));
    approximate.forEach((hit, i) => expect(hit.score).toBeCloseTo(exact[i].score, 4));
    const scores = approximate.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns identical results after a save and load round trip', () => {
    const file = path.join(tmp, 'round-trip', 'vectors.hnsw');
    index.save(file);
    const loaded = HnswVectorIndex.load(file, dims, vectors.length, index.ef);
    expect(loaded.size).toBe(vectors.length);
    for (const query of queries.slice(0, 20)) expect(loaded.search(query, 10)).toEqual(index.search(query, 10));
  });

  it('applies ef after loading (hnswlib resets it to 10)', () => {
    const file = path.join(tmp, 'ef.hnsw');
    index.save(file);
    const lowEf = HnswVectorIndex.load(file, dims, vectors.length, 10);
    const highEf = HnswVectorIndex.load(file, dims, vectors.length, 200);
    expect(lowEf.ef).toBe(10);
    expect(highEf.ef).toBe(200);
    expect(recallAt(10, highEf, vectors, queries)).toBeGreaterThan(recallAt(10, lowEf, vectors, queries));
  });

  it('returns every vector when k exceeds the size, and nothing for k <= 0', () => {
    const small = HnswVectorIndex.build(vectors.slice(0, 3), dims);
    const hits = small.search(queries[0], 50);
    expect(hits.map((h) => h.chunkIndex).sort()).toEqual([0, 1, 2]);
    expect(small.search(queries[0], 0)).toEqual([]);
  });

  it('searches, saves and loads an empty index', () => {
    const empty = HnswVectorIndex.build([], dims);
    expect(empty.size).toBe(0);
    expect(empty.search(queries[0], 5)).toEqual([]);
    const file = path.join(tmp, 'empty.hnsw');
    empty.save(file);
    expect(HnswVectorIndex.load(file, dims, 0, 64).search(queries[0], 5)).toEqual([]);
  });

  it('refuses a query or vectors of the wrong dimension with a clear message', () => {
    expect(() => index.search(new Float32Array(dims + 1), 5)).toThrow(`Query vector has ${dims + 1} dimensions, but the index holds ${dims}-dimensional vectors.`);
    expect(() => HnswVectorIndex.build([new Float32Array(dims), new Float32Array(3)], dims)).toThrow('Vector 1 has 3 dimensions');
  });
});

describe('HnswVectorIndex.load refuses an index it cannot trust', () => {
  const dims = 16;
  const vectors = clusteredVectors(50, dims, 3);
  let file: string;
  beforeAll(() => {
    file = path.join(tmp, 'checked.hnsw');
    HnswVectorIndex.build(vectors, dims).save(file);
  });

  const loadError = (load: () => unknown): VectorIndexError => {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(VectorIndexError);
      return error as VectorIndexError;
    }
    throw new Error('expected load to throw');
  };

  it('built for other dimensions (another embedding model)', () => {
    const error = loadError(() => HnswVectorIndex.load(file, 32, vectors.length, 64));
    expect(error.code).toBe('VECTOR_INDEX_INVALID');
    expect(error.message).toContain('16-dimensional');
    expect(error.message).toContain('gives 32');
    expect(error.message).toContain('rebuild the index');
  });

  it('holding another number of vectors than the chunk table', () => {
    expect(loadError(() => HnswVectorIndex.load(file, dims, 51, 64)).message).toContain('holds 50 vectors, but the chunk table has 51');
  });

  it('missing, truncated or not an index at all', async () => {
    expect(loadError(() => HnswVectorIndex.load(path.join(tmp, 'nope.hnsw'), dims, 1, 64)).message).toContain('ENOENT');
    const short = path.join(tmp, 'short.hnsw');
    await writeFile(short, 'garbage');
    expect(loadError(() => HnswVectorIndex.load(short, dims, 1, 64)).message).toContain('too short');
    const garbage = path.join(tmp, 'garbage.hnsw');
    await writeFile(garbage, Buffer.alloc(4096, 0x41));
    expect(loadError(() => HnswVectorIndex.load(garbage, dims, 1, 64)).message).toContain('not an hnswlib index');
    const truncated = path.join(tmp, 'truncated.hnsw');
    const bytes = await readFile(file);
    await writeFile(truncated, bytes.subarray(0, bytes.length / 2));
    expect(loadError(() => HnswVectorIndex.load(truncated, dims, vectors.length, 64)).message).toContain('corrupted');
  });
});
