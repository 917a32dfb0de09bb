import type { Warehouse } from '../../warehouse/warehouse.js';
import type { MembershipChange } from '../live/membership-change.js';
import { insertJsonRows, type JsonRowType } from '../store/json-rows.js';

/** The `segment_membership_log` columns (as `appendToLog` writes them). */
const LOG_COLUMNS: Readonly<Record<string, JsonRowType>> = {
  seq: 'BIGINT',
  segment_id: 'INTEGER',
  version: 'INTEGER',
  customer_id: 'VARCHAR',
  change: 'VARCHAR',
  changed_at: 'BIGINT',
  source: 'VARCHAR',
  reason: 'JSON',
};

/**
 * A change as its log row in JSON without the leading `{` and without `seq` (numbered at the commit): made when
 * the change is decided, so the group commit does not serialise thousands of changes in one synchronous lump
 * while requests wait.
 */
export function logRowJson(c: MembershipChange): string {
  return JSON.stringify({
    segment_id: c.segment.id,
    version: c.segment.version,
    customer_id: c.customerId,
    change: c.change,
    changed_at: c.at,
    source: c.source,
    reason: { conditions: c.conditions },
  }).slice(1);
}

/** Append rows made by `logRowJson`, numbered from `firstSeq` (inside the caller's transaction). */
export async function appendLogRows(wh: Warehouse, firstSeq: number, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r, i) => `{"seq":${firstSeq + i},${r}`).join(',');
  const q = insertJsonRows('segment_membership_log', LOG_COLUMNS, [], ['changed_at']);
  await wh.execute(q.sql, [`[${json}]`, q.params[1]!]);
}
