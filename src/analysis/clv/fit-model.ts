import { assertNever } from '../../core/assert-never.js';
import {
  type FitResult,
  type FittedGammaGamma,
  type FittedPurchaseModel,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  type PurchaseModelKind,
  type RfmSummary,
  type SpendSummary,
} from '../../models/clv/index.js';

/** Fits one purchase model by kind on sufficient statistics. */
export function fitPurchaseModel(
  kind: PurchaseModelKind,
  data: RfmSummary,
  penalizer: number,
): FitResult<FittedPurchaseModel> {
  const options = { penalizer };
  switch (kind) {
    case 'bgnbd':
      return fitBgNbd(data, options);
    case 'mbgnbd':
      return fitMbgNbd(data, options);
    case 'paretonbd':
      return fitParetoNbd(data, options);
    default:
      return assertNever(kind);
  }
}

export const fitSpendModel = (data: SpendSummary, penalizer: number): FitResult<FittedGammaGamma> =>
  fitGammaGamma(data, { penalizer });

/** Counts describing the data a purchase model was fitted on. */
export interface PurchaseDataSummary {
  /** Customers in the calibration cohort (first purchase on or before the as-of date). */
  readonly customers: number;
  /** Distinct (x, tₓ, T) rows the likelihood was evaluated on. */
  readonly distinctRows: number;
  /** Customers with at least one repeat purchase, and repeat purchases (transaction days) in all. */
  readonly repeatBuyers: number;
  readonly repeatPurchases: number;
}

export function describeRfm(data: RfmSummary): PurchaseDataSummary {
  let repeatBuyers = 0;
  let repeatPurchases = 0;
  for (let i = 0; i < data.nRows; i++) {
    const w = data.weight[i] as number;
    const x = data.x[i] as number;
    if (x > 0) repeatBuyers += w;
    repeatPurchases += w * x;
  }
  return { customers: data.nCustomers, distinctRows: data.nRows, repeatBuyers, repeatPurchases };
}

/** Counts describing the data a spend model was fitted on. */
export interface SpendDataSummary {
  /** Customers in the calibration cohort, and those the spend model was fitted on (repeat buyers, spend > 0). */
  readonly customers: number;
  readonly fitted: number;
  readonly distinctRows: number;
  readonly excluded: { readonly noRepeat: number; readonly nonPositiveSpend: number };
}

export const describeSpend = (data: SpendSummary): SpendDataSummary => ({
  customers: data.nCustomers + data.excluded.noRepeat + data.excluded.nonPositiveSpend,
  fitted: data.nCustomers,
  distinctRows: data.nRows,
  excluded: { ...data.excluded },
});
