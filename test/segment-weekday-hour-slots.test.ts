import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRun, type RunInfo } from '../src/analysis/runs.js';
import { listSegmentations } from '../src/analysis/segment-queries.js';
import { refreshCustomerWeekdayHour } from '../src/server/customer-weekday-hour.js';
import { precomputePages } from '../src/server/precompute.js';
import { segmentationWeekdayHour } from '../src/server/routes/segment-weekday-hour.js';
import { count } from './helpers/warehouse.js';
import { demoServer, type Fixture } from './server-fixture.js';

let fx: Fixture;
let run: RunInfo;

beforeAll(async () => {
  fx = await demoServer();
  run = await getRun(fx.app.warehouse);
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

/** Segmentations of every kind: scored, rule-based, demographic, the precomputed one, a clustering. */
const NAMES = ['rfm', 'lifecycle', 'demographic.age_band', 'behavioural.usage_pattern', 'cluster'];

const heatmaps = (r: RunInfo = run) =>
  Promise.all(NAMES.map((n) => segmentationWeekdayHour(fx.app.warehouse, r, n)));
const withoutSlots = async (r: RunInfo = run) => {
  await fx.app.warehouse.execute('DELETE FROM customer_weekday_hour_source');
  try {
    return await heatmaps(r);
  } finally {
    await refreshCustomerWeekdayHour(fx.app.warehouse, run.runId, run.asOf);
  }
};
const purchasesBefore = (asOf: string) =>
  count(
    fx.app.warehouse,
    `SELECT count(DISTINCT order_id) FROM order_lines WHERE status = 'purchase' AND ordered_at < CAST($1 AS DATE)`,
    [asOf],
  );

describe('customer_weekday_hour (the weekday × hour heatmaps of every segmentation)', () => {
  it("is built by the page precompute for the run's as-of day, and every heatmap kept", async () => {
    const NAMES_OF_RUN = (await listSegmentations(fx.app.warehouse, run.runId)).map((s) => s.name);
    expect(NAMES_OF_RUN).toEqual(expect.arrayContaining(NAMES));
    const pages = await precomputePages(fx.app, run.runId);
    expect(pages.failed).toEqual([]);
    expect(pages.weekdayHour.tableSeconds).toBeGreaterThan(0);
    expect(pages.weekdayHour.segmentations).toBe(NAMES_OF_RUN.length - 1); // usage_pattern's is a page request
    // Every segmentation's heatmap is kept in api_cache: the first request of any of them is not computed.
    for (const n of NAMES_OF_RUN)
      expect(
        await count(fx.app.warehouse, 'SELECT count(*) FROM api_cache WHERE cache_key = $1', [
          `weekday-hour:${run.runId}:${run.startedAt}:${n}`,
        ]),
        n,
      ).toBe(1);
    expect(
      await count(
        fx.app.warehouse,
        'SELECT count(*) FROM customer_weekday_hour_source WHERE run_id = $1 AND as_of = CAST($2 AS DATE)',
        [run.runId, run.asOf],
      ),
    ).toBe(1);
    const orders = await purchasesBefore(run.asOf);
    expect(orders).toBeGreaterThan(1000);
    expect(await count(fx.app.warehouse, 'SELECT sum(orders) FROM customer_weekday_hour')).toBe(orders);
    // Guests' orders are kept (under no customer), as the heatmap of everyone counts them.
    expect(
      await count(fx.app.warehouse, 'SELECT count(*) FROM customer_weekday_hour WHERE customer_id IS NULL'),
    ).toBeGreaterThan(0);
  });

  it('gives every segmentation the heatmap computed from the order lines', async () => {
    const fromSlots = await heatmaps();
    const live = await withoutSlots();
    expect(fromSlots).toEqual(live);
    for (const h of fromSlots) {
      expect(h.allOrders).toBe(await purchasesBefore(run.asOf));
      expect(h.segments.length).toBeGreaterThan(1);
      expect(h.segments.reduce((s, x) => s + x.orders, 0)).toBeGreaterThan(0);
    }
  });

  it('is what the heatmap reads while it holds the purchases before the as-of day', async () => {
    const before = await heatmaps();
    await fx.app.warehouse.execute(
      'UPDATE customer_weekday_hour SET orders = orders + 1000 WHERE customer_id IS NULL AND slot = (SELECT min(slot) FROM customer_weekday_hour WHERE customer_id IS NULL)',
    );
    try {
      for (const [i, h] of (await heatmaps()).entries())
        expect(h.allOrders).toBe(before[i]!.allOrders + 1000);
    } finally {
      await refreshCustomerWeekdayHour(fx.app.warehouse, run.runId, run.asOf);
    }
    expect(await heatmaps()).toEqual(before);
  });

  it('is not read for another as-of day, nor once order lines are added or removed', async () => {
    // Another as-of day: the order lines are read.
    const earlier = { ...run, asOf: '2024-01-01' };
    const other = await heatmaps(earlier);
    expect(other[0]!.allOrders).toBe(await purchasesBefore('2024-01-01'));
    expect(other[0]!.allOrders).toBeLessThan(await purchasesBefore(run.asOf));
    expect(other).toEqual(await withoutSlots(earlier));
    // A purchase of a customer added outside any import, before the as-of day.
    const before = await heatmaps();
    const buyer = String(
      (
        await fx.app.warehouse.query({
          sql: 'SELECT customer_id FROM customer_segment_labels WHERE run_id = $1 ORDER BY customer_id LIMIT 1',
          params: [run.runId],
        })
      ).columns.customer_id?.[0],
    );
    await fx.app.warehouse.execute(
      `INSERT INTO order_lines (order_id, line_no, customer_id, ordered_at, category, quantity, amount, channel, status)
        VALUES ('LATE-1', 1, $1, CAST($2 AS DATE) - INTERVAL 1 DAY + INTERVAL 9 HOUR, 'late', 1, 5, 'web', 'purchase')`,
      [buyer, run.asOf],
    );
    try {
      const added = await heatmaps();
      expect(added.map((h) => h.allOrders)).toEqual(before.map((h) => h.allOrders + 1));
      expect(added).toEqual(await withoutSlots());
    } finally {
      await fx.app.warehouse.execute("DELETE FROM order_lines WHERE order_id = 'LATE-1'");
    }
    // A line removed: the count no longer matches, the order lines are read.
    const gone = await fx.app.warehouse.query({
      sql: `SELECT order_id FROM order_lines WHERE status = 'purchase' AND ordered_at < CAST($1 AS DATE)
        GROUP BY order_id HAVING count(*) = 1 ORDER BY order_id LIMIT 1`,
      params: [run.asOf],
    });
    await fx.app.warehouse.execute('DELETE FROM order_lines WHERE order_id = $1', [
      String(gone.columns.order_id?.[0]),
    ]);
    const removed = await heatmaps();
    expect(removed.map((h) => h.allOrders)).toEqual(before.map((h) => h.allOrders - 1));
    expect(removed).toEqual(await withoutSlots());
  });
});
