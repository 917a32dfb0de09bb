import { z } from 'zod';
import { segmentQuality } from '../../analysis/quality/segment-quality.js';
import { getRun, type RunInfo } from '../../analysis/runs.js';
import { segmentationRelation } from '../../analysis/segment-queries.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';
import { numberAt } from '../rows.js';
import { runQuery } from '../schemas.js';

const AGE = `coalesce(CAST(date_part('year', age(CAST($2 AS TIMESTAMP), CAST(c.birth_date AS TIMESTAMP))) AS INTEGER), c.age)`;

/**
 * The per-customer metrics a segment profile averages: fixed SQL over `s` (`customer_scores`) and `c`
 * (`customers`), `$2` the run's as-of day. NULLs (no purchase yet, no prediction, no birth date) are left out
 * of the mean and of everyone's spread.
 */
export const PROFILE_METRICS = [
  { key: 'recency_days', sql: 's.recency_days', doc: 'days since the last purchase (buyers)' },
  { key: 'frequency', sql: 's.frequency', doc: 'purchase orders' },
  { key: 'monetary_net', sql: 's.monetary_net', doc: 'net revenue (gross minus cancellations and returns)' },
  { key: 'aov', sql: 's.aov', doc: 'average order value (buyers)' },
  { key: 'tenure_days', sql: 's.tenure_days', doc: 'days since the first purchase (buyers)' },
  { key: 'clv', sql: 's.clv', doc: 'predicted customer lifetime value (runs with CLV predictions)' },
  { key: 'churn_risk', sql: 's.churn_risk', doc: '1 − P(alive), the probability the customer has left' },
  { key: 'sessions_90d', sql: 's.sessions_90d', doc: 'web/app sessions in the last 90 days' },
  { key: 'email_opens_90d', sql: 's.email_opens_90d', doc: 'email opens in the last 90 days' },
  { key: 'discount_share', sql: 's.discount_share', doc: 'share of spend bought on discount' },
  // As the demographic age bands: from the birth date on the as-of day, else the age column; 0-120 only.
  { key: 'age', sql: `CASE WHEN ${AGE} BETWEEN 0 AND 120 THEN ${AGE} END`, doc: 'age on the as-of day' },
] as const;

export type ProfileMetric = (typeof PROFILE_METRICS)[number]['key'];

export interface SegmentProfiles {
  readonly run: number;
  readonly asOf: string;
  readonly segmentation: string;
  readonly customers: number;
  /** Everyone's mean and population SD of each metric, over the customers who have a value. */
  readonly metrics: readonly {
    key: ProfileMetric;
    doc: string;
    mean: number | null;
    sd: number | null;
    customers: number;
  }[];
  /**
   * Per segment, largest first: each metric's mean over its members and that mean's z-score against everyone,
   * (segment mean − everyone's mean) / everyone's SD, i.e. how many customer-level SDs the segment sits away.
   * `null` where no member has a value (or everyone's SD is 0, for z).
   */
  readonly segments: readonly {
    segment: string;
    customers: number;
    share: number;
    mean: Record<ProfileMetric, number | null>;
    z: Record<ProfileMetric, number | null>;
    /** Members with a value of each metric (the mean's base). */
    n: Record<ProfileMetric, number>;
  }[];
}

/** The mean of each profile metric per segment of a segmentation, and everyone's: one aggregate pass. */
export async function segmentProfiles(
  wh: Warehouse,
  run: RunInfo,
  segmentation: string,
): Promise<SegmentProfiles> {
  const rel = await segmentationRelation(wh, segmentation, 3);
  const columns = PROFILE_METRICS.map((m) => `${m.sql} AS "${m.key}"`).join(',\n        ');
  const aggregates = PROFILE_METRICS.map(
    (m) => `avg("${m.key}") AS "${m.key}_mean", stddev_pop("${m.key}") AS "${m.key}_sd",
      count("${m.key}") AS "${m.key}_n"`,
  ).join(',\n      ');
  const t = await wh.query({
    sql: `WITH x AS (
        SELECT g.segment, ${columns}
        FROM ${rel.sql} g
        JOIN customer_scores s ON s.run_id = g.run_id AND s.customer_id = g.customer_id
        LEFT JOIN customers c ON c.customer_id = g.customer_id
        WHERE g.run_id = $1)
      SELECT segment, grouping(segment) AS everyone, count(*) AS customers, ${aggregates}
      FROM x GROUP BY GROUPING SETS ((segment), ())
      ORDER BY everyone DESC, customers DESC, segment`,
    params: [run.runId, run.asOf, ...rel.params],
  });
  const all = t.rowCount > 0 && numberAt(t, 'everyone', 0) === 1 ? 0 : -1;
  const total = all < 0 ? 0 : (numberAt(t, 'customers', all) ?? 0);
  const metrics = PROFILE_METRICS.map((m) => ({
    key: m.key,
    doc: m.doc,
    mean: all < 0 ? null : numberAt(t, `${m.key}_mean`, all),
    sd: all < 0 ? null : numberAt(t, `${m.key}_sd`, all),
    customers: all < 0 ? 0 : (numberAt(t, `${m.key}_n`, all) ?? 0),
  }));
  const segments = [];
  for (let i = all + 1; i < t.rowCount; i++) {
    const customers = numberAt(t, 'customers', i) ?? 0;
    const mean = {} as Record<ProfileMetric, number | null>;
    const z = {} as Record<ProfileMetric, number | null>;
    const n = {} as Record<ProfileMetric, number>;
    for (const m of metrics) {
      const v = numberAt(t, `${m.key}_mean`, i);
      mean[m.key] = v;
      z[m.key] = v === null || m.mean === null || !m.sd ? null : (v - m.mean) / m.sd;
      n[m.key] = numberAt(t, `${m.key}_n`, i) ?? 0;
    }
    segments.push({
      segment: String(t.columns.segment?.[i]),
      customers,
      share: total > 0 ? customers / total : 0,
      mean,
      z,
      n,
    });
  }
  return { run: run.runId, asOf: run.asOf, segmentation, customers: total, metrics, segments };
}

/**
 * The segment-quality scorecard of one segmentation of a run (`segmenta quality segments --segmentation`):
 * without the time it took, so the stored answer is the computed one.
 */
export async function segmentationScorecard(wh: Warehouse, run: RunInfo, segmentation: string) {
  const {
    seconds: _,
    segmentations,
    ...report
  } = await segmentQuality(wh, { runId: run.runId, segmentation });
  return { ...report, segmentation, quality: segmentations[0]! };
}

const nameParams = z.object({ name: z.string().min(1) });

/**
 * GET `path`: an answer about one segmentation of a run, stored once computed. The name is checked first: an
 * unknown one answers at once, before the features load.
 */
function segmentationAnswer(
  path: string,
  summary: string,
  cacheKey: string,
  compute: (wh: Warehouse, run: RunInfo, segmentation: string) => Promise<unknown>,
) {
  return defineRoute({
    method: 'GET',
    path,
    summary,
    tag: 'segmentations',
    scope: 'read',
    params: nameParams,
    query: runQuery,
    handler: async ({ app, query, params, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      await segmentationRelation(app.warehouse, params.name, 1);
      return memo.get(
        `${cacheKey}:${run.runId}:${run.startedAt}:${params.name}`,
        () => compute(app.warehouse, run, params.name),
        { persist: true },
      );
    },
  });
}

export const segmentExplorerRoutes = [
  segmentationAnswer(
    '/v1/segmentations/:name/quality',
    'segment-quality scorecard of one segmentation (size, homogeneity, distinction, stability against the previous run; bootstrap for clusterings), as segmenta quality segments',
    'segment-quality',
    segmentationScorecard,
  ),
  segmentationAnswer(
    '/v1/segmentations/:name/profiles',
    "per segment, the mean of key customer metrics (recency, frequency, revenue, AOV, tenure, CLV, churn risk, engagement, discount share, age) and each mean's z-score against everyone",
    'segment-profiles',
    segmentProfiles,
  ),
];
