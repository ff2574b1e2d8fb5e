// Chunking articles into the units that are indexed and cited: whole sentences packed up to a size,
// with trailing sentences carried over as overlap. Never crosses an article; starts a new chunk at
// every subhead. A table row that opens a chunk brings its table's header row along (the column names
// say what its cells are), so a long table split across chunks keeps its header in every part.
import type { Article, Chunk } from '../ports.js';
import { endsSentence, normalizeText, startsField } from '../text/normalize.js';
import { type SentenceSpan, splitSentences } from '../text/sentences.js';
import { classifyLines } from '../text/tables.js';

/** Bump whenever chunk boundaries or fields change: an index built by another version is stale. */
export const CHUNKER_VERSION = 'sentences-v3';

export interface ChunkOptions {
  /** Target maximum chunk length in characters of original text. */
  size: number;
  /** Characters of trailing sentences repeated at the start of the next chunk. */
  overlap: number;
}

/** A sentence (or a piece of an over-long one) with page offsets. */
interface Piece {
  start: number;
  end: number;
  paragraph: number;
  subhead?: string;
  /** A table row: the piece of its table's header row (in the same article), when it has one. */
  header?: Piece;
  /** A header row repeated at the start of a chunk: context, not the chunk's own text. */
  repeated?: true;
}

const SOFT_BREAKS = /[，、,：:]/;

/** Cuts an over-long sentence at commas where possible, else every `size` characters. */
function cutLong(text: string, offset: number, size: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  while (text.length - from > size) {
    let cut = -1;
    for (let i = from + size; i > from + size / 3; i--) {
      if (SOFT_BREAKS.test(text[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut === -1) {
      cut = from + size;
      // Do not split a surrogate pair.
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut++;
    }
    out.push({ start: offset + from, end: offset + cut });
    from = cut;
  }
  if (from < text.length) out.push({ start: offset + from, end: offset + text.length });
  return out;
}

/**
 * Sentences of a paragraph. A paragraph may hold a line the layout broke mid-sentence
 * ("…实施“全科社" / "工”培养工程…"): a line that does not end a sentence runs on into the next.
 */
function sentencesOf(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of splitSentences(text)) {
    const prev = out[out.length - 1];
    // (…unless the line opens a field of its own: "Address: …" after a name line, 办理地点：… after 办理时限：20个工作日.)
    if (prev && !endsSentence(prev.text) && !startsField(s.text)) {
      prev.end = s.end;
      prev.text = text.slice(prev.start, prev.end);
    } else out.push({ ...s });
  }
  return out;
}

function articlePieces(article: Article, size: number): Piece[] {
  const pieces: Piece[] = [];
  // Table lines are one-line paragraphs (.txt rows "东城区 | 每月每平方米11.2元"); a paragraph of several lines is prose.
  const lines = classifyLines(article.paragraphs.map((p) => (p.text.trim().includes('\n') ? '' : p.text)));
  const headers = new Map<number, Piece>();
  article.paragraphs.forEach((p, paragraph) => {
    const line = lines[paragraph];
    const header = line.kind === 'row' && line.header !== null ? headers.get(line.header) : undefined;
    for (const s of sentencesOf(p.text)) {
      // Trim whitespace so chunk boundaries sit on visible text.
      const lead = s.text.length - s.text.trimStart().length;
      const body = s.text.trim();
      if (!body) continue;
      for (const part of cutLong(body, p.start + s.start + lead, size)) {
        const piece: Piece = { ...part, paragraph, ...(p.subhead ? { subhead: p.subhead } : {}), ...(header && header.subhead === p.subhead ? { header } : {}) };
        if (line.kind === 'header' && !headers.has(paragraph)) headers.set(paragraph, piece);
        pieces.push(piece);
      }
    }
  });
  return pieces;
}

const length = (ps: Piece[]) => ps.reduce((n, p) => n + (p.end - p.start), 0);

/** Groups pieces into chunks: break at subheads and at `size`; carry up to `overlap` chars forward. */
function pack(pieces: Piece[], size: number, overlap: number): Piece[][] {
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let fresh = 0; // pieces in `current` that are not overlap
  for (const piece of pieces) {
    const subheadChanged = current.length > 0 && piece.subhead !== current[current.length - 1].subhead;
    const tooLong = current.length > 0 && length(current) + (piece.end - piece.start) > size;
    if (subheadChanged || tooLong) {
      if (fresh > 0) groups.push(current);
      const carry: Piece[] = [];
      if (!subheadChanged && overlap > 0) {
        for (let i = current.length - 1; i >= 1 && !current[i].repeated; i--) {
          if (length(carry) + (current[i].end - current[i].start) > overlap) break;
          carry.unshift(current[i]);
        }
        while (carry.length && length(carry) + (piece.end - piece.start) > size) carry.shift();
      }
      // A table row opening the chunk is read under its header row: repeat the header (never carried on).
      const opener = carry[0] ?? piece;
      if (opener.header && !carry.includes(opener.header)) carry.unshift({ ...opener.header, repeated: true });
      current = carry;
      fresh = 0;
    }
    current.push(piece);
    fresh++;
  }
  if (fresh > 0) groups.push(current);
  return groups;
}

/** The display text of a group: original slices, one paragraph per line. */
function groupText(source: Article, group: Piece[]): string {
  const parts: string[] = [];
  let last: Piece | undefined;
  for (const piece of group) {
    const para = source.paragraphs[piece.paragraph];
    const slice = para.text.slice(piece.start - para.start, piece.end - para.start);
    if (!last) parts.push(slice);
    else if (last.paragraph !== piece.paragraph) parts.push('\n', slice);
    else parts.push(para.text.slice(last.end - para.start, piece.start - para.start), slice);
    last = piece;
  }
  return parts.join('');
}

/**
 * Chunks the articles of one or more documents. Ordinals count per document, so ids are
 * `${docId}#0`, `${docId}#1`, … in reading order.
 */
export function chunkArticles(articles: Article[], options: ChunkOptions): Chunk[] {
  const size = Math.max(1, Math.floor(options.size));
  const overlap = Math.max(0, Math.min(Math.floor(options.overlap), size - 1));
  const chunks: Chunk[] = [];
  const ordinals = new Map<string, number>();
  for (const article of articles) {
    for (const group of pack(articlePieces(article, size), size, overlap)) {
      const ordinal = ordinals.get(article.docId) ?? 0;
      ordinals.set(article.docId, ordinal + 1);
      const text = groupText(article, group);
      // Offsets and paragraph are the chunk's own text's (a repeated header row is not).
      const first = group.find((p) => !p.repeated) ?? group[0];
      const chunk: Chunk = {
        id: `${article.docId}#${ordinal}`,
        docId: article.docId,
        title: article.title,
        text,
        normText: normalizeText(text),
        paragraph: first.paragraph,
        start: first.start,
        end: group[group.length - 1].end,
        ordinal,
      };
      if (first.subhead) chunk.subhead = first.subhead;
      chunks.push(chunk);
    }
  }
  return chunks;
}
