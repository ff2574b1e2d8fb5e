// How an embedder embeds: recorded in the index manifest so queries are embedded the same way.
// Kept apart from transformers.ts so code that only reads signatures never loads the ONNX runtime.
import type { Embedder } from '../ports.js';

/** An Embedder that also states how it embeds, so an index can record it. */
export interface SignedEmbedder extends Embedder {
  readonly queryPrefix: string;
  readonly passagePrefix: string;
  readonly dtype: string;
}

/** What an index built with an embedder must be queried with (stored in the index manifest). */
export interface ModelSignature {
  model: string;
  dims: number;
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
  dtype: string;
}

export function modelSignature(embedder: SignedEmbedder): ModelSignature {
  return {
    model: embedder.modelId,
    dims: embedder.dims,
    pooling: embedder.pooling,
    queryPrefix: embedder.queryPrefix,
    passagePrefix: embedder.passagePrefix,
    dtype: embedder.dtype,
  };
}

