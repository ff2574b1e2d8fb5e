// Several replicas on one PostgreSQL (DATABASE_URL): what they share, and what happens when PostgreSQL
// is not there. A throwaway server is started by this file (initdb + pg_ctl on a temporary folder).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { loadCoreConfig } from '../src/config.js';
import { ingest } from '../src/ingest/pipeline.js';
import { createMemoryLogger } from '../src/log.js';
import { childEnv, lexicalEnv, makeTempCorpus, REPO_ROOT, SEED_FILES, type TempCorpus } from './support/corpus.js';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import { TelegramApiServer } from './support/telegram-api-server.js';

let server: PostgresServer;
let corpus: TempCorpus;

beforeAll(async () => {
  server = await startPostgres();
  corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 3), prefix: 'replicas-' });
  await ingest(loadCoreConfig(lexicalEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
});
afterAll(() => {
  server?.destroy();
  corpus?.remove();
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('DATABASE_URL', () => {
  it('puts the question log and the data secret in PostgreSQL and opens no SQLite file', async () => {
    const url = await server.createDatabase('app_rows');
    const dataDir = path.join(corpus.root, 'data-not-used');
    const env = lexicalEnv(corpus, { DATABASE_URL: url, DB_PATH: path.join(dataDir, 'bot.sqlite') });
    const [a, b] = [await openApp({ env, logger: createMemoryLogger(), autoIngest: false }), await openApp({ env, logger: createMemoryLogger(), autoIngest: false })];
    try {
      expect(a.store.backend).toBe('postgres');
      const answer = await a.service.ask({ question: '露天巷的巷道有多长？', channel: 'telegram', chatId: '7001', conversationId: 'telegram:7001' });
      expect(answer.interaction_id).toBeGreaterThan(0);
      // The other replica sees the row and continues the conversation, and both sign with one secret.
      expect((await b.store.getInteraction(answer.interaction_id!))?.answer).toBe(answer.answer);
      expect(await b.store.recentTurns('telegram:7001', 5, 60_000)).toHaveLength(1);
      expect(a.keys.sign(['x', 1])).toBe(b.keys.sign(['x', 1]));
    } finally {
      await a.close();
      await b.close();
    }
    expect(filesUnder(dataDir)).toEqual([]); // no SQLite file, no secret file
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      expect((await sql`SELECT count(*)::int AS n FROM interactions`)[0].n).toBe(1);
      expect((await sql`SELECT count(*)::int AS n FROM shared_settings WHERE name = 'data_secret'`)[0].n).toBe(1);
    } finally {
      await sql.end();
    }
  });

  it('npm run telegram with PostgreSQL unreachable: a clear message, exit code 4, no password printed', async () => {
    const api = await TelegramApiServer.start();
    try {
      const env = childEnv(lexicalEnv(corpus, {
        DATABASE_URL: `postgres://bot:pg-password-not-to-print@127.0.0.1:${server.port + 7}/bot`,
        TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: 'polling',
      }));
      const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['adapters/telegram/main.ts'], { cwd: REPO_ROOT, env });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(exit.code, exit.stderr).toBe(4);
      expect(exit.stderr).toMatch(/Cannot use the PostgreSQL database at 127\.0\.0\.1:\d+\/bot: .*ECONNREFUSED/);
      expect(exit.stderr).toMatch(/unset it to use the embedded SQLite file/);
      expect(exit.stderr).not.toContain('pg-password-not-to-print');
      expect(api.callsOf('getUpdates')).toEqual([]); // stopped before taking any update
    } finally {
      await api.close();
    }
  });
});
