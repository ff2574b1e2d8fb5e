// Deterministic synthetic data: chunks made by recombining the seeds' sentences (fixed seed), and
// clustered 384-d vectors. The 10k corpus is a prefix of the 100k one, which is a prefix of 1M.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Chunk, Tokenizer } from '../../src/ports.js';
import { gaussian, mulberry32 } from './prng.js';

/** The seeds' sentences, tokenized once with the index tokenizer; workers recombine them. */
export interface SentenceSource {
  sentences: string[];
  tokens: string[][];
  /** Mean characters per seed chunk: synthetic chunks are filled up to this length. */
  targetChars: number;
}

const SENTENCE_END = /(?<=[。！？；!?;])/u;

export function buildSentenceSource(chunks: Chunk[], tokenizer: Tokenizer): SentenceSource {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const c of chunks) {
    for (const raw of c.normText.split(SENTENCE_END)) {
      const s = raw.trim();
      if (s.length < 4 || seen.has(s)) continue;
      seen.add(s);
      sentences.push(s);
    }
  }
  const tokens = sentences.map((s) => tokenizer.tokens(s));
  const targetChars = Math.round(chunks.reduce((n, c) => n + c.normText.length, 0) / Math.max(1, chunks.length));
  return { sentences, tokens, targetChars };
}

export function saveSource(file: string, source: SentenceSource): void {
  writeFileSync(file, JSON.stringify(source));
}

export function loadSource(file: string): SentenceSource {
  return JSON.parse(readFileSync(file, 'utf8')) as SentenceSource;
}

export const CORPUS_SEED = 20_240_607;

/**
 * `count` chunks' tokens. Each chunk takes random sentences until it reaches the seeds' mean chunk
 * length; tokens are the sentences' tokens concatenated (sentence ends are token boundaries, so this
 * equals tokenizing the joined text, without paying jieba a million times).
 */
export function syntheticChunkTokens(source: SentenceSource, count: number, seed = CORPUS_SEED): string[][] {
  const random = mulberry32(seed);
  const n = source.sentences.length;
  const out: string[][] = new Array(count);
  for (let d = 0; d < count; d++) {
    const tokens: string[] = [];
    let chars = 0;
    while (chars < source.targetChars) {
      const s = Math.floor(random() * n);
      chars += source.sentences[s].length;
      for (const t of source.tokens[s]) tokens.push(t);
    }
    out[d] = tokens;
  }
  return out;
}

export const VECTOR_DIMS = 384;
const CLUSTERS = 1000;
const NOISE = 0.8;

/**
 * Unit vectors from a mixture of 1000 random directions with Gaussian noise (|noise| ≈ 0.8):
 * clustered like sentence embeddings are, unlike uniform random vectors. `stream` picks an
 * independent draw of points (0 = the corpus, 1 = queries) around the same cluster centres.
 */
export function clusteredVectors(count: number, stream: number, dims = VECTOR_DIMS): Float32Array[] {
  const centres = Array.from({ length: CLUSTERS }, () => new Float32Array(dims));
  const gc = gaussian(mulberry32(7));
  for (const c of centres) {
    for (let i = 0; i < dims; i++) c[i] = gc();
    normalize(c);
  }
  const random = mulberry32(1000 + stream);
  const g = gaussian(random);
  const scale = NOISE / Math.sqrt(dims);
  const out: Float32Array[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const c = centres[Math.floor(random() * CLUSTERS)];
    const v = new Float32Array(dims);
    for (let i = 0; i < dims; i++) v[i] = c[i] + scale * g();
    out[n] = normalize(v);
  }
  return out;
}

function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < v.length; i++) v[i] *= inv;
  return v;
}
