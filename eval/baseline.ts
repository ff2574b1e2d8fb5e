// The plain baseline printed beside the bot: MiniSearch (the bench's keyword peer, bench/peers/keyword.ts)
// over jieba tokens of whole documents, on the same files the bot indexed. No expansion, no English
// mapping, no fusion: if the bot's document-level hit@5 falls below it, the retrieval extras cost more
// than they bring.
import type { Chunk } from '../src/ports.js';
import { normalizeText } from '../src/text/normalize.js';
import { KEYWORD_ENGINES } from '../bench/peers/keyword.js';

export interface DocBaseline {
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
    label: 'MiniSearch + jieba, whole documents',
    async search(question, k) {
      const tokens = tokenizer.tokens(normalizeText(question));
      if (tokens.length === 0) return [];
      return (await engine.search(tokens, k)).map((i) => docIds[i]);
    },
  };
}
