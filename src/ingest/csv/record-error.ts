/** A record the reader could not produce; the rest of the file still imports (STYLE §9: expected failures are values). */
export interface RecordError {
  readonly kind: 'unclosed_quote' | 'invalid_utf8' | 'record_too_long';
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** A user-facing sentence. */
  readonly reason: string;
  /** The text that was dropped (at most RAW_LIMIT characters), for the quarantine. */
  readonly raw?: string;
}

export const RAW_LIMIT = 10_000;

const clip = (raw: string): string => (raw.length > RAW_LIMIT ? raw.slice(0, RAW_LIMIT) : raw);

export const INVALID_UTF8_REASON =
  'invalid UTF-8 byte sequence; re-run with --encoding latin1 if the file is a Windows/Excel export';

export const unclosedQuote = (line: number, quoteLine: number, raw: string, detail = ''): RecordError => ({
  kind: 'unclosed_quote',
  line,
  reason: `unclosed quote starting on line ${quoteLine}${detail}`,
  raw: clip(raw),
});

export const recordTooLong = (line: number, maxChars: number, raw: string): RecordError => ({
  kind: 'record_too_long',
  line,
  reason: `line ${line} is longer than ${maxChars} characters without a line break; is this a delimited text file?`,
  raw: clip(raw),
});

export const invalidUtf8 = (line: number, raw: string): RecordError => ({
  kind: 'invalid_utf8',
  line,
  reason: INVALID_UTF8_REASON,
  raw: clip(raw),
});
