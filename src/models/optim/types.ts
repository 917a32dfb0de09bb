/**
 * A smooth objective over R^n. `evaluate` returns f(x) and, when `gradient` is given, writes ∇f(x) into it.
 * Fusing value and gradient lets a likelihood share its per-row work between both. A non-finite value means
 * "outside the domain": the minimisers treat it as +∞ and step back.
 */
export interface Objective {
  readonly dimension: number;
  evaluate(x: Float64Array, gradient: Float64Array | null): number;
}

/** Why a local run stopped. */
export type StopReason =
  | 'gradient' // ‖∇f‖∞ below the tolerance: converged
  | 'function-change' // f stalled for several iterations
  | 'simplex' // Nelder–Mead simplex collapsed
  | 'max-iterations'
  | 'line-search-failed'
  | 'non-finite'; // f or ∇f not finite at the start point

export interface LocalResult {
  readonly x: Float64Array;
  readonly value: number;
  /** ∇f at x, or NaN entries when the method does not use gradients. */
  readonly gradient: Float64Array;
  readonly gradientNorm: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly stop: StopReason;
}

export interface LocalOptions {
  readonly maxIterations?: number;
  /** Converged when ‖∇f‖∞ ≤ this. */
  readonly gradientTolerance?: number;
  /**
   * A run that cannot improve f any further in floating point (the line search fails) counts as converged when
   * ‖∇f‖∞ ≤ this. Defaults to the gradient tolerance.
   */
  readonly acceptGradient?: number;
  /** Stall test: |Δf| ≤ this × max(1, |f|) for three iterations in a row. */
  readonly functionTolerance?: number;
  /** Called after every accepted step (for verbose diagnostics). */
  readonly onIteration?: (info: IterationInfo) => void;
}

export interface IterationInfo {
  readonly iteration: number;
  readonly value: number;
  readonly gradientNorm: number;
  readonly evaluations: number;
  readonly step: number;
}
