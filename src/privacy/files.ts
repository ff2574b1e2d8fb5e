// Files the bot writes hold residents' questions (the database), the installation secret and the
// index: readable by the bot's own user only. Folders are created 0700 and files 0600 by setting
// the process's umask once, in each entry point (the bots and the CLIs), so no writer can forget it.
// (Not in openApp: tests open the app inside the test runner, whose other files must keep its umask.)
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** From here on, everything this process creates is private to its user (files 0600, folders 0700). */
export function makeNewFilesPrivate(): void {
  // process.umask is unavailable in worker threads; there the caller's own umask stays.
  try {
    process.umask(0o077);
  } catch {
    // ignore
  }
}

/** The database path cannot be used; the message names the path and the fix. */
export class DatabaseUnusableError extends Error {
  readonly code = 'DATABASE_UNUSABLE';
}

/**
 * Checks, before anything else starts, that the SQLite file at `file` can be created or opened,
 * read and written. A corrupt file, a folder in its place, or a read-only location stops the start
 * here with a message that says which path and what to do, instead of failing (or hanging) later.
 * A new file is created 0600 in a 0700 folder.
 */
export function checkDatabaseFile(file: string): void {
  const where = path.resolve(file);
  const fix = 'Set DB_PATH to a file in a folder the bot can write, or fix the permissions of this one.';
  const fail = (why: string, cause?: unknown): never => {
    throw new DatabaseUnusableError(`The database at ${where} cannot be used: ${why}. ${fix}`, { cause });
  };
  try {
    fs.mkdirSync(path.dirname(where), { recursive: true, mode: 0o700 });
  } catch (error) {
    fail(`its folder cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(where);
  } catch {
    // does not exist yet
  }
  if (stat?.isDirectory()) fail('it is a folder, not a file');
  try {
    fs.accessSync(path.dirname(where), fs.constants.W_OK); // SQLite writes its -wal and -shm files there
    if (stat) fs.accessSync(where, fs.constants.R_OK | fs.constants.W_OK);
    else fs.closeSync(fs.openSync(where, 'a', 0o600));
  } catch (error) {
    fail(`it is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(where, { timeout: 2000 });
    db.pragma('schema_version'); // reads the header: a file that is not a database fails here
    try {
      db.exec('BEGIN IMMEDIATE; ROLLBACK;'); // a read-only file or file system fails here
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error; // another bot holds the lock: fine
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      fail(`it is not a SQLite database written by this bot, or it is damaged (${code}: ${(error as Error).message}); move it aside and point the store at a new file (the bot then starts with an empty log), or restore a backup`, error);
    }
    fail(`${(error as Error).message}${code ? ` (${code})` : ''}`, error);
  } finally {
    db?.close();
  }
}
