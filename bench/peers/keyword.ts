// Keyword engines behind one small interface, all fed the same tokens: our jieba tokens are
// joined with a separator and every library gets a tokenizer that only splits on it, so build
// and query times measure the index, and quality differences come from ranking alone.
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import bm25 from 'wink-bm25-text-search';
import { Bm25Index } from '../../src/index/keyword.js';

export interface KeywordEngine {
  /** Shown in tables. */
  readonly label: string;
  build(docTokens: string[][]): Promise<void>;
  /** Positions of the top-k documents, best first. */
  search(tokens: string[], k: number): Promise<number[]>;
  /** Bytes of the serialised index, when the library can serialise it. */
  serializedBytes?(): number;
}

const SEP = '\u0001';
const join = (tokens: string[]): string => tokens.join(SEP);
const split = (text: string): string[] => (text ? text.split(SEP) : []);

function ours(): KeywordEngine {
  let index: Bm25Index | null = null;
  return {
    label: 'ours (Bm25Index)',
    async build(docTokens) {
      index = Bm25Index.build(docTokens);
    },
    async search(tokens, k) {
      return index!.search(tokens, k).map((h) => h.chunkIndex);
    },
    serializedBytes: () => index!.serialize().length,
  };
}

function minisearch(): KeywordEngine {
  const ms = new MiniSearch<{ id: number; t: string }>({ fields: ['t'], tokenize: split, processTerm: (t) => t });
  return {
    label: 'MiniSearch',
    async build(docTokens) {
      ms.addAll(docTokens.map((tokens, id) => ({ id, t: join(tokens) })));
    },
    async search(tokens, k) {
      return ms.search(join(tokens), { combineWith: 'OR' }).slice(0, k).map((r) => r.id as number);
    },
    serializedBytes: () => Buffer.byteLength(JSON.stringify(ms)),
  };
}

function flexsearch(): KeywordEngine {
  const index = new FlexSearch.Index({ tokenize: 'strict', encode: split });
  return {
    label: 'FlexSearch',
    async build(docTokens) {
      docTokens.forEach((tokens, id) => index.add(id, join(tokens)));
    },
    async search(tokens, k) {
      return (index.search(join(tokens), { limit: k, suggest: true }) as number[]).slice(0, k);
    },
  };
}

function orama(): KeywordEngine {
  const tokenizer = { language: 'english', normalizationCache: new Map<string, string>(), tokenize: (raw: string) => split(raw) };
  let db: ReturnType<typeof makeDb> | null = null;
  function makeDb() {
    return create({ schema: { t: 'string' } as const, components: { tokenizer } });
  }
  return {
    label: 'Orama',
    async build(docTokens) {
      db = makeDb();
      await insertMultiple(db, docTokens.map((tokens, id) => ({ id: String(id), t: join(tokens) })), 5000);
    },
    async search(tokens, k) {
      // threshold 1: any-term matches count (BM25 ranks them), like the other engines.
      const result = await oramaSearch(db!, { term: join(tokens), properties: ['t'], limit: k, threshold: 1 });
      return result.hits.map((h) => Number(h.id));
    },
  };
}

function wink(): KeywordEngine {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { t: 1 }, bm25Params: { k1: 1.2, b: 0.75, k: 1 } });
  engine.definePrepTasks([split]);
  return {
    label: 'wink-bm25-text-search',
    async build(docTokens) {
      docTokens.forEach((tokens, id) => engine.addDoc({ t: join(tokens) }, id));
      engine.consolidate();
    },
    async search(tokens, k) {
      return (engine.search(join(tokens), k) as [number | string, number][]).map(([id]) => Number(id));
    },
  };
}

export const KEYWORD_ENGINES = { ours, minisearch, flexsearch, orama, wink } as const;
export type KeywordEngineName = keyof typeof KEYWORD_ENGINES;
