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

/**
 * The data the answerer's models and rules are fitted on: the "calib" split of each set, over its corpus. Never
 * the team set (eval/questions.jsonl), a "report" or "fresh" split, or eval/policies: those stay for reporting.
 */
export const CALIB_SETS = [
  { set: 'residents', questions: 'eval/residents.jsonl', corpus: process.env.SEEDS_DIR ?? 'seeds' },
  { set: 'notices', questions: 'eval/notices/questions.jsonl', corpus: 'eval/notices/docs' },
  { set: 'cmrc2018', questions: 'eval/cmrc2018/questions.jsonl', corpus: 'eval/cmrc2018/docs' },
  { set: 'services', questions: 'eval/services/questions.jsonl', corpus: 'eval/services/docs' },
  { set: 'county', questions: 'eval/county/questions.jsonl', corpus: 'eval/county/docs' },
  { set: 'webpages', questions: 'eval/webpages/questions.jsonl', corpus: 'eval/webpages/docs' },
  { set: 'residents-fresh', questions: 'eval/residents-fresh.jsonl', corpus: process.env.SEEDS_DIR ?? 'seeds' },
  { set: 'district', questions: 'eval/district/questions.jsonl', corpus: 'eval/district/docs' },
  { set: 'civic', questions: 'eval/civic/questions.jsonl', corpus: 'eval/civic/docs' },
  { set: 'harbor', questions: 'eval/harbor/questions.jsonl', corpus: 'eval/harbor/docs' },
  { set: 'lakeside', questions: 'eval/lakeside/questions.jsonl', corpus: 'eval/lakeside/docs' },
  { set: 'residents-en', questions: 'eval/residents-en.jsonl', corpus: process.env.SEEDS_DIR ?? 'seeds' },
  { set: 'ridge', questions: 'eval/ridge/questions.jsonl', corpus: 'eval/ridge/docs' },
  { set: 'plains', questions: 'eval/plains/questions.jsonl', corpus: 'eval/plains/docs' },
  { set: 'delta', questions: 'eval/delta/questions.jsonl', corpus: 'eval/delta/docs' },
  { set: 'valley', questions: 'eval/valley/questions.jsonl', corpus: 'eval/valley/docs' },
  { set: 'coast', questions: 'eval/coast/questions.jsonl', corpus: 'eval/coast/docs' },
  { set: 'forge', questions: 'eval/forge/questions.jsonl', corpus: 'eval/forge/docs' },
  { set: 'frost', questions: 'eval/frost/questions.jsonl', corpus: 'eval/frost/docs' },
  { set: 'cradle', questions: 'eval/cradle/questions.jsonl', corpus: 'eval/cradle/docs' },
  { set: 'hearth', questions: 'eval/hearth/questions.jsonl', corpus: 'eval/hearth/docs' },
  { set: 'compass', questions: 'eval/compass/questions.jsonl', corpus: 'eval/compass/docs' },
  { set: 'lantern', questions: 'eval/lantern/questions.jsonl', corpus: 'eval/lantern/docs' },
  { set: 'bazaar', questions: 'eval/bazaar/questions.jsonl', corpus: 'eval/bazaar/docs' },
  { set: 'orchard', questions: 'eval/orchard/questions.jsonl', corpus: 'eval/orchard/docs' },
  { set: 'meadow', questions: 'eval/meadow/questions.jsonl', corpus: 'eval/meadow/docs' },
  { set: 'brook', questions: 'eval/brook/questions.jsonl', corpus: 'eval/brook/docs' },
];

export const calibQuestions = (file: string): SetQuestion[] => readQuestions(file).filter((q) => q.split === 'calib');

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
