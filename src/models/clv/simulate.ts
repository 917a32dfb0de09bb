import { assertNever } from '../../core/assert-never.js';
import { createRng } from '../../core/rng.js';
import type { GammaGammaParams, PurchaseModel, RfmColumns } from './types.js';
import { betaVariate, exponentialVariate, gammaVariate } from './variates.js';

export interface CohortOptions {
  readonly n: number;
  readonly seed: number;
  /** First purchases fall on days uniformly in [0, acquisitionDays). Default 84 (a quarter, as the CDNOW cohort). */
  readonly acquisitionDays?: number;
  /** Last observed day, inclusive, counted from day 0. Default 364. */
  readonly endDay?: number;
  /** Days per model time unit. Default 7 (weeks). */
  readonly unitDays?: number;
}

/**
 * Simulates a customer base from a purchase model's generative story (BG/NBD: FHL 2005 §2; MBG/NBD: Batislam
 * et al. 2007; Pareto/NBD: SMC 1987) and observes it the way transaction data are: on a daily grid, with
 * purchases on the same day merged, x = purchase days after the first, tₓ and T from the first purchase day.
 * Deterministic for a seed.
 */
export function simulateCustomers(model: PurchaseModel, options: CohortOptions): RfmColumns {
  const { n, seed } = options;
  const acquisitionDays = options.acquisitionDays ?? 84;
  const endDay = options.endDay ?? 364;
  const unit = options.unitDays ?? 7;
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const firstDay = rng.int(acquisitionDays);
    const start = firstDay + rng.next(); // in days
    let lambda: number;
    let dropAtPurchase = 0; // BG-type: probability of dying right after each purchase
    let lifetime = Number.POSITIVE_INFINITY; // Pareto-type: exponential lifetime (in units)
    let alive = true;
    switch (model.kind) {
      case 'bgnbd':
      case 'mbgnbd': {
        const { r, alpha, a, b } = model.params;
        lambda = gammaVariate(rng, r, alpha);
        dropAtPurchase = betaVariate(rng, a, b);
        if (model.kind === 'mbgnbd' && rng.next() < dropAtPurchase) alive = false;
        break;
      }
      case 'paretonbd': {
        const { r, alpha, s, beta } = model.params;
        lambda = gammaVariate(rng, r, alpha);
        lifetime = exponentialVariate(rng, gammaVariate(rng, s, beta));
        break;
      }
      default:
        return assertNever(model, 'purchase model');
    }
    let t = 0;
    let lastDay = firstDay;
    let count = 0;
    while (alive) {
      t += exponentialVariate(rng, lambda);
      if (t > lifetime) break;
      const day = Math.floor(start + t * unit);
      if (day > endDay) break;
      if (day !== lastDay) {
        count++;
        lastDay = day;
      }
      if (dropAtPurchase > 0 && rng.next() < dropAtPurchase) alive = false;
    }
    x[i] = count;
    tx[i] = (lastDay - firstDay) / unit;
    T[i] = (endDay - firstDay) / unit;
  }
  return { x, tx, T };
}

/**
 * Simulates mean repeat spend from the Gamma-Gamma model (FHL 2005 "RFM and CLV" §3): per customer
 * ν ~ Gamma(q, γ), and the mean of x transactions ~ Gamma(p·x, x·ν). Zero for x = 0. Deterministic for a seed.
 */
export function simulateSpend(params: GammaGammaParams, x: Float64Array, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const nu = gammaVariate(rng, params.q, params.gamma);
    out[i] = gammaVariate(rng, params.p * xi, xi * nu);
  }
  return out;
}
