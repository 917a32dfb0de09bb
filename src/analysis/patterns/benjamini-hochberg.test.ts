import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.js';

describe('Benjamini–Hochberg', () => {
  it('reproduces a worked example (by hand; scipy false_discovery_control agrees)', () => {
    // sorted p: .005 .01 .03 .04 .2 → p·5/rank: .025 .025 .05 .05 .2 → running minimum from the top.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]);
    expect(q.map((v) => Number(v.toFixed(12)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.2]);
  });

  it('matches scipy.stats.false_discovery_control on a longer family', () => {
    const q = benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]);
    const want = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.592 / 7, 0.205];
    q.forEach((v, i) => {
      expect(v).toBeCloseTo(want[i] ?? Number.NaN, 12);
    });
  });

  it('caps at 1, keeps ties deterministic and handles an empty family', () => {
    expect(benjaminiHochberg([0.9, 0.9, 1])).toEqual([1, 1, 1]);
    expect(benjaminiHochberg([0.02, 0.02])).toEqual([0.02, 0.02]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(/p-value 1 is not in \[0, 1\]: NaN/);
  });
});
