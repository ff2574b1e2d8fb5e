// Pools the shipped dev corpora into one folder, with every question of their sets, so the bot can be measured on a
// corpus the size of a real collection (~420 documents from ten places and topics, against ~25 per set): more
// words are known somewhere, more documents compete for each question, more near-duplicates from other places.
//   npx tsx eval/pool.ts OUT
//   npm run eval -- --corpus OUT/docs --questions OUT/questions.jsonl --split calib --modes lexical
// Each document is copied as `<set>__<file>`, and each question's gold document renamed to match; ids, splits and
// tags stay. The held-out policies set and the team's probes stay out (their documents are not pooled).
// (A question that names no place may be answered by another set's programme in another fictional city: a pooled
// run's answer rate is a lower bound, to compare one build with another, not with a per-set run.)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isEntryPoint } from './entry.js';
import { SUITE, type EvalSet } from './run.js';

/**
 * The suite's sets whose corpora are pooled: every one but the held-out policies, the probes and the off-topic sets.
 * (The chatter set's files are pooled with their corpora: chatter that shares words with one set's documents meets
 * every other set's there too.)
 */
const LEFT_OUT = /^(policies|probes|offtopic)/;

/** A short name for a corpus folder: seeds, or X of eval/X/docs. */
export function corpusName(corpus: string): string {
  const parts = corpus.split('/').filter(Boolean);
  return parts[parts.length - 1] === 'docs' ? parts[parts.length - 2] : parts[parts.length - 1];
}

/** The question files of the pooled sets (all splits) with the corpus each belongs to, once each. */
export function pooledSets(suite: readonly EvalSet[] = SUITE): { questions: string; corpus: string }[] {
  const seen = new Set<string>();
  const out: { questions: string; corpus: string }[] = [];
  for (const set of suite) {
    if (LEFT_OUT.test(set.name) || !set.corpus || seen.has(set.questions)) continue;
    seen.add(set.questions);
    out.push({ questions: set.questions, corpus: set.corpus });
  }
  return out;
}

/** The questions of a JSON-lines file, blank lines skipped; a line that is not JSON fails with the file and line. */
export function readQuestions<Q>(root: string, file: string): Q[] {
  const out: Q[] = [];
  for (const [n, line] of readFileSync(path.join(root, file), 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Q);
    } catch {
      throw new Error(`${file} line ${n + 1} is not JSON`);
    }
  }
  return out;
}

export function pool(root: string, out: string): { documents: number; questions: number } {
  rmSync(out, { recursive: true, force: true });
  const docsOut = path.join(out, 'docs');
  mkdirSync(docsOut, { recursive: true });
  const sets = pooledSets();
  let documents = 0;
  for (const corpus of new Set(sets.map((s) => s.corpus))) {
    const dir = path.join(root, corpus);
    for (const file of readdirSync(dir)) {
      if (file.startsWith('.') || !statSync(path.join(dir, file)).isFile()) continue;
      copyFileSync(path.join(dir, file), path.join(docsOut, `${corpusName(corpus)}__${file}`));
      documents++;
    }
  }
  const lines: string[] = [];
  for (const set of sets) {
    const prefix = `${corpusName(set.corpus)}__`;
    for (const q of readQuestions<{ doc?: string | null }>(root, set.questions)) {
      if (q.doc) q.doc = prefix + q.doc;
      lines.push(JSON.stringify(q));
    }
  }
  writeFileSync(path.join(out, 'questions.jsonl'), lines.join('\n') + '\n');
  return { documents, questions: lines.length };
}

if (isEntryPoint(import.meta.url)) {
  const out = process.argv[2];
  if (!out || out.startsWith('-')) {
    console.error('usage: npx tsx eval/pool.ts OUT   (writes OUT/docs and OUT/questions.jsonl)');
    process.exit(2);
  }
  let counts: { documents: number; questions: number };
  try {
    counts = pool(process.cwd(), path.resolve(out));
  } catch (error) {
    // A set's folder or question file missing or unreadable (run from the repository root): say which, no stack trace.
    console.error(`eval/pool: ${(error as Error).message} (run it from the repository root)`);
    process.exit(2);
  }
  const { documents, questions } = counts;
  console.log(`eval/pool: ${documents} documents and ${questions} questions in ${out}\n  npm run eval -- --corpus ${path.join(out, 'docs')} --questions ${path.join(out, 'questions.jsonl')} --split calib --modes lexical`);
}
