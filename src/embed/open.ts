// Opens the configured embedding model and reranker, or explains once why the bot runs without them.
import type { EmbeddingConfig, RerankConfig } from '../config.js';
import type { Embedder, PassageReranker } from '../ports.js';
import type { Logger } from '../log.js';

export type OpenedEmbedder = { embedder: Embedder; warning?: undefined } | { embedder: null; warning: string | null };

export async function openEmbedder(config: EmbeddingConfig, logger: Logger): Promise<OpenedEmbedder> {
  if (!config.model) return { embedder: null, warning: null };
  try {
    // Loaded on demand: the ONNX runtime is heavy and not needed for lexical-only answering.
    const { createTransformersEmbedder } = await import('./transformers.js');
    return { embedder: await createTransformersEmbedder(config, logger, { remoteHost: config.remoteHost }) };
  } catch (err) {
    const warning = `Retrieval is lexical-only (keyword search): ${(err as Error).message}`;
    logger.warn('embedding.unavailable', { model: config.model, error: err });
    return { embedder: null, warning };
  }
}

export type OpenedReranker = { reranker: PassageReranker & { dispose(): Promise<void> }; warning?: undefined } | { reranker: null; warning: string | null };

/** RERANK_MODEL, sharing the embedding model's folders and hub; null (with the reason, once) when it cannot load. */
export async function openReranker(config: RerankConfig, embedding: EmbeddingConfig, logger: Logger): Promise<OpenedReranker> {
  if (!config.model) return { reranker: null, warning: null };
  try {
    const { createCrossEncoder } = await import('./cross-encoder.js');
    return { reranker: await createCrossEncoder(config, embedding, logger, { remoteHost: embedding.remoteHost }) };
  } catch (err) {
    logger.warn('rerank.unavailable', { model: config.model, error: err });
    return { reranker: null, warning: `Passages are not reranked: ${(err as Error).message}` };
  }
}
