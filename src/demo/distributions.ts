import type { Rng } from '../core/rng.js';

/**
 * The few distributions the demo shop draws from, all on top of the seeded `Rng` so the data stay reproducible.
 */

/** Exponential with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

/** Gamma(shape, scale) by Marsaglia and Tsang (2000), boosted for shape < 1. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1, scale) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v * scale;
    }
  }
}

/** Beta with the given mean and concentration (a + b). */
export function beta(rng: Rng, mean: number, concentration: number): number {
  const x = gamma(rng, mean * concentration, 1);
  const y = gamma(rng, (1 - mean) * concentration, 1);
  return x / (x + y);
}

/** Poisson by inversion (fine for the small means used here). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Normal clamped to [lo, hi]. */
export function clampedNormal(rng: Rng, mean: number, sd: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, mean + sd * rng.normal()));
}

/** Running sums of weights, for `pickIndex`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i] ?? 0;
    out[i] = s;
  }
  return out;
}

/** Index drawn in proportion to weights given as running sums (a slice `[from, from + n)` of `cum`). */
export function pickIndex(rng: Rng, cum: Float64Array, from = 0, n = cum.length - from): number {
  const target = rng.next() * (cum[from + n - 1] ?? 0);
  for (let i = 0; i < n - 1; i++) if (target < (cum[from + i] ?? 0)) return i;
  return n - 1;
}

/** Index drawn in proportion to plain weights (short lists only). */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let target = rng.next() * total;
  for (let i = 0; i < weights.length - 1; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
  return items;
}

/** Counts per share that add up to `total` exactly (largest remainder). */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (s / sum) * total);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, f: r - Math.floor(r) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
