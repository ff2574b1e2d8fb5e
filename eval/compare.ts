// `npm run eval:compare -- BEFORE AFTER`: which questions a change fixed and which it broke, between two
// eval runs (each a results.jsonl, or the --out folder holding one). A question counts as right when it is
// not a failure in the report's sense (right answer from a retrieved gold passage, or an abstention on an
// unanswerable question). Exit codes: 0 nothing broke, 1 something that was right is now wrong, 2 usage error.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isEntryPoint } from './entry.js';
import { isFailure, type EvalResult } from './metrics.js';

export const COMPARE_USAGE = `Usage: npm run eval:compare -- BEFORE AFTER

  BEFORE, AFTER   results.jsonl files written by npm run eval (or the --out folders holding them)

Lists per mode the questions that went from failing to passing (fixed) and from passing to failing
(broken), with the answer before and after. Exit 1 when anything broke, 2 on a usage error.`;

export interface Flip {
  id: string;
  mode: string;
  question: string;
  before: string;
  after: string;
}

export interface Comparison {
  fixed: Flip[];
  broken: Flip[];
  /** Questions (id × mode) in only one of the runs. */
  onlyBefore: string[];
  onlyAfter: string[];
  same: number;
}

const key = (r: Pick<EvalResult, 'id' | 'mode'>) => `${r.mode}\u0000${r.id}`;
const verdict = (r: EvalResult) => (r.abstained ? `(abstained) ${r.answer}` : r.answer).replace(/\s+/g, ' ').slice(0, 160);

export function compareResults(before: readonly EvalResult[], after: readonly EvalResult[]): Comparison {
  const old = new Map(before.map((r) => [key(r), r]));
  const now = new Map(after.map((r) => [key(r), r]));
  const out: Comparison = { fixed: [], broken: [], onlyBefore: [], onlyAfter: [], same: 0 };
  for (const [k, b] of old) {
    const a = now.get(k);
    if (!a) {
      out.onlyBefore.push(`${b.mode}:${b.id}`);
      continue;
    }
    const flip = { id: a.id, mode: a.mode, question: a.question, before: verdict(b), after: verdict(a) };
    if (isFailure(b) && !isFailure(a)) out.fixed.push(flip);
    else if (!isFailure(b) && isFailure(a)) out.broken.push(flip);
    else out.same++;
  }
  for (const [k, a] of now) if (!old.has(k)) out.onlyAfter.push(`${a.mode}:${a.id}`);
  return out;
}

export function formatComparison(c: Comparison): string {
  const lines: string[] = [`fixed ${c.fixed.length}, broken ${c.broken.length}, unchanged ${c.same}`];
  const list = (title: string, flips: Flip[]) => {
    if (!flips.length) return;
    lines.push('', `${title}:`);
    for (const f of flips) lines.push(`  [${f.mode}] ${f.id} ${f.question}`, `      before: ${f.before}`, `      after:  ${f.after}`);
  };
  list('BROKEN (right before, wrong now)', c.broken);
  list('fixed (wrong before, right now)', c.fixed);
  if (c.onlyBefore.length) lines.push('', `only in BEFORE: ${c.onlyBefore.join(', ')}`);
  if (c.onlyAfter.length) lines.push('', `only in AFTER: ${c.onlyAfter.join(', ')}`);
  return lines.join('\n');
}

async function readResults(arg: string): Promise<EvalResult[]> {
  const file = (await stat(arg)).isDirectory() ? path.join(arg, 'results.jsonl') : arg;
  return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalResult);
}

export async function compareMain(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(COMPARE_USAGE + '\n');
    return 0;
  }
  if (argv.length !== 2) {
    io.stderr(`compare: give exactly two runs.\n\n${COMPARE_USAGE}\n`);
    return 2;
  }
  const runs: EvalResult[][] = [];
  for (const arg of argv) {
    try {
      runs.push(await readResults(arg));
    } catch (err) {
      io.stderr(`compare: cannot read ${arg} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass a results.jsonl or the --out folder of an eval run.\n`);
      return 2;
    }
  }
  const c = compareResults(runs[0], runs[1]);
  io.stdout(formatComparison(c) + '\n');
  return c.broken.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await compareMain(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
}
