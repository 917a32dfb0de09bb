import { describe, expect, it } from 'vitest';
import { normalCdf, normalUpperTail, twoSidedP } from './normal-tail.js';

/** Reference values: scipy.stats.norm.sf (scipy 1.17). */
const SF: readonly [number, number][] = [
  [0.5, 0.3085375387259869],
  [1, 0.15865525393145707],
  [1.959963984540054, 0.025],
  [3, 0.0013498980316300933],
  [5, 2.866515718791933e-7],
  [7, 1.279812543885835e-12],
  [10, 7.61985302416047e-24],
  [30, 4.906713927147908e-198],
];

describe('normal tail (Hart 1968 rational, Laplace continued fraction)', () => {
  it.each(SF)('Q(%d) matches scipy to 1e-13 relative', (x, q) => {
    expect(Math.abs(normalUpperTail(x) - q) / q).toBeLessThan(1e-13);
  });

  it('is symmetric and bounded', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalUpperTail(-3) + normalUpperTail(3)).toBeCloseTo(1, 14);
    expect(normalUpperTail(40)).toBe(0);
    expect(normalUpperTail(-40)).toBe(1);
  });

  it('gives two-sided p-values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(Number.NaN)).toBe(1);
  });
});
