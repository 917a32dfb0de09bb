import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ClusterFeature } from './feature-sets.js';

/** The inputs of a clustering for every customer of a run, sorted by customer id. Missing numbers are NaN. */
export interface ClusterData {
  readonly ids: readonly string[];
  readonly numeric: readonly { readonly feature: ClusterFeature; readonly values: Float64Array }[];
  readonly categorical: readonly {
    readonly feature: ClusterFeature;
    readonly values: readonly (string | null)[];
  }[];
}

/**
 * Read the features of a run's customers from `customer_scores` (with the customer's attributes and the run's
 * as-of date for age), one column per feature. Every expression is fixed text from `CLUSTER_FEATURES`; the run
 * number is bound.
 */
export async function loadClusterData(
  wh: Warehouse,
  runId: number,
  features: readonly ClusterFeature[],
): Promise<ClusterData> {
  const cols = features.map(
    (f, i) => `${f.kind === 'numeric' ? `CAST(${f.sql} AS DOUBLE)` : f.sql} AS "f${i}"`,
  );
  // The customers table (wide) is joined only when a feature reads it.
  const joins = features.some((f) => f.customer)
    ? `JOIN analysis_runs r ON r.run_id = s.run_id
      LEFT JOIN customers c ON c.customer_id = s.customer_id`
    : '';
  const t = await wh.query({
    sql: `SELECT s.customer_id, ${cols.join(', ')}
      FROM customer_scores s ${joins}
      WHERE s.run_id = $1
      ORDER BY s.customer_id`,
    params: [runId],
  });
  const ids = (t.columns.customer_id ?? []).map(String);
  const numeric: { feature: ClusterFeature; values: Float64Array }[] = [];
  const categorical: { feature: ClusterFeature; values: (string | null)[] }[] = [];
  features.forEach((feature, i) => {
    const column = t.columns[`f${i}`] ?? [];
    if (feature.kind === 'numeric') {
      const values = new Float64Array(ids.length);
      for (let r = 0; r < ids.length; r++) {
        const v = column[r];
        values[r] = v === null || v === undefined ? Number.NaN : Number(v);
      }
      numeric.push({ feature, values });
    } else {
      categorical.push({
        feature,
        values: column.map((v) => (v === null || v === undefined ? null : String(v))),
      });
    }
  });
  return { ids, numeric, categorical };
}
