// The table of document-kind splitters, in order of preference: the first that accepts a document
// splits it. One file per kind, registered here.
import type { ReadDocument } from '../model.js';
import { guideSplitter } from './guide.js';
import { newspaperSplitter } from './newspaper.js';
import { noticeSplitter } from './notice.js';
import { fallbackSplitter, plainSplitter } from './plain.js';
import type { Splitter } from './splitter.js';
import { structuredSplitter } from './structured.js';

export const SPLITTERS: readonly Splitter[] = [noticeSplitter, structuredSplitter, plainSplitter, guideSplitter, newspaperSplitter, fallbackSplitter];

export function splitterFor(doc: ReadDocument): Splitter {
  return SPLITTERS.find((s) => s.accepts(doc)) ?? fallbackSplitter;
}

export type { Splitter } from './splitter.js';
