import { conditionalExpectedAverageProfit } from './gamma-gamma.js';
import { type PurchaseKernel, purchaseKernel } from './purchase-kernel.js';
import type { PurchaseModel, RfmColumns, SpendModel } from './types.js';

/**
 * Discounted customer lifetime value over a horizon, as lifetimes' `customer_lifetime_value`: the horizon is cut
 * into `periods` equal steps; step k contributes spend × (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)ᵏ, with E[Y(t)] the
 * purchase model's conditional expectation and spend the Gamma-Gamma conditional expected average profit
 * (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013 Gamma-Gamma note). Discounting is discrete, per step, with cash flows at the end
 * of each step; d is the rate per step (e.g. monthly 0.01 with 12 steps over 52 weeks).
 */
export interface ClvOptions {
  /** Horizon in the model's time unit (e.g. 52 for a year in weeks). */
  readonly horizon: number;
  /** Number of discounting steps over the horizon. Default 12. */
  readonly periods?: number;
  /** Discount rate per step. Default 0.01. */
  readonly discountRate?: number;
}

export interface ClvSchedule {
  readonly times: Float64Array;
  readonly discounts: Float64Array;
}

/** Step end times tₖ and discount factors (1+d)^−k; options are validated once here. */
export function clvSchedule(options: ClvOptions): ClvSchedule {
  const periods = options.periods ?? 12;
  const d = options.discountRate ?? 0.01;
  if (!(options.horizon > 0) || !Number.isFinite(options.horizon))
    throw new RangeError(
      `invalid CLV horizon: ${options.horizon} (expected a positive number of time units)`,
    );
  if (!Number.isInteger(periods) || periods < 1)
    throw new RangeError(`invalid CLV periods: ${periods} (expected a positive whole number)`);
  if (!(d > -1) || !Number.isFinite(d))
    throw new RangeError(`invalid CLV discount rate: ${d} (expected > −1)`);
  const times = new Float64Array(periods);
  const discounts = new Float64Array(periods);
  for (let k = 1; k <= periods; k++) {
    times[k - 1] = (options.horizon * k) / periods;
    discounts[k - 1] = (1 + d) ** -k;
  }
  return { times, discounts };
}

/**
 * Discounted E[purchases] factor Σₖ (E[Y(tₖ) | alive] − E[Y(tₖ₋₁) | alive])·(1+d)^−k for one customer; also
 * returns E[Y(horizon) | alive] so callers get expected purchases for free.
 */
export function discountedPurchasesIfAlive(
  kernel: PurchaseKernel,
  schedule: ClvSchedule,
  x: number,
  T: number,
): { discounted: number; total: number } {
  let prev = 0;
  let discounted = 0;
  for (let k = 0; k < schedule.times.length; k++) {
    const e = kernel.expectedIfAlive(schedule.times[k] as number, x, T);
    discounted += (e - prev) * (schedule.discounts[k] as number);
    prev = e;
  }
  return { discounted, total: prev };
}

/** Discounted CLV of one customer (see the module comment for the method). */
export function customerLifetimeValue(
  purchase: PurchaseModel,
  spend: SpendModel,
  x: number,
  tx: number,
  T: number,
  monetary: number,
  options: ClvOptions,
): number {
  const kernel = purchaseKernel(purchase);
  const { discounted } = discountedPurchasesIfAlive(kernel, clvSchedule(options), x, T);
  return kernel.pAlive(x, tx, T) * discounted * conditionalExpectedAverageProfit(spend, x, monetary);
}

/** Vectorised {@link customerLifetimeValue}. */
export function customerLifetimeValueMany(
  purchase: PurchaseModel,
  spend: SpendModel,
  c: RfmColumns & { readonly monetary: Float64Array },
  options: ClvOptions,
  out?: Float64Array,
): Float64Array {
  const kernel = purchaseKernel(purchase);
  const schedule = clvSchedule(options);
  const n = c.x.length;
  const res = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = c.x[i] as number;
    const T = c.T[i] as number;
    const { discounted } = discountedPurchasesIfAlive(kernel, schedule, x, T);
    res[i] =
      kernel.pAlive(x, c.tx[i] as number, T) *
      discounted *
      conditionalExpectedAverageProfit(spend, x, c.monetary[i] as number);
  }
  return res;
}
