// The installation secret (DATA_SECRET) and what is derived from it:
// - keyed hashes of platform user and chat ids, the only form in which they are stored
//   (an unkeyed hash of a Telegram id is reversible by trying every id; an HMAC is not without the secret);
// - signatures on buttons (feedback, "Post to channel"), so a press is accepted only for the answer,
//   chat and person it was made for.
// When DATA_SECRET is unset, a random secret is generated on first start into a 0600 file beside the
// database and read back on later starts; an environment value takes precedence, so several replicas
// can share one secret.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface PrivacyKeys {
  /** Keyed hash of a platform id (`kind` e.g. 'telegram:user'); stable for one secret, not reversible without it. */
  id(kind: string, value: string | number): string;
  /** A short signature (22 url-safe characters) over the parts. */
  sign(parts: readonly (string | number)[]): string;
  /** True when `signature` is sign(parts). Constant-time. */
  verify(parts: readonly (string | number)[], signature: string | undefined): boolean;
}

export const SECRET_FILE_NAME = 'data-secret';
const MIN_SECRET_CHARS = 16;

export function createPrivacyKeys(secret: string): PrivacyKeys {
  if (secret.length < MIN_SECRET_CHARS) throw new Error(`The data secret must be at least ${MIN_SECRET_CHARS} characters long.`);
  const mac = (label: string, text: string) => createHmac('sha256', secret).update(`${label}\u0000${text}`).digest();
  const sign = (parts: readonly (string | number)[]) => mac('button', parts.map(String).join('\u001f')).subarray(0, 16).toString('base64url');
  return {
    id: (kind, value) => mac('id', `${kind}:${value}`).subarray(0, 16).toString('hex'),
    sign,
    verify(parts, signature) {
      if (typeof signature !== 'string' || signature.length !== 22) return false;
      const expected = Buffer.from(sign(parts));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export interface DataSecret {
  secret: string;
  /** Where it came from: the environment, a file written earlier, or generated now. */
  source: 'env' | 'file' | 'generated';
  /** The secret file (source 'file' or 'generated'). */
  file?: string;
}

/** A data-secret problem that stops the start; the message names the file and the fix. */
export class DataSecretError extends Error {
  readonly code = 'DATA_SECRET_UNUSABLE';
}

/** The secret file beside the database. */
export function secretFileFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), SECRET_FILE_NAME);
}

/**
 * DATA_SECRET when given; otherwise the secret file beside the database, created (0600, in a 0700
 * folder) on first start. Two processes starting together agree on one secret: the file is written
 * to a temporary name and linked into place, so a reader never sees a half-written file.
 */
export function loadDataSecret(options: { envSecret?: string; dbPath: string }): DataSecret {
  if (options.envSecret) return { secret: options.envSecret, source: 'env' };
  const file = secretFileFor(options.dbPath);
  const existing = readSecretFile(file);
  if (existing !== undefined) return { secret: existing, source: 'file', file };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  } catch (error) {
    throw new DataSecretError(
      `Cannot create the data secret file ${file}: ${(error as Error).message}. ` +
        'Make its folder writable (it is the folder of DB_PATH), or set DATA_SECRET (at least 16 characters) in the environment.',
      { cause: error },
    );
  }
  const created = readSecretFile(file);
  if (created === undefined) throw new DataSecretError(`The data secret file ${file} disappeared while it was being created; start again.`);
  return { secret: created, source: 'generated', file };
}

function readSecretFile(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataSecretError(`Cannot read the data secret file ${file}: ${(error as Error).message}. Make it readable by the bot's user, or set DATA_SECRET.`, { cause: error });
  }
  const secret = text.trim();
  if (secret.length < MIN_SECRET_CHARS) {
    throw new DataSecretError(
      `The data secret file ${file} is damaged (shorter than ${MIN_SECRET_CHARS} characters). ` +
        'Restore it from a backup, or set DATA_SECRET to the secret the bot used before (a new secret makes stored ids unmatchable: /forget and votes lose the people they belong to).',
    );
  }
  // Readable by others: tighten it (the secret is what keeps stored ids from being reversed).
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  } catch {
    // not ours to change: it still works
  }
  return secret;
}

export type Platform = 'telegram' | 'slack';

/**
 * The signature an answer's buttons carry: pressing them counts only for this interaction, in this
 * chat, by this person (the one who asked). A press from another chat or person, or with an edited
 * interaction id, does not verify.
 */
export function buttonSignature(keys: PrivacyKeys, platform: Platform, interactionId: number, chat: string | number, user: string | number): string {
  return keys.sign([platform, interactionId, chat, user]);
}

export function buttonVerifies(
  keys: PrivacyKeys, platform: Platform, interactionId: number, chat: string | number | undefined, user: string | number | undefined, signature: string | undefined,
): boolean {
  if (chat === undefined || user === undefined) return false;
  return keys.verify([platform, interactionId, chat, user], signature);
}
