import type { Rng } from '../../core/rng.js';

/** Gamma(shape, rate) variate by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function gammaVariate(rng: Rng, shape: number, rate: number): number {
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaVariate(rng, shape + 1, rate) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let xn: number;
    let v: number;
    do {
      xn = rng.normal();
      v = 1 + c * xn;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * xn * xn * xn * xn) return (d * v) / rate;
    if (u > 0 && Math.log(u) < 0.5 * xn * xn + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Beta(a, b) variate as X/(X+Y) with independent gammas. */
export function betaVariate(rng: Rng, a: number, b: number): number {
  const x = gammaVariate(rng, a, 1);
  const y = gammaVariate(rng, b, 1);
  return x / (x + y);
}

/** Exponential variate with the given rate. */
export function exponentialVariate(rng: Rng, rate: number): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return -Math.log(u) / rate;
}
