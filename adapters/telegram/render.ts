// AskResponse → Telegram HTML messages. Telegram counts the 4096-character limit on the text
// *after* entity parsing, so we measure and split the raw text, then escape each piece and wrap
// it in its own tags: a split can never land inside a tag or an entity like &amp;.
import type { AskResponse, Source } from '../../src/ports.js';
import { quotableText } from '../../src/answer/quotable.js';
import { citationText, citedSources } from '../../src/text/citation.js';

export const TELEGRAM_MESSAGE_LIMIT = 4096;

export type BlockStyle = 'bold' | 'italic' | 'quote';

/** A run of plain text with at most one style; blocks are joined by line breaks. */
export interface Block {
  text: string;
  style?: BlockStyle;
}

const OPEN: Record<BlockStyle, string> = { bold: '<b>', italic: '<i>', quote: '<blockquote>' };
const CLOSE: Record<BlockStyle, string> = { bold: '</b>', italic: '</i>', quote: '</blockquote>' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function wrap(text: string, style?: BlockStyle): string {
  const html = escapeHtml(text);
  return style ? OPEN[style] + html + CLOSE[style] : html;
}

// A sentence ends after Chinese/Western end punctuation (plus closing quotes/brackets), or at a line break.
const SENTENCE_END = /(?:[。！？；!?;…]+[”’」』）)"']*|\.(?=\s)|\n)/g;

function lastBoundary(text: string, max: number, pattern: RegExp): number {
  let best = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const end = m.index + m[0].length;
    if (end > max) break;
    best = end;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return best;
}

/** Where to cut `text` so the first piece is at most `max` characters: between sentences if possible. */
export function findCut(text: string, max: number): number {
  if (text.length <= max) return text.length;
  if (max <= 0) return 0;
  const sentence = lastBoundary(text, max, SENTENCE_END);
  if (sentence >= max / 2) return sentence;
  const space = lastBoundary(text, max, /\s+/g);
  if (space >= max / 2) return space;
  if (sentence > 0) return sentence;
  // No boundary at all: hard cut, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Lays blocks out into messages of at most `limit` visible characters each, as HTML. */
export function paginate(blocks: Block[], limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let html = '';
  let length = 0;
  const flush = () => {
    if (length > 0) parts.push(html);
    html = '';
    length = 0;
  };
  for (const block of blocks) {
    let rest = block.text;
    if (rest.length === 0) {
      // A blank line between sections; pointless at the top of a message.
      if (length > 0 && length + 1 < limit) {
        html += '\n';
        length += 1;
      }
      continue;
    }
    while (rest.length > 0) {
      const sep = length > 0 && !html.endsWith('\n\n') ? '\n' : '';
      const room = limit - length - sep.length;
      if (rest.length <= room) {
        html += sep + wrap(rest, block.style);
        length += sep.length + rest.length;
        break;
      }
      // Start a fresh message rather than squeezing a small fragment into the end of this one.
      if (length > 0 && room < Math.min(rest.length, limit / 4)) {
        flush();
        continue;
      }
      const cut = findCut(rest, room);
      const piece = rest.slice(0, cut).trimEnd();
      if (piece) {
        html += sep + wrap(piece, block.style);
        length += sep.length + piece.length;
      }
      flush();
      rest = rest.slice(cut).trimStart();
    }
  }
  flush();
  return parts.map((p) => p.replace(/\n+$/, ''));
}

const LABELS = {
  zh: { sources: '来源', none: '（没有找到相关来源）', fullSources: '上一条回答的完整来源', noAnswerYet: '这个聊天里还没有回答，先问个问题吧。' },
  en: { sources: 'Sources', none: '(no matching sources)', fullSources: 'Full sources of the last answer', noAnswerYet: 'No answer in this chat yet — ask a question first.' },
} as const;

export function sourceLine(source: Source): string {
  return `${source.rank}. ${citationText(source)}`;
}

/** The answer, then its numbered sources ("title — file"), as message parts. */
export function renderAnswer(response: AskResponse, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const labels = LABELS[response.language] ?? LABELS.zh;
  const blocks: Block[] = [{ text: response.answer.trim() || labels.none }];
  const sources = citedSources(response);
  if (sources.length > 0) {
    blocks.push({ text: '' }, { text: `${labels.sources}:`, style: 'bold' });
    for (const s of sources) blocks.push({ text: sourceLine(s) });
  }
  for (const note of response.notes ?? []) blocks.push({ text: '' }, { text: note, style: 'italic' });
  return paginate(blocks, limit);
}

/** `/sources`: every retrieved passage of the last answer, in full, less sentences that instruct the reader. */
export function renderFullSources(response: AskResponse | undefined, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (!response) return paginate([{ text: LABELS.zh.noAnswerYet }, { text: LABELS.en.noAnswerYet }], limit);
  const labels = LABELS[response.language] ?? LABELS.zh;
  if (response.sources.length === 0) return paginate([{ text: labels.none }], limit);
  const blocks: Block[] = [{ text: `${labels.fullSources}:`, style: 'bold' }];
  for (const s of response.sources) {
    blocks.push({ text: '' }, { text: sourceLine(s), style: 'bold' }, { text: quotableText(s.text).trim(), style: 'quote' });
  }
  return paginate(blocks, limit);
}

// ---------- feedback buttons ----------
// callback_data (at most 64 bytes) carries the vote, the interaction id and a signature over
// (interaction id, chat, asker) made with the installation secret: a press is accepted only from
// the person who asked, in the chat where the answer was shown. `fb:u:12345:<22 chars>` is ≤ 45 bytes.

export type Vote = 'up' | 'down';
const FEEDBACK_DATA = /^fb:([ud]):(\d{1,15}):([A-Za-z0-9_-]{22})$/;

export interface SignedFeedback {
  vote: Vote;
  interactionId: number;
  signature: string;
}

export function feedbackData(vote: Vote, interactionId: number, signature: string): string {
  return `fb:${vote === 'up' ? 'u' : 'd'}:${interactionId}:${signature}`;
}

/** The press, or undefined for data that is not a (current) feedback button. */
export function parseFeedbackData(data: string): SignedFeedback | undefined {
  const m = FEEDBACK_DATA.exec(data);
  return m ? { vote: m[1] === 'u' ? 'up' : 'down', interactionId: Number(m[2]), signature: m[3] } : undefined;
}

/** Inline keyboard markup with 👍 / 👎 carrying the interaction id and its signature. */
export function feedbackKeyboard(interactionId: number, signature: string) {
  return {
    inline_keyboard: [[
      { text: '👍', callback_data: feedbackData('up', interactionId, signature) },
      { text: '👎', callback_data: feedbackData('down', interactionId, signature) },
    ]],
  };
}
