// Second stage of the keyword ranking: BM25 adds up every matching term, so a chunk that repeats one
// concept under several names (医保, 医疗保险, 医疗保障 for the one word 医保) outscores a chunk that covers
// everything the question asks (低保 and 医保). Each candidate's BM25 score is multiplied by the square root
// of the share of the question's concepts it covers, each concept counted once and weighted by BM25's idf,
// and the candidates are re-sorted: a chunk covering all the concepts moves up, and BM25 still orders chunks
// that cover the same ones. (The share itself instead of its root put more gold chunks first but fewer in
// the top 5, and more unanswerable questions found a passage covering enough to be answered.)
import type { Hit, WeightedTerm } from '../ports.js';

/** What the rerank reads from the keyword index. */
export interface TermStatistics {
  readonly size: number;
  documentFrequency(token: string): number;
  /** One row per document, one column per token. */
  termFrequencies(tokens: string[], docs: number[]): ArrayLike<number>[];
}

/**
 * The question's concepts, as lists of indices into `terms`: a word of the question with its alternatives
 * (synonyms, translations, repairs: the terms whose `source` it is) and its pieces (公积 and 积金 of 公积金;
 * an English phrase's words: "social", "secur", "card" of "social security card"). `pieces` tokenises a
 * word the way the index does.
 */
export function concepts(terms: WeightedTerm[], pieces: (word: string) => string[]): number[][] {
  const parent = terms.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const join = (a: number, b: number) => {
    parent[root(a)] = root(b);
  };
  const firstOf = new Map<string, number>();
  terms.forEach((t, i) => {
    const key = t.source ?? t.term;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else join(i, first);
  });
  // A question token that is a piece of another word of the question (or of a phrase an expansion
  // translates) belongs to that word.
  const questionToken = new Map(terms.flatMap((t, i) => (t.source ? [] : [[t.term, i] as const])));
  for (const [key, i] of firstOf) {
    for (const piece of pieces(key)) {
      const j = questionToken.get(piece);
      if (j !== undefined && piece !== key) join(j, i);
    }
  }
  const groups = new Map<number, number[]>();
  terms.forEach((_, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

/**
 * The hits re-sorted by BM25 × √(the share of the question's concepts each covers) (a concept's weight: the
 * highest weight × idf among its terms; a chunk gets that of the best of them it contains). Ties keep
 * their BM25 order.
 */
export function rerankByCoverage(hits: Hit[], terms: WeightedTerm[], index: TermStatistics, pieces: (word: string) => string[]): Hit[] {
  if (!hits.length || !terms.length) return hits;
  const n = index.size;
  const weight = terms.map((t) => {
    const df = index.documentFrequency(t.term);
    return df > 0 ? t.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
  });
  const groups = concepts(terms, pieces);
  const total = groups.reduce((sum, g) => sum + Math.max(...g.map((i) => weight[i])), 0);
  if (!(total > 0)) return hits;
  const tfs = index.termFrequencies(
    terms.map((t) => t.term),
    hits.map((h) => h.chunkIndex),
  );
  const coverage = tfs.map((tf) => groups.reduce((sum, g) => sum + Math.max(0, ...g.filter((i) => tf[i] > 0).map((i) => weight[i])), 0) / total);
  return hits
    .map((h, i) => ({ hit: { chunkIndex: h.chunkIndex, score: h.score * Math.sqrt(coverage[i]) }, i }))
    .sort((a, b) => b.hit.score - a.hit.score || a.i - b.i)
    .map((x) => x.hit);
}
