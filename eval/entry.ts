// Whether a module is the program's entry point (run by tsx, by node, or through scripts/run.mjs, which sets
// process.argv[1] to the compiled file), so eval's commands run their main only when started, not imported.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
