// How chunks are tokenised for the keyword index, shared by ingest (build) and answering (load).
import type { Chunk } from '../ports.js';
import { createTokenizer, type ChineseTokenizer } from '../text/tokenize.js';
import { GLOSSARY_CHINESE_TERMS } from '../lang/glossary.js';

/** The tokenizer chunks are indexed with and questions are searched with: corpus names plus the glossary's terms. */
export function indexTokenizer(corpusTerms: string[]): ChineseTokenizer {
  return createTokenizer([...corpusTerms, ...GLOSSARY_CHINESE_TERMS]);
}

/** What the keyword index sees for a chunk: its title and subhead give short passages their topic. */
export function indexedText(chunk: Chunk): string {
  return `${chunk.title} ${chunk.subhead ?? ''} ${chunk.normText}`;
}
