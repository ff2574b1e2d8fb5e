// Staff add documents from Slack, end to end on 127.0.0.1: the real Bolt app (signed requests), a local Slack
// Web API server that hosts the shared files (files.info + url_private, bot token required), a local web server
// for /add-doc, and the real answering service over a real index (openApp, SQLite, lexical) in a temp dir.
// A document added is answered from by the same running service right after the reply; non-staff are refused
// and nothing is downloaded or ingested; bad input gets a clear message.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../adapters/slack/app.js';
import { openApp, type App } from '../src/app.js';
import { loadSlackConfig } from '../src/config.js';
import { createMemoryLogger } from '../src/log.js';
import { acquireIngestLock, currentGeneration, readManifest } from '../src/index/store.js';
import { lexicalEnv, makeTempCorpus, SEED_FILES, type TempCorpus } from './support/corpus.js';
import { ENGLISH_LIBRARY_NOTICE, writeDocx } from './support/documents.js';
import {
  directMessage,
  eventCallback,
  FORM,
  mention,
  postSigned,
  slashCommand,
  startSlackApiServer,
  waitFor,
  type ApiCall,
  type SlackApiServer,
} from './support/slack-api-server.js';

const BOT_TOKEN = 'xoxb-4321-8765-adddocbottokenvalue';
const SIGNING_SECRET = 'adddoc-signing-secret-0123456789ab';
const STAFF = 'USTAFF01';
const RESIDENT = 'UALICE01';


const NOTICE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>关于金桂巷助浴点开放的公告_某街道办事处</title>
<meta name="PubDate" content="2024-07-01"></head><body>
<div class="nav">首页 | 通知公告 | 办事指南</div>
<h1>关于金桂巷助浴点开放的公告</h1>
<div class="content"><p>金桂巷助浴点自7月1日起对本街道60周岁以上老人开放，每周二、周四上午9点至11点提供助浴服务，每次收费10元。</p>
<p>预约电话：0512-6688 1234。</p></div>
<div class="footer">版权所有 某街道办事处</div></body></html>`;

let corpus: TempCorpus;
let core: App;
let api: SlackApiServer;
let slack: SlackApp;
let eventsUrl: string;
let web: http.Server;
let webBase: string;
const webRequests: string[] = [];
let releaseHeld!: () => void;
const held = new Promise<void>((resolve) => (releaseHeld = resolve));
const logger = createMemoryLogger();

beforeAll(async () => {
  corpus = makeTempCorpus({ prefix: 'slack-adddoc-', seeds: [SEED_FILES[0]] });
  web = http.createServer((req, res) => {
    webRequests.push(req.url ?? '');
    if (req.url === '/held.html') {
      // Answers only when the test says so: proves /add-doc is acknowledged before the page is fetched.
      void held.then(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(NOTICE_HTML.replace(/金桂巷/g, '银杏路'));
      });
    } else if (req.url === '/notice.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(NOTICE_HTML);
    } else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

  // A high reload interval: the document must be answerable because adding it reloads the service, not by polling.
  core = await openApp({ env: lexicalEnv(corpus, { FETCH_MAX_BYTES: '200000', FETCH_TIMEOUT_MS: '5000' }), logger, reloadCheckMs: 3_600_000 });
  api = await startSlackApiServer({ botToken: BOT_TOKEN });
  const config = loadSlackConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_HOST: '127.0.0.1',
    SLACK_PORT: '0',
    SLACK_API_URL: api.apiUrl,
    SLACK_STAFF_USER_IDS: STAFF,
    RATE_LIMIT_PER_MINUTE: '1000',
  });
  slack = createSlackApp({
    config, service: core.service, store: core.store, logger, keys: core.keys, privacy: { retentionDays: 90, conversationMinutes: 30 },
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 20 }, shutdownTimeoutMs: 5000, documents: core.documents,
  });
  const { port } = await slack.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await core?.close();
  await api?.close();
  web?.closeAllConnections();
  await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
  corpus?.remove();
});

const send = (eventId: string, event: Record<string, unknown>) => postSigned(eventsUrl, JSON.stringify(eventCallback(eventId, event)), { secret: SIGNING_SECRET });
const command = (name: string, text: string, responseId: string, user = STAFF) =>
  postSigned(eventsUrl, slashCommand(name, text, api.responseUrl(responseId)).replace('user_id=USTAFF01', `user_id=${user}`), { secret: SIGNING_SECRET, contentType: FORM });
const repliesIn = (channel: string): ApiCall[] => api.succeeded('chat.postMessage').filter((c) => c.args.channel === channel);
/** A wait that, when it times out, says what the app logged as going wrong (a flake in CI shows its cause). */
const waitLogged = <T>(pick: () => T | undefined | false, what: string) =>
  waitFor(pick, what).catch((error: Error) => {
    throw new Error(`${error.message}; warnings and errors logged:\n${logger.lines.filter((l) => /"level":"(warn|error)"/.test(l)).join('\n') || '(none)'}`);
  });
const waitForReplies = (channel: string, n: number) => waitLogged(() => repliesIn(channel).length >= n && repliesIn(channel), `${n} reply(ies) in ${channel}`);
const textOf = (call: { text?: unknown; blocks?: unknown }) => JSON.stringify([call.text, call.blocks]);
const responseTo = (id: string) => waitLogged(() => api.responses.find((r) => r.id === id), `the response to ${id}`);
const manifestDoc = (id: string) => readManifest(currentGeneration(corpus.indexDir)!).documents.find((d) => d.id === id);

/** A file shared in a DM, as Slack sends it (message.im, subtype file_share). */
function fileShare(channel: string, user: string, fileId: string, name: string): Record<string, unknown> {
  return directMessage(channel, '', { user, subtype: 'file_share', files: [{ id: fileId, name }] });
}

describe('staff add documents in Slack', () => {
  it('a Markdown file shared in a DM is ingested; the reply lists title, date and chunks; the bot then answers from it, citing it', async () => {
    api.hostFile({ id: 'FLIB0001', name: 'library hours.md', bytes: Buffer.from(ENGLISH_LIBRARY_NOTICE), mimetype: 'text/markdown' });
    const res = await send('EvFile1', fileShare('DSTAFF01', STAFF, 'FLIB0001', 'library hours.md'));
    expect(res.status).toBe(200);

    const [reply] = await waitForReplies('DSTAFF01', 1);
    const entry = manifestDoc('staff-uploads/library-hours.md')!;
    expect(entry).toMatchObject({ date: '2024-04-02', format: 'md' });
    expect(textOf(reply.args)).toContain('Added: *Riverside Library Opening Hours*');
    expect(textOf(reply.args)).toContain(`${entry.count} chunk(s)`);
    expect(textOf(reply.args)).toContain('date: 2024-04-02');
    expect(entry.count).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(corpus.corpusDir, 'staff-uploads', 'library-hours.md'), 'utf8')).toBe(ENGLISH_LIBRARY_NOTICE);
    // Downloaded from url_private with the bot token.
    expect(api.downloads).toEqual([{ id: 'FLIB0001', token: BOT_TOKEN }]);

    await send('EvAsk1', directMessage('DSTAFF01', 'When is the library open on Sundays?', { user: STAFF }));
    const [, answer] = await waitForReplies('DSTAFF01', 2);
    expect(textOf(answer.args)).toContain('Sunday: 10 am to 4 pm');
    expect(textOf(answer.args)).toContain('Riverside Library Opening Hours');
    expect(textOf(answer.args)).toContain('staff-uploads/library-hours.md');
  });

  it('a Word file attached to a mention in a channel is read and reported in the thread', async () => {
    const docx = path.join(corpus.root, 'bath.docx');
    await writeDocx(docx, [
      { heading: '关于开展失能老人上门助浴服务的通知' },
      { heading: '服务次数', level: 2 },
      { table: [['失能等级', '每月'], ['重度失能', '4次'], ['中度失能', '2次']] },
    ], { created: '2024-06-03T08:00:00Z' });
    api.hostFile({ id: 'FBATH001', name: 'bath.docx', bytes: fs.readFileSync(docx) });
    const event = mention('CSTAFFCH', '请收录这份通知', { user: STAFF, files: [{ id: 'FBATH001', name: 'bath.docx' }] });
    await send('EvFile2', event);
    const [reply] = await waitForReplies('CSTAFFCH', 1);
    expect(reply.args.thread_ts).toBe(event.ts);
    expect(textOf(reply.args)).toContain('关于开展失能老人上门助浴服务的通知');
    expect(textOf(reply.args)).toContain('date: 2024-06-03');
    expect(textOf(reply.args)).toContain(`${manifestDoc('staff-uploads/bath.docx')!.count} chunk(s)`);
  });

  it('/add-doc <url> from staff fetches the page, reports what it read and dropped, and the page is answered from with its URL', async () => {
    const url = `${webBase}/notice.html`;
    const res = await command('/add-doc', url, 'add-url');
    expect(res.status).toBe(200);
    const response = await responseTo('add-url');
    expect(response.body.response_type).toBe('ephemeral');
    const body = textOf(response.body as { text?: unknown; blocks?: unknown });
    expect(body).toContain('关于金桂巷助浴点开放的公告');
    expect(body).toContain(`${manifestDoc(url)!.count} chunk(s)`);
    expect(body).toContain('Left out as not body text: navigation');
    expect(webRequests).toContain('/notice.html');
    // Remembered for later re-checks with `npm run ingest -- --urls`.
    expect(fs.readFileSync(path.join(corpus.corpusDir, 'staff-uploads', '.urls.txt'), 'utf8')).toContain(url);

    await send('EvAsk2', directMessage('DSTAFF02', '金桂巷助浴点每次收费多少钱？', { user: STAFF }));
    const [answer] = await waitForReplies('DSTAFF02', 1);
    expect(textOf(answer.args)).toContain('10元');
    expect(textOf(answer.args)).toContain(url);
  });

  it('/add-doc is acknowledged before the page is fetched and ingested; the result follows through response_url', async () => {
    const url = `${webBase}/held.html`;
    const res = await command('/add-doc', url, 'add-held');
    expect(res.status).toBe(200);
    // Acknowledged while the page has not been answered: the work happens after the ack.
    await waitFor(() => webRequests.includes('/held.html'), 'the fetch of /held.html');
    expect(api.responses.some((r) => r.id === 'add-held')).toBe(false);
    releaseHeld();
    const response = await responseTo('add-held');
    expect(textOf(response.body as { text?: unknown })).toContain('关于银杏路助浴点开放的公告');
  });

  it('while another ingest holds the lock, /add-doc says to try again and changes nothing', async () => {
    const release = acquireIngestLock(corpus.indexDir);
    try {
      const before = currentGeneration(corpus.indexDir);
      await command('/add-doc', `${webBase}/notice.html?again`, 'add-busy');
      const response = await responseTo('add-busy');
      expect(textOf(response.body as { text?: unknown })).toContain('Not added yet');
      expect(textOf(response.body as { text?: unknown })).toContain('another ingest is running; try again in a minute');
      expect(currentGeneration(corpus.indexDir)).toBe(before);
      expect(webRequests).not.toContain('/notice.html?again');
    } finally {
      release();
    }
  });

  it('non-staff are refused politely: nothing is downloaded, fetched or ingested', async () => {
    api.hostFile({ id: 'FSECRET1', name: 'secret.md', bytes: Buffer.from('# Resident upload\n\nThe swimming pool is closed forever.\n') });
    const downloadsBefore = api.downloads.length;
    const infoBefore = api.calls.filter((c) => c.method === 'files.info').length;
    const documentsBefore = readManifest(currentGeneration(corpus.indexDir)!).documents.length;

    await send('EvFile3', fileShare('DALICE01', RESIDENT, 'FSECRET1', 'secret.md'));
    const [reply] = await waitForReplies('DALICE01', 1);
    expect(textOf(reply.args)).toContain('only the service team can add documents');

    const requestsBefore = webRequests.length;
    await command('/add-doc', `${webBase}/other.html`, 'add-refused', RESIDENT);
    const refused = await responseTo('add-refused');
    expect(textOf(refused.body as { text?: unknown })).toContain('for the service team only');

    expect(api.downloads.length).toBe(downloadsBefore);
    expect(api.calls.filter((c) => c.method === 'files.info').length).toBe(infoBefore);
    expect(webRequests.length).toBe(requestsBefore);
    expect(readManifest(currentGeneration(corpus.indexDir)!).documents.length).toBe(documentsBefore);
    expect(fs.existsSync(path.join(corpus.corpusDir, 'staff-uploads', 'secret.md'))).toBe(false);
    expect(logger.lines.some((l) => l.includes('slack.add_doc_refused'))).toBe(true);
  });

  it('an unsupported type, an empty or too large file, a file with no body text, a bad URL and a 404 get a clear message and a log line; nothing is left in the corpus', async () => {
    api.hostFile({ id: 'FPNG0001', name: 'photo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    api.hostFile({ id: 'FEMPTY01', name: 'empty.txt', bytes: Buffer.alloc(0) });
    api.hostFile({ id: 'FBIN0001', name: 'garbage.txt', bytes: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) });
    api.hostFile({ id: 'FBIG0001', name: 'big.txt', bytes: Buffer.alloc(200_001, 'a') });
    const downloadsBefore = api.downloads.length;
    await send('EvFile4', directMessage('DSTAFF03', '', { user: STAFF, subtype: 'file_share', files: [{ id: 'FPNG0001', name: 'photo.png' }, { id: 'FEMPTY01', name: 'empty.txt' }, { id: 'FBIN0001', name: 'garbage.txt' }, { id: 'FBIG0001', name: 'big.txt' }] }));
    const replies = await waitForReplies('DSTAFF03', 4);
    expect(textOf(replies[0].args)).toMatch(/Could not add photo\.png: unsupported format \.png/);
    expect(textOf(replies[1].args)).toMatch(/Could not add empty\.txt: the file is empty/);
    expect(textOf(replies[2].args)).toMatch(/Could not add garbage\.txt: /);
    expect(textOf(replies[3].args)).toContain('Could not add big.txt: too large (200001 bytes; the limit is 200000 bytes, FETCH_MAX_BYTES)');
    // Unsupported, empty and too large files are refused from files.info, before any download.
    expect(api.downloads.slice(downloadsBefore).map((d) => d.id)).toEqual(['FBIN0001']);
    expect(fs.existsSync(path.join(corpus.corpusDir, 'staff-uploads', 'garbage.txt'))).toBe(false);
    expect(fs.existsSync(path.join(corpus.corpusDir, 'staff-uploads', 'photo.png'))).toBe(false);
    expect(logger.lines.filter((l) => l.includes('slack.add_doc_download_refused')).length).toBeGreaterThanOrEqual(2);
    expect(logger.lines.some((l) => l.includes('documents.rejected') && l.includes('garbage.txt'))).toBe(true);

    await command('/add-doc', 'not a link', 'add-usage');
    expect(textOf((await responseTo('add-usage')).body as { text?: unknown })).toContain('Usage: `/add-doc &lt;http(s) URL&gt;`');
    await command('/add-doc', `${webBase}/missing.html`, 'add-404');
    expect(textOf((await responseTo('add-404')).body as { text?: unknown })).toMatch(/Could not add http:\/\/127\.0\.0\.1:\d+\/missing\.html: HTTP 404/);
  });
});
