/** Shared types of the buy-till-you-die (BTYD) model layer. Time is in whatever unit the summary uses. */

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}
/** MBG/NBD has the BG/NBD parameters with a different dropout timing (Batislam et al. 2007). */
export type MbgNbdParams = BgNbdParams;
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

export type PurchaseModelKind = 'bgnbd' | 'mbgnbd' | 'paretonbd';
export type ModelKind = PurchaseModelKind | 'gammagamma';

/** A fully specified purchase model: what every prediction needs (a fitted model is one, so are published params). */
export type PurchaseModel =
  | { readonly kind: 'bgnbd'; readonly params: BgNbdParams }
  | { readonly kind: 'mbgnbd'; readonly params: MbgNbdParams }
  | { readonly kind: 'paretonbd'; readonly params: ParetoNbdParams };
export interface SpendModel {
  readonly kind: 'gammagamma';
  readonly params: GammaGammaParams;
}

/** Parameter names in the order used for vectors, covariances and JSON. */
export const PARAM_NAMES = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  mbgnbd: ['r', 'alpha', 'a', 'b'],
  paretonbd: ['r', 'alpha', 's', 'beta'],
  gammagamma: ['p', 'q', 'gamma'],
} as const satisfies Record<ModelKind, readonly string[]>;

/** Per-customer calibration statistics, columnar: x repeat purchases, t_x time of the last, T age. */
export interface RfmColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}

/** How the optimiser did; reported for successful and failed fits alike. */
export interface FitDiagnostics {
  readonly converged: boolean;
  /** Why the best run stopped (see optim StopReason). */
  readonly stop: string;
  /** Total iterations and objective evaluations over all starts. */
  readonly iterations: number;
  readonly evaluations: number;
  /** ‖∇‖∞ of the per-customer mean negative log-likelihood (plus penalty) w.r.t. log-parameters at the optimum. */
  readonly gradientNorm: number;
  readonly starts: number;
  readonly startsConverged: number;
  /** Starts that reached the best optimum (relative tolerance 1e-7): more than one suggests a global optimum. */
  readonly startsAgreeing: number;
  /** Whether Nelder–Mead was needed after BFGS stalled on some start. */
  readonly usedFallback: boolean;
  /** Whether the Hessian at the optimum is positive definite (else no standard errors). */
  readonly hessianPositiveDefinite: boolean;
}

export type FitFailureReason =
  | 'insufficient_data' // fewer than two distinct observations: the MLE is a point mass on the boundary
  | 'no_repeat_purchases' // nobody bought twice: the purchase rate is not identified
  | 'not_converged' // the optimiser stopped without meeting the gradient tolerance
  | 'degenerate' // the optimum lies on the boundary of the parameter space (a parameter → 0 or ∞)
  | 'non_finite'; // the likelihood is not finite at any start

export type FitResult<M> =
  | { readonly ok: true; readonly model: M }
  | {
      readonly ok: false;
      readonly reason: FitFailureReason;
      readonly message: string;
      /** Null when the fit failed before optimising. */
      readonly diagnostics: FitDiagnostics | null;
      /** The best parameters reached, when the optimiser ran (for inspection, not for prediction). */
      readonly lastParams: Readonly<Record<string, number>> | null;
    };

export interface FitOptions {
  /** L2 penalty c·Σθ² on the natural-scale parameters, added to the per-customer mean −LL (as lifetimes). */
  readonly penalizer?: number;
  /** Number of optimiser starts (the first is data-driven, the rest seeded perturbations of it). Default 3. */
  readonly starts?: number;
  /** Seed of the start perturbations. Default 1. */
  readonly seed?: number;
  /** Per-start BFGS iteration limit. Default 500. */
  readonly maxIterations?: number;
}

interface FittedBase<K extends ModelKind, P> {
  readonly kind: K;
  readonly params: P;
  /** Σ weight·ln L at the estimate, without the penalty. */
  readonly logLikelihood: number;
  /** Natural-scale standard errors by the delta method; null when the Hessian is not positive definite. */
  readonly standardErrors: P | null;
  /** Covariance of the log-parameters (inverse Hessian of −LL), in PARAM_NAMES order; null as above. */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Customers the likelihood covers (Σ weights). */
  readonly nObs: number;
  /** Distinct rows the likelihood was evaluated on. */
  readonly nRows: number;
  readonly penalizer: number;
  readonly diagnostics: FitDiagnostics;
}

export type FittedBgNbd = FittedBase<'bgnbd', BgNbdParams>;
export type FittedMbgNbd = FittedBase<'mbgnbd', MbgNbdParams>;
export type FittedParetoNbd = FittedBase<'paretonbd', ParetoNbdParams>;
export interface FittedGammaGamma extends FittedBase<'gammagamma', GammaGammaParams> {
  /** Customers left out of the spend model, by reason. */
  readonly excluded: SpendExclusions;
}
export type FittedPurchaseModel = FittedBgNbd | FittedMbgNbd | FittedParetoNbd;
export type FittedModel = FittedPurchaseModel | FittedGammaGamma;

export interface SpendExclusions {
  /** x = 0: no repeat purchase, so no mean repeat spend. */
  readonly noRepeat: number;
  /** monetary ≤ 0 (refunds, free orders): outside the gamma support. */
  readonly nonPositiveSpend: number;
}
