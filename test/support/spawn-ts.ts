// Runs a TypeScript entry point as ONE node process with tsx's loader (`node --import tsx file.ts`), for tests
// that signal the process. The `tsx` command is a wrapper process that relays SIGTERM to its child and kills
// the child outright when the child does not acknowledge within 30 ms, which a busy machine often misses
// (exit 143 instead of a graceful stop). `npm run …` runs compiled JavaScript with node, so users never
// have that wrapper in between; this gives tests the same single process.
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';

export function spawnTs(script: string, args: string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], options);
}

/** The .ts file an npm script runs ("node scripts/run.mjs <file>"; see scripts/run.mjs). */
export function npmScriptSource(scripts: Record<string, string>, name: string): string {
  const match = /^node scripts\/run\.mjs (\S+\.ts)$/.exec(scripts[name] ?? '');
  if (!match) throw new Error(`package.json script "${name}" is "${scripts[name]}", expected "node scripts/run.mjs <file.ts>"`);
  return match[1];
}
