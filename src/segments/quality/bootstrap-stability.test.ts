import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../../models/cluster/index.js';
import { kmeansBootstrapStability } from './bootstrap-stability.js';

describe('bootstrap stability (Hennig 2007)', () => {
  it('the right k is highly stable, a forced split of one blob is not', () => {
    const { x } = makeBlobs({ n: 2000, d: 2, k: 3, centreSpread: 8, noise: 1, seed: 6 });
    const right = kmeansBootstrapStability(x, { k: 3, rounds: 10, seed: 1 });
    expect(right.rounds).toBe(10);
    expect(right.aris).toHaveLength(10);
    expect(right.meanAri).toBeGreaterThan(0.95);
    expect(right.verdict).toBe('highly stable');
    const one = makeBlobs({ n: 2000, d: 2, k: 1, noise: 1, seed: 7 }).x;
    const split = kmeansBootstrapStability(one, { k: 5, rounds: 10, seed: 1 });
    expect(split.meanAri).toBeLessThan(right.meanAri);
    expect(split.meanJaccard).toBeLessThan(right.meanJaccard);
  });
});
