import { betaGeometricLogLikelihood } from './beta-geometric-likelihood.js';
import { deepFreeze, fittedFields, precheckPurchaseData } from './fitted.js';
import { maximiseLikelihood } from './mle.js';
import { indexRfm } from './rfm-index.js';
import type { RfmSummary } from './summary.js';
import {
  type FitOptions,
  type FitResult,
  type FittedBgNbd,
  type FittedMbgNbd,
  PARAM_NAMES,
} from './types.js';

/**
 * The maximum-likelihood fit BG/NBD and MBG/NBD share: the same likelihood family (`variant` 0 = BG/NBD, 1 =
 * MBG/NBD, which lets customers drop out right after their first purchase), start, data rules and failure values.
 */
export function fitBetaGeometric<K extends 'bgnbd' | 'mbgnbd'>(
  kind: K,
  data: RfmSummary,
  options: FitOptions,
): FitResult<K extends 'bgnbd' ? FittedBgNbd : FittedMbgNbd> {
  type Fitted = K extends 'bgnbd' ? FittedBgNbd : FittedMbgNbd;
  const pre = precheckPurchaseData(data);
  if (pre) return pre;
  const ix = indexRfm(data);
  const alpha0 = Math.max(1e-6, ix.meanT / Math.max(ix.meanX, 0.1));
  const outcome = maximiseLikelihood(
    {
      names: PARAM_NAMES[kind],
      logLikelihood: betaGeometricLogLikelihood(ix, kind === 'bgnbd' ? 0 : 1),
      totalWeight: ix.totalWeight,
      initial: Float64Array.from([0, Math.log(alpha0), 0, 0]),
    },
    options,
  );
  if (!outcome.ok) return outcome;
  const fields = fittedFields<Fitted['params']>(
    PARAM_NAMES[kind],
    outcome,
    data.nCustomers,
    data.nRows,
    options.penalizer ?? 0,
  );
  // `kind` decides the shape; TypeScript cannot see that through the conditional type.
  return { ok: true, model: deepFreeze({ kind, ...fields }) as unknown as Fitted };
}
