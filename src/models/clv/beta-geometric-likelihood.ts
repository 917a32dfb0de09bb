import { BLOCK } from './block.js';
import type { LogLikelihood } from './mle.js';
import type { RfmIndex } from './rfm-index.js';

/**
 * Log-likelihood and analytic gradient shared by BG/NBD and MBG/NBD, on log-parameters (ln r, ln α, ln a, ln b).
 *
 * BG/NBD (Fader, Hardie & Lee 2005, eq. 6), with `shift` = 0:
 *   L = B(a, b+x)/B(a, b) · Γ(r+x)αʳ/Γ(r) · [ (α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+tₓ)^−(r+x) ]
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007, as corrected by Wagner & Hoppe 2008), with `shift` = 1:
 *   L = B(a, b+x+1)/B(a, b) · Γ(r+x)αʳ/Γ(r) · [ (α+T)^−(r+x) + a/(b+x)·(α+tₓ)^−(r+x) ]
 * The bracket is a log-sum-exp of its two terms. For integer x, lnΓ(r+x) − lnΓ(r) = Σ_{k<x} ln(r+k) (and
 * likewise for b and a+b), built once per evaluation as prefix sums over x, so rows need no special functions.
 */
export function betaGeometricLogLikelihood(ix: RfmIndex, shift: 0 | 1): LogLikelihood {
  const { nRows, x, weight, tValues, tIdx, txValues, txIdx, maxX } = ix;
  const top = maxX + shift;
  const lgR = new Float64Array(maxX + 1);
  const psR = new Float64Array(maxX + 1);
  const lgB = new Float64Array(top + 1);
  const psB = new Float64Array(top + 1);
  const lgAB = new Float64Array(top + 1);
  const psAB = new Float64Array(top + 1);
  const lnBX = new Float64Array(maxX + 1);
  const invBX = new Float64Array(maxX + 1);
  const lnAT = new Float64Array(tValues.length);
  const invAT = new Float64Array(tValues.length);
  const lnAtx = new Float64Array(txValues.length);
  const invAtx = new Float64Array(txValues.length);

  return {
    dimension: 4,
    evaluate(theta, grad) {
      const r = Math.exp(theta[0] as number);
      const alpha = Math.exp(theta[1] as number);
      const a = Math.exp(theta[2] as number);
      const b = Math.exp(theta[3] as number);
      for (let k = 0; k < top; k++) {
        if (k < maxX) {
          lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
          psR[k + 1] = (psR[k] as number) + 1 / (r + k);
        }
        lgB[k + 1] = (lgB[k] as number) + Math.log(b + k);
        psB[k + 1] = (psB[k] as number) + 1 / (b + k);
        lgAB[k + 1] = (lgAB[k] as number) + Math.log(a + b + k);
        psAB[k + 1] = (psAB[k] as number) + 1 / (a + b + k);
      }
      for (let k = 0; k <= maxX; k++) {
        const v = b + k + shift - 1; // b + x − 1 (BG/NBD) or b + x (MBG/NBD)
        lnBX[k] = Math.log(v);
        invBX[k] = 1 / v;
      }
      for (let j = 0; j < tValues.length; j++) {
        const v = alpha + (tValues[j] as number);
        lnAT[j] = Math.log(v);
        invAT[j] = 1 / v;
      }
      for (let j = 0; j < txValues.length; j++) {
        const v = alpha + (txValues[j] as number);
        lnAtx[j] = Math.log(v);
        invAtx[j] = 1 / v;
      }
      const lnAlpha = Math.log(alpha);
      const lnA = Math.log(a);
      let sum = 0;
      let gr = 0;
      let gAlpha = 0;
      let ga = 0;
      let gb = 0;
      for (let start = 0; start < nRows; start += BLOCK) {
        const end = Math.min(nRows, start + BLOCK);
        let blockSum = 0;
        let blockGr = 0;
        let blockGAlpha = 0;
        let blockGa = 0;
        let blockGb = 0;
        for (let i = start; i < end; i++) {
          const xi = x[i] as number;
          const w = weight[i] as number;
          const rx = r + xi;
          const jT = tIdx[i] as number;
          const xs = xi + shift;
          const l3 = -rx * (lnAT[jT] as number);
          let lse = l3;
          let w4 = 0;
          let jx = 0;
          if (xs > 0) {
            jx = txIdx[i] as number;
            const l4 = lnA - (lnBX[xi] as number) - rx * (lnAtx[jx] as number);
            if (l3 >= l4) {
              const e = Math.exp(l4 - l3);
              lse = l3 + Math.log1p(e);
              w4 = e / (1 + e);
            } else {
              const e = Math.exp(l3 - l4);
              lse = l4 + Math.log1p(e);
              w4 = 1 / (1 + e);
            }
          }
          blockSum +=
            w * ((lgR[xi] as number) + r * lnAlpha + (lgB[xs] as number) - (lgAB[xs] as number) + lse);
          if (grad) {
            const w3 = 1 - w4;
            blockGr +=
              w * ((psR[xi] as number) + lnAlpha - w3 * (lnAT[jT] as number) - w4 * (lnAtx[jx] as number));
            blockGAlpha += w * (r / alpha - rx * (w3 * (invAT[jT] as number) + w4 * (invAtx[jx] as number)));
            blockGa += w * (-(psAB[xs] as number) + w4 / a);
            blockGb +=
              w * ((psB[xs] as number) - (psAB[xs] as number) - (xs > 0 ? w4 * (invBX[xi] as number) : 0));
          }
        }
        sum += blockSum;
        gr += blockGr;
        gAlpha += blockGAlpha;
        ga += blockGa;
        gb += blockGb;
      }
      if (grad) {
        grad[0] = gr * r;
        grad[1] = gAlpha * alpha;
        grad[2] = ga * a;
        grad[3] = gb * b;
      }
      return sum;
    },
  };
}
