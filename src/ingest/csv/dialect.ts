/** The shape of a delimited text file, as sniffed from its first bytes or stated by the user. */
export type CsvDelimiter = ',' | ';' | '\t' | '|' | 'whitespace';
export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvLineEnding = 'lf' | 'crlf';

export interface CsvDialect {
  /** 'whitespace' splits on runs of spaces/tabs and ignores leading/trailing ones (fixed-width-ish exports). */
  readonly delimiter: CsvDelimiter;
  /** Quote character; null turns quoting off (always off in whitespace mode). */
  readonly quote: '"' | null;
  readonly encoding: CsvEncoding;
  /** The file starts with a UTF-8 byte order mark (stripped before tokenizing). */
  readonly bom: boolean;
  readonly hasHeader: boolean;
  /** Informational: the reader accepts LF and CRLF in the same file. */
  readonly lineEnding: CsvLineEnding;
}

/** What the user stated (`--delimiter`, `--encoding`, `--no-header`); everything else is sniffed. */
export type DialectOverrides = Partial<CsvDialect>;

export const DELIMITERS: readonly Exclude<CsvDelimiter, 'whitespace'>[] = [',', ';', '\t', '|'];

const DELIMITER_WORDS: Readonly<Record<CsvDelimiter, string>> = {
  ',': "',' separated",
  ';': "';' separated",
  '\t': 'tab separated',
  '|': "'|' separated",
  whitespace: 'whitespace aligned',
};

/** One line for reports: `CSV, ';' separated, windows-1252, with header`. */
export function describeDialect(d: CsvDialect): string {
  return `CSV, ${DELIMITER_WORDS[d.delimiter]}, ${d.encoding}${d.bom ? ' with BOM' : ''}, ${d.hasHeader ? 'with header' : 'no header'}`;
}
