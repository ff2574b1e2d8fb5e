// The command line as users and the eval harness run it: `npm run ingest|ask|chat` are these
// scripts under tsx, run here as child processes against an index in a temp dir. No model can be
// loaded here, so the CLI runs lexical-only and must say so.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, makeTempCorpus, missingModelEnv, REPO_ROOT, SEED_FILES, type TempCorpus } from './support/corpus.js';

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const QUESTION = '露天巷的巷道有多长？';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let corpus: TempCorpus;
let env: NodeJS.ProcessEnv;

function cli(script: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [`src/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'cli-' });
  fs.writeFileSync(path.join(corpus.corpusDir, 'scan.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));
  env = childEnv(missingModelEnv(corpus));
});
afterAll(() => corpus?.remove());

describe('npm run ingest', () => {
  it('builds the index lexical-only, names the skipped file, and a second run reports no changes', async () => {
    const first = await cli('ingest', []);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/lexical-only/);
    expect(first.stderr).toMatch(/skipped .*scan\.txt: binary file/);
    expect(first.stdout).toMatch(new RegExp(`^Indexed ${SEED_FILES.length} documents, \\d+ chunks \\(${SEED_FILES.length} added.*lexical-only\\)`, 'm'));

    const second = await cli('ingest', []);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^No changes: 5 documents/m);
  });
});

describe('npm run ask', () => {
  it('--json prints exactly one JSON object in the contract shape, answering from the right page', async () => {
    const run = await cli('ask', ['--json', QUESTION]);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const response = JSON.parse(run.stdout);

    const contract = ['question', 'answer', 'abstained', 'language', 'sources', 'citations', 'retrieval', 'timings_ms'];
    expect(Object.keys(response)).toEqual(expect.arrayContaining(contract));
    // Only the documented optional fields may appear besides the contract's.
    expect(Object.keys(response).filter((k) => !contract.includes(k)).every((k) => ['notes', 'interaction_id', 'confidence'].includes(k))).toBe(true);
    if ('confidence' in response) {
      expect(response.confidence).toBeGreaterThanOrEqual(0);
      expect(response.confidence).toBeLessThanOrEqual(1);
    }
    expect(response.question).toBe(QUESTION);
    expect(typeof response.answer).toBe('string');
    expect(response.abstained).toBe(false);
    expect(response.language).toBe('zh');
    expect(response.retrieval).toEqual({ mode: 'lexical', embedding_model: null });
    for (const key of ['retrieve', 'answer', 'total']) expect(typeof response.timings_ms[key]).toBe('number');
    expect(response.timings_ms.total).toBeGreaterThanOrEqual(response.timings_ms.retrieve);

    expect(response.sources.length).toBeGreaterThanOrEqual(5);
    response.sources.forEach((s: Record<string, unknown>, i: number) => {
      expect(Object.keys(s).sort()).toEqual(['doc', 'rank', 'score', 'text', 'title']);
      expect(s.rank).toBe(i + 1);
      expect(typeof s.doc).toBe('string');
      expect(typeof s.title).toBe('string');
      expect((s.text as string).length).toBeGreaterThan(0);
      expect(typeof s.score).toBe('number');
    });
    const scores = response.sources.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    expect(response.answer).toContain('500米');
    expect(response.citations.length).toBeGreaterThan(0);
    for (const rank of response.citations) expect(Number.isInteger(rank) && rank >= 1 && rank <= response.sources.length).toBe(true);
    expect(response.citations.map((rank: number) => response.sources[rank - 1].doc)).toContain('001_dce2b776d6aca6c3.txt');
    // The lexical fallback is announced (stderr), not mixed into stdout.
    expect(run.stderr).toMatch(/lexical-only/);
  });

  it('without --json prints the answer, then numbered sources with title and file', async () => {
    const run = await cli('ask', [QUESTION]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('500米');
    expect(run.stdout).toMatch(/来源：\n\s+\[\d+\] .+ — 001_dce2b776d6aca6c3\.txt/);
  });

  it('a plain "not found" lists no sources: the documents it names as nearest are not an answer', async () => {
    const run = await cli('ask', ['What is the capital of Australia?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/couldn't find this in the documents/);
    expect(run.stdout).not.toMatch(/Sources:/);
  });

  it('an empty question prints the usage and exits 2; --help exits 0', async () => {
    const [empty, none, help] = await Promise.all([cli('ask', ['--json', '   ']), cli('ask', []), cli('ask', ['--help'])]);
    for (const run of [empty, none]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/No question given/);
      expect(run.stderr).toMatch(/Usage: npm run ask/);
      expect(run.stdout).toBe('');
    }
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ask/);
  });

  it('a 100,000-character question is trimmed with a note, not a crash', async () => {
    const question = (QUESTION + ' ' + 'please answer '.repeat(8000)).slice(0, 100_000);
    expect(question.length).toBe(100_000);
    const run = await cli('ask', ['--json', question]);
    expect(run.code).toBe(0);
    const response = JSON.parse(run.stdout);
    expect(response.question.length).toBeLessThanOrEqual(500);
    expect(response.notes.join(' ')).toMatch(/trimmed/);
    expect(typeof response.answer).toBe('string');
  });
});

describe('npm run chat', () => {
  it('answers questions piped on stdin, one after another, and exits on EOF', async () => {
    const run = await cli('chat', [], `${QUESTION}\n/sources\n高龄津贴怎么申请？\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/5 documents/);
    expect(run.stdout).toContain('500米');
    expect(run.stdout).toMatch(/\[1\] .+ — 001_dce2b776d6aca6c3\.txt \(score [\d.]+\)/);
    expect(run.stdout).toContain('高龄津贴');
    expect(run.stdout.match(/^> /gm)?.length).toBe(4);
  });
});
