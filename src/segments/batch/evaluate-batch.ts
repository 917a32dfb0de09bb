import type { Warehouse } from '../../warehouse/warehouse.js';
import type { SegmentPlan } from '../plan/plan.js';
import { compileSegmentQuery } from './compile-segment.js';

/** The members of a segment as of an instant, computed in the warehouse, sorted by id. */
export async function evaluateBatch(wh: Warehouse, plan: SegmentPlan, asOf: number): Promise<string[]> {
  const r = await wh.query(compileSegmentQuery(plan, asOf));
  return (r.columns.customer_id ?? []).map(String);
}
