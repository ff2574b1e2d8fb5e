// Replicas: throughput and latency of 1 vs 3 Telegram webhook replicas (real processes) behind Debian's
// nginx on one PostgreSQL (a throwaway server started here), the same updates through the same harness as
// test/replicas.test.ts. Each update is a resident's question from the eval set in its own chat; an update
// counts when the webhook answered 2xx, which grammY does after the reply was sent to the (local) Bot API.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCoreConfig } from '../../src/config.js';
import { ingest } from '../../src/ingest/pipeline.js';
import type { Logger } from '../../src/log.js';
import { startPostgres } from '../../test/support/postgres.js';
import { deliver, pool, startNginx, startReplica, type Replica } from '../../test/support/replicas.js';
import { privateText, TelegramApiServer } from '../../test/support/telegram-api-server.js';
import type { Workspace } from '../lib/workspace.js';
import { summarize, type Latency } from '../lib/stats.js';

export interface ReplicaRun {
  replicas: number;
  updates: number;
  concurrency: number;
  seconds: number;
  /** Updates answered per second. */
  throughput: number;
  latency: Latency;
}

export interface ReplicaSection {
  runs: ReplicaRun[];
  /** Throughput of 3 replicas over 1. */
  throughputRatio: number | null;
  /** p95 latency of 3 replicas over 1 (below 1: faster). */
  p95Ratio: number | null;
  cores: number;
}

export async function runReplicaSection(ws: Workspace, plan: { updates: number; concurrency: number }, logger: Logger, say: (line: string) => void): Promise<ReplicaSection> {
  const server = await startPostgres();
  try {
    const env = ws.env('replica-index', { lexicalOnly: true });
    const config = loadCoreConfig(env);
    await ingest(config, { paths: [ws.seedsDir], embedder: null }, logger);
    const questions = ws.questions.map((q) => q.question).filter((q) => q.length > 0);
    const runs: ReplicaRun[] = [];
    for (const count of [1, 3]) {
      const url = await server.createDatabase(`bench_replicas_${count}`);
      const work = path.join(ws.dir, `replicas-${count}`);
      const apis = await Promise.all(Array.from({ length: count }, () => TelegramApiServer.start()));
      const replicas: Replica[] = [];
      const nginx = { stop: async () => undefined } as { url?: string; stop: () => Promise<void> };
      try {
        for (const [i, api] of apis.entries()) {
          const indexDir = path.join(work, `machine-${i}`, 'index');
          fs.cpSync(config.indexDir, indexDir, { recursive: true });
          replicas.push(await startReplica({
            HOME: work, CORPUS_DIR: ws.seedsDir, INDEX_DIR: indexDir, DB_PATH: path.join(work, `machine-${i}`, 'bot.sqlite'), EMBEDDING_MODEL: 'none',
            DATABASE_URL: url, TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, RATE_LIMIT_PER_MINUTE: '10000',
          }));
        }
        Object.assign(nginx, await startNginx(path.join(work, 'nginx'), replicas.map((r) => r.port)));
        let nextId = 0;
        const update = () => {
          const id = nextId++;
          return { update_id: 1 + id, ...privateText(questions[id % questions.length], 200_000 + id) };
        };
        await pool(Array.from({ length: Math.min(20, plan.updates) }, update), plan.concurrency, (u) => deliver(nginx.url!, u)); // warm-up, uncounted
        const updates = Array.from({ length: plan.updates }, update);
        const started = performance.now();
        const deliveries = await pool(updates, plan.concurrency, (u) => deliver(nginx.url!, u));
        const seconds = (performance.now() - started) / 1000;
        const run = { replicas: count, updates: plan.updates, concurrency: plan.concurrency, seconds, throughput: plan.updates / seconds, latency: summarize(deliveries.map((d) => d.ms)) };
        runs.push(run);
        say(`replicas: ${count} → ${run.throughput.toFixed(1)} updates/s, p95 ${run.latency.p95.toFixed(0)} ms`);
      } finally {
        await nginx.stop();
        for (const r of replicas) r.child.kill('SIGKILL');
        await Promise.all(replicas.map((r) => r.exited));
        for (const a of apis) await a.close();
      }
    }
    const [one, three] = runs;
    return {
      runs,
      throughputRatio: one && three ? three.throughput / one.throughput : null,
      p95Ratio: one && three ? three.latency.p95 / one.latency.p95 : null,
      cores: (await import('node:os')).cpus().length,
    };
  } finally {
    server.destroy();
  }
}
