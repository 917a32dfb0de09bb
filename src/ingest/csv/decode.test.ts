import { describe, expect, it } from 'vitest';
import { createChunkDecoder } from './decode.js';
import { decodeMarkingInvalid, INVALID_MARK, incompleteTailLength, isUtf8Sample } from './utf8.js';

const decodeAll = (
  bytes: Uint8Array,
  cuts: readonly number[],
  encoding: 'utf-8' | 'windows-1252' = 'utf-8',
) => {
  const d = createChunkDecoder(encoding);
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += d.write(bytes.subarray(from, cut));
    from = cut;
  }
  return text + d.end();
};

describe('UTF-8 chunk decoding', () => {
  const text = 'Peña, García; 12,50 € — 日本 🎉 ok';
  const bytes = Buffer.from(text, 'utf8');

  it('decodes a character cut at any byte position', () => {
    for (let i = 0; i <= bytes.length; i++) expect(decodeAll(bytes, [i])).toBe(text);
    expect(
      decodeAll(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toBe(text);
  });

  it('marks each invalid byte, wherever the chunks are cut', () => {
    const bad = Buffer.concat([
      Buffer.from('Pe'),
      Buffer.from([0xf1]),
      Buffer.from('a,Garc'),
      Buffer.from([0xed]),
      Buffer.from('a'),
    ]);
    const expected = `Pe${INVALID_MARK}a,Garc${INVALID_MARK}a`;
    for (let i = 0; i <= bad.length; i++) expect(decodeAll(bad, [i])).toBe(expected);
  });

  it('marks a multi-byte character truncated at the end of the input', () => {
    expect(decodeAll(Buffer.from([0x61, 0xe2, 0x82]), [])).toBe(`a${INVALID_MARK}${INVALID_MARK}`);
  });

  it('reports whether the last chunk had invalid bytes', () => {
    const d = createChunkDecoder('utf-8');
    d.write(Buffer.from('fine'));
    expect(d.lastHadInvalid).toBe(false);
    d.write(Buffer.from([0x41, 0xff]));
    expect(d.lastHadInvalid).toBe(true);
  });
});

describe('windows-1252 decoding', () => {
  it('decodes Spanish Excel bytes, including € and curly quotes', () => {
    const bytes = Buffer.from([0x50, 0x65, 0xf1, 0x61, 0x3b, 0x80, 0x3b, 0x93, 0x78, 0x94, 0x3b, 0x81]);
    expect(decodeAll(bytes, [3], 'windows-1252')).toBe('Peña;€;“x”;\u0081');
  });
});

describe('utf8 helpers', () => {
  it('finds an incomplete trailing character', () => {
    expect(incompleteTailLength(Buffer.from('abc'))).toBe(0);
    expect(incompleteTailLength(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(incompleteTailLength(Buffer.from([0x61, 0xe2, 0x82]))).toBe(2);
    expect(incompleteTailLength(Buffer.from([0xf0, 0x9f, 0x8e]))).toBe(3);
    expect(incompleteTailLength(Buffer.from('€'))).toBe(0);
  });

  it('validates a sample ignoring a character cut at its end', () => {
    expect(isUtf8Sample(Buffer.from('Peña').subarray(0, 3))).toBe(true);
    expect(isUtf8Sample(Buffer.from([0x50, 0x65, 0xf1, 0x61]))).toBe(false);
  });

  it('rejects overlong forms and surrogates like a strict decoder', () => {
    for (const seq of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(decodeMarkingInvalid(Buffer.from(seq)).invalid).toBe(seq.length);
    }
    expect(decodeMarkingInvalid(Buffer.from('ok €')).text).toBe('ok €');
  });
});
