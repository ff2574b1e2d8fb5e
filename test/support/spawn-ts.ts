// Runs a TypeScript entry point as ONE node process with tsx's loader (`node --import tsx file.ts`), for tests
// that signal the process. The `tsx` command is a wrapper process that relays SIGTERM to its child and kills
// the child outright when the child does not acknowledge within 30 ms, which a busy machine often misses
// (exit 143 instead of a graceful stop). `npm run …` runs compiled JavaScript with node, so users never
// have that wrapper in between; this gives tests the same single process.
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { patience } from './limits.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function spawnTs(script: string, args: string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], options);
}

/** The .ts file an npm script runs ("node scripts/run.mjs <file>"; see scripts/run.mjs). */
export function npmScriptSource(scripts: Record<string, string>, name: string): string {
  const match = /^node scripts\/run\.mjs (\S+\.ts)$/.exec(scripts[name] ?? '');
  if (!match) throw new Error(`package.json script "${name}" is "${scripts[name]}", expected "node scripts/run.mjs <file.ts>"`);
  return match[1];
}

export interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Runs a TypeScript entry point (spawnTs) in the repository with only PATH, a temp HOME and `env`, and
 * resolves with its exit code and output; rejects (after killing it) when it outlives the patience limit.
 */
export function runTs(script: string, args: string[], env: Record<string, string>, requestedMs?: number, onStart?: (child: ChildProcess) => void): Promise<Exit> {
  const timeoutMs = patience(requestedMs);
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
    onStart?.(child);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}
