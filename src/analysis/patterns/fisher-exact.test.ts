import { describe, expect, it } from 'vitest';
import { fisherExactTwoSided } from './fisher-exact.js';

describe('Fisher exact test (two-sided)', () => {
  it('reproduces the lady tasting tea by hand: 2·(1 + 16)/70 − … = 34/70', () => {
    // Margins 4/4, 4/4: P(k) = C(4,k)C(4,4−k)/70 = 1,16,36,16,1 over 70. Observed k = 3 (p = 16/70); tables no
    // more likely: k = 0, 1, 3, 4 → 34/70 = 0.4857142857.
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(34 / 70, 12);
  });

  it('matches scipy.stats.fisher_exact', () => {
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.0027594561852200836, 12);
    expect(fisherExactTwoSided(7, 12, 0, 5)).toBeCloseTo(0.272068511198946, 12);
    expect(fisherExactTwoSided(10, 90, 2, 98)).toBeCloseTo(0.03304010932418497, 12);
  });

  it('is symmetric in rows and columns and 1 for degenerate tables', () => {
    expect(fisherExactTwoSided(11, 3, 1, 9)).toBeCloseTo(fisherExactTwoSided(1, 9, 11, 3), 14);
    expect(fisherExactTwoSided(1, 11, 9, 3)).toBeCloseTo(fisherExactTwoSided(1, 9, 11, 3), 14);
    expect(fisherExactTwoSided(0, 0, 5, 7)).toBe(1);
    expect(fisherExactTwoSided(5, 0, 7, 0)).toBe(1);
    expect(() => fisherExactTwoSided(1.5, 0, 0, 0)).toThrow(/needs counts, got 1.5/);
  });
});
