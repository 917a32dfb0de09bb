import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { readCdnowSummary } from './fixtures/cdnow.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { gradientGap } from './fixtures/gradient-check.js';
import {
  fitParetoNbd,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfZeroPurchases,
} from './pareto-nbd.js';
import { paretoNbdLogLikelihood } from './pareto-nbd-likelihood.js';
import {
  conditionalExpectedPurchasesMany,
  medianTimeToNextPurchase,
  probabilityOfZeroPurchases,
} from './predict.js';
import { indexRfm } from './rfm-index.js';
import { summariseRfm } from './summary.js';
import { gammaVariate } from './variates.js';

const summary = (c: Parameters<typeof summariseRfm>[0]) => {
  const s = summariseRfm(c);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const sf3 = (v: number): string => v.toPrecision(3);
const PUBLISHED = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('fitParetoNbd on CDNOW', () => {
  it('reproduces the published parameters and log-likelihood from the summary file', () => {
    const fit = fitParetoNbd(summary(readCdnowSummary()));
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const { params, logLikelihood, diagnostics } = fit.model;
    expect(sf3(params.r)).toBe('0.553');
    expect(sf3(params.alpha)).toBe('10.6');
    expect(sf3(params.s)).toBe('0.606');
    expect(sf3(params.beta)).toBe('11.7');
    expect(Math.abs(logLikelihood - -9594.974)).toBeLessThan(0.005);
    expect(diagnostics.converged).toBe(true);
    expect(diagnostics.startsAgreeing).toBeGreaterThanOrEqual(2);
  });

  it('reproduces the unrounded log-likelihood from the raw transactions', () => {
    const fit = fitParetoNbd(summary(cdnowSampleCalibration()));
    expect(fit.ok && Math.abs(fit.model.logLikelihood - -9594.976)).toBeLessThan(0.005);
  });

  it('forecasts the holdout total close to the BG/NBD (both under-forecast the 1,882 actual)', () => {
    const cal = cdnowSampleCalibration();
    const e = conditionalExpectedPurchasesMany({ kind: 'paretonbd', params: PUBLISHED }, 39, cal);
    let total = 0;
    for (const v of e) total += v;
    expect(total).toBeCloseTo(1665.5, 0);
  });

  it('has analytic gradients that match finite differences, for α < β and α > β', () => {
    const ix = indexRfm(summary(readCdnowSummary()));
    const ll = paretoNbdLogLikelihood(ix);
    expect(
      gradientGap(ll, [Math.log(0.553), Math.log(10.578), Math.log(0.606), Math.log(11.669)]),
    ).toBeLessThan(1e-6);
    expect(gradientGap(ll, [0.2, 3.5, -1.1, 0.4])).toBeLessThan(1e-6); // α ≫ β: z close to 1, quadrature path
  });

  it('P(no purchase in t) matches a Monte Carlo over the alive posterior', () => {
    // Alive at T: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T); no purchase iff death precedes both t and the next purchase.
    const p = PUBLISHED;
    const [x, tx, T, t] = [3, 20, 38, 26];
    const rng = createRng(11);
    const n = 200_000;
    let none = 0;
    for (let i = 0; i < n; i++) {
      const lambda = gammaVariate(rng, p.r + x, p.alpha + T);
      const mu = gammaVariate(rng, p.s, p.beta + T);
      const k = lambda + mu;
      none += (mu / k) * (1 - Math.exp(-k * t)) + Math.exp(-k * t);
    }
    const pa = paretoNbdProbabilityAlive(p, x, tx, T);
    const mc = 1 - pa + (pa * none) / n;
    expect(paretoNbdProbabilityOfZeroPurchases(p, t, x, tx, T)).toBeCloseTo(mc, 3);
    expect(probabilityOfZeroPurchases({ kind: 'paretonbd', params: p }, t, x, tx, T)).toBeCloseTo(mc, 3);
  });

  it('solves the median time to the next purchase consistently with P(no purchase)', () => {
    const m = { kind: 'paretonbd', params: PUBLISHED } as const;
    const [x, T] = [2, 38.86];
    const median = medianTimeToNextPurchase(m, x, T);
    // At the median, P(purchase by t | alive) is half of P(ever purchase | alive); with tₓ = T, P(alive) = 1.
    const p0 = (t: number) => probabilityOfZeroPurchases(m, t, x, T, T);
    expect(1 - p0(median)).toBeCloseTo(0.5 * (1 - p0(1e9)), 8);
  });
});
