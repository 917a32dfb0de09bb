/**
 * The Pareto/NBD tail integral
 *   J(u) = ∫_u^∞ (A+τ)^(−pA) (B+τ)^(−pB) dτ,   pA + pB > 1,
 * with the partial derivatives of ln J with respect to (pA, pB, A, B).
 *
 * The Pareto/NBD likelihood's A₀ term (Fader, Hardie & Lee 2005, "A Note on Deriving the Pareto/NBD Model",
 * §3) is s·(J(tₓ) − J(T)) with pA = r + x, pB = s + 1, A = α, B = β; its ₂F₁ form follows from
 * substituting w = (M+u)/(M+τ), M = max(A, B), m = min(A, B), k = pA + pB − 1:
 *   J(u) = (M+u)^(−k) ∫₀¹ w^(k−1) (1 − z·w)^(−e) dw = (M+u)^(−k) ₂F₁(k, e; k+1; z)/k,
 * where z = (M−m)/(M+u) ∈ [0, 1) and e is the exponent on the smaller of A, B. Choosing M this way is the
 * α ≥ β / α < β case split of the note (and of lifetimes and BTYD), which keeps z below 1.
 * For z ≤ 0.9 the series Σ (e)ₙ/n! zⁿ/(k+n) is summed together with its derivatives; closer to 1 (or when the
 * series would need thousands of terms) the integral is done by tanh-sinh quadrature, which copes with the
 * endpoint behaviour of w^(k−1) and the near-singularity of (1−zw)^(−e).
 */

/** Output slots of {@link paretoTail}. */
export const LN_J = 0;
export const D_PA = 1;
export const D_PB = 2;
export const D_A = 3;
export const D_B = 4;

const EPS = 1e-17;
const MAX_TERMS = 100_000;

/**
 * Writes [ln J(u), ∂lnJ/∂pA, ∂lnJ/∂pB, ∂lnJ/∂A, ∂lnJ/∂B] into out[offset..offset+5].
 * With `withGradient` false only ln J is written; `method` forces one evaluation path (for tests).
 */
export function paretoTail(
  pA: number,
  pB: number,
  A: number,
  B: number,
  u: number,
  out: Float64Array,
  offset = 0,
  withGradient = true,
  method: 'auto' | 'series' | 'quadrature' = 'auto',
): void {
  const aIsMax = A >= B;
  const M = aIsMax ? A : B;
  const m = aIsMax ? B : A;
  const e = aIsMax ? pB : pA; // exponent on the smaller constant
  const k = pA + pB - 1;
  const Mu = M + u;
  const z = (M - m) / Mu;
  const oneMinusZ = (m + u) / Mu;
  const lnMu = Math.log(Mu);
  const useSeries = method === 'auto' ? z <= 0.9 && e * z < 500 * oneMinusZ : method === 'series';
  const s = useSeries ? seriesSums(k, e, z, withGradient) : quadratureSums(k, e, z, oneMinusZ, withGradient);
  out[offset + LN_J] = -k * lnMu + s.lnS;
  if (!withGradient) return;
  // ∂lnJ/∂(exponent on M) = −ln(M+u) + S_k/S; ∂lnJ/∂e = −ln(M+u) + (S_k + S_e)/S.
  const dM = -lnMu + s.dk;
  const dm = -lnMu + s.dk + s.de;
  // z = (M−m)/(M+u): ∂z/∂M = (m+u)/(M+u)², ∂z/∂m = −1/(M+u).
  const dConstM = -k / Mu + (s.dz * (m + u)) / (Mu * Mu);
  const dConstm = -s.dz / Mu;
  out[offset + D_PA] = aIsMax ? dM : dm;
  out[offset + D_PB] = aIsMax ? dm : dM;
  out[offset + D_A] = aIsMax ? dConstM : dConstm;
  out[offset + D_B] = aIsMax ? dConstm : dConstM;
}

interface Sums {
  /** ln S, S = ∫₀¹ w^(k−1)(1−zw)^(−e) dw */
  readonly lnS: number;
  /** ∂S/∂k ÷ S, ∂S/∂e ÷ S, ∂S/∂z ÷ S */
  readonly dk: number;
  readonly de: number;
  readonly dz: number;
}

function seriesSums(k: number, e: number, z: number, withGradient: boolean): Sums {
  // S = Σ cₙ zⁿ/(k+n), cₙ = (e)ₙ/n!; ∂cₙ/∂e = cₙ·Σ_{j<n} 1/(e+j).
  let c = 1; // cₙ·zⁿ, rescaled by `scale`
  let digammaSum = 0;
  let S = 1 / k;
  let Sk = -1 / (k * k);
  let Se = 0;
  let Sz = 0;
  let lnScale = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    digammaSum += 1 / (e + n - 1);
    const czPrev = c; // c_{n−1} z^{n−1}
    c *= ((e + n - 1) / n) * z;
    const inv = 1 / (k + n);
    const t = c * inv;
    S += t;
    if (withGradient) {
      Sk -= t * inv;
      Se += t * digammaSum;
      Sz += n * czPrev * ((e + n - 1) / n) * inv; // n·cₙ·z^(n−1)/(k+n)
    }
    if (t <= EPS * S && (e + n) * z < n + 1) {
      if (!withGradient || (Math.abs(t * digammaSum) <= EPS * Math.abs(Se) && n * t <= EPS * Sz * z)) break;
    }
    if (S > 1e250) {
      c *= 1e-250;
      S *= 1e-250;
      Sk *= 1e-250;
      Se *= 1e-250;
      Sz *= 1e-250;
      lnScale += 250 * Math.LN10;
    }
  }
  return { lnS: Math.log(S) + lnScale, dk: Sk / S, de: Se / S, dz: Sz / S };
}

// tanh-sinh nodes on (0, 1): w = 1/(1 + e^(−π sinh t)), t = j·h, |t| ≤ T_MAX.
const H = 1 / 32;
const T_MAX = 5.5;
const NODES = (() => {
  const count = 2 * Math.round(T_MAX / H) + 1;
  const lnW = new Float64Array(count);
  const oneMinusW = new Float64Array(count);
  const w = new Float64Array(count);
  const lnWeight = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = (i - (count - 1) / 2) * H;
    const s = Math.PI * Math.sinh(t);
    // ln w = −ln(1 + e^(−s)), ln(1−w) = −ln(1 + e^(s)), both stable for large |s|.
    const lw = s > 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
    const l1w = s > 0 ? -s - Math.log1p(Math.exp(-s)) : -Math.log1p(Math.exp(s));
    lnW[i] = lw;
    w[i] = Math.exp(lw);
    oneMinusW[i] = Math.exp(l1w);
    lnWeight[i] = Math.log(H * Math.PI * Math.cosh(t)) + lw + l1w; // dw/dt = π cosh t · w(1−w)
  }
  // ln w at the outer edge of the first trapezoid cell, t = −T_MAX − h/2: the analytic tail starts there.
  const sEdge = Math.PI * Math.sinh(-T_MAX - H / 2);
  const lnWEdge = sEdge - Math.log1p(Math.exp(sEdge));
  return { count, lnW, w, oneMinusW, lnWeight, lnWEdge };
})();

function quadratureSums(k: number, e: number, z: number, oneMinusZ: number, withGradient: boolean): Sums {
  const { count, lnW, w, oneMinusW, lnWeight, lnWEdge } = NODES;
  const logs = new Float64Array(count);
  const ln1mzw = new Float64Array(count);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    // 1 − z·w = (1 − z) + z·(1 − w), exact near w = 1, z = 1.
    const q = oneMinusZ + z * (oneMinusW[i] as number);
    const lq = Math.log(q);
    ln1mzw[i] = lq;
    const v = (lnWeight[i] as number) + (k - 1) * (lnW[i] as number) - e * lq;
    logs[i] = v;
    if (v > max) max = v;
  }
  // The rule stops at w₀ ≈ e^(−π sinh T_MAX); below it (1 − zw) ≈ 1, so ∫₀^w₀ w^(k−1) dw = w₀ᵏ/k is added
  // analytically: it matters only for small k, where w^(k−1) is nearly singular at 0.
  const lnW0 = lnWEdge;
  const lnTail = k * lnW0 - Math.log(k);
  if (lnTail > max) max = lnTail;
  const tail = Math.exp(lnTail - max);
  let S = tail;
  let Sk = tail * (lnW0 - 1 / k);
  let Se = 0;
  let Sz = (tail * e * k * Math.exp(lnW0)) / (k + 1);
  for (let i = 0; i < count; i++) {
    const g = Math.exp((logs[i] as number) - max);
    S += g;
    if (withGradient) {
      Sk += g * (lnW[i] as number);
      Se -= g * (ln1mzw[i] as number);
      Sz += (g * e * (w[i] as number)) / Math.exp(ln1mzw[i] as number);
    }
  }
  return { lnS: max + Math.log(S), dk: Sk / S, de: Se / S, dz: Sz / S };
}

/**
 * ln ∫_lo^hi (A+τ)^(−pA)(B+τ)^(−pB) dτ = ln(J(lo) − J(hi)); −∞ when hi ≤ lo. `hi` may be +∞.
 */
export function lnParetoIntegral(
  pA: number,
  pB: number,
  A: number,
  B: number,
  lo: number,
  hi: number,
): number {
  if (!(hi > lo)) return Number.NEGATIVE_INFINITY;
  const buf = new Float64Array(1);
  paretoTail(pA, pB, A, B, lo, buf, 0, false);
  const lnLo = buf[0] as number;
  if (hi === Number.POSITIVE_INFINITY) return lnLo;
  paretoTail(pA, pB, A, B, hi, buf, 0, false);
  const lnHi = buf[0] as number;
  const d = lnHi - lnLo;
  if (!(d < 0)) return Number.NEGATIVE_INFINITY;
  return lnLo + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}
