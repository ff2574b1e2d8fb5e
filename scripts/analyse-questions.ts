// Shared by the scripts that fit the extractive answerer (scripts/train-answer-scorer.ts,
// scripts/calibrate-abstention.ts): asks each question of a set against a temporary lexical index of its
// corpus and hands over the answerer's analysis (the features its models and rules read).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../src/app.js';
import { createLogger } from '../src/log.js';
import { analyseQuestion, type QuestionAnalysis } from '../src/answer/extractive.js';
import type { Language } from '../src/ports.js';

export interface SetQuestion {
  id: string;
  question: string;
  answers: string[];
  doc?: string;
  lang?: string;
  unanswerable?: boolean;
  split?: string;
}

export function readQuestions(file: string): SetQuestion[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => JSON.parse(l) as SetQuestion);
}

/** Calls `visit` with each question's analysis (null when none was made) and detected language; the index is removed afterwards. */
export async function analyseEach(corpusDir: string, questions: SetQuestion[], visit: (q: SetQuestion, analysis: QuestionAnalysis | null, language: Language) => void): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'answer-fit-'));
  let last: QuestionAnalysis | null = null;
  let language: Language = 'zh';
  const app = await openApp({
    env: { CORPUS_DIR: corpusDir, INDEX_DIR: path.join(root, 'index'), DB_PATH: path.join(root, 'bot.sqlite'), EMBEDDING_MODEL: 'none', MODEL_CACHE_DIR: path.join(root, 'cache'), ALLOW_REMOTE_MODELS: 'false' },
    logger: createLogger({ level: 'error' }),
    answerer: ({ extractive, stats }) => ({
      async answer(input) {
        last = analyseQuestion(input, stats);
        language = input.language;
        return extractive.answer(input);
      },
    }),
  });
  try {
    for (const q of questions) {
      last = null;
      await app.service.ask({ question: q.question, channel: 'eval', mode: 'lexical' });
      visit(q, last, language);
    }
  } finally {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
