// Adding one document to the corpus and the live index — the operation behind Slack's file shares and
// /add-doc (adapters only translate and render). A file is saved under CORPUS_DIR/staff-uploads/ and the
// usual incremental ingest runs over the corpus (so its id is the same one a later `npm run ingest` gives
// it); a URL is ingested like `npm run ingest -- URL` and listed in staff-uploads/.urls.txt for later
// re-checks. The ingest lock is respected (a busy lock is a result, not an error); adds in one process run
// one at a time; the new generation is loaded into the running service before the result is returned.
import fs from 'node:fs';
import path from 'node:path';
import type { CoreConfig } from './config.js';
import type { Logger } from './log.js';
import type { AddDocumentResult, DocumentAdder } from './ports.js';
import type { SignedEmbedder } from './embed/signature.js';
import type { IngestReport } from './ingest/pipeline.js';

/** The folder of CORPUS_DIR that staff uploads are saved in, and the URL list kept there (dot files are not documents). */
export const STAFF_UPLOADS_DIR = 'staff-uploads';
export const STAFF_URL_LIST = '.urls.txt';

export interface DocumentAdderDeps {
  config: CoreConfig;
  embedder: SignedEmbedder | null;
  logger: Logger;
  /** Runs one ingest under the installation's lock (with DATABASE_URL: the shared lock, then publishes). Default: as is. */
  runIngest?: (ingest: () => Promise<IngestReport>) => Promise<IngestReport>;
  /** Loads the newest generation into the running service. */
  reload: () => void;
}

/** A file name safe to save under staff-uploads/: no folders, no leading dots, letters (any script), digits, . _ - only. */
export function safeFileName(name: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/')).normalize('NFKC');
  const ext = path.extname(base).toLowerCase().replace(/[^a-z0-9.]/g, '');
  const stem = base
    .slice(0, base.length - path.extname(base).length)
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120);
  return `${stem || 'document'}${ext}`;
}

export function createDocumentAdder(deps: DocumentAdderDeps): DocumentAdder {
  const { config, logger } = deps;
  const uploads = path.join(config.corpusDir, STAFF_UPLOADS_DIR);
  const runIngest = deps.runIngest ?? ((run) => run());
  const maxBytes = config.fetch.maxBytes;
  let tail: Promise<unknown> = Promise.resolve();

  /** One add at a time in this process (the ingest lock would refuse the second). */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  }

  async function check(file: { name: string; size?: number }): Promise<string | undefined> {
    const { readerForFile, unsupportedFormat } = await import('./ingest/formats/index.js');
    if (!readerForFile(file.name)) return unsupportedFormat(file.name, 'send a');
    if (file.size === 0) return 'the file is empty';
    if (file.size !== undefined && file.size > maxBytes) return `too large (${file.size} bytes; the limit is ${maxBytes} bytes, FETCH_MAX_BYTES)`;
    return undefined;
  }

  /** Runs the ingest; a held lock is `busy`, any other failure a rejection with the reason (logged). */
  async function ingestPaths(paths: string[], source: string): Promise<IngestReport | AddDocumentResult> {
    const { ingest } = await import('./ingest/pipeline.js');
    try {
      return await runIngest(() => ingest(config, { paths, embedder: deps.embedder }, logger));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'INDEX_LOCKED') {
        logger.warn('documents.busy', { source, error });
        return { status: 'busy', source, reason: 'another ingest is running; try again in a minute' };
      }
      logger.error('documents.ingest_failed', { source, error });
      return { status: 'rejected', source, reason: `the ingest failed (${(error as Error).message})` };
    }
  }

  /** The result for document `id` after an ingest that did not reject it: what the live index now holds. */
  async function describe(report: IngestReport, id: string, source: string): Promise<AddDocumentResult> {
    deps.reload();
    const { currentGeneration, readManifest } = await import('./index/store.js');
    const status = report.added.includes(id) ? 'added' : report.updated.includes(id) ? 'updated' : 'unchanged';
    const generation = currentGeneration(config.indexDir);
    const entry = generation ? readManifest(generation).documents.find((d) => d.id === id) : undefined;
    const counts = new Map<string, number>();
    for (const d of report.dropped.find((r) => r.doc === id)?.dropped ?? []) counts.set(d.reason, (counts.get(d.reason) ?? 0) + 1);
    const result: AddDocumentResult = { status, source, doc: id, chunks: entry?.count ?? 0, dropped: [...counts].map(([reason, count]) => ({ reason, count })) };
    const title = entry?.title ?? entry?.titles?.[0];
    if (title) result.title = title;
    if (entry?.date) result.date = entry.date;
    if (entry?.format) result.format = entry.format;
    if (entry?.kind) result.kind = entry.kind;
    logger.info('documents.added', { source, doc: id, status, chunks: result.chunks, dropped: report.dropped.find((r) => r.doc === id)?.dropped.length ?? 0 });
    return result;
  }

  async function addFile(file: { name: string; bytes: Uint8Array }): Promise<AddDocumentResult> {
    const source = file.name;
    const problem = await check({ name: file.name, size: file.bytes.byteLength });
    if (problem) {
      logger.info('documents.rejected', { source, reason: problem });
      return { status: 'rejected', source, reason: problem };
    }
    return serial(async () => {
      const target = path.join(uploads, safeFileName(file.name));
      let previous: Buffer | null = null;
      try {
        previous = fs.readFileSync(target);
      } catch {
        // a new file
      }
      const restore = () => {
        try {
          if (previous) fs.writeFileSync(target, previous);
          else fs.rmSync(target, { force: true });
        } catch (error) {
          logger.error('documents.restore_failed', { file: target, error });
        }
      };
      try {
        fs.mkdirSync(uploads, { recursive: true });
        const tmp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, file.bytes);
        fs.renameSync(tmp, target);
      } catch (error) {
        logger.error('documents.save_failed', { source, file: target, error });
        return { status: 'rejected', source, reason: `could not save it in the corpus (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
      }
      const outcome = await ingestPaths([config.corpusDir], source);
      if (!('added' in outcome)) {
        restore();
        return outcome;
      }
      const rejected = outcome.rejected.find((r) => path.resolve(r.path) === path.resolve(target));
      if (rejected) {
        // Not left in the corpus to be rejected again on every later ingest.
        restore();
        logger.info('documents.rejected', { source, reason: rejected.reason });
        return { status: 'rejected', source, reason: rejected.reason };
      }
      const { documentId } = await import('./ingest/read.js');
      return describe(outcome, documentId(target, config.corpusDir), source);
    });
  }

  async function addUrl(raw: string): Promise<AddDocumentResult> {
    const url = raw.trim();
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return { status: 'rejected', source: url, reason: 'not an http(s) URL' };
    return serial(async () => {
      const outcome = await ingestPaths([url], url);
      if (!('added' in outcome)) return outcome;
      const rejected = outcome.rejected.find((r) => r.path === url);
      if (rejected) {
        logger.info('documents.rejected', { source: url, reason: rejected.reason });
        return { status: 'rejected', source: url, reason: rejected.reason };
      }
      rememberUrl(url);
      return describe(outcome, url, url);
    });
  }

  /** Keeps the URL for `npm run ingest -- --urls CORPUS_DIR/staff-uploads/.urls.txt` (re-checks, rebuilds). */
  function rememberUrl(url: string): void {
    const list = path.join(uploads, STAFF_URL_LIST);
    try {
      const known = fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split(/\r?\n/).map((l) => l.trim()) : [];
      if (known.includes(url)) return;
      fs.mkdirSync(uploads, { recursive: true });
      fs.appendFileSync(list, `${known.length ? '' : '# URLs added by staff in Slack (/add-doc); re-check with npm run ingest -- --urls THIS_FILE\n'}${url}\n`);
    } catch (error) {
      logger.warn('documents.url_list_failed', { file: list, error });
    }
  }

  return { maxBytes, timeoutMs: config.fetch.timeoutMs, check, addFile, addUrl };
}
