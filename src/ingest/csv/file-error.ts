/** Why a whole file cannot be read (as opposed to a single bad record). */
export type CsvFileError =
  | { readonly kind: 'not_found'; readonly message: string }
  | { readonly kind: 'empty'; readonly message: string }
  | { readonly kind: 'unsupported_encoding'; readonly message: string }
  | { readonly kind: 'unreadable_header'; readonly message: string };

export const emptyFile = (onlyBlankLines: boolean): CsvFileError => ({
  kind: 'empty',
  message: onlyBlankLines ? 'the file is empty (it contains only blank lines)' : 'the file is empty',
});

export const utf16File = (): CsvFileError => ({
  kind: 'unsupported_encoding',
  message: 'the file is UTF-16 encoded; save it as "CSV UTF-8" (or plain UTF-8 text) and import it again',
});

export const unreadableHeader = (line: number, reason: string): CsvFileError => ({
  kind: 'unreadable_header',
  message: `the header row (line ${line}) cannot be read: ${reason}`,
});

export const notAFile = (path: string): CsvFileError => ({
  kind: 'not_found',
  message: `no such file: ${path}`,
});
