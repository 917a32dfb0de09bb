import { type CellValue, columnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { appendInBatches } from '../append-batches.js';
import type { Clustering } from './clustering.js';

/**
 * Keep a clustering of a run (migration 005): its row in `clusterings` (everything but the memberships, as
 * JSON) and one row per customer in `customer_clusters`. A clustering of the same run and name is replaced.
 */
export async function saveClustering(wh: Warehouse, c: Clustering, ids: readonly string[]): Promise<void> {
  await wh.transaction(async () => {
    await wh.execute('DELETE FROM customer_clusters WHERE run_id = $1 AND clustering = $2', [
      c.runId,
      c.name,
    ]);
    await wh.execute('DELETE FROM clusterings WHERE run_id = $1 AND name = $2', [c.runId, c.name]);
    await wh.execute(
      `INSERT INTO clusterings (run_id, name, created_at, k, k_choice, feature_set, features, k_table, explanation,
          profiles, personas, model, quality)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        c.runId,
        c.name,
        new Date(c.createdAt),
        c.k,
        c.kChoice,
        c.featureSet,
        JSON.stringify({ inputs: c.inputs, features: c.features, numeric: c.numeric, dropped: c.dropped }),
        c.table ? JSON.stringify({ table: c.table, votes: c.votes }) : null,
        c.explanation,
        JSON.stringify(c.profiles),
        JSON.stringify(c.personas),
        JSON.stringify(c.model),
        JSON.stringify({ ...c.quality, sizes: c.sizes, seconds: c.seconds }),
      ],
    );
    const n = ids.length;
    const names = c.personas.map((p) => p.name);
    const cluster = new Array<CellValue>(n);
    const clusterName = new Array<CellValue>(n);
    const x = new Array<CellValue>(n);
    const y = new Array<CellValue>(n);
    for (let i = 0; i < n; i++) {
      const label = c.labels[i]!;
      cluster[i] = label;
      clusterName[i] = names[label] ?? `Cluster ${label}`;
      x[i] = c.map.data[i * 2]!;
      y[i] = c.map.data[i * 2 + 1]!;
    }
    await appendInBatches(
      wh,
      'customer_clusters',
      columnTable({
        run_id: new Array<CellValue>(n).fill(c.runId),
        clustering: new Array<CellValue>(n).fill(c.name),
        customer_id: [...ids],
        cluster,
        cluster_name: clusterName,
        map_x: x,
        map_y: y,
      }),
    );
  });
}

/** A stored clustering without its memberships, as `segmenta cluster` prints it. */
export interface StoredClustering {
  readonly runId: number;
  readonly name: string;
  readonly createdAt: number;
  readonly k: number;
  readonly kChoice: 'auto' | 'given';
  readonly featureSet: string;
  /** The features selected, and the columns clustered on (one-hot columns as `feature=value`). */
  readonly inputs: readonly string[];
  readonly features: readonly string[];
  readonly explanation: string;
  readonly table: Clustering['table'];
  readonly personas: Clustering['personas'];
  readonly quality: Clustering['quality'];
}

/** The clusterings of a run, the analysis's own (`cluster`) first. */
export async function listClusterings(wh: Warehouse, runId: number): Promise<StoredClustering[]> {
  const t = await wh.query({
    sql: `SELECT run_id, name, created_at, k, k_choice, feature_set, features, k_table, explanation, personas, quality
      FROM clusterings WHERE run_id = $1 ORDER BY name <> 'cluster', name`,
    params: [runId],
  });
  const c = t.columns;
  const json = (k: string, i: number) => {
    const v = c[k]?.[i];
    return v === null || v === undefined ? null : JSON.parse(String(v));
  };
  return Array.from({ length: t.rowCount }, (_, i) => ({
    runId: Number(c.run_id?.[i]),
    name: String(c.name?.[i]),
    createdAt: Number(c.created_at?.[i]),
    k: Number(c.k?.[i]),
    kChoice: String(c.k_choice?.[i]) as 'auto' | 'given',
    featureSet: String(c.feature_set?.[i]),
    inputs: (json('features', i)?.inputs ?? []) as string[],
    features: (json('features', i)?.features ?? []) as string[],
    explanation: String(c.explanation?.[i] ?? ''),
    table: (json('k_table', i)?.table ?? null) as Clustering['table'],
    personas: (json('personas', i) ?? []) as Clustering['personas'],
    quality: json('quality', i) as Clustering['quality'],
  }));
}
