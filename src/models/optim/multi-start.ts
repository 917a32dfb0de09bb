import { bfgs } from './bfgs.js';
import { nelderMead } from './nelder-mead.js';
import type { LocalOptions, LocalResult, Objective } from './types.js';

export interface MultiStartResult {
  /** The lowest finite value over all starts (the first start when none is finite). */
  readonly best: LocalResult;
  readonly starts: number;
  readonly startsConverged: number;
  /** Starts whose optimum is within `agreementTolerance` of the best value: evidence of a global optimum. */
  readonly startsAgreeing: number;
  /** Total iterations and objective evaluations over all starts. */
  readonly iterations: number;
  readonly evaluations: number;
  /** True when any start needed the Nelder–Mead fallback. */
  readonly usedFallback: boolean;
}

export interface MultiStartOptions extends LocalOptions {
  readonly agreementTolerance?: number;
}

/**
 * Minimises from several start points: BFGS from each; a run that does not converge is restarted with
 * Nelder–Mead from its end point and polished by BFGS. Returns the best run and how many runs agree with it.
 */
export function minimiseMultiStart(
  objective: Objective,
  starts: readonly Float64Array[],
  options: MultiStartOptions = {},
): MultiStartResult {
  const runs: LocalResult[] = [];
  let iterations = 0;
  let evaluations = 0;
  let usedFallback = false;
  const accept = options.acceptGradient ?? options.gradientTolerance ?? 1e-8;
  const done = (r: LocalResult): boolean => r.converged || r.gradientNorm <= accept;
  for (const x0 of starts) {
    let run = bfgs(objective, x0, options);
    iterations += run.iterations;
    evaluations += run.evaluations;
    if (!done(run)) {
      usedFallback = true;
      const from = run.stop === 'non-finite' ? x0 : run.x;
      const nm = nelderMead(objective, from, { maxIterations: options.maxIterations ?? 1000 });
      iterations += nm.iterations;
      evaluations += nm.evaluations;
      if (Number.isFinite(nm.value)) {
        const polished = bfgs(objective, nm.x, options);
        iterations += polished.iterations;
        evaluations += polished.evaluations;
        if (done(polished) || !(run.value <= polished.value)) run = polished;
      }
    }
    runs.push(run);
  }
  let best = runs[0] as LocalResult;
  for (const r of runs) {
    if (Number.isFinite(r.value) && (!Number.isFinite(best.value) || r.value < best.value)) best = r;
  }
  const tol = options.agreementTolerance ?? 1e-7;
  const agree = (r: LocalResult): boolean =>
    Number.isFinite(r.value) && Math.abs(r.value - best.value) <= tol * Math.max(1, Math.abs(best.value));
  return {
    best,
    starts: starts.length,
    startsConverged: runs.filter(done).length,
    startsAgreeing: runs.filter(agree).length,
    iterations,
    evaluations,
    usedFallback,
  };
}
