// The port every format reader implements. A new format is one file with one of these,
// registered in ./index.ts.
import type { Block, BlockInput } from '../model.js';

export interface ReaderInput {
  bytes: Buffer;
  /** File name or URL, for messages and as the title of last resort. */
  name: string;
  /** Content-Type header of a fetched page (its charset wins over guessing). */
  contentType?: string;
}

/** A reader's result: blocks in reading order plus the metadata the file states. */
export type ReaderOutput = {
  format: string;
  encoding: string;
  title?: string;
  /** Publication date, YYYY-MM-DD. */
  date?: string;
} & (
  | { /** Original text kept (txt/md): blocks carry offsets into it. */ text: string; blocks: Block[] }
  | { text?: undefined; blocks: BlockInput[] }
);

export interface FormatReader {
  format: string;
  /** Bumped when the same bytes would now read differently: an index built by another version re-reads its files. */
  version?: string;
  /** Lower-case file extensions with the dot. */
  extensions: string[];
  /** Content types (without parameters) a fetched URL may be served with. */
  mediaTypes: string[];
  /** Never throws for bad input: returns { reason } instead. */
  read(input: ReaderInput): Promise<ReaderOutput | { reason: string }>;
}
