// eval/compare.ts: which questions a change fixed and which it broke, between two results.jsonl files
// written to disk, through the command's main (exit 1 when anything broke).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareMain, compareResults } from '../eval/compare.js';
import type { EvalResult } from '../eval/metrics.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function result(over: Partial<EvalResult>): EvalResult {
  return {
    id: 'x', mode: 'lexical', question: 'q', lang: 'zh', tags: [], unanswerable: false, gold_answers: ['500米'], gold_doc: 'a.txt',
    answer: '500米[1]', abstained: false, language: 'zh', sources: [], citations: [1], hit_rank: 1, doc_hit_rank: 1, fact_first80: true,
    confidence: null, answer_correct: true, abstention_ok: true, safe: true, latency_ms: 1, timings_ms: null, ...over,
  };
}

const right = (id: string, over: Partial<EvalResult> = {}) => result({ id, question: `问题${id}`, ...over });
const wrong = (id: string, over: Partial<EvalResult> = {}) => result({ id, question: `问题${id}`, answer: '文档没有提到', abstained: true, answer_correct: false, abstention_ok: false, ...over });

const BEFORE = [right('a'), wrong('b'), right('c'), wrong('d'), right('gone'), right('a', { mode: 'hybrid' })];
const AFTER = [right('a'), right('b'), wrong('c'), wrong('d'), right('new'), wrong('a', { mode: 'hybrid' })];

describe('eval compare', () => {
  it('lists fixed and broken questions per mode, and the ones only one run has', () => {
    const c = compareResults(BEFORE, AFTER);
    expect(c.fixed.map((f) => `${f.mode}:${f.id}`)).toEqual(['lexical:b']);
    expect(c.broken.map((f) => `${f.mode}:${f.id}`)).toEqual(['lexical:c', 'hybrid:a']);
    expect(c.broken[0]).toMatchObject({ before: '500米[1]', after: '(abstained) 文档没有提到' });
    expect(c.same).toBe(2);
    expect(c.onlyBefore).toEqual(['lexical:gone']);
    expect(c.onlyAfter).toEqual(['lexical:new']);
  });

  it('reads two runs from disk (a file or an --out folder), prints the flips and exits 1 when something broke', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-compare-'));
    dirs.push(dir);
    const jsonl = (rs: EvalResult[]) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
    await mkdir(path.join(dir, 'before'));
    await writeFile(path.join(dir, 'before', 'results.jsonl'), jsonl(BEFORE));
    await writeFile(path.join(dir, 'after.jsonl'), jsonl(AFTER));
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    expect(await compareMain([path.join(dir, 'before'), path.join(dir, 'after.jsonl')], io)).toBe(1);
    expect(out.join('')).toMatch(/^fixed 1, broken 2, unchanged 2/);
    expect(out.join('')).toMatch(/BROKEN[^\n]*\n {2}\[lexical\] c 问题c\n {6}before: 500米\[1\]\n {6}after: {2}\(abstained\) 文档没有提到/);
    // the same run twice: nothing broke
    expect(await compareMain([path.join(dir, 'after.jsonl'), path.join(dir, 'after.jsonl')], io)).toBe(0);
    expect(await compareMain([path.join(dir, 'missing')], io)).toBe(2);
    expect(await compareMain([path.join(dir, 'missing'), path.join(dir, 'after.jsonl')], io)).toBe(2);
    expect(err.join('')).toMatch(/cannot read .*missing \(ENOENT\); pass a results\.jsonl or the --out folder/);
  });
});
