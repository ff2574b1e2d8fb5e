// A cross-encoder reranker through transformers.js (RERANK_MODEL, e.g. Xenova/bge-reranker-base): the question
// and each first-stage passage are read together as one pair, and the model's relevance logit orders them.
// It loads like the embedding model (same folders, hub and load queue) and fails fast and typed at start, so the
// bot says once that it answers without reranking; a failure while scoring is typed too.
import { AutoModelForSequenceClassification, AutoTokenizer, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import type { RerankConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { PassageReranker } from '../ports.js';
import { damagedFilesFix, explainLoadFailure, oneLine, serialLoad, setModelEnv, stallWatchdog, type ModelKind, type ModelPaths } from './transformers.js';

/** The reranker could not be loaded: not downloaded and offline, files missing, or not a sequence-classification model. */
export class RerankUnavailableError extends Error {
  readonly code = 'RERANK_UNAVAILABLE';
  constructor(
    readonly model: string,
    readonly reason: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`Rerank model "${model}" is unavailable: ${reason}. Fix: ${fix}`, options);
    this.name = 'RerankUnavailableError';
  }
}

/** The reranker loaded, but scoring a batch failed; the caller keeps the first-stage order. */
export class RerankFailedError extends Error {
  readonly code = 'RERANK_FAILED';
  constructor(
    readonly model: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Reranking with "${model}" failed: ${reason}. The first-stage order is kept for this request.`, options);
    this.name = 'RerankFailedError';
  }
}

/** The model runs but gives no relevance logits: an embedding model or another task's, not a cross-encoder. */
class NotACrossEncoder extends RerankFailedError {
  constructor(model: string) {
    super(model, 'it has no `logits` output, so it is not a cross-encoder (sequence-classification) model');
  }
}

export interface CrossEncoder extends PassageReranker {
  /** Releases the ONNX session. */
  dispose(): Promise<void>;
}

const RERANK_KIND: ModelKind = { variable: 'RERANK_MODEL', without: 'answer without reranking', example: 'Xenova/bge-reranker-base' };
const DEFAULT_STALL_TIMEOUT_MS = 20_000;
/** Pairs scored in one ONNX run: the first stage hands over ~20, so one or two runs a question. */
const BATCH = 16;

export interface CrossEncoderOptions {
  stallTimeoutMs?: number;
  remoteHost?: string;
}

export async function createCrossEncoder(config: RerankConfig, paths: ModelPaths, logger: Logger, options: CrossEncoderOptions = {}): Promise<CrossEncoder> {
  const model = config.model;
  if (!model) throw new RerankUnavailableError('none', 'reranking is off (RERANK_MODEL is unset)', 'set RERANK_MODEL to a cross-encoder id, e.g. Xenova/bge-reranker-base');
  const started = Date.now();
  const { tokenizer, classifier } = await serialLoad(() => load(config, model, paths, options));

  const scoreBatch = async (question: string, passages: readonly string[]): Promise<number[]> => {
    let logits: { data: ArrayLike<number>; dims: number[] } | undefined;
    try {
      const inputs = tokenizer(new Array(passages.length).fill(question), { text_pair: [...passages], padding: true, truncation: true, max_length: config.maxTokens });
      ({ logits } = (await classifier(inputs)) as { logits?: { data: ArrayLike<number>; dims: number[] } });
    } catch (error) {
      throw new RerankFailedError(model, oneLine(error), { cause: error });
    }
    if (!logits) throw new NotACrossEncoder(model);
    // One relevance logit per pair ([n, 1]); a two-label model's "relevant" column is its last.
    const [rows, labels = 1] = logits.dims;
    if (logits.dims.length !== 2 || rows !== passages.length || logits.data.length !== rows * labels) {
      throw new RerankFailedError(model, `the model returned shape [${logits.dims.join(', ')}] for ${passages.length} pair(s); expected [${passages.length}, 1]`);
    }
    const scores = Array.from({ length: rows }, (_, i) => Number(logits.data[i * labels + labels - 1]));
    if (!scores.every(Number.isFinite)) throw new RerankFailedError(model, 'the model returned a non-finite score');
    return scores;
  };

  // A model that loads but cannot score a pair (a plain encoder, a broken graph) is unusable: say so at start.
  try {
    await scoreBatch('probe', ['probe']);
  } catch (error) {
    await classifier.dispose().catch(() => undefined);
    if (error instanceof NotACrossEncoder) throw new RerankUnavailableError(model, error.reason, `set RERANK_MODEL to a cross-encoder (e.g. ${RERANK_KIND.example}), or none to answer without reranking`, { cause: error });
    const reason = error instanceof RerankFailedError ? error.reason : oneLine(error);
    throw new RerankUnavailableError(model, `it loaded but cannot score a test pair: ${reason}`, damagedFilesFix(paths, model, RERANK_KIND), { cause: error });
  }
  logger.info('rerank.ready', { model, dtype: config.dtype, ms: Date.now() - started });

  return {
    modelId: model,
    async score(question, passages) {
      const scores: number[] = [];
      for (let i = 0; i < passages.length; i += BATCH) scores.push(...(await scoreBatch(question, passages.slice(i, i + BATCH))));
      return scores;
    },
    dispose: () => classifier.dispose().then(() => undefined),
  };
}

async function load(config: RerankConfig, model: string, paths: ModelPaths, options: CrossEncoderOptions): Promise<{ tokenizer: PreTrainedTokenizer; classifier: PreTrainedModel }> {
  const remoteHost = setModelEnv(paths, options.remoteHost);
  const watchdog = stallWatchdog(options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  const loading = Promise.all([
    AutoTokenizer.from_pretrained(model, { progress_callback: watchdog.onProgress }),
    AutoModelForSequenceClassification.from_pretrained(model, { dtype: config.dtype, progress_callback: watchdog.onProgress }),
  ]);
  try {
    const [tokenizer, classifier] = await Promise.race([loading, watchdog.stalled]);
    return { tokenizer, classifier };
  } catch (error) {
    loading.then(([, c]) => c.dispose()).catch(() => undefined);
    const { reason, fix } = explainLoadFailure(paths, model, remoteHost, error, RERANK_KIND);
    throw new RerankUnavailableError(model, reason, fix, { cause: error });
  } finally {
    watchdog.stop();
  }
}
