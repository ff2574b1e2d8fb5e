// Minimal argument parsing shared by the command-line tools (node:util's parseArgs, strict).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadRuntimeConfig } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { exitCodeFor } from '../exit-code.js';
import { makeNewFilesPrivate } from '../privacy/files.js';

export class UsageError extends Error {}

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
}

/**
 * Runs a CLI main: usage errors and an unusable database or data secret exit 2, an unreachable or unusable
 * PostgreSQL (DATABASE_URL) exits 4, other errors print
 * their message (never a stack to users) and exit 1. Files the CLI creates are private to its user.
 */
export function runMain(main: () => Promise<number | void>): void {
  makeNewFilesPrivate();
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      const e = err as Error & { code?: string };
      process.stderr.write(`${e instanceof UsageError ? '' : 'Error: '}${e.message}\n`);
      if (loadRuntimeConfig().debug) process.stderr.write(`${e.stack}\n`);
      process.exitCode = exitCodeFor(e, [UsageError]);
    },
  );
}

/** CLIs print their own notes, so operator log lines default to errors only (LOG_LEVEL overrides). */
export function cliLogger(): Logger {
  return createLogger({ level: loadRuntimeConfig().logLevel ?? 'error' });
}
