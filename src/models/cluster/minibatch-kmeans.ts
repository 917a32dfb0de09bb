import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { nearestCenters } from './assign.js';
import type { KMeansFit, KMeansRestart } from './kmeans.js';
import { fitKMeans, kmeansFromJson } from './kmeans.js';
import { sqDist } from './kmeans-kernels.js';
import { assertFinite, createMatrix, type Matrix, takeRows } from './matrix.js';
import { sampleWithoutReplacement } from './sample.js';

export interface MiniBatchKMeansOptions {
  readonly k: number;
  /** Rows per step. Default 1024. */
  readonly batchSize?: number;
  /** Step cap. Default 200 + 20 x (n / batchSize), at most 5,000. */
  readonly maxSteps?: number;
  /** Stop after this many steps without improving the smoothed batch inertia. Default 20. */
  readonly maxNoImprovement?: number;
  /** Restarts (different seeding and batches), best by full-data inertia. Default 3. */
  readonly nInit?: number;
  readonly seed?: number;
}

/**
 * Mini-batch k-means (Sculley 2010, "Web-scale k-means clustering"): each step assigns a random batch to the
 * nearest centres and moves every centre towards its batch members with a per-centre learning rate
 * 1 / (points seen), i.e. the running mean. Seeded by k-means++ on a sample of 3 x batchSize rows; stops
 * when the exponentially smoothed batch inertia has not improved for `maxNoImprovement` steps (as
 * scikit-learn). Labels and inertia are then computed on all rows. For very large n where even the accelerated
 * Lloyd is too slow; `iterations` counts steps.
 */
export function fitMiniBatchKMeans(x: Matrix, options: MiniBatchKMeansOptions): KMeansFit {
  const { k } = options;
  const { n, d, data } = x;
  const batchSize = Math.min(n, options.batchSize ?? 1024);
  const maxSteps = options.maxSteps ?? Math.min(5_000, 200 + Math.ceil((20 * n) / batchSize));
  const patience = options.maxNoImprovement ?? 20;
  const nInit = options.nInit ?? 3;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw invalidInput(`mini-batch k-means: k = ${k} is not in 1..${n}`);
  if (!(batchSize >= 1)) throw invalidInput(`mini-batch k-means: batchSize must be >= 1, got ${batchSize}`);
  assertFinite(x, 'mini-batch k-means input');
  const rng = createRng(options.seed ?? 0);
  // Smoothing over about two passes of the data (scikit-learn: alpha = 2 batch / (n + 1)).
  const alpha = Math.min(1, (2 * batchSize) / (n + 1));

  let best:
    | { centers: Float64Array; labels: Int32Array; inertia: number; steps: number; stopped: boolean }
    | undefined;
  const restarts: KMeansRestart[] = [];
  for (let r = 0; r < nInit; r++) {
    const runRng = rng.fork(r);
    const initRows = takeRows(x, sampleWithoutReplacement(n, Math.min(n, 3 * batchSize), runRng));
    const init = fitKMeans(initRows, { k, nInit: 1, seed: runRng.int(2 ** 31), maxIter: 1, threads: 1 });
    const centers = Float64Array.from(init.centroids.data);
    const seen = new Float64Array(k);
    const batchSums = new Float64Array(k * d);
    const batchCounts = new Float64Array(k);
    let ewa = Number.NaN;
    let bestEwa = Number.POSITIVE_INFINITY;
    let noImprovement = 0;
    let steps = 0;
    let stopped = false;
    for (let step = 0; step < maxSteps; step++) {
      steps = step + 1;
      batchSums.fill(0);
      batchCounts.fill(0);
      let batchInertia = 0;
      for (let b = 0; b < batchSize; b++) {
        const i = runRng.int(n);
        let bestC = 0;
        let bestD = Number.POSITIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          const s = sqDist(data, i * d, centers, c * d, d);
          if (s < bestD) {
            bestD = s;
            bestC = c;
          }
        }
        batchInertia += bestD;
        batchCounts[bestC]!++;
        for (let j = 0; j < d; j++) batchSums[bestC * d + j]! += data[i * d + j]!;
      }
      for (let c = 0; c < k; c++) {
        const m = batchCounts[c]!;
        if (m === 0) continue;
        const total = seen[c]! + m;
        for (let j = 0; j < d; j++) {
          const q = c * d + j;
          centers[q] = (centers[q]! * seen[c]! + batchSums[q]!) / total;
        }
        seen[c] = total;
      }
      const perRow = batchInertia / batchSize;
      ewa = Number.isNaN(ewa) ? perRow : ewa * (1 - alpha) + perRow * alpha;
      if (ewa < bestEwa) {
        bestEwa = ewa;
        noImprovement = 0;
      } else if (++noImprovement >= patience) {
        stopped = true;
        break;
      }
    }
    const model = createMatrix(k, d, centers);
    const labels = nearestCenters(x, model);
    let inertia = 0;
    for (let i = 0; i < n; i++) inertia += sqDist(data, i * d, centers, labels[i]! * d, d);
    restarts.push({ inertia, iterations: steps, converged: stopped });
    if (!best || inertia < best.inertia) best = { centers, labels, inertia, steps, stopped };
  }
  const chosen = best!;
  const model = kmeansFromJson({
    kind: 'kmeans',
    centroids: Array.from({ length: k }, (_, c) => Array.from(chosen.centers.subarray(c * d, c * d + d))),
    inertia: chosen.inertia,
    iterations: chosen.steps,
    converged: chosen.stopped,
  });
  return Object.freeze({ ...model, labels: chosen.labels, restarts: Object.freeze(restarts) });
}
