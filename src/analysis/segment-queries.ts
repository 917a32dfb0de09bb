import { notFound } from '../core/errors.js';
import { quoteIdent } from '../sql/dialect.js';
import type { ColumnTable } from '../warehouse/column-table.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { SEGMENTATIONS, segmentationByName } from './segmentations/index.js';

const num = (t: ColumnTable, k: string, i: number) => {
  const v = t.columns[k]?.[i];
  return v === null || v === undefined ? null : Number(v);
};
const str = (t: ColumnTable, k: string, i: number) => String(t.columns[k]?.[i] ?? '');

/**
 * Check a segmentation name and return its column in `customer_segment_labels`, quoted. An unknown name is a
 * missing resource (404, exit code 4), wherever it is named: a path, a query parameter or a CLI flag.
 */
export function checkSegmentation(name: string): string {
  if (!segmentationByName(name)) {
    throw notFound(
      `unknown segmentation "${name}"`,
      `segmentations: ${SEGMENTATIONS.map((s) => s.name).join(', ')}, and the clusterings (cluster, cluster.*)`,
    );
  }
  return quoteIdent(name);
}

/**
 * Where a segmentation's labels live, as a relation `(run_id, customer_id, segment)`: a column of the wide
 * `customer_segment_labels`, or a clustering's rows in `customer_clusters` (migration 005; `segmenta analyze`
 * stores `cluster`, `segmenta cluster` the others). The clustering name is bound as parameter `$<param>`.
 */
export async function segmentationRelation(
  wh: Warehouse,
  name: string,
  param: number,
): Promise<{ sql: string; params: string[]; clustering: boolean }> {
  if (segmentationByName(name)) {
    return {
      sql: `(SELECT run_id, customer_id, ${quoteIdent(name)} AS segment FROM customer_segment_labels)`,
      params: [],
      clustering: false,
    };
  }
  const known = await wh.query({
    sql: 'SELECT DISTINCT name FROM clusterings ORDER BY name',
    params: [],
  });
  const clusterings = (known.columns.name ?? []).map(String);
  if (!clusterings.includes(name)) {
    throw notFound(
      `unknown segmentation "${name}"`,
      `segmentations: ${[...SEGMENTATIONS.map((s) => s.name), ...clusterings].join(', ')}`,
    );
  }
  return {
    sql: `(SELECT run_id, customer_id, cluster_name AS segment FROM customer_clusters WHERE clustering = $${param})`,
    params: [name],
    clustering: true,
  };
}

export interface SegmentationListing {
  readonly name: string;
  readonly type: string;
  readonly doc: string;
  readonly segments: number;
  readonly customers: number;
}

/** The segmentations of a run with how many segments each has. */
export async function listSegmentations(wh: Warehouse, runId: number): Promise<SegmentationListing[]> {
  const distinct = SEGMENTATIONS.map((s, i) => `count(DISTINCT ${quoteIdent(s.name)}) AS "s${i}"`).join(', ');
  const t = await wh.query({
    sql: `SELECT count(*) AS customers, ${distinct} FROM customer_segment_labels WHERE run_id = $1`,
    params: [runId],
  });
  const customers = num(t, 'customers', 0) ?? 0;
  const builtIn = SEGMENTATIONS.map((s, i) => ({
    name: s.name,
    type: s.type as string,
    doc: s.doc,
    segments: num(t, `s${i}`, 0) ?? 0,
    customers,
  }));
  const k = await wh.query({
    sql: `SELECT g.clustering AS name, count(DISTINCT g.cluster_name) AS segments, count(*) AS customers,
        any_value(c.feature_set) AS features, any_value(c.k_choice) AS k_choice
      FROM customer_clusters g JOIN clusterings c ON c.run_id = g.run_id AND c.name = g.clustering
      WHERE g.run_id = $1 GROUP BY 1 ORDER BY g.clustering <> 'cluster', 1`,
    params: [runId],
  });
  const clusterings = Array.from({ length: k.rowCount }, (_, i) => ({
    name: str(k, 'name', i),
    type: 'cluster',
    doc: `k-means clustering on ${str(k, 'features', i)} features (k ${str(k, 'k_choice', i) === 'auto' ? 'chosen automatically' : 'given'}); segmenta cluster --run ${runId} shows its persona cards`,
    segments: num(k, 'segments', i) ?? 0,
    customers: num(k, 'customers', i) ?? 0,
  }));
  return [...builtIn, ...clusterings];
}

export interface SegmentCount {
  readonly segment: string;
  readonly customers: number;
  readonly share: number;
  /** Profile: mean net revenue, purchase orders and recency (buyers) of the segment's members. */
  readonly meanMonetaryNet: number;
  readonly meanFrequency: number;
  readonly meanRecencyDays: number | null;
  readonly doc: string | undefined;
}

/** Size and profile of every segment of one segmentation in a run, largest first. */
export async function countSegments(
  wh: Warehouse,
  runId: number,
  segmentation: string,
): Promise<SegmentCount[]> {
  const rel = await segmentationRelation(wh, segmentation, 2);
  const t = await wh.query({
    sql: `SELECT g.segment AS segment, count(*) AS customers, count(*) / sum(count(*)) OVER () AS share,
        avg(s.monetary_net) AS monetary, avg(s.frequency) AS frequency, avg(s.recency_days) AS recency
      FROM ${rel.sql} g
      JOIN customer_scores s ON s.run_id = g.run_id AND s.customer_id = g.customer_id
      WHERE g.run_id = $1
      GROUP BY 1 ORDER BY customers DESC, segment`,
    params: [runId, ...rel.params],
  });
  const docs = segmentationByName(segmentation)?.segments ?? {};
  return Array.from({ length: t.rowCount }, (_, i) => ({
    segment: str(t, 'segment', i),
    customers: num(t, 'customers', i) ?? 0,
    share: num(t, 'share', i) ?? 0,
    meanMonetaryNet: num(t, 'monetary', i) ?? 0,
    meanFrequency: num(t, 'frequency', i) ?? 0,
    meanRecencyDays: num(t, 'recency', i),
    doc: docs[str(t, 'segment', i)],
  }));
}

export interface Movement {
  readonly segmentation: string;
  readonly fromRun: number;
  readonly toRun: number;
  /** Row labels (segments in the earlier run, plus "(new)" for customers only in the later one). */
  readonly from: readonly string[];
  /** Column labels (segments in the later run, plus "(gone)"). */
  readonly to: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Share of customers present in both runs whose segment did not change. */
  readonly kept: number;
}

export const NEW = '(new)';
export const GONE = '(gone)';

/** The movement matrix of one segmentation between two runs (RFM migration, lifecycle transitions...). */
export async function movement(
  wh: Warehouse,
  segmentation: string,
  fromRun: number,
  toRun: number,
): Promise<Movement> {
  const rel = await segmentationRelation(wh, segmentation, 5);
  const t = await wh.query({
    sql: `SELECT coalesce(a.segment, $3) AS from_segment, coalesce(b.segment, $4) AS to_segment, count(*) AS n
      FROM (SELECT customer_id, segment FROM ${rel.sql} WHERE run_id = $1) a
      FULL OUTER JOIN (SELECT customer_id, segment FROM ${rel.sql} WHERE run_id = $2) b
        ON a.customer_id = b.customer_id
      GROUP BY 1, 2`,
    params: [fromRun, toRun, NEW, GONE, ...rel.params],
  });
  const known = Object.keys(segmentationByName(segmentation)?.segments ?? {});
  const rank = (l: string) => (known.indexOf(l) < 0 ? known.length : known.indexOf(l));
  const order = (labels: Set<string>, last: string) =>
    [...labels]
      .filter((l) => l !== last)
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .concat(labels.has(last) ? [last] : []);
  const fromSet = new Set<string>();
  const toSet = new Set<string>();
  for (let i = 0; i < t.rowCount; i++) {
    fromSet.add(str(t, 'from_segment', i));
    toSet.add(str(t, 'to_segment', i));
  }
  const from = order(fromSet, NEW);
  const to = order(toSet, GONE);
  const counts = from.map(() => to.map(() => 0));
  let both = 0;
  let same = 0;
  for (let i = 0; i < t.rowCount; i++) {
    const a = str(t, 'from_segment', i);
    const b = str(t, 'to_segment', i);
    const n = num(t, 'n', i) ?? 0;
    counts[from.indexOf(a)]![to.indexOf(b)] = n;
    if (a !== NEW && b !== GONE) {
      both += n;
      if (a === b) same += n;
    }
  }
  return { segmentation, fromRun, toRun, from, to, counts, kept: both > 0 ? same / both : 0 };
}

export interface StageDwell {
  readonly stage: string;
  readonly customers: number;
  /** Days since the customer entered the stage, over the runs up to this one (a lower bound at the first run). */
  readonly meanDays: number;
  readonly medianDays: number;
}

/**
 * How long customers have been in their current lifecycle stage as of a run: over the finished runs with an
 * as-of date up to this run's (ordered by as-of date, then run number), the as-of date of the first run of the
 * unbroken streak in the current stage, to this run's as-of date.
 */
export async function stageDwell(wh: Warehouse, runId: number): Promise<StageDwell[]> {
  const t = await wh.query({
    sql: `WITH runs AS (
        SELECT run_id, as_of FROM analysis_runs
        WHERE status = 'done' AND as_of <= (SELECT as_of FROM analysis_runs WHERE run_id = $1)),
      h AS (
        SELECT s.customer_id, r.run_id, r.as_of, s.lifecycle_stage,
          lag(s.lifecycle_stage) OVER (PARTITION BY s.customer_id ORDER BY r.as_of, r.run_id) AS prev
        FROM customer_scores s JOIN runs r ON r.run_id = s.run_id),
      m AS (
        SELECT *, sum(CASE WHEN prev IS DISTINCT FROM lifecycle_stage THEN 1 ELSE 0 END)
          OVER (PARTITION BY customer_id ORDER BY as_of, run_id) AS streak
        FROM h),
      cur AS (SELECT customer_id, lifecycle_stage, streak, as_of FROM m WHERE run_id = $1),
      since AS (
        SELECT m.customer_id, min(m.as_of) AS since FROM m JOIN cur ON cur.customer_id = m.customer_id
          AND cur.streak = m.streak GROUP BY m.customer_id)
      SELECT cur.lifecycle_stage AS stage, count(*) AS customers,
        avg(date_diff('day', since.since, cur.as_of)) AS mean_days,
        median(date_diff('day', since.since, cur.as_of)) AS median_days
      FROM cur JOIN since ON since.customer_id = cur.customer_id
      GROUP BY 1 ORDER BY 2 DESC, 1`,
    params: [runId],
  });
  return Array.from({ length: t.rowCount }, (_, i) => ({
    stage: str(t, 'stage', i),
    customers: num(t, 'customers', i) ?? 0,
    meanDays: num(t, 'mean_days', i) ?? 0,
    medianDays: num(t, 'median_days', i) ?? 0,
  }));
}
