// The English analyser's stemmer: Porter2 (the Snowball English stemmer) from wink-porter2-stemmer,
// a small MIT package with no dependencies. Stems are cached: corpora repeat their words.
import { createRequire } from 'node:module';

const stemmer = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;
const cache = new Map<string, string>();

/** The stem of a lower-case English word ("sundays" → "sunday", "libraries" → "librari"). */
export function stemEnglish(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
