import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import {
  type ChooseKRow,
  calinskiHarabasz,
  chooseK,
  columnVariances,
  createMatrix,
  daviesBouldin,
  fitKMeans,
  fitPca,
  type KMeansJson,
  type Matrix,
  type PcaJson,
  sampleWithoutReplacement,
  silhouetteScore,
  takeRows,
} from '../../models/cluster/index.js';

export interface FitClusteringOptions {
  /** 'auto' (default) or a number of clusters. */
  readonly k?: 'auto' | number;
  readonly seed?: number;
  /** Range of the automatic choice; default 3..10 (see `DEFAULT_K_RANGE`). */
  readonly kMin?: number;
  readonly kMax?: number;
  /** Above this many rows, k is chosen on a seeded sample of this size; default 30,000 (the criteria settle well below that). */
  readonly chooseSampleSize?: number;
  /** Rows of the sampled silhouette; default 4,000. */
  readonly silhouetteSampleSize?: number;
}

/**
 * Automatic k looks at 3 to 10 clusters: two segments are rarely something a marketer can act on (and on
 * customer data the silhouette often prefers "buyers vs the rest"), more than ten are hard to read.
 */
export const DEFAULT_K_RANGE = { kMin: 3, kMax: 10 } as const;

export interface ClusterQuality {
  readonly silhouette: number | null;
  readonly silhouetteRows: number;
  readonly calinskiHarabasz: number | null;
  readonly daviesBouldin: number | null;
  readonly inertia: number;
  /** Share of the variance the 2-D map shows. */
  readonly mapVariance: number;
}

export interface FittedClustering {
  readonly k: number;
  readonly kChoice: 'auto' | 'given';
  readonly table: readonly ChooseKRow[] | null;
  readonly votes: {
    readonly silhouette: number;
    readonly calinskiHarabasz: number;
    readonly daviesBouldin: number;
  } | null;
  readonly explanation: string;
  /** Cluster of each row, 0 = the largest cluster. */
  readonly labels: Int32Array;
  readonly sizes: readonly number[];
  /** n x 2 map positions (first two principal components of the scaled features). */
  readonly map: Matrix;
  readonly quality: ClusterQuality;
  readonly model: { readonly kmeans: KMeansJson; readonly pca: PcaJson };
}

/** Renumber clusters by size, largest first (ties by the old number), so numbers read the same way each run. */
function bySize(labels: Int32Array, k: number): { labels: Int32Array; order: number[]; sizes: number[] } {
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  const order = counts
    .map((c, i) => ({ c, i }))
    .filter((o) => o.c > 0)
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((o) => o.i);
  const to = new Int32Array(k).fill(-1);
  order.forEach((old, neu) => {
    to[old] = neu;
  });
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = to[labels[i]!]!;
  return { labels: out, order, sizes: order.map((o) => counts[o]!) };
}

/**
 * k-means on prepared customer features: k chosen automatically (silhouette, Calinski-Harabasz, Davies-Bouldin
 * over `kMin..kMax`, the table and the reason kept; on a seeded sample for large bases, then one Lloyd pass
 * over everyone from the sample's centres) or given; clusters renumbered by size; a 2-D PCA map. Deterministic
 * for a seed.
 */
export function fitClustering(x: Matrix, options: FitClusteringOptions = {}): FittedClustering {
  const seed = options.seed ?? 0;
  const rng = createRng(seed);
  const silhouetteRows = Math.min(x.n, options.silhouetteSampleSize ?? 4000);
  if (x.n < 10) throw invalidInput(`too few customers to cluster: ${x.n} (at least 10)`);
  if (columnVariances(x).every((v) => !(v > 0))) {
    throw invalidInput('every customer has the same values on these features: there is nothing to cluster');
  }
  let centroids: Matrix;
  let table: readonly ChooseKRow[] | null = null;
  let votes: FittedClustering['votes'] = null;
  let explanation: string;
  let kChoice: 'auto' | 'given';
  if (options.k === undefined || options.k === 'auto') {
    const sampleSize = options.chooseSampleSize ?? 30_000;
    const sample = x.n > sampleSize ? takeRows(x, sampleWithoutReplacement(x.n, sampleSize, rng.fork(1))) : x;
    const kMin = options.kMin ?? DEFAULT_K_RANGE.kMin;
    const kMax = Math.min(options.kMax ?? DEFAULT_K_RANGE.kMax, sample.n - 1);
    if (kMax < kMin)
      throw invalidInput(`too few customers to choose k in ${kMin}..${options.kMax ?? DEFAULT_K_RANGE.kMax}`);
    const choice = chooseK(sample, {
      kMin,
      kMax,
      seed,
      nInit: 3,
      silhouetteSampleSize: silhouetteRows,
    });
    table = choice.table;
    votes = choice.votes;
    kChoice = 'auto';
    explanation =
      sample === x
        ? choice.explanation
        : `${choice.explanation} k was chosen on a random sample of ${sample.n.toLocaleString('en-US')} of ${x.n.toLocaleString('en-US')} customers; the final clusters are refined on everyone.`;
    centroids = choice.model.centroids;
  } else {
    const k = options.k;
    if (!Number.isInteger(k) || k < 2 || k >= x.n) {
      throw invalidInput(`invalid k: ${k} (expected an integer from 2 to ${x.n - 1}, or auto)`);
    }
    const fit = fitKMeans(x, { k, seed, nInit: 4 });
    centroids = fit.centroids;
    kChoice = 'given';
    explanation = `k = ${k} as given (k-means, 4 seeded restarts, best by within-cluster sum of squares).`;
  }
  // One Lloyd run over everyone from the chosen centres (a no-op when they were fitted on everyone already).
  const final = fitKMeans(x, { k: centroids.n, init: centroids, seed });
  const { labels, order, sizes } = bySize(final.labels, centroids.n);
  const d = x.d;
  const ordered = new Float64Array(order.length * d);
  order.forEach((old, neu) => {
    ordered.set(final.centroids.data.subarray(old * d, old * d + d), neu * d);
  });
  const k = order.length;
  const pca = fitPca(x, { components: Math.min(2, d), seed });
  const projected = pca.transform(x);
  const map = projected.d === 2 ? projected : createMatrix(x.n, 2, widen(projected));
  const ratio = pca.explainedVarianceRatio.reduce((s, v) => s + v, 0);
  const quality: ClusterQuality =
    k >= 2
      ? {
          silhouette: silhouetteScore(x, labels, { sampleSize: silhouetteRows, seed }),
          silhouetteRows,
          calinskiHarabasz: calinskiHarabasz(x, labels),
          daviesBouldin: daviesBouldin(x, labels),
          inertia: final.inertia,
          mapVariance: ratio,
        }
      : {
          silhouette: null,
          silhouetteRows: 0,
          calinskiHarabasz: null,
          daviesBouldin: null,
          inertia: final.inertia,
          mapVariance: ratio,
        };
  const kmeans: KMeansJson = {
    ...final.toJSON(),
    centroids: Array.from({ length: k }, (_, c) => Array.from(ordered.subarray(c * d, c * d + d))),
  };
  return {
    k,
    kChoice,
    table,
    votes,
    explanation,
    labels,
    sizes,
    map,
    quality,
    model: { kmeans, pca: pca.toJSON() },
  };
}

/** A one-column projection as two columns (the second 0). */
function widen(m: Matrix): Float64Array {
  const out = new Float64Array(m.n * 2);
  for (let i = 0; i < m.n; i++) out[i * 2] = m.data[i]!;
  return out;
}
