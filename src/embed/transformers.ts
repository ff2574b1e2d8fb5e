// Sentence embeddings through transformers.js (ONNX Runtime on the CPU).
// The model id, cache folder and local-model folder come from config and are set on
// transformers.js's `env` explicitly: its defaults point inside node_modules.
// Loading fails fast and typed (EmbeddingUnavailableError) so the caller can say once that it
// runs lexical-only; a failure while embedding is typed too (EmbeddingFailedError).
import path from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline, type ProgressInfo } from '@huggingface/transformers';
import type { EmbeddingConfig } from '../config.js';
import type { Logger } from '../log.js';

/** The model could not be loaded: not downloaded and offline, files missing, or not a valid model. */
export class EmbeddingUnavailableError extends Error {
  readonly code = 'EMBEDDING_UNAVAILABLE';
  constructor(
    readonly model: string,
    /** The cause, in one line. */
    readonly reason: string,
    /** What the operator can do about it. */
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(`Embedding model "${model}" is unavailable: ${reason}. Fix: ${fix}`, options);
    this.name = 'EmbeddingUnavailableError';
  }
}

/** The model loaded, but embedding a batch failed; callers fall back to lexical retrieval. */
export class EmbeddingFailedError extends Error {
  readonly code = 'EMBEDDING_FAILED';
  constructor(
    readonly model: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Embedding with "${model}" failed: ${reason}. Dense retrieval is skipped for this request; lexical retrieval still works.`, options);
    this.name = 'EmbeddingFailedError';
  }
}

import type { SignedEmbedder } from './signature.js';
export { modelSignature, type ModelSignature, type SignedEmbedder } from './signature.js';

export interface TransformersEmbedder extends SignedEmbedder {
  /** Releases the ONNX session. */
  dispose(): Promise<void>;
}

export interface TransformersEmbedderOptions {
  /**
   * Give up loading when a file transfer has made no progress for this long (default 20 s).
   * Bounds a hub that accepts connections but never answers (undici waits 300 s for headers)
   * without cutting off a slow but moving first download.
   */
  stallTimeoutMs?: number;
  /** Model hub base URL, e.g. a mirror such as https://hf-mirror.com/ (default: transformers.js's, the Hugging Face Hub). */
  remoteHost?: string;
}

const DEFAULT_STALL_TIMEOUT_MS = 20_000;
const PROBE_TEXT = 'probe';
const DEFAULT_REMOTE_HOST = env.remoteHost;

// transformers.js reads its `env` while files load, so two loads with different settings must
// not interleave (the embedding model and the reranker load through this one queue).
let loadQueue: Promise<unknown> = Promise.resolve();

/** Runs one model load after any other in progress. */
export function serialLoad<T>(load: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(load);
  loadQueue = run.catch(() => undefined);
  return run;
}

/** Where models are looked for and downloaded: the settings both model kinds share. */
export type ModelPaths = Pick<EmbeddingConfig, 'cacheDir' | 'localModelPath' | 'allowRemote'>;

/** Points transformers.js's `env` at the configured folders and hub; returns the hub used. */
export function setModelEnv(paths: ModelPaths, remoteHostOption?: string): string {
  env.allowLocalModels = true;
  env.allowRemoteModels = paths.allowRemote;
  env.localModelPath = paths.localModelPath;
  env.cacheDir = paths.cacheDir;
  env.useFSCache = true;
  const remoteHost = remoteHostOption ? remoteHostOption.replace(/\/*$/, '/') : DEFAULT_REMOTE_HOST;
  env.remoteHost = remoteHost;
  return remoteHost;
}

export async function createTransformersEmbedder(
  config: EmbeddingConfig,
  logger: Logger,
  options: TransformersEmbedderOptions = {},
): Promise<TransformersEmbedder> {
  const model = config.model;
  if (!model) {
    throw new EmbeddingUnavailableError('none', 'embeddings are turned off (EMBEDDING_MODEL=none)', 'set EMBEDDING_MODEL to a model id, e.g. Xenova/multilingual-e5-small');
  }
  const started = Date.now();
  const extractor = await serialLoad(() => loadPipeline(config, model, options));

  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    let data: Float32Array;
    let dims: number[];
    try {
      const output = await extractor(texts, { pooling: config.pooling, normalize: true });
      data = output.data instanceof Float32Array ? output.data : Float32Array.from(output.data as ArrayLike<number>);
      dims = output.dims;
    } catch (error) {
      throw new EmbeddingFailedError(model, oneLine(error), { cause: error });
    }
    const width = dims[dims.length - 1];
    if (dims.length !== 2 || dims[0] !== texts.length || data.length !== texts.length * width) {
      throw new EmbeddingFailedError(model, `the model returned shape [${dims.join(', ')}] for ${texts.length} text(s); expected [${texts.length}, dims]`);
    }
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      const vector = data.slice(i * width, (i + 1) * width);
      if (!vector.every(Number.isFinite)) throw new EmbeddingFailedError(model, `the model returned a non-finite value for text ${i + 1} of the batch`);
      vectors.push(vector);
    }
    return vectors;
  };

  // The output width is the truth about the model; config.json's hidden_size may not be.
  let dims: number;
  try {
    const [probe] = await embedBatch([PROBE_TEXT]);
    dims = probe.length;
  } catch (error) {
    await extractor.dispose().catch(() => undefined);
    const reason = error instanceof EmbeddingFailedError ? error.reason : oneLine(error);
    throw new EmbeddingUnavailableError(model, `it loaded but cannot embed a test sentence: ${reason}`, damagedFilesFix(config, model), { cause: error });
  }

  const embedMany = async (texts: string[]): Promise<Float32Array[]> => {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += config.batchSize) {
      const batch = await embedBatch(texts.slice(i, i + config.batchSize));
      for (const v of batch) {
        if (v.length !== dims) throw new EmbeddingFailedError(model, `the model returned ${v.length} dimensions after ${dims} at load`);
        vectors.push(v);
      }
    }
    return vectors;
  };

  logger.info('embedding.ready', { model, dims, pooling: config.pooling, dtype: config.dtype, ms: Date.now() - started });
  return {
    modelId: model,
    dims,
    pooling: config.pooling,
    queryPrefix: config.queryPrefix,
    passagePrefix: config.passagePrefix,
    dtype: config.dtype,
    async embedQuery(text: string): Promise<Float32Array> {
      const [vector] = await embedMany([config.queryPrefix + text]);
      return vector;
    },
    embedDocuments(texts: string[]): Promise<Float32Array[]> {
      return embedMany(texts.map((t) => config.passagePrefix + t));
    },
    dispose: () => extractor.dispose(),
  };
}

async function loadPipeline(config: EmbeddingConfig, model: string, options: TransformersEmbedderOptions): Promise<FeatureExtractionPipeline> {
  const remoteHost = setModelEnv(config, options.remoteHost);
  const watchdog = stallWatchdog(options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  const loading = pipeline('feature-extraction', model, { dtype: config.dtype, progress_callback: watchdog.onProgress });
  try {
    return await Promise.race([loading, watchdog.stalled]);
  } catch (error) {
    // A load abandoned by the watchdog may still finish later; release what it holds.
    loading.then((p) => p.dispose()).catch(() => undefined);
    throw unavailable(config, model, remoteHost, error);
  } finally {
    watchdog.stop();
  }
}

export class StalledError extends Error {
  constructor(readonly file: string, readonly ms: number) {
    super(`no progress on ${file} for ${ms} ms`);
  }
}

/** Rejects `stalled` when a file transfer has been open without any progress event for `ms`. */
export function stallWatchdog(ms: number) {
  const open = new Set<string>();
  let lastEvent = Date.now();
  let fail: (error: Error) => void = () => undefined;
  const stalled = new Promise<never>((_, reject) => {
    fail = reject;
  });
  stalled.catch(() => undefined);
  const timer = setInterval(() => {
    if (open.size > 0 && Date.now() - lastEvent >= ms) fail(new StalledError([...open][0], ms));
  }, Math.max(10, Math.min(1000, Math.floor(ms / 4))));
  timer.unref();
  return {
    stalled,
    onProgress(info: ProgressInfo) {
      lastEvent = Date.now();
      if (!('file' in info)) return;
      if (info.status === 'initiate') open.add(info.file);
      if (info.status === 'done') open.delete(info.file);
    },
    stop: () => clearInterval(timer),
  };
}

function unavailable(config: EmbeddingConfig, model: string, remoteHost: string, error: unknown): EmbeddingUnavailableError {
  const { reason, fix } = explainLoadFailure(config, model, remoteHost, error, EMBEDDING_KIND);
  return new EmbeddingUnavailableError(model, reason, fix, { cause: error });
}

/** What a model is for, as its load-failure messages name it. */
export interface ModelKind {
  /** The variable that names the model (EMBEDDING_MODEL). */
  variable: string;
  /** What the bot does without it ("run lexical-only"). */
  without: string;
  /** An example id for a model with an onnx/ folder. */
  example: string;
}

const EMBEDDING_KIND: ModelKind = { variable: 'EMBEDDING_MODEL', without: 'run lexical-only', example: 'a Xenova/* model' };

/** Why a model did not load, in one line, and what the operator can do about it. */
export function explainLoadFailure(config: ModelPaths, model: string, remoteHost: string, error: unknown, kind: ModelKind): { reason: string; fix: string } {
  const off = `set ${kind.variable}=none to ${kind.without}`;
  const fetchFix = `connect once to download it into ${config.cacheDir}, put the files under ${path.join(config.localModelPath, model)}, or ${off}`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  let reason: string;
  let fix = fetchFix;
  if (error instanceof StalledError) {
    reason = `the model hub ${remoteHost} stopped answering (${error.message})`;
  } else if (/allowRemoteModels=false.*not found locally/s.test(message)) {
    const file = /not found locally at "([^"]+)"/.exec(message)?.[1];
    reason = `its files are not in ${config.localModelPath} or the cache${file ? ` (missing ${file})` : ''}, and downloads are off (ALLOW_REMOTE_MODELS=false)`;
    fix = `put the files under ${path.join(config.localModelPath, model)}, or set ALLOW_REMOTE_MODELS=true and connect once to download it into ${config.cacheDir}, or ${off}`;
  } else if (message === 'fetch failed' || typeof code === 'string') {
    reason = `the model hub ${remoteHost} is unreachable${typeof code === 'string' ? ` (${code})` : ''} and the model is not cached`;
  } else if (/Could not locate file|Unauthorized access|Forbidden access/.test(message)) {
    reason = `the model hub has no such model or file (${oneLine(error)})`;
    fix = `check the model id in ${kind.variable} (it needs an onnx/ folder, e.g. ${kind.example}), ${fetchFix.replace('connect once to ', '')}`;
  } else if (/protobuf|Load model .* failed|onnx/i.test(message)) {
    reason = `its ONNX file is not a valid model (${oneLine(error)})`;
    fix = damagedFilesFix(config, model, kind);
  } else {
    reason = oneLine(error);
  }
  return { reason, fix };
}

export function damagedFilesFix(config: ModelPaths, model: string, kind: ModelKind = EMBEDDING_KIND): string {
  return `delete ${path.join(config.cacheDir, model)} (and ${path.join(config.localModelPath, model)} if you put it there) so a fresh copy downloads, or set ${kind.variable}=none to ${kind.without}`;
}

export function oneLine(error: unknown, max = 200): string {
  const text = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown error';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
