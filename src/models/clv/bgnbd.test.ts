import { describe, expect, it } from 'vitest';
import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import { fitBgNbd } from './bgnbd.js';
import { readCdnowSummary } from './fixtures/cdnow.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { gradientGap } from './fixtures/gradient-check.js';
import {
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesMany,
  expectedPurchases,
} from './predict.js';
import { indexRfm } from './rfm-index.js';
import { summariseRfm } from './summary.js';
import type { PurchaseModel } from './types.js';

const summary = (c: Parameters<typeof summariseRfm>[0]) => {
  const s = summariseRfm(c);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const sf3 = (v: number): string => v.toPrecision(3);

/** Published BG/NBD estimates on the CDNOW sample (Fader, Hardie & Lee 2005, §4). */
const PUBLISHED: PurchaseModel = { kind: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };

describe('fitBgNbd on CDNOW', () => {
  it('reproduces the published parameters and log-likelihood from the 2-decimal summary file', () => {
    const fit = fitBgNbd(summary(readCdnowSummary()));
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const { params, logLikelihood, diagnostics, standardErrors } = fit.model;
    expect(sf3(params.r)).toBe('0.243');
    expect(sf3(params.alpha)).toBe('4.41');
    expect(sf3(params.a)).toBe('0.793');
    expect(sf3(params.b)).toBe('2.43');
    expect(Math.abs(logLikelihood - -9582.426)).toBeLessThan(0.005);
    expect(diagnostics.converged).toBe(true);
    expect(diagnostics.startsAgreeing).toBeGreaterThanOrEqual(2);
    expect(diagnostics.hessianPositiveDefinite).toBe(true);
    expect(fit.model.nObs).toBe(2357);
    expect(fit.model.nRows).toBeLessThan(2357);
    // Standard errors as printed by lifetimes' BetaGeoFitter on the same file (quickstart: se(coef)
    // 0.012557, 0.378221, 0.185719, 0.705345), which also inverts the Hessian of the log-parameter fit.
    expect(standardErrors?.r).toBeCloseTo(0.012557, 5);
    expect(standardErrors?.alpha).toBeCloseTo(0.378221, 4);
    expect(standardErrors?.a).toBeCloseTo(0.185719, 4);
    expect(standardErrors?.b).toBeCloseTo(0.705345, 4);
    expect(Object.isFrozen(fit.model) && Object.isFrozen(fit.model.params)).toBe(true);
  });

  it('reproduces the unrounded log-likelihood from the raw transactions', () => {
    const fit = fitBgNbd(summary(cdnowSampleCalibration()));
    expect(fit.ok && Math.abs(fit.model.logLikelihood - -9582.429)).toBeLessThan(0.005);
  });

  it('gives E[X(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226 under the published parameters', () => {
    expect(conditionalExpectedPurchases(PUBLISHED, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it('forecasts the holdout total within 15% of the 1,882 actual repeat purchases', () => {
    // Sum over customers of E[Y(39) | x, tₓ, T] under the published parameters: 1,653.9. The BG/NBD
    // under-forecasts this holdout by 12%: per calibration frequency its conditional expectations lie below the
    // actual means for x = 1..7 (as in Fader, Hardie & Lee 2005, Fig. 4). Two checks show the shortfall comes
    // from the model, not the code: the per-customer value 1.226 above matches Fader & Hardie's spreadsheet, and
    // the cohort-level unconditional forecast Σ E[X(Tᵢ+39)] − E[X(Tᵢ)] is 1,668.8, which by the law of total
    // expectation should (and does) agree with the conditional sum within 1%. A 15% band therefore tolerates the
    // model's known bias and catches any real error in the conditional expectation, which would move the total
    // far more.
    const cal = cdnowSampleCalibration();
    const e = conditionalExpectedPurchasesMany(PUBLISHED, 39, cal);
    let predicted = 0;
    let unconditional = 0;
    for (let i = 0; i < e.length; i++) {
      predicted += e[i] as number;
      const T = cal.T[i] as number;
      unconditional += expectedPurchases(PUBLISHED, T + 39) - expectedPurchases(PUBLISHED, T);
    }
    expect(predicted).toBeCloseTo(1653.9, 0);
    expect(Math.abs(predicted - 1882) / 1882).toBeLessThan(0.15);
    expect(Math.abs(predicted - unconditional) / unconditional).toBeLessThan(0.01);
  });

  it('has an analytic gradient that matches finite differences', () => {
    const ix = indexRfm(summary(readCdnowSummary()));
    expect(gradientGap(betaGeometricLogLikelihood(ix, 0), [-1.4, 1.5, -0.2, 0.9])).toBeLessThan(1e-6);
    expect(gradientGap(betaGeometricLogLikelihood(ix, 0), [0, 0, 0, 0])).toBeLessThan(1e-6); // b = 1: x = 0 rows
  });
});
