import { invalidInput } from '../../core/errors.js';
import { sqDist } from './kmeans-kernels.js';
import type { Matrix } from './matrix.js';

/** Label of the nearest centre (squared Euclidean; ties go to the lower index) for every row. */
export function nearestCenters(x: Matrix, centers: Matrix): Int32Array {
  const { n, d, data } = x;
  if (centers.d !== d) throw invalidInput(`model has ${centers.d} features, data has ${d}`);
  const k = centers.n;
  const c = centers.data;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    let arg = 0;
    for (let m = 0; m < k; m++) {
      const s = sqDist(data, i * d, c, m * d, d);
      if (s < best) {
        best = s;
        arg = m;
      }
    }
    labels[i] = arg;
  }
  return labels;
}
