import type { Objective } from './types.js';

/** Central-difference gradient of f at x with relative step h (for objectives without an analytic gradient). */
export function numericalGradient(objective: Objective, x: Float64Array, h = 1e-6): Float64Array {
  const n = objective.dimension;
  const g = new Float64Array(n);
  const xt = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const hi = h * Math.max(1, Math.abs(xi));
    xt[i] = xi + hi;
    const fp = objective.evaluate(xt, null);
    xt[i] = xi - hi;
    const fm = objective.evaluate(xt, null);
    xt[i] = xi;
    g[i] = (fp - fm) / (2 * hi);
  }
  return g;
}

/** Wraps a value-only objective so that it also reports a central-difference gradient. */
export function withNumericalGradient(objective: Objective, h = 1e-6): Objective {
  return {
    dimension: objective.dimension,
    evaluate(x, gradient) {
      const f = objective.evaluate(x, null);
      if (gradient !== null && Number.isFinite(f)) gradient.set(numericalGradient(objective, x, h));
      return f;
    },
  };
}

/**
 * Hessian of f at x by central differences of the analytic gradient, symmetrised; row-major n×n.
 * Differencing the gradient (not f) keeps the error at O(h²) with only 2n gradient evaluations.
 */
export function hessianFromGradient(objective: Objective, x: Float64Array, h = 1e-4): Float64Array {
  const n = objective.dimension;
  const H = new Float64Array(n * n);
  const xt = Float64Array.from(x);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const hi = h * Math.max(1, Math.abs(xi));
    xt[i] = xi + hi;
    objective.evaluate(xt, gp);
    xt[i] = xi - hi;
    objective.evaluate(xt, gm);
    xt[i] = xi;
    for (let j = 0; j < n; j++) H[i * n + j] = ((gp[j] as number) - (gm[j] as number)) / (2 * hi);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}
