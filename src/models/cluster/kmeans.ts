import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { nearestCenters } from './assign.js';
import { KMeansEngine, type LloydRun } from './kmeans-engine.js';
import {
  assertFinite,
  columnVariances,
  createMatrix,
  type Matrix,
  matrixFromRows,
  matrixToRows,
  takeRows,
} from './matrix.js';
import { sampleWithoutReplacement } from './sample.js';
import { defaultThreads } from './threads.js';

export interface KMeansOptions {
  readonly k: number;
  /** Seeded restarts (each with its own k-means++ seeding); the lowest inertia wins. Default 4. */
  readonly nInit?: number;
  /** Iteration cap per run. Default 300. */
  readonly maxIter?: number;
  /** Relative tolerance on centre movement, times the mean feature variance (scikit-learn's `tol`). Default 1e-4. */
  readonly tol?: number;
  /** Default 0. */
  readonly seed?: number;
  /** Explicit starting centres (k x d) instead of k-means++; then one run. */
  readonly init?: Matrix;
  /**
   * Rows above which each run is warm-started on a seeded sample of this many rows (k-means++ and Lloyd on the
   * sample, then Lloyd on all rows from those centres; Bradley & Fayyad 1998, "Refining initial points for
   * k-means clustering"). The result is still a Lloyd fixed point on all rows. Default max(50,000, 1,000 k);
   * `Infinity` turns it off.
   */
  readonly initSampleSize?: number;
  /**
   * Threads including the caller (worker_threads over shared memory). The result is identical for any count.
   * Default: all cores (at most 8) for large inputs (n x k x d >= 4,000,000), else 1.
   */
  readonly threads?: number;
}

export interface KMeansJson {
  readonly kind: 'kmeans';
  readonly centroids: number[][];
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** A fitted k-means model: centroids and training figures; `predict` assigns new rows to the nearest centroid. */
export interface KMeansModel {
  readonly kind: 'kmeans';
  readonly k: number;
  readonly centroids: Matrix;
  /** Within-cluster sum of squared distances on the training data. */
  readonly inertia: number;
  /** Lloyd iterations on all rows (of the winning run). */
  readonly iterations: number;
  readonly converged: boolean;
  predict(x: Matrix): Int32Array;
  toJSON(): KMeansJson;
}

export interface KMeansRestart {
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** A k-means fit: the model plus the training labels and each restart's outcome. */
export interface KMeansFit extends KMeansModel {
  readonly labels: Int32Array;
  readonly restarts: readonly KMeansRestart[];
}

/**
 * k-means (Lloyd 1982, "Least squares quantization in PCM") with greedy k-means++ seeding (Arthur &
 * Vassilvitskii 2007) and Hamerly's bounds (Hamerly 2010); `nInit` seeded restarts, best by inertia.
 * Deterministic for a seed, whatever the thread count.
 */
export function fitKMeans(x: Matrix, options: KMeansOptions): KMeansFit {
  const { k } = options;
  const nInit = options.init ? 1 : (options.nInit ?? 4);
  const maxIter = options.maxIter ?? 300;
  const tol = options.tol ?? 1e-4;
  const initSampleSize = options.initSampleSize ?? Math.max(50_000, 1000 * k);
  if (!Number.isInteger(k) || k < 1) throw invalidInput(`k-means: k must be a positive integer, got ${k}`);
  if (k > x.n) throw invalidInput(`k-means: k = ${k} exceeds the number of rows (${x.n})`);
  if (!Number.isInteger(nInit) || nInit < 1) throw invalidInput(`k-means: nInit must be >= 1, got ${nInit}`);
  if (!(maxIter >= 1)) throw invalidInput(`k-means: maxIter must be >= 1, got ${maxIter}`);
  if (options.init && (options.init.n !== k || options.init.d !== x.d)) {
    throw invalidInput(
      `k-means: init has shape ${options.init.n} x ${options.init.d}, expected ${k} x ${x.d}`,
    );
  }
  assertFinite(x, 'k-means input');
  const variances = columnVariances(x);
  const tolerance = (variances.reduce((s, v) => s + v, 0) / (x.d || 1)) * tol;
  const rng = createRng(options.seed ?? 0);
  const warmStart = !options.init && x.n > initSampleSize;
  const threads = options.threads ?? defaultThreads(x.n * k * x.d);

  let best: LloydRun | undefined;
  const restarts: KMeansRestart[] = [];
  const engine = new KMeansEngine(x, k, threads, !warmStart && !options.init);
  try {
    for (let r = 0; r < nInit; r++) {
      const runRng = rng.fork(r);
      let run: LloydRun;
      if (options.init) run = engine.runFrom(options.init.data, maxIter, tolerance);
      else if (warmStart) {
        const sample = takeRows(x, sampleWithoutReplacement(x.n, initSampleSize, runRng));
        const sampleEngine = new KMeansEngine(sample, k, 1);
        const start = sampleEngine.runSeeded(runRng, maxIter, tolerance);
        sampleEngine.close();
        run = engine.runFrom(start.centers, maxIter, tolerance);
      } else run = engine.runSeeded(runRng, maxIter, tolerance);
      restarts.push({ inertia: run.inertia, iterations: run.iterations, converged: run.converged });
      if (!best || run.inertia < best.inertia) best = run;
    }
  } finally {
    engine.close();
  }
  const chosen = best!;
  const model = kmeansModel(
    createMatrix(k, x.d, chosen.centers),
    chosen.inertia,
    chosen.iterations,
    chosen.converged,
  );
  return Object.freeze({ ...model, labels: chosen.labels, restarts: Object.freeze(restarts) });
}

/** Rebuild a model (without training labels) from its JSON. */
export function kmeansFromJson(json: KMeansJson): KMeansModel {
  return kmeansModel(matrixFromRows(json.centroids), json.inertia, json.iterations, json.converged);
}

function kmeansModel(
  centroids: Matrix,
  inertia: number,
  iterations: number,
  converged: boolean,
): KMeansModel {
  return Object.freeze({
    kind: 'kmeans' as const,
    k: centroids.n,
    centroids,
    inertia,
    iterations,
    converged,
    predict: (x: Matrix) => nearestCenters(x, centroids),
    toJSON: (): KMeansJson => ({
      kind: 'kmeans',
      centroids: matrixToRows(centroids),
      inertia,
      iterations,
      converged,
    }),
  });
}
