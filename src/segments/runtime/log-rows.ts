import type { Warehouse } from '../../warehouse/warehouse.js';
import type { MembershipChange } from '../live/membership-change.js';
import { insertJsonText } from '../store/json-rows.js';
import { LOG_COLUMNS, logRow } from '../store/membership-log.js';

/**
 * A change as its log row in JSON without the leading `{` and without `seq` (numbered at the commit): made when
 * the change is decided, so the group commit does not serialise thousands of changes in one synchronous lump
 * while requests wait.
 */
export function logRowJson(c: MembershipChange): string {
  return JSON.stringify(logRow(c)).slice(1);
}

/** Append rows made by `logRowJson`, numbered from `firstSeq` (inside the caller's transaction). */
export async function appendLogRows(wh: Warehouse, firstSeq: number, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r, i) => `{"seq":${firstSeq + i},${r}`).join(',');
  const q = insertJsonText('segment_membership_log', LOG_COLUMNS, `[${json}]`, ['changed_at']);
  await wh.execute(q.sql, q.params);
}
