// Minimal argument parsing shared by the command-line tools (node:util's parseArgs, strict).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
}

/** Runs a CLI main: usage errors exit 2, other errors print their message (never a stack to users) and exit 1. */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      const e = err as Error & { code?: string };
      process.stderr.write(`${e instanceof UsageError ? '' : 'Error: '}${e.message}\n`);
      if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
      process.exitCode = e instanceof UsageError ? 2 : 1;
    },
  );
}
