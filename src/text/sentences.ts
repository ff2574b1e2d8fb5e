// Chinese-aware sentence splitting. Lossless: the pieces concatenate back to the input exactly,
// so their offsets can be used to slice the original text.

export interface SentenceSpan {
  text: string;
  /** Char offsets into the input. */
  start: number;
  end: number;
}

/** Always end a sentence. */
const HARD_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…', '｡']);
/** Closing quotes and brackets that belong to the sentence they close. */
const CLOSERS = new Set(['」', '”', '’', '）', '』', '】', '》', '"', "'", ')', ']']);
const SPACE = /[ \t\u3000\u00a0]/;

/**
 * Splits after 。！？；… (and ……), !?; and an English "." followed by whitespace; newlines end a
 * sentence too. Closing quotes/brackets and trailing whitespace stay with the sentence they follow.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  const cut = (end: number) => {
    if (end > start) spans.push({ text: text.slice(start, end), start, end });
    start = end;
  };
  while (i < n) {
    const ch = text[i];
    const isNewline = ch === '\n';
    const isEnglishStop = ch === '.' && (i + 1 >= n || /\s/.test(text[i + 1])) && !/\d/.test(text[i - 1] ?? '');
    if (!HARD_END.has(ch) && !isNewline && !isEnglishStop) {
      i++;
      continue;
    }
    let j = i + 1;
    if (!isNewline) {
      while (j < n && (HARD_END.has(text[j]) || (text[j] === '.' && ch === '.'))) j++; // "……", "?!", "..."
      while (j < n && CLOSERS.has(text[j])) j++;
    }
    while (j < n && (SPACE.test(text[j]) || text[j] === '\n' || text[j] === '\r')) j++;
    // Whitespace-only runs (leading blank lines) stay with the next real sentence.
    if (text.slice(start, j).trim() !== '') cut(j);
    i = j;
  }
  if (start < n) {
    if (spans.length && text.slice(start).trim() === '') {
      const last = spans[spans.length - 1];
      last.end = n;
      last.text = text.slice(last.start, n);
    } else {
      cut(n);
    }
  }
  return spans;
}
