import { createTokenizer } from './create-tokenizer.js';
import type { CsvDialect, CsvEncoding, DialectOverrides } from './dialect.js';
import { detectDelimiter, SNIFF_RECORDS } from './sniff-delimiter.js';
import { detectHeader } from './sniff-header.js';
import { newSink } from './tokenizer.js';
import { isUtf8Sample } from './utf8.js';
import { decodeWindows1252 } from './windows-1252.js';

export interface SniffOptions {
  /** The sample is the whole file, so its last line is complete even without a line break. */
  readonly complete?: boolean;
}

const hasUtf8Bom = (b: Uint8Array): boolean =>
  b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * Infers the dialect from the first bytes of a file (after gunzip), e.g. 64 KiB; anything the user stated in
 * `overrides` wins. Pure: the same bytes always give the same dialect.
 */
export function sniffDialect(
  sample: Uint8Array,
  overrides: DialectOverrides = {},
  options: SniffOptions = {},
): CsvDialect {
  const bom = overrides.bom ?? hasUtf8Bom(sample);
  const body = bom && hasUtf8Bom(sample) ? sample.subarray(3) : sample;
  const encoding: CsvEncoding = overrides.encoding ?? (bom || isUtf8Sample(body) ? 'utf-8' : 'windows-1252');
  let text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(body) : decodeWindows1252(body);
  if (!options.complete) {
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak !== -1) text = text.slice(0, lastBreak + 1); // drop a line cut by the sample's end
  }
  const firstBreak = text.indexOf('\n');
  const lineEnding = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? 'crlf' : 'lf';
  const delimiter = overrides.delimiter ?? detectDelimiter(text);
  const quote = overrides.quote !== undefined ? overrides.quote : delimiter === 'whitespace' ? null : '"';
  let hasHeader = overrides.hasHeader;
  if (hasHeader === undefined) {
    const tokenizer = createTokenizer({ delimiter, quote });
    const out = newSink();
    tokenizer.push(text, out);
    tokenizer.end(out);
    hasHeader = detectHeader(out.fields.slice(0, SNIFF_RECORDS));
  }
  return { delimiter, quote, encoding, bom, hasHeader, lineEnding };
}
