// The one module that reads the environment. Everything else receives a typed config.
// Every loader collects *all* problems and reports them in one message, never printing a secret.
import fs from 'node:fs';
import path from 'node:path';
import type { RetrievalMode } from './ports.js';

// A `.env` file in the working directory is read once, without overriding variables already set
// (the test runner never reads one, so a developer's real tokens cannot leak into tests).
if (!process.env.VITEST && fs.existsSync('.env')) process.loadEnvFile('.env');

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[], scope: string) {
    super(`${scope} configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
  }
}

/**
 * Several loaders checked together, so one start reports every problem at once: runs `load` (whose config is
 * returned) and then each of `alsoCheck`, and throws one ConfigError named `scope` listing all their problems.
 */
export function loadTogether<T>(scope: string, load: () => T, alsoCheck: readonly (() => unknown)[]): T {
  const problems: string[] = [];
  const attempt = <R>(loader: () => R): R | undefined => {
    try {
      return loader();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const config = attempt(load);
  for (const loader of alsoCheck) attempt(loader);
  if (problems.length > 0 || config === undefined) throw new ConfigError(problems, scope);
  return config;
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  str(name: string, fallback: string): string {
    const v = this.env[name]?.trim();
    return v ? v : fallback;
  }
  optional(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }
  required(name: string, why: string): string {
    const v = this.optional(name);
    if (!v) this.problems.push(`${name} is required (${why}).`);
    return v ?? '';
  }
  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  }
  fraction(name: string, fallback: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      this.problems.push(`${name} must be a number between 0 and 1 (got "${raw}").`);
      return fallback;
    }
    return n;
  }
  bool(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}").`);
    return fallback;
  }
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
      return fallback;
    }
    return raw as T;
  }
  url(name: string, fallback: string | undefined): string | undefined {
    const raw = this.optional(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return raw.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name} must be an http(s) URL (got "${raw}").`);
      return fallback;
    }
  }
  /** A comma-separated list of ids, each matching `shape`. */
  idList(name: string, shape: RegExp, what: string): string[] {
    const items = (this.optional(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((s) => !shape.test(s));
    if (bad.length) this.problems.push(`${name} must be a comma-separated list of ${what} (not valid: ${bad.map((b) => `"${b}"`).join(', ')}).`);
    return items.filter((s) => shape.test(s));
  }
  fail(scope: string): void {
    if (this.problems.length) throw new ConfigError(this.problems, scope);
  }
}

// ---------- core: index, embeddings, retrieval, answering ----------

/** The ONNX weight variants transformers.js loads (q8 = onnx/model_quantized.onnx). */
const MODEL_DTYPES = ['q8', 'fp32', 'fp16', 'int8', 'uint8', 'q4'] as const;

export interface EmbeddingConfig {
  /** Hugging Face model id, or null when EMBEDDING_MODEL=none. */
  model: string | null;
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
  dtype: (typeof MODEL_DTYPES)[number];
  /** Where downloaded weights are cached (transformers.js env.cacheDir). */
  cacheDir: string;
  /** A folder of local models laid out as <org>/<name>/... (transformers.js env.localModelPath). */
  localModelPath: string;
  allowRemote: boolean;
  /** Model hub base URL (a mirror such as https://hf-mirror.com/), or undefined for transformers.js's default. */
  remoteHost?: string;
  batchSize: number;
}

/** A cross-encoder that rescores the first-stage passages (RERANK_MODEL); it shares the embedding model's folders and hub. */
export interface RerankConfig {
  /** Hugging Face model id (e.g. Xenova/bge-reranker-base), or null when RERANK_MODEL is unset or none. */
  model: string | null;
  /** How many of the first-stage passages it rescores (RERANK_CANDIDATES). */
  candidates: number;
  dtype: EmbeddingConfig['dtype'];
  /** Longest question + passage pair in tokens; longer passages are cut (RERANK_MAX_TOKENS). */
  maxTokens: number;
}

export interface CoreConfig {
  corpusDir: string;
  indexDir: string;
  /** CEDICT_CACHE_DIR: CC-CEDICT compiled for building English lexicons, kept once for every index (src/lang/english/cedict-cache.ts). */
  cedictCacheDir: string;
  dbPath: string;
  /** DATABASE_URL (postgres://…): the store for several replicas; null for the SQLite file at dbPath. */
  databaseUrl: string | null;
  chunkSize: number;
  chunkOverlap: number;
  /** Documents given as http(s) URLs to ingest: per-request timeout and largest body accepted. */
  fetch: { timeoutMs: number; maxBytes: number };
  embedding: EmbeddingConfig;
  rerank: RerankConfig;
  retrieval: { mode: RetrievalMode; k: number; fusion: 'rrf'; rrfK: number; candidates: number; hnswEf: number };
  maxQuestionChars: number;
  conversation: { turns: number; maxAgeMs: number };
  llm: LlmConfig | null;
  privacy: PrivacyConfig;
}

export interface PrivacyConfig {
  /** DATA_SECRET: keys the hashes of stored ids and the button signatures; unset = a generated file beside DB_PATH. */
  dataSecret?: string;
  /** DATA_RETENTION_DAYS: questions, votes, conversations and delivery records older than this are deleted. */
  retentionDays: number;
  /** LOW_CONFIDENCE_BELOW: an answer whose confidence is below this shows in /gaps beside abstentions and 👎. */
  lowConfidenceBelow: number;
}

export interface LlmConfig {
  /** provider:model, e.g. openai:deepseek-chat, ollama:qwen2.5:7b */
  provider: 'openai' | 'ollama';
  model: string;
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
  temperature: number;
}

/** Per-model defaults users would otherwise have to look up; any can be overridden by env. */
const MODEL_PRESETS: Record<string, { pooling: 'mean' | 'cls'; queryPrefix: string; passagePrefix: string }> = {
  'Xenova/multilingual-e5-small': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'Xenova/multilingual-e5-base': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'Xenova/bge-small-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' },
};

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';

export function loadCoreConfig(env: Env = process.env, cwd = process.cwd()): CoreConfig {
  const r = new Reader(env);
  const abs = (p: string) => path.resolve(cwd, p);
  const modelRaw = r.str('EMBEDDING_MODEL', DEFAULT_EMBEDDING_MODEL);
  const model = modelRaw.toLowerCase() === 'none' ? null : modelRaw;
  const preset = (model && MODEL_PRESETS[model]) || { pooling: 'mean' as const, queryPrefix: '', passagePrefix: '' };
  // Off unless named: a cross-encoder costs a model download and a transformer run per passage of every question.
  const rerankRaw = r.optional('RERANK_MODEL');
  const rerankModel = rerankRaw && rerankRaw.toLowerCase() !== 'none' ? rerankRaw : null;
  const chunkSize = r.int('CHUNK_SIZE', 320, 50, 4000);
  const chunkOverlap = r.int('CHUNK_OVERLAP', 60, 0, 2000);
  if (chunkOverlap >= chunkSize) r.problems.push(`CHUNK_OVERLAP (${chunkOverlap}) must be smaller than CHUNK_SIZE (${chunkSize}).`);

  const llmRaw = r.optional('LLM_MODEL');
  let llm: LlmConfig | null = null;
  if (llmRaw && llmRaw.toLowerCase() !== 'none') {
    const idx = llmRaw.indexOf(':');
    const provider = idx > 0 ? llmRaw.slice(0, idx) : '';
    const name = idx > 0 ? llmRaw.slice(idx + 1) : '';
    if ((provider !== 'openai' && provider !== 'ollama') || !name) {
      r.problems.push(`LLM_MODEL must look like openai:<model> or ollama:<model> (got "${llmRaw}").`);
    } else {
      llm = {
        provider,
        model: name,
        baseUrl: r.url('LLM_BASE_URL', provider === 'ollama' ? 'http://127.0.0.1:11434/v1' : undefined),
        apiKey: r.optional('LLM_API_KEY') ?? (provider === 'ollama' ? 'ollama' : undefined),
        timeoutMs: r.int('LLM_TIMEOUT_MS', 20_000, 100, 600_000),
        temperature: 0,
      };
      if (provider === 'openai' && !llm.apiKey) r.problems.push('LLM_API_KEY is required for an openai:* LLM_MODEL.');
    }
  }

  const config: CoreConfig = {
    corpusDir: abs(r.str('CORPUS_DIR', 'seeds')),
    indexDir: abs(r.str('INDEX_DIR', 'index')),
    cedictCacheDir: abs(r.str('CEDICT_CACHE_DIR', '.cache/cedict')),
    dbPath: abs(r.str('DB_PATH', 'data/bot.sqlite')),
    databaseUrl: databaseUrl(r),
    chunkSize,
    chunkOverlap,
    fetch: { timeoutMs: r.int('FETCH_TIMEOUT_MS', 20_000, 100, 600_000), maxBytes: r.int('FETCH_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024) },
    embedding: {
      model,
      pooling: r.oneOf('EMBEDDING_POOLING', preset.pooling, ['mean', 'cls'] as const),
      queryPrefix: env.EMBEDDING_QUERY_PREFIX ?? preset.queryPrefix,
      passagePrefix: env.EMBEDDING_PASSAGE_PREFIX ?? preset.passagePrefix,
      dtype: r.oneOf('EMBEDDING_DTYPE', 'q8', MODEL_DTYPES),
      cacheDir: abs(r.str('MODEL_CACHE_DIR', '.cache/models')),
      localModelPath: abs(r.str('MODEL_LOCAL_PATH', 'models')),
      allowRemote: r.bool('ALLOW_REMOTE_MODELS', true),
      remoteHost: r.url('MODEL_REMOTE_HOST', undefined)?.concat('/'),
      batchSize: r.int('EMBEDDING_BATCH_SIZE', 16, 1, 512),
    },
    rerank: {
      model: rerankModel,
      candidates: r.int('RERANK_CANDIDATES', 20, 2, 200),
      dtype: r.oneOf('RERANK_DTYPE', 'q8', MODEL_DTYPES),
      maxTokens: r.int('RERANK_MAX_TOKENS', 512, 16, 8192),
    },
    retrieval: {
      mode: r.oneOf('RETRIEVAL_MODE', 'hybrid', ['hybrid', 'lexical', 'dense'] as const),
      k: r.int('RETRIEVAL_K', 5, 1, 50),
      fusion: r.oneOf('FUSION', 'rrf', ['rrf'] as const),
      rrfK: r.int('RRF_K', 60, 1, 1000),
      candidates: r.int('RETRIEVAL_CANDIDATES', 50, 5, 1000),
      hnswEf: r.int('HNSW_EF', 128, 10, 5000),
    },
    maxQuestionChars: r.int('MAX_QUESTION_CHARS', 500, 20, 100_000),
    conversation: {
      turns: r.int('CONVERSATION_TURNS', 3, 0, 20),
      maxAgeMs: r.int('CONVERSATION_TTL_MINUTES', 30, 1, 10_080) * 60_000,
    },
    llm,
    privacy: {
      dataSecret: r.optional('DATA_SECRET'),
      retentionDays: r.int('DATA_RETENTION_DAYS', 90, 1, 3650),
      lowConfidenceBelow: r.fraction('LOW_CONFIDENCE_BELOW', 0.5),
    },
  };
  const secret = config.privacy.dataSecret;
  if (secret !== undefined && secret.length < 16) r.problems.push('DATA_SECRET must be at least 16 characters long (e.g. the output of `openssl rand -base64 32`).');
  r.fail('Core');
  return config;
}

// ---------- Telegram ----------

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  mode: 'polling' | 'webhook';
  webhook: { host: string; port: number; path: string; secret?: string; url?: string };
  ratePerMinute: number;
  maxQuestionChars: number;
}

export function loadTelegramConfig(env: Env = process.env): TelegramConfig {
  const r = new Reader(env);
  const token = r.required('TELEGRAM_BOT_TOKEN', 'create a bot with @BotFather and paste its token');
  if (token && !/^\d+:[A-Za-z0-9_-]{20,}$/.test(token)) r.problems.push('TELEGRAM_BOT_TOKEN does not look like a BotFather token (<digits>:<secret>).');
  const mode = r.oneOf('TELEGRAM_MODE', 'polling', ['polling', 'webhook'] as const);
  const secret = r.optional('TELEGRAM_WEBHOOK_SECRET');
  if (mode === 'webhook') {
    if (!secret) r.problems.push('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_MODE=webhook.');
    else if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) r.problems.push('TELEGRAM_WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (1-256 characters).');
  }
  const webhookPath = r.str('TELEGRAM_WEBHOOK_PATH', '/telegram');
  if (!webhookPath.startsWith('/')) r.problems.push(`TELEGRAM_WEBHOOK_PATH must start with "/" (got "${webhookPath}").`);
  const config: TelegramConfig = {
    token,
    apiRoot: r.url('TELEGRAM_API_ROOT', 'https://api.telegram.org') ?? 'https://api.telegram.org',
    mode,
    webhook: {
      host: r.str('TELEGRAM_WEBHOOK_HOST', '0.0.0.0'),
      port: r.int('TELEGRAM_WEBHOOK_PORT', 8443, 0, 65535),
      path: webhookPath,
      secret,
      url: r.url('TELEGRAM_WEBHOOK_URL', undefined),
    },
    ratePerMinute: r.int('RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    maxQuestionChars: r.int('MAX_QUESTION_CHARS', 500, 20, 100_000),
  };
  r.fail('Telegram');
  return config;
}

// ---------- Slack ----------

export interface SlackConfig {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  host: string;
  port: number;
  apiUrl?: string;
  socketMode: boolean;
  ratePerMinute: number;
  /** Who may run /gaps, /stats and document management: these users, or anyone in these channels. */
  staff: { users: string[]; channels: string[] };
}

export function loadSlackConfig(env: Env = process.env): SlackConfig {
  const r = new Reader(env);
  const botToken = r.required('SLACK_BOT_TOKEN', 'install the app from adapters/slack/manifest.yml and copy the Bot User OAuth Token');
  if (botToken && !botToken.startsWith('xoxb-')) r.problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-.');
  const appToken = r.optional('SLACK_APP_TOKEN');
  if (appToken && !appToken.startsWith('xapp-')) r.problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp- (connections:write).');
  const signingSecret = r.optional('SLACK_SIGNING_SECRET');
  if (!appToken && !signingSecret) r.problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode).');
  const apiUrl = r.url('SLACK_API_URL', undefined);
  const config: SlackConfig = {
    botToken,
    appToken,
    signingSecret,
    host: r.str('SLACK_HOST', '0.0.0.0'),
    port: r.int('SLACK_PORT', 3000, 0, 65535),
    apiUrl: apiUrl ? `${apiUrl}/` : undefined,
    socketMode: Boolean(appToken),
    ratePerMinute: r.int('RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    staff: { users: r.idList('SLACK_STAFF_USER_IDS', /^[UW][A-Z0-9]{2,}$/, 'Slack user ids like U012ABCDEF'), channels: r.idList('SLACK_STAFF_CHANNEL_IDS', /^[CGD][A-Z0-9]{2,}$/, 'Slack channel ids like C012ABCDEF') },
  };
  r.fail('Slack');
  return config;
}

/** Secrets in the environment, so log sinks can redact them wherever they appear. */
export function secretValues(env: Env = process.env): string[] {
  return [...['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'LLM_API_KEY', 'DATA_SECRET']
    .map((k) => env[k]?.trim()), databasePassword(env.DATABASE_URL)]
    .filter((v): v is string => Boolean(v && v.length >= 6));
}

function databasePassword(url: string | undefined): string | undefined {
  try {
    const password = url ? new URL(url.trim()).password : '';
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/** DATABASE_URL: a postgres:// or postgresql:// URL, or unset/empty for the SQLite file. */
function databaseUrl(r: Reader): string | null {
  const raw = r.optional('DATABASE_URL');
  if (!raw) return null;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below, without echoing the value (it may hold a password)
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    r.problems.push('DATABASE_URL must look like postgres://user:password@host:5432/database (unset it to use the SQLite file at DB_PATH).');
    return null;
  }
  return raw;
}

// ---------- process-level switches ----------

export interface RuntimeConfig {
  /** LOG_LEVEL, when set; front ends pick their own default (CLIs print notes, bots log). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** DEBUG=1 prints stacks of fatal errors. */
  debug: boolean;
  /** Which chat adapters `npm start` runs: those whose tokens are set. */
  adapters: { telegram: boolean; slack: boolean };
}

export function loadRuntimeConfig(env: Env = process.env): RuntimeConfig {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  return {
    logLevel: level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : undefined,
    debug: Boolean(env.DEBUG?.trim()),
    adapters: { telegram: Boolean(env.TELEGRAM_BOT_TOKEN?.trim()), slack: Boolean(env.SLACK_BOT_TOKEN?.trim()) },
  };
}

// ---------- operations: /healthz, /readyz, /metrics (src/ops) ----------

export interface OpsConfig {
  /** OPS_PORT: a server of its own for the ops endpoints (polling / Socket Mode); null = none. */
  port: number | null;
  /** OPS_HOST: where that server listens; loopback by default (metrics are for your scraper, not the world). */
  host: string;
}

export function loadOpsConfig(env: Env = process.env): OpsConfig {
  const r = new Reader(env);
  const port = r.optional('OPS_PORT') === undefined ? null : r.int('OPS_PORT', 0, 0, 65535);
  const config: OpsConfig = { port, host: r.str('OPS_HOST', '127.0.0.1') };
  r.fail('Ops');
  return config;
}
