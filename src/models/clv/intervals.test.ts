import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { bootstrapIntervals } from './intervals.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { scoreCustomers } from './score.js';
import { summariseRfm, summariseSpend } from './summary.js';

describe('bootstrapIntervals', () => {
  const cal = cdnowSampleCalibration();
  const rfm = summariseRfm(cal);
  const spend = summariseSpend(cal);
  if (!rfm.ok || !spend.ok) throw new Error('CDNOW sample does not summarise');
  const bg = fitBgNbd(rfm.value);
  const gg = fitGammaGamma(spend.value);
  if (!bg.ok || !gg.ok) throw new Error('CDNOW fits failed');
  const few = {
    x: cal.x.subarray(0, 200),
    tx: cal.tx.subarray(0, 200),
    T: cal.T.subarray(0, 200),
    monetary: cal.monetary.subarray(0, 200),
  };
  const opts = { horizon: 52, draws: 100, level: 0.9, seed: 3 };

  it('brackets the point estimates and is deterministic for a seed', () => {
    const a = bootstrapIntervals(bg.model, gg.model, few, opts);
    const b = bootstrapIntervals(bg.model, gg.model, few, opts);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(Array.from(a.value.clv?.upper ?? [])).toEqual(Array.from(b.value.clv?.upper ?? []));
    const point = scoreCustomers(bg.model, gg.model, few, opts);
    let inside = 0;
    for (let i = 0; i < 200; i++) {
      const e = point.expectedPurchases[i] as number;
      const lo = a.value.expectedPurchases.lower[i] as number;
      const hi = a.value.expectedPurchases.upper[i] as number;
      expect(lo).toBeLessThanOrEqual(hi);
      if (lo <= e && e <= hi) inside++;
      expect(a.value.pAlive.lower[i]).toBeGreaterThanOrEqual(0);
      expect(a.value.pAlive.upper[i]).toBeLessThanOrEqual(1);
    }
    expect(inside).toBeGreaterThanOrEqual(195);
    const c = bootstrapIntervals(bg.model, gg.model, few, { ...opts, seed: 4 });
    expect(c.ok && Array.from(c.value.clv?.upper ?? [])).not.toEqual(Array.from(a.value.clv?.upper ?? []));
  });

  it('gives narrower intervals at a lower level and works for Pareto/NBD without spend', () => {
    const pn = fitParetoNbd(rfm.value);
    if (!pn.ok) throw new Error(pn.message);
    const wide = bootstrapIntervals(pn.model, null, few, { ...opts, level: 0.9 });
    const narrow = bootstrapIntervals(pn.model, null, few, { ...opts, level: 0.5 });
    expect(wide.ok && narrow.ok).toBe(true);
    if (!wide.ok || !narrow.ok) return;
    expect(wide.value.clv).toBeNull();
    const width = (iv: { lower: Float64Array; upper: Float64Array }, i: number) =>
      (iv.upper[i] as number) - (iv.lower[i] as number);
    expect(width(narrow.value.expectedPurchases, 1)).toBeLessThan(width(wide.value.expectedPurchases, 1));
  });

  it('rejects bad options as values', () => {
    const r = bootstrapIntervals(bg.model, null, few, { ...opts, level: 1.5 });
    expect(!r.ok && r.error).toBe('invalid level: 1.5 (expected between 0 and 1)');
  });
});
