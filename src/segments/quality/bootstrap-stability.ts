import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import {
  adjustedRandIndex,
  clusterCount,
  fitKMeans,
  type Matrix,
  sampleWithReplacement,
  takeRows,
} from '../../models/cluster/index.js';

/** Fit a clustering on some rows; return a function that labels any rows. */
export type ClusterFitter = (rows: Matrix, seed: number) => (x: Matrix) => Int32Array;

export interface ClusterStability {
  readonly cluster: number;
  /** Mean over rounds of the best Jaccard similarity with a bootstrap cluster (Hennig 2007). */
  readonly meanJaccard: number;
  /** Share of rounds in which the cluster "dissolved" (best Jaccard <= 0.5). */
  readonly dissolved: number;
}

export interface BootstrapStability {
  readonly rounds: number;
  /** ARI between the reference labels and each refit's labels of all rows. */
  readonly aris: readonly number[];
  readonly meanAri: number;
  readonly sdAri: number;
  readonly clusters: readonly ClusterStability[];
  readonly meanJaccard: number;
  /** Hennig's reading of the mean Jaccard. */
  readonly verdict: 'highly stable' | 'stable' | 'patterns, weakly stable' | 'unstable';
}

/**
 * Bootstrap stability of a clustering (Hennig 2007, "Cluster-wise assessment of cluster stability"; Lange et
 * al. 2004): refit on bootstrap samples, label all rows with each refit; report the ARI with the reference
 * labels and, per reference cluster, the best Jaccard similarity with a refit cluster on the rows drawn.
 */
export function bootstrapStability(
  x: Matrix,
  refit: ClusterFitter,
  options: { rounds?: number; seed?: number; reference?: Int32Array } = {},
): BootstrapStability {
  const rounds = options.rounds ?? 20;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw invalidInput(`bootstrap: rounds must be >= 1, got ${rounds}`);
  const seed = options.seed ?? 0;
  const rng = createRng(seed);
  const reference = options.reference ?? refit(x, seed)(x);
  if (reference.length !== x.n)
    throw invalidInput(`bootstrap: ${reference.length} reference labels for ${x.n} rows`);
  const k = clusterCount(reference);
  const jaccardSums = new Float64Array(k);
  const dissolved = new Float64Array(k);
  const aris: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const roundRng = rng.fork(r);
    const idx = sampleWithReplacement(x.n, x.n, roundRng);
    const labels = refit(takeRows(x, idx), roundRng.int(2 ** 31))(x);
    aris.push(adjustedRandIndex(reference, labels));
    const drawn = new Uint8Array(x.n);
    for (let q = 0; q < idx.length; q++) drawn[idx[q]!] = 1;
    const kb = clusterCount(labels);
    const inter = new Float64Array(k * kb);
    const sizeRef = new Float64Array(k);
    const sizeBoot = new Float64Array(kb);
    for (let i = 0; i < x.n; i++) {
      if (!drawn[i]) continue;
      inter[reference[i]! * kb + labels[i]!]!++;
      sizeRef[reference[i]!]!++;
      sizeBoot[labels[i]!]!++;
    }
    for (let c = 0; c < k; c++) {
      let best = 0;
      for (let b = 0; b < kb; b++) {
        const both = inter[c * kb + b]!;
        const union = sizeRef[c]! + sizeBoot[b]! - both;
        if (union > 0 && both / union > best) best = both / union;
      }
      jaccardSums[c]! += best;
      if (best <= 0.5) dissolved[c]!++;
    }
  }
  const meanAri = aris.reduce((s, v) => s + v, 0) / rounds;
  const sdAri = Math.sqrt(aris.reduce((s, v) => s + (v - meanAri) ** 2, 0) / Math.max(1, rounds - 1));
  const clusters = Array.from(jaccardSums, (s, cluster) => ({
    cluster,
    meanJaccard: s / rounds,
    dissolved: dissolved[cluster]! / rounds,
  }));
  const meanJaccard = clusters.reduce((s, c) => s + c.meanJaccard, 0) / Math.max(1, k);
  const verdict =
    meanJaccard >= 0.85
      ? 'highly stable'
      : meanJaccard >= 0.75
        ? 'stable'
        : meanJaccard >= 0.6
          ? 'patterns, weakly stable'
          : 'unstable';
  return { rounds, aris, meanAri, sdAri, clusters, meanJaccard, verdict };
}

/** Bootstrap stability of k-means with a given k. */
export function kmeansBootstrapStability(
  x: Matrix,
  options: { k: number; rounds?: number; seed?: number; nInit?: number },
): BootstrapStability {
  const fitter: ClusterFitter = (rows, seed) => {
    const model = fitKMeans(rows, { k: options.k, seed, nInit: options.nInit ?? 2 });
    return (all) => model.predict(all);
  };
  return bootstrapStability(x, fitter, options);
}
