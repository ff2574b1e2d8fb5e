// CC-CEDICT compiled for lexicon building (compileCedict: ~4 s of parsing and stemming glosses) once, and kept on
// disk (CEDICT_CACHE_DIR, .cache/cedict), so that an ingest whose corpus words changed — one new document — or of
// another index (the eval's temporary ones) builds its English lexicon and paraphrases in a fraction of a second
// instead of compiling the dictionary again.
// The file's name is a hash of everything the compiled form depends on: the dictionary's data file, the source of
// the code that compiles it, and jieba's stock dictionary. A new package or a code change compiles it again; a
// damaged file is compiled again too, with a log line; older files are removed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../log.js';
import { stockDictionaryKey } from '../../text/tokenize.js';
import { cedictIdentity, loadCedict } from './cedict.js';
import { compileCedict, type CompiledCedict } from './lexicon.js';

/** Compiled files kept in the cache folder (the newest): the one in use and the one before it. */
const KEEP = 2;

/** The modules whose code decides the compiled form (compileCedict, its stop words, its stemmer), relative to this one. */
const COMPILING_MODULES = ['./lexicon', './words', '../../text/stem'];

/** The compiled CC-CEDICT: read from `cacheDir` when it holds this dictionary and code's, otherwise compiled and written there. */
export async function loadCompiledCedict(cacheDir: string, logger: Logger): Promise<CompiledCedict> {
  const key = cacheKey();
  if (!key) {
    logger.info('cedict_cache.off', { reason: 'the dictionary data file or the compiling code cannot be read: compiled in memory only' });
    return compileCedict(await loadCedict());
  }
  const file = path.join(cacheDir, `cedict-${key}.json`);
  if (fs.existsSync(file)) {
    try {
      return validateCompiledCedict(JSON.parse(await readFile(file, 'utf8')));
    } catch (err) {
      logger.warn('cedict_cache.unusable', { file, error: err, action: 'compiled again' });
    }
  }
  const started = performance.now();
  const compiled = compileCedict(await loadCedict());
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(compiled));
    fs.renameSync(tmp, file);
    prune(cacheDir, file);
    logger.info('cedict_cache.compiled', { file, ms: Math.round(performance.now() - started) });
  } catch (err) {
    logger.warn('cedict_cache.write_failed', { file, error: err, action: 'the next ingest compiles it again' });
  }
  return compiled;
}

/** Checks a compiled form read back from disk: its format and that its columns line up. */
export function validateCompiledCedict(value: unknown): CompiledCedict {
  const v = value as Partial<CompiledCedict> | null;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (
    !v ||
    v.format !== 'compiled-cedict/1' ||
    !Array.isArray(v.scores) ||
    !v.scores.every((x) => typeof x === 'number') ||
    !strings(v.terms) ||
    !strings(v.gives) ||
    !strings(v.names) ||
    v.gives.length !== v.terms.length ||
    v.names.length !== v.terms.length ||
    !strings(v.headwords) ||
    !strings(v.senses) ||
    v.senses.length !== v.headwords.length ||
    typeof v.stock !== 'string' ||
    v.stock.length !== v.headwords.length ||
    typeof v.longForms !== 'object' ||
    v.longForms === null ||
    typeof v.characters !== 'object' ||
    v.characters === null ||
    !strings(v.everyday) ||
    !strings(v.words)
  ) {
    throw new Error('not a compiled-cedict/1 file');
  }
  return v as CompiledCedict;
}

function cacheKey(): string | null {
  const dictionary = cedictIdentity();
  const code = COMPILING_MODULES.map(moduleSource);
  if (!dictionary || code.some((c) => c === null)) return null;
  return createHash('sha256').update([dictionary, ...code, stockDictionaryKey()].join('\n\0')).digest('hex').slice(0, 24);
}

/** A module's source as it runs here: the compiled .js, or the .ts under tsx. */
function moduleSource(relative: string): string | null {
  for (const ext of ['.js', '.ts']) {
    const file = fileURLToPath(new URL(relative + ext, import.meta.url));
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  return null;
}

function prune(cacheDir: string, keep: string): void {
  const others = fs
    .readdirSync(cacheDir)
    .filter((n) => /^cedict-.+\.json$/.test(n) && path.join(cacheDir, n) !== keep)
    .map((n) => ({ file: path.join(cacheDir, n), t: fs.statSync(path.join(cacheDir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { file } of others.slice(KEEP - 1)) fs.rmSync(file, { force: true });
}
