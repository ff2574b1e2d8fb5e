// What `npm run ask` and the other commands run: compiled JavaScript under plain node, through scripts/run.mjs,
// which builds dist/ when it is missing or older than the sources. The answer must be the one the TypeScript
// gives under tsx (what development and the other tests run).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';
import { npmScriptSource } from './support/spawn-ts.js';

const QUESTION = '露天巷的巷道有多长？';
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

let corpus: TempCorpus;
let env: NodeJS.ProcessEnv;

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: REPO_ROOT, env, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  corpus = makeTempCorpus({ prefix: 'build-' });
  env = childEnv(lexicalEnv(corpus));
});
afterAll(() => corpus?.remove());

describe('the compiled commands', () => {
  it('every user command runs its compiled file through scripts/run.mjs', () => {
    for (const name of ['start', 'ask', 'chat', 'ingest', 'eval', 'telegram', 'slack']) {
      const source = npmScriptSource(pkg.scripts, name);
      expect(fs.existsSync(path.join(REPO_ROOT, source)), source).toBe(true);
    }
  });

  it('npm run ask (node, compiled) answers exactly as the TypeScript does under tsx', async () => {
    const compiled = await run(process.execPath, ['scripts/run.mjs', npmScriptSource(pkg.scripts, 'ask'), '--json', QUESTION]);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(fs.existsSync(path.join(REPO_ROOT, 'dist/src/cli/ask.js'))).toBe(true);
    const viaTsx = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', QUESTION]);
    expect(viaTsx.code, viaTsx.stderr).toBe(0);
    const a = JSON.parse(compiled.stdout);
    const b = JSON.parse(viaTsx.stdout);
    expect(a.answer).toContain('500米');
    expect({ ...a, timings_ms: null, interaction_id: null }).toEqual({ ...b, timings_ms: null, interaction_id: null });
  });

  it('dist/ is rebuilt when a source is newer than the last build, and not otherwise', async () => {
    const stamp = path.join(REPO_ROOT, 'dist/.build-stamp');
    await run(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--help']);
    const built = fs.statSync(stamp).mtimeMs;
    const again = await run(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--help']);
    expect(again.stderr).not.toContain('Building dist/');
    expect(fs.statSync(stamp).mtimeMs).toBe(built);
    // Make the stamp older than the sources (instead of touching a source other work may be reading).
    const old = new Date(Date.UTC(2001, 0, 1));
    fs.utimesSync(stamp, old, old);
    const rebuilt = await run(process.execPath, ['scripts/run.mjs', 'src/cli/ask.ts', '--help']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('--json');
    // Rebuilt before it ran: by this command (it says so), or — the suite runs files side by side — by another test's
    // command that found the same stale stamp first and built under the shared build lock, which this one waited for.
    // Either way the stamp is the sources' time again, never the stale one.
    expect(fs.statSync(stamp).mtimeMs).toBeGreaterThan(old.getTime());
    if (!rebuilt.stderr.includes('Building dist/')) expect(fs.statSync(stamp).mtimeMs).toBeGreaterThanOrEqual(built);
  });
});
