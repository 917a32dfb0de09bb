import { deepFreeze, fittedFields, precheckPurchaseData } from './fitted.js';
import { maximiseLikelihood } from './mle.js';
import { paretoNbdLogLikelihood } from './pareto-nbd-likelihood.js';
import { lnParetoIntegral } from './pareto-tail.js';
import { indexRfm } from './rfm-index.js';
import { oneMinusPowOverExponent } from './special.js';
import type { RfmSummary } from './summary.js';
import {
  type FitOptions,
  type FitResult,
  type FittedParetoNbd,
  PARAM_NAMES,
  type ParetoNbdParams,
} from './types.js';

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; likelihood of Fader, Hardie & Lee 2005 note,
 * §3) by maximum likelihood on log-parameters. Same data rules and failure values as `fitBgNbd`.
 */
export function fitParetoNbd(data: RfmSummary, options: FitOptions = {}): FitResult<FittedParetoNbd> {
  const pre = precheckPurchaseData(data);
  if (pre) return pre;
  const ix = indexRfm(data);
  const scale = Math.max(1e-6, ix.meanT / Math.max(ix.meanX, 0.1));
  const outcome = maximiseLikelihood(
    {
      names: PARAM_NAMES.paretonbd,
      logLikelihood: paretoNbdLogLikelihood(ix),
      totalWeight: ix.totalWeight,
      initial: Float64Array.from([0, Math.log(scale), 0, Math.log(Math.max(1e-6, ix.meanT))]),
    },
    options,
  );
  if (!outcome.ok) return outcome;
  const fields = fittedFields<ParetoNbdParams>(
    PARAM_NAMES.paretonbd,
    outcome,
    data.nCustomers,
    data.nRows,
    options.penalizer ?? 0,
  );
  return { ok: true, model: deepFreeze({ kind: 'paretonbd', ...fields }) };
}

/** ln of s·(α+T)^(r+x)(β+T)^s·∫_{lo}^{hi}(α'+τ)^−(r+x)(β'+τ)^−(s+1)dτ-type terms share this integral. */
const lnIntegral = (p: ParetoNbdParams, x: number, A: number, B: number, lo: number, hi: number): number =>
  lnParetoIntegral(p.r + x, p.s + 1, A, B, lo, hi);

/**
 * P(alive | x, tₓ, T) = 1 / (1 + s·(α+T)^(r+x)(β+T)^s·∫_{tₓ}^{T}(α+τ)^−(r+x)(β+τ)^−(s+1)dτ)
 * (Fader, Hardie & Lee 2005 note, §5, with A₀ written as the integral).
 */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const lnI = lnIntegral(p, x, p.alpha, p.beta, tx, T);
  if (lnI === Number.NEGATIVE_INFINITY) return 1;
  const lnOdds = Math.log(p.s) + (p.r + x) * Math.log(p.alpha + T) + p.s * Math.log(p.beta + T) + lnI;
  return 1 / (1 + Math.exp(lnOdds));
}

/**
 * E[Y(t) | x, tₓ, T] = P(alive)·(r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]
 * (Schmittlein et al. 1987; Fader, Hardie & Lee 2005 note, §6); continuous at s = 1.
 */
export function paretoNbdConditionalExpectedPurchases(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  return paretoNbdProbabilityAlive(p, x, tx, T) * paretoNbdExpectedPurchasesIfAlive(p, t, x, T);
}

/** E[Y(t) | alive at T, x, T] = (r+x)(β+T)/((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)] (the factor of the note's §6 expression). */
export function paretoNbdExpectedPurchasesIfAlive(
  p: ParetoNbdParams,
  t: number,
  x: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const { r, alpha, s, beta } = p;
  return ((r + x) / (alpha + T)) * (beta + T) * oneMinusPowOverExponent(-Math.log1p(t / (beta + T)), s - 1);
}

/** E[X(t)] = rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)] (Schmittlein et al. 1987; Fader, Hardie & Lee 2005 note, §4). */
export function paretoNbdExpectedPurchases(p: ParetoNbdParams, t: number): number {
  if (t <= 0) return 0;
  return (p.r / p.alpha) * p.beta * oneMinusPowOverExponent(-Math.log1p(t / p.beta), p.s - 1);
}

/**
 * P(Y(t) = 0 | x, tₓ, T) = 1 − P(alive) + P(alive)·[G(t) + s·Aʳ⁺ˣBˢ·∫₀ᵗ(A+τ)^−(r+x)(B+τ)^−(s+1)dτ],
 * A = α+T, B = β+T, G(t) = (A/(A+t))^(r+x)(B/(B+t))ˢ. Derived here: alive at T, λ ~ Gamma(r+x, A) and
 * μ ~ Gamma(s, B) independently; no purchase in (T, T+t] means dying first (∫₀ᵗ μe^−(λ+μ)τ dτ) or surviving
 * without purchase (e^−(λ+μ)t).
 */
export function paretoNbdProbabilityOfZeroPurchases(
  p: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const pAlive = paretoNbdProbabilityAlive(p, x, tx, T);
  return 1 - pAlive + pAlive * paretoNbdNoPurchaseIfAlive(p, t, x, T);
}

/** P(no purchase in (T, T+t] | alive at T, x, T): the bracket of {@link paretoNbdProbabilityOfZeroPurchases}. */
export function paretoNbdNoPurchaseIfAlive(p: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 1;
  const { r, alpha, s, beta } = p;
  const A = alpha + T;
  const B = beta + T;
  const lnG = -(r + x) * Math.log1p(t / A) - s * Math.log1p(t / B);
  const lnDie = Math.log(s) + (r + x) * Math.log(A) + s * Math.log(B) + lnIntegral(p, x, A, B, 0, t);
  return Math.min(1, Math.exp(lnG) + Math.exp(lnDie));
}

/**
 * Median time after T to the next purchase given that there is one: solves
 * 1 − P0(t) = ½·(1 − P0(∞)) for t by bisection (a Pareto/NBD customer may die before buying again, so
 * P0(∞) = 1 − P(alive)·(1 − s·Aʳ⁺ˣBˢ·∫₀^∞…) > 1 − P(alive)). +∞ when another purchase has probability 0.
 */
export function paretoNbdMedianTimeToNextPurchase(p: ParetoNbdParams, x: number, T: number): number {
  const never = paretoNbdNoPurchaseIfAlive(p, Number.POSITIVE_INFINITY, x, T);
  const buyEver = 1 - never;
  if (!(buyEver > 0)) return Number.POSITIVE_INFINITY;
  const target = 1 - 0.5 * buyEver; // P(no purchase in t | alive) at the median
  let lo = 0;
  let hi = p.alpha + T;
  while (paretoNbdNoPurchaseIfAlive(p, hi, x, T) > target && hi < 1e12) hi *= 4;
  for (let i = 0; i < 100 && hi - lo > 1e-10 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (paretoNbdNoPurchaseIfAlive(p, mid, x, T) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
