// Follow-up questions ("那需要什么材料？", "and where do I apply?") are searched together with the
// previous question's subject: its key terms are carried over as weaker expansions.
import type { Language, Turn, WeightedTerm } from '../ports.js';
import type { ChineseTokenizer } from '../text/tokenize.js';
import { normalizeText } from '../text/normalize.js';

const FOLLOW_UP_OPENERS = /^(那|那么|那个|还有|另外|此外|它|这个|这|其|他们|她们|然后|再问|and\b|also\b|what about\b|how about\b|and what\b|then\b|so\b|is it\b|are they\b|does it\b|do they\b|where\b.*\b(it|that|this|there)\b|what\b.*\b(it|that|this|they)\b)/i;
const PRONOUNS = /(它|他们|她们|这个|那个|该项|此项|\bit\b|\bthey\b|\bthat\b|\bthis\b|\bthere\b|\bthem\b)/i;

export interface FollowUpPlan {
  isFollowUp: boolean;
  /** The previous question's key terms, to search with (weight < 1: the new question leads). */
  carried: WeightedTerm[];
  /** The question as searched, for the turn log. */
  searched: string;
}

export function planFollowUp(question: string, language: Language, history: Turn[], tokenizer: ChineseTokenizer, ownTerms: number): FollowUpPlan {
  const previous = history[history.length - 1];
  const none = { isFollowUp: false, carried: [], searched: question };
  if (!previous) return none;
  const q = normalizeText(question).trim();
  const short = language === 'zh' ? q.length <= 12 : q.split(/\s+/).length <= 7;
  const looksDependent = FOLLOW_UP_OPENERS.test(q) || PRONOUNS.test(q) || ownTerms <= 1;
  if (!(looksDependent && (short || FOLLOW_UP_OPENERS.test(q)))) return none;
  const own = new Set(tokenizer.tokens(q));
  const carried = tokenizer
    .tokens(normalizeText(previous.searched))
    .filter((t) => !own.has(t))
    .map((term) => ({ term, weight: 0.7, origin: 'history' }));
  return { isFollowUp: carried.length > 0, carried, searched: `${previous.searched} → ${question}` };
}
