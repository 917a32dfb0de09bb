import { err, ok, type Result } from '../../core/result.js';
import type { CsvDelimiter, CsvEncoding } from './dialect.js';

const DELIMITER_NAMES: Readonly<Record<string, CsvDelimiter>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
  whitespace: 'whitespace',
  space: 'whitespace',
  spaces: 'whitespace',
};

const ENCODING_NAMES: Readonly<Record<string, CsvEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  ansi: 'windows-1252',
};

/** Reads a `--delimiter` flag value (`,` `;` `tab` `|` `whitespace` and their names). */
export function parseDelimiterOption(text: string): Result<CsvDelimiter, string> {
  const found = DELIMITER_NAMES[text] ?? DELIMITER_NAMES[text.trim().toLowerCase()];
  return found === undefined
    ? err(`unknown delimiter "${text}" (expected one of: , ; tab | whitespace)`)
    : ok(found);
}

/**
 * Reads an `--encoding` flag value. latin1 / ISO-8859-1 map to windows-1252, its superset, exactly as browsers
 * do (the WHATWG Encoding Standard), so Excel exports with € and curly quotes decode correctly.
 */
export function parseEncodingOption(text: string): Result<CsvEncoding, string> {
  const found = ENCODING_NAMES[text.trim().toLowerCase()];
  return found === undefined
    ? err(
        `unknown encoding "${text}" (expected utf-8, or latin1 / windows-1252 for Windows and Excel exports)`,
      )
    : ok(found);
}
