// The answering service on a lexical index of the civic dev corpus (eval/civic/docs: notices, guides, FAQs and
// English pages of one fictional city, in text, Markdown, HTML, PDF and DOCX), asked as residents ask.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../src/app.js';
import { createMemoryLogger } from '../src/log.js';
import { lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';

const CIVIC = path.join(REPO_ROOT, 'eval/civic/docs');

let corpus: TempCorpus;
let app: App;

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'service-civic-', seeds: [] });
  for (const name of fs.readdirSync(CIVIC)) fs.copyFileSync(path.join(CIVIC, name), path.join(corpus.corpusDir, name));
  app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 });
});

afterAll(async () => {
  await app?.close();
  corpus?.remove();
});

const ask = (question: string) => app.service.ask({ question, channel: 'cli', mode: 'lexical' });

describe('the civic corpus', () => {
  it('a provision for the county the asker names (在云溪县就业创业的，…增加300元) comes before the general table row', async () => {
    const r = await ask('本科毕业去云溪县上班，生活补贴有没有多的');
    expect(r.abstained, r.answer).toBe(false);
    expect(r.answer.split('\n')[0]).toContain('增加300元');
  });

  it('registered elsewhere (外地户口) is answered by the item for 非本市户籍, alone, not by the whole list of who rides free', async () => {
    const r = await ask('我公公70了，外地户口，在这边办了居住证，坐公交也能免费不');
    expect(r.abstained, r.answer).toBe(false);
    expect(r.answer.split('\n')[0]).toMatch(/^（三）持有本市居住证的65周岁及以上非本市户籍老年人/);
  });
});
