import { z } from 'zod';
import { getRun, type RunInfo } from '../../analysis/runs.js';
import { notFound } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';
import { numberAt } from '../rows.js';
import { runQuery } from '../schemas.js';

/** Most points a map draws: enough to see every cluster's shape, small enough to send and draw at once. */
export const MAP_SAMPLE = 5000;

const round = (v: unknown) => Math.round(Number(v) * 1e4) / 1e4;

/**
 * The 2-D cluster map of a clustering: a sample of at most {@link MAP_SAMPLE} customers' PCA coordinates (stored
 * by the clustering in `customer_clusters.map_x/map_y`) with their cluster, and each cluster's centroid in the same
 * plane (the mean of all its members' coordinates: the projection is linear, so this is the centroid's projection).
 * The sample is the customers with the smallest hash of their id, so it is the same on every call.
 */
export async function clusterMap(wh: Warehouse, run: RunInfo, clustering: string) {
  const centroids = await wh.query({
    sql: `SELECT cluster, any_value(cluster_name) AS name, count(*) AS size, avg(map_x) AS x, avg(map_y) AS y
      FROM customer_clusters WHERE run_id = $1 AND clustering = $2 GROUP BY 1 ORDER BY 1`,
    params: [run.runId, clustering],
  });
  const sample = await wh.query({
    sql: `SELECT customer_id, cluster, map_x AS x, map_y AS y FROM customer_clusters
      WHERE run_id = $1 AND clustering = $2 ORDER BY hash(customer_id), customer_id LIMIT ${MAP_SAMPLE}`,
    params: [run.runId, clustering],
  });
  const total = Array.from(
    { length: centroids.rowCount },
    (_, i) => numberAt(centroids, 'size', i) ?? 0,
  ).reduce((a, b) => a + b, 0);
  const c = sample.columns;
  return {
    run: run.runId,
    clustering,
    customers: total,
    sampled: sample.rowCount,
    clusters: Array.from({ length: centroids.rowCount }, (_, i) => ({
      cluster: numberAt(centroids, 'cluster', i) ?? 0,
      name: String(centroids.columns.name?.[i] ?? ''),
      size: numberAt(centroids, 'size', i) ?? 0,
      share: total > 0 ? (numberAt(centroids, 'size', i) ?? 0) / total : 0,
      centroid: [round(centroids.columns.x?.[i]), round(centroids.columns.y?.[i])] as [number, number],
    })),
    /** `[x, y, cluster, customer id]` per sampled customer. */
    points: Array.from(
      { length: sample.rowCount },
      (_, i) =>
        [round(c.x?.[i]), round(c.y?.[i]), Number(c.cluster?.[i]), String(c.customer_id?.[i])] as [
          number,
          number,
          number,
          string,
        ],
    ),
  };
}

export const clusterMapRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/clusterings/:name/map',
    summary: `2-D map (PCA) of a clustering: up to ${MAP_SAMPLE} customers (a stable sample) and the cluster centroids`,
    tag: 'segmentations',
    scope: 'read',
    params: z.object({ name: z.string().min(1) }),
    query: runQuery,
    handler: async ({ app, query, params, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      // A clustering made again under the same name (segmenta cluster) gets a new creation time, hence a new key.
      const made = await app.warehouse.query({
        sql: 'SELECT epoch_ms(created_at) AS t FROM clusterings WHERE run_id = $1 AND name = $2',
        params: [run.runId, params.name],
      });
      if (made.rowCount === 0) {
        throw notFound(
          `clustering "${params.name}" does not exist in analysis run ${run.runId}`,
          `GET /v1/clusterings?run=${run.runId} lists its clusterings`,
        );
      }
      return memo.get(
        `cluster-map:${run.runId}:${run.startedAt}:${params.name}:${numberAt(made, 't')}`,
        () => clusterMap(app.warehouse, run, params.name),
        { persist: true },
      );
    },
  }),
];
