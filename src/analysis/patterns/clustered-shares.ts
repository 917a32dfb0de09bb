import { twoSidedP } from './normal-tail.js';

/**
 * Sums over the customers of one group, for a share whose units (orders, purchases) cluster within customers:
 * `y` = a customer's units in the cell, `m` = all of that customer's units. Every field is a plain sum, so the
 * moments of "everyone else" are the base's minus the segment's.
 */
export interface ClusterMoments {
  /** Customers with at least one unit. */
  readonly customers: number;
  readonly y: number;
  readonly yy: number;
  readonly ym: number;
  readonly m: number;
  readonly mm: number;
}

export interface ShareComparison {
  readonly share1: number;
  readonly share2: number;
  /** share1 / share2 (share2 floored at half a unit when no unit fell in the cell). */
  readonly lift: number;
  /** Lower end of the 95% interval of the lift (delta method on log lift, cluster-robust variances). */
  readonly liftLow: number;
  /** Rao–Scott design effects of the two groups (1 = as if every unit came from a different customer). */
  readonly deff1: number;
  readonly deff2: number;
  readonly z: number;
  readonly p: number;
}

/** The base minus a part of it, field by field (the rest of the base). */
export function subtractMoments(base: ClusterMoments, part: ClusterMoments): ClusterMoments {
  return {
    customers: base.customers - part.customers,
    y: base.y - part.y,
    yy: base.yy - part.yy,
    ym: base.ym - part.ym,
    m: base.m - part.m,
    mm: base.mm - part.mm,
  };
}

/**
 * Variance of the ratio estimator Y/M with customers as clusters (Cochran 1977, Sampling Techniques §6.4):
 * n/(n−1) · Σ(y − p·m)² / M², p = Y/M. With one unit per customer it is the binomial p(1−p)/n (times n/(n−1)).
 */
export function clusteredShareVariance(g: ClusterMoments): number {
  if (g.customers < 2 || g.m <= 0) return Number.POSITIVE_INFINITY;
  const p = g.y / g.m;
  const ss = Math.max(0, g.yy - 2 * p * g.ym + p * p * g.mm);
  return ((g.customers / (g.customers - 1)) * ss) / (g.m * g.m);
}

/**
 * Design effect of a group: its cluster-robust variance over the binomial one, floored at 1 (never claim more
 * evidence than independent units would give). Undefined when the share is 0 or 1; then `fallback`. Infinite
 * (no evidence at all) with fewer than two customers.
 */
export function designEffect(g: ClusterMoments, fallback: number): number {
  if (g.customers < 2 || g.m <= 0) return Number.POSITIVE_INFINITY;
  const p = g.y / g.m;
  if (p <= 0 || p >= 1) return fallback;
  const v = clusteredShareVariance(g);
  if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
  return Math.max(1, (v * g.m) / (p * (1 - p)));
}

const Z95 = 1.959963984540054;

/**
 * Rao & Scott (1992, "A simple method for the analysis of clustered binary data", Biometrics 48:577-585) test
 * of share1 = share2: each group's counts are divided by its design effect, then the usual pooled two-proportion
 * z-test runs on those effective counts. Orders of one customer are not independent (someone who always buys on
 * Tuesday night brings many Tuesday orders), and a binomial test would call that chance a pattern; here a group's
 * evidence grows with its customers, not with its orders. With one unit per customer it is the textbook test.
 */
export function compareClusteredShares(g1: ClusterMoments, g2: ClusterMoments): ShareComparison {
  const share1 = g1.m > 0 ? g1.y / g1.m : 0;
  const share2 = g2.m > 0 ? g2.y / g2.m : 0;
  // A group with share 0 or 1 says nothing about its clustering: borrow the other group's design effect.
  const own2 = designEffect(g2, 1);
  const deff1 = designEffect(g1, Number.isFinite(own2) ? own2 : 1);
  const deff2 = designEffect(g2, Number.isFinite(deff1) ? deff1 : 1);
  const n1 = g1.m / deff1;
  const n2 = g2.m / deff2;
  const pooled = n1 + n2 > 0 ? (share1 * n1 + share2 * n2) / (n1 + n2) : 0;
  const v0 = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  const z = v0 > 0 && Number.isFinite(v0) ? (share1 - share2) / Math.sqrt(v0) : 0;
  const floor2 = share2 > 0 ? share2 : g2.m > 0 ? 0.5 / g2.m : Number.NaN;
  const lift = share1 / floor2;
  let liftLow = 0;
  if (share1 > 0 && Number.isFinite(lift) && n1 > 0 && n2 > 0) {
    // Var(log share) ≈ deff·(1 − p)/(p·M) for each group.
    const se = Math.sqrt((1 - share1) / (share1 * n1) + (1 - floor2) / (floor2 * n2));
    liftLow = Number.isFinite(se) ? Math.exp(Math.log(lift) - Z95 * se) : 0;
  }
  return {
    share1,
    share2,
    lift: Number.isFinite(lift) ? lift : 0,
    liftLow,
    deff1,
    deff2,
    z,
    p: twoSidedP(z),
  };
}
