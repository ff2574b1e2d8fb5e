// How the command-line tools and the bots end on an error: the one mapping from error to exit code.
import { DatabaseUnusableError } from './privacy/files.js';
import { DataSecretError } from './privacy/keys.js';
import { StoreOpenError } from './store/open.js';

/** Anything not listed below. */
export const FAILURE_EXIT = 1;
/** Something the operator fixes: usage, configuration, an unusable database file or data secret. */
export const OPERATOR_ERROR_EXIT = 2;
/** The chat platform refused the bot at start (e.g. Telegram rejected the token). */
export const PLATFORM_REFUSED_EXIT = 3;
/** The store (PostgreSQL, DATABASE_URL) cannot be opened at start. */
export const STORE_UNAVAILABLE_EXIT = 4;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The exit code for the error that ends a CLI or a bot: 4 when the store cannot be opened; 2 for an unusable
 * database file or data secret and for any of `operatorErrors` (the caller's own usage or configuration errors);
 * 1 otherwise.
 */
export function exitCodeFor(error: unknown, operatorErrors: readonly ErrorClass[] = []): number {
  if (error instanceof StoreOpenError) return STORE_UNAVAILABLE_EXIT;
  if (error instanceof DatabaseUnusableError || error instanceof DataSecretError || operatorErrors.some((type) => error instanceof type)) return OPERATOR_ERROR_EXIT;
  return FAILURE_EXIT;
}
