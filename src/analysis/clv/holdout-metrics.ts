import {
  conditionalExpectedPurchasesMany,
  type PurchaseModel,
  probabilityAliveMany,
  probabilityOfZeroPurchasesMany,
} from '../../models/clv/index.js';
import type { HoldoutRows } from './load-periods.js';

/** One tenth of the customers, ranked by P(alive) at the calibration end (ties by expected holdout purchases). */
export interface DecileRow {
  /** 1 = lowest P(alive) … 10 = highest. */
  readonly decile: number;
  readonly customers: number;
  readonly meanPAlive: number;
  /** Mean predicted P(at least one purchase in the holdout) = 1 − P(zero purchases). */
  readonly predictedActive: number;
  /** Share of customers who did buy in the holdout. */
  readonly actualActive: number;
  /** Mean predicted and actual holdout repeat purchases per customer. */
  readonly predictedPurchases: number;
  readonly actualPurchases: number;
}

/** How a purchase forecast did on the holdout, per customer and in total. */
export interface HoldoutMetrics {
  readonly customers: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** (predicted − actual) / actual total; 0 when both are 0. */
  readonly totalError: number;
  /** Per-customer mean absolute error and root mean squared error of holdout repeat purchases. */
  readonly mae: number;
  readonly rmse: number;
}

function errors(rows: HoldoutRows, predicted: Float64Array): HoldoutMetrics {
  let abs = 0;
  let sq = 0;
  let pred = 0;
  let actual = 0;
  for (let i = 0; i < rows.nRows; i++) {
    const w = rows.weight[i] as number;
    const e = (predicted[i] as number) - (rows.holdout[i] as number);
    abs += w * Math.abs(e);
    sq += w * e * e;
    pred += w * (predicted[i] as number);
    actual += w * (rows.holdout[i] as number);
  }
  const n = rows.nCustomers;
  return {
    customers: n,
    actualTotal: actual,
    predictedTotal: pred,
    totalError: actual > 0 ? (pred - actual) / actual : pred === 0 ? 0 : Number.POSITIVE_INFINITY,
    mae: n > 0 ? abs / n : 0,
    rmse: n > 0 ? Math.sqrt(sq / n) : 0,
  };
}

/**
 * The P(alive) calibration table: customers ranked by P(alive), cut into ten equal groups. Identical customers
 * (one weighted row) that straddle a boundary are split in proportion, so every decile holds exactly a tenth of
 * the customers and each split row keeps its mix of holdout outcomes.
 */
function deciles(
  rows: HoldoutRows,
  pAlive: Float64Array,
  pZero: Float64Array,
  predicted: Float64Array,
): DecileRow[] {
  const order = Array.from({ length: rows.nRows }, (_, i) => i).sort(
    (a, b) =>
      (pAlive[a] as number) - (pAlive[b] as number) || (predicted[a] as number) - (predicted[b] as number),
  );
  const n = rows.nCustomers;
  const acc = Array.from({ length: 10 }, () => new Float64Array(6));
  let start = 0;
  for (const i of order) {
    const w = rows.weight[i] as number;
    const end = start + w;
    const h = rows.holdout[i] as number;
    const stats = [
      1,
      pAlive[i] as number,
      1 - (pZero[i] as number),
      h > 0 ? 1 : 0,
      predicted[i] as number,
      h,
    ];
    for (let d = Math.floor((start * 10) / n); d < 10 && (d * n) / 10 < end; d++) {
      const share = Math.min(end, ((d + 1) * n) / 10) - Math.max(start, (d * n) / 10);
      if (share <= 0) continue;
      const a = acc[d] as Float64Array;
      stats.forEach((s, k) => {
        a[k] = (a[k] as number) + share * s;
      });
    }
    start = end;
  }
  return acc.map((a, d) => {
    const c = a[0] as number;
    const mean = (k: number) => (c > 0 ? (a[k] as number) / c : 0);
    return {
      decile: d + 1,
      customers: c,
      meanPAlive: mean(1),
      predictedActive: mean(2),
      actualActive: mean(3),
      predictedPurchases: mean(4),
      actualPurchases: mean(5),
    };
  });
}

/** A purchase model's holdout forecast E[Y(t) | x, tₓ, T] against the actual holdout purchases. */
export function holdoutMetrics(
  model: PurchaseModel,
  rows: HoldoutRows,
  holdoutLength: number,
): HoldoutMetrics & { readonly deciles: readonly DecileRow[] } {
  const predicted = conditionalExpectedPurchasesMany(model, holdoutLength, rows);
  const pAlive = probabilityAliveMany(model, rows);
  const pZero = probabilityOfZeroPurchasesMany(model, holdoutLength, rows);
  return { ...errors(rows, predicted), deciles: deciles(rows, pAlive, pZero, predicted) };
}

/**
 * A naive benchmark: each customer keeps buying at their calibration rate x / T (0 when T = 0), with no
 * dropout. A BTYD model that does not beat it on the holdout is not worth its assumptions.
 */
export function naiveMetrics(rows: HoldoutRows, holdoutLength: number): HoldoutMetrics {
  const predicted = new Float64Array(rows.nRows);
  for (let i = 0; i < rows.nRows; i++) {
    const T = rows.T[i] as number;
    predicted[i] = T > 0 ? ((rows.x[i] as number) / T) * holdoutLength : 0;
  }
  return errors(rows, predicted);
}
