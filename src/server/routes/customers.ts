import { z } from 'zod';
import { getRun } from '../../analysis/runs.js';
import { notFound } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { customerTimeline, TIMELINE_LIMIT } from '../customer-timeline.js';
import { defineRoute } from '../route.js';
import { rowsOf } from '../rows.js';
import { page, pageOf, pageQuery, runQuery } from '../schemas.js';
import { type CustomerFilter, customerFilter, customerSearchSql } from './customer-filter.js';

const customerRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One page of a customer search over a run. */
export async function searchCustomers(
  wh: Warehouse,
  runId: number,
  f: CustomerFilter,
  limit: number,
  offset: number,
) {
  const q = await customerSearchSql(wh, runId, f, limit, offset);
  if (f.q !== undefined) {
    // A text search reads every customer's id, email and names: once, with the count alongside the page.
    const t = await wh.query(q.countedPage);
    const { total_matches: counted, ...columns } = t.columns;
    const total =
      t.rowCount > 0 ? Number(counted?.[0]) : Number((await wh.query(q.count)).columns.n?.[0] ?? 0);
    return pageOf(rowsOf({ ...t, columns }, { day: ['next_order_date'] }), total, limit, offset);
  }
  const [items, total] = await Promise.all([wh.query(q.page), wh.query(q.count)]);
  return pageOf(
    rowsOf(items, { day: ['next_order_date'] }),
    Number(total.columns.n?.[0] ?? 0),
    limit,
    offset,
  );
}

async function profile(wh: Warehouse, runId: number, id: string) {
  const attrs = await wh.query({
    sql: 'SELECT * EXCLUDE (import_id, source_line) FROM customers WHERE customer_id = $1',
    params: [id],
  });
  const scores = await wh.query({
    sql: 'SELECT * EXCLUDE (run_id) FROM customer_scores WHERE run_id = $1 AND customer_id = $2',
    params: [runId, id],
  });
  if (attrs.rowCount === 0 && scores.rowCount === 0)
    throw notFound(`customer ${id} does not exist`, 'GET /v1/customers?q=... finds customers');
  const [labels, clusters, history, { orders, events, messages }, memberships] = await Promise.all([
    wh.query({
      sql: 'SELECT * EXCLUDE (run_id, customer_id) FROM customer_segment_labels WHERE run_id = $1 AND customer_id = $2',
      params: [runId, id],
    }),
    wh.query({
      sql: 'SELECT clustering, cluster_name FROM customer_clusters WHERE run_id = $1 AND customer_id = $2 ORDER BY clustering',
      params: [runId, id],
    }),
    wh.query({
      sql: `SELECT r.run_id, r.as_of, s.rfm_segment, s.lifecycle_stage, s.clv, s.churn_risk
        FROM customer_scores s JOIN analysis_runs r ON r.run_id = s.run_id
        WHERE s.customer_id = $1 AND r.status = 'done' ORDER BY r.run_id`,
      params: [id],
    }),
    customerTimeline(wh, id),
    wh.query({
      sql: `SELECT l.changed_at AS ts, s.name AS segment, l.change FROM segment_membership_log l
        JOIN segments s ON s.segment_id = l.segment_id WHERE l.customer_id = $1 ORDER BY l.seq DESC LIMIT ${TIMELINE_LIMIT}`,
      params: [id],
    }),
  ]);
  const score = rowsOf(scores, {
    day: ['signup_date', 'next_order_date'],
    instant: ['first_purchase_at', 'last_purchase_at', 'first_order_at'],
  })[0];
  const interval = (k: string) =>
    score
      ? { value: score[k] ?? null, low: score[`${k}_low`] ?? null, high: score[`${k}_high`] ?? null }
      : null;
  const timeline: Record<string, unknown>[] = [
    ...rowsOf(orders, { instant: ['ts'] }).map((r) => ({ kind: 'order', ...r })),
    ...rowsOf(events, { instant: ['ts'] }).map((r) => ({ kind: 'event', ...r })),
    ...rowsOf(messages, { instant: ['ts'] }).map((r) => ({ kind: 'message', ...r })),
    ...rowsOf(memberships, { instant: ['ts'] }).map((r) => ({ kind: 'membership', ...r })),
  ];
  timeline.sort((a, b) => String(b.ts).localeCompare(String(a.ts)));
  return {
    customerId: id,
    run: runId,
    attributes: rowsOf(attrs, { day: ['birth_date', 'signup_date'] })[0] ?? null,
    scores: score ?? null,
    predictions: score
      ? {
          model: score.clv_model ?? null,
          pAlive: interval('p_alive'),
          churnRisk: score.churn_risk ?? null,
          expectedPurchases: interval('expected_purchases'),
          expectedSpend: interval('expected_spend'),
          clv: interval('clv'),
          nextOrderDate: score.next_order_date ?? null,
        }
      : null,
    segments: {
      ...(rowsOf(labels)[0] ?? {}),
      ...Object.fromEntries(rowsOf(clusters).map((r) => [r.clustering, r.cluster_name])),
    },
    history: rowsOf(history, { day: ['as_of'] }),
    timeline,
  };
}

export const customerRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/customers',
    summary: 'search and filter customers of a run (segment, stage, RFM, scores, predictions), paginated',
    tag: 'customers',
    scope: 'read',
    query: runQuery.extend(pageQuery.shape).extend(customerFilter.shape),
    response: page(customerRow),
    handler: async ({ app, query, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      const { run: _, limit, offset, ...filter } = query;
      const search = () => searchCustomers(app.warehouse, run.runId, filter, limit, offset);
      // The first page of a filtered list is what a dashboard page opens with: kept per run (the end-of-run
      // precompute stores the pages' lists). Text searches and later pages are answered live.
      if (filter.q !== undefined || offset > 0) return search();
      const key = `customers:${run.runId}:${run.startedAt}:${JSON.stringify(Object.entries(filter).sort())}:${limit}`;
      return memo.get(key, search, { persist: true });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/customers/:id',
    summary: 'customer 360: attributes, scores, predictions with intervals, segments, history and timeline',
    tag: 'customers',
    scope: 'read',
    params: z.object({ id: z.string().min(1) }),
    query: runQuery,
    handler: async ({ app, query, params }) => {
      const run = await getRun(app.warehouse, query.run);
      return profile(app.warehouse, run.runId, params.id);
    },
  }),
];
