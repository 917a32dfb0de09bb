import { invalidInput } from '../../core/errors.js';
import { fitKMeans } from './kmeans.js';
import { assertFinite, type Matrix, matrixFromRows, matrixToRows } from './matrix.js';

export type CovarianceType = 'diag' | 'full';

export interface GaussianMixtureOptions {
  readonly k: number;
  /** Default 'full'. */
  readonly covariance?: CovarianceType;
  /** Added to every variance, for numerical stability (scikit-learn's reg_covar). Default 1e-6. */
  readonly regularization?: number;
  /** Stop when the mean log-likelihood per row improves by less than this. Default 1e-3 (as scikit-learn). */
  readonly tol?: number;
  readonly maxIter?: number;
  /** Seed of the k-means initialisation. */
  readonly seed?: number;
}

export interface GaussianMixtureJson {
  readonly kind: 'gmm';
  readonly covariance: CovarianceType;
  readonly weights: number[];
  readonly means: number[][];
  /** diag: k rows of d variances; full: k rows of d x d (row-major). */
  readonly covariances: number[][];
  readonly logLikelihood: number;
  readonly n: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** A fitted Gaussian mixture; `predict` gives the most probable component, `predictProba` all (n x k). */
export interface GaussianMixtureModel {
  readonly kind: 'gmm';
  readonly k: number;
  readonly covariance: CovarianceType;
  readonly weights: readonly number[];
  readonly means: Matrix;
  readonly covariances: readonly (readonly number[])[];
  /** Total log-likelihood of the training rows. */
  readonly logLikelihood: number;
  /** Free parameters (weights, means, covariances). */
  readonly parameters: number;
  /** Bayesian information criterion, -2 LL + parameters x ln n (Schwarz 1978): lower is better. */
  readonly bic: number;
  readonly aic: number;
  readonly iterations: number;
  readonly converged: boolean;
  predict(x: Matrix): Int32Array;
  predictProba(x: Matrix): Matrix;
  toJSON(): GaussianMixtureJson;
}

export interface GaussianMixtureFit extends GaussianMixtureModel {
  readonly labels: Int32Array;
}

/**
 * Gaussian mixture fitted by EM (Dempster, Laird & Rubin 1977), initialised from k-means labels as
 * scikit-learn does; diagonal or full covariances. Soft clusters of different shapes, with BIC for comparing
 * against k-means (see `compareClusterModels`).
 */
export function fitGaussianMixture(x: Matrix, options: GaussianMixtureOptions): GaussianMixtureFit {
  const { k } = options;
  const { n, d, data } = x;
  const covariance = options.covariance ?? 'full';
  const reg = options.regularization ?? 1e-6;
  const tol = options.tol ?? 1e-3;
  const maxIter = options.maxIter ?? 100;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw invalidInput(`Gaussian mixture: k = ${k} is not in 1..${n}`);
  assertFinite(x, 'Gaussian mixture input');
  const init = fitKMeans(x, { k, nInit: 1, seed: options.seed ?? 0 });
  const resp = new Float64Array(n * k);
  for (let i = 0; i < n; i++) resp[i * k + init.labels[i]!] = 1;

  let params = mStep(x, resp, k, covariance, reg);
  let previous = Number.NEGATIVE_INFINITY;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    logLikelihood = eStep(data, n, d, params, resp);
    params = mStep(x, resp, k, covariance, reg);
    if (Math.abs(logLikelihood / n - previous / n) < tol) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  // Final E-step so labels and likelihood match the returned parameters.
  logLikelihood = eStep(data, n, d, params, resp);
  const labels = argmaxRows(resp, n, k);
  const model = gmmModel(params, covariance, logLikelihood, n, iterations, converged);
  return Object.freeze({ ...model, labels });
}

export function gaussianMixtureFromJson(json: GaussianMixtureJson): GaussianMixtureModel {
  const params = prepare(
    Float64Array.from(json.weights),
    matrixFromRows(json.means).data,
    json.covariances.map((c) => Float64Array.from(c)),
    json.covariance,
    json.means[0]?.length ?? 0,
  );
  return gmmModel(params, json.covariance, json.logLikelihood, json.n, json.iterations, json.converged);
}

interface Params {
  readonly k: number;
  readonly d: number;
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly covariances: Float64Array[];
  /** diag: 1 / variance; full: lower Cholesky factor L of each covariance (row-major d x d). */
  readonly factors: Float64Array[];
  /** log |Σ| per component. */
  readonly logDets: Float64Array;
  readonly covariance: CovarianceType;
}

function mStep(x: Matrix, resp: Float64Array, k: number, covariance: CovarianceType, reg: number): Params {
  const { n, d, data } = x;
  const nk = new Float64Array(k);
  const means = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c]!;
      if (r === 0) continue;
      nk[c]! += r;
      for (let j = 0; j < d; j++) means[c * d + j]! += r * data[i * d + j]!;
    }
  }
  for (let c = 0; c < k; c++) {
    // Guard against an emptied component (scikit-learn adds 10 eps to nk).
    nk[c]! += 10 * Number.EPSILON;
    for (let j = 0; j < d; j++) means[c * d + j]! /= nk[c]!;
  }
  const width = covariance === 'diag' ? d : d * d;
  const covariances = Array.from({ length: k }, () => new Float64Array(width));
  const diff = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const r = resp[i * k + c]!;
      if (r === 0) continue;
      const cov = covariances[c]!;
      for (let j = 0; j < d; j++) diff[j] = data[i * d + j]! - means[c * d + j]!;
      if (covariance === 'diag') for (let j = 0; j < d; j++) cov[j]! += r * diff[j]! * diff[j]!;
      else {
        for (let a = 0; a < d; a++) {
          const ra = r * diff[a]!;
          for (let b = 0; b <= a; b++) cov[a * d + b]! += ra * diff[b]!;
        }
      }
    }
  }
  for (let c = 0; c < k; c++) {
    const cov = covariances[c]!;
    if (covariance === 'diag') for (let j = 0; j < d; j++) cov[j] = cov[j]! / nk[c]! + reg;
    else {
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          const v = cov[a * d + b]! / nk[c]! + (a === b ? reg : 0);
          cov[a * d + b] = v;
          cov[b * d + a] = v;
        }
      }
    }
  }
  const weights = Float64Array.from(nk, (v) => v / n);
  return prepare(weights, means, covariances, covariance, d);
}

function prepare(
  weights: Float64Array,
  means: Float64Array,
  covariances: Float64Array[],
  covariance: CovarianceType,
  d: number,
): Params {
  const k = weights.length;
  const logDets = new Float64Array(k);
  const factors = covariances.map((cov, c) => {
    if (covariance === 'diag') {
      let logDet = 0;
      const inv = new Float64Array(d);
      for (let j = 0; j < d; j++) {
        logDet += Math.log(cov[j]!);
        inv[j] = 1 / cov[j]!;
      }
      logDets[c] = logDet;
      return inv;
    }
    const l = cholesky(cov, d, c);
    let logDet = 0;
    for (let j = 0; j < d; j++) logDet += 2 * Math.log(l[j * d + j]!);
    logDets[c] = logDet;
    return l;
  });
  return { k, d, weights, means, covariances, factors, logDets, covariance };
}

function cholesky(a: Float64Array, d: number, component: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let m = 0; m < j; m++) s -= l[i * d + m]! * l[j * d + m]!;
      if (i === j) {
        if (!(s > 0)) {
          throw invalidInput(
            `Gaussian mixture: covariance of component ${component} is not positive definite`,
            'use covariance "diag", fewer components, or a larger regularization',
          );
        }
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j]!;
    }
  }
  return l;
}

/** Weighted log densities into `out[i * k + c]`, normalised to responsibilities; returns the total log-likelihood. */
function eStep(data: Float64Array, n: number, d: number, p: Params, out: Float64Array): number {
  const { k } = p;
  const logWeights = Float64Array.from(p.weights, Math.log);
  const diff = new Float64Array(d);
  const y = new Float64Array(d);
  const log2pi = d * Math.log(2 * Math.PI);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const f = p.factors[c]!;
      for (let j = 0; j < d; j++) diff[j] = data[i * d + j]! - p.means[c * d + j]!;
      let maha = 0;
      if (p.covariance === 'diag') for (let j = 0; j < d; j++) maha += diff[j]! * diff[j]! * f[j]!;
      else {
        // Solve L y = diff; |y|² is the Mahalanobis distance.
        for (let a = 0; a < d; a++) {
          let s = diff[a]!;
          for (let b = 0; b < a; b++) s -= f[a * d + b]! * y[b]!;
          y[a] = s / f[a * d + a]!;
          maha += y[a]! * y[a]!;
        }
      }
      const v = logWeights[c]! - 0.5 * (log2pi + p.logDets[c]! + maha);
      out[i * k + c] = v;
      if (v > max) max = v;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(out[i * k + c]! - max);
    const logSum = max + Math.log(sum);
    total += logSum;
    for (let c = 0; c < k; c++) out[i * k + c] = Math.exp(out[i * k + c]! - logSum);
  }
  return total;
}

function argmaxRows(resp: Float64Array, n: number, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (resp[i * k + c]! > resp[i * k + best]!) best = c;
    labels[i] = best;
  }
  return labels;
}

/** Free parameters of a k-component mixture in d dimensions. */
export function mixtureParameters(k: number, d: number, covariance: CovarianceType): number {
  const cov = covariance === 'diag' ? k * d : (k * d * (d + 1)) / 2;
  return k - 1 + k * d + cov;
}

function gmmModel(
  p: Params,
  covariance: CovarianceType,
  logLikelihood: number,
  n: number,
  iterations: number,
  converged: boolean,
): GaussianMixtureModel {
  const { k, d } = p;
  const parameters = mixtureParameters(k, d, covariance);
  const means = { n: k, d, data: p.means };
  const covariances = Object.freeze(p.covariances.map((c) => Object.freeze(Array.from(c))));
  const weights = Object.freeze(Array.from(p.weights));
  const proba = (x: Matrix): Matrix => {
    if (x.d !== d) throw invalidInput(`Gaussian mixture has ${d} features, data has ${x.d}`);
    const out = new Float64Array(x.n * k);
    eStep(x.data, x.n, d, p, out);
    return { n: x.n, d: k, data: out };
  };
  return Object.freeze({
    kind: 'gmm' as const,
    k,
    covariance,
    weights,
    means,
    covariances,
    logLikelihood,
    parameters,
    bic: -2 * logLikelihood + parameters * Math.log(n),
    aic: -2 * logLikelihood + 2 * parameters,
    iterations,
    converged,
    predict: (x: Matrix) => argmaxRows(proba(x).data, x.n, k),
    predictProba: proba,
    toJSON: (): GaussianMixtureJson => ({
      kind: 'gmm',
      covariance,
      weights: [...weights],
      means: matrixToRows(means),
      covariances: covariances.map((c) => [...c]),
      logLikelihood,
      n,
      iterations,
      converged,
    }),
  });
}
