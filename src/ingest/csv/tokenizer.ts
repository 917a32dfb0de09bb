import type { RecordError } from './record-error.js';

/** Where tokenizers append their output; arrays are filled in file order. */
export interface TokenSink {
  readonly fields: string[][];
  /** 1-based physical line where each record in `fields` starts. */
  readonly lines: number[];
  readonly errors: RecordError[];
}

/**
 * Splits decoded text into records. Text arrives in arbitrary chunks; a record cut by a chunk boundary is held
 * back (`pending`) until the next push, so the output never depends on how the text was chunked.
 */
export interface RecordTokenizer {
  push(text: string, out: TokenSink): void;
  /** End of input: the last line needs no line break; an open quote becomes an error. */
  end(out: TokenSink): void;
  /** Text held back because its record is not complete yet. */
  readonly pending: string;
}

export interface TokenizerOptions {
  /**
   * A record longer than this (in characters) is an error: an open quote is reported as unclosed, a line without
   * a line break as too long. Bounds memory on broken files. Default 1 Mi characters.
   */
  readonly maxRecordChars?: number;
  /** Line number of the first line of text pushed. Default 1. */
  readonly firstLine?: number;
  /** Field count of a well-formed record; learnt from the first record when not given. */
  readonly expectedFields?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;

export const newSink = (): TokenSink => ({ fields: [], lines: [], errors: [] });
