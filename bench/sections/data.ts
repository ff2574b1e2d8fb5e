// Inputs shared by the scale and peers sections, written once for the worker processes: the
// seeds' sentences (tokenized) to recombine, and the eval questions as search tokens.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCoreConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { loadIndex, type LoadedIndex } from '../../src/index/open.js';
import { normalizeText } from '../../src/text/normalize.js';
import { buildSentenceSource, saveSource } from '../lib/corpus.js';
import { REPO_ROOT } from '../lib/child.js';
import type { Workspace } from '../lib/workspace.js';

export interface BenchData {
  index: LoadedIndex;
  sourceFile: string;
  sentences: number;
  targetChars: number;
  /** Token lists of the Chinese eval questions, the query load for speed runs. */
  queriesFile: string;
  queries: number;
}

/** Tokens a question is searched with, the way the retriever makes them (before expansions). */
export function questionTokens(index: LoadedIndex, question: string): string[] {
  return index.tokenizer.tokens(normalizeText(question));
}

export function prepareData(ws: Workspace, logger: Logger): BenchData {
  // The lexical-only seeds index the ask section built.
  const index = loadIndex(loadCoreConfig(ws.env('ask-index-lexical', { lexicalOnly: true }), REPO_ROOT), null, logger);
  const source = buildSentenceSource(index.chunks, index.tokenizer);
  const sourceFile = path.join(ws.dir, 'sentences.json');
  saveSource(sourceFile, source);
  const queries = ws.questions.filter((q) => q.lang === 'zh').map((q) => questionTokens(index, q.question)).filter((t) => t.length > 0);
  const queriesFile = path.join(ws.dir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  return { index, sourceFile, sentences: source.sentences.length, targetChars: source.targetChars, queriesFile, queries: queries.length };
}
