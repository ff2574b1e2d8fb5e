// The stratified calib / report split the blind sets' build scripts compute (eval/frost/build.ts, eval/cradle/build.ts):
// within each language × answerable × kind stratum (for unanswerable items the kind, their first tag; for answerable
// ones cross-lingual, near-duplicate or plain, in that order of precedence), in id order, items 1, 3, 5 of every 5
// are calib — so every stratum of two or more is in both splits. Rewrites the question file in place.
import fs from 'node:fs';

interface SplitQuestion {
  id: string;
  lang: string;
  unanswerable: boolean;
  tags: string[];
  split?: string;
}

const stratum = (q: SplitQuestion) =>
  `${q.lang}/${q.unanswerable}/${q.unanswerable ? q.tags[0] : q.tags.includes('cross-lingual') ? 'cross-lingual' : q.tags.includes('near-duplicate') ? 'near-duplicate' : 'plain'}`;

/** One JSON object a line, written as the other sets write them ("key": value, ", " between items). */
const fmt = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(fmt).join(', ')}]` : v !== null && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x)}`).join(', ')}}` : JSON.stringify(v);

/** Sets each question's `split` in `file` by the rule above, the field last. */
export function writeStratifiedSplit(file: string): void {
  const qs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SplitQuestion);
  const seen = new Map<string, number>();
  for (const q of [...qs].sort((a, b) => a.id.localeCompare(b.id))) {
    const s = stratum(q);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    q.split = [0, 2, 4].includes(n % 5) ? 'calib' : 'report';
  }
  const out = qs.map(({ split, ...rest }) => fmt({ ...rest, split }));
  fs.writeFileSync(file, `${out.join('\n')}\n`);
}
