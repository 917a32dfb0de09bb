import { type ClvOptions, clvSchedule, discountedPurchasesIfAlive } from './clv.js';
import { conditionalExpectedAverageProfit } from './gamma-gamma.js';
import { groupRows } from './group-rows.js';
import { purchaseKernel } from './purchase-kernel.js';
import type { PurchaseModel, RfmColumns, SpendModel } from './types.js';

/** Per-customer scores over a horizon, columnar. Spend columns are null without a spend model. */
export interface CustomerScores {
  readonly pAlive: Float64Array;
  /** E[Y(horizon) | x, tₓ, T]. */
  readonly expectedPurchases: Float64Array;
  /** Gamma-Gamma E[M | x, m̄] × expected purchases (undiscounted). */
  readonly expectedSpend: Float64Array | null;
  /** Discounted CLV over the horizon (see clv.ts). */
  readonly clv: Float64Array | null;
  /** Median time after T to the next purchase, given one happens (see predict.ts); NaN when not requested. */
  readonly medianTimeToNextPurchase: Float64Array;
}

export interface ScoreOptions extends ClvOptions {
  /** Compute the median time to the next purchase (bisection for Pareto/NBD). Default true. */
  readonly nextPurchase?: boolean;
}

/**
 * Scores every customer: P(alive), expected purchases over the horizon, expected spend, discounted CLV and the
 * median time to the next purchase. Customers are first grouped by (x, T), on which the given-alive quantities
 * depend, and by (x, tₓ, T), on which P(alive) depends, so each distinct pattern is computed once (transaction
 * data on a daily grid repeat patterns heavily); only the spend factor is per customer.
 */
export function scoreCustomers(
  purchase: PurchaseModel,
  spend: SpendModel | null,
  customers: RfmColumns & { readonly monetary?: Float64Array },
  options: ScoreOptions,
): CustomerScores {
  const kernel = purchaseKernel(purchase);
  const schedule = clvSchedule(options);
  const n = customers.x.length;
  const { x: xs, tx: txs, T: Ts } = customers;
  const monetary = customers.monetary;
  if (spend && (!monetary || monetary.length !== n))
    throw new RangeError('scoring with a spend model needs a monetary column as long as x');
  const withNext = options.nextPurchase ?? true;

  const byXT = groupRows([xs, Ts], n);
  const nXT = byXT.firstRow.length;
  const discountedXT = new Float64Array(nXT);
  const totalXT = new Float64Array(nXT);
  const nextXT = new Float64Array(nXT).fill(Number.NaN);
  for (let g = 0; g < nXT; g++) {
    const i = byXT.firstRow[g] as number;
    const x = xs[i] as number;
    const T = Ts[i] as number;
    const d = discountedPurchasesIfAlive(kernel, schedule, x, T);
    discountedXT[g] = d.discounted;
    totalXT[g] = d.total;
    if (withNext) nextXT[g] = kernel.medianTimeToNext(x, T);
  }
  const byRow = groupRows([xs, txs, Ts], n);
  const pAliveRow = new Float64Array(byRow.firstRow.length);
  for (let g = 0; g < pAliveRow.length; g++) {
    const i = byRow.firstRow[g] as number;
    pAliveRow[g] = kernel.pAlive(xs[i] as number, txs[i] as number, Ts[i] as number);
  }

  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const expectedSpend = spend ? new Float64Array(n) : null;
  const clv = spend ? new Float64Array(n) : null;
  const next = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = byXT.group[i] as number;
    const pa = pAliveRow[byRow.group[i] as number] as number;
    pAlive[i] = pa;
    const total = totalXT[g] as number;
    expected[i] = pa * total;
    next[i] = nextXT[g] as number;
    if (spend && expectedSpend && clv && monetary) {
      const m = conditionalExpectedAverageProfit(spend, xs[i] as number, monetary[i] as number);
      expectedSpend[i] = m * pa * total;
      clv[i] = m * pa * (discountedXT[g] as number);
    }
  }
  return { pAlive, expectedPurchases: expected, expectedSpend, clv, medianTimeToNextPurchase: next };
}
