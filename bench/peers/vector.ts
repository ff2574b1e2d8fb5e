// Vector engines behind one interface: ours (hnswlib-node), usearch (HNSW, same M/ef settings,
// f32), vectra (JSON file, brute force in JS) and two exact baselines. LangChain's
// MemoryVectorStore is not installed (LangChain v1 moved it to @langchain/classic), and it is a
// brute-force cosine scan in JS, so exactSearch stands in for it.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import usearch from 'usearch';
import { LocalIndex } from 'vectra';
import { exactSearch, HNSW_DEFAULTS, HnswVectorIndex } from '../../src/index/vector.js';

export interface VectorEngine {
  readonly label: string;
  build(vectors: Float32Array[], dims: number): Promise<void>;
  search(query: Float32Array, k: number): Promise<number[]>;
  /** Bytes the engine keeps on disk for this corpus. */
  diskBytes(): number;
}

function ours(dir: string): VectorEngine {
  let index: HnswVectorIndex | null = null;
  const file = path.join(dir, 'ours.hnsw');
  return {
    label: 'ours (HnswVectorIndex, hnswlib)',
    async build(vectors, dims) {
      index = HnswVectorIndex.build(vectors, dims);
      index.save(file);
    },
    async search(q, k) {
      return index!.search(q, k).map((h) => h.chunkIndex);
    },
    diskBytes: () => statSync(file).size,
  };
}

function usearchHnsw(dir: string): VectorEngine {
  let index: InstanceType<typeof usearch.Index> | null = null;
  const file = path.join(dir, 'usearch.usearch');
  return {
    label: 'usearch (HNSW, f32)',
    async build(vectors, dims) {
      index = new usearch.Index({
        dimensions: dims,
        metric: usearch.MetricKind.Cos,
        quantization: usearch.ScalarKind.F32,
        connectivity: HNSW_DEFAULTS.m,
        expansion_add: HNSW_DEFAULTS.efConstruction,
        expansion_search: HNSW_DEFAULTS.ef,
        multi: false,
      });
      const flat = new Float32Array(vectors.length * dims);
      vectors.forEach((v, i) => flat.set(v, i * dims));
      const keys = new BigUint64Array(vectors.length);
      for (let i = 0; i < keys.length; i++) keys[i] = BigInt(i);
      index.add(keys, flat);
      index.save(file);
    },
    async search(q, k) {
      return Array.from(index!.search(q, k, 1).keys, Number);
    },
    diskBytes: () => statSync(file).size,
  };
}

function vectra(dir: string): VectorEngine {
  const folder = path.join(dir, 'vectra');
  const index = new LocalIndex(folder);
  return {
    label: 'vectra (exact, JSON file)',
    async build(vectors) {
      mkdirSync(folder, { recursive: true });
      await index.createIndex({ version: 1, deleteIfExists: true });
      await index.beginUpdate();
      for (let i = 0; i < vectors.length; i++) await index.insertItem({ id: String(i), vector: Array.from(vectors[i]), metadata: { i } });
      await index.endUpdate();
    },
    async search(q, k) {
      const results = await index.queryItems(Array.from(q), '', k);
      return results.map((r) => Number(r.item.metadata.i));
    },
    diskBytes: () => folderBytes(folder),
  };
}

function exactJs(): VectorEngine {
  let data: Float32Array[] = [];
  return {
    label: 'exact, JS (exactSearch ≈ MemoryVectorStore)',
    async build(vectors) {
      data = vectors;
    },
    async search(q, k) {
      return exactSearch(data, q, k).map((h) => h.chunkIndex);
    },
    diskBytes: () => data.length * (data[0]?.length ?? 0) * 4,
  };
}

function exactNative(): VectorEngine {
  let flat = new Float32Array(0);
  let dims = 0;
  let count = 0;
  return {
    label: 'exact, native SIMD (usearch.exactSearch)',
    async build(vectors, d) {
      dims = d;
      count = vectors.length;
      flat = new Float32Array(count * dims);
      vectors.forEach((v, i) => flat.set(v, i * dims));
    },
    async search(q, k) {
      const m = usearch.exactSearch(flat, q, dims, k, usearch.MetricKind.Cos, 1) as InstanceType<typeof usearch.Matches>;
      return Array.from(m.keys, Number);
    },
    diskBytes: () => count * dims * 4,
  };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const s = statSync(path.join(dir, name));
    total += s.isDirectory() ? folderBytes(path.join(dir, name)) : s.size;
  }
  return total;
}

export const VECTOR_ENGINES = { ours, usearch: usearchHnsw, vectra, 'exact-js': (_dir: string) => exactJs(), 'exact-native': (_dir: string) => exactNative() } as const;
export type VectorEngineName = keyof typeof VECTOR_ENGINES;
