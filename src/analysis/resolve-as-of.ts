import { invalidInput } from '../core/errors.js';
import { type AsOf, asOfFromDay, DAY_MS, isoDay, parseAsOf } from '../features/as-of.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface DataRange {
  /** First and last order (any customer, guests included), epoch ms; null without orders. */
  readonly firstOrder: number | null;
  readonly lastOrder: number | null;
  readonly customers: number;
}

async function dataRange(wh: Warehouse): Promise<DataRange & { lastSignup: number | null }> {
  const r = await wh.query({
    sql: `SELECT (SELECT min(ordered_at) FROM order_lines) AS first_order,
      (SELECT max(ordered_at) FROM order_lines) AS last_order,
      (SELECT count(*) FROM customers) AS customers,
      (SELECT max(signup_date) FROM customers) AS last_signup`,
    params: [],
  });
  const num = (k: string) => {
    const v = r.columns[k]?.[0];
    return v === null || v === undefined ? null : Number(v);
  };
  return {
    firstOrder: num('first_order'),
    lastOrder: num('last_order'),
    customers: num('customers') ?? 0,
    lastSignup: num('last_signup'),
  };
}

/**
 * The as-of date of a run: the one given, checked against the data, or by default the day after the last order
 * (with no orders at all: the day after the last signup, else today). An as-of date before the first order is
 * refused with the first order's date, since there would be nothing to score.
 */
export async function resolveAsOf(
  wh: Warehouse,
  given: string | undefined,
  now: () => number = Date.now,
): Promise<{ asOf: AsOf; range: DataRange }> {
  const { lastSignup, ...range } = await dataRange(wh);
  if (range.lastOrder === null && range.customers === 0) {
    throw invalidInput(
      'nothing to analyse: the warehouse has no orders and no customers',
      'import data first, e.g. segmenta import orders orders.csv (or segmenta demo)',
    );
  }
  if (given !== undefined) {
    const asOf = parseAsOf(given);
    if (range.firstOrder !== null && range.firstOrder >= asOf.cutoffMs) {
      throw invalidInput(
        `as-of date ${asOf.date} is before the first order (${isoDay(range.firstOrder)}): there is nothing to score`,
        `use --as-of ${isoDay(range.firstOrder)} or later, or leave it out to analyse all the data`,
      );
    }
    return { asOf, range };
  }
  const last = range.lastOrder ?? lastSignup;
  return { asOf: asOfFromDay(last !== null ? last + DAY_MS : now()), range };
}
