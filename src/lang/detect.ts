// Decides whether a question is Chinese or English, so the pipeline knows whether to map
// English words to Chinese search terms. Rules (tested in test/lang.test.ts):
//  - Han characters are counted against letters of every other script (Latin, Cyrillic, ...),
//    after NFKC so full-width letters count as Latin. Digits, punctuation and emoji count for nothing.
//  - One Han character carries about as much meaning as three letters (an English word is ~4.7
//    letters, a Chinese word ~1.7 characters), so the text is Chinese when hanCount * 3 >= letters.
//    "how to apply 高龄津贴" (4 Han vs 10 letters) → zh; a long English sentence that quotes one
//    Chinese name → en, so its English words still get mapped.
//  - No letters at all (empty, emoji, digits, punctuation) → 'zh': the bot's users are mostly Chinese.
import type { Language } from '../ports.js';

/** How much of each script a text holds. */
export interface ScriptCounts {
  han: number;
  /** Letters of any script other than Han (Latin, Cyrillic, Greek, kana, Hangul, ...). */
  otherLetters: number;
}

/** Weight of one Han character against one letter of another script. */
const HAN_WEIGHT = 3;

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;

export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { han: 0, otherLetters: 0 };
  for (const ch of String(text ?? '').normalize('NFKC')) {
    if (HAN.test(ch)) counts.han++;
    else if (LETTER.test(ch)) counts.otherLetters++;
  }
  return counts;
}

export function detectLanguage(text: string): Language {
  const { han, otherLetters } = countScripts(text);
  if (otherLetters === 0) return 'zh';
  return han * HAN_WEIGHT >= otherLetters ? 'zh' : 'en';
}

/** A text written in English: more letters of other scripts than Han characters (an English page quoting 长者食堂). */
export function englishText(text: string): boolean {
  const { han, otherLetters } = countScripts(text);
  return otherLetters > han;
}

/** A text written in Chinese: some Han characters, and no fewer than the letters of other scripts. */
export function chineseText(text: string): boolean {
  const { han, otherLetters } = countScripts(text);
  return han > 0 && han >= otherLetters;
}
