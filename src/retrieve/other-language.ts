// An English question over a corpus in two languages: the English pages share its very words, so BM25 ranks
// them first, and an English guide can fill all k places while the Chinese notice that states the asked fact
// (the visitor centre's phone, the deposit, the months it is paid) ranks sixth. The last place goes to the best
// Chinese passage the search found, so the answerer sees both languages' accounts.

import type { Language } from '../ports.js';
import { chineseText } from '../lang/detect.js';

/**
 * `ranked` (best first) with, where none of its first `k` is Chinese text, its best-ranked Chinese item moved to
 * place `k` (the k-th shifts down). Unchanged for Chinese questions, or where the search found no Chinese item.
 */
export function keepOtherLanguage<T>(ranked: readonly T[], k: number, textOf: (item: T) => string, language: Language): T[] {
  if (language !== 'en' || ranked.length <= k) return [...ranked];
  if (ranked.slice(0, k).some((item) => chineseText(textOf(item)))) return [...ranked];
  const at = ranked.findIndex((item, i) => i >= k && chineseText(textOf(item)));
  if (at < 0) return [...ranked];
  const out = [...ranked];
  const [moved] = out.splice(at, 1);
  out.splice(k - 1, 0, moved);
  return out;
}
