import type { RecordError } from './record-error.js';

/** A slice of records, in file order. Fields are raw text: value parsing happens downstream. */
export interface RecordBatch {
  readonly fields: string[][];
  /** 1-based physical line where each record starts (the header, if any, is the first non-blank line). */
  readonly lines: number[];
  /** Records that could not be read, with their line; reading went on after them. */
  readonly errors: RecordError[];
  /** Bytes of the file consumed so far (compressed bytes for gzip), for progress. */
  readonly bytesRead: number;
  readonly totalBytes?: number;
}
