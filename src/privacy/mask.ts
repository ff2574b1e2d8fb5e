// Personal data in what residents type, masked before it is stored or logged. The answer is still
// computed from the original question; only the copy that is kept (question log, conversation turns,
// the staff's /gaps view, a question posted to a channel) is masked.
//
// Masked: mainland mobile numbers (138****5678, also written 138 1234 5678, 138-1234-5678, +86…),
// 18-digit ID-card numbers (110***********123X), bank card numbers (16–19 digits, grouped or not:
// 6222 **** **** 1234), e-mail addresses (z***@example.com). Full-width digits count as digits.
// Numbers that are part of a longer run of digits are judged as that run (a 20-digit number is not a
// phone number followed by something else), so ordinary figures (2024年, 500米, 12345 hotline) stay.

export interface MaskResult {
  text: string;
  /** What was masked, by kind (counts only: never the values). */
  found: { phone: number; idCard: number; bankCard: number; email: number };
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

// Order matters: the longest digit runs first, so an ID or card number is never read as a phone number.
const ID_CARD = /(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Za-z])/g;
// 16-19 digits, optionally in groups of 4 (the last group 1-4 digits to reach 16-19) separated by one space or hyphen.
const BANK_CARD = /(?<![\d])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?![\d])/g;
const PHONE = /(?<![\d])((?:\+?86[ -]?)?)(1[3-9]\d)([ -]?)(\d{4})([ -]?)(\d{4})(?![\d])/g;
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** Masks personal data in `text` and says how much of each kind it found. */
export function maskPersonalData(text: string): MaskResult {
  const found = { phone: 0, idCard: 0, bankCard: 0, email: 0 };
  let out = String(text ?? '').replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  out = out.replace(EMAIL, (_m, first: string, domain: string) => {
    found.email++;
    return `${first}***@${domain}`;
  });
  out = out.replace(ID_CARD, (_m, head: string, _birth: string, tail: string) => {
    found.idCard++;
    return `${head.slice(0, 3)}${'*'.repeat(11)}${tail}`;
  });
  out = out.replace(BANK_CARD, (m) => {
    found.bankCard++;
    const digits = m.replace(/\D/g, '');
    let seen = 0;
    // Keep the first and last four digits and every separator; star the rest.
    return m.replace(/\d/g, (d) => {
      seen++;
      return seen <= 4 || seen > digits.length - 4 ? d : '*';
    });
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
