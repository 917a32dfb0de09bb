import { describe, expect, it } from 'vitest';
import { summariseRfm, summariseSpend, weightedRfmSummary } from './summary.js';

describe('summariseRfm', () => {
  it('collapses identical customers into weighted rows', () => {
    const s = summariseRfm({ x: [0, 2, 0, 2, 1, -0], tx: [0, 5, 0, 5, 3, 0], T: [10, 10, 10, 10, 10, 10] });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.nRows).toBe(3);
    expect(s.value.nCustomers).toBe(6);
    expect(Array.from(s.value.weight)).toEqual([3, 2, 1]); // −0 groups with 0
    expect(Array.from(s.value.x)).toEqual([0, 2, 1]);
  });

  it('names the row and column of bad input', () => {
    const bad = (x: number, tx: number, T: number) => {
      const r = summariseRfm({ x: [0, x], tx: [0, tx], T: [5, T] });
      return r.ok ? 'ok' : r.error.message;
    };
    expect(bad(1.5, 1, 5)).toBe('row 1, column x: expected a whole number of repeat purchases ≥ 0, got 1.5');
    expect(bad(1, 6, 5)).toBe(
      'row 1, column tx: recency 6 exceeds T = 5: the last purchase cannot be after the end of calibration',
    );
    expect(bad(0, 2, 5)).toBe('row 1, column tx: recency must be 0 when x = 0 (no repeat purchase), got 2');
    expect(bad(1, 1, Number.NaN)).toBe('row 1, column T: expected a finite age ≥ 0, got NaN');
    expect(bad(3, 5, 5)).toBe('ok'); // x > 0 with tₓ = T is valid
  });

  it('merges pre-aggregated rows and rejects non-positive weights', () => {
    const s = weightedRfmSummary({ x: [1, 1], tx: [2, 2], T: [4, 4], weight: [2.5, 3] });
    expect(s.ok && Array.from(s.value.weight)).toEqual([5.5]);
    const bad = weightedRfmSummary({ x: [1], tx: [2], T: [4], weight: [0] });
    expect(!bad.ok && bad.error.column).toBe('weight');
  });
});

describe('summariseSpend', () => {
  it('excludes and counts customers without repeat purchases or with spend ≤ 0', () => {
    const s = summariseSpend({ x: [0, 2, 3, 1, 2, 4], monetary: [0, 10, -5, 0, 10, 7] });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.excluded).toEqual({ noRepeat: 1, nonPositiveSpend: 2 });
    expect(s.value.nCustomers).toBe(3);
    expect(s.value.nRows).toBe(2);
    expect(Array.from(s.value.weight)).toEqual([2, 1]);
  });

  it('rejects non-finite spend with its row', () => {
    const s = summariseSpend({ x: [1, 1], monetary: [3, Number.POSITIVE_INFINITY] });
    expect(!s.ok && s.error.message).toBe(
      'row 1, column monetary: expected a finite mean repeat spend, got Infinity',
    );
  });
});
