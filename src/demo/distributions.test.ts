import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng.js';
import { apportion, beta, gamma, poisson } from './distributions.js';

const mean = (f: () => number, n = 40_000) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += f();
  return s / n;
};

describe('demo distributions', () => {
  it('draw with the right means', () => {
    const rng = createRng(11);
    expect(mean(() => gamma(rng, 3, 2))).toBeCloseTo(6, 1);
    expect(mean(() => gamma(rng, 0.5, 2))).toBeCloseTo(1, 1);
    expect(mean(() => beta(rng, 0.2, 40))).toBeCloseTo(0.2, 2);
    expect(mean(() => poisson(rng, 2.5))).toBeCloseTo(2.5, 1);
  });

  it('apportions exact totals', () => {
    expect(apportion(10, [0.05, 0.14, 0.81])).toEqual([1, 1, 8]);
    expect(apportion(7, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});
