// The plain peers scored beside the bot at document level, on the same files the bot indexed, searching the
// question's own jieba tokens only (no expansion, no English mapping, no fusion, no answerer):
// - `minisearch`: MiniSearch (the bench's keyword peer, bench/peers/keyword.ts) over whole documents;
// - `bm25_chunks`: the bot's own BM25 chunk index, its chunks' documents in rank order.
// If the bot's document-level hit@5 falls below either, the retrieval extras cost more than they bring.
import type { Chunk, KeywordSearcher } from '../src/ports.js';
import { normalizeText } from '../src/text/normalize.js';
import { KEYWORD_ENGINES } from '../bench/peers/keyword.js';

export type BaselineKey = 'minisearch' | 'bm25_chunks';

export interface DocBaseline {
  readonly key: BaselineKey;
  readonly label: string;
  /** Document ids, best first. */
  search(question: string, k: number): Promise<string[]>;
}

/**
 * Builds the baseline from an index's chunks (grouped back into documents in chunk order) and the
 * tokenizer the index uses, so both sides read the same text cut into the same words.
 */
export async function createDocBaseline(chunks: readonly Chunk[], tokenizer: { tokens(text: string): string[] }): Promise<DocBaseline> {
  const byDoc = new Map<string, Chunk[]>();
  for (const c of chunks) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  const docIds = [...byDoc.keys()];
  const engine = KEYWORD_ENGINES.minisearch();
  await engine.build(docIds.map((id) => {
    const parts = byDoc.get(id)!.sort((a, b) => a.ordinal - b.ordinal);
    return tokenizer.tokens(normalizeText(`${parts[0].title}\n${parts.map((c) => c.normText).join('\n')}`));
  }));
  return {
    key: 'minisearch',
    label: 'MiniSearch + jieba, whole documents',
    async search(question, k) {
      const tokens = tokenizer.tokens(normalizeText(question));
      if (tokens.length === 0) return [];
      return (await engine.search(tokens, k)).map((i) => docIds[i]);
    },
  };
}

/** How many chunks the chunk peer reads to find k distinct documents. */
const CHUNKS_PER_DOC = 10;

/** Plain BM25 over the bot's own chunks (the index the service answers from), ranked documents = first hits. */
export function createChunkBm25Baseline(index: { keyword: KeywordSearcher; chunks: readonly Chunk[]; tokenizer: { tokens(text: string): string[] } }): DocBaseline {
  return {
    key: 'bm25_chunks',
    label: "BM25 over the bot's chunks",
    async search(question, k) {
      const tokens = index.tokenizer.tokens(normalizeText(question));
      if (tokens.length === 0) return [];
      const docs: string[] = [];
      for (const hit of index.keyword.search(tokens, k * CHUNKS_PER_DOC)) {
        const doc = index.chunks[hit.chunkIndex]?.docId;
        if (doc !== undefined && !docs.includes(doc)) docs.push(doc);
        if (docs.length === k) break;
      }
      return docs;
    },
  };
}
