// Documents at http(s) URLs: fetched with a timeout and a size limit, read by the reader of their
// Content-Type (else of the URL's extension), and re-checked incrementally: the ETag and
// Last-Modified of the previous fetch are sent back, a 304 means unchanged (nothing downloaded),
// and a 200 with the same bytes is unchanged by hash.
import { sha256 } from '../index/store.js';
import type { RejectedFile } from '../ports.js';
import type { ReadDocument } from './model.js';
import { readerForFile, readerForMediaType } from './formats/index.js';
import { runReader, toReadDocument } from './read.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

/** What the previous fetch of a URL answered, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult = { unchanged: true; validators: Validators } | ReadDocument | RejectedFile;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s.trim());
}

/** A URL list file: one URL a line; blank lines and lines starting with # are ignored. */
export function parseUrlList(text: string): { urls: string[]; invalid: string[] } {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (isUrl(line) && URL.canParse(line)) urls.push(line);
    else invalid.push(line);
  }
  return { urls, invalid };
}

/** Reads a response body up to maxBytes; null (and the transfer cancelled) when it is larger, declared or streamed. */
export async function readBody(res: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Socket errors of a connection dropped under the request: worth one more try. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Fetches and reads one URL; never throws — failures come back as RejectedFile with the reason. */
export async function fetchDocument(url: string, previous: Validators | undefined, options: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': 'local-services-answer-bot (document ingest)', accept: 'text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown;q=0.9,*/*;q=0.5' };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  let res: Response;
  let bytes: Buffer | null;
  const signal = AbortSignal.timeout(options.timeoutMs);
  for (let attempt = 1; ; attempt++) {
    try {
      res = await fetch(url, { headers, redirect: 'follow', signal });
      if (res.status === 304) return { unchanged: true, validators: previous ?? {} };
      if (!res.ok) return { path: url, reason: `HTTP ${res.status} ${res.statusText}`.trim() };
      bytes = await readBody(res, options.maxBytes);
      break;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError' || signal.aborted) return { path: url, reason: `no answer within ${options.timeoutMs} ms (FETCH_TIMEOUT_MS)` };
      // A connection dropped before the answer (a reused keep-alive socket the server had closed, a reset under load) is
      // asked once more, within the same time limit; a second failure is the URL's.
      if (attempt === 1 && DROPPED.has(e.cause?.code ?? '')) continue;
      return { path: url, reason: `cannot fetch: ${e.cause?.code ?? e.message}` };
    }
  }
  if (bytes === null) return { path: url, reason: `too large (over ${options.maxBytes} bytes; the limit is FETCH_MAX_BYTES)` };
  const contentType = res.headers.get('content-type') ?? undefined;
  const reader = readerForMediaType(contentType) ?? readerForFile(new URL(res.url || url).pathname);
  if (!reader) return { path: url, reason: `unsupported content type ${contentType ?? '(none)'}` };
  const out = await runReader(reader, bytes, url, contentType);
  if ('reason' in out) return { path: url, reason: out.reason };
  const doc = toReadDocument(out, url, url, sha256(bytes), url);
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  if (etag) doc.etag = etag;
  if (lastModified) doc.lastModified = lastModified;
  return doc;
}
