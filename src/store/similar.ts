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
  /** Groups taken from one bigram's list; longer lists (common bigrams) are skipped except an item's rarest (default 256). */
  maxProbeGroups?: number;
  /** Candidate groups compared exactly per item, those sharing the most probed bigrams first (default 128). */
  maxCandidates?: number;
}

/** Sorted, de-duplicated integer ids of a text's bigrams: compared by merging, not by hashing strings. */
type GramIds = Int32Array;

function diceOfSorted(a: GramIds, b: GramIds): number {
  if (a.length + b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Greedy single pass: each item joins the most similar existing group whose representative
 * (its first item) is at least `threshold` similar, or starts a new group. Pass items newest
 * first and every group's representative is its latest question.
 *
 * Bounded work per item, so 10k questions cluster in well under a second, Chinese or English:
 * an inverted index from bigram to groups finds candidates; only the item's rarest bigrams are
 * probed (to reach the threshold an item must share at least `minShared` bigrams with a
 * representative, so any `size - minShared + 1` of them include a shared one); lists of very
 * common bigrams ("申请", "th") are skipped beyond the rarest; and at most `maxCandidates` groups,
 * those sharing the most probed bigrams, are compared exactly. The price of the caps: in a window
 * full of near-identical wording a match can occasionally be missed and a group split in two.
 */
export function clusterSimilar<T>(items: readonly T[], textOf: (item: T) => string, options: ClusterOptions = {}): T[][] {
  const threshold = Math.min(1, Math.max(0.01, options.threshold ?? 0.5));
  const maxProbeGroups = options.maxProbeGroups ?? 256;
  const maxCandidates = options.maxCandidates ?? 128;

  const gramIds = new Map<string, number>();
  const groupsByGram: number[][] = [];
  const groups: T[][] = [];
  const representatives: GramIds[] = [];
  let hits = new Int32Array(1024);

  const idsOf = (text: string): GramIds => {
    const ids = [...bigrams(normaliseQuestion(text))].map((g) => {
      let id = gramIds.get(g);
      if (id === undefined) {
        id = gramIds.size;
        gramIds.set(g, id);
        groupsByGram.push([]);
      }
      return id;
    });
    return Int32Array.from(ids).sort();
  };

  for (const item of items) {
    const grams = idsOf(textOf(item));
    // Dice ≥ t with a representative of size ≥ 1 needs shared ≥ t(|a|+1)/2.
    const minShared = Math.max(1, Math.ceil((threshold * (grams.length + 1)) / 2));
    const postings = Array.from(grams, (id) => groupsByGram[id]).sort((a, b) => a.length - b.length);

    const touched: number[] = [];
    const counts = hits;
    const probes = grams.length - minShared + 1;
    let unscanned = grams.length; // bigrams whose lists were not counted: each may still be shared
    for (let p = 0; p < probes; p++) {
      const list = postings[p];
      if (p > 0 && list.length > maxProbeGroups) continue;
      if (list.length <= maxProbeGroups) unscanned--;
      const end = Math.min(list.length, maxProbeGroups);
      for (let k = 0; k < end; k++) {
        const groupIndex = list[k];
        if (counts[groupIndex]++ === 0) touched.push(groupIndex);
      }
    }
    // Shared bigrams ≤ counted hits + unscanned bigrams; drop groups that cannot reach the threshold.
    let candidates = touched.filter((g) => 2 * (counts[g] + unscanned) >= threshold * (grams.length + representatives[g].length));
    if (candidates.length > maxCandidates) candidates = candidates.sort((a, b) => counts[b] - counts[a] || a - b).slice(0, maxCandidates);

    let best = -1;
    let bestScore = -1;
    for (const groupIndex of candidates) {
      const score = diceOfSorted(grams, representatives[groupIndex]);
      if (score >= threshold && (score > bestScore || (score === bestScore && groupIndex < best))) {
        best = groupIndex;
        bestScore = score;
      }
    }
    for (const groupIndex of touched) hits[groupIndex] = 0;

    if (best >= 0) {
      groups[best].push(item);
      continue;
    }
    const groupIndex = groups.length;
    groups.push([item]);
    representatives.push(grams);
    if (groupIndex >= hits.length) hits = new Int32Array(hits.length * 2); // all zero between items
    for (const id of grams) groupsByGram[id].push(groupIndex);
  }
  return groups;
}
