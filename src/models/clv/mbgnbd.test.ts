import { describe, expect, it } from 'vitest';
import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import { readCdnowSummary } from './fixtures/cdnow.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { gradientGap } from './fixtures/gradient-check.js';
import { fitMbgNbd } from './mbgnbd.js';
import { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './predict.js';
import { indexRfm } from './rfm-index.js';
import { summariseRfm } from './summary.js';

const summary = (c: Parameters<typeof summariseRfm>[0]) => {
  const s = summariseRfm(c);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const sf3 = (v: number): string => v.toPrecision(3);

describe('fitMbgNbd on CDNOW', () => {
  it('reproduces the published parameters (Batislam et al. 2007) and the summary-file log-likelihood', () => {
    const fit = fitMbgNbd(summary(readCdnowSummary()));
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const { params, logLikelihood, diagnostics } = fit.model;
    expect(sf3(params.r)).toBe('0.525');
    expect(sf3(params.alpha)).toBe('6.18');
    expect(sf3(params.a)).toBe('0.891');
    expect(sf3(params.b)).toBe('1.61');
    // Published -9582.1; the 2-decimal summary file gives -9582.1327.
    expect(Math.abs(logLikelihood - -9582.133)).toBeLessThan(0.005);
    expect(diagnostics.converged).toBe(true);
    expect(diagnostics.startsAgreeing).toBeGreaterThanOrEqual(2);
  });

  it('fits the raw transactions to the same optimum (unrounded log-likelihood -9582.136)', () => {
    const fit = fitMbgNbd(summary(cdnowSampleCalibration()));
    expect(fit.ok && Math.abs(fit.model.logLikelihood - -9582.136)).toBeLessThan(0.005);
  });

  it('lets customers drop out at time 0: P(alive | x = 0) < 1 and E[X(t)] is the x = T = 0 conditional', () => {
    const m = { kind: 'mbgnbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;
    expect(probabilityAlive(m, 0, 0, 0)).toBeCloseTo(1.614 / (0.891 + 1.614), 12);
    expect(probabilityAlive(m, 0, 0, 38.86)).toBeLessThan(1);
    expect(expectedPurchases(m, 39)).toBeCloseTo(conditionalExpectedPurchases(m, 39, 0, 0, 0), 12);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const ix = indexRfm(summary(readCdnowSummary()));
    expect(gradientGap(betaGeometricLogLikelihood(ix, 1), [-0.6, 1.8, -0.1, 0.5])).toBeLessThan(1e-6);
  });
});
