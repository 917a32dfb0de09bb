/** One streamed batch of records from a file, each with the (1-based) line or row it starts on. */
export interface RecordBatch {
  readonly fields: readonly (readonly string[])[];
  readonly lines: readonly number[];
  /** Records the reader could not split (unclosed quote, bad encoding): quarantined whole. */
  readonly errors: readonly { readonly line: number; readonly reason: string; readonly raw?: string }[];
  /** Bytes of the file consumed so far (for progress). */
  readonly bytesRead: number;
}

/**
 * A file opened for import, whatever its format: a header and a stream of string records. Typed values are
 * parsed later, column by column, so CSV, JSONL and Parquet share one validation path.
 */
export interface RecordSource {
  readonly fileName: string;
  readonly format: 'csv' | 'jsonl' | 'parquet';
  /** How the file was read ("CSV, ';' separated, windows-1252"), for the report. */
  readonly description: string;
  readonly header: readonly string[];
  readonly totalBytes: number;
  /** What joins fields when a rejected record is shown raw. */
  readonly rawSeparator: string;
  /** Word for a position in this format: line (text files) or row (Parquet). */
  readonly positionName: 'line' | 'row';
  batches(): AsyncIterable<RecordBatch>;
  /** SHA-256 of the file's bytes; complete once `batches()` is exhausted. */
  sha256(): Promise<string>;
}
