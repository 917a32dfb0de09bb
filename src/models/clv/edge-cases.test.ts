import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { readCdnowSummary, readCdnowSummaryWithSpend } from './fixtures/cdnow.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { fitMbgNbd } from './mbgnbd.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { conditionalExpectedPurchases, probabilityAlive, probabilityOfZeroPurchases } from './predict.js';
import { type CustomerRfm, summariseRfm, summariseSpend } from './summary.js';
import type { FitResult, PurchaseModel } from './types.js';

const summary = (c: CustomerRfm) => {
  const s = summariseRfm(c);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const PURCHASE_FITS = { bgnbd: fitBgNbd, mbgnbd: fitMbgNbd, paretonbd: fitParetoNbd } as const;
const MODELS: PurchaseModel[] = [
  { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
  { kind: 'mbgnbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } },
  { kind: 'paretonbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
];
const failure = (r: FitResult<unknown>) => (r.ok ? 'ok' : r.reason);

describe.each(Object.entries(PURCHASE_FITS))('%s fit edge cases', (_kind, fitModel) => {
  it('fails clearly when nobody made a repeat purchase', () => {
    const r = fitModel(summary({ x: [0, 0, 0], tx: [0, 0, 0], T: [5, 8, 13] }));
    expect(failure(r)).toBe('no_repeat_purchases');
    expect(!r.ok && r.message).toBe(
      'none of the 3 customers made a repeat purchase, so the purchase rate cannot be estimated',
    );
  });

  it('fails clearly for a single customer, with or without a penalizer', () => {
    // Decision: one distinct (x, tₓ, T) pattern never identifies a mixture (its MLE is a point mass), and an L2
    // penalty on the natural-scale parameters does not stop parameters drifting to 0, so we refuse up front.
    const one = summary({ x: [2], tx: [30.43], T: [38.86] });
    for (const penalizer of [0, 0.1]) {
      const r = fitModel(one, { penalizer });
      expect(failure(r)).toBe('insufficient_data');
      expect(!r.ok && r.diagnostics).toBeNull();
    }
  });

  it('collapses identical customers to one row, which also cannot identify the model', () => {
    const n = 500;
    const data = summary({ x: Array(n).fill(2), tx: Array(n).fill(30), T: Array(n).fill(38) });
    expect(data.nRows).toBe(1);
    expect(data.nCustomers).toBe(n);
    expect(failure(fitModel(data))).toBe('insufficient_data');
  });

  it('reports a boundary optimum as degenerate, with the parameters reached', () => {
    const r = fitModel(summary({ x: [0, 1, 2], tx: [0, 5, 8], T: [10, 10, 10] }));
    expect(failure(r)).toBe('degenerate');
    expect(!r.ok && r.lastParams && Object.values(r.lastParams).every(Number.isFinite)).toBe(true);
    expect(!r.ok && r.message).toMatch(/maximised on the boundary/);
  });

  it('reports non-convergence as a value, with diagnostics, instead of throwing', () => {
    const r = fitModel(summary(readCdnowSummary()), { maxIterations: 1, starts: 1 });
    expect(failure(r)).toBe('not_converged');
    if (r.ok) return;
    expect(r.diagnostics?.converged).toBe(false);
    expect(r.diagnostics?.stop).toBe('max-iterations');
    expect(r.diagnostics?.gradientNorm).toBeGreaterThan(1e-6);
    expect(r.message).toMatch(/^the optimiser stopped \(max-iterations\) with gradient norm/);
  });

  it('fits data where repeat buyers bought on the last day (x > 0, tₓ = T)', () => {
    const base = readCdnowSummary();
    const tx = Float64Array.from(base.tx);
    for (let i = 0; i < tx.length; i += 10) if ((base.x[i] as number) > 0) tx[i] = base.T[i] as number;
    const r = fitModel(summary({ x: base.x, tx, T: base.T }));
    expect(r.ok && Number.isFinite(r.model.logLikelihood)).toBe(true);
  });
});

describe('predictions at the edges', () => {
  it.each(MODELS)(
    '$kind: finite values for no repeat purchase, tₓ = T, new customers and long horizons',
    (m) => {
      for (const [x, tx, T] of [
        [0, 0, 38.86],
        [0, 0, 0],
        [4, 38.86, 38.86],
        [1000, 30, 38],
      ] as const) {
        const pa = probabilityAlive(m, x, tx, T);
        expect(pa).toBeGreaterThanOrEqual(0);
        expect(pa).toBeLessThanOrEqual(1);
        for (const t of [0, 1, 39, 1e4]) {
          const e = conditionalExpectedPurchases(m, t, x, tx, T);
          const p0 = probabilityOfZeroPurchases(m, t, x, tx, T);
          expect(Number.isFinite(e) && e >= 0).toBe(true);
          expect(p0).toBeGreaterThanOrEqual(0);
          expect(p0).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
    },
  );

  it('P(alive) with x > 0 and tₓ = T: BG/NBD 1/(1 + a/(b+x−1)), Pareto/NBD 1', () => {
    const [bg, , pnbd] = MODELS as [PurchaseModel, PurchaseModel, PurchaseModel];
    expect(probabilityAlive(bg, 3, 20, 20)).toBeCloseTo(1 / (1 + 0.793 / (2.426 + 2)), 14);
    expect(probabilityAlive(pnbd, 3, 20, 20)).toBe(1);
  });

  it('BG/NBD: no repeat purchase means alive (death happens only after a purchase)', () => {
    expect(probabilityAlive(MODELS[0] as PurchaseModel, 0, 0, 38.86)).toBe(1);
  });
});

describe('Gamma-Gamma edge cases', () => {
  it('excludes zero and negative spend with counted reasons and still fits', () => {
    const base = readCdnowSummaryWithSpend();
    const m = Float64Array.from(base.monetary);
    let zeroed = 0;
    for (let i = 0, k = 0; i < m.length; i++) {
      if ((base.x[i] as number) > 0 && k++ % 50 === 0) {
        m[i] = zeroed % 2 === 0 ? 0 : -12.5;
        zeroed++;
      }
    }
    const data = summariseSpend({ x: base.x, monetary: m });
    expect(data.ok).toBe(true);
    if (!data.ok) return;
    expect(data.value.excluded).toEqual({ noRepeat: 1411, nonPositiveSpend: zeroed });
    const r = fitGammaGamma(data.value);
    expect(r.ok && r.model.excluded).toEqual({ noRepeat: 1411, nonPositiveSpend: zeroed });
    expect(r.ok && r.model.nObs).toBe(946 - zeroed);
  });

  it('fails clearly when no customer has a usable repeat spend', () => {
    const data = summariseSpend({ x: [0, 0, 3], monetary: [0, 0, -1] });
    const r = data.ok ? fitGammaGamma(data.value) : null;
    expect(r && failure(r)).toBe('insufficient_data');
    expect(r && !r.ok && r.message).toBe(
      'the spend model needs at least two distinct (x, monetary) repeat buyers, got 0 (excluded: 2 without repeat purchase, 1 with spend ≤ 0)',
    );
  });
});
