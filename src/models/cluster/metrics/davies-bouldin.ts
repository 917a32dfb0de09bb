import { invalidInput } from '../../../core/errors.js';
import { sqDist } from '../kmeans-kernels.js';
import { clusterCount } from '../labels.js';
import type { Matrix } from '../matrix.js';
import { checkLabels, usedClusters } from './check-labels.js';
import { clusterMeans } from './cluster-means.js';

/**
 * Davies-Bouldin index (Davies & Bouldin 1979, "A cluster separation measure"): the mean over clusters of the
 * worst ratio (S_i + S_j) / M_ij, S = mean distance of members to their centroid, M = distance between
 * centroids. Lower is better; 0 is the floor. Computed as scikit-learn (coinciding centroids count as infinitely
 * far apart).
 */
export function daviesBouldin(x: Matrix, labels: Int32Array): number {
  checkLabels(x, labels, 'Davies-Bouldin');
  const { n, d, data } = x;
  const kAll = clusterCount(labels);
  const { means, sizes } = clusterMeans(x, labels, kAll);
  const k = usedClusters(sizes);
  if (k < 2 || k > n - 1) throw invalidInput(`Davies-Bouldin needs 2 to n - 1 clusters, got ${k}`);
  const spread = new Float64Array(kAll);
  for (let i = 0; i < n; i++) spread[labels[i]!]! += Math.sqrt(sqDist(data, i * d, means, labels[i]! * d, d));
  const used: number[] = [];
  for (let c = 0; c < kAll; c++) {
    if (sizes[c]! > 0) {
      spread[c]! /= sizes[c]!;
      used.push(c);
    }
  }
  let allSpreadZero = true;
  let allCentresClose = true;
  for (const c of used) if (spread[c]! > 1e-8) allSpreadZero = false;
  let total = 0;
  for (const a of used) {
    let worst = 0;
    for (const b of used) {
      if (a === b) continue;
      const m = Math.sqrt(sqDist(means, a * d, means, b * d, d));
      if (m > 1e-8) allCentresClose = false;
      const r = m === 0 ? 0 : (spread[a]! + spread[b]!) / m;
      if (r > worst) worst = r;
    }
    total += worst;
  }
  return allSpreadZero || allCentresClose ? 0 : total / used.length;
}
