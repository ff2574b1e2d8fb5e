// One index snapshot per question: the service reads the live generation once, and the retriever,
// the answerer, the English mapper and the statistics of that question all come from it — a reload that
// lands while the question is being retrieved does not switch it to the new build halfway.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import type { Answerer, Retriever } from '../src/ports.js';
import { createAnswerService, type IndexSnapshot } from '../src/service.js';
import { createRetriever } from '../src/retrieve/hybrid.js';
import { createExtractiveAnswerer } from '../src/answer/extractive.js';
import { corpusStats } from '../src/app.js';
import { createEnglishMapper } from '../src/lang/english.js';
import { createChineseExpander } from '../src/lang/chinese.js';
import { loadIndex, type LoadedIndex } from '../src/index/open.js';
import { ingest } from '../src/ingest/pipeline.js';
import { lexicalEnv, makeTempCorpus, type TempCorpus } from './support/corpus.js';

const logger = createMemoryLogger();
let corpus: TempCorpus;
let first: LoadedIndex;
let second: LoadedIndex;

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'service-snapshot-' });
  const config = loadCoreConfig(lexicalEnv(corpus));
  await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
  first = loadIndex(config, null, logger);
  fs.writeFileSync(path.join(corpus.corpusDir, 'library.md'), '# 市图书馆延长开放时间\n\n自下月起，市图书馆每周二至周日开放到晚上九点。\n');
  await ingest(config, { paths: [corpus.corpusDir], embedder: null }, logger);
  second = loadIndex(config, null, logger);
});

afterAll(() => corpus?.remove());

/** Records which generation each stage of a question used; `gate` holds retrieval until released. */
function snapshotOf(index: LoadedIndex, used: string[], gate: { wait: Promise<void> | null }): IndexSnapshot {
  const config = loadCoreConfig(lexicalEnv(corpus));
  const inner = createRetriever({ index: () => index, embedder: null, config: config.retrieval, logger });
  const retriever: Retriever = {
    async retrieve(query) {
      const result = await inner.retrieve(query);
      used.push(`retrieve:${index.generation}`);
      if (gate.wait) await gate.wait;
      return result;
    },
  };
  const extractive = createExtractiveAnswerer(() => corpusStats(index));
  const answerer: Answerer = {
    answer(input) {
      used.push(`answer:${index.generation}`);
      return extractive.answer(input);
    },
  };
  const english = () => {
    used.push(`english:${index.generation}`);
    return createEnglishMapper({ names: index.terms, lexicon: index.lexicon ?? undefined });
  };
  const chinese = () => {
    used.push(`chinese:${index.generation}`);
    return createChineseExpander({ tokenizer: index.tokenizer, documentFrequency: (t) => index.keyword.documentFrequency(t), vocabulary: () => index.keyword.vocabulary() });
  };
  return { index, retriever, answerer, fallback: extractive, english, chinese };
}

describe("the answerer's corpus statistics", () => {
  it("carry the corpus dictionary's local place names (稷王社区), which jieba's stock dictionary lacks", () => {
    const places = corpusStats(first).places ?? [];
    expect(places).toContain('稷王社区');
    expect(places.every((p) => /(省|市|县|区|镇|乡|村|街道|社区|小区)$/.test(p))).toBe(true);
  });

  it('give the chunks on either side of a chunk in its own document, none past its edges', () => {
    const stats = corpusStats(first);
    const byDoc = new Map<string, typeof first.chunks>();
    for (const c of first.chunks) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
    const [docId, chunks] = [...byDoc].find(([, list]) => list.length >= 3)!;
    const middle = chunks[1];
    const near = stats.neighbours!(middle);
    expect([near.before?.id, near.after?.id]).toEqual([`${docId}#0`, `${docId}#2`]);
    expect(stats.neighbours!(chunks[0]).before).toBeUndefined();
    expect(stats.neighbours!(chunks[chunks.length - 1]).after).toBeUndefined();
  });
});

describe('one index snapshot per question', () => {
  it('a generation published while a question is being retrieved does not reach that question', async () => {
    expect(second.generation).not.toBe(first.generation);
    const used: string[] = [];
    let release: () => void = () => undefined;
    const gate: { wait: Promise<void> | null } = { wait: new Promise<void>((r) => (release = r)) };
    let live = snapshotOf(first, used, gate);
    const service = createAnswerService({ config: loadCoreConfig(lexicalEnv(corpus)), snapshot: () => live, store: null, logger });

    const inFlight = service.ask({ question: 'How long is the Lutian alley?', mode: 'lexical' });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(used).toEqual([`english:${first.generation}`, `retrieve:${first.generation}`]); // held inside retrieval

    live = snapshotOf(second, used, { wait: null }); // the reload lands now
    expect(service.describe().documents).toBe(second.manifest.counts.documents);
    release();
    const response = await inFlight;
    expect(used).toEqual([`english:${first.generation}`, `retrieve:${first.generation}`, `answer:${first.generation}`]);
    expect(response.answer).toContain('500米');

    used.length = 0;
    await service.ask({ question: '市图书馆开放到几点？', mode: 'lexical' });
    expect(used).toEqual([`chinese:${second.generation}`, `retrieve:${second.generation}`, `answer:${second.generation}`]);
  });
});
