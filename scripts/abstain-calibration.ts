// Prints, for each eval question, the answerer's evidence (coverage, reasons) next to whether the
// question is answerable: the data the abstention thresholds are calibrated on.
// Usage: npx tsx scripts/abstain-calibration.ts [questions.jsonl]
import fs from 'node:fs';
import { openApp } from '../src/app.js';
import { createLogger } from '../src/log.js';
import type { AnswerDraft } from '../src/ports.js';

const file = process.argv[2] ?? 'eval/questions.jsonl';
const questions = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let last: AnswerDraft | null = null;
const app = await openApp({
  logger: createLogger({ level: 'error' }),
  answerer: ({ extractive }) => ({ answer: async (input) => (last = await extractive.answer(input)) }),
});
for (const q of questions) {
  const r = await app.service.ask({ question: q.question, channel: 'eval', mode: 'lexical' });
  const cov = /covers (\d+)%/.exec(last!.reasons.join(' '))?.[1] ?? '-';
  const ok = q.unanswerable ? (r.abstained ? 'ok ' : 'BAD') : !r.abstained ? 'ok ' : 'BAD';
  console.log(`${ok} ${q.unanswerable ? 'U' : 'A'} ${String(cov).padStart(3)} ${q.id.padEnd(8)} ${q.question.slice(0, 50)} | ${last!.reasons.find((r) => r.includes("answerable")) ?? last!.reasons.slice(-1)[0]}`);
}
await app.close();
