// Personal data in what residents type, masked before it is stored or logged. The answer is still
// computed from the original question; only the copy that is kept (question log, conversation turns,
// the staff's /gaps view, a question posted to a channel) is masked.
//
// Masked: mainland mobile numbers (138****5678, also written 138 1234 5678, 138-1234-5678, +86…),
// 18-digit ID-card numbers (110***********123X), bank card numbers (16–19 digits, grouped or not:
// 6222 **** **** 1234), e-mail addresses (z***@example.com). Full-width digits count as digits, and
// every character that is not starred stays as it was typed.
// Numbers that are part of a longer run of digits are judged as that run (a 20-digit number is not a
// phone number followed by something else), so ordinary figures (2024年, 500米, 12345 hotline) stay.

export interface MaskResult {
  text: string;
  /** What was masked, by kind (counts only: never the values). */
  found: { phone: number; idCard: number; bankCard: number; email: number };
}

// Digits as residents type them: ASCII or full-width (１３８…). Masked text keeps every character it does not star.
const D = '[0-9\uFF10-\uFF19]';
const X = '[0-9\uFF10-\uFF19XxＸｘ]';
const SEP = '[ \\-\u3000－]';

// Order matters: the longest digit runs first, so an ID or card number is never read as a phone number.
const ID_CARD = new RegExp(`(?<!${D})(${D}{3})(${D}{11})(${D}{3}${X})(?![0-9\uFF10-\uFF19A-Za-z])`, 'g');
// 16-19 digits, or groups of 4 (the last group 1-3 digits more) separated by one space or hyphen.
const BANK_CARD = new RegExp(`(?<!${D})(?:${D}{16,19}|${D}{4}(?:${SEP}${D}{4}){3}(?:${SEP}?${D}{1,3})?)(?!${D})`, 'g');
const PHONE = new RegExp(`(?<!${D})((?:[+＋]?(?:86|８６)${SEP}?)?)([1１][3-9３-９]${D})(${SEP}?)(${D}{4})(${SEP}?)(${D}{4})(?!${D})`, 'g');
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const DIGIT = new RegExp(D);

/** Masks personal data in `text` and says how much of each kind it found. */
export function maskPersonalData(text: string): MaskResult {
  const found = { phone: 0, idCard: 0, bankCard: 0, email: 0 };
  let out = String(text ?? '');
  out = out.replace(EMAIL, (_m, first: string, domain: string) => {
    found.email++;
    return `${first}***@${domain}`;
  });
  out = out.replace(ID_CARD, (_m, head: string, middle: string, tail: string) => {
    found.idCard++;
    return `${head}${'*'.repeat(middle.length)}${tail}`;
  });
  out = out.replace(BANK_CARD, (m) => {
    found.bankCard++;
    const digits = [...m].filter((c) => DIGIT.test(c)).length;
    let seen = 0;
    // Keep the first and last four digits and every separator; star the rest.
    return [...m].map((c) => (DIGIT.test(c) ? (++seen <= 4 || seen > digits - 4 ? c : '*') : c)).join('');
  });
  out = out.replace(PHONE, (_m, prefix: string, head: string, sep1: string, _middle: string, sep2: string, tail: string) => {
    found.phone++;
    return `${prefix}${head}${sep1}****${sep2}${tail}`;
  });
  return { text: out, found };
}

/** The masked text alone. */
export function mask(text: string): string {
  return maskPersonalData(text).text;
}

/** True when `text` still holds something that would be masked. */
export function holdsPersonalData(text: string): boolean {
  const { found } = maskPersonalData(text);
  return found.phone + found.idCard + found.bankCard + found.email > 0;
}
