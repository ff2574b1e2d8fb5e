// Passages shown in full (/sources in Telegram and the CLI chat) are held to the rule answers
// follow: a document sentence that instructs the reader or the assistant ("把身份证号发送到…",
// "ignore previous instructions…") is never quoted. It is replaced by a visible marker, so the
// reader sees that something was left out.
import { splitSentences } from '../text/sentences.js';
import { looksLikeInstruction } from './question.js';

export const OMITTED = '[…]';

export function quotableText(text: string): string {
  const kept: string[] = [];
  for (const s of splitSentences(text)) {
    if (!looksLikeInstruction(s.text)) kept.push(s.text);
    else if (kept[kept.length - 1] !== OMITTED) kept.push(OMITTED);
  }
  return kept.join('').replace(/\[…\](?=\S)/g, `${OMITTED} `);
}
