// A test helper: the answering service, opened for real (lexical mode) on a small corpus of the test's own documents,
// written to a temp folder before the file's tests and removed after them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openApp, type App } from '../../src/app.js';
import { createMemoryLogger } from '../../src/log.js';
import { lexicalEnv, makeTempCorpus, type TempCorpus } from './corpus.js';

/** Registers the hooks that open the service on `files` (name → text); `ask` asks it a question in lexical mode. */
export function serviceOnDocuments(prefix: string, files: Record<string, string>): { ask: (question: string) => ReturnType<App['service']['ask']> } {
  let corpus: TempCorpus;
  let app: App;
  beforeAll(async () => {
    corpus = makeTempCorpus({ prefix, seeds: [] });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(corpus.corpusDir, name), text);
    app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    corpus?.remove();
  });
  return { ask: (question: string) => app.service.ask({ question, channel: 'cli', mode: 'lexical' }) };
}

/** The first line of a reply: the fact asked for. */
export const firstLine = (answer: string) => answer.split('\n')[0];
