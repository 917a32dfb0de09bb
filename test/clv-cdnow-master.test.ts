import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateClv, fitClv, scoreClv } from '../src/analysis/clv/index.js';
import { importFile } from '../src/ingest/import-file.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { hasSharedData, sharedData } from './helpers/data.js';
import { memoryWarehouse } from './helpers/warehouse.js';

/**
 * The full CDNOW cohort (69,659 lines, 23,570 customers, purchases to 1998-06-30) imported raw. The log-likelihoods
 * are the model layer's regression values for the same data (src/models/clv/cdnow-master.test.ts, built there
 * from the file in JS): the SQL inputs must give the same fits.
 */
describe.skipIf(!hasSharedData)('CLV on the full CDNOW master, through the warehouse', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await memoryWarehouse();
    await importFile(wh, { entity: 'orders', path: sharedData('cdnow/CDNOW_master.txt') });
  });
  afterAll(async () => {
    await wh.close();
  });

  const cases = [
    ['bgnbd', -173425.916],
    ['mbgnbd', -173294.442],
    ['paretonbd', -173327.996],
    ['gammagamma', -49496.524],
  ] as const;
  for (const [model, ll] of cases) {
    it(`fits ${model} on every customer`, async () => {
      const f = await fitClv(wh, { model, asOf: '1998-06-30', unit: 'weeks' });
      expect(f.model.diagnostics.converged).toBe(true);
      expect(f.model.diagnostics.hessianPositiveDefinite).toBe(true);
      expect(f.model.logLikelihood).toBeCloseTo(ll, 1);
      for (const v of Object.values(f.model.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
      if (model === 'gammagamma') {
        // One repeat buyer's repeat transactions total $0: excluded from Gamma-Gamma, and counted.
        expect(f.data.spend?.excluded).toEqual({ noRepeat: 12_054, nonPositiveSpend: 1 });
        expect(f.data.spend?.fitted).toBe(11_515);
      } else {
        expect(f.data.purchases?.customers).toBe(23_570);
        // Grouped in SQL: 23,570 customers arrive as 11,104 distinct (x, t_x, T) rows.
        expect(f.data.purchases?.distinctRows).toBe(11_104);
        expect(f.model.nRows).toBe(11_104);
      }
    });
  }

  it('evaluates with a 39-week calibration and a holdout to the end of the data', async () => {
    const e = await evaluateClv(wh, { calibrationEnd: '1997-09-30' });
    expect(e.holdoutEnd).toBe('1998-06-30');
    expect(e.data.customers).toBe(23_570);
    expect(e.models.every((m) => m.ok)).toBe(true);
    expect(e.actualRepeatPurchases).toBeGreaterThan(0);
    expect(['bgnbd', 'mbgnbd', 'paretonbd']).toContain(e.best);
  });

  it('scores all 23,570 customers with finite values and ordered intervals', async () => {
    const s = await scoreClv(wh, { model: 'bgnbd', draws: 100 });
    expect(s.asOf).toBe('1998-07-01'); // default: the day after the last purchase
    expect(s.customers).toBe(23_570);
    expect(s.warnings).toEqual([]);
    const c = s.table.columns;
    let bad = 0;
    for (let i = 0; i < s.customers; i++) {
      const p = c.p_alive?.[i] as number;
      if (!(p >= 0 && p <= 1)) bad++;
      for (const name of ['p_alive', 'expected_purchases', 'clv']) {
        const v = c[name]?.[i] as number;
        const lo = c[`${name}_low`]?.[i] as number;
        const hi = c[`${name}_high`]?.[i] as number;
        if (!(Number.isFinite(v) && lo <= v && v <= hi)) bad++;
      }
      if (!Number.isFinite(c.expected_spend?.[i] as number)) bad++;
    }
    expect(bad).toBe(0);
  });
});
