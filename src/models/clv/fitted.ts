import type { MleOutcome } from './mle.js';
import type { RfmSummary } from './summary.js';
import type { FitDiagnostics, FitResult } from './types.js';

/** Recursively freezes a plain value so fitted models are immutable. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Checks that fail before optimising, shared by the purchase models. */
export function precheckPurchaseData(data: RfmSummary): FitResult<never> | null {
  if (data.nRows < 2) {
    return {
      ok: false,
      reason: 'insufficient_data',
      message: `fitting needs at least two distinct (x, t_x, T) patterns, got ${data.nRows} (${data.nCustomers} customers): with one pattern the likelihood is maximised by a point mass on the boundary of the parameter space`,
      diagnostics: null,
      lastParams: null,
    };
  }
  let repeat = 0;
  for (let i = 0; i < data.nRows; i++) repeat += (data.x[i] as number) * (data.weight[i] as number);
  if (repeat === 0) {
    return {
      ok: false,
      reason: 'no_repeat_purchases',
      message: `none of the ${data.nCustomers} customers made a repeat purchase, so the purchase rate cannot be estimated`,
      diagnostics: null,
      lastParams: null,
    };
  }
  return null;
}

/** The common fields of a fitted model from a successful MLE outcome, keyed by parameter names. */
export function fittedFields<P>(
  names: readonly string[],
  outcome: Extract<MleOutcome, { ok: true }>,
  nObs: number,
  nRows: number,
  penalizer: number,
): {
  params: P;
  logLikelihood: number;
  standardErrors: P | null;
  covariance: number[][] | null;
  nObs: number;
  nRows: number;
  penalizer: number;
  diagnostics: FitDiagnostics;
} {
  const named = (v: Float64Array): P => Object.fromEntries(names.map((n, i) => [n, v[i] as number])) as P;
  return {
    params: named(outcome.params),
    logLikelihood: outcome.logLikelihood,
    standardErrors: outcome.standardErrors ? named(outcome.standardErrors) : null,
    covariance: outcome.covariance,
    nObs,
    nRows,
    penalizer,
    diagnostics: outcome.diagnostics,
  };
}
