import type { Warehouse } from '../../warehouse/warehouse.js';
import { IdFilter } from './id-filter.js';

/**
 * Of these ids, the ones already in `events` (ingested, or imported): a scan of the ids, paid only for the ids the
 * filter flagged (retries, and about 1 in 100,000 new ids).
 */
export async function ingestedAmong(wh: Warehouse, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = await wh.query({
    sql: `SELECT DISTINCT event_id FROM events WHERE event_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
    params: [JSON.stringify(ids)],
  });
  return new Set((t.columns.event_id ?? []).map(String));
}

const LOAD_CHUNK = 1_000_000;

/** A filter of every event id in the warehouse, read in slices of rows so memory stays flat. */
export async function loadIdFilter(wh: Warehouse): Promise<IdFilter> {
  const n = await wh.query({
    sql: 'SELECT count(*) AS n, coalesce(max(rowid), -1) AS last FROM events',
    params: [],
  });
  const count = Number(n.columns.n![0]);
  const last = Number(n.columns.last![0]);
  const filter = new IdFilter(Math.max(1 << 20, count * 2));
  for (let from = 0; from <= last; from += LOAD_CHUNK) {
    const t = await wh.query({
      sql: 'SELECT event_id FROM events WHERE rowid >= $1 AND rowid < $2',
      params: [from, from + LOAD_CHUNK],
    });
    for (const id of t.columns.event_id ?? []) filter.add(String(id));
  }
  return filter;
}
