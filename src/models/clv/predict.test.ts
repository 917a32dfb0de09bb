import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesMany,
  expectedPurchases,
  medianTimeToNextPurchase,
  medianTimeToNextPurchaseMany,
  probabilityAlive,
  probabilityAliveMany,
  probabilityOfZeroPurchases,
  probabilityOfZeroPurchasesMany,
} from './predict.js';
import { simulateCustomers } from './simulate.js';
import type { PurchaseModel } from './types.js';

const MODELS: PurchaseModel[] = [
  { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
  { kind: 'mbgnbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
  { kind: 'paretonbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
];

describe.each(MODELS)('$kind predictions', (m) => {
  it('E[X(t)] matches the mean of a simulated cohort observed for t', () => {
    // One acquisition day and a weekly grid so merging same-day purchases is rare; T = 52 weeks for everyone.
    const sim = simulateCustomers(m, {
      n: 200_000,
      seed: 5,
      acquisitionDays: 1,
      endDay: 364 * 7,
      unitDays: 49,
    });
    let mean = 0;
    for (const x of sim.x) mean += x / sim.x.length;
    const expected = expectedPurchases(m, 52);
    // Standard error of the mean ≈ sd/√n ≈ 3/447; allow 4 SE plus the small merging bias.
    expect(Math.abs(mean - expected)).toBeLessThan(0.04);
  });

  it('E[Y(t) | x, tₓ, T] averaged over a simulated cohort equals E[X(T+t)] − E[X(T)]', () => {
    const sim = simulateCustomers(m, { n: 50_000, seed: 9, acquisitionDays: 1, endDay: 273, unitDays: 7 });
    const e = conditionalExpectedPurchasesMany(m, 39, sim);
    let mean = 0;
    for (const v of e) mean += v / e.length;
    const T = sim.T[0] as number;
    expect(mean).toBeCloseTo(expectedPurchases(m, T + 39) - expectedPurchases(m, T), 1);
  });

  it('vectorised versions agree with the scalar ones', () => {
    const c = {
      x: Float64Array.from([0, 1, 2, 7, 3]),
      tx: Float64Array.from([0, 3, 30.43, 38, 10]),
      T: Float64Array.from([38.86, 38.86, 38.86, 38.86, 12]),
    };
    const pa = probabilityAliveMany(m, c);
    const e = conditionalExpectedPurchasesMany(m, 26, c);
    const p0 = probabilityOfZeroPurchasesMany(m, 26, c);
    const med = medianTimeToNextPurchaseMany(m, c);
    for (let i = 0; i < 5; i++) {
      const [x, tx, T] = [c.x[i] as number, c.tx[i] as number, c.T[i] as number];
      expect(pa[i]).toBe(probabilityAlive(m, x, tx, T));
      expect(e[i]).toBe(conditionalExpectedPurchases(m, 26, x, tx, T));
      expect(p0[i]).toBe(probabilityOfZeroPurchases(m, 26, x, tx, T));
      expect(med[i]).toBe(medianTimeToNextPurchase(m, x, T));
    }
  });

  it('P(no purchase) falls with the horizon from 1 towards 1 − P(ever buys again)', () => {
    const vals = [0, 1, 10, 100, 1e4].map((t) => probabilityOfZeroPurchases(m, t, 2, 20, 38.86));
    expect(vals[0]).toBeCloseTo(1, 14);
    for (let i = 1; i < vals.length; i++) expect(vals[i]).toBeLessThan(vals[i - 1] as number);
    expect(vals[4]).toBeGreaterThanOrEqual(1 - probabilityAlive(m, 2, 20, 38.86) - 1e-12);
  });
});

describe('closed forms', () => {
  it('BG/NBD median time to next purchase is (α+T)(2^(1/(r+x)) − 1)', () => {
    const m = MODELS[0] as PurchaseModel;
    expect(medianTimeToNextPurchase(m, 2, 38.86)).toBeCloseTo((4.414 + 38.86) * (2 ** (1 / 2.243) - 1), 12);
  });

  it('BG/NBD conditional expectation is continuous through a = 1', () => {
    const at = (a: number) =>
      conditionalExpectedPurchases(
        { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a, b: 2.426 } },
        39,
        2,
        30.43,
        38.86,
      );
    expect(at(1)).toBeCloseTo(0.5 * (at(1 - 1e-4) + at(1 + 1e-4)), 7);
  });

  it('Pareto/NBD E[Y(t)] is continuous through s = 1', () => {
    const at = (s: number) =>
      conditionalExpectedPurchases(
        { kind: 'paretonbd', params: { r: 0.553, alpha: 10.578, s, beta: 11.669 } },
        39,
        2,
        30,
        38.86,
      );
    expect(at(1)).toBeCloseTo(0.5 * (at(1 - 1e-5) + at(1 + 1e-5)), 7);
  });
});
