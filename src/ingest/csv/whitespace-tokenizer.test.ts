import { describe, expect, it } from 'vitest';
import { newSink, type TokenSink } from './tokenizer.js';
import { WhitespaceTokenizer } from './whitespace-tokenizer.js';

function tokenize(chunks: readonly string[]): TokenSink {
  const t = new WhitespaceTokenizer();
  const out = newSink();
  for (const c of chunks) t.push(c, out);
  t.end(out);
  return out;
}

describe('WhitespaceTokenizer', () => {
  const cdnow =
    ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n\r\n 00002\t19970112  1   12.00';

  it('splits on runs of spaces and tabs, ignoring leading and trailing whitespace and blank lines', () => {
    expect(tokenize([cdnow])).toEqual({
      fields: [
        ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
        ['00001', '19970101', '1', '11.77'],
        ['00002', '19970112', '1', '12.00'],
      ],
      lines: [1, 2, 4],
      errors: [],
    });
  });

  it('gives the same records however the text is chunked', () => {
    const whole = tokenize([cdnow]);
    for (let i = 0; i <= cdnow.length; i++)
      expect(tokenize([cdnow.slice(0, i), cdnow.slice(i)])).toEqual(whole);
    expect(tokenize([...cdnow])).toEqual(whole);
  });

  it('reports a line longer than maxRecordChars and goes on', () => {
    const t = new WhitespaceTokenizer({ maxRecordChars: 10 });
    const out = newSink();
    t.push('a b\n', out);
    t.push('x'.repeat(30), out);
    t.push('y'.repeat(30), out);
    t.push('\n1 2\n', out);
    t.end(out);
    expect(out.errors.map((e) => [e.kind, e.line])).toEqual([['record_too_long', 2]]);
    expect(out.fields).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
