// How a source is named in a reply: "title — source, date" (the source is the path relative to the
// corpus root, or the URL; the date is shown when the document states one).
import type { AskResponse, Chunk, Source } from '../ports.js';

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

/**
 * The sources a reply to a resident lists: the ones the answer cites, or all retrieved ones when it cites none
 * explicitly. An abstention lists only what it cites: "the documents don't say how to apply; what they say: …[1]"
 * quotes a source, a plain "not found" none (five unrelated documents under "not found" read as an answer).
 */
export function citedSources(response: Pick<AskResponse, 'sources' | 'citations' | 'abstained'>): Source[] {
  const cited = response.sources.filter((s) => response.citations.includes(s.rank));
  if (response.abstained) return cited;
  return cited.length > 0 ? cited : response.sources;
}
