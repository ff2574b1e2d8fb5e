// English → Chinese search terms without a neural model, split by job:
//   english/words.ts    English words, stop words, base forms (stemming), numbers
//   english/cedict.ts   loading CC-CEDICT
//   english/lexicon.ts  building (at ingest) and checking the corpus-restricted lexicon
//   english/cedict-cache.ts  CC-CEDICT compiled for that once, kept in the index folder's cache/
//   english/mapper.ts   mapping a question to weighted Chinese terms (glossary, romanised names, lexicon)
export { englishWords, numbersIn } from './english/words.js';
export { loadCedict, type CedictEntry } from './english/cedict.js';
export { loadCompiledCedict } from './english/cedict-cache.js';
export { buildEnglishLexicon, buildParaphrases, compileCedict, validateEnglishLexicon, validateParaphrases, type CompiledCedict, type EnglishLexicon, type Paraphrases } from './english/lexicon.js';
export { createEnglishMapper, spellsPinyin, withSpellingFixed, type EnglishMapper, type EnglishMapperOptions } from './english/mapper.js';
