// Cutting a newspaper page (or any .txt/.md) into articles.
//
// A page arrives as text extracted from a layout: headline groups, bylines, photo captions, editor
// lines and body paragraphs, sometimes in reading order and sometimes not (a headline printed after
// its body). The splitter works in three passes, each a small function:
//   1. lines → units: every non-blank line gets a role from its shape alone (no page-specific strings);
//      body lines broken in mid-sentence by the layout are joined back.
//   2. units → articles: headline groups followed by body open articles; short heading lines inside
//      an article become subheads; trailing bylines close articles.
//   3. orphan headline groups (no body after them) are given to the article they belong to.
// Paragraph offsets always slice doc.text back to the paragraph's text.
import path from 'node:path';
import type { Article, Paragraph, SourceDocument } from '../ports.js';
import { endsSentence, isBrokenLine } from '../text/normalize.js';
import { splitSentences } from '../text/sentences.js';
import { classifyLines } from '../text/tables.js';

type Role =
  | 'heading' // markdown heading
  | 'headline' // short line without sentence punctuation
  | 'leadin' // short line ending with "——": the line above a headline, or the first half of a subhead
  | 'kicker' // line starting with "——": a subtitle
  | 'label' // section label such as ·民生实事· or a very short line
  | 'byline'
  | 'caption' // photo caption or photo credit
  | 'editor' // 策划/设计/编辑/校对 ...
  | 'marker' // a continuation marker standing alone
  | 'body';

interface Unit {
  role: Role;
  text: string;
  start: number;
  end: number;
  block: number;
  level?: number;
  /** Body only: byline printed in front of the paragraph (本报讯（记者 …）). */
  leadByline?: string;
  /** Body only: byline printed at its end ((本报记者 …)); the article ends here. */
  endByline?: string;
  /** Body only: the paragraph continues an article from another page (（上接第一版）). */
  continued?: boolean;
  /** Body only: the article continues on another page (（下转第二版）); it ends here. */
  jumps?: boolean;
  /** Body only: a line of a table ("东城区 | 每月每平方米11.2元"): a sentence of its own, never joined to its neighbours. */
  row?: boolean;
}

// ---------- pass 1: lines → units ----------

const MD_HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const WRAPPED_LABEL = /^[·•・][^·•・]{1,40}[·•・]$/;
const EDITOR = /^(策划|设计|编辑|责编|责任编辑|校对|美编|组版|审核|审校|监制|统筹|制图|排版|版式|视觉)[ \t]*[:：]/;
const CAPTION_START = /^(上|下|左|右|中|左上|右上|左下|右下|上左|上右|下左|下右)?[ \t]*图[ \t]*[①-⑳\d]*[ \t]*(为|[:：]|[ \t\u3000])/;
const PHOTO_CREDIT = /(?<!拍)摄(?:[ \t]*[/／][^\s]{1,16})?$/;
const BYLINE_LINE = /^(?:(?:文|图|文\/图|图\/文|文／图|图／文)[ \t]*[:：/／]?[ \t]*)?(?:本报|特约|见习)?(?:记者|通讯员|实习生)[ \t\u3000]*\S/;
const PAREN_LINE = /^[（(][^（）()]{1,40}[）)]$/;
const CONTINUED_FROM = /^[（(](?:上接|接第|紧接)[^（）()]{0,12}[）)][ \t]*/;
const CONTINUES_ON = /[ \t]*[（(](?:下转|转第|转下)[^（）()]{0,12}[）)]$/;
// 本报讯（记者 魏 濛）… · 本报讯 日前，… · 本报记者 尚丽）为深化… · 新华社北京1月1日电（记者 …）
const LEAD_BYLINE = /^(?:(?:本报讯|本报电|新华社[^\s，。（(]{0,12}电)[ \t\u3000]*(?:[（(][^（）()]{1,40}[）)])?|(?:本报|特约)(?:记者|通讯员)[^（）()，。]{1,30}[）)])[ \t\u3000]*/;
const END_BYLINE = /[ \t]*[（(](?:(?:本报|特约)?(?:记者|通讯员)[^（）()]{1,30}|据[^（）()]{1,20})[）)]$/;
const SENTENCE_PUNCT = /[。！？；!?;]/;

const HEADLINE_MAX = 40;
/** Lines this short are section labels ("聚焦", "评论") before a headline, or author names after one. */
const LABEL_MAX = 6;

function classifyLine(text: string): Pick<Unit, 'role' | 'level' | 'text'> {
  const md = MD_HEADING.exec(text);
  if (md) return { role: 'heading', level: md[1].length, text: md[2].trim() };
  if (EDITOR.test(text)) return { role: 'editor', text };
  if (WRAPPED_LABEL.test(text)) return { role: 'label', text };
  if (CAPTION_START.test(text)) return { role: 'caption', text };
  if (PHOTO_CREDIT.test(text)) return { role: 'caption', text };
  if (PAREN_LINE.test(text)) {
    if (CONTINUED_FROM.test(text) || CONTINUES_ON.test(text)) return { role: 'marker', text };
    return { role: 'byline', text };
  }
  if (text.length <= HEADLINE_MAX && BYLINE_LINE.test(text) && !SENTENCE_PUNCT.test(text)) return { role: 'byline', text };
  if (/^本报讯[（(][^（）()]{1,40}[）)]$/.test(text)) return { role: 'byline', text };
  if (text.startsWith('——')) return { role: 'kicker', text };
  if (text.length <= HEADLINE_MAX && text.endsWith('——') && !SENTENCE_PUNCT.test(text)) return { role: 'leadin', text };
  if (text.length <= HEADLINE_MAX && !endsSentence(text) && !/[，,、]$/.test(text) && !SENTENCE_PUNCT.test(text.slice(0, -1))) {
    return { role: text.length <= LABEL_MAX ? 'label' : 'headline', text };
  }
  return { role: 'body', text };
}

/** A caption that is a news report of its own: at least two sentences and PHOTO_NEWS_MIN_CHARS characters. */
const PHOTO_NEWS_MIN_CHARS = 80;
function isPhotoNews(text: string): boolean {
  return text.length >= PHOTO_NEWS_MIN_CHARS && (text.match(/[。！？]/g) ?? []).length >= 2;
}

/**
 * Whether the text has a newspaper page's furniture on some line: a photo caption or credit, an editor
 * line (编辑：…), a reporter's byline (本报记者 …, 本报讯（记者 …）, （记者 …）), a wrapped section label
 * (·民生实事·) or a continuation marker (上接第一版). A guide, an FAQ, a price list or a wiki article has
 * none: its short lines are its headings, not headlines of other articles.
 */
export function hasPageFurniture(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (EDITOR.test(line) || WRAPPED_LABEL.test(line) || CAPTION_START.test(line) || PHOTO_CREDIT.test(line)) return true;
    if (CONTINUED_FROM.test(line) || CONTINUES_ON.test(line) || LEAD_BYLINE.test(line) || END_BYLINE.test(line)) return true;
    if (line.length <= HEADLINE_MAX && BYLINE_LINE.test(line) && !SENTENCE_PUNCT.test(line)) return true;
  }
  return false;
}

/** The role the page splitter gives a line on its own shape (heading, headline, caption, editor, body, …). */
export function lineRole(text: string): Role {
  return classifyLine(text.trim()).role;
}

/** Strips lead/end bylines and continuation markers from a body unit, moving its offsets. */
function refineBody(u: Unit, source: string): Unit {
  let { start, end } = u;
  let text = source.slice(start, end);
  const out: Unit = { ...u };
  const cont = CONTINUED_FROM.exec(text);
  if (cont) {
    out.continued = true;
    start += cont[0].length;
    text = text.slice(cont[0].length);
  }
  const lead = LEAD_BYLINE.exec(text);
  if (lead && lead[0].length < text.length) {
    out.leadByline = lead[0].trim().replace(/^([^（(]*)[）)]$/, '$1');
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const jump = CONTINUES_ON.exec(text);
  if (jump) {
    out.jumps = true;
    end -= jump[0].length;
    text = text.slice(0, text.length - jump[0].length);
  }
  const tail = END_BYLINE.exec(text);
  if (tail && tail.index > 0) {
    out.endByline = tail[0].trim().replace(/^[（(]|[）)]$/g, '');
    end -= tail[0].length;
    text = text.slice(0, tail.index);
  }
  out.start = start;
  out.end = end;
  out.text = text;
  return out;
}

function linesToUnits(source: string): Unit[] {
  const units: Unit[] = [];
  let block = 0;
  let pos = 0;
  let lastWasBlank = true;
  for (const raw of source.split('\n')) {
    const lineStart = pos;
    pos += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) {
      if (!lastWasBlank) block++;
      lastWasBlank = true;
      continue;
    }
    lastWasBlank = false;
    const start = lineStart + lead;
    const c = classifyLine(text);
    units.push({ ...c, start, end: start + text.length, block });
  }
  // The lines of a table (cells joined by " | ") are body text, one row a line, whatever their shape
  // (a short row looks like a headline).
  classifyLines(units.map((u) => u.text)).forEach((line, i) => {
    if (line.kind !== 'prose') units[i] = { ...units[i], role: 'body', row: true };
  });
  return joinBrokenLines(units, source).map((u) => (u.role === 'body' ? refineBody(u, source) : u));
}

/** A sentence cut by the layout ("…实施“全科社" + "工”培养工程…") becomes one body unit again. */
function joinBrokenLines(units: Unit[], source: string): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    const joinable = (r: Role) => r === 'body' || r === 'headline' || r === 'label';
    if (prev && joinable(prev.role) && joinable(u.role) && !prev.row && !u.row) {
      const prevText = source.slice(prev.start, prev.end);
      const sameBlockProse = prev.block === u.block && prev.role === 'body' && u.role === 'body';
      if (sameBlockProse || isBrokenLine(prevText, u.text)) {
        prev.role = 'body';
        prev.end = u.end;
        prev.text = source.slice(prev.start, prev.end);
        prev.block = u.block;
        continue;
      }
    }
    out.push({ ...u });
  }
  // A body line directly followed by a photo credit is that photo's caption — unless it is photo news:
  // a report of several sentences printed under a photo ("7月10日，…水库…工作人员…检查…。进入汛期以来，…。"),
  // whose facts are the page's only account of that event, so it stays body text.
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i].role === 'body' && out[i + 1].role === 'caption' && PHOTO_CREDIT.test(out[i + 1].text) && out[i + 1].text.length <= 30 && !isPhotoNews(out[i].text)) {
      out[i].role = 'caption';
    }
  }
  return out;
}

// ---------- pass 2: units → articles ----------

interface Draft {
  header: Unit[];
  title?: string;
  subtitle?: string;
  byline?: string;
  subheads: string[];
  paragraphs: Paragraph[];
  start: number;
  end: number;
  ended: boolean;
}

const isHeadingLike = (u: Unit) => u.role === 'heading' || u.role === 'headline' || u.role === 'leadin' || u.role === 'kicker' || u.role === 'label';

/** Splits a pending group into clusters: a byline or editor line closes a cluster when more headings follow. */
function clusters(group: Unit[]): Unit[][] {
  const out: Unit[][] = [];
  let cur: Unit[] = [];
  for (const u of group) {
    const closer = cur.length > 0 && (cur[cur.length - 1].role === 'byline' || cur[cur.length - 1].role === 'editor');
    if (closer && isHeadingLike(u) && cur.some((c) => c.role !== 'label' && isHeadingLike(c))) {
      out.push(cur);
      cur = [];
    }
    cur.push(u);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Joins lines of the same layout block ("绛县市场监督管理局" + "开展食品安全…"); blocks apart stay apart. */
function mergeSameBlock(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    const mergeable = (r: Role) => r === 'headline' || r === 'leadin' || r === 'label';
    if (prev && prev.block === u.block && mergeable(prev.role) && mergeable(u.role) && prev.role !== 'label') {
      out[out.length - 1] = { ...prev, role: 'headline', text: prev.text + u.text, end: u.end };
      continue;
    }
    out.push(u);
  }
  return out;
}

interface Header {
  title?: string;
  subtitle?: string;
  byline?: string;
  /** Section headings printed between the title and the first paragraph. */
  sections: string[];
  /** The group is certainly an article header (not a subhead). */
  strong: boolean;
}

/**
 * Chooses the headline of a group. Chinese headlines come as 引题 (lead-in, above), 主题 (main) and
 * 副题 (subtitle, below, often "——…"): with a "——" subtitle the main title is the line above it; after a
 * lead-in ending in "——" it is the line below; with three plain lines it is the middle one.
 * Markdown: "#" is the title; a short "##" followed by a deeper heading is a section label.
 */
function readHeader(group: Unit[]): Header {
  const units = mergeSameBlock(group);
  const bylines = units.filter((u) => u.role === 'byline').map((u) => u.text);
  const firstCandidate = units.findIndex((u) => u.role === 'heading' || u.role === 'headline' || u.role === 'leadin');
  const candidates: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.role === 'label') {
      // A very short line after the headline is the author ("牛惠"); before it, a section label.
      if (firstCandidate >= 0 && i > firstCandidate && !WRAPPED_LABEL.test(u.text)) bylines.push(u.text);
      else if (firstCandidate >= 0 && i > firstCandidate) bylines.push(u.text.replace(/^[·•・]|[·•・]$/g, ''));
      continue;
    }
    if (u.role === 'heading' || u.role === 'headline' || u.role === 'leadin' || u.role === 'kicker') candidates.push(u);
  }
  const headings = candidates.filter((u) => u.role === 'heading');
  let title: Unit | undefined;
  const h1 = headings.find((u) => u.level === 1);
  if (h1) title = h1;
  else if (headings.length) {
    const usable = headings.filter((u, i) => {
      const deeperFollows = headings.slice(i + 1).some((d) => (d.level ?? 0) > (u.level ?? 0));
      return !(deeperFollows && u.text.length <= 10 && !/[，。“”「」：:]/.test(u.text));
    });
    title = usable[0] ?? headings[headings.length - 1];
  } else {
    const plain = candidates.filter((u) => u.role === 'headline');
    const kicker = candidates.findIndex((u) => u.role === 'kicker');
    const leadin = candidates.findIndex((u) => u.role === 'leadin');
    if (kicker > 0) title = [...candidates.slice(0, kicker)].reverse().find((u) => u.role === 'headline');
    if (!title && leadin >= 0) title = candidates.slice(leadin + 1).find((u) => u.role === 'headline');
    if (!title) title = plain.length >= 3 ? plain[1] : plain[0];
    if (!title) title = candidates.find((u) => u.role === 'leadin' || u.role === 'kicker');
  }
  // Markdown headings deeper than the title that follow it ("# 指南" then "### 申请条件") open sections.
  const sections = title?.role === 'heading' ? headings.filter((u) => u.start > title!.start && (u.level ?? 0) > (title!.level ?? 0)) : [];
  const rest = candidates.filter((u) => u !== title && !sections.includes(u)).map((u) => u.text);
  const strong =
    bylines.length > 0 ||
    candidates.some((u) => u.role === 'kicker' || (u.role === 'heading' && (u.level ?? 9) <= 2)) ||
    group.some((u) => u.role === 'label' || u.role === 'editor');
  return {
    title: title ? stripTitle(title.text) : undefined,
    subtitle: rest.length ? rest.join(' ') : undefined,
    byline: bylines.length ? bylines.join(' ') : undefined,
    sections: sections.map((u) => u.text),
    strong,
  };
}

function stripTitle(s: string): string {
  return s.replace(/——$/, '').trim();
}

/** The text of a group used as a subhead inside an article ("“小板凳”架桥——" + "民声落地成实事"). */
function subheadText(group: Unit[]): string {
  return mergeSameBlock(group.filter(isHeadingLike))
    .map((u) => u.text)
    .join(' ')
    .trim();
}

function newDraft(start: number): Draft {
  return { header: [], subheads: [], paragraphs: [], start, end: start, ended: false };
}

interface Orphan {
  header: Header;
  units: Unit[];
  /** Index of the article that was current when the orphan appeared (-1: none). */
  after: number;
}

function unitsToDrafts(units: Unit[]): { drafts: Draft[]; orphans: Orphan[] } {
  const drafts: Draft[] = [];
  const orphans: Orphan[] = [];
  let pending: Unit[] = [];
  let current: Draft | undefined;
  let subhead: string | undefined;

  const openArticle = (header: Header | undefined, units: Unit[], at: number) => {
    current = newDraft(units.length ? Math.min(units[0].start, at) : at);
    if (header) Object.assign(current, { title: header.title, subtitle: header.subtitle, byline: header.byline, header: units });
    drafts.push(current);
    subhead = undefined;
  };

  for (const u of units) {
    if (u.role === 'caption' || u.role === 'marker') {
      if (u.role === 'marker' && /^[（(](下转|转)/.test(u.text) && current) current.ended = true;
      continue;
    }
    if (u.role === 'byline' && pending.length === 0 && current && !current.ended) {
      // A byline right after body text signs the article and closes it.
      current.byline ??= u.text.replace(/^[（(]|[）)]$/g, '').replace(/^[·•・]|[·•・]$/g, '');
      current.end = Math.max(current.end, u.end);
      current.ended = true;
      continue;
    }
    if (u.role === 'label' && WRAPPED_LABEL.test(u.text) && pending.length === 0 && current && !current.ended && current.paragraphs.length) {
      // ·李恒稼· after body: the author, printed at the end.
      current.byline ??= u.text.replace(/^[·•・]|[·•・]$/g, '');
      current.ended = true;
      continue;
    }
    if (u.role !== 'body') {
      pending.push(u);
      continue;
    }
    // A body paragraph: decide what the pending group was.
    const groups = pending.length ? clusters(pending) : [];
    const lastGroup = groups.pop();
    for (const g of groups) orphans.push({ header: readHeader(g), units: g, after: drafts.length - 1 });
    const header = lastGroup ? readHeader(lastGroup) : undefined;
    const startsNew =
      !current ||
      current.ended ||
      u.continued === true ||
      u.leadByline !== undefined ||
      (header !== undefined && header.strong);
    if (startsNew) {
      openArticle(header, lastGroup ?? [], u.start);
      if (header?.sections.length && current) {
        current.subheads.push(...header.sections);
        subhead = header.sections[header.sections.length - 1];
      }
    } else if (lastGroup && current) {
      const text = subheadText(lastGroup);
      if (text) {
        subhead = text;
        current.subheads.push(text);
      }
    }
    pending = [];
    const draft = current as Draft;
    // "本报讯" alone names nobody; a signature at the end may still do.
    if (u.leadByline && !draft.byline && !/^(本报讯|本报电)$/.test(u.leadByline)) draft.byline = u.leadByline;
    draft.paragraphs.push({ text: u.text, start: u.start, end: u.end, ...(subhead ? { subhead } : {}) });
    draft.end = u.end;
    if (u.endByline !== undefined) {
      draft.byline ??= u.endByline;
      draft.ended = true;
    }
    if (u.jumps) draft.ended = true;
  }
  if (pending.length) for (const g of clusters(pending)) orphans.push({ header: readHeader(g), units: g, after: drafts.length - 1 });
  return { drafts, orphans };
}

// ---------- pass 3: orphan headlines ----------

function bigrams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const s = text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Where inside `draft` a second article (whose headline was printed after its body) begins:
 * the paragraph boundary with the lowest word overlap between the text before and after it,
 * nudged towards boundaries after which the orphan headline's words appear. Null when no boundary
 * is clearly a topic change.
 */
function findTopicBreak(draft: Draft, orphanTitle: string): number | null {
  const paras = draft.paragraphs;
  // Never cut into the first subhead section of the article the paragraphs belong to.
  const lastSub = draft.subheads.length ? paras.findIndex((p) => p.subhead === draft.subheads[draft.subheads.length - 1]) : 0;
  // Bounded search (the last 60 paragraphs) keeps a huge article linear.
  const from = Math.max(1, lastSub + 1, paras.length - 60);
  if (paras.length - from < 1) return null;
  const titleGrams = bigrams(orphanTitle);
  const WINDOW = 3;
  let best: { k: number; score: number } | null = null;
  const sims: number[] = [];
  for (let k = from; k < paras.length; k++) {
    const head = bigrams(paras.slice(Math.max(0, k - WINDOW), k).map((p) => p.text).join(''));
    const tail = bigrams(paras.slice(k, k + WINDOW).map((p) => p.text).join(''));
    const sim = cosine(head, tail);
    sims.push(sim);
    const titleAfter = cosine(titleGrams, bigrams(paras.slice(k).map((p) => p.text).join('')));
    const titleBefore = cosine(titleGrams, bigrams(paras.slice(Math.max(0, from - 1), k).map((p) => p.text).join('')));
    const score = sim - (titleAfter - titleBefore);
    if (!best || score < best.score) best = { k, score };
  }
  if (!best) return null;
  const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
  const bestSim = sims[best.k - from];
  return sims.length === 1 || bestSim <= mean * 0.8 ? best.k : null;
}

function placeOrphans(drafts: Draft[], orphans: Orphan[]): Draft[] {
  const out = [...drafts];
  for (const orphan of orphans) {
    if (!orphan.header.title) continue;
    const target = out[out.indexOf(drafts[orphan.after])] as Draft | undefined;
    if (!target) continue;
    if (!target.title) {
      // The body came first, untitled; this is its headline.
      target.title = orphan.header.title;
      target.subtitle ??= orphan.header.subtitle;
      target.byline ??= orphan.header.byline;
      continue;
    }
    // Only a full header (headline and byline) printed after its body is evidence of a second
    // article hidden in this one; a lone short line there is usually a photo caption.
    if (!orphan.header.byline) continue;
    const k = findTopicBreak(target, orphan.header.title);
    if (k === null) continue;
    const moved = target.paragraphs.splice(k).map((p) => ({ text: p.text, start: p.start, end: p.end }));
    target.end = target.paragraphs[target.paragraphs.length - 1].end;
    target.subheads = target.subheads.filter((s) => target.paragraphs.some((p) => p.subhead === s));
    const split: Draft = {
      ...newDraft(moved[0].start),
      title: orphan.header.title,
      subtitle: orphan.header.subtitle,
      byline: orphan.header.byline,
      paragraphs: moved,
      end: Math.max(moved[moved.length - 1].end, ...orphan.units.map((u) => u.end)),
      ended: true,
    };
    out.splice(out.indexOf(target) + 1, 0, split);
  }
  return out;
}

// ---------- assembling ----------

function fallbackTitle(doc: SourceDocument, draft: Draft, only: boolean): string {
  if (only) {
    const firstLine = doc.text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
    const cleaned = firstLine.replace(/^#+\s*/, '');
    if (cleaned && cleaned.length <= HEADLINE_MAX) return cleaned;
    return path.basename(doc.id).replace(/\.[^.]+$/, '');
  }
  const first = draft.paragraphs[0]?.text ?? '';
  const sentence = (splitSentences(first)[0]?.text ?? first).trim();
  return sentence.length <= 30 ? sentence : `${sentence.slice(0, 30)}…`;
}

/** Splits one page into articles. Pure: the same document always gives the same articles. */
export function splitPage(doc: SourceDocument): Article[] {
  const units = linesToUnits(doc.text);
  const { drafts, orphans } = unitsToDrafts(units);
  const placed = placeOrphans(drafts, orphans).filter((d) => d.paragraphs.length > 0);
  return placed.map((d) => {
    const article: Article = {
      docId: doc.id,
      title: d.title || fallbackTitle(doc, d, placed.length === 1),
      subheads: d.subheads,
      paragraphs: d.paragraphs,
      start: Math.min(d.start, d.paragraphs[0].start),
      end: Math.max(d.end, d.paragraphs[d.paragraphs.length - 1].end),
    };
    if (d.subtitle) article.subtitle = d.subtitle;
    if (d.byline) article.byline = d.byline;
    return article;
  });
}
