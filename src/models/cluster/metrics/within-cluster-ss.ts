import { sqDist } from '../kmeans-kernels.js';
import { clusterCount } from '../labels.js';
import type { Matrix } from '../matrix.js';
import { checkLabels } from './check-labels.js';
import { clusterMeans } from './cluster-means.js';

/**
 * Within-cluster sum of squares (k-means inertia) around each cluster's own mean: total and per cluster, and
 * the total sum of squares around the overall mean for reference (WCSS / TSS = 1 - R²).
 */
export function withinClusterSS(
  x: Matrix,
  labels: Int32Array,
): { total: number; perCluster: number[]; totalSS: number } {
  checkLabels(x, labels, 'within-cluster SS');
  const k = clusterCount(labels);
  const { means } = clusterMeans(x, labels, k);
  const overall = clusterMeans(x, new Int32Array(x.n), 1).means;
  const perCluster = new Float64Array(k);
  let totalSS = 0;
  for (let i = 0; i < x.n; i++) {
    perCluster[labels[i]!]! += sqDist(x.data, i * x.d, means, labels[i]! * x.d, x.d);
    totalSS += sqDist(x.data, i * x.d, overall, 0, x.d);
  }
  return { total: perCluster.reduce((s, v) => s + v, 0), perCluster: Array.from(perCluster), totalSS };
}
