import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.js';
import { compileFeatures, parseAsOf } from '../src/features/index.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const t = (s: string) => Date.parse(`${s}Z`);

/**
 * Which orders are purchases (ADR 0002, "Purchase orders"). N buys twice. X's only order is cancelled in full by
 * order C + its id (the Online Retail and demo-shop convention); Y's only order has its cancellation line in the
 * order itself. R returns everything it bought. P cancels part of its order. L's order is cancelled in full two
 * days after the first as-of date.
 */
async function shop(): Promise<Warehouse> {
  const wh = await memoryWarehouse();
  const lines: [string, string, string, number, number, string][] = [
    // order, customer, time, quantity, amount, status
    ['n1', 'N', '2024-03-10T10:00:00', 1, 30, 'purchase'],
    ['n1', 'N', '2024-03-10T10:00:00', 1, 10, 'purchase'],
    ['n2', 'N', '2024-05-20T15:00:00', 2, 20, 'purchase'],
    ['x1', 'X', '2024-04-01T09:00:00', 1, 50, 'purchase'],
    ['Cx1', 'X', '2024-04-02T09:00:00', -1, -50, 'cancellation'],
    ['y1', 'Y', '2024-04-05T09:00:00', 1, 25, 'purchase'],
    ['y1', 'Y', '2024-04-05T11:00:00', -1, -25, 'cancellation'],
    ['r1', 'R', '2024-02-01T12:00:00', 2, 80, 'purchase'],
    ['Rr1', 'R', '2024-02-10T12:00:00', -2, -80, 'return'],
    ['p1', 'P', '2024-06-01T12:00:00', 1, 60, 'purchase'],
    ['p1', 'P', '2024-06-01T12:00:00', 1, 40, 'purchase'],
    ['Cp1', 'P', '2024-06-02T12:00:00', -1, -40, 'cancellation'],
    ['l1', 'L', '2024-06-20T08:00:00', 1, 30, 'purchase'],
    ['Cl1', 'L', '2024-07-02T08:00:00', -1, -30, 'cancellation'],
  ];
  await wh.append(
    'order_lines',
    columnTable({
      order_id: lines.map((l) => l[0]),
      line_no: lines.map((_, i) => i + 1),
      customer_id: lines.map((l) => l[1]),
      ordered_at: lines.map((l) => t(l[2])),
      quantity: lines.map((l) => l[3]),
      amount: lines.map((l) => l[4]),
      status: lines.map((l) => l[5]),
    }),
  );
  return wh;
}

const PICK = [
  'frequency',
  'aov',
  'recency_days',
  'tenure_days',
  'last_purchase_at',
  'monetary_gross',
  'cancelled_amount',
  'returned_amount',
  'monetary_net',
] as const;

async function featuresAsOf(wh: Warehouse, asOf: string) {
  const r = await wh.query(compileFeatures(parseAsOf(asOf)));
  const ids = r.columns.customer_id as string[];
  const row = (id: string) => {
    const i = ids.indexOf(id);
    expect(i, `customer ${id}`).toBeGreaterThanOrEqual(0);
    return Object.fromEntries(PICK.map((k) => [k, r.columns[k]![i]]));
  };
  return { ids, row };
}

describe('purchase orders: cancelled in full, returned, partly cancelled', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await shop();
  });
  afterAll(async () => {
    await wh.close();
  });

  it('counts an order cancelled in full as no purchase, and a returned one as a purchase', async () => {
    const f = await featuresAsOf(wh, '2024-06-30');
    expect([...f.ids].sort()).toEqual(['L', 'N', 'P', 'R', 'X', 'Y']);
    expect(f.row('N')).toEqual({
      frequency: 2,
      aov: 30,
      recency_days: 41,
      tenure_days: 112,
      last_purchase_at: t('2024-05-20T15:00:00'),
      monetary_gross: 60,
      cancelled_amount: 0,
      returned_amount: 0,
      monetary_net: 60,
    });
    const neverBought = {
      frequency: 0,
      aov: null,
      recency_days: null,
      tenure_days: null,
      last_purchase_at: null,
      returned_amount: 0,
      monetary_net: 0,
    };
    expect(f.row('X')).toEqual({ ...neverBought, monetary_gross: 50, cancelled_amount: 50 });
    expect(f.row('Y')).toEqual({ ...neverBought, monetary_gross: 25, cancelled_amount: 25 });
    expect(f.row('R')).toEqual({
      frequency: 1,
      aov: 80,
      recency_days: 150,
      tenure_days: 150,
      last_purchase_at: t('2024-02-01T12:00:00'),
      monetary_gross: 80,
      cancelled_amount: 0,
      returned_amount: 80,
      monetary_net: 0,
    });
    expect(f.row('P')).toEqual({
      frequency: 1,
      aov: 100,
      recency_days: 29,
      tenure_days: 29,
      last_purchase_at: t('2024-06-01T12:00:00'),
      monetary_gross: 100,
      cancelled_amount: 40,
      returned_amount: 0,
      monetary_net: 60,
    });
    // L's cancellation is after the as-of date: as of then, the order stood.
    expect(f.row('L')).toEqual({
      frequency: 1,
      aov: 30,
      recency_days: 10,
      tenure_days: 10,
      last_purchase_at: t('2024-06-20T08:00:00'),
      monetary_gross: 30,
      cancelled_amount: 0,
      returned_amount: 0,
      monetary_net: 30,
    });
  });

  it('drops an order from the purchases once its full cancellation is before the as-of date', async () => {
    const f = await featuresAsOf(wh, '2024-07-31');
    expect(f.row('L')).toMatchObject({
      frequency: 0,
      aov: null,
      recency_days: null,
      monetary_gross: 30,
      cancelled_amount: 30,
      monetary_net: 0,
    });
    expect(f.row('N')).toMatchObject({ frequency: 2, aov: 30, recency_days: 72 });
  });

  it('gives RFM scores, AOV and recency to exactly the customers with a purchase order', async () => {
    const s = await analyze(wh, { asOf: '2024-06-30' });
    expect(s.customers).toBe(6);
    expect(s.buyers).toBe(4);
    const r = await wh.query({
      sql: `SELECT customer_id, frequency, r_score, rfm_segment FROM customer_scores
        WHERE run_id = $1 ORDER BY customer_id`,
      params: [s.runId],
    });
    expect(r.columns.customer_id).toEqual(['L', 'N', 'P', 'R', 'X', 'Y']);
    expect(r.columns.frequency).toEqual([1, 2, 1, 1, 0, 0]);
    expect(r.columns.rfm_segment!.slice(4)).toEqual(['No purchases', 'No purchases']);
    expect(r.columns.r_score!.map((v) => v === null)).toEqual([false, false, false, false, true, true]);
    // Every feature that describes purchase orders is defined exactly when frequency > 0.
    const mismatched = await count(
      wh,
      `SELECT count(*) FROM customer_scores WHERE run_id = $1 AND (
        (frequency > 0) <> (aov IS NOT NULL) OR (frequency > 0) <> (recency_days IS NOT NULL)
        OR (frequency > 0) <> (last_purchase_at IS NOT NULL) OR (frequency > 0) <> (modal_weekday IS NOT NULL))`,
      [s.runId],
    );
    expect(mismatched).toBe(0);
  });
});
