#!/usr/bin/env node
// Runs one command's compiled JavaScript with plain `node`:  node scripts/run.mjs src/cli/ask.ts [args...]
// runs dist/src/cli/ask.js with the same arguments, in this process (no TypeScript loader at run time).
// dist/ is (re)built first when it is missing or older than any source file, so a fresh clone, a `git pull`
// or an edit needs no separate `npm run build`. Development and tests keep running the .ts files with tsx.
//
// A new command is one line in package.json:  "purge": "node scripts/run.mjs src/cli/purge.ts"
// (the .ts file runs its main when it is the entry point, like src/cli/ask.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** What tsconfig.build.json compiles (eval imports bench/peers), plus the files that change how it compiles. */
const SOURCES = ['src', 'adapters', 'eval', 'bench'];
const SRC_DIR = path.join(ROOT, 'src') + path.sep;
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    // JSON under src is compiled in too (the answer scorer's weights): a retrained model is a stale build.
    else if (p.endsWith('.ts') || (p.endsWith('.json') && p.startsWith(SRC_DIR)) || CONFIGS.includes(path.basename(p))) newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of [...SOURCES, ...CONFIGS]) visit(path.join(ROOT, s));
  return newest;
}

function stampTime() {
  try {
    return fs.statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

/** One build at a time (two commands started together, or a test beside a command): wait for the other. */
function withBuildLock(fn) {
  const lock = path.join(ROOT, '.dist-building');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than 10 minutes was left by a build that died.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 600_000) fs.rmdirSync(lock);
      } catch {}
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** Fresh when the stamp is not older than any source (1 ms slack: utimes keeps milliseconds, mtimeMs has more). */
const fresh = (sources = newestSource()) => stampTime() + 1 >= sources;

function ensureBuilt({ force = false } = {}) {
  if (!force && fresh()) return;
  withBuildLock(() => build(force));
}

function build(force) {
  const sources = newestSource();
  if (!force && fresh(sources)) return; // the other process built it meanwhile
  process.stderr.write('Building dist/ (TypeScript → JavaScript; once after each change) ...\n');
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    process.stderr.write('Build failed (see the errors above). Fix them, or run the TypeScript directly with npx tsx <file>.\n');
    process.exitCode = 1;
    throw new Error('build failed');
  }
  fs.mkdirSync(DIST, { recursive: true });
  copyJson();
  // The stamp carries the newest source time seen before compiling: a file saved during the build is newer.
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  fs.utimesSync(STAMP, new Date(sources), new Date(sources));
}

/**
 * The JSON the sources import (trained weights, calibrations): an incremental tsc build does not re-emit a
 * JSON file whose content changed, so each build copies them itself — a retrained model is never stale.
 */
function copyJson() {
  const visit = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else if (p.endsWith('.json')) {
      const to = path.join(DIST, path.relative(ROOT, p));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(p, to);
    }
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
}

const isEntry = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isEntry) {
  const [source, ...args] = process.argv.slice(2);
  try {
    ensureBuilt({ force: source === '--build' }); // --build: npm run build
  } catch {
    process.exit(1);
  }
  if (source === '--build') process.exit(0);
  if (!source) {
    process.stderr.write('Usage: node scripts/run.mjs <path/to/command.ts> [args...]   (or --build)\n');
    process.exit(2);
  }
  const compiled = path.join(DIST, source.replace(/\.ts$/, '.js'));
  if (!fs.existsSync(compiled)) {
    process.stderr.write(`No compiled file ${path.relative(ROOT, compiled)} for ${source}: is ${source} under ${SOURCES.join(', ')}?\n`);
    process.exit(2);
  }
  // The command sees itself as the entry point, exactly as under `node dist/...` or `tsx file.ts`.
  process.argv = [process.argv[0], compiled, ...args];
  await import(pathToFileURL(compiled).href);
}
