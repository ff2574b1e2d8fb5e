// The suite's last line ("N passed, N failed", test/setup/summary-reporter.ts) is what CI counts. Run vitest
// with that reporter on throwaway test files that fail in every way a file can — a failing assertion, a file
// that does not load, a throwing beforeAll and afterAll, an uncaught error — and read the last line.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.js';

const VITEST = path.join(REPO_ROOT, 'node_modules/.bin/vitest');
const REPORTER = path.join(REPO_ROOT, 'test/setup/summary-reporter.ts');

let dir: string;

function writeFiles(sub: string, files: Record<string, string>): string {
  const root = path.join(dir, sub);
  fs.mkdirSync(root);
  // globals: the throwaway files live outside the repo, where `import 'vitest'` would not resolve.
  fs.writeFileSync(
    path.join(root, 'vitest.config.mjs'),
    `export default { test: { globals: true, include: ['*.test.ts'], reporters: ['default', ${JSON.stringify(REPORTER)}] } };\n`,
  );
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  return root;
}

function runVitest(root: string): Promise<{ code: number; lastLine: string }> {
  return new Promise((resolve) => {
    execFile(VITEST, ['run', '--root', root, '--config', path.join(root, 'vitest.config.mjs')], { env: { ...process.env, CI: 'true' } }, (err, stdout) => {
      const lines = stdout.trim().split('\n');
      resolve({ code: err ? Number(err.code ?? 1) : 0, lastLine: lines[lines.length - 1] ?? '' });
    });
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-reporter-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the suite summary line', () => {
  it('counts every failed file, including files that fail to load or in a hook, and uncaught errors', async () => {
    const root = writeFiles('broken', {
      'ok.test.ts': "test('ok', () => { expect('ok'.length).toBe(2); });\n",
      'fail.test.ts': "test('bad', () => { expect(1).toBe(2); });\n",
      'load.test.ts': "import './does-not-exist.js';\ntest('never runs', () => {});\n",
      'syntax.test.ts': "test('never runs', () => { expect('x'.length).toBe(1) );\n",
      'before.test.ts': "beforeAll(() => { throw new Error('setup broke'); });\ntest('a', () => {});\ntest('b', () => {});\n",
      'after.test.ts': "test('x', () => {});\nafterAll(() => { throw new Error('teardown broke'); });\n",
      'uncaught.test.ts': "test('y', () => { setTimeout(() => { throw new Error('late'); }, 0); });\n",
    });
    const run = await runVitest(root);
    expect(run.code).not.toBe(0);
    // passed: ok, x, y. failed: bad, load, syntax, before (its two tests are skipped), after, the uncaught error.
    expect(run.lastLine).toBe('3 passed, 6 failed');
  });

  it('says 0 failed only when everything passed', async () => {
    const root = writeFiles('green', {
      'one.test.ts': "test('one', () => { expect([1, 2]).toHaveLength(2); });\n",
      'two.test.ts': "describe('d', () => { test('two', () => {}); test('three', () => {}); });\n",
    });
    const run = await runVitest(root);
    expect(run).toEqual({ code: 0, lastLine: '3 passed, 0 failed' });
  });
});
