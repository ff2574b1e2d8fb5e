// Compares two built checkouts' warm lexical `ask` in one process: the same questions, both builds answering each in
// turn (so the machine's noise falls on both alike), and whether their answers are the same.
//
//   npm run build                                   # in each checkout (dist/)
//   node bench/compare-builds.mjs DIR_A DIR_B [QUESTIONS.jsonl] [CORPUS_DIR]
//   REPS=0 node bench/compare-builds.mjs …          # answers only
//
// Defaults: eval/questions.jsonl on seeds/ of this checkout; REPS=5 timed passes after one untimed pass that also
// compares the answers (text, abstention, citations, sources). Each build gets its own temporary lexical-only index.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [A, B, questionsFile = path.join(here, 'eval/questions.jsonl'), corpus = path.join(here, 'seeds')] = process.argv.slice(2);
if (!A || !B) {
  process.stderr.write('usage: node bench/compare-builds.mjs DIR_A DIR_B [QUESTIONS.jsonl] [CORPUS_DIR]\n');
  process.exit(2);
}
const reps = Number(process.env.REPS ?? 5);

async function open(root) {
  const { openApp } = await import(path.join(path.resolve(root), 'dist/src/app.js'));
  const { createLogger } = await import(path.join(path.resolve(root), 'dist/src/log.js'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'compare-builds-'));
  const env = { CORPUS_DIR: path.resolve(corpus), INDEX_DIR: path.join(dir, 'index'), DB_PATH: path.join(dir, 'db.sqlite'), EMBEDDING_MODEL: 'none', LOG_LEVEL: 'warn' };
  return openApp({ env, cwd: path.resolve(root), logger: createLogger({ level: 'warn' }), warm: true });
}

const apps = [await open(A), await open(B)];
const questions = readFileSync(questionsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).question);
const ask = (app, question) => app.service.ask({ question, mode: 'lexical', channel: 'bench' });
const key = (r) => JSON.stringify([r.answer, r.abstained, r.citations, r.sources?.map((s) => s.doc ?? s.title)]);
let differ = 0;
for (const q of questions) {
  const [a, b] = [await ask(apps[0], q), await ask(apps[1], q)];
  if (key(a) !== key(b) && ++differ <= 5) process.stdout.write(`differs: ${q}\n  A ${key(a).slice(0, 300)}\n  B ${key(b).slice(0, 300)}\n`);
}
process.stdout.write(`${questions.length} questions, ${differ} answers differ\n`);
if (reps > 0) {
  const times = [[], []];
  for (let r = 0; r < reps; r++) {
    for (const q of questions) {
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        const start = performance.now();
        await ask(apps[i], q);
        times[i].push(performance.now() - start);
      }
    }
  }
  const stats = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    const at = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((x, y) => x + y, 0) / s.length };
  };
  const [sa, sb] = times.map(stats);
  const row = (name, s) => `${name}  ${Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join('  ')}\n`;
  process.stdout.write(row('A', sa) + row('B', sb) + `B/A  ${Object.keys(sa).map((k) => `${k} ${(sb[k] / sa[k]).toFixed(3)}`).join('  ')}\n`);
}
for (const app of apps) await app.close();
