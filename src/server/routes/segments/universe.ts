import { countUniverse } from '../../../segments/batch/preview-segment.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';

const TTL_MS = 30_000;
const cache = new WeakMap<Warehouse, { value: Promise<number>; until: number }>();

/**
 * How many customers segments choose from (customers plus anyone with an event: the batch evaluator's universe),
 * kept 30 s per warehouse. Kept here rather than in the server memo, which every POST clears, so the builder's
 * preview (a POST on every keystroke) does not recount a million customers each time.
 */
export function universeSize(wh: Warehouse, now = Date.now()): Promise<number> {
  const hit = cache.get(wh);
  if (hit && hit.until > now) return hit.value;
  const value = countUniverse(wh);
  cache.set(wh, { value, until: now + TTL_MS });
  value.catch(() => cache.delete(wh));
  return value;
}
