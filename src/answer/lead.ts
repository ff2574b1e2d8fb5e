// The answer's first line: one short statement of the fact asked for, with [n], before any quote.
//  - a figure or date question: the figure of the asked kind in its clause ("巷道全长500米[1]"); in English
//    the figure glossed, then the Chinese clause ("500 m — “巷道全长500米” [1]");
//  - any other question: the clause of the best sentence that carries the question's terms, with the
//    clause that follows it when that one is short (the answer often follows its subject:
//    "邹游（1990年5月30日－），中国足球运动员"), cut to LEAD_MAX characters around the terms;
//  - a table row: the cell asked for under its column name, after the cell that names the row
//    ("东城区，租金标准：每月每平方米11.2元"), never half a row.
import type { Language } from '../ports.js';
import { englishFigureSpan, figureMentions, FREE_UNIT, type FigureMention } from './figures.js';
import { normalizeText } from '../text/normalize.js';
import { stemEnglish } from '../text/stem.js';
import { isLatinRow, pairText, rowLabel, rowPairs, type TableRow } from '../text/tables.js';

/** Longest lead line around a figure, in characters, before [n]. */
export const LEAD_MAX = 60;
/** Longest lead line taken from a sentence when no figure is asked for (the fact must sit in the first 80 characters). */
export const SENTENCE_LEAD_MAX = 76;

// A colon between digits is a time of day (9:00), not a clause break.
const CLAUSE = /(?:[^,;:，；：!?！？。]|(?<=\d)[:：](?=\d))+[,;:，；：!?！？。]?/g;

interface Clause {
  /** As written (what readers see). */
  text: string;
  /** Normalised (what figures and terms are matched in). */
  norm: string;
  start: number;
  end: number;
}

function clauses(text: string): Clause[] {
  return [...text.matchAll(CLAUSE)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, norm: normalizeText(m[0]) }));
}

/** Trailing clause punctuation dropped: the lead is a statement, [n] follows it. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;:，；：、]+/, '').replace(/[\s,;:，；：、。!?！？]+$/, '').trim();
}

/** The clause of `sentence` (as written) holding the figure, cut to LEAD_MAX characters around it. */
export function figureClause(sentence: string, figure: FigureMention): string {
  const holder = clauses(sentence).find((c) => c.norm.includes(figure.text));
  if (!holder) return tidy(wholeWords(sentence, 0, LEAD_MAX));
  let text = holder.text;
  if (text.length > LEAD_MAX) {
    const at = Math.max(0, holder.norm.indexOf(figure.text));
    const from = Math.max(0, Math.min(at - 24, text.length - LEAD_MAX));
    text = wholeWords(text, from, from + LEAD_MAX);
  }
  return tidy(text);
}

/**
 * text.slice(from, to), without the pieces of English words cut at either end ("ning track is open …
 * National Fi" becomes "track is open … National"). Chinese has no word spaces: cut as is.
 */
export function wholeWords(text: string, from: number, to: number): string {
  let piece = text.slice(from, to);
  // (An apostrophe inside a word is the word's: "Old Yang's Room" cut after "Yang" drops "'s" too. A number is one
  // word with its separators: "6,000 yuan" cut after "6," drops "6,", not shown as the figure 6.)
  const inWord = (i: number) => /[A-Za-z0-9'’]/.test(text[i] ?? '') || (/[,.]/.test(text[i] ?? '') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  if (from > 0 && inWord(from - 1) && inWord(from)) piece = piece.replace(/^(?:[A-Za-z0-9'’]|[,.](?=\d))+/, '');
  if (to < text.length && inWord(to) && inWord(to - 1)) piece = piece.replace(/(?:[A-Za-z0-9'’]|(?<=\d)[,.])+$/, '');
  return piece;
}

/** A clause saying by what means something is done (通过…微信群反馈, 拨打…热线, 登录…小程序, 向…提出申请, 到…办理), not a means one lacks (无法线上结算的患者). */
const MEANS = /(?<!无法|不能|不可|未能|没法)(?:通过|拨打|登录|扫码|扫描|关注|下载|前往|携带|线上|网上|小程序|公众号|热线|向[^，,。；;]{1,20}(?:申请|提出|报名|反映|举报|咨询|申报)|到[^，,。；;]{1,20}(?:办理|申请|报名|提交|领取))/;
/** What a clause saying how something is done adds, among those naming a word asked: above the words' lengths, below the facet asked. */
const MEANS_BONUS = 50;

/**
 * The clause window of the sentence that best carries the question's terms: the best clause, plus
 * the clause after it while the window stays within LEAD_MAX (the fact often follows the subject).
 * A clause giving the facet asked comes first, then one naming what the question asks of its subject
 * (`attribute`: 由霍震霆担任会长 for 会长是谁, after a first clause that only names the association); for a "how"
 * question (`kind`), one saying by what means before one that only names who does it.
 */
export function bestClauses(sentence: string, terms: readonly string[], facet?: RegExp, attribute: readonly string[] = [], kind?: string): string {
  // A short sentence is its own best statement.
  if (tidy(sentence).length <= SENTENCE_LEAD_MAX) return tidy(sentence);
  const parts = clauses(sentence);
  if (!parts.length) return tidy(wholeWords(sentence, 0, LEAD_MAX));
  // The clause giving the facet asked (营业时间为每天8:00至18:00 of "when does it open") comes before the one
  // that only names the topic (城关街道回收站位于解放路88号).
  const gives = (c: Clause) => (facet && facet.test(c.norm) ? 1000 : 0);
  const names = (c: Clause) => (attribute.some((t) => c.norm.includes(t)) ? 100 : 0);
  // (A "how" question: the clause saying by what means — 通过“骑手”微信群随手反馈… — before one only naming who does it.)
  const scoreOf = (c: Clause) => {
    const words = terms.reduce((sum, t) => sum + (t.length >= 2 && c.norm.includes(t) ? t.length : 0), 0);
    const means = kind === 'how' && words > 0 && MEANS.test(c.norm) ? MEANS_BONUS : 0;
    return gives(c) + names(c) + means + words;
  };
  const scores = parts.map(scoreOf);
  const best = scores.indexOf(Math.max(...scores));
  let text = parts[best].text;
  for (let i = best + 1; i < parts.length && (text + parts[i].text).length <= SENTENCE_LEAD_MAX; i++) {
    text += parts[i].text;
    if (/[。!?！？]$/.test(parts[i].text)) break;
  }
  if (text.length > SENTENCE_LEAD_MAX) text = wholeWords(text, 0, SENTENCE_LEAD_MAX);
  return tidy(text);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const UNIT_GLOSS: [RegExp, string][] = [
  [/^(\d+(?:\.\d+)?)余?(?:周|个星期)$/, '$1 weeks'],
  [/^(\d+(?:\.\d+)?)余?米$/, '$1 m'],
  [/^(\d+(?:\.\d+)?)余?(?:公里|千米)$/, '$1 km'],
  [/^(\d+(?:\.\d+)?)余?(?:平方米|平米)$/, '$1 m²'],
  [/^(\d+(?:\.\d+)?)余?(?:元|块)$/, '$1 yuan'],
  [/^(\d+(?:\.\d+)?)余?(?:名|人|位)$/, '$1 people'],
  [/^(\d+(?:\.\d+)?)余?人次$/, '$1 person-visits'],
  [/^(\d+(?:\.\d+)?)余?户$/, '$1 households'],
  [/^(\d+(?:\.\d+)?)余?(?:周岁|岁)$/, '$1 years old'],
  [/^(\d+(?:\.\d+)?)余?(?:个工作日|工作日)$/, '$1 working days'],
  [/^(\d+(?:\.\d+)?)余?(?:天|日)$/, '$1 days'],
  [/^(\d+(?:\.\d+)?)余?小时$/, '$1 hours'],
  [/^(\d+(?:\.\d+)?)余?分钟$/, '$1 minutes'],
  [/^(\d+(?:\.\d+)?)余?个月$/, '$1 months'],
  [/^(\d+(?:\.\d+)?)余?(?:公斤|千克)$/, '$1 kg'],
  [/^(\d+(?:\.\d+)?)余?(?:个|家|所|项|座|条|次|期|间|台|辆)$/, '$1'],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/, '$1-$2-$3'],
  [/^(\d{4})年(\d{1,2})月$/, '$1-$2'],
  [/^(\d{4})年$/, 'year $1'],
  [/^(\d+(?:\.\d+)?)%$/, '$1%'],
];

/** A figure in English ("500米" → "500 m", "2025年7月" → "2025-07"); null when it has no plain English form. */
export function glossFigure(figure: string): string | null {
  const raw = figure.replace(/\s+/g, '');
  // A day of a month: 12月12日 → 12 December.
  const day = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(raw);
  if (day && +day[1] >= 1 && +day[1] <= 12) return `${+day[2]} ${MONTHS[+day[1] - 1]}`;
  // 万 and 亿 are written out (861.72万元 → 8,617,200 yuan; 1.5亿元 → 150 million yuan).
  const big = /^(\d+(?:\.\d+)?)(万|亿)(余|多)?(.*)$/.exec(raw);
  if (big) {
    const value = Math.round(Number(big[1]) * (big[2] === '万' ? 1e4 : 1e8) * 100) / 100;
    const english = big[4] ? glossFigure(`${value}${big[4]}`) : String(value);
    return english && `${big[3] ? 'over ' : ''}${english.replace(/^(over )?(\d+(?:\.\d+)?)/, (_, over: string | undefined, n: string) => `${over ?? ''}${englishNumber(Number(n))}`)}`;
  }
  const gloss = UNIT_GLOSS.find(([re]) => re.test(raw));
  if (!gloss) return null;
  const english = raw.replace(gloss[0], gloss[1]);
  return /(余|多)/.test(raw) ? `over ${english}` : english;
}

/** 8617200 → "8,617,200"; 150000000 → "150 million". */
function englishNumber(n: number): string {
  return n >= 1e8 ? `${Math.round((n / 1e6) * 100) / 100} million` : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The lead of a table row: the cell holding the asked figure (else the cell whose column the question
 * names) under its column name, after the cell that names the row. Null when the question singles out
 * no cell (the whole row is then the statement).
 */
export function rowLead(row: TableRow, figure: FigureMention | null, terms: readonly string[]): string | null {
  const pairs = rowPairs(row);
  const label = rowLabel(pairs);
  // (Read without case: an English question's words are lower-case stems, a column's name is written "Bin colour".)
  const holds = (text: string, t: string) => normalizeText(text).toLowerCase().includes(t.toLowerCase());
  const mentions = (text: string): number => terms.reduce((sum, t) => sum + (t.length >= 2 && holds(text, t) ? t.length : 0), 0);
  const holding = figure ? pairs.filter((p) => normalizeText(p.cell).includes(figure.text)) : [];
  let target = holding.find((p) => p !== label) ?? holding[0];
  if (!target) {
    const named = pairs.filter((p) => p !== label && p.name && mentions(p.name) > 0);
    target = named.sort((a, b) => mentions(b.name) - mentions(a.name))[0];
  }
  if (!target) return null;
  const latin = isLatinRow(pairs);
  const stated = pairText(target, latin);
  // What the row is: its label and the other cells the question names (空调 1.5匹挂机), in column order.
  const beyondLabel = (cell: string) => terms.some((t) => t.length >= 2 && holds(cell, t) && !holds(label?.cell ?? '', t));
  const naming = pairs.filter((p) => p !== target && (p === label || beyondLabel(p.cell))).map((p) => p.cell);
  if (!naming.length) return stated;
  const named = `${naming.join(' ')}${latin ? ', ' : '，'}${stated}`;
  // (An English row whose label runs long states the asked cell first, the row after it, so the fact stays in the
  // short line: "Price: 15 yuan — Swimming pool, seniors aged 60 and over, children under 1.2 metres".)
  return latin && named.length > ENGLISH_LEAD_MAX ? `${stated} — ${naming.join(' ')}` : named;
}

/**
 * The lead line from a sentence as written, without [n], and the part of the sentence it quotes. `figure` is the best figure of the asked kind in the sentence, when asked for one;
 * `row` the table row the sentence is (its text the row read with its header); `kind` the kind of question (a "where" question leads with the address).
 */
export function leadLine(sentence: string, language: Language, figure: FigureMention | null, terms: readonly string[], row?: TableRow, kind?: string, facet?: RegExp, attribute: readonly string[] = []): { line: string; clause: string } {
  const fromRow = row ? rowLead(row, figure, terms) : null;
  // An English sentence (or row) read by an English asker: the fact in its own words, no quote marks around it.
  if (language === 'en' && !/\p{Script=Han}/u.test(fromRow ?? sentence)) {
    const clause = fromRow ?? englishFact(sentence, figure, terms, kind, facet);
    return { line: clause, clause };
  }
  // (A figure's clause that does not give the facet asked, where another clause does, gives way to it: 首批8所…已开放 to
  // 分别是柘湾一小、柘湾二小… of "which are the 8 schools".)
  const ofFigure = figure ? figureClause(sentence, figure) : null;
  const clause = fromRow ?? (ofFigure !== null && !(facet && !facet.test(ofFigure) && facet.test(sentence)) ? ofFigure : bestClauses(sentence, terms, facet, attribute, kind));
  if (language === 'zh') return { line: clause, clause };
  // A Chinese clause for an English asker: the figure in English first, the clause quoted as written (the
  // reader checks it against the source). Without a figure, the clause alone, quoted.
  // (A statement that it costs nothing — 免费, 无需缴纳押金: freeMentions — reads "free", or "no deposit".)
  const english = !figure ? null : figure.unit === FREE_UNIT ? (/押金/.test(figure.text) ? 'no deposit' : 'free') : glossFigure(figure.text);
  return { line: english ? `${english} — “${clause}”` : `“${clause}”`, clause };
}

/** Longest English lead, in characters, before [n]: a short line that states the fact, not its sentence. */
export const ENGLISH_LEAD_MAX = 76;
/** How few characters past a window's end an English piece may run for the window to reach its end instead. */
const TAIL_REACH = 16;

// English clause breaks: a sentence end, a comma, semicolon or colon followed by a space (not 3,000 or
// 8:30), a dash between words. The pieces keep their trailing break.
const ENGLISH_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9“"(])|(?<=[,;:])\s+|\s+(?=[—–]\s)/g;

function englishPieces(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(ENGLISH_BREAK)) {
    const end = m.index ?? 0;
    if (end > start) out.push({ text: text.slice(start, end), start, end, norm: normalizeText(text.slice(start, end)) });
    start = end + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length, norm: normalizeText(text.slice(start)) });
  return out;
}

// What states a place in English, strongest first: a street address with its number, a floor, a named
// building or square.
export const ENGLISH_STREET_ADDRESS = /\b\d+\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:Road|Street|Avenue|Lane|Rd|St|Ave|Boulevard)\b/;
export const ENGLISH_FLOOR = /\b\d+(?:st|nd|rd|th)\s+floor\b|\bfloor\s+\d+\b/i;
const ENGLISH_PLACE = [ENGLISH_STREET_ADDRESS, ENGLISH_FLOOR, /\b[A-Z][\w'-]*\s+(?:Plaza|Square|Centre|Center|Hall|Park|Building|Gate)\b/];

/** An English text states a place: a street address, a floor, a named building or square. */
export function statesEnglishPlace(text: string): boolean {
  return ENGLISH_PLACE.some((re) => re.test(text));
}

/** A piece that opens with a subordinating word: a condition or a time, not the main statement. */
const SUBORDINATE = /^\s*(if|when|once|before|after|unless|while|as long as|provided that|in case)\b/i;

/**
 * The fact of an English sentence: the piece (clause) holding the asked figure — or, for a "where"
 * question, the address; otherwise the piece carrying most of the question's terms — with its neighbours
 * while they fit in ENGLISH_LEAD_MAX ("50 yuan per person", "5th floor, Outpatient Building, 18 Jiankang Road").
 */
export function englishFact(sentence: string, figure: FigureMention | null, terms: readonly string[], kind?: string, facet?: RegExp): string {
  const whole = sentence.replace(/\s+/g, ' ').trim();
  if (whole.length <= ENGLISH_LEAD_MAX) return tidyEnglish(whole);
  // A figure's sentence is read without its bracketed asides where the figure stays: "Chengjiang Library (18 Wenhua
  // Road, Xishan District) issues reader cards free of charge" leads as "Chengjiang Library issues reader cards …".
  const plain = whole.replace(/\s*\([^()]*\)/g, '');
  const text = figure && plain !== whole && normalizeText(plain).includes(figure.text) ? plain : whole;
  const pieces = englishPieces(text);
  const lead = englishWindow(text, pieces, figure, terms, kind, facet);
  // A sentence that says something is not so is led whole, while it stays short, when its window lost the
  // "not" ("Treatment in international clinics, VIP wards … are not covered" led as "Treatment in
  // international clinics").
  // (A negation inside an opening condition — "If a bill is not paid …, a late fee … is charged" — is the
  // condition's, not the fact's.)
  const [first] = pieces;
  const stated = first && SUBORDINATE.test(first.text) && /,$/.test(first.text) ? text.slice(first.end) : text;
  return !figure && text.length <= NEGATED_LEAD_MAX && NEGATED.test(stated) && !NEGATED.test(lead) ? tidyEnglish(text) : lead;
}

function englishWindow(text: string, pieces: Clause[], figure: FigureMention | null, terms: readonly string[], kind?: string, facet?: RegExp): string {
  if (!pieces.length) return tidyEnglish(wholeWords(text, 0, ENGLISH_LEAD_MAX));
  const lower = terms.filter((t) => t.length >= 2).map((t) => t.toLowerCase());
  const termScore = (c: Clause) => lower.reduce((sum, t) => sum + (c.norm.toLowerCase().includes(t) ? t.length : 0), 0);
  let best = -1;
  let place: RegExp | null = null;
  if (figure) best = pieces.findIndex((c) => c.norm.includes(figure.text));
  if (best < 0 && kind === 'where') {
    // The strongest kind of place stated; among pieces stating it, the one sharing most of the question's words.
    for (const re of ENGLISH_PLACE) {
      const places = pieces.map((c, i) => ({ i, score: termScore(c) })).filter(({ i }) => re.test(pieces[i].text));
      if (places.length) {
        best = places.reduce((a, b) => (b.score > a.score ? b : a)).i;
        place = re;
        break;
      }
    }
  }
  // The piece giving the facet asked ("or online through the … WeChat mini program" for "can I register online"),
  // as a Chinese lead's clause does.
  if (best < 0 && facet) {
    const giving = pieces.map((c, i) => ({ i, score: termScore(c) })).filter(({ i }) => facet.test(pieces[i].text));
    if (giving.length) best = giving.reduce((a, b) => (b.score > a.score ? b : a)).i;
  }
  if (best < 0) {
    best = 0;
    pieces.forEach((c, i) => {
      if (termScore(c) > termScore(pieces[best])) best = i;
    });
    // A piece that only names the question's subject ("Linxi First People's Hospital —") says nothing new:
    // what is said of it follows, in the same sentence.
    if (!/[.!?]$/.test(pieces[best].text) && best + 1 < pieces.length && newWords(pieces[best].norm, lower) === 0) best++;
    // A condition ("If you leave China permanently, …") is the question restated: what follows it is the answer.
    else if (!/[.!?]$/.test(pieces[best].text) && best + 1 < pieces.length && SUBORDINATE.test(pieces[best].text)) best++;
  }
  // The last item of a list ("and a Chinese bank card to …") is read with the items before it, from the
  // list's first ("Bring your passport, residence permit, and …"): the list is the answer, not its last item.
  let listStart = best;
  if (/^(and|or)\s/i.test(pieces[best].text)) while (listStart > 0 && /,$/.test(pieces[listStart - 1].text) && pieces[listStart - 1].text.split(/\s+/).length <= LIST_ITEM_WORDS) listStart--;
  if (listStart < best) {
    const list = text.slice(pieces[listStart].start, pieces[best].end);
    return tidyEnglish(list.length <= ENGLISH_LEAD_MAX ? list : wholeWords(list, 0, ENGLISH_LEAD_MAX).replace(/\s+(?:a|an|the|at|in|on|of|for|to|and|or|by|with|from|as)\s*$/i, ''));
  }
  let from = best;
  let to = best;
  const span = () => text.slice(pieces[from].start, pieces[to].end);
  // The pieces after it first (an address runs on: "5th floor, Outpatient Building, 18 Jiankang Road"), then
  // one before when the piece alone says too little, never across a sentence end.
  while (to + 1 < pieces.length && !/[.!?]$/.test(pieces[to].text) && text.slice(pieces[from].start, pieces[to + 1].end).length <= ENGLISH_LEAD_MAX) to++;
  if (span().length < 24 && from > 0 && !/[.!?]$/.test(pieces[from - 1].text) && text.slice(pieces[from - 1].start, pieces[to].end).length <= ENGLISH_LEAD_MAX) from--;
  let out = span();
  // A window after its sentence's subject ("The Renmin Pharmacy at 20 Jiankang Road, opposite the First People's
  // Hospital, is open 24 hours" led as "Opposite the First People's Hospital, is open 24 hours") names nothing
  // it speaks of: the subject leads, the window's last piece after it, where both fit and the figure stays.
  let opens = from;
  while (opens > 0 && !/[.!?]$/.test(pieces[opens - 1].text)) opens--;
  // (Not an address window of a "where" question: its pieces are the answer, the name before them is not.)
  if (!place && opens < from && /,$/.test(pieces[opens].text) && !SUBORDINATE.test(pieces[opens].text)) {
    const whole = text.slice(pieces[opens].start, pieces[to].end);
    const joined = `${pieces[opens].text.replace(/,$/, '')} … ${pieces[to].text}`;
    const keeps = (t: string) => !figure || normalizeText(t).includes(figure.text);
    if (whole.length <= ENGLISH_LEAD_MAX) out = whole;
    else if (joined.length <= ENGLISH_LEAD_MAX && keeps(joined)) out = joined;
  }
  if (out.length > ENGLISH_LEAD_MAX) {
    // One long piece: a window of whole words around the figure or the address; otherwise from the last of
    // the question's words on, as English states what is new about its subject after it ("…must have been
    // born between 1 September 2019 and 31 August 2020").
    const lowerOut = normalizeText(out).toLowerCase();
    const lastTerm = Math.max(-1, ...lower.map((t) => lowerOut.lastIndexOf(t)));
    const at = figure ? Math.max(0, normalizeText(out).indexOf(figure.text)) : place ? Math.max(0, out.search(place)) : Math.max(0, lastTerm - 10);
    let start = Math.max(0, Math.min(at - 20, out.length - ENGLISH_LEAD_MAX));
    // (A few words short of the piece's end, the window reaches it, where it still holds the question's last word: "you may
    // apply to close your personal account and receive the remaining balance in a lump sum" keeps its "lump sum".)
    const short = out.length - (start + ENGLISH_LEAD_MAX);
    if (!figure && !place && short > 0 && short <= TAIL_REACH && out.length - ENGLISH_LEAD_MAX <= lastTerm) start = out.length - ENGLISH_LEAD_MAX;
    // A figure's window starts with its own words and ends before the next figure (what precedes or follows them is
    // another figure's: "RMB 7,500 per semester at public junior middle schools", not "…primary schools and RMB 7,500
    // per semester at…").
    // (Only where the question singles the figure out by its own words: else the figures beside it — "from 6:30 to
    // 9:00 in the morning and from 18:00 to 21:00 in the evening" — are as much the answer.)
    const normOut = normalizeText(out);
    const mentions = figure ? figureMentions(normOut) : [];
    const own = mentions.findIndex((m) => m.text === figure?.text && m.start === at);
    let end = out.length;
    if (own >= 0 && singledByOwnWords(normOut, mentions, own, lower)) {
      // (Up to the next figure, not to the first break: "(8 August) the swimming pool and the badminton courts are free".)
      const [from, to] = englishFigureSpan(normOut, mentions, own);
      end = mentions.find((m) => m.start >= to)?.start ?? out.length;
      start = Math.max(from, Math.min(at - 20, end - ENGLISH_LEAD_MAX));
    }
    // Never cut a negation off the front: "There is no designated school for foreign children in Shiqiao
    // Town…" must not lead with "School for foreign children in Shiqiao Town".
    const negation = [...out.slice(0, start + (/^[\w']*/.exec(out.slice(start))?.[0].length ?? 0)).matchAll(NEGATION)].pop();
    // A short sentence is then led whole — unless a figure was asked, which must stay in the short line: the
    // window then starts at the negation, marked as cut ("…not sort their waste … fined between 50 and 200
    // yuan"). A window cut before its end does not end on a word that needs the next one ("… Town at").
    if (negation && !figure && out.length <= NEGATED_LEAD_MAX) return tidyEnglish(out);
    if (negation?.index !== undefined) start = negation.index;
    const window = wholeWords(out, start, Math.min(end, start + ENGLISH_LEAD_MAX)).replace(/\s+(?:a|an|the|at|in|on|of|for|to|and|or|by|with|from|as)\s*$/i, '');
    // A window cut inside its sentence is marked as cut, not dressed as a statement of its own ("…a bike you need an
    // Aowan Citizen Card", not "A bike you need an Aowan Citizen Card").
    // (And at its end, where the window stops before the sentence does.)
    const bare = (t: string) => t.replace(/[\s.!?]+$/, '');
    const cutEnd = bare(out).endsWith(bare(window)) ? '' : '…';
    if (start > 0 && !/[.!?]\s*$/.test(out.slice(0, start))) return `…${tidy(window.trimStart())}${cutEnd}`;
    out = cutEnd ? `${tidyEnglish(window)}${cutEnd}` : window;
  }
  return tidyEnglish(out);
}

/**
 * Whether a question's word (a stem) is among the i-th figure's own words and not among another figure's of the
 * sentence. A sentence's opening words before its first figure are every figure's subject, none's own.
 */
function singledByOwnWords(norm: string, mentions: readonly FigureMention[], i: number, terms: readonly string[]): boolean {
  const spans = mentions.map((_, k) => englishFigureSpan(norm, mentions, k));
  const firstStart = Math.min(...spans.map(([from]) => from));
  const words = ([from, to]: [number, number], k: number) => new Set((norm.slice(from === firstStart ? mentions[k].start : from, to).toLowerCase().match(/[a-z]+/g) ?? []).map(stemEnglish));
  const own = words(spans[i], i);
  const others = spans.map((span, k) => (span[0] === spans[i][0] ? null : words(span, k))).filter((w): w is Set<string> => w !== null);
  return terms.some((t) => own.has(t) && !others.some((w) => w.has(t)));
}

/** Most words of a list item before the last ("residence permit,"). */
const LIST_ITEM_WORDS = 4;

const NEGATION = /\b(?:no|not|never|cannot|can't|don't|doesn't|isn't|aren't|won't|none|nor|without)\b/gi;
/** The same, for a yes/no test (no lastIndex state). */
const NEGATED = new RegExp(NEGATION.source, 'i');
/** Longest English sentence with a negation that is led whole. */
const NEGATED_LEAD_MAX = 104;

/** Words of an English piece (3 letters or more) that no question term is part of. */
function newWords(norm: string, terms: readonly string[]): number {
  return (norm.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !terms.some((t) => w.includes(t) || t.includes(w))).length;
}

/** The lead starts as a statement does (a capital) and ends without its clause punctuation. */
function tidyEnglish(text: string): string {
  const t = tidy(text.replace(/^[—–-]\s*/, ''));
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Longest supporting quote, in characters: a longer sentence is cut to the part around what it is quoted for. */
export const QUOTE_MAX = 200;

/**
 * A supporting quote: the sentence as written, or, where an English one is long, the window of whole words
 * around the figure or the question's terms, marked with … where it was cut.
 */
export function quoteWindow(sentence: string, figure: FigureMention | null, terms: readonly string[]): string {
  const text = sentence.replace(/\s+/g, ' ').trim();
  // A Chinese sentence is quoted whole: the English reader checks it against the source (or a translation
  // tool) and a cut Chinese clause loses its subject; measured, cutting them lost facts the lead did not hold.
  if (text.length <= QUOTE_MAX || /\p{Script=Han}/u.test(text)) return text;
  const norm = normalizeText(text);
  let at = figure ? norm.indexOf(figure.text) : -1;
  if (at < 0) {
    const hits = terms.filter((t) => t.length >= 2).map((t) => norm.toLowerCase().indexOf(t.toLowerCase())).filter((i) => i >= 0);
    at = hits.length ? Math.min(...hits) : 0;
  }
  const start = Math.max(0, Math.min(at - 40, text.length - QUOTE_MAX));
  const piece = wholeWords(text, start, start + QUOTE_MAX).trim();
  return `${start > 0 ? '…' : ''}${piece}${start + QUOTE_MAX < text.length ? '…' : ''}`;
}
