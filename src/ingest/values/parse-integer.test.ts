import { describe, expect, it } from 'vitest';
import { parseInteger } from './parse-integer.js';

const value = (text: string, decimal: '.' | ',' | 'auto' = 'auto') => {
  const r = parseInteger(text, decimal);
  return r.ok ? r.value : r.error;
};

describe('parseInteger', () => {
  it('reads whole numbers, with thousands separators and harmless zero decimals', () => {
    expect(value('42')).toBe(42);
    expect(value('-3')).toBe(-3);
    expect(value('+3')).toBe(3);
    expect(value('00001')).toBe(1);
    expect(value('1,234')).toBe(1234);
    expect(value('1.234')).toBe(1234);
    expect(value('1 234 567')).toBe(1234567);
    expect(value('12.0')).toBe(12);
    expect(value('12,00', ',')).toBe(12);
  });

  it('refuses fractions, words and integers too large to store exactly', () => {
    expect(value('12.5')).toBe('not an integer: "12.5"');
    expect(value('abc')).toBe('not an integer: "abc"');
    expect(value('')).toBe('expected an integer but the value is empty');
    expect(value('5%')).toBe(
      'not an integer: "5%" (percentages are not accepted: remove the % sign or divide by 100)',
    );
    expect(value('9007199254740993')).toBe(
      'integer too large: "9007199254740993" (the largest accepted is 9007199254740991)',
    );
  });
});
