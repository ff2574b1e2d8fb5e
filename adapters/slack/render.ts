// AskResponse → Slack message (Block Kit). Pure functions: no Slack client, no I/O.
// Everything that came from a question or a document is escaped, so an article or a question
// containing `<!channel>` or `<https://evil|official form>` shows as text and never pings or links.
import type { AddDocumentResult, AskResponse, Language, Source } from '../../src/ports.js';
import { citationText } from '../../src/text/citation.js';

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const SECTION_TEXT_LIMIT = 3000;
export const MAX_BLOCKS = 50;
const CONTEXT_ELEMENTS_LIMIT = 10;
const FALLBACK_TEXT_LIMIT = 3000;

export const ACTION_FEEDBACK_UP = 'feedback_up';
export const ACTION_FEEDBACK_DOWN = 'feedback_down';
export const ACTION_POST_TO_CHANNEL = 'post_to_channel';

// Slack block types, as far as this adapter uses them (kept local: the adapter's own contract with Slack).
export type TextObject = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
export type Block =
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] };
export type ButtonElement = {
  type: 'button';
  action_id: string;
  text: TextObject;
  value: string;
  style?: 'primary' | 'danger';
};

/** What a reply needs; AskResponse fits, and so does a logged interaction re-posted to a channel. */
export type RenderableAnswer = Pick<AskResponse, 'question' | 'answer' | 'abstained' | 'sources'> &
  Partial<Pick<AskResponse, 'citations' | 'language' | 'notes' | 'interaction_id'>>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
  unfurl_links: false;
  unfurl_media: false;
}

export interface RenderOptions {
  /** 👍 / 👎 buttons (needs interaction_id). */
  feedback?: boolean;
  /** The "Post to channel" button of an ephemeral /ask answer (needs interaction_id). */
  postToChannel?: boolean;
  /** Quote the question above the answer (for /ask, where the question is not visible otherwise). */
  showQuestion?: boolean;
  /** Signature over (interaction, channel, asker) that the buttons carry (see src/privacy/keys.ts). */
  signature?: string;
}

/** A button's value: `<interaction id>:<signature>`. */
export function buttonValue(interactionId: number, signature: string): string {
  return `${interactionId}:${signature}`;
}

/** The interaction id and signature of a pressed button, or undefined for anything else (e.g. an old unsigned button). */
export function parseButtonValue(value: unknown): { interactionId: number; signature: string } | undefined {
  const m = /^(\d{1,15}):([A-Za-z0-9_-]{22})$/.exec(String(value ?? ''));
  return m ? { interactionId: Number(m[1]), signature: m[2] } : undefined;
}

const LABELS: Record<Language, { sources: string; helpful: string; notHelpful: string; post: string; asked: string }> = {
  zh: { sources: '来源', helpful: '👍 有帮助', notHelpful: '👎 没帮助', post: '发到频道', asked: '问题' },
  en: { sources: 'Sources', helpful: '👍 Helpful', notHelpful: '👎 Not helpful', post: 'Post to channel', asked: 'Question' },
};

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How long each character becomes once escaped. */
const ESCAPED_LENGTH: Record<string, number> = { '&': 5, '<': 4, '>': 4 };

/**
 * Splits raw text into pieces whose *escaped* length fits `limit`, preferring paragraph, line and
 * sentence boundaries; escaping happens per piece, so an entity like `&amp;` is never cut.
 * Linear in the text: each piece costs at most `limit` steps, and at most `maxPieces` are made
 * (callers that show 50 blocks or one line need not split a 100k-character text to the end).
 */
export function splitForSections(raw: string, limit = SECTION_TEXT_LIMIT, maxPieces = Infinity): string[] {
  const pieces: string[] = [];
  const text = raw.trim();
  let start = 0;
  while (start < text.length && pieces.length < maxPieces) {
    // Longest raw prefix whose escaped form fits (escaping grows text by at most 5x).
    let end = start;
    let escapedLength = 0;
    while (end < text.length) {
      const grow = ESCAPED_LENGTH[text[end]] ?? 1;
      if (escapedLength + grow > limit) break;
      escapedLength += grow;
      end++;
    }
    if (end === text.length) {
      pieces.push(escapeMrkdwn(text.slice(start)));
      break;
    }
    const window = text.slice(start, end);
    const cut = lastBoundary(window);
    let take = cut > window.length / 2 ? cut : window.length;
    // A hard cut never separates the halves of a surrogate pair (an emoji, a rare CJK character).
    if (take === window.length && take > 1 && /[\uD800-\uDBFF]/.test(window[take - 1])) take--;
    pieces.push(escapeMrkdwn(window.slice(0, take).trimEnd()));
    start += take;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  return pieces.filter((p) => p.length > 0);
}

function lastBoundary(text: string): number {
  for (const pattern of [/\n\s*\n/g, /\n/g, /[。！？.!?；;]/g]) {
    let last = -1;
    for (const m of text.matchAll(pattern)) last = m.index + m[0].length;
    if (last > 0) return last;
  }
  return -1;
}

/** The sources a reply shows: the cited ones, or all retrieved ones when nothing was cited. */
export function sourcesToShow(answer: RenderableAnswer): Source[] {
  const cited = new Set(answer.citations ?? []);
  const chosen = cited.size ? answer.sources.filter((s) => cited.has(s.rank)) : answer.sources;
  return answer.abstained && !cited.size ? [] : chosen;
}

/** "title — file", escaped; one line per source. */
export function sourceLine(source: Source): string {
  return `${source.rank}. ${escapeMrkdwn(citationText(source))}`;
}

export function renderAnswer(answer: RenderableAnswer, options: RenderOptions = {}): SlackMessage {
  const labels = LABELS[answer.language ?? 'zh'];
  const head: Block[] = [];
  const tail: Block[] = [];

  if (options.showQuestion) {
    head.push(section(`*${labels.asked}:* ${firstPiece(answer.question, SECTION_TEXT_LIMIT - 100)}`));
  }

  const sources = sourcesToShow(answer);
  if (sources.length) {
    const lines = sources.map(sourceLine);
    // A context block holds at most 10 elements: the overflow joins the last one.
    const elements = lines.slice(0, CONTEXT_ELEMENTS_LIMIT - 1);
    if (lines.length >= CONTEXT_ELEMENTS_LIMIT) elements.push(lines.slice(CONTEXT_ELEMENTS_LIMIT - 1).join('\n'));
    elements[0] = `*${labels.sources}:* ${elements[0]}`;
    tail.push({ type: 'context', elements: elements.map((t) => mrkdwn(truncate(t, SECTION_TEXT_LIMIT))) });
  }
  if (answer.notes?.length) {
    tail.push({ type: 'context', elements: [mrkdwn(truncate(answer.notes.map(escapeMrkdwn).join('\n'), SECTION_TEXT_LIMIT))] });
  }
  const buttons = answerButtons(answer, options, labels);
  if (buttons.length) tail.push({ type: 'actions', block_id: `answer:${answer.interaction_id}`, elements: buttons });

  const room = MAX_BLOCKS - head.length - tail.length;
  let body = splitForSections(answer.answer || '…', SECTION_TEXT_LIMIT, room + 1).map((text) => section(text));
  if (body.length > room) body = [...body.slice(0, room - 1), section('…')];

  return {
    text: fallbackText(answer),
    blocks: [...head, ...body, ...tail],
    unfurl_links: false,
    unfurl_media: false,
  };
}

function answerButtons(answer: RenderableAnswer, options: RenderOptions, labels: (typeof LABELS)[Language]): ButtonElement[] {
  const id = answer.interaction_id;
  // Nothing to attach a vote or a re-post to, or no signature to prove who may press.
  if (id === undefined || id < 0 || !options.signature) return [];
  const value = buttonValue(id, options.signature);
  const buttons: ButtonElement[] = [];
  if (options.postToChannel) {
    buttons.push({ type: 'button', action_id: ACTION_POST_TO_CHANNEL, text: plain(labels.post), value, style: 'primary' });
  }
  if (options.feedback) {
    buttons.push({ type: 'button', action_id: ACTION_FEEDBACK_UP, text: plain(labels.helpful), value });
    buttons.push({ type: 'button', action_id: ACTION_FEEDBACK_DOWN, text: plain(labels.notHelpful), value });
  }
  return buttons;
}

/** Notification / screen-reader text: the answer, escaped too (Slack parses it as mrkdwn). */
function fallbackText(answer: RenderableAnswer): string {
  return firstPiece(answer.answer || '…', FALLBACK_TEXT_LIMIT);
}

function firstPiece(raw: string, limit: number): string {
  const pieces = splitForSections(raw, limit, 2);
  const first = pieces[0] ?? '…';
  return pieces.length > 1 ? truncate(first, limit - 1) + '…' : first;
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Never leave half an entity (`&am`) at the cut.
  return text.slice(0, limit).replace(/&[a-z]{0,4}$/, '');
}

export function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}
function mrkdwn(text: string): TextObject {
  return { type: 'mrkdwn', text };
}
function plain(text: string): TextObject {
  return { type: 'plain_text', text, emoji: true };
}

/** A short plain message (apologies, usage hints): escaped, with fallback text and no unfurls. */
export function renderNotice(text: string): SlackMessage {
  const pieces = splitForSections(text, SECTION_TEXT_LIMIT, MAX_BLOCKS);
  return { text: pieces[0] ?? '', blocks: pieces.slice(0, MAX_BLOCKS).map(section), unfurl_links: false, unfurl_media: false };
}

/** What staff see after sharing a file or running /add-doc: what was read, or why it was not (escaped by renderNotice). */
export function renderAddDocResult(result: AddDocumentResult): SlackMessage {
  const what = result.source;
  if (result.status === 'busy') return renderNotice(`⏳ Not added yet: ${what} — ${result.reason ?? 'another ingest is running'}.`);
  if (result.status === 'rejected') return renderNotice(`❌ Could not add ${what}: ${result.reason ?? 'unknown reason'}.`);
  const name = result.title ?? result.doc ?? result.source;
  const head = result.status === 'unchanged' ? `ℹ️ Already in the collection, unchanged: *${name}*` : `✅ ${result.status === 'updated' ? 'Updated' : 'Added'}: *${name}*`;
  const facts = [
    `source: ${result.doc ?? result.source}`,
    `date: ${result.date ?? 'none stated'}`,
    `${result.chunks ?? 0} chunk(s)`,
    ...(result.format ? [`read as ${result.format}${result.kind ? `, split as ${result.kind}` : ''}`] : []),
  ];
  const dropped = result.dropped?.length ? `Left out as not body text: ${result.dropped.map((d) => `${d.reason} ×${d.count}`).join(', ')}.` : 'Nothing was left out.';
  const tail = result.status === 'unchanged' ? '' : '\nIt can be asked about now.';
  return renderNotice(`${head}\n${facts.join(' · ')}\n${dropped}${tail}`);
}
