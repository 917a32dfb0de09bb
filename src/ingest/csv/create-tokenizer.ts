import { DelimitedTokenizer } from './delimited-tokenizer.js';
import type { CsvDialect } from './dialect.js';
import type { RecordTokenizer, TokenizerOptions } from './tokenizer.js';
import { WhitespaceTokenizer } from './whitespace-tokenizer.js';

/** The tokenizer for a dialect's delimiter and quoting. */
export function createTokenizer(
  dialect: Pick<CsvDialect, 'delimiter' | 'quote'>,
  options: TokenizerOptions = {},
): RecordTokenizer {
  return dialect.delimiter === 'whitespace'
    ? new WhitespaceTokenizer(options)
    : new DelimitedTokenizer(dialect.delimiter, dialect.quote, options);
}
