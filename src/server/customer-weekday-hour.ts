import type { ColumnTable } from '../warehouse/column-table.js';
import type { Warehouse } from '../warehouse/warehouse.js';

/**
 * The purchases before an as-of day (`$asOf`, a date parameter), an order counted once, at its first line, as
 * `customer_id` (NULL for guests) and `slot` = weekday × 24 + hour, weekday 0 = Monday. One definition for the
 * heatmap computed from `order_lines` and for `customer_weekday_hour`, so both give the same counts.
 */
export function purchaseSlots(asOf: string, where = ''): string {
  return `SELECT customer_id, (isodow(ts) - 1) * 24 + hour(ts) AS slot
    FROM (SELECT order_id, any_value(customer_id) AS customer_id, min(ordered_at) AS ts
      FROM order_lines WHERE status = 'purchase' AND ordered_at < CAST(${asOf} AS DATE)${where}
      GROUP BY order_id)`;
}

/**
 * Rebuild `customer_weekday_hour` for a run's as-of day (after the run, by the page precompute): each
 * customer's orders by slot, guests under NULL, from the `order_lines` rows up to the last one counted, stored
 * in customer order (the join with a segmentation's labels then takes about 2/3 of the time). The
 * mark goes first and comes back last (as for the customer timelines), so a heatmap computed meanwhile (or
 * after a crash) reads `order_lines`; no transaction, so the server's other requests are not held meanwhile.
 */
export async function refreshCustomerWeekdayHour(wh: Warehouse, runId: number, asOf: string): Promise<void> {
  await wh.execute('DELETE FROM customer_weekday_hour_source');
  await wh.execute('DELETE FROM customer_weekday_hour');
  const mark = await wh.query({
    sql: `SELECT count(*) AS n, coalesce(max(rowid), -1) AS last,
        (SELECT coalesce(max(import_id), 0) FROM imports) AS latest_import
      FROM order_lines`,
    params: [],
  });
  const last = Number(mark.columns.last?.[0]);
  await wh.execute(
    `INSERT INTO customer_weekday_hour
      SELECT customer_id, CAST(slot AS SMALLINT), CAST(count(*) AS INTEGER)
      FROM (${purchaseSlots('$1', ' AND rowid <= $2')}) GROUP BY customer_id, slot ORDER BY customer_id`,
    [asOf, last],
  );
  // Lines deleted between the count and the insert make the mark fail its check: order_lines is then read.
  await wh.execute(
    'INSERT INTO customer_weekday_hour_source VALUES ($1, CAST($2 AS DATE), $3, $4, $5, now())',
    [runId, asOf, Number(mark.columns.n?.[0]), last, Number(mark.columns.latest_import?.[0])],
  );
}

/**
 * Orders by `segment` and `slot` (`orders`; a NULL segment: customers outside the segmentation, and guests)
 * from `customer_weekday_hour`, or `null` when it does not hold the purchases before `$2` (the as-of day) of
 * `order_lines` as it is now (built for another day, never built, or lines or imports added or deleted since).
 * `members` is the segmentation's relation (run_id, customer_id, segment) with `$1` the run. The check and the
 * read are one statement, so a rebuild meanwhile is seen entirely or not at all.
 */
export async function slotsBySegment(
  wh: Warehouse,
  runId: number,
  asOf: string,
  members: { sql: string; params: readonly string[] },
): Promise<ColumnTable | null> {
  const t = await wh.query({
    sql: `WITH src AS (
        SELECT CAST(count(*) AS INTEGER) AS usable FROM customer_weekday_hour_source
        WHERE as_of = CAST($2 AS DATE)
          AND order_lines_rows = (SELECT count(*) FROM order_lines)
          AND covered_rowid = (SELECT coalesce(max(rowid), -1) FROM order_lines)
          AND latest_import = (SELECT coalesce(max(import_id), 0) FROM imports)),
      m AS (SELECT customer_id, segment FROM ${members.sql} g WHERE g.run_id = $1),
      s AS (
        SELECT m.segment, c.slot, CAST(sum(c.orders) AS BIGINT) AS orders
        FROM customer_weekday_hour c LEFT JOIN m ON m.customer_id = c.customer_id
        WHERE (SELECT usable FROM src) > 0
        GROUP BY 1, 2)
      SELECT src.usable, s.segment, s.slot, s.orders FROM src LEFT JOIN s ON true`,
    params: [runId, asOf, ...members.params],
  });
  return Number(t.columns.usable?.[0] ?? 0) > 0 ? t : null;
}
