import type { Expr, Select } from '../../sql/ast.js';
import { and, call, col, eq, gt, inQuery, isNotNull, le, select, star, table, val } from '../../sql/build.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

const CACHE = 'segment_event_customers';
const exists = (query: Select): Expr => ({ kind: 'exists', query });
const MARK = 'segment_event_customers_mark';

/** `covered_rowid` while the mark still describes `events` (no row up to it deleted or rewritten); else no row. */
function validMark(): Select {
  const covered = select([col('covered_rowid')], { from: table(MARK) });
  const rowsUpTo = select([call('count', [star()])], {
    from: table('events'),
    where: le(col('rowid'), { kind: 'subquery', query: covered }),
  });
  return select(
    { w: col('covered_rowid', 'm') },
    {
      from: table(MARK, 'm'),
      where: eq(col('covered_rows', 'm'), { kind: 'subquery', query: rowsUpTo }),
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
  const onlyFromEvents = select([col('customer_id')], {
    distinct: true,
    from: { kind: 'subquery', query: { ...known, union: [{ all: true, query: recent }] }, alias: 'x' },
    where: inQuery(col('customer_id'), select([col('customer_id')], { from: table('customers') }), true),
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
    const now = await wh.query({
      sql: 'SELECT coalesce(max(rowid), -1) AS last, count(*) AS n FROM events',
      params: [],
    });
    const last = num(now.columns.last![0]);
    const rows = num(now.columns.n![0]);
    const m = await wh.query({
      sql: `SELECT covered_rowid AS w, covered_rows AS c FROM ${MARK}`,
      params: [],
    });
    let from = -1;
    if (m.rowCount === 1) {
      const w = num(m.columns.w![0]);
      const upTo = await wh.query({ sql: 'SELECT count(*) AS n FROM events WHERE rowid <= $1', params: [w] });
      if (num(upTo.columns.n![0]) === num(m.columns.c![0])) from = w;
    }
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
