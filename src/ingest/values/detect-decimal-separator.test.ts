import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator } from './detect-decimal-separator.js';

describe('detectDecimalSeparator', () => {
  it('finds a decimal comma', () => {
    expect(detectDecimalSeparator(['12,50', '7,25', '1.234,00', '3'])).toBe(',');
    expect(detectDecimalSeparator(['€ 12,50', '1.234.567'])).toBe(',');
  });

  it('finds a decimal dot', () => {
    expect(detectDecimalSeparator(['2.55', '3.39', '1,234.00'])).toBe('.');
    expect(detectDecimalSeparator(['1,234,567', '12'])).toBe('.');
  });

  it('lets the majority decide so one stray value does not flip a column', () => {
    expect(detectDecimalSeparator(['12,50', '7,25', '3.5'])).toBe(',');
  });

  it("returns 'auto' when no value tells", () => {
    expect(detectDecimalSeparator(['1', '20', '-3'])).toBe('auto');
    expect(detectDecimalSeparator(['1,234', '5,000', ''])).toBe('auto');
    expect(detectDecimalSeparator([])).toBe('auto');
  });
});
