import type { Warehouse } from '../warehouse/warehouse.js';

/** Timeline entries of each kind a customer 360 shows (newest first). */
export const TIMELINE_LIMIT = 50;

type Table = Awaited<ReturnType<Warehouse['query']>>;

/**
 * One source of the timeline: its table and, as fixed SQL, its entries (`entries` over `src`, a subquery of the
 * table's rows) in the columns customer_id, id, ts and `columns`, kept as such in `customer_timeline`; `answer`
 * turns entries into the 360's rows (`GROUP BY id` for orders: the lines of one order may arrive in two imports,
 * one part stored and one newer).
 */
interface Source {
  readonly kind: 'order' | 'event' | 'message';
  readonly table: string;
  readonly entries: (src: string) => string;
  readonly columns: string;
  readonly answer: string;
}

const SOURCES: readonly Source[] = [
  {
    kind: 'order',
    table: 'order_lines',
    entries: (src) => `SELECT any_value(customer_id) AS customer_id, order_id AS id, min(ordered_at) AS ts,
        sum(amount) AS amount, count(*) AS lines, any_value(channel) AS channel, any_value(status) AS status,
        string_agg(DISTINCT category, ', ' ORDER BY category) AS categories
      FROM ${src} GROUP BY order_id`,
    columns: 'amount, lines, channel, status, categories',
    answer: `SELECT id AS order_id, min(ts) AS ts, sum(amount) AS amount, CAST(sum(lines) AS BIGINT) AS lines,
        any_value(channel) AS channel, any_value(status) AS status, string_agg(categories, ', ' ORDER BY categories) AS categories
      FROM e GROUP BY id`,
  },
  {
    kind: 'event',
    table: 'events',
    entries: (src) => `SELECT customer_id, event_id AS id, occurred_at AS ts, type FROM ${src}`,
    columns: 'type',
    answer: 'SELECT id AS event_id, ts, type FROM e',
  },
  {
    kind: 'message',
    table: 'messages',
    entries: (src) =>
      `SELECT customer_id, message_id AS id, sent_at AS ts, channel, direction, text FROM ${src}`,
    columns: 'channel, direction, text',
    answer: 'SELECT id AS message_id, ts, channel, direction, text FROM e',
  },
];

/**
 * Rebuild `customer_timeline` from the sources (after an analysis run, by the page precompute): each customer's
 * latest `TIMELINE_LIMIT` orders, events and messages, sorted by the hash of the customer id, then the rows of
 * each source it covers. The marks go first and come back last, so a lookup meanwhile (or after a crash) reads
 * the sources alone; no transaction, so the server's other requests are not held for the whole rebuild.
 */
export async function refreshCustomerTimeline(wh: Warehouse): Promise<void> {
  await wh.execute('DELETE FROM customer_timeline_sources');
  await wh.execute('DELETE FROM customer_timeline');
  const marks: [string, number, number][] = [];
  for (const s of SOURCES) {
    const mark = await wh.query({
      sql: `SELECT count(*) AS n, coalesce(max(rowid), -1) AS last FROM ${s.table}`,
      params: [],
    });
    const last = Number(mark.columns.last?.[0]);
    await wh.execute(
      `INSERT INTO customer_timeline (h, customer_id, kind, id, ts, ${s.columns})
        SELECT hash(customer_id), customer_id, '${s.kind}', id, ts, ${s.columns}
        FROM (${s.entries(`(SELECT * FROM ${s.table} WHERE customer_id IS NOT NULL AND rowid <= $1)`)})
        QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY ts DESC, id) <= ${TIMELINE_LIMIT}
        ORDER BY hash(customer_id)`,
      [last],
    );
    marks.push([s.table, last, Number(mark.columns.n?.[0])]);
  }
  // Rows deleted between a count and its insert make the mark fail its check: the source is then read alone.
  for (const m of marks)
    await wh.execute('INSERT INTO customer_timeline_sources VALUES ($1, $2, $3, now())', m);
}

/**
 * Of each source, the row after which rows are not in `customer_timeline`; `null` when the table cannot be
 * used for it (never built, or rows up to the mark were deleted or rewritten since): then the source is read
 * alone.
 */
async function coveredUpTo(wh: Warehouse): Promise<Map<string, number | null>> {
  const marks = await wh.query({
    sql: 'SELECT source, covered_rowid, covered_rows FROM customer_timeline_sources',
    params: [],
  });
  const found = new Map<string, number | null>(SOURCES.map((s) => [s.table, null]));
  const checks = SOURCES.flatMap((s) => {
    const i = (marks.columns.source ?? []).indexOf(s.table);
    if (i < 0) return [];
    const rowid = Number(marks.columns.covered_rowid?.[i]);
    const rows = Number(marks.columns.covered_rows?.[i]);
    return [{ s, rowid, rows }];
  });
  if (checks.length === 0) return found;
  const counts = await wh.query({
    sql: `SELECT ${checks.map((c, i) => `(SELECT count(*) FROM ${c.s.table} WHERE rowid <= $${i + 1}) AS n${i}`).join(', ')}`,
    params: checks.map((c) => c.rowid),
  });
  checks.forEach((c, i) => {
    if (Number(counts.columns[`n${i}`]?.[0]) === c.rows) found.set(c.s.table, c.rowid);
  });
  return found;
}

/**
 * One customer's timeline: latest orders (per order), events and messages, newest first, `TIMELINE_LIMIT` of
 * each. Reads `customer_timeline` (one row group) plus the source rows added since it was built; a source the
 * table does not cover is read in full (a scan of the source).
 */
export async function customerTimeline(
  wh: Warehouse,
  customerId: string,
): Promise<{ orders: Table; events: Table; messages: Table }> {
  const covered = await coveredUpTo(wh);
  const [orders, events, messages] = await Promise.all(
    SOURCES.map((s) => {
      const mark = covered.get(s.table) ?? null;
      const fresh = s.entries(
        `(SELECT * FROM ${s.table} WHERE customer_id = $1${mark === null ? '' : ' AND rowid > $2'})`,
      );
      const stored =
        mark === null
          ? ''
          : `SELECT customer_id, id, ts, ${s.columns} FROM customer_timeline
              WHERE h = hash($1) AND customer_id = $1 AND kind = '${s.kind}' UNION ALL BY NAME `;
      return wh.query({
        sql: `WITH e AS (${stored}${fresh}) SELECT * FROM (${s.answer}) ORDER BY ts DESC, 1 LIMIT ${TIMELINE_LIMIT}`,
        params: mark === null ? [customerId] : [customerId, mark],
      });
    }),
  );
  return { orders: orders!, events: events!, messages: messages! };
}
