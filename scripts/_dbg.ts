import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { openApp } from '/work/wt-i11-round2/src/app.js';
import { createLogger } from '/work/wt-i11-round2/src/log.js';
const [corpus, ...qs] = process.argv.slice(2);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-'));
let last: any = null;
const app = await openApp({
  env: { CORPUS_DIR: corpus, INDEX_DIR: path.join(root, 'index'), DB_PATH: path.join(root, 'bot.sqlite'), EMBEDDING_MODEL: 'none', MODEL_CACHE_DIR: path.join(root, 'cache'), ALLOW_REMOTE_MODELS: 'false' },
  logger: createLogger({ level: 'error' }),
  answerer: ({ extractive }) => ({ async answer(input: any) { const d = await extractive.answer(input); last = { d, terms: input.retrieval.terms }; return d; } }),
});
for (const q of qs) { last = null; await app.service.ask({ question: q, channel: 'eval', mode: 'lexical' });
  console.log('Q', q); if (last) { if (process.env.T) console.log(' terms', last.terms.map((t: any) => `${t.term}/${t.origin}/${(t.weight??0).toFixed?.(2)}`).join(' ')); console.log(' reasons', last.d.reasons.join(' | ')); console.log(' ans', last.d.abstained, last.d.text.slice(0,100).replace(/\n/g,' ')); } }
await app.close(); fs.rmSync(root, { recursive: true, force: true });
