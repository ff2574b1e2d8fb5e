// Documents at http(s) URLs, served by a real HTTP server on 127.0.0.1: fetched through ingest(),
// read by their Content-Type, re-checked with ETag / Last-Modified (304 → unchanged, no download),
// refused with the reason when they fail, are too large or too slow; `--urls FILE` through the CLI.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoreConfig, type CoreConfig } from '../src/config.js';
import { openApp } from '../src/app.js';
import { renderPlain } from '../src/cli/render.js';
import { createMemoryLogger } from '../src/log.js';
import { ingest } from '../src/ingest/pipeline.js';
import { currentGeneration, readChunks, readManifest } from '../src/index/store.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, type TempCorpus } from './support/corpus.js';
import { runTs } from './support/spawn-ts.js';

const page = (body: string) => `<html><head><meta charset="gbk"><title>关于社区食堂开业的公告_某街道办事处</title></head><body>
<div class="nav">首页 | 通知公告</div><h1>关于社区食堂开业的公告</h1><div class="content"><p>${body}</p></div></body></html>`;

interface Served {
  body: Buffer;
  type: string;
  etag?: string;
  lastModified?: string;
  delayMs?: number;
  status?: number;
  /** Requests to drop (the socket destroyed, no answer) before one is answered. */
  resets?: number;
}

let server: http.Server;
let base: string;
const routes = new Map<string, Served>();
const requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }[] = [];
let corpus: TempCorpus;
let config: CoreConfig;
const logger = createMemoryLogger();

function serve(p: string, served: Served): string {
  routes.set(p, served);
  return `${base}${p}`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const r = routes.get(req.url ?? '');
    const record = { path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], status: 200 };
    requests.push(record);
    if (r?.resets) {
      r.resets--;
      record.status = 0;
      req.socket.destroy();
      return;
    }
    if (!r) {
      record.status = 404;
      res.writeHead(404).end('not found');
      return;
    }
    const send = () => {
      if ((r.etag && req.headers['if-none-match'] === r.etag) || (!r.etag && r.lastModified && req.headers['if-modified-since'] === r.lastModified)) {
        record.status = 304;
        res.writeHead(304).end();
        return;
      }
      record.status = r.status ?? 200;
      res.writeHead(record.status, { 'content-type': r.type, ...(r.etag ? { etag: r.etag } : {}), ...(r.lastModified ? { 'last-modified': r.lastModified } : {}) });
      res.end(r.body);
    };
    if (r.delayMs) setTimeout(send, r.delayMs);
    else send();
  });
  // Idle keep-alive sockets stay open for the whole file: only the drops a route asks for (resets) drop a request. (With
  // Node's 5-second default, a loaded machine let the client reuse a socket the server was closing just then, and the
  // retry of a once-dropped URL dropped too: CI on 9fb7470.)
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  corpus = makeTempCorpus({ prefix: 'urls-', seeds: [SEED_FILES[0]] });
  config = loadCoreConfig(lexicalEnv(corpus, { FETCH_TIMEOUT_MS: '1500', FETCH_MAX_BYTES: '50000' }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  corpus?.remove();
});

describe('ingest of URLs', () => {
  let pageUrl: string;
  let textUrl: string;

  it('fetches a GBK page and a text file by their Content-Type; the URL is the id and the citation address', async () => {
    pageUrl = serve('/gov/notice', { body: iconv.encode(page('社区食堂将于6月1日开业，午餐时间为11点至13点，老年人凭卡就餐享受优惠。'), 'gbk'), type: 'text/html; charset=gbk', etag: '"v1"' });
    textUrl = serve('/files/hours', { body: Buffer.from('Pool opening hours\n\nThe swimming pool is open on Sundays from 8 am to noon.\n'), type: 'text/plain; charset=utf-8', lastModified: 'Wed, 01 May 2024 08:00:00 GMT' });
    const report = await ingest(config, { paths: [corpus.corpusDir, pageUrl, textUrl], embedder: null }, logger);
    expect(report.added).toEqual([SEED_FILES[0], pageUrl, textUrl]);
    const gen = currentGeneration(config.indexDir)!;
    const entry = readManifest(gen).documents.find((d) => d.id === pageUrl)!;
    expect(entry).toMatchObject({ url: pageUrl, title: '关于社区食堂开业的公告', format: 'html', etag: '"v1"' });
    const chunk = readChunks(gen).find((c) => c.docId === pageUrl)!;
    expect(chunk).toMatchObject({ title: '关于社区食堂开业的公告', url: pageUrl });
    expect(chunk.text).toContain('午餐时间为11点至13点');
    expect(readChunks(gen).some((c) => c.text.includes('首页 | 通知公告'))).toBe(false);
  });

  it('asks again with If-None-Match / If-Modified-Since: a 304 is unchanged and nothing is rewritten', async () => {
    requests.length = 0;
    const report = await ingest(config, { paths: [corpus.corpusDir, pageUrl, textUrl], embedder: null }, logger);
    expect(report.unchanged.sort()).toEqual([SEED_FILES[0], pageUrl, textUrl].sort());
    expect(report.wrote).toBe(false);
    expect(requests).toEqual([
      { path: '/gov/notice', ifNoneMatch: '"v1"', ifModifiedSince: undefined, status: 304 },
      { path: '/files/hours', ifNoneMatch: undefined, ifModifiedSince: 'Wed, 01 May 2024 08:00:00 GMT', status: 304 },
    ]);
  });

  it('a changed page (new ETag) is updated; a server without validators is compared by hash', async () => {
    serve('/gov/notice', { body: iconv.encode(page('社区食堂将于6月8日开业，午餐时间为11点至13点。'), 'gbk'), type: 'text/html; charset=gbk', etag: '"v2"' });
    const plain = serve('/plain', { body: Buffer.from('Library cards are free for residents.\n'), type: 'text/plain' });
    await ingest(config, { paths: [plain], embedder: null }, logger);
    const report = await ingest(config, { paths: [pageUrl, plain], embedder: null }, logger);
    expect(report.updated).toEqual([pageUrl]);
    expect(report.unchanged).toEqual([plain]);
    const chunk = readChunks(currentGeneration(config.indexDir)!).find((c) => c.docId === pageUrl)!;
    expect(chunk.text).toContain('6月8日开业');
  });

  it('asks once more when the connection drops before the answer (ECONNRESET), and refuses a URL whose second try drops too', async () => {
    const flaky = serve('/flaky', { body: Buffer.from('The recycling point pays 1.2 yuan per kilogram of cardboard.\n'), type: 'text/plain', resets: 1 });
    const dead = serve('/dead', { body: Buffer.from('never sent\n'), type: 'text/plain', resets: 2 });
    const report = await ingest(config, { paths: [flaky, dead], embedder: null }, logger);
    expect(report.rejected).toEqual([{ path: dead, reason: expect.stringMatching(/^cannot fetch: /) }]);
    expect(requests.filter((r) => r.path === '/flaky').map((r) => r.status)).toEqual([0, 200]);
    expect(requests.filter((r) => r.path === '/dead').map((r) => r.status)).toEqual([0, 0]);
    const chunk = readChunks(currentGeneration(config.indexDir)!).find((c) => c.docId === flaky);
    expect(chunk?.text).toContain('1.2 yuan per kilogram');
  });

  it('refuses, by URL and with the reason, a 404, a body over FETCH_MAX_BYTES, a timeout and an unknown type; the index keeps the rest', async () => {
    const big = serve('/big.pdf', { body: Buffer.alloc(60_000, 0x20), type: 'application/pdf' });
    const slow = serve('/slow', { body: Buffer.from('late'), type: 'text/plain', delayMs: 4000 });
    const odd = serve('/data.bin', { body: Buffer.from([1, 2, 3]), type: 'application/octet-stream' });
    const missing = `${base}/nowhere`;
    const before = readManifest(currentGeneration(config.indexDir)!).counts.documents;
    const report = await ingest(config, { paths: [missing, big, slow, odd], embedder: null }, logger);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.path, r.reason]));
    expect(reasons[missing]).toMatch(/HTTP 404/);
    expect(reasons[big]).toMatch(/too large.*FETCH_MAX_BYTES/);
    expect(reasons[slow]).toMatch(/no answer within 1500 ms/);
    expect(reasons[odd]).toMatch(/unsupported content type application\/octet-stream/);
    expect(report.documents).toBe(before);
  });

  it('answers from a fetched page cite its URL and date', async () => {
    const app = await openApp({ env: lexicalEnv(corpus), logger, reloadCheckMs: 60_000 });
    try {
      const res = await app.service.ask({ question: '社区食堂几号开业？', channel: 'cli', mode: 'lexical' });
      const source = res.sources.find((s) => s.doc === pageUrl);
      expect(source).toMatchObject({ url: pageUrl, title: '关于社区食堂开业的公告' });
      expect(renderPlain(res, { showAll: true })).toContain(`关于社区食堂开业的公告 — ${pageUrl}`);
    } finally {
      await app.close();
    }
  });

  it('`npm run ingest -- --urls FILE` reads the list (comments skipped, bad lines named) and --dry-run fetches without writing', async () => {
    const list = path.join(corpus.root, 'urls.txt');
    fs.writeFileSync(list, `# town documents\n${pageUrl}\n\nnot-a-url\n${textUrl}\n`);
    const indexDir = path.join(corpus.root, 'dry-index');
    const { code, stdout, stderr } = await runTs('src/cli/ingest.ts', ['--dry-run', '--json', '--urls', list], { ...lexicalEnv(corpus), INDEX_DIR: indexDir } as Record<string, string>);
    expect(code).toBe(0);
    expect(stderr).toMatch(/"not-a-url" is not an http\(s\) URL/);
    const docs = new Set(stdout.trim().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc));
    expect(docs).toEqual(new Set([pageUrl, textUrl]));
    expect(fs.existsSync(indexDir)).toBe(false);
  });
});
