// Composition root: builds the answering service and its collaborators from config.
// Front ends (CLI, Telegram, Slack, eval, bench) call openApp() and use app.service / app.store.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnswerService, Answerer, Chunk, DocumentAdder, InteractionStore, RateLimiter } from './ports.js';
import { loadCoreConfig, type CoreConfig, type Env } from './config.js';
import { createLogger, type Logger } from './log.js';
import { openEmbedder, openReranker, type OpenedReranker } from './embed/open.js';
import type { SignedEmbedder } from './embed/transformers.js';
import { indexExists, loadIndex, usedTogether, type LoadedIndex } from './index/open.js';
import { currentGeneration, readManifest } from './index/store.js';
import { createRetriever } from './retrieve/hybrid.js';
import { createExtractiveAnswerer, isLocalPlaceName, type CorpusStats } from './answer/extractive.js';
import { createAnswerService, type IndexSnapshot } from './service.js';
import { createEnglishMapper, type EnglishMapper } from './lang/english.js';
import { createChineseExpander, type ChineseExpander } from './lang/chinese.js';
import { prepareStockPlaces } from './lang/places.js';
import { openSharedIndexFor, openStore } from './store/open.js';
import type { SharedRateLimiter } from './store/rate-limits.js';
import { SlidingWindowRateLimiter } from './runtime/rate-limit.js';
import type { IndexStatus } from './ops/metrics.js';
import type { OpsSources } from './ops/http.js';
import { checkDatabaseFile } from './privacy/files.js';
import { createPrivacyKeys, DataSecretError, loadDataSecret, type PrivacyKeys } from './privacy/keys.js';
import { startRetention } from './privacy/retention.js';
import { createDocumentAdder } from './documents.js';

export interface App {
  config: CoreConfig;
  service: AnswerService;
  store: InteractionStore;
  /** Keyed hashes of platform ids and button signatures (from DATA_SECRET or the secret file). */
  keys: PrivacyKeys;
  logger: Logger;
  /** Things the operator must know once (e.g. lexical-only fallback), already logged. */
  warnings: string[];
  /** Re-reads the index if `ingest` published a new one; called automatically before questions. */
  reloadIndex(): boolean;
  /** The index generation the service answers from now (read it, never change it: eval builds its plain peers from it). */
  currentIndex(): LoadedIndex;
  /** Adds a file or URL to the corpus and this process's live index (staff, through a chat adapter). */
  documents?: DocumentAdder;
  /** What /healthz, /readyz and /metrics read (src/ops); absent unless opened with `ops: true`. */
  ops?: OpsSources | null;
  /** A per-user limiter of `perMinute` questions: in memory, or shared by every replica in PostgreSQL (DATABASE_URL). */
  rateLimiter?(perMinute: number, now?: () => number): RateLimiter;
  /** Stops taking work, waits for in-flight answers (bounded), flushes and closes stores. */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  env?: Env;
  cwd?: string;
  logger?: Logger;
  /** Build the index from the corpus when none exists yet (first run). Default true. */
  autoIngest?: boolean;
  /**
   * Replace the configured answerer (tests inject fault-raising ones). Called once per index generation:
   * `extractive` reads that generation's statistics, `generation` names it.
   */
  answerer?: (defaults: { extractive: Answerer; generation: string; stats: CorpusStats }) => Answerer;
  /** How often to look for a newly published index, in ms (default 1000). */
  reloadCheckMs?: number;
  /**
   * Count questions, latency and error log lines for /metrics (the chat adapters). The service and the logger
   * the app returns are then the counting ones; the CLI leaves it off and never loads prom-client.
   */
  ops?: boolean;
  /**
   * Prepare each index generation for its first question as soon as it loads, between events (the chat adapters, long
   * running): the English mapper and lexicon, the Chinese expander, the stock dictionary's place names. Without it
   * (the CLI's one-shot ask) each is built when a question first needs it — for the first English question after a
   * start or a reload, some hundreds of milliseconds. (It runs at the event loop's next turn: a caller that asks in
   * process at once, never yielding, finds it not yet done.)
   */
  warm?: boolean;
}

export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  const env = options.env ?? process.env;
  const config = loadCoreConfig(env, options.cwd);
  const metricsModule = options.ops ? await import('./ops/metrics.js') : null;
  let indexStatus: () => IndexStatus | undefined = () => undefined;
  const metrics = metricsModule?.createMetrics(() => indexStatus()) ?? null;
  const logger = metrics ? metrics.countErrors(options.logger ?? createLogger()) : (options.logger ?? createLogger());
  const warnings: string[] = [];

  // Before anything slow: an unusable database or secret stops the start at once, with the path and the fix.
  // With DATABASE_URL no SQLite file is opened, and a secret not in the environment is kept in PostgreSQL
  // (shared by every replica), never in a file on one machine.
  const shared = Boolean(config.databaseUrl);
  if (!shared) checkDatabaseFile(config.dbPath);
  const dataSecret = shared && !config.privacy.dataSecret ? null : loadDataSecret({ envSecret: config.privacy.dataSecret, dbPath: config.dbPath });
  if (dataSecret?.source === 'generated') logger.info('privacy.secret_generated', { file: dataSecret.file, note: 'keep it with the database backups; set DATA_SECRET to share one secret between replicas' });

  // With DATABASE_URL the index comes from PostgreSQL: this replica's INDEX_DIR follows the shared generation.
  const sharedIndex = config.databaseUrl ? await openSharedIndexFor(config, logger) : null;
  // The PostgreSQL client is loaded only when PostgreSQL is configured (a one-off CLI answer starts faster).
  const sharedLimiter = config.databaseUrl ? (await import('./store/rate-limits.js')).openSharedRateLimiter : null;
  if (sharedIndex) await sharedIndex.sync(config.indexDir);

  const firstBuild = !indexExists(config.indexDir) && options.autoIngest !== false;
  let embedder: SignedEmbedder | null = null;
  if (!firstBuild && config.embedding.model && !indexHasVectors(config.indexDir)) {
    // No vectors to search: loading the model would only cost start-up time.
    warnings.push(
      `Retrieval is lexical-only (keyword search): the index in ${config.indexDir} was built without vectors. ` +
        `Run \`npm run ingest -- --rebuild\` once ${config.embedding.model} can be loaded to add them.`,
    );
  } else {
    const opened = await openEmbedder(config.embedding, logger);
    if (opened.warning) warnings.push(opened.warning);
    embedder = opened.embedder as SignedEmbedder | null;
  }

  // RERANK_MODEL: a cross-encoder that orders the first-stage passages; unset, or failing to load, answers keep that order.
  const reranking: OpenedReranker = await openReranker(config.rerank, config.embedding, logger);
  if (reranking.warning) warnings.push(reranking.warning);
  const rerank = reranking.reranker ? { reranker: reranking.reranker, candidates: config.rerank.candidates } : null;

  if (firstBuild) {
    const build = async () => {
      logger.info('index.first_build', { corpus: config.corpusDir, index: config.indexDir });
      const { ingest } = await import('./ingest/pipeline.js');
      const report = await ingest(config, { paths: [config.corpusDir], embedder }, logger);
      for (const r of report.rejected) warnings.push(`Skipped ${r.path}: ${r.reason}`);
    };
    if (!sharedIndex) await build();
    else {
      // The first replica to start builds and publishes; the others wait for the lock, then download it.
      await sharedIndex.withIngestLock(async () => {
        if (await sharedIndex.sync(config.indexDir)) return;
        await build();
        await sharedIndex.publish(currentGeneration(config.indexDir)!);
      });
    }
  }

  const store = await openStore(config, logger);
  let keys: PrivacyKeys;
  try {
    keys = createPrivacyKeys(dataSecret?.secret ?? (await sharedSecret(store)));
  } catch (error) {
    await store.close();
    throw error;
  }
  // DATA_RETENTION_DAYS: old questions, votes, turns and delivery records go, at start and hourly.
  const retention = startRetention({ store, days: config.privacy.retentionDays, logger });
  // One bundle per index generation: the retriever, the answerers and the English mapper of a question
  // all read the generation the question started on, even when a reload lands mid-question.
  const llm = config.llm ? await import('./answer/llm.js') : null; // LangChain loads only when an LLM is configured
  const bundle = (index: LoadedIndex): IndexSnapshot => {
    const retriever = createRetriever({ index: () => index, embedder, config: config.retrieval, logger, rerank });
    const stats = corpusStats(index);
    const extractive = createExtractiveAnswerer(() => stats);
    let answerer: Answerer = extractive;
    if (config.llm && llm) answerer = llm.createLlmAnswerer({ config: config.llm, fallback: extractive, logger });
    if (options.answerer) answerer = options.answerer({ extractive, generation: index.generation, stats });
    let mapper: EnglishMapper | null = null;
    const english = () =>
      (mapper ??= createEnglishMapper({
        names: [...index.terms, ...index.places],
        lexicon: index.lexicon ?? undefined,
        corpusWord: (word) => index.tokenizer.tokens(word).some((t) => index.keyword.documentFrequency(t) > 0),
      }));
    let expander: ChineseExpander | null = null;
    const chinese = () =>
      (expander ??= createChineseExpander({ tokenizer: index.tokenizer, documentFrequency: (t) => index.keyword.documentFrequency(t), vocabulary: () => index.keyword.vocabulary(), besideAny: usedTogether(index), paraphrases: (word) => index.paraphrases?.[word] }));
    return { index, retriever, answerer, fallback: extractive, english, chinese };
  };
  const loadedAt = new WeakMap<LoadedIndex, number>();
  // (With options.warm: each generation's lazily built parts, built between events once it loads.)
  const holder = new IndexHolder(config, embedder, logger, options.reloadCheckMs ?? 1000, (index) => {
    loadedAt.set(index, Date.now());
    const snapshot = bundle(index);
    if (options.warm) setImmediate(() => warmUp(snapshot, logger));
    return snapshot;
  });
  warnings.push(...holder.current().index.warnings);
  // A generation published by an ingest on any machine is downloaded and loaded within moments.
  await sharedIndex?.follow(config.indexDir, () => holder.maybeReload(true));
  const currentStatus = (): IndexStatus => {
    const { index } = holder.current();
    return {
      generation: path.basename(index.generation),
      documents: index.manifest.counts.documents,
      chunks: index.chunks.length,
      loadedAt: loadedAt.get(index) ?? 0,
      vectors: index.vectors !== null,
    };
  };
  indexStatus = currentStatus;

  const limiters: SharedRateLimiter[] = [];
  const service = createAnswerService({ config, snapshot: () => holder.current(), store, logger });

  // Track in-flight questions so close() can let them finish.
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const trackedService: AnswerService = {
    ...service,
    ask(request) {
      if (closing) return Promise.reject(new Error('The bot is shutting down; please ask again in a moment.'));
      holder.maybeReload();
      const p = service.ask(request);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => undefined);
      return p;
    },
  };

  // Staff adds: the same incremental ingest as `npm run ingest`, under the same lock (with DATABASE_URL the
  // shared one, and the result published to every replica); this process loads the new generation at once.
  const documents = createDocumentAdder({
    config,
    embedder,
    logger,
    reload: () => holder.maybeReload(true),
    ...(sharedIndex
      ? {
          runIngest: (run) =>
            sharedIndex.withIngestLock(async () => {
              await sharedIndex.sync(config.indexDir);
              const report = await run();
              const live = currentGeneration(config.indexDir);
              if (live && report.wrote) await sharedIndex.publish(live);
              return report;
            }),
        }
      : {}),
  });

  const ops: OpsSources | null = metrics
    ? {
        metrics,
        indexStatus: currentStatus,
        storeWritable: () => store.checkWritable?.() ?? Promise.resolve(),
        logger,
      }
    : null;

  return {
    config,
    service: metrics ? metrics.instrument(trackedService) : trackedService,
    store,
    keys,
    logger,
    warnings,
    reloadIndex: () => holder.maybeReload(true),
    currentIndex: () => holder.current().index,
    documents,
    ops,
    rateLimiter(perMinute, now = Date.now) {
      const memory = new SlidingWindowRateLimiter(perMinute, 60_000, now);
      if (!config.databaseUrl || !sharedLimiter) return memory;
      const shared = sharedLimiter({ url: config.databaseUrl, perWindow: perMinute, windowMs: 60_000, hash: (k) => keys.id('rate', k), fallback: memory, logger, now });
      limiters.push(shared);
      return shared;
    },
    async close() {
      if (closing) return;
      closing = true;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 10_000).unref())]);
      retention.stop();
      await store.close();
      await sharedIndex?.close();
      for (const l of limiters) await l.close().catch(() => undefined);
      await (embedder as { dispose?: () => Promise<void> } | null)?.dispose?.().catch(() => undefined);
      await reranking.reranker?.dispose().catch(() => undefined);
    },
  };
}

function indexHasVectors(indexDir: string): boolean {
  try {
    const gen = currentGeneration(indexDir);
    return Boolean(gen && readManifest(gen).embedding);
  } catch {
    return true; // unreadable manifest: let loadIndex report it properly
  }
}

/** The corpus statistics the extractive answerer weighs terms with, from one generation. */
export function corpusStats(index: LoadedIndex): CorpusStats {
  // The chunks of each document in reading order, found once on first need (a question's scope check reads
  // whole documents; the answerer reads a passage's neighbours).
  let byDocument: Map<string, number[]> | null = null;
  const chunksOf = (docId: string): number[] => {
    if (!byDocument) {
      byDocument = new Map();
      index.chunks.forEach((c, i) => {
        const list = byDocument!.get(c.docId);
        if (list) list.push(i);
        else byDocument!.set(c.docId, [i]);
      });
    }
    return byDocument.get(docId) ?? [];
  };
  const documentText = (docId: string): string => {
    const rows = chunksOf(docId);
    return rows.length ? `${index.chunks[rows[0]].title}\n${rows.map((i) => index.chunks[i].normText).join('\n')}` : '';
  };
  const neighbours = (chunk: Chunk) => {
    const rows = chunksOf(chunk.docId);
    const at = (ordinal: number) => {
      const i = rows.find((r) => index.chunks[r].ordinal === ordinal);
      return i === undefined ? undefined : index.chunks[i];
    };
    const before = at(chunk.ordinal - 1);
    const after = at(chunk.ordinal + 1);
    return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
  };
  // The corpus dictionary's names that end like a place (柳溪街道, 石桥社区, 东岭村).
  const places = index.terms.filter((term) => isLocalPlaceName(term, index.tokenizer));
  // (The English lexicon's everyday words only when a question needs them: reading the lexicon waits for an English question.)
  let everydayEnglish: ReadonlySet<string> | undefined;
  return {
    tokenizer: index.tokenizer,
    documentFrequency: (t) => index.keyword.documentFrequency(t),
    size: index.keyword.size,
    romanised: index.romanised,
    documentText,
    places,
    neighbours,
    get everydayEnglish() {
      return (everydayEnglish ??= new Set(index.lexicon?.everyday ?? []));
    },
  };
}

/** Holds the live generation's bundle and swaps in a newly published generation without a restart. */
class IndexHolder {
  private snapshot: IndexSnapshot;
  private lastCheck = 0;

  constructor(
    private readonly config: CoreConfig,
    private readonly embedder: SignedEmbedder | null,
    private readonly logger: Logger,
    private readonly checkMs: number,
    private readonly bundle: (index: LoadedIndex) => IndexSnapshot,
  ) {
    this.snapshot = bundle(loadIndex(config, embedder, logger));
  }

  current(): IndexSnapshot {
    return this.snapshot;
  }

  /** True when a new generation was loaded. In-flight questions keep the snapshot they started with. */
  maybeReload(force = false): boolean {
    const now = Date.now();
    if (!force && now - this.lastCheck < this.checkMs) return false;
    this.lastCheck = now;
    let name: string;
    try {
      name = fs.readFileSync(path.join(this.config.indexDir, 'CURRENT'), 'utf8').trim();
    } catch {
      return false;
    }
    if (path.join(this.config.indexDir, name) === this.snapshot.index.generation) return false;
    try {
      const index = loadIndex(this.config, this.embedder, this.logger);
      this.snapshot = this.bundle(index);
      this.logger.info('index.reloaded', { generation: index.generation, chunks: index.chunks.length });
      return true;
    } catch (err) {
      // Keep answering from the index we have rather than failing questions.
      this.logger.error('index.reload_failed', { error: err });
      return false;
    }
  }
}

/** The installation secret kept in the shared database (created once, by whichever replica starts first). */
async function sharedSecret(store: InteractionStore): Promise<string> {
  const secret = await store.sharedSecret(() => randomBytes(32).toString('base64url'));
  if (!secret) {
    throw new DataSecretError(`The ${store.backend} store keeps no shared data secret; set DATA_SECRET (at least 16 characters) in the environment of every replica.`);
  }
  return secret;
}

/** Builds what a generation's first questions would otherwise build (OpenAppOptions.warm); a failure only logs. */
function warmUp(snapshot: IndexSnapshot, logger: Logger): void {
  const start = performance.now();
  try {
    snapshot.english();
    snapshot.chinese();
    prepareStockPlaces();
    logger.info('index.warmed', { generation: snapshot.index.generation, ms: Math.round(performance.now() - start) });
  } catch (error) {
    logger.warn('index.warm_failed', { generation: snapshot.index.generation, error: (error as Error).message, note: 'its first questions build what they need' });
  }
}
