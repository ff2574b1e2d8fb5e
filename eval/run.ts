// `npm run eval`: runs every question of a question file through the answering service (the same
// code path as `ask --json`) for each requested retrieval mode, then writes results.jsonl,
// summary.json and report.html, prints the summary table on stdout and progress on stderr.
// --corpus builds a temporary index from a folder; --suite runs the shipped sets, each on its own corpus.
// Exit codes: 0 ok, 1 a threshold missed (or the service could not start), 2 usage error.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { AnswerService, RetrievalMode } from '../src/ports.js';
import {
  checkThresholds, errorResult, formatOverviewTable, formatSummaryTable, isFailure, parseQuestions, scoreResult, summarizeMode,
  type BaselineDocs, type EvalQuestion, type EvalResult, type ModeSummary, type SkippedMode, type Summary, type Thresholds,
} from './metrics.js';
import { renderReport, renderSuiteReport } from './report.js';
import { isEntryPoint } from './entry.js';
import type { DocBaseline } from './baseline.js';
import { openEvalService, type OpenedService, type OpenRequest } from './open.js';

export const USAGE = `Usage: npm run eval -- [options]

  --questions FILE   question file, one JSON object a line (default eval/questions.jsonl)
  --split NAME       only the questions whose "split" field is NAME (e.g. calib or report)
  --corpus DIR       build a temporary index (and database) from the documents in DIR, evaluate on it,
                     then remove it; without it the configured index (INDEX_DIR) is used
  --suite            run the shipped sets in one go, each on its own temporary index: the team set and
                     the residents' set (report split) on seeds/, eval/cmrc2018 (report split),
                     eval/notices (report split), eval/policies (held out, all report), eval/services,
                     eval/county and eval/webpages (report splits, and their fresh.jsonl sets written
                     last and never tuned on), eval/residents-fresh.jsonl (report split, on seeds/) and
                     eval/district, eval/civic, eval/harbor, eval/lakeside, eval/ridge, eval/plains, eval/delta, eval/valley, eval/coast, eval/forge, eval/frost, eval/cradle, eval/hearth, eval/compass, eval/lantern, eval/bazaar, eval/orchard, eval/meadow and eval/brook (report splits), eval/residents-en.jsonl
                     (English questions from foreign residents, report split, on seeds/), and eval/probes (the team's bug-finding set on
                     policy documents' shapes: a regression check, all calib), eval/chatter (off-topic chatter
                     sharing words with the documents, report halves, asked of eval/cradle, forge, meadow,
                     orchard, valley and bazaar as chatter-<corpus>) and eval/offtopic
                     (questions no document answers, asked of eval/webpages, and again of the 250
                     Wikipedia articles of eval/cmrc2018 as offtopic-wiki), each on its own docs/;
                     writes one folder per set under --out plus a combined report.html and summary.json
  --out DIR          where results.jsonl, summary.json and report.html go (default eval/out)
  --k N              sources per question (default 5)
  --modes LIST       comma-separated retrieval modes: hybrid,lexical,dense (default all three)
  --min-hit5 X       exit 1 when hit@5 of any mode that ran is below X (0..1)
  --min-answer X     exit 1 when answer accuracy of any mode that ran is below X (0..1)
  --min-abstain X    exit 1 when abstention recall (unanswerable questions) is below X (0..1)
  --min-doc-hit5 X   exit 1 when document-level hit@5 is below X (0..1)
  --min-fact80 X     exit 1 when the share of answers with the fact in their first 80 characters is below X
  --max-false-abstain X  exit 1 when the false-abstain rate (answerable questions) is above X (0..1)
  --by-tag           also print per-tag rows in the stdout table
  --help             this text

A mode the service cannot run here (e.g. dense without an embedding model) is reported as skipped.
Beside the bot, two plain peers are scored at document level on the same files (MiniSearch over jieba
tokens of whole documents; BM25 over the bot's own chunks), so a retrieval regression below them shows.
With RERANK_MODEL set (a cross-encoder, see .env.example), every mode's sources are ordered by it and
summary.json and the report name it (rerank_model); compare a run with and without it with npm run eval:compare.`;

/** The sets --suite runs: question file, optional split, and the corpus each is built from. */
export const SUITE: readonly EvalSet[] = [
  { name: 'team', questions: 'eval/questions.jsonl', corpus: 'seeds' },
  { name: 'residents-report', questions: 'eval/residents.jsonl', split: 'report', corpus: 'seeds' },
  { name: 'cmrc2018-report', questions: 'eval/cmrc2018/questions.jsonl', split: 'report', corpus: 'eval/cmrc2018/docs' },
  { name: 'notices-report', questions: 'eval/notices/questions.jsonl', split: 'report', corpus: 'eval/notices/docs' },
  { name: 'policies', questions: 'eval/policies/questions.jsonl', corpus: 'eval/policies/docs' },
  { name: 'services-report', questions: 'eval/services/questions.jsonl', split: 'report', corpus: 'eval/services/docs' },
  { name: 'county-report', questions: 'eval/county/questions.jsonl', split: 'report', corpus: 'eval/county/docs' },
  { name: 'webpages-report', questions: 'eval/webpages/questions.jsonl', split: 'report', corpus: 'eval/webpages/docs' },
  // Written last, by someone who read neither the answerer nor the other questions; never tuned on.
  { name: 'county-fresh', questions: 'eval/county/fresh.jsonl', corpus: 'eval/county/docs' },
  { name: 'webpages-fresh', questions: 'eval/webpages/fresh.jsonl', corpus: 'eval/webpages/docs' },
  // Two more sets written blind to the bot (its code and every other question); their calib halves are fitted on.
  { name: 'residents-fresh-report', questions: 'eval/residents-fresh.jsonl', split: 'report', corpus: 'seeds' },
  { name: 'district-report', questions: 'eval/district/questions.jsonl', split: 'report', corpus: 'eval/district/docs' },
  // And one more, written blind on 2026-12-03 (its calib half looked at, its report half not).
  { name: 'civic-report', questions: 'eval/civic/questions.jsonl', split: 'report', corpus: 'eval/civic/docs' },
  // And one more, written blind on 2026-12-04 (its calib half looked at, its report half not).
  { name: 'harbor-report', questions: 'eval/harbor/questions.jsonl', split: 'report', corpus: 'eval/harbor/docs' },
  // And one more, written blind on 2026-12-05 (its calib half looked at, its report half not).
  { name: 'lakeside-report', questions: 'eval/lakeside/questions.jsonl', split: 'report', corpus: 'eval/lakeside/docs' },
  // English questions from foreign residents on the seeds, written blind on 2026-12-05 (its calib half looked at, its report half not).
  { name: 'residents-en-report', questions: 'eval/residents-en.jsonl', split: 'report', corpus: 'seeds' },
  // And one more, written blind on 2026-12-05 (second session of the day; its calib half looked at, its report half not).
  { name: 'ridge-report', questions: 'eval/ridge/questions.jsonl', split: 'report', corpus: 'eval/ridge/docs' },
  // The tenth, written blind on 2026-12-05 (third session of the day; its calib half looked at, its report half not).
  { name: 'plains-report', questions: 'eval/plains/questions.jsonl', split: 'report', corpus: 'eval/plains/docs' },
  // The eleventh, written blind on 2026-12-05 (fourth session of the day; its calib half looked at, its report half not).
  { name: 'delta-report', questions: 'eval/delta/questions.jsonl', split: 'report', corpus: 'eval/delta/docs' },
  { name: 'valley-report', questions: 'eval/valley/questions.jsonl', split: 'report', corpus: 'eval/valley/docs' },
  // The thirteenth, written blind on 2026-12-06 (its calib half looked at, its report half not).
  { name: 'coast-report', questions: 'eval/coast/questions.jsonl', split: 'report', corpus: 'eval/coast/docs' },
  // The fourteenth, written blind on 2026-12-06 (second session of the day; its calib half looked at, its report half not).
  { name: 'forge-report', questions: 'eval/forge/questions.jsonl', split: 'report', corpus: 'eval/forge/docs' },
  // The fifteenth, written blind on 2026-12-06 (third session of the day; its calib half looked at, its report half not).
  { name: 'frost-report', questions: 'eval/frost/questions.jsonl', split: 'report', corpus: 'eval/frost/docs' },
  { name: 'cradle-report', questions: 'eval/cradle/questions.jsonl', split: 'report', corpus: 'eval/cradle/docs' },
  { name: 'hearth-report', questions: 'eval/hearth/questions.jsonl', split: 'report', corpus: 'eval/hearth/docs' },
  { name: 'compass-report', questions: 'eval/compass/questions.jsonl', split: 'report', corpus: 'eval/compass/docs' },
  { name: 'lantern-report', questions: 'eval/lantern/questions.jsonl', split: 'report', corpus: 'eval/lantern/docs' },
  { name: 'bazaar-report', questions: 'eval/bazaar/questions.jsonl', split: 'report', corpus: 'eval/bazaar/docs' },
  { name: 'orchard-report', questions: 'eval/orchard/questions.jsonl', split: 'report', corpus: 'eval/orchard/docs' },
  { name: 'meadow-report', questions: 'eval/meadow/questions.jsonl', split: 'report', corpus: 'eval/meadow/docs' },
  { name: 'brook-report', questions: 'eval/brook/questions.jsonl', split: 'report', corpus: 'eval/brook/docs' },
  // Written by the team after reading the answerer, to find bugs on policy documents' shapes: a regression check only.
  { name: 'probes', questions: 'eval/probes/questions.jsonl', corpus: 'eval/probes/docs' },
  // Off-topic chatter that shares words with the documents it is asked of (all unanswerable), written blind on
  // 2026-12-07 for six of the blind sets' corpora (eval/chatter/README.md): its calib halves looked at, its report halves not.
  ...['cradle', 'forge', 'meadow', 'orchard', 'valley', 'bazaar'].map((c) => ({ name: `chatter-${c}`, questions: `eval/chatter/${c}.jsonl`, split: 'report', corpus: `eval/${c}/docs` })),
  // Off-topic questions (no answer in any document) asked of the web pages; its calib half was looked at, its report half not.
  { name: 'offtopic', questions: 'eval/offtopic/questions.jsonl', corpus: 'eval/webpages/docs' },
  // The same questions asked of 250 Wikipedia articles: a broad corpus has most everyday words somewhere.
  { name: 'offtopic-wiki', questions: 'eval/offtopic/questions.jsonl', corpus: 'eval/cmrc2018/docs' },
];

export interface EvalSet {
  /** Folder name under --out and heading in the report. */
  name: string;
  questions: string;
  split?: string;
  /** Build a temporary index from this folder; undefined = the configured index. */
  corpus?: string;
}

const ALL_MODES: readonly RetrievalMode[] = ['hybrid', 'lexical', 'dense'];

export interface CliOptions {
  questions: string;
  split?: string;
  corpus?: string;
  suite: boolean;
  out: string;
  k: number;
  modes: RetrievalMode[];
  thresholds: Thresholds;
  byTag: boolean;
  help: boolean;
}

export class UsageError extends Error {
  readonly code = 'EVAL_USAGE';
}

function ratioArg(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!raw.trim() || !Number.isFinite(v) || v < 0 || v > 1) throw new UsageError(`${name} must be a number between 0 and 1 (got "${raw}").`);
  return v;
}

/** Parses the command line; throws UsageError with the fix for anything it cannot accept. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        questions: { type: 'string' },
        split: { type: 'string' },
        corpus: { type: 'string' },
        suite: { type: 'boolean' },
        out: { type: 'string' },
        k: { type: 'string' },
        modes: { type: 'string' },
        'min-hit5': { type: 'string' },
        'min-answer': { type: 'string' },
        'min-abstain': { type: 'string' },
        'min-doc-hit5': { type: 'string' },
        'min-fact80': { type: 'string' },
        'max-false-abstain': { type: 'string' },
        'by-tag': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}`);
  }
  const v = parsed.values;
  const k = v.k === undefined ? 5 : Number(v.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new UsageError(`--k must be an integer between 1 and 50 (got "${v.k}").`);
  const modes = (v.modes ?? ALL_MODES.join(',')).split(',').map((m) => m.trim()).filter(Boolean);
  const unknown = modes.filter((m) => !(ALL_MODES as readonly string[]).includes(m));
  if (unknown.length || modes.length === 0) throw new UsageError(`--modes takes a comma-separated list of ${ALL_MODES.join(', ')} (got "${v.modes}").`);
  if (v.split !== undefined && !v.split.trim()) throw new UsageError('--split takes a split name such as calib or report.');
  if (v.corpus !== undefined && !v.corpus.trim()) throw new UsageError('--corpus takes a folder of documents.');
  if (v.suite && (v.questions !== undefined || v.split !== undefined || v.corpus !== undefined)) {
    throw new UsageError('--suite runs its own sets; leave out --questions, --split and --corpus (or run one set without --suite).');
  }
  return {
    questions: v.questions ?? 'eval/questions.jsonl',
    ...(v.split ? { split: v.split.trim() } : {}),
    ...(v.corpus ? { corpus: v.corpus.trim() } : {}),
    suite: v.suite ?? false,
    out: v.out ?? 'eval/out',
    k,
    modes: [...new Set(modes)] as RetrievalMode[],
    thresholds: {
      minHit5: ratioArg('--min-hit5', v['min-hit5']),
      minAnswer: ratioArg('--min-answer', v['min-answer']),
      minAbstain: ratioArg('--min-abstain', v['min-abstain']),
      minDocHit5: ratioArg('--min-doc-hit5', v['min-doc-hit5']),
      minFact80: ratioArg('--min-fact80', v['min-fact80']),
      maxFalseAbstain: ratioArg('--max-false-abstain', v['max-false-abstain']),
    },
    byTag: v['by-tag'] ?? false,
    help: v.help ?? false,
  };
}

export interface RunDeps {
  service: Pick<AnswerService, 'ask'>;
  /** One human-readable progress line (stderr in the CLI). */
  progress?: (line: string) => void;
  now?: () => number;
  /** What the service announced when it started (e.g. "embedding model unavailable"), quoted in skip reasons. */
  serviceWarnings?: readonly string[];
  /** The plain document-level peers scored beside the bot (absent or empty: not scored). */
  baselines?: readonly DocBaseline[];
}

export interface ModeRun {
  mode: RetrievalMode;
  outcome: ModeSummary | SkippedMode;
  results: EvalResult[];
}

/**
 * Asks every question in one mode. If the service answers in another mode than requested
 * (no embedding model: dense/hybrid ran lexical), the mode is skipped with the service's reason
 * instead of being scored as if it had run. A question whose ask throws is recorded as an error.
 */
export async function runMode(questions: readonly EvalQuestion[], mode: RetrievalMode, k: number, deps: RunDeps, baselineDocs?: ReadonlyMap<string, BaselineDocs>): Promise<ModeRun> {
  const now = deps.now ?? (() => performance.now());
  const progress = deps.progress ?? (() => {});
  const results: EvalResult[] = [];
  let embeddingModel: string | null = null;
  let rerankModel: string | undefined;
  let answered = 0;
  const errors: string[] = [];
  for (const [i, q] of questions.entries()) {
    const started = now();
    try {
      const response = await deps.service.ask({ question: q.question, mode, k, channel: 'eval' });
      const latency = now() - started;
      if (response.retrieval?.mode !== mode) {
        const said = [...(response.notes ?? []), ...(deps.serviceWarnings ?? [])];
        const why = said.length ? ` (${said.join('; ')})` : '';
        const reason = `requested ${mode} but the service ran ${response.retrieval?.mode ?? 'an unknown mode'}${response.retrieval?.embedding_model ? '' : ' with no embedding model'}${why}`;
        progress(`[${mode}] skipped: ${reason}`);
        return { mode, outcome: { status: 'skipped', reason }, results: [] };
      }
      embeddingModel = response.retrieval.embedding_model;
      rerankModel ??= response.retrieval.rerank_model;
      answered++;
      const r = scoreResult(q, mode, response, latency, k, baselineDocs?.get(q.id));
      results.push(r);
      progress(`[${mode}] ${i + 1}/${questions.length} ${q.id} ${isFailure(r) ? 'FAIL' : 'ok  '} ${Math.round(latency)} ms`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(message);
      results.push(errorResult(q, mode, message, now() - started, baselineDocs?.get(q.id)));
      progress(`[${mode}] ${i + 1}/${questions.length} ${q.id} ERROR ${message}`);
      // A mode that fails on its first questions without one answer cannot run here: say so once.
      if (answered === 0 && errors.length >= Math.min(3, questions.length) && errors.every((e) => e === errors[0])) {
        const reason = `every ask failed: ${errors[0]}`;
        progress(`[${mode}] skipped: ${reason}`);
        return { mode, outcome: { status: 'skipped', reason }, results: [] };
      }
    }
  }
  return { mode, outcome: summarizeMode(results, embeddingModel, rerankModel), results };
}

export interface EvalRun {
  summary: Summary;
  results: EvalResult[];
}

export async function runEval(
  questions: readonly EvalQuestion[],
  options: { modes: readonly RetrievalMode[]; k: number; questionsFile: string; problems?: Summary['question_file_problems']; corpus?: string },
  deps: RunDeps,
): Promise<EvalRun> {
  // The peers do not depend on the mode: one search per question and peer, shared by every mode's results.
  const peers = deps.baselines ?? [];
  let baselineDocs: Map<string, BaselineDocs> | undefined;
  if (peers.length) {
    baselineDocs = new Map();
    for (const q of questions) {
      const docs: BaselineDocs = {};
      for (const peer of peers) docs[peer.key] = await peer.search(q.question, options.k);
      baselineDocs.set(q.id, docs);
    }
  }
  const summary: Summary = {
    generated_at: new Date().toISOString(),
    questions_file: options.questionsFile,
    ...(options.corpus ? { corpus: options.corpus } : {}),
    ...(peers.length ? { baseline: peers.map((p) => p.label).join('; ') } : {}),
    questions: questions.length,
    k: options.k,
    question_file_problems: options.problems ?? [],
    modes: {},
  };
  const results: EvalResult[] = [];
  for (const mode of options.modes) {
    const run = await runMode(questions, mode, options.k, deps, baselineDocs);
    summary.modes[mode] = run.outcome;
    results.push(...run.results);
  }
  return { summary, results };
}

/** Writes the three output files into `dir` (created when missing) and returns their paths. */
export async function writeOutputs(dir: string, run: EvalRun): Promise<{ results: string; summary: string; report: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { results: path.join(dir, 'results.jsonl'), summary: path.join(dir, 'summary.json'), report: path.join(dir, 'report.html') };
  await writeFile(paths.results, run.results.map((r) => JSON.stringify(r)).join('\n') + (run.results.length ? '\n' : ''));
  await writeFile(paths.summary, JSON.stringify(run.summary, null, 2) + '\n');
  await writeFile(paths.report, renderReport({ summary: run.summary, results: run.results }));
  return paths;
}

export interface MainIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Opens the answering service (the CLI passes openEvalService, tests may pass their own). */
  openService: (request: OpenRequest) => Promise<OpenedService>;
}

interface LoadedSet {
  set: EvalSet;
  questions: EvalQuestion[];
  problems: Summary['question_file_problems'];
}

/** Reads and filters one set's question file; returns an error message (usage problem) instead of throwing. */
async function loadSet(set: EvalSet, io: MainIo): Promise<LoadedSet | string> {
  const questionsPath = path.resolve(io.cwd, set.questions);
  let text: string;
  try {
    text = await readFile(questionsPath, 'utf8');
  } catch (err) {
    return `cannot read the question file ${questionsPath} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass an existing file with --questions.`;
  }
  const parsed = parseQuestions(text);
  for (const p of parsed.problems) io.stderr(`eval: ${set.questions}:${p.line}: ${p.message}${p.skipped ? ' Line skipped.' : ''}\n`);
  if (parsed.questions.length === 0) return `${set.questions} holds no valid question; see the Evaluation section of README.md for the format.`;
  const questions = set.split === undefined ? parsed.questions : parsed.questions.filter((q) => q.split === set.split);
  if (questions.length === 0) {
    const names = [...new Set(parsed.questions.map((q) => q.split).filter(Boolean))];
    return `no question in ${set.questions} has "split": "${set.split}"; ${names.length ? `its splits are ${names.join(', ')}` : 'it has no "split" field'}.`;
  }
  if (set.corpus !== undefined) {
    const dir = path.resolve(io.cwd, set.corpus);
    let isDir = false;
    try {
      isDir = (await stat(dir)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) return `--corpus ${set.corpus}: ${dir} is not a folder; pass the folder that holds the documents to index.`;
  }
  return { set, questions, problems: parsed.problems };
}

/** Opens the service for one set, runs it, closes the service (and its temporary index). */
async function runSet(loaded: LoadedSet, options: CliOptions, io: MainIo): Promise<EvalRun | string> {
  const { set, questions, problems } = loaded;
  const label = set.split ? `${set.questions} (split ${set.split})` : set.questions;
  io.stderr(`eval: ${questions.length} question(s) from ${label}${set.corpus ? `, temporary index of ${set.corpus}` : ''}, modes ${options.modes.join(',')}, k=${options.k}\n`);
  let app: OpenedService;
  try {
    app = await io.openService({ corpusDir: set.corpus, modes: options.modes });
  } catch (err) {
    return `the answering service could not start: ${(err as Error).message}`;
  }
  try {
    return await runEval(questions, { modes: options.modes, k: options.k, questionsFile: label, problems, corpus: app.corpus }, {
      service: app.service,
      serviceWarnings: app.warnings,
      baselines: app.baselines,
      progress: (line) => io.stderr(line + '\n'),
    });
  } finally {
    await app.close();
  }
}

/** The whole CLI; returns the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`eval: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const sets: EvalSet[] = options.suite
    ? [...SUITE]
    : [{ name: path.basename(options.questions).replace(/\.[^.]*$/, ''), questions: options.questions, split: options.split, corpus: options.corpus }];
  const loaded: LoadedSet[] = [];
  for (const set of sets) {
    const l = await loadSet(set, io);
    if (typeof l === 'string') {
      io.stderr(`eval: ${l}\n`);
      return 2;
    }
    loaded.push(l);
  }

  const outDir = path.resolve(io.cwd, options.out);
  const runs: { name: string; run: EvalRun }[] = [];
  for (const l of loaded) {
    const run = await runSet(l, options, io);
    if (typeof run === 'string') {
      io.stderr(`eval: ${run}\n`);
      return 1;
    }
    runs.push({ name: l.set.name, run });
  }

  const misses: string[] = [];
  for (const { name, run } of runs) {
    const paths = await writeOutputs(options.suite ? path.join(outDir, name) : outDir, run);
    if (options.suite) io.stdout(`\n== ${name}: ${run.summary.questions_file}${run.summary.corpus ? ` on ${run.summary.corpus}` : ''} ==\n`);
    io.stdout(formatSummaryTable(run.summary, { tags: options.byTag }) + '\n');
    io.stderr(`eval: wrote ${paths.results}, ${paths.summary}, ${paths.report}\n`);
    misses.push(...checkThresholds(run.summary, options.thresholds).map((m) => (options.suite ? `${name}: ${m}` : m)));
  }
  if (options.suite) {
    await mkdir(outDir, { recursive: true });
    const combined = runs.map(({ name, run }) => ({ name, summary: run.summary, results: run.results }));
    await writeFile(path.join(outDir, 'summary.json'), JSON.stringify({ generated_at: new Date().toISOString(), sets: combined.map(({ name, summary }) => ({ name, ...summary })) }, null, 2) + '\n');
    await writeFile(path.join(outDir, 'report.html'), renderSuiteReport(combined));
    io.stderr(`eval: wrote the combined ${path.join(outDir, 'report.html')} and ${path.join(outDir, 'summary.json')}\n`);
    io.stdout(`\n== all sets ==\n${formatOverviewTable(combined)}\n`);
  }
  for (const m of misses) io.stdout(`THRESHOLD MISSED: ${m}\n`);
  return misses.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  const { createLogger } = await import('../src/log.js');
  const code = await main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    // Warnings only: per-question info lines would drown the progress output.
    openService: (request) => openEvalService(request, { cwd: process.cwd(), env: process.env, logger: createLogger({ level: 'warn' }) }),
  });
  process.exitCode = code;
}
