import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateClv, fitClv, scoreClv } from '../src/analysis/clv/index.js';
import { loadCustomerRows, withPeriodsTable } from '../src/analysis/clv/load-periods.js';
import { exitCodeOf, SegmentaError } from '../src/core/errors.js';
import { createRng } from '../src/core/rng.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { memoryWarehouse } from './helpers/warehouse.js';

const at = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : `${iso}Z`);
const DAY = 86_400_000;

interface Line {
  order: string;
  customer: string | null;
  at: string;
  amount: number;
  status?: 'purchase' | 'cancellation' | 'return';
}

async function addLines(wh: Warehouse, lines: readonly Line[]): Promise<void> {
  await wh.append(
    'order_lines',
    columnTable({
      order_id: lines.map((l) => l.order),
      line_no: lines.map((_, i) => i + 1),
      customer_id: lines.map((l) => l.customer),
      ordered_at: lines.map((l) => at(l.at)),
      quantity: lines.map(() => 1),
      amount: lines.map((l) => l.amount),
      status: lines.map((l) => l.status ?? 'purchase'),
    }),
  );
}

/** The error a call rejects with. */
async function failure(p: Promise<unknown>): Promise<SegmentaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SegmentaError) return e;
    throw e;
  }
  throw new Error('expected a SegmentaError');
}

/** A population with varied histories that every model can fit: a BG/NBD-like simulation on a daily grid. */
function population(
  n: number,
  seed: number,
  amount: (rng: ReturnType<typeof createRng>, level: number) => number,
): Line[] {
  const rng = createRng(seed);
  const lines: Line[] = [];
  const start = Date.parse('2023-01-01T10:00:00Z');
  for (let c = 0; c < n; c++) {
    let t = start + rng.int(60) * DAY;
    const rate = 0.02 + rng.next() * 0.1; // purchases per day
    const dropout = 0.3 * rng.next();
    const level = 10 + 90 * rng.next() ** 2; // customers differ in what they spend, as Gamma-Gamma assumes
    let k = 0;
    while (t < Date.parse('2024-01-01T00:00:00Z')) {
      lines.push({
        order: `o${c}-${k}`,
        customer: `c${c}`,
        at: new Date(t).toISOString().slice(0, 19),
        amount: amount(rng, level),
      });
      k++;
      if (rng.next() < dropout) break;
      t += Math.ceil(-Math.log(1 - rng.next()) / rate) * DAY;
    }
  }
  return lines;
}

describe('CLV edge cases', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await memoryWarehouse();
  });
  afterEach(async () => {
    await wh.close();
  });

  it('builds x, t_x, T and monetary like lifetimes: same-day purchases merged, returns, cancellations and guests left out', async () => {
    await addLines(wh, [
      { order: 'a1', customer: 'A', at: '2024-01-01T09:00:00', amount: 10 },
      { order: 'a2', customer: 'A', at: '2024-01-01T18:00:00', amount: 5 },
      { order: 'a3', customer: 'A', at: '2024-01-08', amount: 3 },
      { order: 'a3', customer: 'A', at: '2024-01-08', amount: 4 },
      { order: 'a4', customer: 'A', at: '2024-02-01', amount: 13 },
      { order: 'a5', customer: 'A', at: '2024-02-10', amount: -13, status: 'return' },
      { order: 'a6', customer: 'A', at: '2024-02-15', amount: 50, status: 'cancellation' },
      { order: 'g1', customer: null, at: '2024-02-20', amount: 99 },
      { order: 'b1', customer: 'B', at: '2024-01-15', amount: 20 },
      { order: 'b2', customer: 'B', at: '2024-03-01T23:59:59', amount: 8 }, // the as-of day itself counts
      { order: 'b3', customer: 'B', at: '2024-03-02T00:00:00', amount: 8 }, // the day after does not
      { order: 'c1', customer: 'C', at: '2024-03-05', amount: 30 }, // first purchase after the as-of date
    ]);
    const asOf = Date.parse('2024-03-01T00:00:00Z');
    const window = { calibrationEndMs: asOf, holdoutEndMs: asOf };
    const rows = await withPeriodsTable(wh, window, (s) => loadCustomerRows(wh, s.table, 1));
    expect(rows.customerId).toEqual(['A', 'B']);
    const p = (i: number) => {
      const r = rows.rowOf[i] as number;
      const { x, tx, T, monetary } = rows.patterns;
      return [x[r], tx[r], T[r], monetary[r]];
    };
    expect(p(0)).toEqual([2, 31, 60, 10]); // days 01-08 and 02-01 after 01-01; (7 + 13) / 2
    expect(p(1)).toEqual([1, 46, 46, 8]);
    const weeks = await withPeriodsTable(wh, window, (s) => loadCustomerRows(wh, s.table, 7));
    expect(weeks.patterns.T[weeks.rowOf[0] as number]).toBeCloseTo(60 / 7, 12);
  });

  it('an empty warehouse: a clear message, exit code 2', async () => {
    const e = await failure(fitClv(wh, { model: 'bgnbd' }));
    expect(e.message).toMatch(/no purchases by known customers/);
    expect(exitCodeOf(e)).toBe(2);
  });

  it('an as-of date before any data: a clear message with the first purchase date', async () => {
    await addLines(
      wh,
      population(50, 1, () => 10),
    );
    const e = await failure(fitClv(wh, { model: 'bgnbd', asOf: '2022-12-31' }));
    expect(e.kind).toBe('invalid_input');
    expect(e.message).toMatch(/--as-of 2022-12-31 is before the first purchase \(2023-01-\d\d\)/);
    expect(e.hint).toMatch(/use --as-of 2023-01-\d\d or later/);
    const s = await failure(scoreClv(wh, { asOf: '2020-01-01' }));
    expect(s.message).toMatch(/before the first purchase/);
    const ev = await failure(evaluateClv(wh, { calibrationEnd: '2020-01-01' }));
    expect(ev.message).toMatch(/--calibration-end 2020-01-01 is before the first purchase/);
  });

  it('one customer: every fit fails with its reason, never a NaN model', async () => {
    await addLines(wh, [
      { order: '1', customer: 'solo', at: '2024-01-01', amount: 10 },
      { order: '2', customer: 'solo', at: '2024-01-20', amount: 12 },
      { order: '3', customer: 'solo', at: '2024-02-11', amount: 9 },
    ]);
    for (const model of ['bgnbd', 'mbgnbd', 'paretonbd', 'gammagamma']) {
      const e = await failure(fitClv(wh, { model, asOf: '2024-03-01' }));
      expect(e.kind).toBe('unsupported');
      expect(e.message).toMatch(/fit failed \(insufficient_data\) on the purchases up to 2024-03-01/);
      expect(e.hint).toBeTruthy();
      expect(exitCodeOf(e)).toBe(6);
    }
    expect((await failure(scoreClv(wh, { asOf: '2024-03-01' }))).message).toMatch(/insufficient_data/);
    const ev = await failure(evaluateClv(wh, { calibrationEnd: '2024-01-31' }));
    expect(ev.message).toMatch(/no purchase model could be fitted/);
    expect((await wh.query({ sql: 'SELECT count(*) AS n FROM clv_models', params: [] })).columns.n).toEqual([
      0,
    ]);
  });

  it('nobody bought twice: the purchase models fail with no_repeat_purchases', async () => {
    await addLines(
      wh,
      Array.from({ length: 20 }, (_, i) => ({
        order: `o${i}`,
        customer: `c${i}`,
        at: `2024-01-${String(i + 1).padStart(2, '0')}`,
        amount: 10,
      })),
    );
    const e = await failure(fitClv(wh, { model: 'paretonbd', asOf: '2024-03-01' }));
    expect(e.message).toMatch(/no_repeat_purchases/);
  });

  it('when the spend model cannot be fitted, spend and CLV are NULL with a warning; the rest is scored', async () => {
    // Every purchase is worth exactly 10: no spread of spend within or between customers to fit.
    await addLines(
      wh,
      population(300, 3, () => 10),
    );
    const s = await scoreClv(wh, { asOf: '2023-12-31', model: 'bgnbd', draws: 20 });
    expect(s.spendModel).toBeNull();
    expect(s.warnings.join(' ')).toMatch(/Gamma-Gamma fit failed \(degenerate\)/);
    expect(s.table.columns.clv?.every((v) => v === null)).toBe(true);
    expect(s.table.columns.p_alive?.every((v) => typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
    expect(s.modelIds.spend).toBeNull();
  });

  it('draws = 0: no intervals, NULL bounds and a warning; options are checked with exact messages', async () => {
    await addLines(
      wh,
      population(200, 5, (rng, level) => level * (0.5 + rng.next())),
    );
    const s = await scoreClv(wh, { asOf: '2023-12-31', draws: 0, model: 'mbgnbd', horizonDays: 90 });
    expect(s.intervals).toBeNull();
    expect(s.table.columns.clv_low?.every((v) => v === null)).toBe(true);
    expect(s.table.columns.clv?.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(s.warnings).toEqual(['no intervals: intervals were not requested (draws = 0)']);
    expect((await failure(fitClv(wh, { model: 'nbd' }))).message).toBe(
      'invalid model: "nbd" (expected one of bgnbd, mbgnbd, paretonbd, gammagamma)',
    );
    expect((await failure(fitClv(wh, { model: 'bgnbd', unit: 'months' }))).message).toBe(
      'invalid unit: "months" (expected days or weeks)',
    );
    expect((await failure(fitClv(wh, { model: 'bgnbd', penalizer: -1 }))).message).toBe(
      'invalid penalizer: -1 (expected a number ≥ 0)',
    );
    expect((await failure(fitClv(wh, { model: 'bgnbd', asOf: '2023-02-30' }))).message).toBe(
      'invalid --as-of: "2023-02-30"',
    );
    expect((await failure(scoreClv(wh, { horizonDays: '0' }))).message).toMatch(/^invalid horizon days: "0"/);
    expect((await failure(scoreClv(wh, { model: 'gammagamma' }))).message).toMatch(/^invalid purchase model/);
  });

  it('evaluation windows are checked: holdout after calibration, a warning when it runs past the data', async () => {
    await addLines(
      wh,
      population(300, 7, (rng, level) => level * (0.5 + rng.next())),
    );
    const e = await failure(evaluateClv(wh, { calibrationEnd: '2023-09-30', holdoutEnd: '2023-09-30' }));
    expect(e.message).toBe('--holdout-end 2023-09-30 must be after --calibration-end 2023-09-30');
    const late = await evaluateClv(wh, {
      calibrationEnd: '2023-09-30',
      holdoutEnd: '2024-06-30',
      save: false,
    });
    expect(late.warnings[0]).toMatch(
      /the holdout runs to 2024-06-30 but the last purchase in the data is on 2023-12-3\d/,
    );
    expect(late.models.filter((m) => m.ok).length).toBeGreaterThan(0);
    expect(late.models.every((m) => !m.ok || m.modelId === null)).toBe(true);
  });
});
