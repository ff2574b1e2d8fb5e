// Text normalisation: what is tokenised, embedded and matched. Display always keeps the original.
//
// Punctuation policy (decided once, applied everywhere through NFKC):
//  - Full-width forms that have an ASCII compatibility mapping become ASCII:
//    ，→,  ：→:  ；→;  ！→!  ？→?  （）→()  ～→~  ０-９→0-9  Ａ-Ｚ→A-Z, ideographic space → space,
//    and … → "..." (NFKC). Both spellings of the same text therefore normalise to the same string.
//  - Chinese punctuation with no compatibility mapping stays as it is: 。、“”‘’「」『』《》【】——·
//  So `normalizeText("８．５万，（试行）")` is "8.5万,(试行)" and matching is consistent either way.

/** Zero-width characters, BOM, soft hyphen, bidi marks: invisible and never meaningful here. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** C0/C1 controls except tab and newline (carriage returns are converted first). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const HAN = '\\p{Script=Han}';
const HAN_RE = new RegExp(HAN, 'u');

/** Sentence-final punctuation (before and after NFKC). */
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '…', '.', ':', '：']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '（': '）', '(': ')', '【': '】', '《': '》' };

/** An item's numbering at the start of a line: 1. 2、 3．(4) （5） ⑥. */
export const ITEM_NUMBER = /^(?:\d+[.、．)）]|[（(]\d+[）)]|[①-⑳])/;

/**
 * A line that opens with a field label — 办理地点：…, 地址：…, "Address: …", "Consultation fee at the clinic: …":
 * a form's next field starts a sentence of its own, whether or not the line before it ended one.
 */
export function startsField(line: string): boolean {
  return FIELD_LABEL.test(line);
}
const FIELD_LABEL = /^\s*(?:[\u4e00-\u9fff]{2,8}[：:]|[A-Z][A-Za-z'’-]*(?: [A-Za-z'’-]+){0,5}: )/;

/** True when a line ends a sentence (a closing quote counts only if what it closes ended one). */
export function endsSentence(line: string): boolean {
  // A note after the full stop ("…春水”。(本报记者 乔龙飞)") does not reopen the sentence.
  let s = line.trimEnd().replace(/\s*[（(][^（）()]{1,40}[）)]$/, (m, offset: number) => (offset > 0 ? '' : m));
  while (s.length > 1 && CLOSERS.has(s[s.length - 1])) s = s.slice(0, -1);
  return s.length > 0 && TERMINAL.has(s[s.length - 1]);
}

/** True when a quote or bracket opened in the line is still open at its end. */
export function hasUnclosedBracket(line: string): boolean {
  const stack: string[] = [];
  for (const ch of line) {
    if (OPENERS[ch]) stack.push(OPENERS[ch]);
    else if (stack.length && ch === stack[stack.length - 1]) stack.pop();
  }
  return stack.length > 0;
}

function startsLikeContinuation(next: string): boolean {
  const first = next[0];
  if (!first) return false;
  if (/^(#|——|·|[（(](上接|下转|接第|转第))/.test(next)) return false;
  return HAN_RE.test(first) || CLOSERS.has(first) || '，、。,'.includes(first);
}

/**
 * Whether a line break between `prev` and `next` falls inside a sentence (a layout artefact such as
 * "依安县大力实施“全科社" / "工”培养工程，…") and the two lines should be one paragraph.
 * Headlines stay apart: a short line with no commas and no open quote is never joined.
 */
export function isBrokenLine(prev: string, next: string): boolean {
  const a = prev.trim();
  const b = next.trim();
  if (!a || !b || endsSentence(a) || !startsLikeContinuation(b)) return false;
  if (/^#/.test(a) || /——$/.test(a) || /^——/.test(a)) return false;
  if (hasUnclosedBracket(a)) return true; // a headline never leaves a quote open
  const bodyLikeNext = b.length >= 20 || endsSentence(b);
  if (!bodyLikeNext) return false;
  if (a.length > 40) return true; // headlines are short; long lines are prose
  // Headlines separate their halves with a space ("超市上门 兑废为宝"); prose does not.
  const spacedLikeHeadline = new RegExp(`${HAN}[ \u3000]+${HAN}`, 'u').test(a);
  return !spacedLikeHeadline && /[，、；,;]/.test(a);
}

/** Removes invisible and control characters and unifies line ends; keeps every visible character. */
export function stripInvisible(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROL, '');
}

const SPACE_RUN = /[^\S\n]+/g;
// A number and its neighbouring Chinese unit or word: "8.5 万人次", "2836 名", "7 月 10 日", "全县 2836".
const DIGIT_SPACE_HAN = new RegExp(`(\\d)[ ]+(?=${HAN})`, 'gu');
const HAN_SPACE_DIGIT = new RegExp(`(${HAN})[ ]+(?=\\d)`, 'gu');
// Spaces inside a decimal number: "8 .5", "8. 5". (Not a sentence's full stop before a numbered item that has its own
// decimal point: "…RMB 1,000. 2.5 A residence permit…".)
const DECIMAL_SPACES = /(\d)[ ]*\.[ ]*(?=\d+(?!\.\d))/g;

function normalizeLine(line: string): string {
  return line
    .replace(SPACE_RUN, ' ')
    .trim()
    .replace(DECIMAL_SPACES, '$1.')
    .replace(DIGIT_SPACE_HAN, '$1')
    .replace(HAN_SPACE_DIGIT, '$1');
}

/**
 * NFKC + half-width, invisible/control characters removed, spaces collapsed and removed between a
 * number and Chinese text, sentences broken across lines joined. Lines are kept: a single newline
 * stays "\n", any blank-line gap becomes "\n\n".
 */
export function normalizeText(s: string): string {
  const lines = stripInvisible(s).normalize('NFKC').split('\n').map(normalizeLine);
  let out = '';
  let prev = '';
  let gap = 0; // newlines seen since the last non-empty line
  for (const line of lines) {
    if (!line) {
      gap++;
      continue;
    }
    // `prev` is the whole paragraph so far, so a quote opened two fragments back still counts.
    if (prev && isBrokenLine(prev, line)) {
      prev += line;
    } else {
      if (prev) out += gap > 1 ? '\n\n' : '\n';
      prev = line;
    }
    out += line;
    gap = 1;
  }
  return out;
}

/**
 * Full-width digits and Latin letters (８３岁, ＡＰＰ) and the ideographic space in their ASCII forms, the rest as
 * typed: a question's ages, years and amounts are read by patterns written for ASCII digits (the documents'
 * text is NFKC-normalised whole; a question keeps its own punctuation for the clauses it marks).
 */
export function halfWidthAlphanumerics(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The form gold strings and answers are compared in: normalised, lower-cased, no whitespace. */
export function normalizeForMatch(s: string): string {
  return normalizeText(s).toLowerCase().replace(/\s+/g, '');
}
