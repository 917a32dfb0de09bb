import type { Warehouse } from '../../warehouse/warehouse.js';
import type { SegmentPlan } from '../plan/plan.js';
import { compileSegmentQuery } from './compile-segment.js';
import { refreshEventCustomers } from './event-customers.js';

/**
 * The members of a segment as of an instant, computed in the warehouse, sorted by id. Brings the cache of
 * customers known only from events up to date first (milliseconds when few events arrived since).
 */
export async function evaluateBatch(wh: Warehouse, plan: SegmentPlan, asOf: number): Promise<string[]> {
  await refreshEventCustomers(wh);
  const r = await wh.query(compileSegmentQuery(plan, asOf));
  return (r.columns.customer_id ?? []).map(String);
}
