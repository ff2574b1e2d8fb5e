// A throwaway PostgreSQL server for tests: initdb + pg_ctl on a temporary folder, loopback only, trust auth.
// As root it runs as the `postgres` system user (the server refuses to run as root). Binaries are found via
// PG_BIN, `pg_config --bindir`, /usr/lib/postgresql/<newest>/bin, or PATH; `npm test` installs Debian's
// postgresql when missing (scripts/system-deps.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort } from './net.js';

export function findPostgresBin(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH
  }
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // not Debian's layout
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) candidates.push(dir);
  const found = candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql, or run `npm test`, which does) or set PG_BIN to their folder.');
  }
  return found;
}

export interface PostgresServer {
  readonly port: number;
  /** postgres://app@127.0.0.1:PORT/<db> */
  url(database?: string): string;
  /** Creates a fresh database and answers its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (immediate: like a crash) without removing its files. */
  stop(): void;
  /** Starts it again (nothing when it runs). */
  start(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

const asRoot = process.getuid?.() === 0;

function runPg(bin: string, args: string[]): void {
  const [cmd, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, full, { encoding: 'utf8', cwd: os.tmpdir() });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  runPg(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'app', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  let running = false;
  const start = () => {
    if (running) return;
    runPg(path.join(bin, 'pg_ctl'), [
      '-D', path.join(dir, 'data'), '-l', path.join(dir, 'server.log'), '-w', '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
    running = true;
  };
  const stop = () => {
    running = false;
    try {
      runPg(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  const url = (database = 'postgres') => `postgres://app@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const admin = postgres(url(), { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop,
    start,
    destroy() {
      stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
