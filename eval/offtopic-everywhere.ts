// Asks the off-topic questions of every dev set's calib split (and the calib half of eval/offtopic) of every pooled
// local-service corpus (not CMRC 2018's Wikipedia articles), one corpus at a time, each on its own temporary index.
// Each set's off-topic questions were written beside its own corpus; another corpus meets them with other words (最高 of
// 最高不超过60万元 for 世界上最高的山是哪座, the 监护人 of a guardian's application for 湖人昨天赢了没). All of them are
// calib questions: read them one by one.
//   npx tsx eval/offtopic-everywhere.ts OUT
// Writes OUT/questions.jsonl, one eval output folder per corpus (OUT/<corpus>/results.jsonl, summary.json, report.html)
// and OUT/summary.json (abstention per corpus and language), and prints the table. About 10 minutes on two cores.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isEntryPoint } from './entry.js';
import { corpusName, pooledSets, readQuestions } from './pool.js';

/** The team's off-topic set: its calib half joins the sets' own. */
const OFF_TOPIC_FILE = 'eval/offtopic/questions.jsonl';

interface Question {
  id: string;
  split?: string;
  unanswerable?: boolean;
  tags?: string[];
  lang?: string;
  [key: string]: unknown;
}

/**
 * The pooled corpora but CMRC 2018's Wikipedia articles: local-service documents, which answer no off-topic question.
 * (The articles do answer some — who won a World Cup —, so there a question is off-topic only by its set's label.)
 */
export function localCorpora(): string[] {
  return [...new Set(pooledSets().map((s) => s.corpus))].filter((c) => corpusName(c) !== 'cmrc2018');
}

/** A question file's set name: X of eval/X/questions.jsonl, residents of eval/residents.jsonl. */
function setName(file: string): string {
  const base = path.basename(file, '.jsonl');
  return base === 'questions' ? path.basename(path.dirname(file)) : base;
}

/** Every calib off-topic question of the pooled sets and of eval/offtopic, once each, its id prefixed with its set's name. */
export function offTopicQuestions(root: string): Question[] {
  const files = [...new Set([OFF_TOPIC_FILE, ...pooledSets().map((s) => s.questions)])];
  const out: Question[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const q of readQuestions<Question>(root, file)) {
      if (q.split !== 'calib' || !q.unanswerable || q.tags?.[0] !== 'off-topic') continue;
      const id = `${setName(file)}:${q.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ ...q, id, doc: null, tags: ['off-topic'] });
    }
  }
  return out;
}

export interface CorpusAbstention {
  corpus: string;
  zh: { abstained: number; total: number };
  en: { abstained: number; total: number };
  /** Why the corpus has no results (its run failed): it counts in no total. */
  failed?: string;
}

/**
 * Abstention per language of each corpus's run (OUT/<corpus>/results.jsonl). A corpus whose run wrote no results is
 * marked failed and left out of the totals: one corpus's failure does not cost the others' numbers.
 */
export function summarise(out: string, corpora: readonly string[]): CorpusAbstention[] {
  return corpora.map((corpus) => {
    const row: CorpusAbstention = { corpus, zh: { abstained: 0, total: 0 }, en: { abstained: 0, total: 0 } };
    const file = path.join(out, corpus, 'results.jsonl');
    if (!existsSync(file)) return { ...row, failed: `no ${path.relative(out, file)}` };
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { lang?: string; abstention_ok?: boolean };
      const cell = r.lang === 'en' ? row.en : row.zh;
      cell.total++;
      if (r.abstention_ok) cell.abstained++;
    }
    return row;
  });
}

/** The table printed at the end: one line per corpus and a total line. */
export function formatTable(rows: readonly CorpusAbstention[]): string {
  const share = (c: { abstained: number; total: number }) => (c.total ? `${c.abstained}/${c.total} = ${(c.abstained / c.total).toFixed(3)}` : '-');
  const sum = (lang: 'zh' | 'en') => rows.reduce((a, r) => ({ abstained: a.abstained + r[lang].abstained, total: a.total + r[lang].total }), { abstained: 0, total: 0 });
  const lines = rows.map((r) => (r.failed ? `${r.corpus.padEnd(12)} failed: ${r.failed}` : `${r.corpus.padEnd(12)} zh ${share(r.zh).padEnd(18)} en ${share(r.en)}`));
  const failed = rows.filter((r) => r.failed).length;
  return [...lines, `${'all'.padEnd(12)} zh ${share(sum('zh')).padEnd(18)} en ${share(sum('en'))}${failed ? `  (${failed} failed corpus${failed > 1 ? 'es' : ''} left out)` : ''}`].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  const out = process.argv[2];
  if (!out || out.startsWith('-')) {
    console.error('usage: npx tsx eval/offtopic-everywhere.ts OUT   (writes OUT/questions.jsonl, OUT/<corpus>/ and OUT/summary.json)');
    process.exit(2);
  }
  const root = process.cwd();
  let questions: Question[];
  try {
    questions = offTopicQuestions(root);
  } catch (error) {
    console.error(`eval/offtopic-everywhere: ${(error as Error).message} (run it from the repository root)`);
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'questions.jsonl');
  writeFileSync(file, questions.map((q) => JSON.stringify(q)).join('\n') + '\n');
  const corpora = localCorpora();
  const { main } = await import('./run.js');
  const { openEvalService } = await import('./open.js');
  const { createLogger } = await import('../src/log.js');
  const logger = createLogger({ level: 'warn' });
  for (const [i, corpus] of corpora.entries()) {
    process.stderr.write(`eval/offtopic-everywhere: ${i + 1}/${corpora.length} ${corpus}\n`);
    // (A corpus that fails says why and the next one runs: its stderr is kept, and summarise marks it failed.)
    let errors = '';
    const code = await main(['--questions', file, '--split', 'calib', '--corpus', corpus, '--modes', 'lexical', '--out', path.join(out, corpusName(corpus))], {
      stdout: () => {},
      stderr: (text) => void (errors += text),
      cwd: root,
      openService: (request) => openEvalService(request, { cwd: root, env: process.env, logger }),
    }).catch((error: unknown) => {
      errors += (error as Error).stack ?? String(error);
      return 1;
    });
    if (code !== 0) process.stderr.write(`eval/offtopic-everywhere: ${corpus} failed (exit ${code}): ${errors.trim().split('\n').slice(0, 3).join(' | ')}\n`);
  }
  const rows = summarise(out, corpora.map(corpusName));
  writeFileSync(path.join(out, 'summary.json'), JSON.stringify({ questions: questions.length, corpora: rows }, null, 2) + '\n');
  console.log(`${questions.length} calib off-topic questions asked of ${corpora.length} corpora\n${formatTable(rows)}`);
  process.exitCode = rows.some((r) => r.failed) ? 1 : 0;
}
