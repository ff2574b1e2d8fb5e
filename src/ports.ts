// The ports: every small interface and shared data type the pipeline stages pass one way.
// ingest:  read → normalise → split pages into articles → chunk → embed → index
// answer:  question → detect language → expand terms → retrieve → fuse → answer → render
// Implementations live elsewhere and are passed in; nothing here imports an implementation.

export type Language = 'zh' | 'en';
export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

// ---------- documents ----------

/** A file from the corpus, decoded. `id` is the file name relative to the corpus root (users see it in citations). */
export interface SourceDocument {
  id: string;
  path: string;
  text: string;
  /** sha256 of the raw bytes: the unit of incremental ingest. */
  hash: string;
  /** 'utf-8', 'gb18030' (text), a web page's charset, or 'binary' (pdf, docx). */
  encoding: string;
}

/** What a document states about itself and how it was read: shown in citations, used by incremental ingest. */
export interface DocumentMeta {
  /** The document's own title, publication date (YYYY-MM-DD) and web address, when known. */
  title?: string;
  date?: string;
  url?: string;
  /** A file's size and modification time when read: the next ingest skips reading it while both match. */
  size?: number;
  mtimeMs?: number;
  /** A fetched URL's ETag and Last-Modified, sent back on the next ingest (If-None-Match / If-Modified-Since). */
  etag?: string;
  lastModified?: string;
}

/** A file that could not be ingested, reported by name and skipped. */
export interface RejectedFile {
  path: string;
  reason: string;
}

export interface Paragraph {
  /** Original text, for display. */
  text: string;
  /** Char offsets in the page text. */
  start: number;
  end: number;
  /** The subhead this paragraph sits under, if any. */
  subhead?: string;
}

/** One article cut out of a newspaper page. */
export interface Article {
  docId: string;
  title: string;
  /** Kicker lines / subtitles printed with the title (e.g. "——平城区民政局推动…"). */
  subtitle?: string;
  byline?: string;
  subheads: string[];
  paragraphs: Paragraph[];
  start: number;
  end: number;
}

/** The unit that is indexed, retrieved and cited. */
export interface Chunk {
  /** Stable: `${docId}#${ordinal}`. */
  id: string;
  docId: string;
  title: string;
  /** The subhead the chunk's first sentence sits under, if any. */
  subhead?: string;
  /** Original text, for display and quoting. */
  text: string;
  /** Normalised text (NFKC, half-width, numbers joined): what is tokenised and matched. */
  normText: string;
  /** Index of the first paragraph of the chunk within its article. */
  paragraph: number;
  /** Char offsets in the page text. */
  start: number;
  end: number;
  /** Position of the chunk within its document. */
  ordinal: number;
  /** The document's publication date (YYYY-MM-DD) and web address, when known: shown in citations. */
  date?: string;
  url?: string;
}

// ---------- text ----------

export interface Tokenizer {
  /** Search tokens of normalised text: lower-cased, stop-words and punctuation removed. */
  tokens(text: string): string[];
}

// ---------- embeddings and indexes ----------

export interface Embedder {
  readonly modelId: string;
  readonly dims: number;
  readonly pooling: 'mean' | 'cls';
  embedQuery(text: string): Promise<Float32Array>;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
}

/** A cross-encoder: reads the question and each passage together and scores how well the passage answers it. */
export interface PassageReranker {
  readonly modelId: string;
  /** One score per passage, higher is better, in the order given. */
  score(question: string, passages: readonly string[]): Promise<number[]>;
}

export interface Hit {
  /** Position of the chunk in the index's chunk table. */
  chunkIndex: number;
  /** Higher is better. */
  score: number;
}

export interface KeywordSearcher {
  search(tokens: string[], k: number, weights?: Map<string, number>): Hit[];
  /** How many chunks contain the token (for term-informativeness decisions). */
  documentFrequency(token: string): number;
  /** The chunks that contain the token (where a word is used: does a repair fit the rest of the question?). */
  chunksWith(token: string): ArrayLike<number>;
  readonly size: number;
}

export interface VectorSearcher {
  search(vector: Float32Array, k: number): Hit[];
  readonly size: number;
}

// ---------- retrieval ----------

export interface RetrievalQuery {
  text: string;
  language: Language;
  /** Extra Chinese search terms (English mapping, follow-up carry-over), with weights in (0, 1]. */
  expansions?: WeightedTerm[];
  k: number;
  mode?: RetrievalMode;
}

export interface WeightedTerm {
  term: string;
  weight: number;
  /** Where the term came from, for explanations: 'question' | 'glossary' | 'cedict' | 'pinyin' | 'history' | 'synonym' | 'pinyin-repair' | 'variant' | …. */
  origin: string;
  /** The words of the question this term translates (alternatives share it; each source counts once). */
  source?: string;
  /** For a search token of a longer alternative (转移 of 转移登记 for 过户): that alternative, whole. */
  phrase?: string;
}

export interface RetrievedPassage {
  rank: number;
  chunk: Chunk;
  /** Higher is better: BM25 × √(concept coverage) (lexical), cosine similarity (dense), or RRF normalised to (0, 1] (hybrid). */
  score: number;
  lexical?: { rank: number; score: number };
  dense?: { rank: number; score: number };
  /** The cross-encoder's score, when RERANK_MODEL rescored this passage (it then orders the passages). */
  rerank?: number;
}

export interface RetrievalResult {
  passages: RetrievedPassage[];
  mode: RetrievalMode;
  embeddingModel: string | null;
  /** The cross-encoder that ordered the passages, when one ran. */
  rerankModel?: string;
  /** The weighted search terms actually used (question tokens plus expansions). */
  terms: WeightedTerm[];
  warnings: string[];
}

export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<RetrievalResult>;
}

// ---------- answering ----------

export interface Turn {
  question: string;
  /** The question as searched (after follow-up rewriting). */
  searched: string;
  answer: string;
  at: number;
}

export interface AnswerInput {
  question: string;
  language: Language;
  retrieval: RetrievalResult;
  history: Turn[];
  /** When the question is asked (epoch ms): 今年, 去年, "next year" are read against it. Default: the clock. */
  now?: number;
}

export interface AnswerDraft {
  text: string;
  abstained: boolean;
  /** Ranks (1-based) of the passages the answer uses. */
  citations: number[];
  generator: 'extractive' | 'llm';
  /** Why the answerer decided as it did (abstention evidence, fallbacks), for logs and eval. */
  reasons: string[];
  /** How sure the answerer is that the answer holds, in [0, 1], when it computes a score (eval's reliability view). */
  confidence?: number;
}

export interface Answerer {
  answer(input: AnswerInput): Promise<AnswerDraft>;
}

// ---------- the service every front end calls ----------

export type Channel = 'cli' | 'telegram' | 'slack' | 'eval' | 'bench';

export interface AskRequest {
  question: string;
  conversationId?: string;
  channel?: Channel;
  /** Chat / channel id for the interaction log: a keyed hash from the chat adapters (never a user's name). */
  chatId?: string;
  /** Keyed hash of the asker's platform id, so /forget can find their questions. */
  userKey?: string;
  mode?: RetrievalMode;
  k?: number;
}

/** The `ask --json` contract. Keep it stable: the eval harness and outside evaluators depend on it. */
export interface AskResponse {
  question: string;
  answer: string;
  abstained: boolean;
  language: Language;
  sources: Source[];
  citations: number[];
  /** rerank_model: present only when a cross-encoder (RERANK_MODEL) ordered the sources. */
  retrieval: { mode: RetrievalMode; embedding_model: string | null; rerank_model?: string };
  timings_ms: { retrieve: number; answer: number; total: number };
  /** Notes for the asker (trimmed question, lexical fallback, ...). Not part of the answer text. */
  notes?: string[];
  /** Row id in the interaction log, for feedback buttons (absent when the log is off or failed). */
  interaction_id?: number;
  /** The answerer's confidence in [0, 1], when it computes one (absent otherwise, e.g. for abstentions). */
  confidence?: number;
}

export interface Source {
  rank: number;
  doc: string;
  title: string;
  text: string;
  score: number;
  /** The document's publication date (YYYY-MM-DD), when it states one. */
  date?: string;
  /** The document's web address, when it was ingested from a URL. */
  url?: string;
}

export interface AnswerService {
  ask(request: AskRequest): Promise<AskResponse>;
  /** Forget a conversation's turns (Telegram /new). */
  forget(conversationId: string): Promise<void>;
  /** What the collection holds, for /help texts. */
  describe(): CollectionInfo;
}

export interface CollectionInfo {
  documents: number;
  chunks: number;
  titles: { doc: string; title: string }[];
  mode: RetrievalMode;
  embeddingModel: string | null;
  builtAt: string;
}

// ---------- rate limits ----------

/** 'deny-notify' for the first refusal in a window (tell the user once), 'deny-silent' afterwards. */
export type RateDecision = 'allow' | 'deny-notify' | 'deny-silent';

/** Counts one attempt by a user; in memory for one process, in PostgreSQL for replicas. */
export interface RateLimiter {
  take(key: string): RateDecision | Promise<RateDecision>;
}

// ---------- the interaction store (SQLite by default, PostgreSQL for several replicas) ----------
// Every method is asynchronous and backend-neutral. Failures that pass (a lock, a full disk, a
// restarting server) never reject: writes are queued and retried, reads answer empty, and the
// outcome says so in its type rather than with a sentinel value.

export interface InteractionRecord {
  channel: Channel;
  /** Chat / channel id: a keyed hash from the chat adapters (never a user's name). */
  chatId: string;
  /** Keyed hash of the asker's platform id (absent for the CLI): what /forget deletes by. */
  userKey?: string;
  conversationId?: string;
  question: string;
  answer: string;
  abstained: boolean;
  sources: Source[];
  latencyMs: number;
  error?: string;
  /** Answered, but with low confidence: staff see it in /gaps beside abstentions and 👎. */
  lowConfidence?: boolean;
  at?: number;
}

export interface FeedbackRecord {
  interactionId: number;
  /** Opaque per-platform user id, used only to count a vote once. */
  voterKey: string;
  vote: 'up' | 'down';
  at?: number;
}

export interface GapGroup {
  /** The latest question in the group. */
  example: string;
  count: number;
  abstained: number;
  downvoted: number;
  /** Answered with low confidence. */
  lowConfidence: number;
  channels: Channel[];
  lastAt: number;
}

export interface DailyStats {
  day: string;
  channel: Channel;
  questions: number;
  abstained: number;
  up: number;
  down: number;
}

/** A stored interaction, with its row id. */
export type StoredInteraction = InteractionRecord & { id: number; at: number };

/**
 * What became of a write:
 * - `saved`: it is in the database (`id` is the new row's id);
 * - `queued`: the database refused for now (busy, full, unreachable); it is kept in memory and retried in order;
 * - `rejected`: the database refused the write itself (logged); it will not be retried;
 * - `closed`: the store was closed; nothing was written.
 */
export type WriteOutcome = { status: 'saved'; id: number } | { status: 'queued' | 'rejected' | 'closed' };

/**
 * A vote's outcome: `stored` the first time a voter votes on an interaction, `duplicate` afterwards (a changed
 * mind replaces the earlier vote), `unknown-interaction` for a vote on nothing, `queued` when the database
 * cannot be written right now (the retry decides stored/duplicate), `rejected` when the database refused it
 * (logged), `closed` after close().
 */
export type FeedbackOutcome = 'stored' | 'duplicate' | 'unknown-interaction' | 'queued' | 'rejected' | 'closed';

/** What /forget deleted; `queued` when the database cannot be written now (the deletion is retried). */
export type ForgetOutcome =
  | { status: 'deleted'; interactions: number; turns: number; votes: number }
  | { status: 'queued' | 'rejected' | 'closed' };

/** Rows deleted by a retention purge. */
export interface PurgeCounts {
  interactions: number;
  votes: number;
  turns: number;
  deliveries: number;
}

export interface InteractionStore {
  /** Which backend this is ('sqlite', 'postgres'), for logs and health output. */
  readonly backend: string;
  recordInteraction(record: InteractionRecord): Promise<WriteOutcome>;
  getInteraction(id: number): Promise<StoredInteraction | undefined>;
  recordFeedback(feedback: FeedbackRecord): Promise<FeedbackOutcome>;
  /**
   * True when this process should answer a delivery (e.g. `telegram:update:123`, `slack:event:Ev1`): the first
   * time it is seen, and again when an earlier attempt never finished because its process died (or its lease
   * ran out), also across restarts and replicas. False for a delivery answered already or being answered now.
   */
  claimDelivery(key: string): Promise<boolean>;
  /** The reply to a claimed delivery was sent (or the attempt ended): later redeliveries are duplicates. */
  completeDelivery(key: string): Promise<void>;
  /** Deletes everything stored about one person (their questions, their conversations' turns, their votes). */
  forgetPerson(userKey: string): Promise<ForgetOutcome>;
  /** Deletes interactions, votes, conversation turns and delivery records older than `beforeMs` (retention). */
  purge(beforeMs: number): Promise<PurgeCounts>;
  appendTurn(conversationId: string, turn: Turn): Promise<void>;
  recentTurns(conversationId: string, limit: number, maxAgeMs: number): Promise<Turn[]>;
  clearConversation(conversationId: string): Promise<void>;
  gaps(sinceMs: number, limit: number): Promise<GapGroup[]>;
  stats(sinceMs: number): Promise<DailyStats[]>;
  /**
   * The installation secret (keys hashed ids, signs buttons) kept in a database that replicas share, created with
   * `create()` by whichever process asks first; undefined for a backend that keeps none (SQLite: a file beside it).
   */
  sharedSecret(create: () => string): Promise<string | undefined>;
  /** Writes what is queued (bounded effort) and closes; idempotent. */
  close(): Promise<void>;
  /** Resolves when a write could be made now (for /readyz); rejects with the reason otherwise. Writes nothing. */
  checkWritable(): Promise<void>;
}

// ---------- adding documents (staff, from a chat platform) ----------

/** What became of one document staff asked to add. */
export interface AddDocumentResult {
  /** `busy`: another ingest holds the lock; nothing was changed, try again. */
  status: 'added' | 'updated' | 'unchanged' | 'rejected' | 'busy';
  /** What staff gave: the file's name or the URL. */
  source: string;
  /** The document's id in the index: its path relative to the corpus, or the URL. */
  doc?: string;
  title?: string;
  /** Publication date (YYYY-MM-DD), when the document states one. */
  date?: string;
  chunks?: number;
  /** How it was read and split (e.g. html, notice). */
  format?: string;
  kind?: string;
  /** Blocks left out as not body text, counted by reason. */
  dropped?: { reason: string; count: number }[];
  /** Why it was rejected (or why the ingest is busy). */
  reason?: string;
}

/**
 * Adds one document to the corpus and the live index (files are saved under CORPUS_DIR/staff-uploads/, URLs
 * listed in CORPUS_DIR/staff-uploads/.urls.txt), through the incremental ingest and its lock; the running
 * service answers from it as soon as the call returns. Never throws for bad input: the result says why.
 */
export interface DocumentAdder {
  /** Largest file accepted, in bytes (FETCH_MAX_BYTES), and how long a download may take (FETCH_TIMEOUT_MS). */
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Why a file of this name and size would be refused, checked before downloading it; undefined when it may be added. */
  check(file: { name: string; size?: number }): Promise<string | undefined>;
  addFile(file: { name: string; bytes: Uint8Array }): Promise<AddDocumentResult>;
  addUrl(url: string): Promise<AddDocumentResult>;
}
