import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { assertFinite, columnMeans, type Matrix, matrixFromRows, matrixToRows } from './matrix.js';

export interface PcaJson {
  readonly kind: 'pca';
  readonly mean: number[];
  readonly components: number[][];
  readonly explainedVariance: number[];
  readonly totalVariance: number;
}

/** A fitted PCA: `transform` projects rows onto the leading components (e.g. a 2-D customer map). */
export interface PcaModel {
  readonly kind: 'pca';
  readonly mean: readonly number[];
  /** Unit-length principal axes, one per row (c x d). */
  readonly components: Matrix;
  /** Variance along each axis (population covariance eigenvalues). */
  readonly explainedVariance: readonly number[];
  readonly explainedVarianceRatio: readonly number[];
  transform(x: Matrix): Matrix;
  toJSON(): PcaJson;
}

/**
 * Principal components by power iteration with deflation on the d x d covariance matrix (Hotelling 1933):
 * cheap for the few features of a customer table and any number of rows. Each axis is signed so that its
 * largest-magnitude coefficient is positive, for a stable map.
 */
export function fitPca(
  x: Matrix,
  options: { components?: number; maxIter?: number; tol?: number; seed?: number } = {},
): PcaModel {
  const { n, d, data } = x;
  const m = options.components ?? 2;
  const maxIter = options.maxIter ?? 1000;
  const tol = options.tol ?? 1e-12;
  if (!Number.isInteger(m) || m < 1 || m > d)
    throw invalidInput(`PCA: components must be in 1..${d}, got ${m}`);
  if (n < 2) throw invalidInput(`PCA needs at least 2 rows, got ${n}`);
  assertFinite(x, 'PCA input');
  const mean = columnMeans(x);
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = data[i * d + j]! - mean[j]!;
    for (let a = 0; a < d; a++) {
      const ra = row[a]!;
      for (let b = 0; b <= a; b++) cov[a * d + b]! += ra * row[b]!;
    }
  }
  let totalVariance = 0;
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const v = cov[a * d + b]! / n;
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
    totalVariance += cov[a * d + a]!;
  }
  const rng = createRng(options.seed ?? 0);
  const components: number[][] = [];
  const eigenvalues: number[] = [];
  const v = new Float64Array(d);
  const w = new Float64Array(d);
  for (let c = 0; c < m; c++) {
    for (let j = 0; j < d; j++) v[j] = rng.normal();
    normalise(v);
    let lambda = 0;
    for (let it = 0; it < maxIter; it++) {
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let b = 0; b < d; b++) s += cov[a * d + b]! * v[b]!;
        w[a] = s;
      }
      // Keep orthogonal to the axes already found (guards against round-off creeping back in).
      for (const u of components) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += w[j]! * u[j]!;
        for (let j = 0; j < d; j++) w[j]! -= dot * u[j]!;
      }
      const norm = normalise(w);
      let change = 0;
      for (let j = 0; j < d; j++) change = Math.max(change, Math.abs(w[j]! - v[j]!));
      v.set(w);
      lambda = norm;
      if (norm === 0 || change < tol) break;
    }
    let arg = 0;
    for (let j = 1; j < d; j++) if (Math.abs(v[j]!) > Math.abs(v[arg]!)) arg = j;
    const sign = v[arg]! < 0 ? -1 : 1;
    components.push(Array.from(v, (e) => e * sign));
    eigenvalues.push(lambda);
    // Deflate: remove this axis from the covariance.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b]! -= lambda * v[a]! * v[b]!;
  }
  return pcaFromJson({
    kind: 'pca',
    mean: Array.from(mean),
    components,
    explainedVariance: eigenvalues,
    totalVariance,
  });
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  const norm = Math.sqrt(s);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j]! /= norm;
  return norm;
}

export function pcaFromJson(json: PcaJson): PcaModel {
  const mean = Object.freeze([...json.mean]);
  const components = matrixFromRows(json.components);
  const explainedVariance = Object.freeze([...json.explainedVariance]);
  const { totalVariance } = json;
  const d = mean.length;
  const m = components.n;
  return Object.freeze({
    kind: 'pca' as const,
    mean,
    components,
    explainedVariance,
    explainedVarianceRatio: Object.freeze(
      explainedVariance.map((v) => (totalVariance > 0 ? v / totalVariance : 0)),
    ),
    transform(x: Matrix): Matrix {
      if (x.d !== d) throw invalidInput(`PCA was fitted on ${d} columns, got ${x.d}`);
      const out = new Float64Array(x.n * m);
      for (let i = 0; i < x.n; i++) {
        for (let c = 0; c < m; c++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += (x.data[i * d + j]! - mean[j]!) * components.data[c * d + j]!;
          out[i * m + c] = s;
        }
      }
      return { n: x.n, d: m, data: out };
    },
    toJSON: (): PcaJson => ({
      kind: 'pca',
      mean: [...mean],
      components: matrixToRows(components),
      explainedVariance: [...explainedVariance],
      totalVariance,
    }),
  });
}
