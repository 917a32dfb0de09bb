import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ConditionChange, MembershipChange } from '../live/membership-change.js';
import { appendJsonRows, type JsonRowType } from './json-rows.js';

/** A membership change with its place in the log. */
export interface LoggedChange extends MembershipChange {
  readonly seq: number;
}

/** The `segment_membership_log` columns a change fills (the one list, also used by the live group commit). */
export const LOG_COLUMNS: Readonly<Record<string, JsonRowType>> = {
  seq: 'BIGINT',
  segment_id: 'INTEGER',
  version: 'INTEGER',
  customer_id: 'VARCHAR',
  change: 'VARCHAR',
  changed_at: 'BIGINT',
  source: 'VARCHAR',
  reason: 'JSON',
};

/** A change as its log row, without `seq` (numbered at the commit). */
export function logRow(c: MembershipChange): Record<string, unknown> {
  return {
    segment_id: c.segment.id,
    version: c.segment.version,
    customer_id: c.customerId,
    change: c.change,
    changed_at: c.at,
    source: c.source,
    reason: { conditions: c.conditions },
  };
}

/** Write changes to the append-only membership log (one statement, inside the caller's transaction). */
export async function appendToLog(wh: Warehouse, changes: readonly LoggedChange[]): Promise<void> {
  if (changes.length === 0) return;
  await appendJsonRows(
    wh,
    'segment_membership_log',
    LOG_COLUMNS,
    changes.map((c) => ({ seq: c.seq, ...logRow(c) })),
    ['changed_at'],
  );
}

export async function maxLogSeq(wh: Warehouse): Promise<number> {
  const t = await wh.query({
    sql: 'SELECT coalesce(max(seq), 0) AS m FROM segment_membership_log',
    params: [],
  });
  return Number(t.columns.m![0]);
}

/** The sequence number of a segment's latest membership change (0 when none): changes whenever its members do. */
export async function segmentLogSeq(wh: Warehouse, segmentId: number): Promise<number> {
  const t = await wh.query({
    sql: 'SELECT coalesce(max(seq), 0) AS m FROM segment_membership_log WHERE segment_id = $1',
    params: [segmentId],
  });
  return Number(t.columns.m![0]);
}

/** Current members of every segment (latest log row per customer says `entered`). */
export async function currentMembers(wh: Warehouse, segmentId?: number): Promise<Map<number, Set<string>>> {
  const t = await wh.query({
    sql: `SELECT segment_id, customer_id FROM segment_membership_log
      WHERE CAST($1 AS INTEGER) IS NULL OR segment_id = $1
      GROUP BY segment_id, customer_id HAVING arg_max(change, seq) = 'entered'`,
    params: [segmentId ?? null],
  });
  const out = new Map<number, Set<string>>();
  for (let i = 0; i < t.rowCount; i++) {
    const s = Number(t.columns.segment_id![i]);
    let set = out.get(s);
    if (!set) {
      set = new Set();
      out.set(s, set);
    }
    set.add(String(t.columns.customer_id![i]));
  }
  return out;
}

export interface LogEntry {
  readonly seq: number;
  readonly version: number;
  readonly customerId: string;
  readonly change: 'entered' | 'exited';
  readonly at: number;
  readonly source: string;
  readonly conditions: readonly ConditionChange[];
}

const entries = (t: ColumnTable): LogEntry[] =>
  Array.from({ length: t.rowCount }, (_, i) => {
    const reason =
      t.columns.reason![i] === null
        ? null
        : (JSON.parse(String(t.columns.reason![i])) as { conditions?: ConditionChange[] });
    return {
      seq: Number(t.columns.seq![i]),
      version: Number(t.columns.version![i]),
      customerId: String(t.columns.customer_id![i]),
      change: String(t.columns.change![i]) as 'entered' | 'exited',
      at: Number(t.columns.changed_at![i]),
      source: String(t.columns.source![i]),
      conditions: reason?.conditions ?? [],
    };
  });

/** The log of one segment (optionally one customer), newest first. */
export async function segmentHistory(
  wh: Warehouse,
  segmentId: number,
  options: { customerId?: string; limit?: number } = {},
): Promise<LogEntry[]> {
  return entries(
    await wh.query({
      sql: `SELECT seq, version, customer_id, change, changed_at, source, reason FROM segment_membership_log
        WHERE segment_id = $1 AND (CAST($2 AS VARCHAR) IS NULL OR customer_id = $2) ORDER BY seq DESC LIMIT $3`,
      params: [segmentId, options.customerId ?? null, options.limit ?? 100],
    }),
  );
}
