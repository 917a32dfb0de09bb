import type { Warehouse } from '../warehouse/warehouse.js';
import type { ImportReport } from './import-report.js';

/** The next import number (inside the import's transaction, so numbers are never reused after a rollback). */
export async function nextImportId(wh: Warehouse): Promise<number> {
  const r = await wh.query({ sql: 'SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports', params: [] });
  return Number(r.columns.id![0]);
}

export async function recordImport(
  wh: Warehouse,
  report: ImportReport,
  path: string,
  bytes: number,
  options: object,
): Promise<void> {
  const opts = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
  await wh.execute(
    `INSERT INTO imports VALUES ($1, $2, $3, $4, $5, now() - to_microseconds(CAST($6 AS BIGINT)), now(), $7, $8, $9, $10, $11, $12)`,
    [
      report.importId,
      report.entity,
      path,
      report.sha256,
      bytes,
      Math.round(report.seconds * 1e6),
      report.rowsRead,
      report.accepted,
      report.quarantined,
      report.duplicates,
      JSON.stringify(opts),
      JSON.stringify(report),
    ],
  );
}

/** Log rows loaded from generated, already valid tables (the demo shop): every row accepted, no file. */
export async function recordGeneratedImport(
  wh: Warehouse,
  importId: number,
  entity: string,
  source: string,
  rows: number,
): Promise<void> {
  const report = {
    importId,
    entity,
    file: source,
    rowsRead: rows,
    accepted: rows,
    quarantined: 0,
    duplicates: 0,
  };
  await wh.execute(
    `INSERT INTO imports VALUES ($1, $2, $3, 'generated', 0, now(), now(), $4, $4, 0, 0, '{}', $5)`,
    [importId, entity, source, rows, JSON.stringify(report)],
  );
}

/** Issues of one import grouped by kind, column and reason (quoted values folded so like reasons group). */
export async function reasonSummary(wh: Warehouse, importId: number): Promise<ImportReport['reasons']> {
  const r = await wh.query({
    sql: `SELECT kind, column_name, regexp_replace(reason, '"[^"]*"|line [0-9]+|#[0-9]+', '…', 'g') AS reason,
            count(*) AS n, min(line) AS first_line, any_value(reason) AS example
          FROM quarantine WHERE import_id = $1 GROUP BY ALL ORDER BY n DESC, first_line LIMIT 100`,
    params: [importId],
  });
  return Array.from({ length: r.rowCount }, (_, i) => ({
    kind: String(r.columns.kind![i]),
    column: (r.columns.column_name![i] as string | null) ?? null,
    reason: String(r.columns.n![i]) === '1' ? String(r.columns.example![i]) : String(r.columns.reason![i]),
    count: Number(r.columns.n![i]),
    firstLine: Number(r.columns.first_line![i]),
  }));
}
