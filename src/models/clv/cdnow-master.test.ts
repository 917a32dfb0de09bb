import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { dayNumber, readCdnowMaster } from './fixtures/cdnow.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { fitMbgNbd } from './mbgnbd.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { summariseRfm, summariseSpend } from './summary.js';
import { calibrationSummary } from './transactions.js';
import type { FitResult, FittedModel } from './types.js';

describe('the full CDNOW cohort (23,570 customers, purchases to 1998-06-30)', () => {
  const periods = calibrationSummary(readCdnowMaster(), { calibrationEnd: dayNumber(19980630), unitDays: 7 });
  const rfm = summariseRfm(periods);
  const spend = summariseSpend(periods);
  if (!rfm.ok || !spend.ok) throw new Error('CDNOW master does not summarise');

  it('summarises every customer over the full period', () => {
    expect(periods.customer.length).toBe(23_570);
    expect(rfm.value.nCustomers).toBe(23_570);
    // One repeat buyer's repeat transactions total $0: excluded from Gamma-Gamma, and counted.
    expect(spend.value.excluded).toEqual({ noRepeat: 12_054, nonPositiveSpend: 1 });
  });

  const check = (r: FitResult<FittedModel>, ll: number) => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.diagnostics.converged).toBe(true);
    expect(r.model.diagnostics.hessianPositiveDefinite).toBe(true);
    expect(Number.isFinite(r.model.logLikelihood)).toBe(true);
    // Regression values of this implementation (no published reference for the full cohort).
    expect(r.model.logLikelihood).toBeCloseTo(ll, 1);
  };
  it('fits BG/NBD', () => check(fitBgNbd(rfm.value), -173425.916));
  it('fits MBG/NBD', () => check(fitMbgNbd(rfm.value), -173294.442));
  it('fits Pareto/NBD', () => check(fitParetoNbd(rfm.value), -173327.996));
  it('fits Gamma-Gamma', () => check(fitGammaGamma(spend.value), -49496.524));
});
