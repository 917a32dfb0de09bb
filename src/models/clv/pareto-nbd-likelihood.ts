import { BLOCK } from './block.js';
import type { LogLikelihood } from './mle.js';
import { D_A, D_B, D_PA, D_PB, LN_J, paretoTail } from './pareto-tail.js';
import type { RfmIndex } from './rfm-index.js';

/**
 * Pareto/NBD log-likelihood and analytic gradient on (ln r, ln α, ln s, ln β)
 * (Schmittlein, Morrison & Colombo 1987; in the form of Fader, Hardie & Lee 2005, "A Note on Deriving the
 * Pareto/NBD Model and Related Expressions", §3):
 *   L = Γ(r+x)αʳβˢ/Γ(r) · [ (α+T)^−(r+x)(β+T)^−s + s·∫_{tₓ}^{T} (α+τ)^−(r+x)(β+τ)^−(s+1) dτ ]
 * The integral is J(tₓ) − J(T) with J the tail in pareto-tail.ts (the note's A₀ term, whose ₂F₁ is taken with
 * argument |α−β|/(max(α,β)+t) < 1). J depends on a row only through (x, t), so it is evaluated once per distinct
 * (x, tₓ) and (x, T) pair per likelihood evaluation; rows then only combine logs.
 */
export function paretoNbdLogLikelihood(ix: RfmIndex): LogLikelihood {
  const { nRows, x, weight, tValues, tIdx, txValues, txIdx, maxX } = ix;
  // Distinct (x, u) pairs, u ranging over recencies and ages.
  const pairOf = new Map<string, number>();
  const pairX: number[] = [];
  const pairU: number[] = [];
  const pair = (xi: number, u: number): number => {
    const key = `${xi}|${u}`;
    let k = pairOf.get(key);
    if (k === undefined) {
      k = pairX.length;
      pairOf.set(key, k);
      pairX.push(xi);
      pairU.push(u);
    }
    return k;
  };
  const pTx = new Int32Array(nRows);
  const pT = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    pTx[i] = pair(x[i] as number, txValues[txIdx[i] as number] as number);
    pT[i] = pair(x[i] as number, tValues[tIdx[i] as number] as number);
  }
  const nPairs = pairX.length;
  const J = new Float64Array(5 * nPairs);
  const lgR = new Float64Array(maxX + 1);
  const psR = new Float64Array(maxX + 1);
  const lnAT = new Float64Array(tValues.length);
  const invAT = new Float64Array(tValues.length);
  const lnBT = new Float64Array(tValues.length);
  const invBT = new Float64Array(tValues.length);

  return {
    dimension: 4,
    evaluate(theta, grad) {
      const r = Math.exp(theta[0] as number);
      const alpha = Math.exp(theta[1] as number);
      const s = Math.exp(theta[2] as number);
      const beta = Math.exp(theta[3] as number);
      for (let k = 0; k < maxX; k++) {
        lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
        psR[k + 1] = (psR[k] as number) + 1 / (r + k);
      }
      for (let j = 0; j < tValues.length; j++) {
        const T = tValues[j] as number;
        lnAT[j] = Math.log(alpha + T);
        invAT[j] = 1 / (alpha + T);
        lnBT[j] = Math.log(beta + T);
        invBT[j] = 1 / (beta + T);
      }
      for (let k = 0; k < nPairs; k++) {
        paretoTail(r + (pairX[k] as number), s + 1, alpha, beta, pairU[k] as number, J, 5 * k, grad !== null);
      }
      const lnAlpha = Math.log(alpha);
      const lnBeta = Math.log(beta);
      const lnS = Math.log(s);
      let sum = 0;
      let gr = 0;
      let gAlpha = 0;
      let gs = 0;
      let gBeta = 0;
      for (let start = 0; start < nRows; start += BLOCK) {
        const end = Math.min(nRows, start + BLOCK);
        let blockSum = 0;
        let blockGr = 0;
        let blockGAlpha = 0;
        let blockGs = 0;
        let blockGBeta = 0;
        for (let i = start; i < end; i++) {
          const xi = x[i] as number;
          const w = weight[i] as number;
          const rx = r + xi;
          const jT = tIdx[i] as number;
          const oTx = 5 * (pTx[i] as number);
          const oT = 5 * (pT[i] as number);
          const t1 = -rx * (lnAT[jT] as number) - s * (lnBT[jT] as number);
          const lnJtx = J[oTx + LN_J] as number;
          const d = (J[oT + LN_J] as number) - lnJtx;
          let lse = t1;
          let w2 = 0;
          let rho = 0;
          if (d < 0) {
            rho = Math.exp(d);
            const t2 = lnS + lnJtx + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-rho));
            if (t1 >= t2) {
              const e = Math.exp(t2 - t1);
              lse = t1 + Math.log1p(e);
              w2 = e / (1 + e);
            } else {
              const e = Math.exp(t1 - t2);
              lse = t2 + Math.log1p(e);
              w2 = 1 / (1 + e);
            }
          }
          blockSum += w * ((lgR[xi] as number) + r * lnAlpha + s * lnBeta + lse);
          if (grad) {
            const w1 = 1 - w2;
            let dPA = 0;
            let dPB = 0;
            let dA = 0;
            let dB = 0;
            if (w2 > 0) {
              // ∂ ln(J(tₓ) − J(T)) = (∂lnJ(tₓ) − ρ·∂lnJ(T))/(1 − ρ), ρ = J(T)/J(tₓ).
              const k = 1 / (1 - rho);
              dPA = ((J[oTx + D_PA] as number) - rho * (J[oT + D_PA] as number)) * k;
              dPB = ((J[oTx + D_PB] as number) - rho * (J[oT + D_PB] as number)) * k;
              dA = ((J[oTx + D_A] as number) - rho * (J[oT + D_A] as number)) * k;
              dB = ((J[oTx + D_B] as number) - rho * (J[oT + D_B] as number)) * k;
            }
            blockGr += w * ((psR[xi] as number) + lnAlpha - w1 * (lnAT[jT] as number) + w2 * dPA);
            blockGAlpha += w * (r / alpha - w1 * rx * (invAT[jT] as number) + w2 * dA);
            blockGs += w * (lnBeta - w1 * (lnBT[jT] as number) + w2 * (1 / s + dPB));
            blockGBeta += w * (s / beta - w1 * s * (invBT[jT] as number) + w2 * dB);
          }
        }
        sum += blockSum;
        gr += blockGr;
        gAlpha += blockGAlpha;
        gs += blockGs;
        gBeta += blockGBeta;
      }
      if (grad) {
        grad[0] = gr * r;
        grad[1] = gAlpha * alpha;
        grad[2] = gs * s;
        grad[3] = gBeta * beta;
      }
      return sum;
    },
  };
}
