import { invalidInput } from '../../core/errors.js';
import { type AsOf, asOfFromDay, DAY_MS, isoDay } from '../../features/as-of.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { parseDay } from './clv-options.js';

/** The purchases the CLV models can learn from: purchase lines of known customers (guests have no history). */
export interface PurchaseRange {
  /** Epoch ms of the first and last purchase line; null when there is none. */
  readonly firstPurchase: number | null;
  readonly lastPurchase: number | null;
  readonly buyers: number;
}

export async function purchaseRange(wh: Warehouse): Promise<PurchaseRange> {
  const t = await wh.query({
    sql: `SELECT min(ordered_at) AS first_purchase, max(ordered_at) AS last_purchase,
        count(DISTINCT customer_id) AS buyers
      FROM order_lines WHERE customer_id IS NOT NULL AND status = 'purchase'`,
    params: [],
  });
  const num = (k: string) => {
    const v = t.columns[k]?.[0];
    return v === null || v === undefined ? null : Number(v);
  };
  return {
    firstPurchase: num('first_purchase'),
    lastPurchase: num('last_purchase'),
    buyers: num('buyers') ?? 0,
  };
}

/**
 * The as-of date of a CLV fit or score, with the meaning of `src/features/as-of.ts`: `2011-06-30` sees every
 * purchase before 2011-07-01 00:00 UTC, and T is counted in whole days up to 30 June (the calibration end of the
 * BTYD literature and lifetimes). Default: the day after the last purchase, as `segmenta analyze` does. A date
 * before the first purchase is refused with the date of the first purchase.
 */
export async function resolveClvAsOf(
  wh: Warehouse,
  given: string | undefined,
  flag = '--as-of',
): Promise<{ asOf: AsOf; range: PurchaseRange }> {
  const range = await purchaseRange(wh);
  if (range.firstPurchase === null || range.lastPurchase === null) {
    throw invalidInput(
      'no purchases by known customers in the warehouse: the CLV models learn from customers’ purchase histories',
      'import orders with a customer id first, e.g. segmenta import orders orders.csv',
    );
  }
  if (given === undefined) return { asOf: asOfFromDay(range.lastPurchase + DAY_MS), range };
  const asOf = parseDay(flag, given);
  if (asOf.cutoffMs <= range.firstPurchase) {
    throw invalidInput(
      `${flag} ${asOf.date} is before the first purchase (${isoDay(range.firstPurchase)}): no customer has a purchase history to learn from`,
      `use ${flag} ${isoDay(range.firstPurchase)} or later (the data run to ${isoDay(range.lastPurchase)})`,
    );
  }
  return { asOf, range };
}
