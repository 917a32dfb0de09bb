import { clusterCount } from '../labels.js';
import type { Matrix } from '../matrix.js';

/** Per-cluster means (k x d, row-major; zeros for an empty code) and sizes. */
export function clusterMeans(
  x: Matrix,
  labels: Int32Array,
  k: number = clusterCount(labels),
): { means: Float64Array; sizes: Int32Array } {
  const { n, d, data } = x;
  const means = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]!++;
    const o = i * d;
    const co = c * d;
    for (let j = 0; j < d; j++) means[co + j]! += data[o + j]!;
  }
  for (let c = 0; c < k; c++) {
    const s = sizes[c]!;
    if (s > 0) for (let j = 0; j < d; j++) means[c * d + j]! /= s;
  }
  return { means, sizes };
}
