// The answer's first line: one short statement of the fact asked for, with [n], before any quote.
//  - a figure or date question: the figure of the asked kind in its clause ("巷道全长500米[1]"); in English
//    the figure glossed, then the Chinese clause ("500 m — “巷道全长500米” [1]");
//  - any other question: the clause of the best sentence that carries the question's terms, with the
//    clause that follows it when that one is short (the answer often follows its subject:
//    "邹游（1990年5月30日－），中国足球运动员"), cut to LEAD_MAX characters around the terms;
//  - a table row: the cell asked for under its column name, after the cell that names the row
//    ("东城区，租金标准：每月每平方米11.2元"), never half a row.
import type { Language } from '../ports.js';
import type { FigureMention } from './figures.js';
import { normalizeText } from '../text/normalize.js';
import { rowPairs, type TableRow } from '../text/tables.js';

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
function tidy(text: string): string {
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
  if (from > 0 && /[A-Za-z]/.test(text[from - 1]) && /^[A-Za-z]/.test(piece)) piece = piece.replace(/^[A-Za-z]+/, '');
  if (to < text.length && /[A-Za-z]/.test(text[to]) && /[A-Za-z]$/.test(piece)) piece = piece.replace(/[A-Za-z]+$/, '');
  return piece;
}

/**
 * The clause window of the sentence that best carries the question's terms: the best clause, plus
 * the clause after it while the window stays within LEAD_MAX (the fact often follows the subject).
 */
export function bestClauses(sentence: string, terms: readonly string[]): string {
  // A short sentence is its own best statement.
  if (tidy(sentence).length <= SENTENCE_LEAD_MAX) return tidy(sentence);
  const parts = clauses(sentence);
  if (!parts.length) return tidy(wholeWords(sentence, 0, LEAD_MAX));
  const scoreOf = (c: Clause) => terms.reduce((sum, t) => sum + (t.length >= 2 && c.norm.includes(t) ? t.length : 0), 0);
  let best = 0;
  parts.forEach((c, i) => {
    if (scoreOf(c) > scoreOf(parts[best])) best = i;
  });
  let text = parts[best].text;
  for (let i = best + 1; i < parts.length && (text + parts[i].text).length <= SENTENCE_LEAD_MAX; i++) {
    text += parts[i].text;
    if (/[。!?！？]$/.test(parts[i].text)) break;
  }
  if (text.length > SENTENCE_LEAD_MAX) text = wholeWords(text, 0, SENTENCE_LEAD_MAX);
  return tidy(text);
}

const UNIT_GLOSS: [RegExp, string][] = [
  [/^(\d+(?:\.\d+)?)万余?人次$/, '$1 × 10,000 person-visits'],
  [/^(\d+(?:\.\d+)?)万余?元$/, '$1 × 10,000 yuan'],
  [/^(\d+(?:\.\d+)?)亿余?元$/, '$1 × 100 million yuan'],
  [/^(\d+(?:\.\d+)?)万余?(?:人|名)$/, '$1 × 10,000 people'],
  [/^(\d+(?:\.\d+)?)万$/, '$1 × 10,000'],
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
  const gloss = UNIT_GLOSS.find(([re]) => re.test(raw));
  if (!gloss) return null;
  const english = raw.replace(gloss[0], gloss[1]);
  return /(余|多)/.test(raw) ? `over ${english}` : english;
}

/**
 * The lead of a table row: the cell holding the asked figure (else the cell whose column the question
 * names) under its column name, after the cell that names the row. Null when the question singles out
 * no cell (the whole row is then the statement).
 */
export function rowLead(row: TableRow, figure: FigureMention | null, terms: readonly string[]): string | null {
  const pairs = rowPairs(row);
  const label = pairs.find((p, i) => i < pairs.length - 1 && !/^\d+$/.test(p.cell));
  const mentions = (text: string): number => terms.reduce((sum, t) => sum + (t.length >= 2 && normalizeText(text).includes(t) ? t.length : 0), 0);
  const holding = figure ? pairs.filter((p) => normalizeText(p.cell).includes(figure.text)) : [];
  let target = holding.find((p) => p !== label) ?? holding[0];
  if (!target) {
    const named = pairs.filter((p) => p !== label && p.name && mentions(p.name) > 0);
    target = named.sort((a, b) => mentions(b.name) - mentions(a.name))[0];
  }
  if (!target) return null;
  const latin = /^[\x00-\x7f]*$/.test(pairs.map((p) => p.name + p.cell).join(''));
  const stated = target.name && target.name !== target.cell ? `${target.name}${latin ? ': ' : '：'}${target.cell}` : target.cell;
  // What the row is: its label and the other cells the question names (空调 1.5匹挂机), in column order.
  const beyondLabel = (cell: string) => terms.some((t) => t.length >= 2 && normalizeText(cell).includes(t) && !normalizeText(label?.cell ?? '').includes(t));
  const naming = pairs.filter((p) => p !== target && (p === label || beyondLabel(p.cell))).map((p) => p.cell);
  return naming.length ? `${naming.join(' ')}${latin ? ', ' : '，'}${stated}` : stated;
}

/**
 * The lead line from a sentence as written, without [n], and the part of the sentence it quotes. `figure` is the best figure of the asked kind in the sentence, when asked for one;
 * `row` the table row the sentence is (its text the row read with its header).
 */
export function leadLine(sentence: string, language: Language, figure: FigureMention | null, terms: readonly string[], row?: TableRow): { line: string; clause: string } {
  const fromRow = row ? rowLead(row, figure, terms) : null;
  const clause = fromRow ?? (figure ? figureClause(sentence, figure) : bestClauses(sentence, terms));
  if (language === 'zh') return { line: clause, clause };
  const english = figure ? glossFigure(figure.text) : null;
  return { line: english ? `${english} — “${clause}”` : `In short: “${clause}”`, clause };
}
