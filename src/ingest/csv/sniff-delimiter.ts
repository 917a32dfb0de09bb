import { DelimitedTokenizer } from './delimited-tokenizer.js';
import { type CsvDelimiter, DELIMITERS } from './dialect.js';
import { newSink } from './tokenizer.js';
import { WhitespaceTokenizer } from './whitespace-tokenizer.js';

/** How many records the sniffer looks at. */
export const SNIFF_RECORDS = 50;

interface Candidate {
  readonly delimiter: CsvDelimiter;
  /** Share of records with the most common field count (0 when that count is 1: the delimiter does not split). */
  readonly consistency: number;
  readonly fields: number;
}

/**
 * Picks the delimiter whose field counts are most consistent over the first records (quote-aware, so commas
 * inside quoted fields do not count). Ties go to the delimiter giving more fields, so `Peña;12,50` is split on
 * `;` even when every row has exactly one decimal comma. Whitespace alignment is chosen only when no delimiter
 * splits the lines consistently, since almost every file has spaces somewhere.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: Candidate = { delimiter: ',', consistency: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    const c = score(delimiter, fieldCounts(text, delimiter));
    if (c.consistency > best.consistency || (c.consistency === best.consistency && c.fields > best.fields))
      best = c;
  }
  if (best.consistency >= 0.9) return best.delimiter;
  const ws = score('whitespace', fieldCounts(text, 'whitespace'));
  return ws.consistency >= 0.9 && ws.consistency > best.consistency ? 'whitespace' : best.delimiter;
}

function fieldCounts(text: string, delimiter: CsvDelimiter): number[] {
  const tokenizer =
    delimiter === 'whitespace' ? new WhitespaceTokenizer() : new DelimitedTokenizer(delimiter, '"');
  const out = newSink();
  tokenizer.push(text, out);
  tokenizer.end(out);
  return out.fields.slice(0, SNIFF_RECORDS).map((f) => f.length);
}

function score(delimiter: CsvDelimiter, counts: readonly number[]): Candidate {
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  let fields = 1;
  let top = 0;
  for (const [n, f] of freq) {
    if (f > top || (f === top && n > fields)) {
      fields = n;
      top = f;
    }
  }
  const consistency = fields < 2 || counts.length === 0 ? 0 : top / counts.length;
  return { delimiter, consistency, fields };
}
