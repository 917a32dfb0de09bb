import { describe, expect, it } from 'vitest';
import { asOfFromDay, parseAsOf } from './as-of.js';

describe('as-of dates', () => {
  it('means the end of the day: data before the next midnight UTC', () => {
    expect(parseAsOf('2011-06-30')).toEqual({
      date: '2011-06-30',
      dayMs: Date.UTC(2011, 5, 30),
      cutoffMs: Date.UTC(2011, 6, 1),
    });
    expect(asOfFromDay(Date.UTC(2011, 11, 9, 12, 50)).date).toBe('2011-12-09');
  });

  it('refuses anything but a calendar day', () => {
    for (const bad of ['2011-6-30', '30/06/2011', '2011-02-29', 'yesterday', '']) {
      expect(() => parseAsOf(bad), bad).toThrow(`invalid as-of date: "${bad}"`);
    }
  });
});
