import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, exportCustomers, listRuns } from '../src/analysis/index.js';
import { compileFeatures, parseAsOf } from '../src/features/index.js';
import { DEFAULT_LIFECYCLE_RULES } from '../src/models/lifecycle/index.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const t = (s: string) => Date.parse(`${s}Z`);
const d = (s: string) => Date.parse(`${s}T00:00:00Z`);

/**
 * A hand-made shop whose features are worked out by hand below. Customer A: three purchase orders (Wed 2024-01-10
 * 10:00 web, Sat 02-10 20:00 app, Wed 04-10 21:00 web), a return and a cancellation, events and campaign sends
 * (one to the control group). B and C have no orders (C not even a signup date). D signs up after the as-of
 * date. E is not in customers and buys for a negative and a zero amount. One guest order.
 */
async function shop(): Promise<Warehouse> {
  const wh = await memoryWarehouse();
  await wh.append(
    'customers',
    columnTable({
      customer_id: ['A', 'B', 'C', 'D'],
      signup_date: [d('2024-01-01'), d('2024-03-01'), null, d('2025-12-01')],
    }),
  );
  const lines: [
    string,
    string | null,
    string,
    number,
    number,
    number,
    number | null,
    number | null,
    string | null,
    string,
    string,
  ][] = [
    // order, customer, time, qty, price, amount, cost, discount, category, channel, status
    ['o1', 'A', '2024-01-10T10:00:00', 1, 10, 10, 6, 2, 'x', 'web', 'purchase'],
    ['o1', 'A', '2024-01-10T10:00:00', 1, 0, 0, null, null, 'y', 'web', 'purchase'],
    ['o2', 'A', '2024-02-10T20:00:00', 3, 10, 30, null, 0, 'x', 'app', 'purchase'],
    ['o3', 'A', '2024-04-10T21:00:00', 2, 10, 20, 12, null, 'z', 'web', 'purchase'],
    ['r1', 'A', '2024-04-15T12:00:00', -1, 5, -5, null, null, 'z', 'web', 'return'],
    ['c1', 'A', '2024-04-20T12:00:00', -1, 7, -7, null, null, 'x', 'web', 'cancellation'],
    ['o4', 'A', '2024-07-01T00:00:00', 1, 99, 99, null, null, 'x', 'web', 'purchase'],
    ['e1', 'E', '2024-05-01T09:00:00', 1, -3, -3, null, null, null, 'store', 'purchase'],
    ['e2', 'E', '2024-05-02T09:00:00', 1, 0, 0, null, null, null, 'store', 'purchase'],
    ['g1', null, '2024-06-01T09:00:00', 1, 100, 100, null, null, null, 'web', 'purchase'],
  ];
  await wh.append(
    'order_lines',
    columnTable({
      order_id: lines.map((l) => l[0]),
      line_no: lines.map((_, i) => i + 1),
      customer_id: lines.map((l) => l[1]),
      ordered_at: lines.map((l) => t(l[2])),
      quantity: lines.map((l) => l[3]),
      unit_price: lines.map((l) => l[4]),
      amount: lines.map((l) => l[5]),
      cost: lines.map((l) => l[6]),
      discount: lines.map((l) => l[7]),
      category: lines.map((l) => l[8]),
      channel: lines.map((l) => l[9]),
      status: lines.map((l) => l[10]),
    }),
  );
  await wh.append(
    'events',
    columnTable({
      event_id: ['v1', 'v2', 'v3', 'v4', 'v5'],
      customer_id: ['A', 'A', 'A', 'A', 'A'],
      occurred_at: [
        t('2024-06-20T10:00:00'),
        t('2024-06-25T10:00:00'),
        t('2024-06-25T10:01:00'),
        t('2024-03-01T10:00:00'),
        t('2024-07-05T10:00:00'),
      ],
      type: ['session_start', 'email_open', 'email_click', 'add_to_cart', 'app_open'],
    }),
  );
  await wh.append(
    'campaign_responses',
    columnTable({
      campaign_id: ['K1', 'K2', 'K3'],
      customer_id: ['A', 'A', 'A'],
      sent_at: [t('2024-05-01T10:00:00'), t('2024-06-01T10:00:00'), t('2024-06-01T10:00:00')],
      opened_at: [t('2024-05-01T11:00:00'), null, t('2024-06-01T11:00:00')],
      converted_at: [t('2024-05-02T11:00:00'), null, t('2024-06-02T11:00:00')],
      revenue: [20, null, 50],
      is_control: [false, false, true],
    }),
  );
  return wh;
}

describe('features, RFM and lifecycle on a hand-made shop, and bad input', () => {
  let wh: Warehouse;
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-edge-'));
  beforeAll(async () => {
    wh = await shop();
  });
  afterAll(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes every feature of customer A as of 2024-06-30 exactly', async () => {
    const r = await wh.query(compileFeatures(parseAsOf('2024-06-30')));
    const ids = r.columns.customer_id as string[];
    expect([...ids].sort()).toEqual(['A', 'B', 'C', 'E']);
    const a = Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, v[ids.indexOf('A')]]));
    const gap1 = 31 + 10 / 24;
    const gap2 = 60 + 1 / 24;
    expect(a).toEqual({
      customer_id: 'A',
      signup_date: d('2024-01-01'),
      frequency: 3,
      first_purchase_at: t('2024-01-10T10:00:00'),
      last_purchase_at: t('2024-04-10T21:00:00'),
      first_order_at: t('2024-01-10T10:00:00'),
      recency_days: 81,
      tenure_days: 172,
      relationship_days: 181,
      mean_gap_days: expect.closeTo((gap1 + gap2) / 2, 9),
      std_gap_days: expect.closeTo(Math.abs(gap1 - gap2) / Math.SQRT2, 9),
      orders_last_90d: 1,
      orders_prev_90d: 2,
      purchase_trend: expect.closeTo(-1 / 3, 12),
      monetary_gross: 60,
      cancelled_amount: 7,
      returned_amount: 5,
      monetary_net: 48,
      aov: 20,
      units: 7,
      return_rate: expect.closeTo(5 / 60, 12),
      cancellation_rate: expect.closeTo(7 / 60, 12),
      discount_share: 0.5,
      discount_rate: expect.closeTo(2 / 42, 12),
      margin: 12,
      margin_rate: 0.4,
      cost_coverage: 0.5,
      top_category: 'x',
      top_category_share: expect.closeTo(40 / 60, 12),
      categories_count: 3,
      top_channel: 'web',
      top_channel_share: expect.closeTo(2 / 3, 12),
      channels_count: 2,
      weekend_share: expect.closeTo(1 / 3, 12),
      evening_share: expect.closeTo(2 / 3, 12),
      modal_weekday: 'Wednesday',
      modal_weekday_share: expect.closeTo(2 / 3, 12),
      modal_hour: 10,
      sessions_30d: 1,
      sessions_90d: 1,
      email_opens_30d: 1,
      email_opens_90d: 1,
      email_clicks_30d: 1,
      email_clicks_90d: 1,
      carts_30d: 0,
      days_since_last_event: 5,
      campaigns_received: 2,
      campaign_open_rate: 0.5,
      campaign_response_rate: 0.5,
      campaign_conversion_rate: 0.5,
      campaign_revenue: 20,
    });
  });

  it('scores customers without orders and with zero or negative amounts without NaN', async () => {
    const s = await analyze(wh, { asOf: '2024-06-30' });
    expect(s.customers).toBe(4);
    expect(s.buyers).toBe(2);
    const r = await wh.query({
      sql: `SELECT customer_id, frequency, monetary, r_score, rfm_segment, lifecycle_stage, aov, return_rate
        FROM customer_scores WHERE run_id = $1 ORDER BY customer_id`,
      params: [s.runId],
    });
    expect(r.columns).toMatchObject({
      customer_id: ['A', 'B', 'C', 'E'],
      frequency: [3, 0, 0, 2],
      monetary: [60, null, null, -3],
      rfm_segment: [expect.any(String), 'No purchases', 'No purchases', expect.any(String)],
      // A: 81 days since the last order is under 2.5x its 45.7-day gap, young (172 days < 180) and converts on
      // campaigns. B signed up 121 days before and never bought or visited; C has no dates and reads as new.
      // E bought on two consecutive days and not for 59 days since: overdue.
      lifecycle_stage: ['advocate', 'lost_cause', 'evaluation', 'at_risk'],
      aov: [20, null, null, -1.5],
      return_rate: [expect.closeTo(5 / 60, 12), null, null, null],
    });
    const out = join(dir, 'edge.csv');
    const e = await exportCustomers(wh, { out, runId: s.runId });
    expect(e.rows).toBe(4);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/nan|inf/i);
    expect(text.trimEnd().split('\n')).toHaveLength(5);
  });

  it('applies fixed RFM thresholds', async () => {
    const s = await analyze(wh, {
      asOf: '2024-06-30',
      rfm: {
        recency: { kind: 'thresholds', cuts: [30, 60, 90, 120] },
        frequency: { kind: 'thresholds', cuts: [1, 2, 3, 4] },
      },
    });
    const r = await wh.query({
      sql: 'SELECT r_score, f_score FROM customer_scores WHERE run_id = $1 AND customer_id = $2',
      params: [s.runId, 'A'],
    });
    expect(r.columns).toEqual({ r_score: [3], f_score: [3] });
  });

  it('refuses bad input with clear messages', async () => {
    await expect(analyze(wh, { asOf: '2023-12-31' })).rejects.toThrow(
      'as-of date 2023-12-31 is before the first order (2024-01-10): there is nothing to score',
    );
    await expect(analyze(wh, { asOf: '2024-02-30' })).rejects.toThrow('invalid as-of date: "2024-02-30"');
    await expect(
      analyze(wh, { rfm: { recency: { kind: 'thresholds', cuts: [3, 2, 1, 0] } } }),
    ).rejects.toThrow(/invalid RFM options: recency.cuts: cuts must be strictly ascending/);
    await expect(analyze(wh, { rfm: { bins: 3 } })).rejects.toThrow(/invalid RFM options/);
    const rule = (when: unknown) => ({
      ...DEFAULT_LIFECYCLE_RULES,
      rules: [{ stage: 'at_risk', when, why: '' }],
    });
    await expect(analyze(wh, { lifecycle: rule({ gt: [{ f: 'recncy_days' }, 3] }) })).rejects.toThrow(
      'lifecycle rule 1 (at_risk): unknown input "recncy_days"',
    );
    await expect(analyze(wh, { lifecycle: rule({ lt: [{ f: 'p_alive' }, 0.5] }) })).rejects.toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/CLV predictions are not available/) }),
    );
    await expect(
      analyze(wh, { lifecycle: { ...DEFAULT_LIFECYCLE_RULES, fallback: 'dormant' } }),
    ).rejects.toThrow(/invalid lifecycle rules: fallback/);
    await expect(exportCustomers(wh, { out: join(dir, 'x.xlsx') })).rejects.toThrow(
      /cannot tell the export format/,
    );
    await expect(exportCustomers(wh, { out: join(dir, 'x.csv'), runId: 999 })).rejects.toThrow(
      'analysis run 999 does not exist',
    );
  });

  it('reads CLV predictions through the hook when given, and records a failed run', async () => {
    await wh.execute('CREATE TABLE preds (customer_id VARCHAR, p_alive DOUBLE)');
    await wh.execute(`INSERT INTO preds VALUES ('A', 0.2), ('E', 0.9)`);
    const rules = {
      params: {},
      rules: [{ stage: 'at_risk', when: { lt: [{ f: 'p_alive' }, 0.5] }, why: 'p_alive below 0.5' }],
      fallback: 'stable',
    };
    const s = await analyze(wh, { asOf: '2024-06-30', lifecycle: rules, predictionsTable: 'preds' });
    const r = await wh.query({
      sql: 'SELECT customer_id, lifecycle_stage, retention_probability FROM customer_scores WHERE run_id = $1 ORDER BY 1',
      params: [s.runId],
    });
    expect(r.columns.lifecycle_stage).toEqual(['at_risk', 'at_risk', 'at_risk', 'stable']);
    expect(r.columns.retention_probability?.[0]).toBe(0.2);
    await expect(analyze(wh, { lifecycle: rules, predictionsTable: 'no_such_table' })).rejects.toThrow(
      'table no_such_table does not exist',
    );
    await wh.execute('CREATE TABLE bad_preds (customer_id VARCHAR, p_alive VARCHAR)');
    await wh.execute(`INSERT INTO bad_preds VALUES ('A', 'high')`);
    await expect(analyze(wh, { lifecycle: rules, predictionsTable: 'bad_preds' })).rejects.toThrow(
      /analysis run \d+ failed: .*high/,
    );
    const runs = await listRuns(wh);
    expect(runs.at(-1)?.status).toBe('failed');
    expect(
      await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1', [runs.at(-1)!.runId]),
    ).toBe(0);
  });

  it('analyses customers without any orders, and refuses an empty warehouse', async () => {
    const empty = await memoryWarehouse();
    await expect(analyze(empty)).rejects.toThrow(
      'nothing to analyse: the warehouse has no orders and no customers',
    );
    await empty.append(
      'customers',
      columnTable({ customer_id: ['P', 'Q'], signup_date: [d('2024-05-01'), null] }),
    );
    const s = await analyze(empty);
    expect(s.asOf).toBe('2024-05-02');
    expect(s).toMatchObject({ customers: 2, buyers: 0, rfm: { 'No purchases': 2 } });
    await empty.close();
  });
});
