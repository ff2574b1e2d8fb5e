// Faults at run time, through public seams with real components: another process holding the SQLite
// write lock while questions are answered, the embedding model failing mid-run, and the adapters'
// processes (wrong tokens, an LLM key the endpoint rejects, SIGTERM) with every captured byte of
// output searched for the secrets. (Disk full, the retry queue and close-time flush are proven at the
// store level in store.test.ts; LLM timeouts/429/5xx/garbage in llm.test.ts; API 429/5xx and
// redeliveries under load in robust-load.test.ts.)
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app.js';
import { loadCoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { ingest } from '../src/ingest/pipeline.js';
import { openInteractionStore } from '../src/store/sqlite.js';
import { loadIndex } from '../src/index/open.js';
import { createRetriever } from '../src/retrieve/hybrid.js';
import { createTransformersEmbedder, type TransformersEmbedder } from '../src/embed/transformers.js';
import type { SignedEmbedder } from '../src/embed/transformers.js';
import { childEnv, lexicalEnv, makeTempCorpus, REPO_ROOT, SEED_FILES, tinyModelEnv, type TempCorpus } from './support/corpus.js';
import { TelegramApiServer, privateText } from './support/telegram-api-server.js';
import { startSlackApiServer } from './support/slack-api-server.js';
import { OpenAiCompatibleServer } from './support/openai-server.js';
import { freePort } from './support/net.js';
import { patience } from './support/limits.js';
import { spawnTs } from './support/spawn-ts.js';

const events = (lines: string[], name: string) => lines.filter((l) => l.includes(`"event":"${name}"`));

describe('another process holds the SQLite write lock while questions are answered', () => {
  let corpus: TempCorpus;
  beforeAll(() => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'robust-lock-' });
  });
  afterAll(() => corpus?.remove());

  it('answers continue while the database is locked, the failure is logged once, and every row is saved afterwards', async () => {
    const logger = createMemoryLogger();
    const app = await openApp({ env: lexicalEnv(corpus), logger });
    const holder = new Database(app.config.dbPath);
    const ids: (number | undefined)[] = [];
    try {
      holder.exec('BEGIN IMMEDIATE');
      for (let i = 0; i < 5; i++) {
        const response = await app.service.ask({ question: `露天巷的巷道有多长？(${i})`, channel: 'telegram', chatId: 'lock', conversationId: 'lock:1' });
        expect(response.answer).toContain('500米');
        ids.push(response.interaction_id);
      }
      expect(ids.every((id) => id === undefined)).toBe(true); // not saved yet: no feedback buttons
      expect(events(logger.lines, 'store.write_failed')).toHaveLength(1);
    } finally {
      holder.exec('COMMIT');
      holder.close();
    }
    await app.close(); // flushes the queued writes
    const db = new Database(app.config.dbPath, { readonly: true });
    try {
      expect(db.prepare(`SELECT COUNT(*) FROM interactions WHERE chat_id = 'lock'`).pluck().get()).toBe(5);
      expect(db.prepare(`SELECT COUNT(*) FROM turns WHERE conversation_id = 'lock:1'`).pluck().get()).toBe(5);
    } finally {
      db.close();
    }
  });
});

describe('the embedding model fails mid-run', () => {
  let corpus: TempCorpus;
  let model: TransformersEmbedder;
  beforeAll(async () => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'robust-embed-' });
    const config = loadCoreConfig(tinyModelEnv(corpus));
    model = await createTransformersEmbedder(config.embedding, createMemoryLogger());
    await ingest(config, { paths: [corpus.corpusDir], embedder: model }, createMemoryLogger());
  });
  afterAll(async () => {
    await model?.dispose();
    corpus?.remove();
  });

  it('answers continue lexical, each says so, and the failure is logged once', async () => {
    const config = loadCoreConfig(tinyModelEnv(corpus));
    const logger = createMemoryLogger();
    let calls = 0;
    // The real tiny model for 3 queries, then the runtime breaks (e.g. the ONNX session dies).
    const failing: SignedEmbedder = Object.assign(Object.create(model) as SignedEmbedder, {
      embedQuery: async (text: string) => {
        if (++calls > 3) throw new Error('onnxruntime: session lost');
        return model.embedQuery(text);
      },
    });
    const index = loadIndex(config, model, logger);
    const retriever = createRetriever({ index: () => index, embedder: failing, config: config.retrieval, logger });
    const modes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const result = await retriever.retrieve({ text: '露天巷的巷道有多长', language: 'zh', k: 5 });
      modes.push(result.mode);
      expect(result.passages.length).toBeGreaterThan(0);
      expect(result.passages[0].chunk.docId).toBe('001_dce2b776d6aca6c3.txt');
      if (i >= 3) expect(result.warnings.join(' ')).toMatch(/embedding model failed/);
    }
    expect(modes).toEqual(['hybrid', 'hybrid', 'hybrid', ...Array(7).fill('lexical')]);
    expect(events(logger.lines, 'retrieve.dense_failed')).toHaveLength(1);
  });
});

// ---------- processes: secrets never reach output ----------

const SECRETS = {
  TELEGRAM_BOT_TOKEN: '424242424:ROBUST-telegram-SECRET_tokenvalue99',
  TELEGRAM_WEBHOOK_SECRET: 'robust_webhook_SECRET_value-77',
  SLACK_BOT_TOKEN: 'xoxb-4242-4242-robustSECRETslacktoken',
  SLACK_SIGNING_SECRET: 'robust-signing-SECRET-0123456789abc',
  LLM_API_KEY: 'sk-robust-SECRET-llm-key-0123456789',
};

interface Exit {
  code: number | null;
  output: string;
}

function run(script: string, env: NodeJS.ProcessEnv, until?: { output: RegExp; then: (output: string) => Promise<void> }): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, [], { cwd: REPO_ROOT, env });
    let output = '';
    let triggered = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit in time:\n${output}`));
    }, patience());
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until && !triggered && until.output.test(output)) {
        triggered = true;
        until.then(output).then(() => child.kill('SIGTERM'), (error: unknown) => {
          child.kill('SIGKILL');
          reject(error);
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const leaked = (output: string) => Object.entries(SECRETS).filter(([, v]) => output.includes(v)).map(([k]) => k);

describe('secrets never appear in any output', () => {
  let corpus: TempCorpus;
  let llm: OpenAiCompatibleServer;
  beforeAll(async () => {
    corpus = makeTempCorpus({ seeds: SEED_FILES.slice(0, 2), prefix: 'robust-secrets-' });
    await ingest(loadCoreConfig(lexicalEnv(corpus)), { paths: [corpus.corpusDir], embedder: null }, createMemoryLogger());
    llm = await OpenAiCompatibleServer.start({ apiKey: 'sk-the-endpoint-wants-another-key' }); // rejects ours with 401
  });
  afterAll(async () => {
    await llm?.close();
    corpus?.remove();
  });

  const baseEnv = (extra: Record<string, string>) =>
    childEnv({ ...lexicalEnv(corpus), ...SECRETS, LOG_LEVEL: 'debug', LLM_MODEL: 'openai:gpt-local', LLM_BASE_URL: llm.baseUrl, ...extra });

  it('npm run telegram: a rejected token (exit 3), then a webhook run that answers through a failing LLM and stops on SIGTERM (exit 0)', async () => {
    const api = await TelegramApiServer.start({ token: SECRETS.TELEGRAM_BOT_TOKEN });
    try {
      const wrong = await run('adapters/telegram/main.ts', baseEnv({ TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_BOT_TOKEN: '111111111:ROBUST-wrong-SECRET_tokenvalue00' }));
      expect(wrong.code).toBe(3);
      expect(wrong.output).toMatch(/rejected the token/);
      expect(wrong.output).not.toContain('ROBUST-wrong-SECRET');

      const port = await freePort();
      const env = baseEnv({ TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', TELEGRAM_WEBHOOK_PORT: String(port) });
      const ok = await run('adapters/telegram/main.ts', env, {
        output: /telegram\.webhook_listening/,
        then: async () => {
          const res = await fetch(`http://127.0.0.1:${port}/telegram`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRETS.TELEGRAM_WEBHOOK_SECRET },
            body: JSON.stringify({ update_id: 1, ...privateText('露天巷的巷道有多长？', 4242) }),
          });
          expect(res.status).toBe(200);
          await api.waitFor((calls) => calls.some((c) => c.method === 'sendMessage'), 20_000, 'the reply');
        },
      });
      expect(ok.code).toBe(0);
      expect(api.sentTo(4242).map((c) => String(c.params.text)).join('\n')).toContain('500米'); // the extractive fallback
      expect(llm.requests.length).toBeGreaterThan(0);
      expect(llm.requests.every((r) => r.authorization === `Bearer ${SECRETS.LLM_API_KEY}`)).toBe(true); // the key was used...
      expect(ok.output).toMatch(/llm\.fallback/);
      expect(leaked(wrong.output + ok.output)).toEqual([]); // ...and never printed
    } finally {
      await api.close();
    }
  });

  it('npm run slack: a rejected bot token fails the start with a message and no secret', async () => {
    const api = await startSlackApiServer({ botToken: 'xoxb-the-api-wants-another-token' });
    try {
      const result = await run('adapters/slack/main.ts', baseEnv({ SLACK_API_URL: api.apiUrl, SLACK_HOST: '127.0.0.1', SLACK_PORT: String(await freePort()) }));
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/Slack rejected SLACK_BOT_TOKEN/);
      expect(api.calls.some((c) => c.token === SECRETS.SLACK_BOT_TOKEN)).toBe(true);
      expect(leaked(result.output)).toEqual([]);
    } finally {
      await api.close();
    }
  });
});


describe('a redelivery while the database is locked', () => {
  it('is refused when the first delivery was saved before the lock (no duplicate reply)', async () => {
    const corpus = makeTempCorpus({ seeds: [], prefix: 'robust-redelivery-' });
    const logger = createMemoryLogger();
    const store = openInteractionStore(corpus.dbPath, logger);
    const holder = new Database(corpus.dbPath);
    try {
      expect(await store.claimDelivery('telegram:update:1')).toBe(true);
      holder.exec('BEGIN IMMEDIATE');
      expect(await store.claimDelivery('telegram:update:2')).toBe(true); // new during the lock: answered once
      expect(await store.claimDelivery('telegram:update:1')).toBe(false); // saved before the lock
      expect(await store.claimDelivery('telegram:update:2')).toBe(false); // remembered in memory
      holder.exec('COMMIT');
      await store.close();
      const db = new Database(corpus.dbPath, { readonly: true });
      expect(db.prepare('SELECT key FROM deliveries ORDER BY key').pluck().all()).toEqual(['telegram:update:1', 'telegram:update:2']);
      db.close();
    } finally {
      holder.close();
      corpus.remove();
    }
  });
});
