import { type CovarianceType, fitGaussianMixture } from './gaussian-mixture.js';
import { fitKMeans } from './kmeans.js';
import { clusterSizes } from './labels.js';
import type { Matrix } from './matrix.js';

export type ClusterModelKind = 'kmeans' | `gmm-${CovarianceType}`;

export interface ModelComparisonRow {
  readonly model: ClusterModelKind;
  readonly k: number;
  readonly logLikelihood: number;
  readonly parameters: number;
  readonly bic: number;
}

export interface ModelComparison {
  readonly table: readonly ModelComparisonRow[];
  readonly best: ModelComparisonRow;
  readonly explanation: string;
}

/**
 * BIC of a k-means solution read as a mixture of spherical Gaussians with one shared variance and hard
 * assignments (Pelleg & Moore 2000, "X-means"), so k-means and Gaussian mixtures can be compared on one scale.
 * Variance is the maximum-likelihood WCSS / (n d).
 */
export function kmeansBic(
  n: number,
  d: number,
  k: number,
  inertia: number,
  sizes: Int32Array,
): {
  logLikelihood: number;
  parameters: number;
  bic: number;
} {
  const variance = Math.max(inertia / (n * d), Number.MIN_VALUE);
  let logLikelihood = -0.5 * n * d * (Math.log(2 * Math.PI * variance) + 1);
  for (let c = 0; c < sizes.length; c++) {
    const m = sizes[c]!;
    if (m > 0) logLikelihood += m * Math.log(m / n);
  }
  const parameters = k - 1 + k * d + 1;
  return { logLikelihood, parameters, bic: -2 * logLikelihood + parameters * Math.log(n) };
}

/**
 * Fit k-means and diagonal and full Gaussian mixtures for each k and compare them by BIC (lower is better):
 * a mixture wins where clusters differ in spread or are elongated, which k-means' equal round clusters miss.
 */
export function compareClusterModels(
  x: Matrix,
  options: { ks: readonly number[]; covariances?: readonly CovarianceType[]; seed?: number },
): ModelComparison {
  const seed = options.seed ?? 0;
  const covariances = options.covariances ?? ['diag', 'full'];
  const table: ModelComparisonRow[] = [];
  for (const k of options.ks) {
    const km = fitKMeans(x, { k, seed });
    table.push({ model: 'kmeans', k, ...kmeansBic(x.n, x.d, k, km.inertia, clusterSizes(km.labels, k)) });
    for (const covariance of covariances) {
      const g = fitGaussianMixture(x, { k, covariance, seed });
      table.push({
        model: `gmm-${covariance}`,
        k,
        logLikelihood: g.logLikelihood,
        parameters: g.parameters,
        bic: g.bic,
      });
    }
  }
  const best = table.reduce((a, b) => (b.bic < a.bic ? b : a));
  const bestKMeans = table.filter((r) => r.model === 'kmeans').reduce((a, b) => (b.bic < a.bic ? b : a));
  const explanation =
    best.model === 'kmeans'
      ? `k-means with k = ${best.k} has the lowest BIC (${best.bic.toFixed(1)}): round clusters of similar spread describe the data as well as the more flexible mixtures, with fewer parameters.`
      : `A Gaussian mixture (${best.model.slice(4)} covariances, k = ${best.k}) has the lowest BIC (${best.bic.toFixed(1)}, against ${bestKMeans.bic.toFixed(1)} for the best k-means, k = ${bestKMeans.k}): the clusters differ in spread or shape, which k-means cannot represent.`;
  return { table, best, explanation };
}
