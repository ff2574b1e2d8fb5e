// Opens the configured embedding model, or explains once why the bot runs lexical-only.
import type { EmbeddingConfig } from '../config.js';
import type { Embedder } from '../ports.js';
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
