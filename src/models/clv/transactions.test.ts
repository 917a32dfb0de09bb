import { describe, expect, it } from 'vitest';
import { dayNumber, readCdnowSummary, readCdnowSummaryWithSpend } from './fixtures/cdnow.js';
import { cdnowSampleCalibration } from './fixtures/cdnow-calibration.js';
import { calibrationSummary } from './transactions.js';

describe('calibrationSummary', () => {
  it('merges same-day purchases, counts repeat days and averages repeat spend', () => {
    const d = (s: number): number => dayNumber(s);
    const out = calibrationSummary(
      {
        customer: Int32Array.from([7, 7, 7, 7, 7, 9, 8]),
        day: Int32Array.from([
          d(19970101),
          d(19970101),
          d(19970108),
          d(19970108),
          d(19970201),
          d(19971001),
          d(19970115),
        ]),
        value: Float64Array.from([10, 5, 3, 4, 13, 99, 20]),
      },
      { calibrationEnd: d(19970930), holdoutEnd: d(19980630), unitDays: 7 },
    );
    // Customer 9's first purchase is after the calibration end: left out, like lifetimes.
    expect(Array.from(out.customer)).toEqual([7, 8]);
    expect(Array.from(out.x)).toEqual([2, 0]);
    expect(out.tx[0]).toBeCloseTo(31 / 7, 12);
    expect(out.T[0]).toBeCloseTo(272 / 7, 12);
    expect(out.monetary[0]).toBeCloseTo((7 + 13) / 2, 12);
    expect(out.monetary[1]).toBe(0);
    expect(Array.from(out.holdoutPurchases ?? [])).toEqual([0, 0]);
    expect(out.holdoutLength).toBe(39);
  });

  it('rebuilds the CDNOW summary from the raw sample (T = 272 days = 38.86 weeks to 1997-09-30)', () => {
    const cal = cdnowSampleCalibration();
    const csv = readCdnowSummary();
    const spend = readCdnowSummaryWithSpend();
    expect(cal.customer.length).toBe(2357);
    // The summary's T = 38.86 for a 1997-01-01 first purchase is (1997-09-30 − 1997-01-01) = 272 days, i.e. T is
    // measured to the start of 1997-09-30, as lifetimes does; "to the end of" that day would give 39.00.
    expect(cal.T[0]).toBeCloseTo(272 / 7, 12);
    expect(csv.T[0]).toBe(38.86);
    let maxDiff = 0;
    let maxSpendDiff = 0;
    for (let i = 0; i < csv.x.length; i++) {
      expect(cal.x[i]).toBe(csv.x[i]);
      maxDiff = Math.max(maxDiff, Math.abs((cal.tx[i] as number) - (csv.tx[i] as number)));
      maxDiff = Math.max(maxDiff, Math.abs((cal.T[i] as number) - (csv.T[i] as number)));
      maxSpendDiff = Math.max(
        maxSpendDiff,
        Math.abs((cal.monetary[i] as number) - (spend.monetary[i] as number)),
      );
    }
    expect(maxDiff).toBeLessThanOrEqual(0.005 + 1e-9); // the CSV is rounded to 2 decimals
    expect(maxSpendDiff).toBeLessThanOrEqual(0.005 + 1e-9);
    let holdout = 0;
    for (const h of cal.holdoutPurchases ?? []) holdout += h;
    expect(holdout).toBe(1882);
  });
});
