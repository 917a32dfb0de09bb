import { describe, expect, it } from 'vitest';
import { type DecimalOption, parseNumber } from './parse-number.js';

const value = (text: string, decimal: DecimalOption = 'auto') => {
  const r = parseNumber(text, decimal);
  return r.ok ? r.value : r.error;
};

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['1234,5', 1234.5],
    ['12,50', 12.5],
    ['-3', -3],
    ['+7', 7],
    ['0', 0],
    ['-0', 0],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234\u202f567,25', 1234567.25],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['0,500', 0.5],
    ['.5', 0.5],
    [',5', 0.5],
    ['1e3', 1000],
    ['-2.5E-3', -0.0025],
    ['€ 12,50', 12.5],
    ['€12,50', 12.5],
    ['12.50 €', 12.5],
    ['12,50€', 12.5],
    ['$12', 12],
    ['-$12.00', -12],
    ['$-12', -12],
    ['£1,299.99', 1299.99],
    ['  42  ', 42],
  ])('auto: %s → %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('refuses a lone thousands-looking group as ambiguous, naming the flag', () => {
    expect(value('1,234')).toBe(
      'ambiguous number "1,234" (is the comma a decimal or a thousands separator? pass --decimal , or --decimal .)',
    );
    expect(value('1.234')).toBe(
      'ambiguous number "1.234" (is the dot a decimal or a thousands separator? pass --decimal , or --decimal .)',
    );
    expect(value('-€ 999,000')).toMatch(/^ambiguous number "-€ 999,000"/);
  });

  it('reads the ambiguous forms once the column decided', () => {
    expect(value('1,234', ',')).toBe(1.234);
    expect(value('1,234', '.')).toBe(1234);
    expect(value('1.234', ',')).toBe(1234);
    expect(value('1.234', '.')).toBe(1.234);
  });

  it('holds a stated decimal separator to its rules', () => {
    expect(value('1.234,5', ',')).toBe(1234.5);
    expect(value('12.5', '.')).toBe(12.5);
    expect(value('1.5', ',')).toBe(
      'not a number: "1.5" (expected "," as the decimal separator and "." only between groups of three digits)',
    );
    expect(value('12,50', '.')).toBe(
      'not a number: "12,50" (expected "." as the decimal separator and "," only between groups of three digits)',
    );
    expect(value('1.234,5', '.')).toMatch(/^not a number: "1.234,5" \(expected "\." as the decimal/);
    expect(value('1e3', ',')).toMatch(/^not a number: "1e3"/);
  });

  it('explains what is wrong with values that are not numbers', () => {
    expect(value('abc')).toBe('not a number: "abc"');
    expect(value('')).toBe('expected a number but the value is empty');
    expect(value('   ')).toBe('expected a number but the value is empty');
    expect(value('12%')).toBe(
      'not a number: "12%" (percentages are not accepted: remove the % sign or divide by 100)',
    );
    expect(value('(12.00)')).toBe(
      'not a number: "(12.00)" (write negative numbers with a minus sign, e.g. -12.00)',
    );
    expect(value('1,,2')).toBe('not a number: "1,,2"');
    expect(value('12.')).toBe('not a number: "12."');
    expect(value('1.2.3,4,5')).toBe('not a number: "1.2.3,4,5"');
    expect(value('12 34')).toBe('not a number: "12 34"');
    expect(value('€')).toBe('not a number: "€"');
    expect(value('--3')).toBe('not a number: "--3"');
    expect(value('x'.repeat(100))).toBe(`not a number: "${'x'.repeat(57)}..."`);
  });
});
