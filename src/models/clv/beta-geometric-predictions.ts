import { hyp2f1 } from './hyp2f1.js';
import type { BgNbdParams } from './types.js';

/**
 * Predictions shared by BG/NBD (`shift` 0) and MBG/NBD (`shift` 1). In MBG/NBD a customer may also drop out
 * at time 0, which shifts x by one in the beta terms and applies the alive correction to x = 0 as well.
 */

/**
 * P(alive | x, tₓ, T) = 1/(1 + δ·a/(b+x+shift−1)·((α+T)/(α+tₓ))^(r+x)), δ = [x + shift > 0]
 * (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model"; Batislam et al. 2007 for MBG/NBD).
 */
export function betaGeoProbabilityAlive(
  p: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  shift: 0 | 1,
): number {
  if (x + shift === 0) return 1;
  const { r, alpha, a, b } = p;
  const lnOdds = Math.log(a / (b + x + shift - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[Y(t) | x, tₓ, T] = P(alive) · E[Y(t) | alive, x, T] (Fader, Hardie & Lee 2005, eq. 10; for MBG/NBD
 * Batislam et al. 2007 as corrected by Wagner & Hoppe 2008).
 */
export function betaGeoConditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  shift: 0 | 1,
): number {
  if (t <= 0) return 0;
  return betaGeoProbabilityAlive(p, x, tx, T, shift) * betaGeoExpectedPurchasesIfAlive(p, t, x, T, shift);
}

/**
 * E[Y(t) | alive, x, T] = (a+b+x+shift−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+shift; a+b+x+shift−1; z)],
 * z = t/(α+T+t) (the factor of eq. 10 in Fader, Hardie & Lee 2005), evaluated after Euler's transformation
 * (A&S 15.3.3) as 1 − (1−z)^(a−1) ₂F₁(a+b+shift−1−r, a−1; a+b+x+shift−1; z), whose series converges fast even
 * for large x. At a = 1 (a removable singularity) the value is the average of a = 1 ± 1e-6.
 */
export function betaGeoExpectedPurchasesIfAlive(
  p: BgNbdParams,
  t: number,
  x: number,
  T: number,
  shift: 0 | 1,
): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const ln1mz = -Math.log1p(t / (alpha + T));
  const z = t / (alpha + T + t);
  const bracket = (aa: number): number => {
    const c = aa + b + x + shift - 1;
    const F = hyp2f1(aa + b + shift - 1 - r, aa - 1, c, z);
    return (c / (aa - 1)) * (1 - Math.exp((aa - 1) * ln1mz) * F);
  };
  return Math.abs(a - 1) < 1e-6 ? 0.5 * (bracket(1 + 1e-6) + bracket(1 - 1e-6)) : bracket(a);
}

/** P(no purchase in (T, T+t] | alive, x, T) = ((α+T)/(α+T+t))^(r+x): alive, the rate is Gamma(r+x, α+T). */
export function betaGeoNoPurchaseIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  return t <= 0 ? 1 : Math.exp(-(p.r + x) * Math.log1p(t / (p.alpha + T)));
}

/** P(Y(t) = 0 | x, tₓ, T) = 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^(r+x) (death happens only at purchases). */
export function betaGeoProbabilityOfZeroPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  shift: 0 | 1,
): number {
  const pAlive = betaGeoProbabilityAlive(p, x, tx, T, shift);
  return 1 - pAlive + pAlive * betaGeoNoPurchaseIfAlive(p, t, x, T);
}

/**
 * Median time after T to the next purchase, given that there is one: alive customers always buy again and their
 * waiting time is Lomax with survival ((α+T)/(α+T+t))^(r+x), so the median is (α+T)(2^(1/(r+x)) − 1).
 */
export function betaGeoMedianTimeToNextPurchase(p: BgNbdParams, x: number, T: number): number {
  return (p.alpha + T) * Math.expm1(Math.LN2 / (p.r + x));
}
