// Groups questions that say the same thing in slightly different words ("高龄津贴怎么申请" /
// "高龄津贴如何申请？"), for the staff's "gaps" view. Character bigrams work for Chinese (no
// segmentation needed) and for English alike; Dice similarity tolerates a changed word or two.

/** NFKC, lower case, no punctuation, symbols or whitespace: what two wordings are compared on. */
export function normaliseQuestion(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** The set of character bigrams of normalised text; a one-character text is its own "bigram". */
export function bigrams(normalised: string): Set<string> {
  const chars = Array.from(normalised);
  if (chars.length < 2) return new Set([normalised]);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|), in [0, 1]. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface ClusterOptions {
  /** Minimum Dice similarity to a group's representative to join it (default 0.5). */
  threshold?: number;
}

/**
 * Greedy single pass: each item joins the most similar existing group whose representative
 * (its first item) is at least `threshold` similar, or starts a new group. Pass items newest
 * first and every group's representative is its latest question.
 * An inverted index from bigram to groups means an item is only compared with groups it shares
 * a bigram with, so 10k questions cluster in milliseconds rather than comparing all pairs.
 */
export function clusterSimilar<T>(items: readonly T[], textOf: (item: T) => string, options: ClusterOptions = {}): T[][] {
  const threshold = options.threshold ?? 0.5;
  const groups: T[][] = [];
  const representativeSize: number[] = [];
  const groupsByGram = new Map<string, number[]>();

  for (const item of items) {
    const grams = bigrams(normaliseQuestion(textOf(item)));
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (const groupIndex of groupsByGram.get(g) ?? []) shared.set(groupIndex, (shared.get(groupIndex) ?? 0) + 1);
    }
    let best = -1;
    let bestScore = threshold;
    for (const [groupIndex, count] of shared) {
      const score = (2 * count) / (grams.size + representativeSize[groupIndex]);
      if (score >= bestScore && (best === -1 || score > bestScore)) {
        best = groupIndex;
        bestScore = score;
      }
    }
    if (best >= 0) {
      groups[best].push(item);
      continue;
    }
    const groupIndex = groups.length;
    groups.push([item]);
    representativeSize.push(grams.size);
    for (const g of grams) {
      const list = groupsByGram.get(g);
      if (list) list.push(groupIndex);
      else groupsByGram.set(g, [groupIndex]);
    }
  }
  return groups;
}
