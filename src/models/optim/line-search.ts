import type { Objective } from './types.js';
import { axpy, dot } from './vector.js';

export interface LineSearchResult {
  readonly ok: boolean;
  readonly step: number;
  readonly value: number;
  readonly evaluations: number;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_EVALUATIONS = 30;

/**
 * Strong-Wolfe line search along d from x (Nocedal & Wright 2006, Algorithms 3.5 and 3.6) with cubic
 * interpolation in the zoom phase. A non-finite f counts as "too far" so the search backs off into the domain.
 * On success xOut/gOut hold the accepted point and its gradient.
 */
export function strongWolfeLineSearch(
  objective: Objective,
  x: Float64Array,
  f0: number,
  d: Float64Array,
  dg0: number,
  initialStep: number,
  xOut: Float64Array,
  gOut: Float64Array,
): LineSearchResult {
  const n = x.length;
  const xt = new Float64Array(n);
  const gt = new Float64Array(n);
  let evaluations = 0;
  const probe = (step: number): { f: number; dg: number } => {
    axpy(xt, x, step, d);
    evaluations++;
    const f = objective.evaluate(xt, gt);
    const dg = dot(gt, d);
    return Number.isFinite(f) && Number.isFinite(dg)
      ? { f, dg }
      : { f: Number.POSITIVE_INFINITY, dg: Number.NaN };
  };
  const accept = (step: number, f: number): LineSearchResult => {
    xOut.set(xt);
    gOut.set(gt);
    return { ok: true, step, value: f, evaluations };
  };

  // Best point satisfying sufficient decrease, kept as a fallback when the curvature test cannot be met.
  let bestStep = 0;
  let bestF = f0;
  const bestX = new Float64Array(n);
  const bestG = new Float64Array(n);
  const remember = (step: number, f: number): void => {
    if (f < bestF && f <= f0 + C1 * step * dg0) {
      bestStep = step;
      bestF = f;
      bestX.set(xt);
      bestG.set(gt);
    }
  };
  const fallback = (): LineSearchResult => {
    if (bestStep > 0) {
      xOut.set(bestX);
      gOut.set(bestG);
      return { ok: true, step: bestStep, value: bestF, evaluations };
    }
    return { ok: false, step: 0, value: f0, evaluations };
  };

  const zoom = (
    lo0: number,
    fLo0: number,
    dgLo0: number,
    hi0: number,
    fHi0: number,
    dgHi0: number,
  ): LineSearchResult => {
    let lo = lo0;
    let fLo = fLo0;
    let dgLo = dgLo0;
    let hi = hi0;
    let fHi = fHi0;
    let dgHi = dgHi0;
    while (evaluations < MAX_EVALUATIONS) {
      const width = hi - lo;
      if (Math.abs(width) <= 1e-14 * Math.max(1, Math.abs(lo))) break;
      let step = cubicMinimiser(lo, fLo, dgLo, hi, fHi, dgHi);
      const a = Math.min(lo, hi);
      const b = Math.max(lo, hi);
      const margin = 0.1 * (b - a);
      if (!Number.isFinite(step) || step < a + margin || step > b - margin) step = 0.5 * (lo + hi);
      const { f, dg } = probe(step);
      remember(step, f);
      if (f > f0 + C1 * step * dg0 || f >= fLo) {
        hi = step;
        fHi = f;
        dgHi = dg;
      } else {
        if (Math.abs(dg) <= -C2 * dg0) return accept(step, f);
        if (dg * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          dgHi = dgLo;
        }
        lo = step;
        fLo = f;
        dgLo = dg;
      }
    }
    return fallback();
  };

  let prevStep = 0;
  let prevF = f0;
  let prevDg = dg0;
  let step = initialStep;
  for (let i = 0; evaluations < MAX_EVALUATIONS; i++) {
    const { f, dg } = probe(step);
    remember(step, f);
    if (f > f0 + C1 * step * dg0 || (i > 0 && f >= prevF)) return zoom(prevStep, prevF, prevDg, step, f, dg);
    if (Math.abs(dg) <= -C2 * dg0) return accept(step, f);
    if (dg >= 0) return zoom(step, f, dg, prevStep, prevF, prevDg);
    prevStep = step;
    prevF = f;
    prevDg = dg;
    step *= 2.5;
  }
  return fallback();
}

/** Minimiser of the cubic matching f and f' at both ends (Nocedal & Wright eq. 3.59); NaN when undefined. */
function cubicMinimiser(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  if (!Number.isFinite(fb) || !Number.isFinite(db) || !Number.isFinite(fa) || !Number.isFinite(da))
    return Number.NaN;
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (disc < 0) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}
