// The real transformers.js loading path, run on the tiny model the global setup generates.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransformersEmbedder,
  EmbeddingFailedError,
  EmbeddingUnavailableError,
  modelSignature,
  type TransformersEmbedder,
} from '../src/embed/transformers.js';
import { createMemoryLogger } from '../src/log.js';
import { TINY_MODEL_DIMS, TINY_MODEL_ID, TINY_MODEL_ROOT, tinyEmbeddingConfig } from './fixtures/tiny-model.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const norm = (a: Float32Array) => Math.sqrt(cosine(a, a));
const maxDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));

const PASSAGES = [
  '高龄津贴申请材料由社区助理帮老人整理，审批通过后按月发放。',
  '公交线路调整后，市民乘车出行更方便，首末班时间不变。',
  '社区开展乒乓球比赛，居民踊跃报名参加。',
  '医保报销比例提高，住院费用负担减轻。',
  '图书馆延长开放时间，周末也可以借书。',
];

let tmp: string;
const embedders: TransformersEmbedder[] = [];
async function load(overrides: Parameters<typeof tinyEmbeddingConfig>[0] = {}): Promise<TransformersEmbedder> {
  const embedder = await createTransformersEmbedder(tinyEmbeddingConfig({ cacheDir: path.join(tmp, 'cache'), ...overrides }), createMemoryLogger());
  embedders.push(embedder);
  return embedder;
}

/** A copy of the tiny model under a temp root, as `x/<name>`, for breaking it. */
async function copyOfTinyModel(name: string): Promise<{ root: string; dir: string; id: string }> {
  const root = path.join(tmp, `models-${name}`);
  const dir = path.join(root, 'x', name);
  await cp(path.join(TINY_MODEL_ROOT, TINY_MODEL_ID), dir, { recursive: true });
  return { root, dir, id: `x/${name}` };
}

async function loadError(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'embed-test-'));
});

afterAll(async () => {
  await Promise.all(embedders.map((e) => e.dispose()));
  await rm(tmp, { recursive: true, force: true });
});

describe('createTransformersEmbedder on the tiny model', () => {
  it('discovers the dimensions, returns unit vectors and logs that it is ready', async () => {
    const logger = createMemoryLogger();
    const embedder = await createTransformersEmbedder(tinyEmbeddingConfig({ cacheDir: path.join(tmp, 'cache') }), logger);
    embedders.push(embedder);
    expect(embedder.modelId).toBe(TINY_MODEL_ID);
    expect(embedder.dims).toBe(TINY_MODEL_DIMS);
    const vectors = await embedder.embedDocuments(PASSAGES);
    expect(vectors).toHaveLength(PASSAGES.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(TINY_MODEL_DIMS);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(await embedder.embedDocuments([])).toEqual([]);
    const ready = logger.lines.map((l) => JSON.parse(l)).find((l) => l.event === 'embedding.ready');
    expect(ready).toMatchObject({ model: TINY_MODEL_ID, dims: TINY_MODEL_DIMS, pooling: 'mean' });
  });

  it('gives the same vectors whatever the batch size', async () => {
    const one = await load({ batchSize: 1 });
    const many = await load({ batchSize: 16 });
    const a = await one.embedDocuments(PASSAGES);
    const b = await many.embedDocuments(PASSAGES);
    a.forEach((v, i) => expect(maxDifference(v, b[i])).toBeLessThan(1e-5));
  });

  it('pools differently for mean and cls', async () => {
    const mean = await load({ pooling: 'mean' });
    const cls = await load({ pooling: 'cls' });
    expect(cls.pooling).toBe('cls');
    const [m] = await mean.embedDocuments([PASSAGES[0]]);
    const [c] = await cls.embedDocuments([PASSAGES[0]]);
    expect(maxDifference(m, c)).toBeGreaterThan(1e-3);
    expect(norm(c)).toBeCloseTo(1, 5);
  });

  it('applies the query and passage prefixes', async () => {
    const prefixed = await load({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const plain = await load({ queryPrefix: '', passagePrefix: '' });
    const text = '高龄津贴怎么申请';
    const [asPassage] = await prefixed.embedDocuments([text]);
    expect(maxDifference(await prefixed.embedQuery(text), asPassage)).toBeGreaterThan(1e-3);
    const [plainPassage] = await plain.embedDocuments([text]);
    expect(maxDifference(await plain.embedQuery(text), plainPassage)).toBeLessThan(1e-6);
  });

  it('puts a question closer to the passage it shares words with', async () => {
    for (const pooling of ['mean', 'cls'] as const) {
      const embedder = await load({ pooling });
      const passages = await embedder.embedDocuments(PASSAGES);
      for (const [question, expected] of [
        ['老人的高龄津贴怎么申请？', 0],
        ['公交首末班时间调整了吗', 1],
        ['住院医保报销比例是多少', 3],
      ] as const) {
        const q = await embedder.embedQuery(question);
        const scores = passages.map((p) => cosine(q, p));
        const best = scores.indexOf(Math.max(...scores));
        expect({ pooling, question, best }).toEqual({ pooling, question, best: expected });
      }
    }
  });

  it('states its signature for the index manifest', async () => {
    const embedder = await load({ pooling: 'cls', queryPrefix: 'q: ', passagePrefix: 'p: ', dtype: 'q8' });
    expect(modelSignature(embedder)).toEqual({
      model: TINY_MODEL_ID,
      dims: TINY_MODEL_DIMS,
      pooling: 'cls',
      queryPrefix: 'q: ',
      passagePrefix: 'p: ',
      dtype: 'q8',
    });
  });
});

describe('when the model cannot be loaded', () => {
  it('says which model, why, and how to fix it, when it is not on disk and downloads are off', async () => {
    const error = await loadError(load({ model: 'nobody/missing-model', localModelPath: path.join(tmp, 'empty') }));
    expect(error).toBeInstanceOf(EmbeddingUnavailableError);
    expect((error as EmbeddingUnavailableError).code).toBe('EMBEDDING_UNAVAILABLE');
    expect(error.message).toContain('nobody/missing-model');
    expect(error.message).toContain('ALLOW_REMOTE_MODELS');
    expect(error.message).toContain(path.join(tmp, 'empty', 'nobody/missing-model'));
    expect(error.message).toContain('EMBEDDING_MODEL=none');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('gives up (no retry loop) when the hub refuses connections', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve)); // nothing listens there now
    const error = await loadError(
      createTransformersEmbedder(
        tinyEmbeddingConfig({ model: 'Xenova/multilingual-e5-small', allowRemote: true, localModelPath: path.join(tmp, 'empty'), cacheDir: path.join(tmp, 'cache') }),
        createMemoryLogger(),
        { remoteHost: `http://127.0.0.1:${port}` },
      ),
    );
    expect(error).toBeInstanceOf(EmbeddingUnavailableError);
    expect(error.message).toContain(`http://127.0.0.1:${port}/`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain(`download it into ${path.join(tmp, 'cache')}`);
    expect(error.message).toContain('EMBEDDING_MODEL=none');
  });

  it('gives up on a hub that accepts connections but never answers', async () => {
    const server = http.createServer(() => undefined); // never responds
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // Without the stall timeout this never settles (the test then fails on its timeout).
      const error = await loadError(
        createTransformersEmbedder(
          tinyEmbeddingConfig({ model: 'Xenova/multilingual-e5-small', allowRemote: true, localModelPath: path.join(tmp, 'empty'), cacheDir: path.join(tmp, 'cache') }),
          createMemoryLogger(),
          { remoteHost: `http://127.0.0.1:${port}/`, stallTimeoutMs: 300 },
        ),
      );
      expect(error).toBeInstanceOf(EmbeddingUnavailableError);
      expect(error.message).toContain('stopped answering');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a corrupted ONNX file as unavailable, with the files to delete', async () => {
    const broken = await copyOfTinyModel('corrupt');
    await writeFile(path.join(broken.dir, 'onnx', 'model_quantized.onnx'), 'this is not an onnx graph');
    const error = await loadError(load({ model: broken.id, localModelPath: broken.root }));
    expect(error).toBeInstanceOf(EmbeddingUnavailableError);
    expect(error.message).toContain(broken.id);
    expect(error.message).toContain('ONNX');
    expect(error.message).toContain(`delete ${path.join(tmp, 'cache', broken.id)}`);
  });

  it('still loads a good model after a failed load', async () => {
    await loadError(load({ model: 'nobody/missing-model', localModelPath: path.join(tmp, 'empty') }));
    const embedder = await load();
    expect(embedder.dims).toBe(TINY_MODEL_DIMS);
  });
});

describe('when embedding fails after loading', () => {
  it('throws EmbeddingFailedError and keeps working for other texts', async () => {
    // A tokenizer that knows one token more than the model has embedding rows: the ONNX Gather
    // fails at run time for that token only.
    const broken = await copyOfTinyModel('short-table');
    const tokenizerFile = path.join(broken.dir, 'tokenizer.json');
    const tokenizer = JSON.parse(await readFile(tokenizerFile, 'utf8'));
    tokenizer.model.vocab['龘'] = Object.keys(tokenizer.model.vocab).length;
    await writeFile(tokenizerFile, JSON.stringify(tokenizer));
    const embedder = await load({ model: broken.id, localModelPath: broken.root });

    const error = await loadError(embedder.embedDocuments(['社区服务', '龘']));
    expect(error).toBeInstanceOf(EmbeddingFailedError);
    expect((error as EmbeddingFailedError).code).toBe('EMBEDDING_FAILED');
    expect(error.message).toContain(broken.id);
    expect(error.message).toContain('lexical');
    expect(await embedder.embedQuery('社区服务')).toHaveLength(TINY_MODEL_DIMS);
  });
});
