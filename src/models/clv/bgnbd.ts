import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import { deepFreeze, fittedFields, precheckPurchaseData } from './fitted.js';
import { maximiseLikelihood } from './mle.js';
import { indexRfm } from './rfm-index.js';
import type { RfmSummary } from './summary.js';
import { type FitOptions, type FitResult, type FittedBgNbd, PARAM_NAMES } from './types.js';

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way", eq. 6) by maximum
 * likelihood on log-parameters over the weighted distinct (x, tₓ, T) rows. Needs at least two distinct rows and
 * one repeat purchase; otherwise, or when the optimum is degenerate or not reached, returns `ok: false`.
 */
export function fitBgNbd(data: RfmSummary, options: FitOptions = {}): FitResult<FittedBgNbd> {
  const pre = precheckPurchaseData(data);
  if (pre) return pre;
  const ix = indexRfm(data);
  const alpha0 = Math.max(1e-6, ix.meanT / Math.max(ix.meanX, 0.1));
  const outcome = maximiseLikelihood(
    {
      names: PARAM_NAMES.bgnbd,
      logLikelihood: betaGeometricLogLikelihood(ix, 0),
      totalWeight: ix.totalWeight,
      initial: Float64Array.from([0, Math.log(alpha0), 0, 0]),
    },
    options,
  );
  if (!outcome.ok) return outcome;
  const fields = fittedFields<FittedBgNbd['params']>(
    PARAM_NAMES.bgnbd,
    outcome,
    data.nCustomers,
    data.nRows,
    options.penalizer ?? 0,
  );
  return { ok: true, model: deepFreeze({ kind: 'bgnbd', ...fields }) };
}
