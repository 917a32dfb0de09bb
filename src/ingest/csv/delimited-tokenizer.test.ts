import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { DelimitedTokenizer } from './delimited-tokenizer.js';
import { newSink, type TokenizerOptions, type TokenSink } from './tokenizer.js';

function tokenize(chunks: readonly string[], delimiter = ',', options: TokenizerOptions = {}): TokenSink {
  const t = new DelimitedTokenizer(delimiter, '"', options);
  const out = newSink();
  for (const c of chunks) t.push(c, out);
  t.end(out);
  return out;
}

const rows = (text: string, delimiter = ',', options: TokenizerOptions = {}) =>
  tokenize([text], delimiter, options);

/** Every way of cutting `text` we test: at each position in two, one character at a time, in threes. */
function chunkings(text: string): string[][] {
  const cuts: string[][] = [];
  for (let i = 0; i <= text.length; i++) cuts.push([text.slice(0, i), text.slice(i)]);
  cuts.push([...text]);
  const threes: string[] = [];
  for (let i = 0; i < text.length; i += 3) threes.push(text.slice(i, i + 3));
  cuts.push(threes);
  return cuts;
}

describe('DelimitedTokenizer', () => {
  it('splits simple lines with LF, CRLF and no final line break', () => {
    expect(rows('a,b,c\n1,2,3\r\n4,5,6')).toEqual({
      fields: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      lines: [1, 2, 3],
      errors: [],
    });
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows('a,,c\n,,\nx,y,\n').fields).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['x', 'y', ''],
    ]);
  });

  it('skips blank and whitespace-only lines but still counts them', () => {
    const out = rows('a,b\n\n1,2\r\n   \r\n\n3,4\n\n');
    expect(out.fields).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(out.lines).toEqual([1, 3, 6]);
  });

  it('reads quoted fields with delimiters, doubled quotes and empty quotes', () => {
    expect(rows('1,"AIRLINE LOUNGE,METAL SIGN",2\n2,"RECORD FRAME 7"" SINGLE",3\n3,"",""\n').fields).toEqual([
      ['1', 'AIRLINE LOUNGE,METAL SIGN', '2'],
      ['2', 'RECORD FRAME 7" SINGLE', '3'],
      ['3', '', ''],
    ]);
  });

  it('reads line breaks inside quotes and reports the line where the record starts', () => {
    const out = rows('id,note\n1,"first\nsecond\r\nthird"\n2,plain\n3,"x"\n');
    expect(out.fields).toEqual([
      ['id', 'note'],
      ['1', 'first\nsecond\r\nthird'],
      ['2', 'plain'],
      ['3', 'x'],
    ]);
    expect(out.lines).toEqual([1, 2, 5, 6]);
  });

  it('treats a quote inside an unquoted field as a character, and keeps text after a closing quote', () => {
    expect(rows('a,b,c\n1,12" vinyl,3\n2,"5" vinyl,4\n').fields).toEqual([
      ['a', 'b', 'c'],
      ['1', '12" vinyl', '3'],
      ['2', '5 vinyl', '4'],
    ]);
  });

  it('supports ; tab and | delimiters', () => {
    expect(rows('a;b\n"x;y";2,5\n', ';').fields).toEqual([
      ['a', 'b'],
      ['x;y', '2,5'],
    ]);
    expect(rows('a\tb\n1\t2\n', '\t').fields).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rows('a|b\n1|2\n', '|').fields).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quotes literally when quoting is off', () => {
    const t = new DelimitedTokenizer(',', null);
    const out = newSink();
    t.push('"a,b"\n', out);
    t.end(out);
    expect(out.fields).toEqual([['"a', 'b"']]);
  });

  describe('unclosed quotes', () => {
    it('resynchronises on the next line when the closing quote is followed by text', () => {
      const out = rows('id,name,qty\n1,"broken,3\n2,"ok",4\n3,fine,5\n');
      expect(out.errors).toEqual([
        { kind: 'unclosed_quote', line: 2, reason: 'unclosed quote starting on line 2', raw: '1,"broken,3' },
      ]);
      expect(out.fields).toEqual([
        ['id', 'name', 'qty'],
        ['2', 'ok', '4'],
        ['3', 'fine', '5'],
      ]);
      expect(out.lines).toEqual([1, 3, 4]);
    });

    it('reports a quote still open at the end of the file and keeps the lines after it', () => {
      const out = rows('id,name,qty\n1,"broken,3\n2,plain,4\n3,fine,5');
      expect(out.errors.map((e) => [e.line, e.reason])).toEqual([[2, 'unclosed quote starting on line 2']]);
      expect(out.fields.slice(1)).toEqual([
        ['2', 'plain', '4'],
        ['3', 'fine', '5'],
      ]);
      expect(out.lines).toEqual([1, 3, 4]);
    });

    it('rejects a multi-line record with the wrong number of fields', () => {
      const out = rows('id,name,qty\n1,"broken,3\n2,plain,4"\n5,x,6\n');
      expect(out.errors.map((e) => e.line)).toEqual([2]);
      expect(out.fields.slice(1)).toEqual([
        ['2', 'plain', '4"'],
        ['5', 'x', '6'],
      ]);
    });

    it('gives up on a quote with no closing quote within maxRecordChars, in bounded memory', () => {
      const line = (i: number) => `${i},plain,${i}\n`;
      const body = Array.from({ length: 200 }, (_, i) => line(i + 3)).join('');
      const t = new DelimitedTokenizer(',', '"', { maxRecordChars: 500 });
      const out = newSink();
      t.push('id,name,qty\n1,"open,2\n', out);
      for (let i = 0; i < body.length; i += 64) {
        t.push(body.slice(i, i + 64), out);
        expect(t.pending.length).toBeLessThanOrEqual(600);
      }
      t.end(out);
      expect(out.errors).toHaveLength(1);
      expect(out.errors[0]!.reason).toBe(
        'unclosed quote starting on line 2 (no closing quote within 500 characters)',
      );
      expect(out.fields).toHaveLength(201);
      expect(out.lines[1]).toBe(3);
    });

    it('stays linear when many lines open a quote that never closes', () => {
      const text = `a,b\n${'1,"x\n'.repeat(20_000)}`;
      const started = performance.now();
      const out = rows(text);
      expect(out.errors).toHaveLength(20_000);
      expect(out.errors[19_999]!.line).toBe(20_001);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });

  it('reports a line longer than maxRecordChars and skips to the next line', () => {
    const t = new DelimitedTokenizer(',', '"', { maxRecordChars: 100 });
    const out = newSink();
    t.push('a,b\n', out);
    for (let i = 0; i < 10; i++) t.push('x'.repeat(50), out);
    t.push('\n1,2\n', out);
    t.end(out);
    expect(out.errors.map((e) => [e.kind, e.line])).toEqual([['record_too_long', 2]]);
    expect(out.fields).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(out.lines).toEqual([1, 3]);
  });

  describe('chunk boundaries', () => {
    const inputs = {
      simple: 'a,b,c\n1,2,3\n4,5,6',
      crlf: 'a,b\r\n1,2\r\n\r\n3,4\r\n',
      quotes: 'id,text,n\r\n1,"a,b",2\n2,"say ""hi""",3\n3,"multi\r\nline\nvalue",4\n4,"",5\n5,"x"y,6\n',
      unclosed: 'id,text,n\n1,"broken,2\n2,"ok",3\n3,"never closes,4\n4,z,5\n',
      blanks: '\n\na,b\n\n\n1,2\n\n',
      trailingQuote: 'a,b\n1,"x"',
    };
    it('gives the same records for random inputs cut at random places (property)', () => {
      const rng = createRng(2024);
      const alphabet = ['a', 'b', ',', ',', '"', '"', '\n', '\r\n', ' '];
      for (let n = 0; n < 2000; n++) {
        const text = Array.from({ length: 1 + rng.int(40) }, () => rng.pick(alphabet)).join('');
        const whole = tokenize([text], ',', { maxRecordChars: 16 });
        const chunks: string[] = [];
        for (let i = 0; i < text.length; ) {
          const size = 1 + rng.int(6);
          chunks.push(text.slice(i, i + size));
          i += size;
        }
        expect(tokenize(chunks, ',', { maxRecordChars: 16 }), JSON.stringify(text)).toEqual(whole);
      }
    });

    it('reads back what a CSV writer wrote, however it is chunked (round-trip property)', () => {
      const rng = createRng(7);
      const alphabet = ['a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '€'];
      const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
      for (let n = 0; n < 300; n++) {
        const width = 2 + rng.int(4);
        const records = Array.from({ length: 1 + rng.int(8) }, () =>
          Array.from({ length: width }, () =>
            Array.from({ length: rng.int(6) }, () => rng.pick(alphabet)).join(''),
          ),
        );
        const text = records.map((r) => r.map(quote).join(',')).join(rng.next() < 0.5 ? '\n' : '\r\n');
        const chunks: string[] = [];
        for (let i = 0; i < text.length; ) {
          const size = 1 + rng.int(8);
          chunks.push(text.slice(i, i + size));
          i += size;
        }
        const out = tokenize(chunks);
        expect(out.errors).toEqual([]);
        expect(out.fields).toEqual(records);
      }
    });

    for (const [name, text] of Object.entries(inputs)) {
      it(`gives the same records however "${name}" is chunked`, () => {
        const whole = tokenize([text]);
        for (const chunks of chunkings(text)) expect(tokenize(chunks)).toEqual(whole);
      });
    }
  });
});
