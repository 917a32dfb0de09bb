import { createRng } from '../../core/rng.js';
import {
  cholesky,
  hessianFromGradient,
  inverseFromCholesky,
  minimiseMultiStart,
  type Objective,
} from '../optim/index.js';
import type { FitDiagnostics, FitFailureReason, FitOptions } from './types.js';

/** Σ weight·ln L as a function of log-parameters θ, with its gradient ∂/∂θ written into `grad` when given. */
export interface LogLikelihood {
  readonly dimension: number;
  evaluate(theta: Float64Array, grad: Float64Array | null): number;
}

export interface MleProblem {
  readonly names: readonly string[];
  readonly logLikelihood: LogLikelihood;
  /** Σ weights: the objective is the per-customer mean, so tolerances do not depend on the sample size. */
  readonly totalWeight: number;
  /** Data-driven starting log-parameters. */
  readonly initial: Float64Array;
}

export type MleOutcome =
  | {
      readonly ok: true;
      readonly params: Float64Array;
      readonly logLikelihood: number;
      readonly standardErrors: Float64Array | null;
      readonly covariance: number[][] | null;
      readonly diagnostics: FitDiagnostics;
    }
  | {
      readonly ok: false;
      readonly reason: FitFailureReason;
      readonly message: string;
      readonly diagnostics: FitDiagnostics | null;
      readonly lastParams: Readonly<Record<string, number>> | null;
    };

/** |ln θ| beyond this is outside the search box (the objective is +∞ there, keeping exp() finite). */
const LOG_BOX = 30;
/** An optimum with |ln θ| beyond this (θ outside [3.1e-7, 3.3e6]) lies on the boundary: a degenerate fit. */
const LOG_DEGENERATE = 15;
/** BFGS aims for ‖∇‖∞ ≤ 1e-9 on the per-customer scale; ≤ 1e-6 is accepted as converged. */
const GRADIENT_TARGET = 1e-9;
const GRADIENT_ACCEPT = 1e-6;

/**
 * Maximum likelihood on log-parameters: minimises −LL/N + c·Σθ² (θ natural-scale, c the penalizer) from several
 * starts, then takes standard errors from the finite-difference Hessian of N times that objective. Expected
 * failures come back as values with a reason; nothing here throws on bad numbers.
 */
export function maximiseLikelihood(problem: MleProblem, options: FitOptions = {}): MleOutcome {
  const { names, logLikelihood: ll, totalWeight: W } = problem;
  const n = ll.dimension;
  const c = options.penalizer ?? 0;
  const objective: Objective = {
    dimension: n,
    evaluate(theta, grad) {
      for (let i = 0; i < n; i++)
        if (!(Math.abs(theta[i] as number) <= LOG_BOX)) return Number.POSITIVE_INFINITY;
      const v = ll.evaluate(theta, grad);
      if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
      let f = -v / W;
      for (let i = 0; i < n; i++) {
        const p2 = Math.exp(2 * (theta[i] as number));
        f += c * p2;
        if (grad) grad[i] = -(grad[i] as number) / W + 2 * c * p2;
      }
      return f;
    },
  };
  const startCount = Math.max(1, Math.floor(options.starts ?? 3));
  const rng = createRng(options.seed ?? 1);
  const starts: Float64Array[] = [Float64Array.from(problem.initial)];
  for (let k = 1; k < startCount; k++) {
    starts.push(problem.initial.map((v) => v + rng.normal()));
  }
  const run = minimiseMultiStart(objective, starts, {
    maxIterations: options.maxIterations ?? 500,
    gradientTolerance: GRADIENT_TARGET,
    acceptGradient: GRADIENT_ACCEPT,
  });
  const best = run.best;
  const theta = best.x;
  const named = (): Record<string, number> =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(theta[i] as number)]));
  const converged = Number.isFinite(best.value) && best.gradientNorm <= GRADIENT_ACCEPT;
  const baseDiagnostics = {
    converged,
    stop: best.stop,
    iterations: run.iterations,
    evaluations: run.evaluations,
    gradientNorm: best.gradientNorm,
    starts: run.starts,
    startsConverged: run.startsConverged,
    startsAgreeing: run.startsAgreeing,
    usedFallback: run.usedFallback,
  };
  if (!Number.isFinite(best.value)) {
    return {
      ok: false,
      reason: 'non_finite',
      message: 'the log-likelihood is not finite at any starting point',
      diagnostics: { ...baseDiagnostics, hessianPositiveDefinite: false },
      lastParams: null,
    };
  }
  const outside = names.filter((_, i) => Math.abs(theta[i] as number) > LOG_DEGENERATE);
  if (outside.length > 0) {
    return {
      ok: false,
      reason: 'degenerate',
      message: `the likelihood is maximised on the boundary (${outside
        .map((name) => `${name} = ${Math.exp(theta[names.indexOf(name)] as number).toPrecision(3)}`)
        .join(', ')}): the data cannot identify the model; add customers or a penalizer`,
      diagnostics: { ...baseDiagnostics, hessianPositiveDefinite: false },
      lastParams: named(),
    };
  }
  if (!converged) {
    return {
      ok: false,
      reason: 'not_converged',
      message: `the optimiser stopped (${best.stop}) with gradient norm ${best.gradientNorm.toExponential(2)} > ${GRADIENT_ACCEPT}`,
      diagnostics: { ...baseDiagnostics, hessianPositiveDefinite: false },
      lastParams: named(),
    };
  }
  const H = hessianFromGradient(objective, theta, 1e-4);
  for (let i = 0; i < H.length; i++) H[i] = (H[i] as number) * W;
  const L = cholesky(H, n);
  let covariance: number[][] | null = null;
  let standardErrors: Float64Array | null = null;
  if (L !== null) {
    const inv = inverseFromCholesky(L, n);
    covariance = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => inv[i * n + j] as number),
    );
    standardErrors = theta.map((t, i) => Math.exp(t) * Math.sqrt(inv[i * n + i] as number));
  }
  return {
    ok: true,
    params: theta.map(Math.exp),
    logLikelihood: ll.evaluate(theta, null),
    standardErrors,
    covariance,
    diagnostics: { ...baseDiagnostics, hessianPositiveDefinite: L !== null },
  };
}
