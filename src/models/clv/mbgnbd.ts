import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import { deepFreeze, fittedFields, precheckPurchaseData } from './fitted.js';
import { maximiseLikelihood } from './mle.js';
import { indexRfm } from './rfm-index.js';
import type { RfmSummary } from './summary.js';
import { type FitOptions, type FitResult, type FittedMbgNbd, PARAM_NAMES } from './types.js';

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, with the erratum of Wagner & Hoppe 2008):
 * BG/NBD where customers may also drop out right after their first purchase. Same data rules and failure values
 * as `fitBgNbd`.
 */
export function fitMbgNbd(data: RfmSummary, options: FitOptions = {}): FitResult<FittedMbgNbd> {
  const pre = precheckPurchaseData(data);
  if (pre) return pre;
  const ix = indexRfm(data);
  const alpha0 = Math.max(1e-6, ix.meanT / Math.max(ix.meanX, 0.1));
  const outcome = maximiseLikelihood(
    {
      names: PARAM_NAMES.mbgnbd,
      logLikelihood: betaGeometricLogLikelihood(ix, 1),
      totalWeight: ix.totalWeight,
      initial: Float64Array.from([0, Math.log(alpha0), 0, 0]),
    },
    options,
  );
  if (!outcome.ok) return outcome;
  const fields = fittedFields<FittedMbgNbd['params']>(
    PARAM_NAMES.mbgnbd,
    outcome,
    data.nCustomers,
    data.nRows,
    options.penalizer ?? 0,
  );
  return { ok: true, model: deepFreeze({ kind: 'mbgnbd', ...fields }) };
}
