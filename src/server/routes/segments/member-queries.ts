import { quoteIdent } from '../../../sql/dialect.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';

/** Current members of one segment ($1) from the membership log, with when they (last) entered. */
const MEMBERS = `SELECT customer_id, arg_max(changed_at, seq) AS since FROM segment_membership_log
  WHERE segment_id = $1 GROUP BY customer_id HAVING arg_max(change, seq) = 'entered'`;

export interface MemberPage {
  readonly total: number;
  readonly items: readonly { readonly customer_id: string; readonly since: string }[];
}

/** One page of a segment's current members, by customer id. */
export async function memberPage(
  wh: Warehouse,
  segmentId: number,
  limit: number,
  offset: number,
): Promise<MemberPage> {
  const total = await wh.query({ sql: `SELECT count(*) AS n FROM (${MEMBERS})`, params: [segmentId] });
  const t = await wh.query({
    sql: `SELECT customer_id, since FROM (${MEMBERS}) ORDER BY customer_id LIMIT $2 OFFSET $3`,
    params: [segmentId, limit, offset],
  });
  return {
    total: Number(total.columns.n?.[0] ?? 0),
    items: Array.from({ length: t.rowCount }, (_, i) => ({
      customer_id: String(t.columns.customer_id![i]),
      since: new Date(Number(t.columns.since![i])).toISOString(),
    })),
  };
}

const FORMATS = {
  csv: '(FORMAT csv, HEADER true)',
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
} as const;

/** Bookkeeping columns that are not customer attributes or scores. */
const SKIP = new Set(['customer_id', 'import_id', 'source_line', 'run_id']);

/**
 * Write a segment's current members to `path` with their customer attributes and the scores of the latest
 * finished analysis run (a score column named like an attribute becomes `score_NAME`). Doubles that are not
 * finite are written as empty cells, like `segmenta export`. Column names come from the tables; values and the
 * path are bound. Returns the rows written.
 */
export async function exportMembers(
  wh: Warehouse,
  segmentId: number,
  path: string,
  format: keyof typeof FORMATS,
): Promise<number> {
  const taken = new Set(['customer_id', 'member_since']);
  const cols: string[] = [];
  const add = (alias: string, c: { name: string; type: string }, as: string) => {
    const q = `${alias}.${quoteIdent(c.name)}`;
    const value = c.type === 'DOUBLE' ? `CASE WHEN isfinite(${q}) THEN ${q} END` : q;
    cols.push(`${value} AS ${quoteIdent(as)}`);
    taken.add(as);
  };
  for (const c of await wh.describe('customers')) if (!SKIP.has(c.name)) add('c', c, c.name);
  for (const c of await wh.describe('customer_scores'))
    if (!SKIP.has(c.name)) add('s', c, taken.has(c.name) ? `score_${c.name}` : c.name);
  const query = `SELECT m.customer_id, m.since AS member_since${cols.length > 0 ? `, ${cols.join(', ')}` : ''}
    FROM (${MEMBERS}) m
    LEFT JOIN customers c ON c.customer_id = m.customer_id
    LEFT JOIN (SELECT * FROM customer_scores WHERE run_id =
      (SELECT max(run_id) FROM analysis_runs WHERE status = 'done')) s ON s.customer_id = m.customer_id
    ORDER BY m.customer_id`;
  return wh.execute(`COPY (${query}) TO $2 ${FORMATS[format]}`, [segmentId, path]);
}
