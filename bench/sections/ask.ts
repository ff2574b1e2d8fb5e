// Section 1: end-to-end `ask` latency on the seeds, warm, per retrieval mode (in process, the same
// service every front end calls), and cold start: a fresh process answering one question from an existing
// index — the compiled command `npm run ask` runs (node dist/src/cli/ask.js), the same through its launcher
// (node scripts/run.mjs: the dist/ staleness check), and the TypeScript under tsx — next to a bare
// `node -e 0` and `tsx -e 0`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../../src/app.js';
import type { Env } from '../../src/config.js';
import { loadCoreConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { RetrievalMode } from '../../src/ports.js';
import { ingest } from '../../src/ingest/pipeline.js';
import { REPO_ROOT } from '../lib/child.js';
import { summarize, type Latency } from '../lib/stats.js';
import type { Workspace } from '../lib/workspace.js';

export interface ModeLatency {
  mode: RetrievalMode;
  latency: Latency;
  /** Questions answered in another mode than asked (e.g. dense fell back to lexical). */
  fellBack: number;
}

/** Labels the report looks up for the cold-start target (compiled ask vs bare node). */
export const NODE_BASELINE = 'node -e 0 (runtime only)';
export const ASK_COMPILED = 'ask --json, compiled';

export interface ColdStart {
  label: string;
  command: string;
  /** Process start to the answer on stdout (for the baselines: to exit). */
  firstAnswer: Latency;
  exit: Latency;
  failures: string[];
}

export interface AskSection {
  questions: number;
  reps: number;
  chunks: number;
  modes: ModeLatency[];
  coldStart: ColdStart[];
}

const MODES: RetrievalMode[] = ['lexical', 'dense', 'hybrid'];

export async function runAskSection(ws: Workspace, opts: { reps: number; coldRuns: number }, logger: Logger, say: (s: string) => void): Promise<AskSection> {
  const env = ws.env('ask-index');
  say('ask: building the seeds index (tiny model) and opening the app');
  // (Opened as the chat adapters open it: each generation warmed as it loads, between events — so one turn of the event
  // loop passes before the first question, as it does while a server waits for its first request. An in-process ask
  // never yields to the event loop by itself.)
  const app = await openApp({ env, cwd: REPO_ROOT, logger, warm: true });
  await new Promise((resolve) => setImmediate(resolve));
  const modes: ModeLatency[] = [];
  let chunks = 0;
  try {
    chunks = app.service.describe().chunks;
    const questions = ws.questions.map((q) => q.question);
    for (const mode of MODES) {
      say(`ask: ${mode}, ${questions.length} questions × ${opts.reps}`);
      for (const q of questions.slice(0, 10)) await app.service.ask({ question: q, mode, channel: 'bench' });
      const samples: number[] = [];
      let fellBack = 0;
      for (let r = 0; r < opts.reps; r++) {
        for (const question of questions) {
          const start = performance.now();
          const response = await app.service.ask({ question, mode, channel: 'bench' });
          samples.push(performance.now() - start);
          if (response.retrieval.mode !== mode) fellBack++;
        }
      }
      modes.push({ mode, latency: summarize(samples), fellBack });
    }
  } finally {
    await app.close();
  }
  const coldStart = await runColdStart(ws, opts.coldRuns, logger, say);
  return { questions: ws.questions.length, reps: opts.reps, chunks, modes, coldStart };
}

/**
 * Cold start to first answer, each variant `runs` times after one uncounted run; also `npm run bench --
 * --cold-start` on its own. Needs the hybrid index `ask-index` (built here when missing).
 */
export async function runColdStart(ws: Workspace, runs: number, logger: Logger, say: (s: string) => void): Promise<ColdStart[]> {
  const env = ws.env('ask-index');
  await (await openApp({ env, cwd: REPO_ROOT, logger })).close(); // builds the hybrid index on first use
  // A lexical-only index for the cold start without any model.
  const lexEnv = ws.env('ask-index-lexical', { lexicalOnly: true });
  await ingest(loadCoreConfig(lexEnv, REPO_ROOT), { paths: [ws.seedsDir], embedder: null }, logger);

  const question = ws.questions.find((q) => q.lang === 'zh' && !q.unanswerable)?.question ?? '社区助理招了多少人？';
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  // Builds dist/ if it is missing or stale, outside the measurements.
  const built = spawnSync(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--help'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building dist/ failed: ${built.stderr.slice(-500)}`);
  const coldStart: ColdStart[] = [];
  const compiled = 'dist/src/cli/ask.js';
  const variants: { label: string; cmd: string; args: string[]; env?: Env; json: boolean }[] = [
    { label: NODE_BASELINE, cmd: process.execPath, args: ['-e', '0'], json: false },
    { label: 'tsx -e 0 (runtime + TypeScript loader)', cmd: tsx, args: ['-e', '0'], json: false },
    { label: `${ASK_COMPILED}, lexical-only index (EMBEDDING_MODEL=none)`, cmd: process.execPath, args: [compiled, '--json', question], env: lexEnv, json: true },
    { label: `${ASK_COMPILED}, hybrid, tiny model loaded`, cmd: process.execPath, args: [compiled, '--json', question], env, json: true },
    { label: 'ask --json via the launcher (npm run ask), lexical-only index', cmd: process.execPath, args: ['scripts/run.mjs', 'src/cli/ask.ts', '--json', question], env: lexEnv, json: true },
    { label: 'ask --json under tsx (development), lexical-only index', cmd: tsx, args: ['src/cli/ask.ts', '--json', question], env: lexEnv, json: true },
  ];
  for (const v of variants) {
    say(`ask: cold start, ${v.label} × ${runs}`);
    await spawnTimed(v.cmd, v.args, v.env, v.json); // fills the OS file cache and tsx's compile cache; not counted
    const first: number[] = [];
    const exit: number[] = [];
    const failures: string[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await spawnTimed(v.cmd, v.args, v.env, v.json);
      if (r.error) failures.push(r.error);
      else {
        first.push(r.firstAnswerMs);
        exit.push(r.exitMs);
      }
    }
    const shown = v.cmd === process.execPath ? 'node' : 'tsx';
    coldStart.push({ label: v.label, command: `${shown} ${v.args.map((a) => (/\s|[^\x20-\x7e]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`, firstAnswer: summarize(first), exit: summarize(exit), failures });
  }
  return coldStart;
}

interface SpawnTiming {
  firstAnswerMs: number;
  exitMs: number;
  error?: string;
}

/** Wall time from spawn to the first complete stdout line that parses as an answer, and to exit. */
function spawnTimed(cmd: string, args: string[], env: Env | undefined, expectJson: boolean): Promise<SpawnTiming> {
  return new Promise((resolve) => {
    const start = performance.now();
    let firstAnswerMs = NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      if (Number.isNaN(firstAnswerMs) && stdout.includes('\n')) firstAnswerMs = performance.now() - start;
    });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-1000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const exitMs = performance.now() - start;
      if (code !== 0) return resolve({ firstAnswerMs, exitMs, error: `exit ${code}: ${stderr.trim().split('\n').slice(-2).join(' | ')}` });
      if (!expectJson) return resolve({ firstAnswerMs: exitMs, exitMs });
      try {
        const answer = JSON.parse(stdout.trim().split('\n')[0]) as { answer?: unknown };
        if (typeof answer.answer !== 'string') throw new Error('no "answer" field');
        resolve({ firstAnswerMs, exitMs });
      } catch (err) {
        resolve({ firstAnswerMs, exitMs, error: `stdout is not an ask --json answer (${(err as Error).message})` });
      }
    });
  });
}
