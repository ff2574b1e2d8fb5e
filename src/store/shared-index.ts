// The index on every replica, through PostgreSQL (DATABASE_URL): an ingest copies the generation it wrote
// (every file of the folder, checksummed by its manifest) into PostgreSQL and moves the shared pointer to it
// with a NOTIFY; each replica LISTENs (re-LISTENing after a reconnect, when it also re-reads the pointer),
// downloads a generation it does not have into its own INDEX_DIR, checks every file against the manifest, and
// flips its local CURRENT, which the running app reloads. Replicas on several machines thus need no shared
// folder. Ingests on any machine take one PostgreSQL advisory lock, so two never publish at once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { acquireIngestLock, currentGeneration, IndexError, pruneGenerations, type Manifest } from '../index/store.js';
import { connectMigrated } from './postgres.js';

const CHANNEL = 'index_generation';
/** Advisory lock key for ingests (store/postgres.ts holds the migration lock's key). */
export const INGEST_LOCK = 0x6c_73_62_02;
/** Generations kept in PostgreSQL: the current one and the previous ones a replica may still be loading. */
const KEEP_IN_DATABASE = 3;

export interface SharedIndex {
  /** Copies the local generation `genDir` to PostgreSQL (once) and points every replica at it. */
  publish(genDir: string): Promise<void>;
  /** Makes `indexDir` hold the shared current generation; answers its name when CURRENT changed, else null. */
  sync(indexDir: string): Promise<string | null>;
  /** Syncs on every NOTIFY and on every (re)connection of the listener; `onNew` after a new generation landed. */
  follow(indexDir: string, onNew: (generation: string) => void): Promise<void>;
  /** Runs `fn` holding the installation-wide ingest lock; throws INDEX_LOCKED when another ingest holds it. */
  withIngestLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openSharedIndex(url: string, logger: Logger): Promise<SharedIndex> {
  const sql = await connectMigrated(url, logger, { maxConnections: 3 });
  let syncing: Promise<string | null> | null = null;

  async function publish(genDir: string): Promise<void> {
    const name = path.basename(genDir);
    const manifestText = fs.readFileSync(path.join(genDir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as Manifest;
    const [current] = await sql<{ generation: string }[]>`SELECT generation FROM index_pointer WHERE id = 1`;
    if (current?.generation === name) return;
    await sql.begin(async (tx) => {
      const inserted = await tx`INSERT INTO index_generations (name, created_at, manifest) VALUES (${name}, ${Date.now()}, ${manifestText}) ON CONFLICT (name) DO NOTHING RETURNING 1`;
      if (inserted.length) {
        for (const file of Object.keys(manifest.files)) {
          await tx`INSERT INTO index_files (generation, name, bytes) VALUES (${name}, ${file}, ${fs.readFileSync(path.join(genDir, file))})`;
        }
      }
      await tx`INSERT INTO index_pointer (id, generation, at) VALUES (1, ${name}, ${Date.now()})
               ON CONFLICT (id) DO UPDATE SET generation = EXCLUDED.generation, at = EXCLUDED.at`;
      await tx`SELECT pg_notify(${CHANNEL}, ${name})`;
      await tx`DELETE FROM index_generations WHERE name NOT IN (SELECT name FROM index_generations ORDER BY created_at DESC LIMIT ${KEEP_IN_DATABASE}) AND name <> ${name}`;
    });
    logger.info('index.published', { generation: name, files: Object.keys(manifest.files).length + 1 });
  }

  async function download(indexDir: string, name: string): Promise<void> {
    const target = path.join(indexDir, name);
    if (fs.existsSync(path.join(target, 'manifest.json'))) return;
    const [generation] = await sql<{ manifest: string }[]>`SELECT manifest FROM index_generations WHERE name = ${name}`;
    if (!generation) throw new IndexError('INDEX_MISSING', `The shared index generation ${name} is not in the database any more; a newer one replaced it.`);
    const manifest = JSON.parse(generation.manifest) as Manifest;
    const files = await sql<{ name: string; bytes: Buffer }[]>`SELECT name, bytes FROM index_files WHERE generation = ${name}`;
    const temp = `${target}.${process.pid}.${crypto.randomBytes(3).toString('hex')}.tmp`;
    fs.mkdirSync(temp, { recursive: true, mode: 0o700 });
    try {
      for (const [file, expected] of Object.entries(manifest.files)) {
        const row = files.find((f) => f.name === file);
        const sha = row ? crypto.createHash('sha256').update(row.bytes).digest('hex') : null;
        if (!row || sha !== expected.sha256) {
          throw new IndexError('INDEX_CORRUPT', `The shared index generation ${name} has a missing or damaged ${file}; run \`npm run ingest\` again to publish a new one.`);
        }
        fs.writeFileSync(path.join(temp, file), row.bytes, { mode: 0o600 });
      }
      fs.writeFileSync(path.join(temp, 'manifest.json'), generation.manifest, { mode: 0o600 }); // last, as GenerationWriter does
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') return; // another process on this machine won
      throw error;
    }
  }

  async function syncOnce(indexDir: string): Promise<string | null> {
    const [pointer] = await sql<{ generation: string }[]>`SELECT generation FROM index_pointer WHERE id = 1`;
    if (!pointer) return null; // nothing published yet
    const local = currentGeneration(indexDir);
    if (local && path.basename(local) === pointer.generation) return null;
    fs.mkdirSync(indexDir, { recursive: true, mode: 0o700 });
    await download(indexDir, pointer.generation);
    const tmp = path.join(indexDir, `CURRENT.${process.pid}.${crypto.randomBytes(3).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, pointer.generation + '\n', { mode: 0o600 });
    fs.renameSync(tmp, path.join(indexDir, 'CURRENT'));
    try {
      const release = acquireIngestLock(indexDir);
      try {
        pruneGenerations(indexDir);
      } finally {
        release();
      }
    } catch {
      // a local ingest holds the folder: it prunes
    }
    logger.info('index.synced', { generation: pointer.generation, indexDir });
    return pointer.generation;
  }

  const shared: SharedIndex = {
    publish,
    sync(indexDir) {
      syncing ??= syncOnce(indexDir).finally(() => (syncing = null));
      return syncing;
    },
    async follow(indexDir, onNew) {
      const run = () =>
        shared.sync(indexDir).then(
          (name) => name && onNew(name),
          (error: unknown) => logger.error('index.sync_failed', { error, effect: 'answers continue from the current index; retried on the next notification or reconnect' }),
        );
      await sql.listen(CHANNEL, () => void run(), () => void run());
    },
    async withIngestLock(fn) {
      const reserved = await sql.reserve();
      try {
        const [{ locked }] = await reserved<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(${INGEST_LOCK}) AS locked`;
        if (!locked) throw new IndexError('INDEX_LOCKED', 'Another ingest (on this or another machine) is publishing to the shared database. Wait for it to finish.');
        try {
          return await fn();
        } finally {
          await reserved`SELECT pg_advisory_unlock(${INGEST_LOCK})`.catch(() => undefined);
        }
      } finally {
        reserved.release();
      }
    },
    async close() {
      await syncing?.catch(() => undefined);
      await sql.end({ timeout: 5 });
    },
  };
  return shared;
}
