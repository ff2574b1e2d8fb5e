// The newspaper page (the seed pages' layout): Chinese .txt/.md split by ../pages.ts, unchanged.
// What the page splitter leaves out (captions, editor lines, continuation markers, stray headline
// lines) is reported as dropped, with the role the page splitter gave the line.
import { lineRole, splitPage } from '../pages.js';
import type { Dropped } from '../model.js';
import type { Splitter } from './splitter.js';

const REASONS: Record<string, string> = {
  caption: 'photo caption or credit',
  editor: 'editor line (策划/编辑/校对)',
  marker: 'continuation marker (上接/下转)',
  byline: 'byline',
};

export const newspaperSplitter: Splitter = {
  kind: 'newspaper',
  version: 'newspaper-v2',
  accepts: (doc) => doc.format === 'txt' || doc.format === 'md',
  split(doc) {
    const articles = splitPage(doc);
    const covered: [number, number][] = articles.flatMap((a) => a.paragraphs.map((p) => [p.start, p.end] as [number, number]));
    // Titles, subtitles, bylines and subheads are kept on the article, not in its paragraphs.
    const bare = (t: string) => t.replace(/[\s()（）·•・#]/g, '');
    const shown = bare(articles.flatMap((a) => [a.title, a.subtitle ?? '', a.byline ?? '', ...a.subheads]).join(''));
    const kept = (text: string) => shown.includes(bare(text));
    const dropped: Dropped[] = [];
    for (const [i, b] of doc.blocks.entries()) {
      if (covered.some(([s, e]) => b.start < e && b.end > s)) continue;
      const role = lineRole(b.text);
      if (role === 'headline' || role === 'heading' || role === 'label' || role === 'leadin' || role === 'kicker') {
        if (kept(b.text)) continue; // it is a title or subhead
        dropped.push({ text: b.text, reason: 'section label or heading with no body under it' });
      } else if (kept(b.text)) continue; // a byline kept on the article
      else if (role === 'body' && lineRole(doc.blocks[i + 1]?.text ?? '') === 'caption') dropped.push({ text: b.text, reason: REASONS.caption });
      else dropped.push({ text: b.text, reason: REASONS[role] ?? `${role} line outside any article` });
    }
    return { articles, dropped };
  },
};
