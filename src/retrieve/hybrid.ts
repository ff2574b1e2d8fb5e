// Retrieval: keyword (BM25 over jieba tokens, reranked by the question's concepts each chunk covers:
// rerank.ts) and dense (HNSW over embeddings) rankings, fused by reciprocal rank fusion. Scores shown to
// readers are higher-is-better: lexical: BM25 × √(concept coverage); dense: cosine similarity; hybrid: RRF
// normalised so that rank 1 in both lists = 1.
import type { Embedder, Hit, PassageReranker, RetrievalMode, RetrievalQuery, RetrievalResult, RetrievedPassage, Retriever, WeightedTerm } from '../ports.js';
import type { CoreConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { LoadedIndex } from '../index/open.js';
import { normalizeText } from '../text/normalize.js';
import { isEverydayWord, withoutCutFillers } from '../lang/everyday.js';
import { AGE_GROUP_ORIGIN, ageGroupsAsked, askingClausesNamingThings } from '../answer/question.js';
import { rerankByCoverage } from './rerank.js';
import { liftAskedSection } from './asked-section.js';
import { keepOtherLanguage } from './other-language.js';

/** Search weight of words only in clauses that tell the asker's story (as the answerer weighs them). */
const STORY_WEIGHT = 0.5;

export interface RetrieverDeps {
  /** The live index (swapped on reload; each query uses one snapshot). */
  index: () => LoadedIndex;
  embedder: Embedder | null;
  config: CoreConfig['retrieval'];
  logger: Logger;
  /** A cross-encoder (RERANK_MODEL) that reorders the first `candidates` passages; null when none is configured or it did not load. */
  rerank?: { reranker: PassageReranker; candidates: number } | null;
}

export function createRetriever(deps: RetrieverDeps): Retriever {
  let denseFailureLogged = false;
  let rerankFailureLogged = false;

  return {
    async retrieve(query: RetrievalQuery): Promise<RetrievalResult> {
      const index = deps.index();
      const warnings = [...index.warnings];
      const wanted: RetrievalMode = query.mode ?? deps.config.mode;
      const denseAvailable = Boolean(deps.embedder && index.vectors);
      let mode: RetrievalMode = wanted === 'lexical' || !denseAvailable ? 'lexical' : wanted;
      const candidates = Math.max(deps.config.candidates, query.k);

      const terms = weightedTerms(query, index);
      const lexicalHits = mode === 'dense' ? [] : lexicalSearch(index, terms, candidates);

      let denseHits: Hit[] = [];
      if (mode !== 'lexical') {
        try {
          const vector = await deps.embedder!.embedQuery(normalizeText(query.text));
          denseHits = index.vectors!.search(vector, candidates);
        } catch (err) {
          // The model failing mid-run must not fail the question: answer from the keyword side.
          if (!denseFailureLogged) deps.logger.error('retrieve.dense_failed', { error: err });
          denseFailureLogged = true;
          warnings.push('The embedding model failed; this answer used keyword search only.');
          mode = 'lexical';
          if (!lexicalHits.length) lexicalHits.push(...lexicalSearch(index, terms, candidates));
        }
      }

      // (The section of a leading document headed by what is asked — 申领时间 for 啥时候能报 — comes right after its first passage.)
      const sectionOf = (f: Fused) => index.chunks[f.chunkIndex];
      let ranked: Fused[] = liftAskedSection(fuse(mode, lexicalHits, denseHits, deps.config.rrfK), sectionOf, query.text);
      let rerankModel: string | undefined;
      if (deps.rerank && ranked.length > 1) {
        // The cross-encoder reads the question with each of the first passages (title and text) and orders them
        // by its score; a tie keeps the first-stage order. Failing, it costs this question nothing but the order.
        const head = ranked.slice(0, Math.max(query.k, deps.rerank.candidates));
        try {
          const scores = await deps.rerank.reranker.score(query.text, head.map(sectionOf).map((c) => `${c.title}\n${c.text}`));
          const rescored = head.map((f, i) => ({ ...f, rerank: Math.round(scores[i] * 10_000) / 10_000 })).sort((a, b) => b.rerank - a.rerank);
          ranked = [...rescored, ...ranked.slice(head.length)];
          rerankModel = deps.rerank.reranker.modelId;
        } catch (err) {
          if (!rerankFailureLogged) deps.logger.error('retrieve.rerank_failed', { error: err });
          rerankFailureLogged = true;
          warnings.push('The reranker failed; this answer kept the first-stage order.');
        }
      }
      // (An English question: a Chinese passage among the first k, where the search found one.)
      ranked = keepOtherLanguage(ranked, query.k, (f) => sectionOf(f).normText, query.language);
      const passages = ranked
        .slice(0, query.k)
        .map((p, i) => ({ ...p, rank: i + 1, chunk: index.chunks[p.chunkIndex] }))
        .map(({ chunkIndex: _drop, ...rest }) => rest as RetrievedPassage);

      return { passages, mode, embeddingModel: mode === 'lexical' ? null : deps.embedder!.modelId, ...(rerankModel ? { rerankModel } : {}), terms, warnings };
    },
  };
}

/** Question tokens (weight 1) plus expansions, each expansion tokenised the way the index was. */
export function weightedTerms(query: RetrievalQuery, index: LoadedIndex): WeightedTerm[] {
  const byTerm = new Map<string, WeightedTerm>();
  const add = (term: string, weight: number, origin: string, source?: string, phrase?: string) => {
    const prev = byTerm.get(term);
    if (!prev || prev.weight < weight) byTerm.set(term, { term, weight, origin, ...(source ? { source } : {}), ...(phrase ? { phrase } : {}) });
  };
  // Fillers, kinship words and time-of-life chatter (我表弟, 下个月) are never what is searched for; words of
  // Chinese clauses that only tell the asker's story (我爸瘫床上好几年了，…) weigh half of those of the clause
  // that asks. (The asker's own age stays: 80岁 finds 年满80周岁.)
  const text = normalizeText(query.text);
  const sources = (query.expansions ?? []).flatMap((e) => (e.source ? [e.source] : []));
  const asking = askingClausesNamingThings(text, { tokenizer: index.tokenizer, documentFrequency: (w) => index.keyword.documentFrequency(w) }, sources);
  for (const t of index.tokenizer.tokens(withoutCutFillers(text))) {
    if (isEverydayWord(t)) continue;
    const story = !!asking && /^[\u4e00-\u9fff]+$/.test(t) && text.includes(t) && !asking.some((c) => c.includes(t));
    add(t, story ? STORY_WEIGHT : 1, 'question');
  }
  // The asker's age, asked which benefits there are (我妈72了能领啥补贴): the age group the documents name (老年人).
  for (const group of ageGroupsAsked(text)) for (const t of index.tokenizer.tokens(group)) add(t, 1, AGE_GROUP_ORIGIN, group);
  for (const e of query.expansions ?? []) {
    const tokens = index.tokenizer.tokens(normalizeText(e.term));
    for (const t of tokens) {
      // A short form's long form counts whole: its pieces (废旧 of 废旧电池 for 废电池) are not what was asked.
      if (e.origin === 'abbreviation' && t !== e.term && !e.source?.includes(t)) continue;
      add(t, e.weight * (tokens.length > 1 && t !== e.term ? 0.8 : 1), e.origin, e.source ?? e.term, tokens.length > 1 ? e.term : undefined);
    }
  }
  return [...byTerm.values()];
}

/** The keyword ranking: BM25's top k, then reordered by the share of the question's concepts each covers. */
function lexicalSearch(index: LoadedIndex, terms: WeightedTerm[], k: number): Hit[] {
  if (!terms.length) return [];
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const hits = index.keyword.search([...weights.keys()], k, weights);
  return rerankByCoverage(hits, terms, index.keyword, (word) => index.tokenizer.tokens(normalizeText(word)));
}

interface Fused {
  chunkIndex: number;
  score: number;
  lexical?: { rank: number; score: number };
  dense?: { rank: number; score: number };
  rerank?: number;
}

export function fuse(mode: RetrievalMode, lexical: Hit[], dense: Hit[], rrfK: number): Fused[] {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  if (mode === 'lexical') return lexical.map((h, i) => ({ chunkIndex: h.chunkIndex, score: round(h.score), lexical: { rank: i + 1, score: round(h.score) } }));
  if (mode === 'dense') return dense.map((h, i) => ({ chunkIndex: h.chunkIndex, score: round(h.score), dense: { rank: i + 1, score: round(h.score) } }));
  const byChunk = new Map<number, Fused>();
  const get = (i: number) => {
    let f = byChunk.get(i);
    if (!f) byChunk.set(i, (f = { chunkIndex: i, score: 0 }));
    return f;
  };
  lexical.forEach((h, i) => {
    const f = get(h.chunkIndex);
    f.lexical = { rank: i + 1, score: round(h.score) };
    f.score += 1 / (rrfK + i + 1);
  });
  dense.forEach((h, i) => {
    const f = get(h.chunkIndex);
    f.dense = { rank: i + 1, score: round(h.score) };
    f.score += 1 / (rrfK + i + 1);
  });
  const best = 2 / (rrfK + 1);
  return [...byChunk.values()].map((f) => ({ ...f, score: round(f.score / best) })).sort((a, b) => b.score - a.score || a.chunkIndex - b.chunkIndex);
}
