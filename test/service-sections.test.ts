// The answering service on a lexical index of the probes' fourteen documents (policy documents in their
// usual shapes, PDF and Word among them): a document's sections are read together — for the topic the
// question names, and for where the answer comes from when another document's list merely shares a word.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../src/app.js';
import { createMemoryLogger } from '../src/log.js';
import { lexicalEnv, makeTempCorpus, REPO_ROOT, type TempCorpus } from './support/corpus.js';

const PROBES = path.join(REPO_ROOT, 'eval/probes/docs');

let corpus: TempCorpus;
let app: App;

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'service-sections-', seeds: [] });
  for (const name of fs.readdirSync(PROBES)) fs.copyFileSync(path.join(PROBES, name), path.join(corpus.corpusDir, name));
  app = await openApp({ env: lexicalEnv(corpus), logger: createMemoryLogger(), reloadCheckMs: 60_000 });
});

afterAll(async () => {
  await app?.close();
  corpus?.remove();
});

const ask = (question: string) => app.service.ask({ question, channel: 'cli', mode: 'lexical' });

describe("a document's sections read together", () => {
  it('what to bring for primary-school registration comes from the admission notice, not the legal-aid materials list', async () => {
    // (The admission notice names 小学 in its first section, its materials in the fourth.)
    const r = await ask('小学一年级报名要准备啥');
    expect(r.abstained, r.answer).toBe(false);
    // What to bring leads, as the notice lists it under its heading — not who may enrol (一、招生对象：（一）小学一年级：
    // 2020年9月1日至…), which names more of the question's words.
    const lead = r.answer.split('\n')[0];
    expect(lead).toContain('户口簿');
    expect(lead).toContain('出生医学证明');
    expect(lead).not.toContain('招生对象');
    expect(lead).not.toContain('法律援助');
  });

  it('a word of the question the relief rule names in another of its articles (急难 for 救急) is not missing', async () => {
    const r = await ask('家里突然出事了没钱生活 能找政府救急吗');
    expect(r.abstained, r.answer).toBe(false);
    expect(r.answer).toContain('临时救助');
  });
});
