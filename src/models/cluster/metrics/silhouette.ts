import { invalidInput } from '../../../core/errors.js';
import { createRng } from '../../../core/rng.js';
import { sqDist } from '../kmeans-kernels.js';
import { clusterCount, clusterSizes } from '../labels.js';
import { type Matrix, takeRows } from '../matrix.js';
import { sampleWithoutReplacement } from '../sample.js';
import { checkLabels, usedClusters } from './check-labels.js';

/**
 * Silhouette of every row (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and validation
 * of cluster analysis"), Euclidean: s = (b - a) / max(a, b), a = mean distance to the other members of its
 * cluster, b = smallest mean distance to the members of another cluster; 0 for a row alone in its cluster (as
 * scikit-learn). Exact, O(n² d) time and O(n k) memory.
 */
export function silhouetteSamples(x: Matrix, labels: Int32Array): Float64Array {
  checkLabels(x, labels, 'silhouette');
  const { n, d, data } = x;
  const k = clusterCount(labels);
  const sizes = clusterSizes(labels, k);
  const used = usedClusters(sizes);
  if (used < 2 || used > n - 1) {
    throw invalidInput(`silhouette needs 2 to n - 1 clusters, got ${used} clusters for ${n} rows`);
  }
  // sums[i * k + c] = total distance from row i to the rows of cluster c; each pair is measured once.
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const li = labels[i]!;
    const ri = i * k;
    let own = 0;
    for (let j = i + 1; j < n; j++) {
      const dist = Math.sqrt(sqDist(data, o, data, j * d, d));
      const lj = labels[j]!;
      if (lj === li) own += dist;
      else sums[ri + lj]! += dist;
      sums[j * k + li]! += dist;
    }
    sums[ri + li]! += own;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = labels[i]!;
    const size = sizes[li]!;
    if (size <= 1) continue;
    const a = sums[i * k + li]! / (size - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === li || sizes[c] === 0) continue;
      const m = sums[i * k + c]! / sizes[c]!;
      if (m < b) b = m;
    }
    const denom = Math.max(a, b);
    out[i] = denom > 0 ? (b - a) / denom : 0;
  }
  return out;
}

export interface SilhouetteOptions {
  /** Score a seeded random sample of this many rows (as scikit-learn's `sample_size`); exact when n <= it. */
  readonly sampleSize?: number;
  readonly seed?: number;
}

/**
 * Mean silhouette. With `sampleSize` < n, the rows are a seeded uniform sample without replacement and the
 * silhouette is computed within the sample, as scikit-learn's `silhouette_score(sample_size, random_state)`
 * (the same estimator; not the same draw).
 */
export function silhouetteScore(x: Matrix, labels: Int32Array, options: SilhouetteOptions = {}): number {
  let xs = x;
  let ls = labels;
  if (options.sampleSize !== undefined && options.sampleSize < x.n) {
    checkLabels(x, labels, 'silhouette');
    const idx = sampleWithoutReplacement(x.n, options.sampleSize, createRng(options.seed ?? 0));
    xs = takeRows(x, idx);
    ls = Int32Array.from(idx, (i) => labels[i]!);
  }
  const s = silhouetteSamples(xs, ls);
  let total = 0;
  for (let i = 0; i < s.length; i++) total += s[i]!;
  return total / s.length;
}

/** Mean silhouette per cluster (NaN for an empty code). */
export function silhouetteByCluster(samples: Float64Array, labels: Int32Array): number[] {
  const k = clusterCount(labels);
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < samples.length; i++) {
    sums[labels[i]!]! += samples[i]!;
    counts[labels[i]!]!++;
  }
  return Array.from(sums, (s, c) => s / counts[c]!);
}
