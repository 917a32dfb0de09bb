import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { invalidInput } from '../core/errors.js';
import type { SqlValue } from '../sql/ast.js';
import { quoteIdent } from '../sql/dialect.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { CLUSTER_COLUMNS, EXPORT_COLUMNS } from './export-columns.js';
import { getRun } from './runs.js';
import { segmentationRelation } from './segment-queries.js';
import { SEGMENTATIONS } from './segmentations/index.js';

export interface ExportOptions {
  /** `.csv`, `.csv.gz` or `.parquet`. */
  readonly out: string;
  /** Default: the latest finished run. */
  readonly runId?: number;
  /** Only the members of one segment. */
  readonly segment?: { readonly segmentation: string; readonly segment: string };
}

export interface ExportResult {
  readonly path: string;
  readonly format: 'csv' | 'parquet';
  readonly runId: number;
  readonly rows: number;
}

/** COPY options per file type; fixed text chosen by the extension, never taken from the user. */
const FORMATS = [
  { suffix: '.csv.gz', format: 'csv', options: '(FORMAT csv, HEADER true, COMPRESSION gzip)' },
  { suffix: '.csv', format: 'csv', options: '(FORMAT csv, HEADER true)' },
  { suffix: '.parquet', format: 'parquet', options: '(FORMAT parquet, COMPRESSION zstd)' },
] as const;

/**
 * Write one row per customer of a run, with the columns of `EXPORT_COLUMNS`, through DuckDB's `COPY ... TO`.
 * The file path and every value are bound parameters. Doubles that are not finite are written as empty cells,
 * so an export never holds NaN or infinity.
 */
export async function exportCustomers(wh: Warehouse, options: ExportOptions): Promise<ExportResult> {
  const lower = options.out.toLowerCase();
  const fmt = FORMATS.find((f) => lower.endsWith(f.suffix));
  if (!fmt) {
    throw invalidInput(
      `cannot tell the export format of ${options.out}`,
      'name the file .csv, .csv.gz or .parquet, e.g. --out customers.csv',
    );
  }
  if (options.out.includes('\u0000')) throw invalidInput('the output path contains a NUL character');
  const filter = options.segment ? await segmentationRelation(wh, options.segment.segmentation, 3) : null;
  const run = await getRun(wh, options.runId);
  const path = resolve(options.out);
  mkdirSync(dirname(path), { recursive: true });

  const params: SqlValue[] = [run.runId, path, ...(filter?.params ?? [])];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const segs = new Set(SEGMENTATIONS.map((s) => s.name));
  const clusterColumns = new Set(CLUSTER_COLUMNS.map((c) => c.name));
  const cols = EXPORT_COLUMNS.map((c) => {
    const q = quoteIdent(c.name);
    const from = clusterColumns.has(c.name) ? 'k' : 's';
    if (c.name === 'as_of') return `r.as_of AS ${q}`;
    if (segs.has(c.name)) return `g.${q}`;
    if (c.type === 'DOUBLE') return `CASE WHEN isfinite(${from}.${q}) THEN ${from}.${q} END AS ${q}`;
    return `${from}.${q}`;
  });
  const only = filter
    ? `AND EXISTS (SELECT 1 FROM ${filter.sql} f WHERE f.run_id = s.run_id AND f.customer_id = s.customer_id
        AND f.segment = ${bind(options.segment!.segment)})`
    : '';
  const query = `SELECT ${cols.join(', ')}
    FROM customer_scores s
    JOIN analysis_runs r ON r.run_id = s.run_id
    JOIN customer_segment_labels g ON g.run_id = s.run_id AND g.customer_id = s.customer_id
    LEFT JOIN customer_clusters k ON k.run_id = s.run_id AND k.customer_id = s.customer_id
      AND k.clustering = 'cluster'
    WHERE s.run_id = $1 ${only}
    ORDER BY s.customer_id`;
  const rows = await wh.execute(`COPY (${query}) TO $2 ${fmt.options}`, params);
  return { path, format: fmt.format, runId: run.runId, rows };
}
