import { z } from 'zod';
import { getRun, type RunInfo } from '../../analysis/runs.js';
import { segmentationRelation } from '../../analysis/segment-queries.js';
import { notFound } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { purchaseSlots, slotsBySegment } from '../customer-weekday-hour.js';
import type { Memo } from '../memo.js';
import { defineRoute } from '../route.js';
import { numberAt } from '../rows.js';
import { runQuery } from '../schemas.js';

/** `[weekday][hour]` order counts, weekday 0 = Monday. */
type Grid = number[][];
const grid = (): Grid => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
const total = (g: Grid) => g.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);

export interface SegmentationWeekdayHour {
  readonly run: number;
  readonly asOf: string;
  readonly segmentation: string;
  readonly allOrders: number;
  readonly allGrid: Grid;
  readonly segments: readonly { segment: string; customers: number; orders: number; grid: Grid }[];
}

/**
 * Orders by weekday × hour of every segment of a segmentation, and of everyone (guests included), over the
 * purchases before the run's as-of day (an order counted once, at its first line). One pass over the orders
 * serves every segment, so picking another segment of the same segmentation costs nothing. Read from
 * `customer_weekday_hour` (built after each run by the page precompute) while it holds those purchases, else
 * from `order_lines`: the same counts either way.
 */
export async function segmentationWeekdayHour(
  wh: Warehouse,
  run: RunInfo,
  segmentation: string,
): Promise<SegmentationWeekdayHour> {
  const rel = await segmentationRelation(wh, segmentation, 3);
  const members = await segmentationRelation(wh, segmentation, 2);
  const [t, sizes] = await Promise.all([
    slotsBySegment(wh, run.runId, run.asOf, rel).then(
      (pre) =>
        pre ??
        wh.query({
          sql: `WITH o AS (${purchaseSlots('$2')}),
            m AS (SELECT customer_id, segment FROM ${rel.sql} g WHERE g.run_id = $1)
            SELECT m.segment, o.slot, count(*) AS orders
            FROM o LEFT JOIN m ON m.customer_id = o.customer_id
            GROUP BY 1, 2`,
          params: [run.runId, run.asOf, ...rel.params],
        }),
    ),
    wh.query({
      sql: `SELECT segment, count(*) AS customers FROM ${members.sql} g WHERE g.run_id = $1 GROUP BY 1
        ORDER BY customers DESC, segment`,
      params: [run.runId, ...members.params],
    }),
  ]);
  const all = grid();
  const bySegment = new Map<string, Grid>();
  for (let i = 0; i < t.rowCount; i++) {
    const slot = numberAt(t, 'slot', i);
    if (slot === null) continue; // the one row of an empty customer_weekday_hour
    const d = Math.floor(slot / 24);
    const h = slot % 24;
    const n = numberAt(t, 'orders', i) ?? 0;
    all[d]![h]! += n;
    const segment = t.columns.segment?.[i];
    if (segment === null || segment === undefined) continue;
    const g = bySegment.get(String(segment)) ?? grid();
    g[d]![h]! += n;
    bySegment.set(String(segment), g);
  }
  return {
    run: run.runId,
    asOf: run.asOf,
    segmentation,
    allOrders: total(all),
    allGrid: all,
    segments: Array.from({ length: sizes.rowCount }, (_, i) => {
      const segment = String(sizes.columns.segment?.[i]);
      const g = bySegment.get(segment) ?? grid();
      return { segment, customers: numberAt(sizes, 'customers', i) ?? 0, orders: total(g), grid: g };
    }),
  };
}

const ofSegmentation = (wh: Warehouse, memo: Memo, run: RunInfo, segmentation: string) =>
  memo.get(
    `weekday-hour:${run.runId}:${run.startedAt}:${segmentation}`,
    () => segmentationWeekdayHour(wh, run, segmentation),
    { persist: true },
  );

export const segmentWeekdayHourRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations/:name/weekday-hour',
    summary:
      "orders by weekday × hour of every segment of a segmentation before the run's as-of day, and of everyone",
    tag: 'segmentations',
    scope: 'read',
    params: z.object({ name: z.string().min(1) }),
    query: runQuery,
    handler: async ({ app, query, params, memo }) =>
      ofSegmentation(app.warehouse, memo, await getRun(app.warehouse, query.run), params.name),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segmentations/:name/segments/:segment/weekday-hour',
    summary:
      "orders by weekday × hour of one segment's customers before the run's as-of day, and of everyone for comparison",
    tag: 'segmentations',
    scope: 'read',
    params: z.object({ name: z.string().min(1), segment: z.string().min(1) }),
    query: runQuery,
    handler: async ({ app, query, params, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      const all = await ofSegmentation(app.warehouse, memo, run, params.name);
      const s = all.segments.find((x) => x.segment === params.segment);
      if (!s) {
        throw notFound(
          `segment "${params.segment}" does not exist in segmentation ${params.name} (analysis run ${run.runId})`,
          `GET /v1/segmentations/${params.name}?run=${run.runId} lists its segments`,
        );
      }
      return {
        run: run.runId,
        asOf: run.asOf,
        segmentation: params.name,
        segment: s.segment,
        customers: s.customers,
        segmentOrders: s.orders,
        allOrders: all.allOrders,
        /** `[weekday][hour]` order counts, weekday 0 = Monday. */
        segmentGrid: s.grid,
        allGrid: all.allGrid,
      };
    },
  }),
];
