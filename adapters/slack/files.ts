// Files shared with the bot: looked up with files.info (through the WebClient, so its configured API host),
// then downloaded from url_private with the bot token — only from a Slack address or that API host, never
// sending the token anywhere else — within a size limit and a timeout. Never throws: a failure is a reason.
import type { WebClient } from '@slack/web-api';
import { readBody } from '../../src/ingest/fetch.js';

/** A file as it arrives in an event (only the id is relied on). */
export interface SharedFile {
  id: string;
  name?: string;
}

export type Downloaded = { name: string; bytes: Uint8Array } | { name: string; reason: string };

export interface DownloadOptions {
  token: string;
  /** The Web API base URL the client uses (SLACK_API_URL in tests); its origin may serve files too. */
  apiUrl?: string;
  maxBytes: number;
  timeoutMs: number;
  /** Why a file of this name and size is refused before downloading, or undefined. */
  check: (file: { name: string; size?: number }) => Promise<string | undefined>;
}

interface FileInfo {
  name?: string;
  title?: string;
  size?: number;
  mimetype?: string;
  url_private?: string;
  url_private_download?: string;
}

/** Slack serves files from files.slack.com (and workspace hosts under slack.com); tests from the local API server. */
function tokenMayGoTo(url: URL, apiUrl: string | undefined): boolean {
  if (url.protocol === 'https:' && (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com'))) return true;
  return Boolean(apiUrl && URL.canParse(apiUrl) && new URL(apiUrl).origin === url.origin);
}

export async function downloadSharedFile(client: WebClient, file: SharedFile, options: DownloadOptions): Promise<Downloaded> {
  let info: FileInfo;
  try {
    const res = await client.files.info({ file: file.id });
    info = (res.file ?? {}) as FileInfo;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    return { name: file.name ?? file.id, reason: `Slack did not give the file (files.info: ${code ?? (error as Error).message}${code === 'missing_scope' ? '; add the files:read scope and reinstall the app' : ''})` };
  }
  const name = info.name ?? file.name ?? info.title ?? file.id;
  const problem = await options.check({ name, size: info.size });
  if (problem) return { name, reason: problem };
  const link = info.url_private_download ?? info.url_private;
  if (!link || !URL.canParse(link)) return { name, reason: 'Slack gave no download link for the file' };
  const url = new URL(link);
  if (!tokenMayGoTo(url, options.apiUrl)) return { name, reason: `the file's link is not a Slack address (${url.host}); it was not downloaded` };
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${options.token}` }, redirect: 'follow', signal });
    if (!res.ok) return { name, reason: `could not download it from Slack (HTTP ${res.status})` };
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    // Without files:read Slack answers with its sign-in page, not the file.
    if (type.startsWith('text/html') && !/\.html?$/i.test(name)) return { name, reason: 'Slack sent a sign-in page instead of the file: does the app have the files:read scope?' };
    const bytes = await readBody(res, options.maxBytes);
    if (!bytes) return { name, reason: `too large (over ${options.maxBytes} bytes, FETCH_MAX_BYTES)` };
    return { name, bytes };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || signal.aborted) return { name, reason: `the download took longer than ${options.timeoutMs} ms (FETCH_TIMEOUT_MS)` };
    return { name, reason: `could not download it from Slack (${e.cause?.code ?? e.message})` };
  }
}
