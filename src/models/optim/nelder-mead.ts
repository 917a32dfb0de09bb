import type { LocalOptions, LocalResult, Objective } from './types.js';

export interface NelderMeadOptions extends LocalOptions {
  /** Initial simplex edge (same units as x). */
  readonly initialStep?: number;
  /** Stop when the simplex's f spread and its diameter both fall below these. */
  readonly valueTolerance?: number;
  readonly sizeTolerance?: number;
}

/**
 * Derivative-free Nelder–Mead simplex search with the dimension-adaptive coefficients of Gao & Han (2012),
 * used as a fallback when BFGS stalls (rough or non-smooth regions) before polishing with BFGS again.
 * Non-finite values count as +∞.
 */
export function nelderMead(
  objective: Objective,
  x0: Float64Array,
  options: NelderMeadOptions = {},
): LocalResult {
  const n = objective.dimension;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const step = options.initialStep ?? 0.5;
  const ftol = options.valueTolerance ?? 1e-12;
  const xtol = options.sizeTolerance ?? 1e-10;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const f = (x: Float64Array): number => {
    evaluations++;
    const v = objective.evaluate(x, null);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const points: Float64Array[] = [];
  const values: number[] = [];
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    points.push(p);
    values.push(f(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = (from: Float64Array, coef: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++)
      p[j] = (centroid[j] as number) + coef * ((centroid[j] as number) - (from[j] as number));
    return p;
  };
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    let size = 0;
    for (let k = 1; k <= n; k++) {
      const p = points[order[k] as number] as Float64Array;
      const b = points[best] as Float64Array;
      for (let j = 0; j < n; j++) size = Math.max(size, Math.abs((p[j] as number) - (b[j] as number)));
    }
    if (Number.isFinite(fWorst) && fWorst - fBest <= ftol * Math.max(1, Math.abs(fBest)) && size <= xtol) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const xw = points[worst] as Float64Array;
    const xr = trial(xw, alpha);
    const fr = f(xr);
    const fSecondWorst = values[order[n - 1] as number] as number;
    if (fr < fBest) {
      const xe = trial(xw, alpha * beta);
      const fe = f(xe);
      if (fe < fr) {
        points[worst] = xe;
        values[worst] = fe;
      } else {
        points[worst] = xr;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < fSecondWorst) {
      points[worst] = xr;
      values[worst] = fr;
      continue;
    }
    const outside = fr < fWorst;
    const xc = trial(xw, outside ? alpha * gamma : -gamma);
    const fc = f(xc);
    if (fc < (outside ? fr : fWorst)) {
      points[worst] = xc;
      values[worst] = fc;
      continue;
    }
    const xb = points[best] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const idx = order[k] as number;
      const p = points[idx] as Float64Array;
      for (let j = 0; j < n; j++) p[j] = (xb[j] as number) + delta * ((p[j] as number) - (xb[j] as number));
      values[idx] = f(p);
    }
  }
  order.sort((i, j) => (values[i] as number) - (values[j] as number));
  const bestIdx = order[0] as number;
  return {
    x: Float64Array.from(points[bestIdx] as Float64Array),
    value: values[bestIdx] as number,
    gradient: new Float64Array(n).fill(Number.NaN),
    gradientNorm: Number.NaN,
    iterations,
    evaluations,
    converged,
    stop: converged ? 'simplex' : 'max-iterations',
  };
}
