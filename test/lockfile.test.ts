// `npm ci` installs exactly the committed package-lock.json and refuses a lock that is incomplete or out of
// step with package.json. These checks catch the usual ways a lock goes wrong when a dependency is added
// (README "Dependencies and the lock" has the commands that fix each).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.js';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const pkg = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
const lock = read('package-lock.json') as { packages: Record<string, LockEntry> };

/** Where Node would find `dep` required from the package at `from` (walks up the node_modules folders). */
function resolves(from: string, dep: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${dep}`]) return true;
    if (!base) return false;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('lists the same direct dependencies as package.json', () => {
    const root = lock.packages[''];
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it("holds every platform's optional binary package, not just this machine's (npm ci on another OS needs them)", () => {
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) if (!resolves(at, dep)) missing.push(`${at} -> ${dep}`);
    }
    expect(missing, 'regenerate the lock without node_modules: see README "Dependencies and the lock"').toEqual([]);
  });

  it('has a decision in package.json allowScripts for every package with an install script', () => {
    const name = (at: string) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const undecided = Object.entries(lock.packages)
      .filter(([at, entry]) => at && entry.hasInstallScript)
      .map(([at]) => name(at))
      .filter((dep) => typeof pkg.allowScripts?.[dep] !== 'boolean');
    expect(undecided, 'run `npm install-scripts ls`, then approve or deny each (README "Dependencies and the lock")').toEqual([]);
  });
});
