// The bench's scratch space and the environment our code runs under: the seeds, a temporary index,
// and the generated tiny embedding model (so the dense path costs what it really costs in code,
// without real weights, and the bench runs standalone).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../../src/config.js';
import { parseQuestions, type EvalQuestion } from '../../eval/metrics.js';
import { makeTinyModel, TINY_MODEL_ID, TINY_MODEL_ROOT } from '../../test/fixtures/tiny-model.js';
import { REPO_ROOT } from './child.js';

export interface Workspace {
  dir: string;
  seedsDir: string;
  questions: EvalQuestion[];
  /** Env for our code: `index` names the index folder under `dir`; embedding off when `lexicalOnly`. */
  env(index: string, options?: { corpusDir?: string; lexicalOnly?: boolean }): Env;
}

export async function createWorkspace(): Promise<Workspace> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  await makeTinyModel(TINY_MODEL_ROOT);
  const seedsDir = path.join(REPO_ROOT, 'seeds');
  const { questions } = parseQuestions(readFileSync(path.join(REPO_ROOT, 'eval', 'questions.jsonl'), 'utf8'));
  return {
    dir,
    seedsDir,
    questions,
    env(index, options = {}) {
      const indexDir = path.join(dir, index);
      mkdirSync(indexDir, { recursive: true });
      return {
        CORPUS_DIR: options.corpusDir ?? seedsDir,
        INDEX_DIR: indexDir,
        DB_PATH: path.join(dir, `${index}.sqlite`),
        EMBEDDING_MODEL: options.lexicalOnly ? 'none' : TINY_MODEL_ID,
        MODEL_LOCAL_PATH: TINY_MODEL_ROOT,
        MODEL_CACHE_DIR: path.join(dir, 'model-cache'),
        ALLOW_REMOTE_MODELS: 'false',
        LOG_LEVEL: 'warn',
      };
    },
  };
}
