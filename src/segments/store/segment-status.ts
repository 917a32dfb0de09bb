import type { Warehouse } from '../../warehouse/warehouse.js';
import { insertJsonRows } from './json-rows.js';

/** How current a segment is: when and how it was last evaluated, its size and its last error. */
export interface SegmentStatus {
  readonly segmentId: number;
  readonly version: number;
  readonly mode: 'live' | 'batch';
  readonly evaluatedAt: number;
  /** The instant membership is correct for. */
  readonly asOf: number;
  readonly size: number;
  readonly durationMs: number | null;
  readonly error: string | null;
  readonly errorAt: number | null;
}

/** Replace the status rows of these segments (inside the caller's transaction, or alone). */
export async function writeStatus(wh: Warehouse, statuses: readonly SegmentStatus[]): Promise<void> {
  if (statuses.length === 0) return;
  await wh.transaction(async () => {
    await wh.execute(
      `DELETE FROM segment_status WHERE segment_id IN (SELECT unnest(from_json($1, '["INTEGER"]')))`,
      [JSON.stringify(statuses.map((s) => s.segmentId))],
    );
    const q = insertJsonRows(
      'segment_status',
      {
        segment_id: 'INTEGER',
        version: 'INTEGER',
        mode: 'VARCHAR',
        evaluated_at: 'BIGINT',
        as_of: 'BIGINT',
        size: 'BIGINT',
        duration_ms: 'DOUBLE',
        error: 'VARCHAR',
        error_at: 'BIGINT',
      },
      statuses.map((s) => ({
        segment_id: s.segmentId,
        version: s.version,
        mode: s.mode,
        evaluated_at: s.evaluatedAt,
        as_of: s.asOf,
        size: s.size,
        duration_ms: s.durationMs,
        error: s.error,
        error_at: s.errorAt,
      })),
      ['evaluated_at', 'as_of', 'error_at'],
    );
    await wh.execute(q.sql, q.params);
  });
}

export async function readStatus(wh: Warehouse): Promise<Map<number, SegmentStatus>> {
  const t = await wh.query({
    sql: 'SELECT segment_id, version, mode, evaluated_at, as_of, size, duration_ms, error, error_at FROM segment_status',
    params: [],
  });
  const c = t.columns;
  const out = new Map<number, SegmentStatus>();
  for (let i = 0; i < t.rowCount; i++) {
    const id = Number(c.segment_id![i]);
    out.set(id, {
      segmentId: id,
      version: Number(c.version![i]),
      mode: String(c.mode![i]) as 'live' | 'batch',
      evaluatedAt: Number(c.evaluated_at![i]),
      asOf: Number(c.as_of![i]),
      size: Number(c.size![i]),
      durationMs: c.duration_ms![i] === null ? null : Number(c.duration_ms![i]),
      error: c.error![i] === null ? null : String(c.error![i]),
      errorAt: c.error_at![i] === null ? null : Number(c.error_at![i]),
    });
  }
  return out;
}
