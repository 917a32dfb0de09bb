import { gammaSign, lnGamma } from './special.js';

const EPS = 1e-16;
const MAX_TERMS = 1_000_000;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1 (Abramowitz & Stegun 15.1.1).
 * - |z| ≤ 0.9: the power series (rescaled while summing, so large a·b/c cannot overflow).
 * - z < −0.9: Pfaff's transformation (A&S 15.3.4) onto z/(z−1) ∈ (0.47, 1).
 * - z > 0.9: the connection formula onto 1 − z (A&S 15.3.6). When c − a − b is an integer that formula is
 *   singular: up to z = 0.999 the series is summed instead; beyond, the formula is averaged over b ± 1e-6,
 *   accurate to about 1e-8 relative.
 * Returns NaN where the function is undefined (z ≥ 1 with divergence, c a non-positive integer).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0 || a === 0 || b === 0) return 1;
  if (!(z < 1)) return Number.NaN;
  if (z < -0.9) return Math.exp(-a * Math.log1p(-z)) * hyp2f1(a, c - b, c, z / (z - 1));
  if (z <= 0.9) return hyp2f1Series(a, b, c, z);
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) < 1e-6) {
    // Degenerate connection: the series still converges (in at most ~40,000 terms for z ≤ 0.999).
    if (z <= 0.999) return hyp2f1Series(a, b, c, z);
    const h = 1e-6;
    return 0.5 * (connection(a, b + h, c, z) + connection(a, b - h, c, z));
  }
  return connection(a, b, c, z);
}

/** The plain power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ; NaN when it does not converge within a million terms. */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  if (c <= 0 && c === Math.floor(c)) return Number.NaN;
  let term = 1;
  let sum = 1;
  let scale = 0; // the sum is sum · e^scale
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return Math.exp(scale) * sum; // a or b a non-positive integer: a polynomial
    if (Math.abs(term) <= EPS * Math.abs(sum) && n > 2) {
      // Stop only once the terms are also shrinking, so a slow start cannot end the sum early.
      const ratio = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
      if (ratio < 1) return scale === 0 ? sum : sum * Math.exp(scale);
    }
    if (Math.abs(sum) > 1e250) {
      sum *= 1e-250;
      term *= 1e-250;
      scale += 250 * Math.LN10;
    }
  }
  return Number.NaN;
}

/** Γ(p₁)Γ(p₂)/(Γ(q₁)Γ(q₂)) with signs; 0 when a denominator argument is a pole, NaN for a numerator pole. */
function gammaRatio(p1: number, p2: number, q1: number, q2: number): number {
  const sq = gammaSign(q1) * gammaSign(q2);
  if (Number.isNaN(sq)) return 0;
  const sp = gammaSign(p1) * gammaSign(p2);
  if (Number.isNaN(sp)) return Number.NaN;
  return sp * sq * Math.exp(lnGamma(p1) + lnGamma(p2) - lnGamma(q1) - lnGamma(q2));
}

function connection(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const m = c - a - b;
  const t1 = gammaRatio(c, m, c - a, c - b);
  const t2 = gammaRatio(c, -m, a, b);
  const f1 = t1 === 0 ? 0 : t1 * hyp2f1Series(a, b, 1 - m, w);
  const f2 = t2 === 0 ? 0 : t2 * Math.exp(m * Math.log(w)) * hyp2f1Series(c - a, c - b, 1 + m, w);
  return f1 + f2;
}
