// Opens the answering service for `npm run eval`: the configured one (CORPUS_DIR / INDEX_DIR / DB_PATH
// from the environment), or, with --corpus DIR, a throwaway one whose index and database live in a
// temporary folder built from DIR and removed on close. Either way it also builds the plain peers
// (eval/baseline.ts) from the index the service answers from (the app's loaded one, not a second copy).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AnswerService, RetrievalMode } from '../src/ports.js';
import type { Env } from '../src/config.js';
import type { Logger } from '../src/log.js';
import { createChunkBm25Baseline, createDocBaseline, type DocBaseline } from './baseline.js';

export interface OpenedService {
  service: Pick<AnswerService, 'ask'>;
  close(): Promise<void>;
  warnings?: readonly string[];
  /** The plain peers scored beside the bot (eval/baseline.ts). */
  baselines?: DocBaseline[];
  /** What was indexed, for the report ("seeds", "eval/cmrc2018/docs (temporary index)"). */
  corpus?: string;
}

export interface OpenRequest {
  /** Build a temporary index from this folder instead of using the configured one. */
  corpusDir?: string;
  /** The modes that will run: lexical alone needs no embedding model, so none is loaded. */
  modes: readonly RetrievalMode[];
}

export async function openEvalService(request: OpenRequest, context: { cwd: string; env: Env; logger: Logger }): Promise<OpenedService> {
  const { openApp } = await import('../src/app.js');
  let tmp: string | null = null;
  let env = context.env;
  if (request.corpusDir) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'eval-corpus-'));
    env = {
      ...env,
      CORPUS_DIR: path.resolve(context.cwd, request.corpusDir),
      INDEX_DIR: path.join(tmp, 'index'),
      DB_PATH: path.join(tmp, 'db.sqlite'),
      DATABASE_URL: '', // a temporary corpus never reads or writes a configured PostgreSQL
      ...(request.modes.every((m) => m === 'lexical') ? { EMBEDDING_MODEL: 'none' } : {}),
    };
  }
  const cleanup = async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  };
  try {
    const app = await openApp({ cwd: context.cwd, env, logger: context.logger });
    let baselines: DocBaseline[];
    try {
      const index = app.currentIndex(); // the generation the service answers from, not a second load
      baselines = [await createDocBaseline(index.chunks, index.tokenizer), createChunkBm25Baseline(index)];
    } catch (err) {
      await app.close();
      throw err;
    }
    const corpus = path.relative(context.cwd, app.config.corpusDir) || '.';
    return {
      service: app.service,
      warnings: app.warnings,
      baselines,
      corpus: tmp ? `${corpus} (temporary index)` : corpus,
      async close() {
        try {
          await app.close();
        } finally {
          await cleanup();
        }
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
