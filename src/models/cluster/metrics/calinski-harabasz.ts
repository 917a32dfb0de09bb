import { invalidInput } from '../../../core/errors.js';
import { sqDist } from '../kmeans-kernels.js';
import { clusterCount } from '../labels.js';
import type { Matrix } from '../matrix.js';
import { checkLabels, usedClusters } from './check-labels.js';
import { clusterMeans } from './cluster-means.js';

/**
 * Calinski-Harabasz index (Calinski & Harabasz 1974, "A dendrite method for cluster analysis"): between-cluster
 * over within-cluster dispersion, each divided by its degrees of freedom, [B / (k - 1)] / [W / (n - k)]. Higher
 * is better. 1 when W = 0, as scikit-learn.
 */
export function calinskiHarabasz(x: Matrix, labels: Int32Array): number {
  checkLabels(x, labels, 'Calinski-Harabasz');
  const { n, d, data } = x;
  const { means, sizes } = clusterMeans(x, labels, clusterCount(labels));
  const k = usedClusters(sizes);
  if (k < 2 || k > n - 1) throw invalidInput(`Calinski-Harabasz needs 2 to n - 1 clusters, got ${k}`);
  const overall = clusterMeans(x, new Int32Array(n), 1).means;
  let between = 0;
  for (let c = 0; c < sizes.length; c++) {
    if (sizes[c] === 0) continue;
    between += sizes[c]! * sqDist(means, c * d, overall, 0, d);
  }
  let within = 0;
  for (let i = 0; i < n; i++) within += sqDist(data, i * d, means, labels[i]! * d, d);
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}
