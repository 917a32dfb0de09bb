import type { RunInfo } from '../analysis/runs.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { numberAt, rowsOf } from './rows.js';

/** Orders (one row per order) of purchases before the run's as-of day: the base of trends and heatmaps. */
const ORDERS = `(SELECT order_id, any_value(customer_id) AS customer_id, min(ordered_at) AS ts, sum(amount) AS amount
  FROM order_lines WHERE status = 'purchase' AND ordered_at < CAST($1 AS DATE) GROUP BY order_id)`;

/** Headline figures of a run. */
async function headline(wh: Warehouse, runId: number) {
  const t = await wh.query({
    sql: `SELECT count(*) AS customers, count(*) FILTER (WHERE frequency > 0) AS buyers,
        sum(monetary_net) AS revenue, count(*) FILTER (WHERE recency_days <= 90) AS active,
        count(*) FILTER (WHERE lifecycle_stage = 'at_risk') AS at_risk,
        count(*) FILTER (WHERE churn_risk >= 0.7) AS high_churn_risk,
        sum(clv) AS predicted_value, avg(churn_risk) AS mean_churn_risk, avg(aov) AS aov
      FROM customer_scores WHERE run_id = $1`,
    params: [runId],
  });
  const n = (k: string) => numberAt(t, k) ?? 0;
  return {
    customers: n('customers'),
    buyers: n('buyers'),
    revenue: n('revenue'),
    active: n('active'),
    atRisk: n('at_risk'),
    highChurnRisk: n('high_churn_risk'),
    predictedValue: n('predicted_value'),
    meanChurnRisk: numberAt(t, 'mean_churn_risk'),
    aov: numberAt(t, 'aov'),
  };
}

/** Recency × frequency score grid, each cell with its customers and mean net revenue. */
async function rfmGrid(wh: Warehouse, runId: number) {
  const t = await wh.query({
    sql: `SELECT r_score AS r, f_score AS f, count(*) AS customers, avg(monetary_net) AS monetary
      FROM customer_scores WHERE run_id = $1 AND r_score IS NOT NULL AND f_score IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params: [runId],
  });
  return rowsOf(t);
}

async function groupCounts(wh: Warehouse, runId: number) {
  const [lifecycle, rfm] = await Promise.all([
    wh.query({
      sql: `SELECT lifecycle_phase AS phase, lifecycle_stage AS stage, count(*) AS customers, sum(monetary_net) AS revenue
        FROM customer_scores WHERE run_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      params: [runId],
    }),
    wh.query({
      sql: `SELECT rfm_segment AS segment, count(*) AS customers, sum(monetary_net) AS revenue, avg(clv) AS mean_clv
        FROM customer_scores WHERE run_id = $1 GROUP BY 1 ORDER BY customers DESC, 1`,
      params: [runId],
    }),
  ]);
  return { lifecycle: rowsOf(lifecycle), rfm: rowsOf(rfm) };
}

/** Monthly orders, revenue and buying customers over the 24 months before the as-of day. */
async function trends(wh: Warehouse, asOf: string) {
  const t = await wh.query({
    sql: `SELECT date_trunc('month', ts) AS month, count(*) AS orders, sum(amount) AS revenue,
        count(DISTINCT customer_id) AS customers
      FROM ${ORDERS} o WHERE ts >= CAST($1 AS DATE) - INTERVAL 24 MONTH GROUP BY 1 ORDER BY 1`,
    params: [asOf],
  });
  return rowsOf(t, { day: ['month'] });
}

/** Share of each monthly first-purchase cohort (last 12) buying again k months later. */
async function cohorts(wh: Warehouse, asOf: string) {
  const t = await wh.query({
    sql: `WITH p AS (SELECT customer_id, date_trunc('month', ts) AS m FROM ${ORDERS} o
          WHERE customer_id IS NOT NULL GROUP BY 1, 2),
        f AS (SELECT customer_id, min(m) AS cohort FROM p GROUP BY 1)
      SELECT f.cohort, datediff('month', f.cohort, p.m) AS k, count(*) AS customers
      FROM p JOIN f ON f.customer_id = p.customer_id
      WHERE f.cohort >= date_trunc('month', CAST($1 AS DATE) - INTERVAL 11 MONTH)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params: [asOf],
  });
  const byCohort = new Map<string, { cohort: string; size: number; retention: number[] }>();
  for (const r of rowsOf(t, { day: ['cohort'] })) {
    const key = String(r.cohort);
    const c = byCohort.get(key) ?? { cohort: key, size: 0, retention: [] };
    const k = Number(r.k);
    if (k === 0) c.size = Number(r.customers);
    c.retention[k] = Number(r.customers);
    byCohort.set(key, c);
  }
  return [...byCohort.values()].map((c) => ({
    cohort: c.cohort,
    size: c.size,
    retention: Array.from(c.retention, (v) => (c.size > 0 ? (v ?? 0) / c.size : 0)),
  }));
}

/** Orders by weekday (0 = Monday) × hour of day. */
async function weekdayHour(wh: Warehouse, asOf: string) {
  const t = await wh.query({
    sql: `SELECT isodow(ts) - 1 AS weekday, hour(ts) AS hour, count(*) AS orders FROM ${ORDERS} o GROUP BY 1, 2 ORDER BY 1, 2`,
    params: [asOf],
  });
  return rowsOf(t);
}

/** CLV histogram: 20 equal bins from 0 to the 99th percentile, the rest in the last bin. */
async function clvDistribution(wh: Warehouse, runId: number) {
  const t = await wh.query({
    sql: `WITH s AS (SELECT clv FROM customer_scores WHERE run_id = $1 AND clv IS NOT NULL),
        b AS (SELECT greatest(quantile_cont(clv, 0.99), 1e-9) / 20 AS width FROM s)
      SELECT least(floor(greatest(clv, 0) / b.width), 19) AS bin, any_value(b.width) AS width, count(*) AS customers
      FROM s, b GROUP BY 1 ORDER BY 1`,
    params: [runId],
  });
  return rowsOf(t).map((r) => ({
    from: Number(r.bin) * Number(r.width),
    to: (Number(r.bin) + 1) * Number(r.width),
    customers: Number(r.customers),
  }));
}

/** Everything the dashboard's first pages draw, computed once per run. */
export async function overview(wh: Warehouse, run: RunInfo) {
  const [head, grid, groups, trend, cohort, week, clv] = await Promise.all([
    headline(wh, run.runId),
    rfmGrid(wh, run.runId),
    groupCounts(wh, run.runId),
    trends(wh, run.asOf),
    cohorts(wh, run.asOf),
    weekdayHour(wh, run.asOf),
    clvDistribution(wh, run.runId),
  ]);
  return {
    run: run.runId,
    asOf: run.asOf,
    ...head,
    rfmGrid: grid,
    lifecycle: groups.lifecycle,
    rfmGroups: groups.rfm,
    trends: trend,
    cohorts: cohort,
    weekdayHour: week,
    clvDistribution: clv,
  };
}
