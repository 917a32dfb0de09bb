import type { Expr, Select } from '../../sql/ast.js';
import { and, bin, call, col, eq, gt, isNotNull, not, select, star, table, val } from '../../sql/build.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

const CACHE = 'segment_event_customers';
const exists = (query: Select): Expr => ({ kind: 'exists', query });
const MARK = 'segment_event_customers_mark';

/**
 * `covered_rowid` while the mark still describes `events` (no row up to it deleted or rewritten); else no row.
 * The rows up to the mark are counted as all rows (kept in the table's metadata) minus those after the mark (a
 * `rowid` range pruned by row-group statistics): the same number as counting them, without reading ~10,000,000
 * row ids on every batch query.
 */
function validMark(): Select {
  const covered = select([col('covered_rowid')], { from: table(MARK) });
  const all = select([call('count', [star()])], { from: table('events') });
  const after = select([call('count', [star()])], {
    from: table('events'),
    where: gt(col('rowid'), { kind: 'subquery', query: covered }),
  });
  const rowsUpTo = bin('-', { kind: 'subquery', query: all }, { kind: 'subquery', query: after });
  return select(
    { w: col('covered_rowid', 'm') },
    {
      from: table(MARK, 'm'),
      where: eq(col('covered_rows', 'm'), rowsUpTo),
    },
  );
}

/**
 * The batch universe (column `id`, unique): every customer in `customers` plus anyone with an event. Customers
 * known only from events come from `segment_event_customers` (rows up to the mark) and from the events after the
 * mark; `rowid` ranges are pruned by DuckDB's row-group statistics, so this reads ~1,000,000 customer ids instead
 * of a DISTINCT over every event. With no valid mark it is exactly the DISTINCT over every event.
 * `valid` names a CTE holding `validMarkCte().query`.
 */
export function universeQuery(valid: string): Select {
  const mark = select([col('w')], { from: table(valid) });
  const known = select([col('customer_id')], {
    from: table(CACHE),
    where: exists(select([star()], { from: table(valid) })),
  });
  const recent = select([col('customer_id')], {
    from: table('events'),
    where: and(
      isNotNull(col('customer_id')),
      gt(col('rowid'), call('coalesce', [{ kind: 'subquery', query: mark }, val(-1)])),
    ),
  });
  // NOT EXISTS (an anti join probing `customers` with the few event-only ids) rather than NOT IN, which hashes
  // all ~1,000,000 customer ids on every query even when no id is left to test; ids here are never NULL.
  const inCustomers = select([star()], {
    from: table('customers', 'c'),
    where: eq(col('customer_id', 'c'), col('customer_id', 'x')),
  });
  const onlyFromEvents = select([col('customer_id', 'x')], {
    distinct: true,
    from: { kind: 'subquery', query: { ...known, union: [{ all: true, query: recent }] }, alias: 'x' },
    where: not(exists(inCustomers)),
  });
  return select(
    { id: col('customer_id') },
    { from: table('customers'), union: [{ all: true, query: onlyFromEvents }] },
  );
}

/** The CTE `universeQuery` reads its mark from. */
export const validMarkCte = (name: string): { name: string; query: Select } => ({ name, query: validMark() });

const num = (v: unknown): number => Number(v);

/**
 * Bring `segment_event_customers` up to the last event row: add the customers only known from rows after the
 * mark, or rebuild it if rows up to the mark were deleted or rewritten. Batch results are the same with or
 * without it (queries scan what the mark does not cover); it only makes them fast.
 */
export async function refreshEventCustomers(wh: Warehouse): Promise<void> {
  await wh.transaction(async () => {
    const m = await wh.query({
      sql: `SELECT covered_rowid AS w, covered_rows AS c FROM ${MARK}`,
      params: [],
    });
    let from = -1;
    if (m.rowCount === 1) {
      // The warm path (a preview on every keystroke): is the mark valid and still the last row? Rows up to the
      // mark are all rows minus those after it (both cheap: a metadata count and a pruned rowid range).
      const w = num(m.columns.w![0]);
      const now = await wh.query({
        sql: `SELECT (SELECT count(*) FROM events) AS n,
            (SELECT count(*) FROM events WHERE rowid > $1) AS after,
            (SELECT count(*) FROM events WHERE rowid = $1) AS at`,
        params: [w],
      });
      const after = num(now.columns.after![0]);
      if (num(now.columns.n![0]) - after === num(m.columns.c![0])) {
        if (after === 0 && num(now.columns.at![0]) === 1) return;
        from = w;
      }
    }
    const now = await wh.query({
      sql: 'SELECT coalesce(max(rowid), -1) AS last, count(*) AS n FROM events',
      params: [],
    });
    const last = num(now.columns.last![0]);
    const rows = num(now.columns.n![0]);
    if (from >= 0 && from === last) return;
    if (from < 0) await wh.execute(`DELETE FROM ${CACHE}`);
    await wh.execute(
      `INSERT INTO ${CACHE}
        SELECT DISTINCT customer_id FROM events
        WHERE rowid > $1 AND rowid <= $2 AND customer_id IS NOT NULL
          AND customer_id NOT IN (SELECT customer_id FROM customers)
          AND customer_id NOT IN (SELECT customer_id FROM ${CACHE})`,
      [from, last],
    );
    await wh.execute(`DELETE FROM ${MARK}`);
    await wh.execute(`INSERT INTO ${MARK} VALUES ($1, $2)`, [last, rows]);
  });
}
