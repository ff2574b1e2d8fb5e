// How a source is named in a reply: "title — source, date" (the source is the path relative to the
// corpus root, or the URL; the date is shown when the document states one).
import type { Chunk, Source } from '../ports.js';

/** "001_x.txt", "notices/meal.pdf, 2024-05-20", "https://…/notice.html, 2024-10-15". */
export function sourceAddress(source: Pick<Source, 'doc' | 'date' | 'url'>): string {
  return `${source.url ?? source.doc}${source.date ? `, ${source.date}` : ''}`;
}

/** "title — source, date". */
export function citationText(source: Pick<Source, 'title' | 'doc' | 'date' | 'url'>): string {
  return `${source.title} — ${sourceAddress(source)}`;
}

/** The optional citation keys a chunk gives its source (absent keys stay absent in JSON). */
export function citationKeys(chunk: Pick<Chunk, 'date' | 'url'>): Pick<Source, 'date' | 'url'> {
  return { ...(chunk.date ? { date: chunk.date } : {}), ...(chunk.url ? { url: chunk.url } : {}) };
}
