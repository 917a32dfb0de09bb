import { strongWolfeLineSearch } from './line-search.js';
import type { LocalOptions, LocalResult, Objective, StopReason } from './types.js';
import { allFinite, dot, maxAbs } from './vector.js';

/**
 * BFGS quasi-Newton minimisation with a strong-Wolfe line search (Nocedal & Wright 2006, Algorithm 6.1).
 * The inverse-Hessian estimate starts as the identity, is rescaled after the first step (eq. 6.20) and is reset
 * when it stops giving descent directions or a line search fails. Never throws on bad values: a non-finite
 * start is reported as `stop: 'non-finite'`.
 */
export function bfgs(objective: Objective, x0: Float64Array, options: LocalOptions = {}): LocalResult {
  const n = objective.dimension;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  const ftol = options.functionTolerance ?? 1e-15;
  const accept = Math.max(gtol, options.acceptGradient ?? gtol);
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let evaluations = 1;
  let f = objective.evaluate(x, g);
  if (!Number.isFinite(f) || !allFinite(g)) {
    return {
      x,
      value: f,
      gradient: g,
      gradientNorm: Number.NaN,
      iterations: 0,
      evaluations,
      converged: false,
      stop: 'non-finite',
    };
  }
  const H = new Float64Array(n * n);
  const resetH = (): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  resetH();
  let identity = true;
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let stalls = 0;
  let stop: StopReason = 'max-iterations';
  let converged = false;

  for (;;) {
    const gnorm = maxAbs(g);
    if (gnorm <= gtol) {
      stop = 'gradient';
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = v;
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      resetH();
      identity = true;
      for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
      dg = -dot(g, g);
    }
    const step0 = identity ? Math.min(1, 1 / gnorm) : 1;
    const ls = strongWolfeLineSearch(objective, x, f, d, dg, step0, xNew, gNew);
    evaluations += ls.evaluations;
    if (!ls.ok) {
      if (!identity && gnorm > accept) {
        resetH();
        identity = true;
        continue;
      }
      stop = 'line-search-failed';
      break;
    }
    iterations++;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const decrease = f - ls.value;
    x.set(xNew);
    g.set(gNew);
    f = ls.value;
    options.onIteration?.({
      iteration: iterations,
      value: f,
      gradientNorm: maxAbs(g),
      evaluations,
      step: ls.step,
    });
    stalls = decrease <= ftol * Math.max(1, Math.abs(f)) ? stalls + 1 : 0;
    // Already within the acceptance tolerance and the line search is struggling (f is flat to rounding): further
    // iterations only burn evaluations chasing the stricter target.
    const struggling = ls.evaluations > 4 || decrease <= 1e-13 * Math.max(1, Math.abs(f));
    if (stalls >= 3 || (struggling && maxAbs(g) <= accept)) {
      stop = 'function-change';
      break;
    }
    const sy = dot(s, y);
    const yy = dot(y, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * yy)) {
      if (identity) {
        const scale = sy / yy;
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
        identity = false;
      }
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      const c1 = (sy + yHy) / (sy * sy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          H[i * n + j] =
            (H[i * n + j] as number) + c1 * si * sj - ((Hy[i] as number) * sj + si * (Hy[j] as number)) / sy;
        }
      }
    }
  }
  const gradientNorm = maxAbs(g);
  if (!converged && gradientNorm <= accept) converged = true;
  return { x, value: f, gradient: g, gradientNorm, iterations, evaluations, converged, stop };
}
