// The port every document-kind splitter implements. A new kind is one file with one of these,
// registered in ./index.ts; the kind and its version are recorded per document in the manifest.
import type { ReadDocument, SplitResult } from '../model.js';

export interface Splitter {
  kind: string;
  /** Bump when this kind's articles change for the same input: documents of this kind are re-split. */
  version: string;
  /** Whether this kind fits the document (the first splitter in the table that accepts it is used). */
  accepts(doc: ReadDocument): boolean;
  split(doc: ReadDocument): SplitResult;
}
