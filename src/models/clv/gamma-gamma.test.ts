import { describe, expect, it } from 'vitest';
import { readCdnowSummaryWithSpend } from './fixtures/cdnow.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { gradientGap } from './fixtures/gradient-check.js';
import { conditionalExpectedAverageProfit, fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma.js';
import { summariseSpend } from './summary.js';

const spend = (c: Parameters<typeof summariseSpend>[0]) => {
  const s = summariseSpend(c);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};
const sf3 = (v: number): string => v.toPrecision(3);

describe('fitGammaGamma on CDNOW', () => {
  it('reproduces the published parameters on the 946 repeat buyers of the summary file', () => {
    const data = spend(readCdnowSummaryWithSpend());
    expect(data.nCustomers).toBe(946);
    expect(data.excluded).toEqual({ noRepeat: 1411, nonPositiveSpend: 0 });
    const fit = fitGammaGamma(data);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const { params, logLikelihood, excluded } = fit.model;
    expect(sf3(params.p)).toBe('6.25');
    expect(sf3(params.q)).toBe('3.74');
    expect(sf3(params.gamma)).toBe('15.4');
    expect(Math.abs(logLikelihood - -4055.923)).toBeLessThan(0.005);
    expect(excluded).toEqual({ noRepeat: 1411, nonPositiveSpend: 0 });
  });

  it('reproduces the unrounded log-likelihood from the raw transactions', () => {
    const fit = fitGammaGamma(spend(cdnowSampleCalibration()));
    expect(fit.ok && Math.abs(fit.model.logLikelihood - -4055.918)).toBeLessThan(0.005);
  });

  it('shrinks a customer’s mean spend towards the population mean pγ/(q−1)', () => {
    const m = { params: { p: 6.25, q: 3.74, gamma: 15.44 } };
    const population = (6.25 * 15.44) / 2.74;
    expect(conditionalExpectedAverageProfit(m, 0, 123)).toBeCloseTo(population, 12);
    const e = conditionalExpectedAverageProfit(m, 2, 50);
    const w = 2.74 / (6.25 * 2 + 2.74);
    expect(e).toBeCloseTo(w * population + (1 - w) * 50, 12);
    expect(conditionalExpectedAverageProfit({ params: { p: 1, q: 0.5, gamma: 1 } }, 0, 0)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('has an analytic gradient that matches finite differences', () => {
    const ll = gammaGammaLogLikelihood(spend(readCdnowSummaryWithSpend()));
    expect(gradientGap(ll, [1.8, 1.3, 2.7])).toBeLessThan(1e-6);
    expect(gradientGap(ll, [-0.5, 0.2, 1])).toBeLessThan(1e-6);
  });
});
