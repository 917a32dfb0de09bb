import { describe, expect, it } from 'vitest';
import { sniffDialect } from './sniff.js';

const sniff = (text: string | Buffer, overrides = {}) =>
  sniffDialect(typeof text === 'string' ? Buffer.from(text) : text, overrides, { complete: true });

const cp1252 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('sniffDialect', () => {
  it('detects a comma file with a header', () => {
    expect(sniff('id,name,amount\n1,Ana,12.5\n2,"Luis, Jr.",7\n')).toEqual({
      delimiter: ',',
      quote: '"',
      encoding: 'utf-8',
      bom: false,
      hasHeader: true,
      lineEnding: 'lf',
    });
  });

  it('prefers ; over the decimal commas inside its fields', () => {
    expect(sniff('nombre;importe;cantidad\r\nPeña;12,50;3\r\nGarcía;7,25;1\r\n').delimiter).toBe(';');
    expect(sniff('a;b\nx;1,5\ny;2,5\nz;3,5\n').delimiter).toBe(';');
  });

  it('detects tab and pipe', () => {
    expect(sniff('a\tb\tc\n1\t2\t3\n').delimiter).toBe('\t');
    expect(sniff('a|b|c\n1|2|3\n').delimiter).toBe('|');
  });

  it('does not count delimiters inside quotes', () => {
    expect(sniff('"a;b",c\n"d;e",f\n"g;h",i\n').delimiter).toBe(',');
  });

  it('detects whitespace-aligned columns', () => {
    const d = sniff(
      ' 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n 00002 19970112  5   77.00\r\n',
    );
    expect(d).toMatchObject({ delimiter: 'whitespace', quote: null, hasHeader: false, lineEnding: 'crlf' });
  });

  it('falls back to comma for a single-column file', () => {
    expect(sniff('email\nana@example.com\nluis@example.com\n').delimiter).toBe(',');
  });

  describe('encoding', () => {
    it('reads valid UTF-8 as utf-8', () => {
      expect(sniff('nombre;ciudad\nPeña;Cádiz\n').encoding).toBe('utf-8');
    });

    it('reads single-byte Spanish Excel exports as windows-1252', () => {
      expect(sniff(cp1252('nombre;ciudad\nPeña;Cádiz\nGarcía;León\n')).encoding).toBe('windows-1252');
    });

    it('ignores a multi-byte character cut at the end of the sample', () => {
      const bytes = Buffer.from('nombre;ciudad\nPeña;Cádiz\n');
      const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('á')) + 1);
      expect(sniffDialect(cut).encoding).toBe('utf-8');
    });

    it('notes a UTF-8 BOM', () => {
      const d = sniff(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,Ana\n')]));
      expect(d).toMatchObject({ bom: true, encoding: 'utf-8', hasHeader: true });
    });
  });

  describe('header', () => {
    it('is a header when text sits over numbers and dates', () => {
      expect(sniff('customer,date,amount\n00001,2020-01-01,3\n00002,2020-01-02,4\n').hasHeader).toBe(true);
    });

    it('is data when the first row is typed like the rest', () => {
      expect(sniff('00001,2020-01-01,3\n00002,2020-01-02,4\n').hasHeader).toBe(false);
    });

    it('is a header when all-text columns start with distinct names', () => {
      expect(sniff('name,city\nAna,Madrid\nLuis,Sevilla\n').hasHeader).toBe(true);
    });

    it('is data when a first-row value reappears in its column', () => {
      expect(sniff('Ana,Madrid\nLuis,Madrid\n').hasHeader).toBe(false);
    });

    it('decides for a single line from its shape', () => {
      expect(sniff('id,name,amount\n').hasHeader).toBe(true);
      expect(sniff('1,2,3\n').hasHeader).toBe(false);
    });
  });

  it('lets the user override everything', () => {
    const d = sniff('a,b\n1,2\n', {
      delimiter: ';',
      encoding: 'windows-1252',
      hasHeader: false,
      quote: null,
    });
    expect(d).toMatchObject({ delimiter: ';', encoding: 'windows-1252', hasHeader: false, quote: null });
  });

  it('ignores a line cut by the end of a partial sample', () => {
    const sample = Buffer.from('a;b;c\n1;2;3\n4;5;6\n7,8');
    expect(sniffDialect(sample).delimiter).toBe(';');
  });
});
