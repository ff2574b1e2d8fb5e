// `npm run eval -- --corpus DIR`: the real service (openApp through eval/open.ts) builds a temporary index
// and database from a folder of documents written here, answers from it, scores the plain baseline beside
// it, and leaves nothing behind — neither the temporary folder nor an index in the configured place.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';
import { main } from '../eval/run.js';
import { openEvalService } from '../eval/open.js';
import type { EvalResult, Summary } from '../eval/metrics.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT, TINY_RERANKER_ID } from './fixtures/tiny-model.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const DOCS: Record<string, string> = {
  'a.txt': '平安县高龄津贴发放办法\n\n平安县为80周岁以上的老年人发放高龄津贴，每人每月100元，由社区服务站按季度发放。\n\n申请人携带身份证和户口簿到所在社区服务站登记。',
  'sub/b.txt': '平安县老年人公交卡办理指南\n\n平安县老年人公交卡在县客运站一楼服务窗口办理。65周岁以上老年人凭卡免费乘坐县内公交车。\n\n办卡需要本人近期照片一张。',
  'sub/c.txt': '平安县图书馆开放时间调整\n\n平安县图书馆自3月1日起周一闭馆，周二至周日9时至17时开放，少儿阅览室周末延长至19时。',
};

const QUESTIONS = [
  { id: 'q-1', question: '平安县高龄津贴每个月发多少钱？', answers: ['100元'], doc: 'a.txt' },
  { id: 'q-2', question: '老年人公交卡在哪里办理？', answers: ['县客运站'], doc: 'sub/b.txt' },
  { id: 'q-3', question: '图书馆周一开门吗', answers: ['周一闭馆'], doc: 'c.txt' },
  { id: 'u-1', question: '杭州地铁末班车几点？', unanswerable: true },
];

const tempIndexDirs = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('eval-corpus-'));

describe('npm run eval -- --corpus DIR', () => {
  it('indexes DIR into a temporary folder, scores bot and baseline on it, and removes the folder', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'eval-cli-corpus-'));
    dirs.push(cwd);
    const corpus = path.join(cwd, 'my-docs');
    for (const [name, text] of Object.entries(DOCS)) {
      await mkdir(path.dirname(path.join(corpus, name)), { recursive: true });
      await writeFile(path.join(corpus, name), text);
    }
    await writeFile(path.join(cwd, 'q.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
    // The run's temporary folders go to a private TMPDIR: other processes' eval runs in the shared one don't count.
    const ownTmp = await mkdtemp(path.join(os.tmpdir(), 'eval-cli-tmp-'));
    dirs.push(ownTmp);
    const err: string[] = [];
    const out: string[] = [];
    const logger = createLogger({ level: 'error', write: (l) => err.push(l) });
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    let code: number;
    try {
      code = await main(['--questions', 'q.jsonl', '--corpus', 'my-docs', '--modes', 'lexical', '--out', 'out'], {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        cwd,
        openService: (request) => openEvalService(request, { cwd, env: {}, logger }),
      });
    } finally {
      if (systemTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmp;
    }
    expect(code, err.join('')).toBe(0);

    const results = (await readFile(path.join(cwd, 'out', 'results.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as EvalResult);
    const byId = new Map(results.map((r) => [r.id, r]));
    // the documents were really indexed: each answerable question finds its gold passage and document,
    // also when the question file names a file in a subfolder by its bare name (q-3)
    for (const id of ['q-1', 'q-2', 'q-3']) {
      expect(byId.get(id)?.hit_rank, id).not.toBeNull();
      expect(byId.get(id)?.doc_hit_rank, id).toBe(byId.get(id)?.hit_rank);
      expect(typeof byId.get(id)?.baseline_doc_rank, id).toBe('number');
      expect(typeof byId.get(id)?.bm25_doc_rank, id).toBe('number');
    }
    expect(byId.get('q-2')?.sources[0].doc).toBe('sub/b.txt');
    const summary = JSON.parse(await readFile(path.join(cwd, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.corpus).toBe('my-docs (temporary index)');
    expect(summary.baseline).toMatch(/MiniSearch.*; BM25 over the bot's chunks/);
    const lexical = summary.modes.lexical;
    if (lexical?.status !== 'ok') throw new Error('lexical should have run');
    expect(lexical.overall.doc_hit_at_5).toBe(1);
    expect(lexical.overall.baseline_doc_hit_at_5).toBe(1);
    expect(lexical.overall.bm25_doc_hit_at_5).toBe(1);

    // nothing left behind: no temporary index, no index or database in the configured default places
    expect(await tempIndexDirs(ownTmp)).toEqual([]);
    expect(existsSync(path.join(cwd, 'index'))).toBe(false);
    expect(existsSync(path.join(cwd, 'data'))).toBe(false);
  });

  /** `npm run eval -- --questions q.jsonl --corpus docs --modes MODES` on the given documents, with the given env; its out folder. */
  async function evalOn(docs: string[], modes: string, env: Record<string, string>): Promise<string> {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'eval-cli-corpus-'));
    dirs.push(cwd);
    const corpus = path.join(cwd, 'docs');
    await mkdir(corpus, { recursive: true });
    for (const name of docs) await writeFile(path.join(corpus, path.basename(name)), DOCS[name]);
    await writeFile(path.join(cwd, 'q.jsonl'), JSON.stringify(QUESTIONS[0]));
    const err: string[] = [];
    const code = await main(['--questions', 'q.jsonl', '--corpus', 'docs', '--modes', modes, '--out', 'out'], {
      stdout: () => {},
      stderr: (t) => err.push(t),
      cwd,
      openService: (request) => openEvalService(request, { cwd, env: { ALLOW_REMOTE_MODELS: 'false', MODEL_LOCAL_PATH: TINY_MODEL_ROOT, ...env }, logger: createLogger({ level: 'error', write: (l) => err.push(l) }) }),
    });
    expect(code, err.join('')).toBe(0);
    return path.join(cwd, 'out');
  }

  it('embeds the temporary index with the configured model when hybrid and dense are asked for (the generated tiny model)', async () => {
    const out = await evalOn(['a.txt'], 'hybrid,dense', { EMBEDDING_MODEL: TINY_MODEL_ID, EMBEDDING_POOLING: 'mean' });
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')) as Summary;
    for (const mode of ['hybrid', 'dense'] as const) {
      expect(summary.modes[mode], mode).toMatchObject({ status: 'ok', embedding_model: TINY_MODEL_ID });
    }
  });

  it('records the cross-encoder that ordered the sources (RERANK_MODEL, the generated tiny one) in the summary and report', async () => {
    const out = await evalOn(['a.txt', 'sub/c.txt'], 'lexical', { EMBEDDING_MODEL: 'none', RERANK_MODEL: TINY_RERANKER_ID });
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.modes.lexical).toMatchObject({ status: 'ok', embedding_model: null, rerank_model: TINY_RERANKER_ID });
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toContain(`lexical: reranked by <code>${TINY_RERANKER_ID}</code>`);
  });

  it('exits 2 with the fix when --corpus is not a folder, before building anything', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'eval-cli-corpus-'));
    dirs.push(cwd);
    await writeFile(path.join(cwd, 'q.jsonl'), JSON.stringify(QUESTIONS[0]));
    const err: string[] = [];
    let opened = 0;
    const code = await main(['--questions', 'q.jsonl', '--corpus', 'nowhere'], {
      stdout: () => {},
      stderr: (t) => err.push(t),
      cwd,
      openService: async () => {
        opened++;
        throw new Error('should not open');
      },
    });
    expect(code).toBe(2);
    expect(opened).toBe(0);
    expect(err.join('')).toMatch(/--corpus nowhere: .*nowhere is not a folder; pass the folder that holds the documents/);
  });
});
