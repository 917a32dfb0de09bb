import { describe, expect, it } from 'vitest';
import {
  type ClusterMoments,
  compareClusteredShares,
  designEffect,
  subtractMoments,
} from './clustered-shares.js';

/** Moments from per-customer (units in cell, all units). */
function moments(y: readonly number[], m: readonly number[]): ClusterMoments {
  let yy = 0;
  let ym = 0;
  let mm = 0;
  y.forEach((v, i) => {
    const w = m[i] ?? 0;
    yy += v * v;
    ym += v * w;
    mm += w * w;
  });
  const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);
  return { customers: y.length, y: sum(y), yy, ym, m: sum(m), mm };
}

const ones = (n: number, k: number) => Array.from({ length: n }, (_, i) => (i < k ? 1 : 0));

describe('Rao–Scott clustered two-proportion test', () => {
  it('with one unit per customer is the pooled z-test (design effect n/(n−1))', () => {
    // 60/200 vs 160/800. Textbook pooled z = 0.1 / sqrt(.22·.78·(1/200 + 1/800)) = 3.0535; with the n/(n−1)
    // design effects the effective sizes are 199 and 799: z = 3.04732 (hand-computed in Python).
    const g1 = moments(ones(200, 60), new Array(200).fill(1));
    const g2 = moments(ones(800, 160), new Array(800).fill(1));
    const r = compareClusteredShares(g1, g2);
    expect(r.deff1).toBeCloseTo(200 / 199, 12);
    expect(r.share1).toBe(0.3);
    expect(r.share2).toBe(0.2);
    expect(r.lift).toBeCloseTo(1.5, 12);
    expect(r.z).toBeCloseTo(3.0473239697181747, 10);
    expect(r.p).toBeCloseTo(0.002308887152700106, 10);
    expect(r.liftLow).toBeCloseTo(1.1640936408177691, 10);
  });

  it('discounts orders that come from the same few customers', () => {
    // Group 1: 10 customers with 10 orders each, 40 of them in the cell but from 5 customers only.
    const g1 = moments([10, 10, 10, 5, 5, 0, 0, 0, 0, 0], new Array(10).fill(10));
    const g2 = moments(ones(200, 40), new Array(200).fill(2));
    const r = compareClusteredShares(g1, g2);
    expect(r.deff1).toBeCloseTo(8.7962962962963, 10);
    expect(r.deff2).toBe(1); // 0.89 floored
    expect(r.z).toBeCloseTo(3.2098049842622522, 10); // a naive binomial test would say z = 7.32
  });

  it('depends on customers, not on how many orders each places', () => {
    const y = [3, 0, 1, 4, 0, 2, 0, 0, 1, 5];
    const m = [5, 2, 3, 6, 1, 4, 3, 2, 2, 7];
    const rest = moments(ones(300, 30), new Array(300).fill(1));
    const once = compareClusteredShares(moments(y, m), rest);
    const doubled = compareClusteredShares(
      moments(
        y.map((v) => 2 * v),
        m.map((v) => 2 * v),
      ),
      rest,
    );
    expect(doubled.share1).toBeCloseTo(once.share1, 14);
    expect(doubled.z).toBeCloseTo(once.z, 10);
  });

  it('handles empty cells without claiming evidence', () => {
    const none = moments(new Array(50).fill(0), new Array(50).fill(3));
    const rest = moments(ones(500, 50), new Array(500).fill(1));
    expect(designEffect(none, 7)).toBe(7);
    const r = compareClusteredShares(none, rest);
    expect(r.share1).toBe(0);
    expect(r.lift).toBe(0);
    expect(r.liftLow).toBe(0);
    expect(r.z).toBeLessThan(0);
    const over = compareClusteredShares(rest, none);
    expect(over.lift).toBeCloseTo(0.1 / (0.5 / 150), 12);
    const single = compareClusteredShares(moments([3], [3]), rest);
    expect(single.p).toBe(1);
  });

  it('subtracts a segment from the base', () => {
    const base = moments([1, 2, 0, 4], [2, 3, 1, 5]);
    const part = moments([2, 4], [3, 5]);
    expect(subtractMoments(base, part)).toEqual(moments([1, 0], [2, 1]));
  });
});
