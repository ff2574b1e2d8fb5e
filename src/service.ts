// The answering service every front end calls: one `ask(request)`.
// question → clean → detect language → expand terms (English, follow-up) → retrieve → answer → log.
import type { AnswerDraft, Answerer, AnswerService, AskRequest, AskResponse, CollectionInfo, InteractionStore, Language, Retriever, WeightedTerm } from './ports.js';
import type { CoreConfig } from './config.js';
import type { Logger } from './log.js';
import type { LoadedIndex } from './index/open.js';
import { withSpellingFixed, type EnglishMapper } from './lang/english.js';
import { withSlipsRepaired, type ChineseExpander } from './lang/chinese.js';
import { detectLanguage } from './lang/detect.js';
import { arabicAges, fixAskingTypos, stripCourtesy, stripInstructions } from './answer/question.js';
import { planFollowUp } from './answer/followup.js';
import { halfWidthAlphanumerics, stripInvisible } from './text/normalize.js';
import { mask } from './privacy/mask.js';
import { citationKeys } from './text/citation.js';

/** Everything a question reads from one index generation. */
export interface IndexSnapshot {
  index: LoadedIndex;
  retriever: Retriever;
  /** The configured answerer (LLM or extractive). */
  answerer: Answerer;
  /** The extractive answerer: used when the configured one fails. */
  fallback: Answerer;
  english: () => EnglishMapper;
  /** Synonyms and pinyin repairs for Chinese questions. */
  chinese: () => ChineseExpander;
}

export interface ServiceDeps {
  config: CoreConfig;
  /** The live generation; read once per question, so a reload mid-question cannot mix two builds. */
  snapshot: () => IndexSnapshot;
  store: InteractionStore | null;
  logger: Logger;
  /** Notes every answer carries (e.g. the lexical-only fallback), said once per process on stderr by the caller. */
  notes?: () => string[];
}

export function createAnswerService(deps: ServiceDeps): AnswerService {
  const { config, logger } = deps;

  async function ask(request: AskRequest): Promise<AskResponse> {
    const started = performance.now();
    const notes: string[] = [...(deps.notes?.() ?? [])];
    let question = halfWidthAlphanumerics(wellFormed(stripInvisible(String(request.question ?? '')))).replace(/\s+/g, ' ').trim();
    if (question.length > config.maxQuestionChars) {
      // Never keep half of an emoji at the cut.
      const end = /[\uD800-\uDBFF]/.test(question[config.maxQuestionChars - 1]) ? config.maxQuestionChars - 1 : config.maxQuestionChars;
      question = question.slice(0, end);
      notes.push(`The question was longer than ${config.maxQuestionChars} characters and was trimmed.`);
    }
    const language: Language = detectLanguage(question);
    const k = Math.max(1, request.k ?? config.retrieval.k);

    // (Ages in Chinese numerals are read in digits, as documents write them: 七十二了 → 72了. Greetings and thanks
    // around the question — 您好，我想咨询一下…谢谢！ — are not part of it.)
    const stripped = stripInstructions(question);
    const cleaned = { ...stripped, text: arabicAges(fixAskingTypos(stripCourtesy(stripped.text))) };
    if (cleaned.injection) notes.push('Instructions inside the question were ignored; the bot only answers from the documents.');
    const snapshot = deps.snapshot();
    const { index } = snapshot;

    const history = request.conversationId && config.conversation.turns > 0 ? await safeTurns(request.conversationId) : [];
    // A slip read as one word is read as that word from here on, in what is asked and what is searched: "phone nuber"
    // asks a number, 表准是多少 a standard's figure. (The expansions are those of the question as meant.)
    const expand = language === 'en' ? (text: string) => snapshot.english().expand(text) : (text: string) => snapshot.chinese().expand(text);
    const typed = expand(cleaned.text);
    const meant = language === 'en' ? withSpellingFixed(cleaned.text, typed) : withSlipsRepaired(cleaned.text, typed, index.tokenizer);
    const expansions: WeightedTerm[] = meant === cleaned.text ? typed : expand(meant);
    cleaned.text = meant;
    const ownTerms = index.tokenizer.tokens(cleaned.text).length + expansions.length;
    const followUp = planFollowUp(cleaned.text, language, history, index.tokenizer, ownTerms);
    expansions.push(...followUp.carried);

    const emptyQuestion = !/[\p{L}\p{N}]/u.test(cleaned.text);
    const retrieveStart = performance.now();
    const retrieval = emptyQuestion
      ? { passages: [], mode: request.mode ?? config.retrieval.mode, embeddingModel: null, terms: [], warnings: [] }
      : await snapshot.retriever.retrieve({ text: cleaned.text, language, expansions, k, mode: request.mode });
    const retrieveMs = performance.now() - retrieveStart;
    notes.push(...retrieval.warnings.filter((w) => !notes.includes(w)));

    const answerStart = performance.now();
    const input = { question: cleaned.text || question, language, retrieval, history, now: Date.now() };
    let draft: AnswerDraft;
    try {
      draft = await snapshot.answerer.answer(input);
    } catch (err) {
      logger.error('answer.failed_using_extractive', { error: err });
      draft = await snapshot.fallback.answer(input);
    }
    if (emptyQuestion) {
      draft = {
        text: language === 'en' ? 'Please ask a question about local public services, e.g. "How do I apply for the eldercare allowance?"' : '请提一个关于本地公共服务的问题，例如：“高龄津贴怎么申请？”',
        abstained: true,
        citations: [],
        generator: 'extractive',
        reasons: ['the question has no words to search'],
      };
    }
    const answerMs = performance.now() - answerStart;

    const response: AskResponse = {
      question,
      answer: draft.text,
      abstained: draft.abstained,
      language,
      sources: retrieval.passages.map((p) => ({ rank: p.rank, doc: p.chunk.docId, title: p.chunk.title, text: p.chunk.text, score: p.score, ...citationKeys(p.chunk) })),
      citations: draft.citations,
      retrieval: { mode: retrieval.mode, embedding_model: retrieval.embeddingModel, ...(retrieval.rerankModel ? { rerank_model: retrieval.rerankModel } : {}) },
      timings_ms: { retrieve: round(retrieveMs), answer: round(answerMs), total: round(performance.now() - started) },
    };
    if (notes.length) response.notes = [...new Set(notes)];
    if (draft.confidence !== undefined && !draft.abstained) response.confidence = draft.confidence;

    logger.debug('ask', { channel: request.channel, abstained: draft.abstained, reasons: draft.reasons, followUp: followUp.isFollowUp, ms: response.timings_ms.total });
    // Personal data (phone, ID-card and bank card numbers, e-mail) is masked in everything kept —
    // the question, and the answer too (an abstention names the question's terms); the answer above
    // was computed from the original question and is sent unmasked to the asker.
    if (deps.store && request.channel && request.channel !== 'eval' && request.channel !== 'bench') {
      const saved = await deps.store.recordInteraction({
        channel: request.channel,
        chatId: request.chatId ?? request.channel,
        userKey: request.userKey,
        conversationId: request.conversationId,
        // An answer the answerer itself rates low (e.g. the best passage covers under half the question's
        // key terms) is worth a staff member's look, like an abstention or a 👎.
        lowConfidence: !draft.abstained && draft.confidence !== undefined && draft.confidence < config.privacy.lowConfidenceBelow,
        question: mask(question),
        answer: mask(draft.text),
        abstained: draft.abstained,
        sources: response.sources,
        latencyMs: response.timings_ms.total,
      });
      if (saved.status === 'saved') response.interaction_id = saved.id;
    }
    if (deps.store && request.conversationId && !emptyQuestion) {
      const searched = followUp.isFollowUp ? `${followUp.carried.map((t) => t.term).join(' ')} ${cleaned.text}` : cleaned.text;
      await deps.store.appendTurn(request.conversationId, { question: mask(question), searched: mask(searched), answer: mask(draft.text), at: Date.now() });
    }
    return response;
  }

  async function safeTurns(conversationId: string) {
    try {
      return await deps.store?.recentTurns(conversationId, config.conversation.turns, config.conversation.maxAgeMs) ?? [];
    } catch (err) {
      logger.warn('conversation.read_failed', { error: err });
      return [];
    }
  }

  return {
    ask,
    async forget(conversationId: string) {
      await deps.store?.clearConversation(conversationId);
    },
    describe(): CollectionInfo {
      const { index } = deps.snapshot();
      const titles = index.manifest.documents.flatMap((d) => d.titles.map((title) => ({ doc: d.id, title })));
      return {
        documents: index.manifest.counts.documents,
        chunks: index.manifest.counts.chunks,
        titles,
        mode: index.vectors ? config.retrieval.mode : 'lexical',
        embeddingModel: index.vectors ? (index.manifest.embedding?.model ?? null) : null,
        builtAt: index.manifest.createdAt,
      };
    },
  };
}

/** Half an emoji (a lone surrogate) cannot be stored as UTF-8: SQLite would log three U+FFFD instead. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
