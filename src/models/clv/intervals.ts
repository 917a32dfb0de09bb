import { err, ok, type Result } from '../../core/result.js';
import { createRng } from '../../core/rng.js';
import { cholesky } from '../optim/cholesky.js';
import { type ScoreOptions, scoreCustomers } from './score.js';
import {
  type FittedGammaGamma,
  type FittedPurchaseModel,
  PARAM_NAMES,
  type PurchaseModel,
  type SpendModel,
} from './types.js';

export interface IntervalOptions extends ScoreOptions {
  /** Parameter draws. Default 200. */
  readonly draws?: number;
  /** Central coverage, e.g. 0.9 for 5%–95%. Default 0.9. */
  readonly level?: number;
  /** Seed of the draws: same seed, same intervals. Default 1. */
  readonly seed?: number;
}

export interface Interval {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export interface CustomerIntervals {
  readonly level: number;
  readonly draws: number;
  readonly pAlive: Interval;
  readonly expectedPurchases: Interval;
  /** Null without a spend model. */
  readonly expectedSpend: Interval | null;
  readonly clv: Interval | null;
}

/** Draws log-parameter vectors θ* ~ N(θ̂, Σ) with Σ the inverse Hessian, and maps them back with exp. */
function drawParams(
  names: readonly string[],
  params: object,
  covariance: readonly (readonly number[])[],
  draws: number,
  rng: ReturnType<typeof createRng>,
): Record<string, number>[] {
  const n = names.length;
  const L = cholesky(Float64Array.from(covariance.flat()), n);
  if (L === null) throw new Error('covariance is not positive definite');
  const values = params as Readonly<Record<string, number>>;
  const mean = names.map((name) => Math.log(values[name] as number));
  const z = new Float64Array(n);
  const out: Record<string, number>[] = [];
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    const draw: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      let v = mean[i] as number;
      for (let j = 0; j <= i; j++) v += (L[i * n + j] as number) * (z[j] as number);
      draw[names[i] as string] = Math.exp(v);
    }
    out.push(draw);
  }
  return out;
}

/** Linear-interpolation quantile (type 7) of a sorted array. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Per-customer intervals by parametric bootstrap: parameters are drawn from the asymptotic normal distribution
 * of the log-parameter MLE (covariance = inverse Hessian, as in the fitted model), every customer is rescored
 * under each draw, and the (1−level)/2 and (1+level)/2 quantiles over draws are reported. The spend model's
 * parameters are drawn independently (the two likelihoods are separate). Deterministic for a seed. Cost is
 * draws × scoring, so it is meant for reports, not for scoring a million customers interactively.
 */
export function bootstrapIntervals(
  purchase: FittedPurchaseModel,
  spend: FittedGammaGamma | null,
  customers: Parameters<typeof scoreCustomers>[2],
  options: IntervalOptions,
): Result<CustomerIntervals, string> {
  const draws = options.draws ?? 200;
  const level = options.level ?? 0.9;
  if (!Number.isInteger(draws) || draws < 2)
    return err(`invalid draws: ${draws} (expected a whole number ≥ 2)`);
  if (!(level > 0 && level < 1)) return err(`invalid level: ${level} (expected between 0 and 1)`);
  if (purchase.covariance === null)
    return err(
      `the ${purchase.kind} fit has no covariance (its Hessian is not positive definite), so no intervals`,
    );
  if (spend && spend.covariance === null)
    return err(
      'the gammagamma fit has no covariance (its Hessian is not positive definite), so no intervals',
    );
  const rng = createRng(options.seed ?? 1);
  const purchaseDraws = drawParams(
    PARAM_NAMES[purchase.kind],
    purchase.params,
    purchase.covariance,
    draws,
    rng,
  );
  const spendDraws = spend?.covariance
    ? drawParams(PARAM_NAMES.gammagamma, spend.params, spend.covariance, draws, rng)
    : null;
  const n = customers.x.length;
  const mk = (): Interval => ({ lower: new Float64Array(n), upper: new Float64Array(n) });
  const result = {
    pAlive: mk(),
    expectedPurchases: mk(),
    expectedSpend: spend ? mk() : null,
    clv: spend ? mk() : null,
  };
  const qLo = (1 - level) / 2;
  const qHi = (1 + level) / 2;
  const chunk = Math.max(1, Math.floor(2_000_000 / draws));
  const buffers = [0, 1, 2, 3].map(() => new Float64Array(Math.min(n, chunk) * draws));
  const sorted = new Float64Array(draws);
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    const m = end - start;
    const view = {
      x: customers.x.subarray(start, end),
      tx: customers.tx.subarray(start, end),
      T: customers.T.subarray(start, end),
      ...(customers.monetary ? { monetary: customers.monetary.subarray(start, end) } : {}),
    };
    for (let d = 0; d < draws; d++) {
      const pm = { kind: purchase.kind, params: purchaseDraws[d] } as unknown as PurchaseModel;
      const sm: SpendModel | null = spendDraws
        ? { kind: 'gammagamma', params: spendDraws[d] as unknown as SpendModel['params'] }
        : null;
      const s = scoreCustomers(pm, sm, view, { ...options, nextPurchase: false });
      const cols = [s.pAlive, s.expectedPurchases, s.expectedSpend, s.clv];
      cols.forEach((col, c) => {
        if (!col) return;
        const buf = buffers[c] as Float64Array;
        for (let i = 0; i < m; i++) buf[i * draws + d] = col[i] as number;
      });
    }
    const targets = [result.pAlive, result.expectedPurchases, result.expectedSpend, result.clv];
    targets.forEach((target, c) => {
      if (!target) return;
      const buf = buffers[c] as Float64Array;
      for (let i = 0; i < m; i++) {
        sorted.set(buf.subarray(i * draws, (i + 1) * draws));
        sorted.sort();
        target.lower[start + i] = quantileSorted(sorted, qLo);
        target.upper[start + i] = quantileSorted(sorted, qHi);
      }
    });
  }
  return ok({ level, draws, ...result });
}
