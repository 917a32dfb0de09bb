import { describe, expect, it } from 'vitest';
import { chooseK } from './choose-k.js';
import { makeBlobs } from './synthetic.js';

describe('chooseK on large data', () => {
  it('fits on a sample, scores silhouette on a sample and finds the true k', () => {
    const { x } = makeBlobs({ n: 120_000, d: 6, k: 4, centreSpread: 5, noise: 1, seed: 31 });
    const result = chooseK(x, {
      kMin: 2,
      kMax: 7,
      fitSampleSize: 20_000,
      silhouetteSampleSize: 2000,
      seed: 1,
    });
    expect(result.chosenK).toBe(4);
    expect(result.sampling).toEqual({ rows: 120_000, fitRows: 20_000, silhouetteRows: 2000 });
    expect(result.explanation).toContain('random sample of 20,000 of 120,000 rows');
    // Inertia is on all rows and decreases with k.
    const inertias = result.table.map((r) => r.inertia);
    expect(inertias).toEqual([...inertias].sort((a, b) => b - a));
    expect(() => chooseK(x, { kMin: 1 })).toThrow(
      'choose k: invalid range 1..10, expected 2 <= kMin <= kMax',
    );
  });

  it('counts near-ties as support: two close centres do not hide the fifth cluster', () => {
    // Same centres as the 1,000,000-row benchmark: two of the five are close, so the silhouette is flat
    // between 4 and 5 while the other criteria settle it.
    const { x } = makeBlobs({ n: 100_000, d: 6, k: 5, centreSpread: 6, noise: 1.5, seed: 2 });
    const result = chooseK(x, {
      kMin: 2,
      kMax: 8,
      fitSampleSize: 20_000,
      silhouetteSampleSize: 3000,
      seed: 0,
    });
    expect(result.chosenK).toBe(5);
    expect(result.explanation).toMatch(
      /^Chose k = 5, supported by all three criteria: the silhouette \(0\.\d+\) ties/,
    );
  });
});
