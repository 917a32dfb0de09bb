import { BLOCK } from './block.js';
import { deepFreeze, fittedFields } from './fitted.js';
import type { LogLikelihood } from './mle.js';
import { maximiseLikelihood } from './mle.js';
import { digamma, lnGamma } from './special.js';
import type { SpendSummary } from './summary.js';
import {
  type FitOptions,
  type FitResult,
  type FittedGammaGamma,
  type GammaGammaParams,
  PARAM_NAMES,
} from './types.js';

/**
 * Gamma-Gamma log-likelihood on (ln p, ln q, ln γ) for customers with x repeat transactions of mean value m
 * (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value": the density of the mean m given x):
 *   ln L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + x·m)
 * The gamma-function terms depend on a row only through x, so they are computed once per distinct x.
 */
export function gammaGammaLogLikelihood(data: SpendSummary): LogLikelihood {
  const n = data.nRows;
  const xs = [...new Set(data.x)].sort((a, b) => a - b);
  const pos = new Map(xs.map((v, i) => [v, i]));
  // Terms linear in the parameters are summed once: Σw, Σw·x·ln m, Σw·ln m, Σw·x·ln x, and weight per distinct x.
  const wx = new Float64Array(n);
  const xm = new Float64Array(n);
  const weightOfX = new Float64Array(xs.length);
  let W = 0;
  let sxLnM = 0;
  let sLnM = 0;
  let sxLnX = 0;
  for (let i = 0; i < n; i++) {
    const w = data.weight[i] as number;
    const x = data.x[i] as number;
    const m = data.monetary[i] as number;
    const k = pos.get(x) as number;
    weightOfX[k] = (weightOfX[k] as number) + w;
    wx[i] = w * x;
    xm[i] = x * m;
    W += w;
    sxLnM += w * x * Math.log(m);
    sLnM += w * Math.log(m);
    sxLnX += w * x * Math.log(x);
  }
  const weight = data.weight;
  return {
    dimension: 3,
    evaluate(theta, grad) {
      const p = Math.exp(theta[0] as number);
      const q = Math.exp(theta[1] as number);
      const g = Math.exp(theta[2] as number);
      // Σ_x W_x·(lnΓ(px+q) − lnΓ(px)) and the matching digamma sums, once per distinct x.
      let sG = 0;
      let sPsiP = 0;
      let sPsiQ = 0;
      for (let k = 0; k < xs.length; k++) {
        const x = xs[k] as number;
        const wk = weightOfX[k] as number;
        const px = p * x;
        sG += wk * (lnGamma(px + q) - lnGamma(px));
        if (grad) {
          const a = digamma(px + q);
          sPsiP += wk * x * (a - digamma(px));
          sPsiQ += wk * a;
        }
      }
      // The only per-row work: L = ln(γ + x·m) and 1/(γ + x·m). Summed in blocks so that rounding in the totals
      // stays near machine precision for millions of rows (the line search must resolve changes of ~1e-13).
      let sxL = 0;
      let sL = 0;
      let sxInv = 0;
      let sInv = 0;
      for (let start = 0; start < n; start += BLOCK) {
        const end = Math.min(n, start + BLOCK);
        let bxL = 0;
        let bL = 0;
        let bxInv = 0;
        let bInv = 0;
        for (let i = start; i < end; i++) {
          const d = g + (xm[i] as number);
          const L = Math.log(d);
          const w = weight[i] as number;
          const wxi = wx[i] as number;
          bxL += wxi * L;
          bL += w * L;
          if (grad) {
            const inv = 1 / d;
            bxInv += wxi * inv;
            bInv += w * inv;
          }
        }
        sxL += bxL;
        sL += bL;
        sxInv += bxInv;
        sInv += bInv;
      }
      const lnG = Math.log(g);
      const ll = sG - W * lnGamma(q) + W * q * lnG + p * sxLnM - sLnM + p * sxLnX - p * sxL - q * sL;
      if (grad) {
        grad[0] = p * (sPsiP + sxLnM + sxLnX - sxL);
        grad[1] = q * (sPsiQ - W * digamma(q) + W * lnG - sL);
        grad[2] = g * ((W * q) / g - p * sxInv - q * sInv);
      }
      return ll;
    },
  };
}

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013) on repeat
 * buyers. Customers with x = 0 or monetary ≤ 0 were excluded by `summariseSpend` and are reported in `excluded`.
 */
export function fitGammaGamma(data: SpendSummary, options: FitOptions = {}): FitResult<FittedGammaGamma> {
  if (data.nRows < 2) {
    return {
      ok: false,
      reason: 'insufficient_data',
      message: `the spend model needs at least two distinct (x, monetary) repeat buyers, got ${data.nRows} (excluded: ${data.excluded.noRepeat} without repeat purchase, ${data.excluded.nonPositiveSpend} with spend ≤ 0)`,
      diagnostics: null,
      lastParams: null,
    };
  }
  let sw = 0;
  let sm = 0;
  for (let i = 0; i < data.nRows; i++) {
    sw += data.weight[i] as number;
    sm += (data.weight[i] as number) * (data.monetary[i] as number);
  }
  // Start at p = 1, q = 2, γ = mean spend, so that E[M] = pγ/(q−1) matches the sample mean.
  const outcome = maximiseLikelihood(
    {
      names: PARAM_NAMES.gammagamma,
      logLikelihood: gammaGammaLogLikelihood(data),
      totalWeight: sw,
      initial: Float64Array.from([0, Math.log(2), Math.log(sm / sw)]),
    },
    options,
  );
  if (!outcome.ok) return outcome;
  const fields = fittedFields<GammaGammaParams>(
    PARAM_NAMES.gammagamma,
    outcome,
    data.nCustomers,
    data.nRows,
    options.penalizer ?? 0,
  );
  return { ok: true, model: deepFreeze({ kind: 'gammagamma', ...fields, excluded: { ...data.excluded } }) };
}

/**
 * E[M | x, m̄] = (γ + x·m̄)·p/(px + q − 1): a weighted mean of the population mean pγ/(q−1) and the customer's
 * own mean (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013 note). For x = 0 it is the population mean. Needs q > 1
 * (else the population mean is infinite: returns +∞).
 */
export function conditionalExpectedAverageProfit(
  model: { readonly params: GammaGammaParams },
  x: number,
  monetary: number,
): number {
  const { p, q, gamma } = model.params;
  const m = x > 0 ? monetary : 0;
  const d = p * x + q - 1;
  return d > 0 ? ((gamma + x * m) * p) / d : Number.POSITIVE_INFINITY;
}
