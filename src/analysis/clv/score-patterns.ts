import {
  bootstrapIntervals,
  type FittedGammaGamma,
  type FittedPurchaseModel,
  probabilityOfZeroPurchasesMany,
  scoreCustomers,
} from '../../models/clv/index.js';

/** How the horizon is cut and discounted: monthly steps, an annual rate turned into a rate per step. */
export interface HorizonOptions {
  readonly horizonDays: number;
  readonly unitDays: number;
  readonly annualDiscountRate: number;
}

const MONTH_DAYS = 365.25 / 12;

/** The model layer's CLV options: horizon in model units, ≈ monthly steps, the discount rate per step. */
export function clvOptions(h: HorizonOptions): { horizon: number; periods: number; discountRate: number } {
  const periods = Math.max(1, Math.round(h.horizonDays / MONTH_DAYS));
  const stepDays = h.horizonDays / periods;
  return {
    horizon: h.horizonDays / h.unitDays,
    periods,
    discountRate: (1 + h.annualDiscountRate) ** (stepDays / 365.25) - 1,
  };
}

/** A point value with its interval; null bounds when there are no intervals. */
export interface Banded {
  readonly value: Float64Array;
  readonly low: Float64Array | null;
  readonly high: Float64Array | null;
}

export interface PatternScores {
  readonly pAlive: Banded;
  readonly expectedPurchases: Banded;
  /** Null without a spend model. */
  readonly expectedSpend: Banded | null;
  readonly clv: Banded | null;
  readonly probZeroPurchases: Float64Array;
  /** Median time (model units) after the as-of date to the next purchase, given one happens. */
  readonly medianTimeToNext: Float64Array;
  /** Why there are no intervals, when there are none. */
  readonly intervalsMissing: string | null;
  /** Bounds moved to include the point value (bootstrap quantiles of a nonlinear function can exclude it). */
  readonly widened: number;
}

export interface Patterns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly monetary: Float64Array;
}

/**
 * Scores distinct (x, tₓ, T, monetary) patterns: point predictions from `scoreCustomers`, P(no purchase in the
 * horizon), and parametric-bootstrap intervals (`bootstrapIntervals`, seeded) computed once per pattern rather
 * than per customer. An interval that misses its point value is extended to it, and counted.
 */
export function scorePatterns(
  purchase: FittedPurchaseModel,
  spend: FittedGammaGamma | null,
  patterns: Patterns,
  options: HorizonOptions & { readonly draws: number; readonly level: number; readonly seed: number },
): PatternScores {
  const clv = clvOptions(options);
  const s = scoreCustomers(purchase, spend, patterns, clv);
  const probZeroPurchases = probabilityOfZeroPurchasesMany(purchase, clv.horizon, patterns);
  const iv =
    options.draws > 0
      ? bootstrapIntervals(purchase, spend, patterns, {
          ...clv,
          draws: options.draws,
          level: options.level,
          seed: options.seed,
        })
      : null;
  let widened = 0;
  const band = (
    value: Float64Array,
    interval: { lower: Float64Array; upper: Float64Array } | null,
  ): Banded => {
    if (!interval) return { value, low: null, high: null };
    const low = interval.lower;
    const high = interval.upper;
    for (let i = 0; i < value.length; i++) {
      const v = value[i] as number;
      if ((low[i] as number) > v || (high[i] as number) < v) widened++;
      low[i] = Math.min(low[i] as number, v);
      high[i] = Math.max(high[i] as number, v);
    }
    return { value, low, high };
  };
  const ok = iv?.ok ? iv.value : null;
  return {
    pAlive: band(s.pAlive, ok?.pAlive ?? null),
    expectedPurchases: band(s.expectedPurchases, ok?.expectedPurchases ?? null),
    expectedSpend: s.expectedSpend ? band(s.expectedSpend, ok?.expectedSpend ?? null) : null,
    clv: s.clv ? band(s.clv, ok?.clv ?? null) : null,
    probZeroPurchases,
    medianTimeToNext: s.medianTimeToNextPurchase,
    intervalsMissing: iv === null ? 'intervals were not requested (draws = 0)' : iv.ok ? null : iv.error,
    widened,
  };
}
