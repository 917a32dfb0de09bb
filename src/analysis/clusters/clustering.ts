import { invalidInput } from '../../core/errors.js';
import type { KMeansJson, Matrix, OneHotJson, PcaJson, TransformJson } from '../../models/cluster/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { getRun } from '../runs.js';
import { segmentationByName } from '../segmentations/index.js';
import { saveClustering } from './clustering-store.js';
import { DEFAULT_FEATURE_SET, type FeatureSelection, parseFeatureSelection } from './feature-sets.js';
import {
  type ClusterQuality,
  type FitClusteringOptions,
  type FittedClustering,
  fitClustering,
} from './fit-clustering.js';
import { loadClusterData } from './load-cluster-data.js';
import { type ClusterProfileRecord, describeClusters, type PersonaCard } from './persona-cards.js';
import { type PreparedMatrix, prepareMatrix } from './prepare-matrix.js';

/** A clustering of a run: what is stored in `clusterings` plus the memberships and the map. */
export interface Clustering {
  readonly runId: number;
  /** Its segmentation name: `cluster` (the analysis's own) or `cluster.<features>[.k<N>]`. */
  readonly name: string;
  readonly createdAt: number;
  readonly featureSet: string;
  /** The features selected (`--features`), before encoding. */
  readonly inputs: readonly string[];
  /** Columns clustered on (one-hot columns as `feature=value`). */
  readonly features: readonly string[];
  readonly numeric: PreparedMatrix['numeric'];
  readonly dropped: PreparedMatrix['dropped'];
  readonly k: number;
  readonly kChoice: FittedClustering['kChoice'];
  readonly table: FittedClustering['table'];
  readonly votes: FittedClustering['votes'];
  readonly explanation: string;
  readonly sizes: readonly number[];
  readonly profiles: readonly ClusterProfileRecord[];
  readonly personas: readonly PersonaCard[];
  readonly quality: ClusterQuality;
  readonly model: {
    readonly numeric: TransformJson | null;
    readonly clip: number;
    readonly oneHot: OneHotJson | null;
    readonly kmeans: KMeansJson;
    readonly pca: PcaJson;
  };
  readonly labels: Int32Array;
  readonly map: Matrix;
  readonly seconds: number;
}

export interface ClusterOptions {
  /** `auto` (default) or a number of clusters (a string from a flag is checked). */
  readonly k?: 'auto' | number | string;
  /** A feature set (`behavioural+value` by default), sets joined with `+`, or a comma-separated list. */
  readonly features?: string;
  /** Segmentation name to store it under; default `cluster` for the default features and k, else derived. */
  readonly name?: string;
  readonly seed?: number;
  readonly fit?: Omit<FitClusteringOptions, 'k' | 'seed'>;
  readonly now?: () => number;
}

export function parseK(k: ClusterOptions['k']): 'auto' | number {
  if (k === undefined || k === 'auto') return 'auto';
  const n = typeof k === 'number' ? k : /^\s*\d+\s*$/.test(k) ? Number(k) : Number.NaN;
  if (!Number.isInteger(n) || n < 2 || n > 50) {
    throw invalidInput(
      `invalid --k ${JSON.stringify(k)} (expected auto or a whole number from 2 to 50)`,
      'e.g. --k auto or --k 6',
    );
  }
  return n;
}

/** The segmentation name a clustering is stored under. */
export function clusteringName(selection: FeatureSelection, k: 'auto' | number, given?: string): string {
  if (given !== undefined) {
    if (!/^[a-z][a-z0-9_.+-]{0,62}$/i.test(given) || segmentationByName(given)) {
      throw invalidInput(
        `invalid clustering name "${given}"`,
        'use letters, digits, . _ + - (not the name of a built-in segmentation), e.g. --name cluster.mine',
      );
    }
    return given;
  }
  const base = selection.set === DEFAULT_FEATURE_SET ? 'cluster' : `cluster.${selection.set}`;
  return k === 'auto' ? base : `${base}.k${k}`;
}

/** Options checked once, before anything is read. */
export interface ResolvedClusterOptions {
  readonly selection: FeatureSelection;
  readonly k: 'auto' | number;
  readonly name: string;
  readonly seed: number;
  readonly fit: Omit<FitClusteringOptions, 'k' | 'seed'>;
}

export function resolveClusterOptions(o: ClusterOptions = {}): ResolvedClusterOptions {
  const selection = parseFeatureSelection(o.features ?? DEFAULT_FEATURE_SET);
  const k = parseK(o.k);
  return { selection, k, name: clusteringName(selection, k, o.name), seed: o.seed ?? 1, fit: o.fit ?? {} };
}

/**
 * Cluster a run's customers and store the clustering as a segmentation of that run (the run may still be
 * being written: `analyze` calls this inside its transaction). Throws `invalid_input` when there is nothing to
 * cluster (fewer than 10 customers, identical customers).
 */
export async function clusterCustomers(
  wh: Warehouse,
  runId: number,
  o: ResolvedClusterOptions,
  now: () => number = Date.now,
): Promise<Clustering> {
  const started = performance.now();
  const data = await loadClusterData(wh, runId, o.selection.features);
  const prep = prepareMatrix(data);
  if (prep.x.d === 0) {
    throw invalidInput(
      `nothing to cluster on: ${prep.dropped.map((d) => `${d.feature} (${d.reason})`).join(', ')}`,
      'choose other --features',
    );
  }
  const fit = fitClustering(prep.x, { ...o.fit, k: o.k, seed: o.seed });
  const { profiles, personas } = describeClusters(prep, fit.labels, fit.k);
  const clustering: Clustering = {
    runId,
    name: o.name,
    createdAt: now(),
    featureSet: o.selection.set,
    inputs: o.selection.features.map((f) => f.name),
    features: prep.columns.map((c) => c.name),
    numeric: prep.numeric,
    dropped: prep.dropped,
    k: fit.k,
    kChoice: fit.kChoice,
    table: fit.table,
    votes: fit.votes,
    explanation: fit.explanation,
    sizes: fit.sizes,
    profiles,
    personas,
    quality: fit.quality,
    model: { ...prep.model, ...fit.model },
    labels: fit.labels,
    map: fit.map,
    seconds: (performance.now() - started) / 1000,
  };
  await saveClustering(wh, clustering, data.ids);
  return clustering;
}

/** `segmenta cluster`: cluster a finished run (default the latest) and store it as a segmentation of that run. */
export async function clusterRun(
  wh: Warehouse,
  options: ClusterOptions & { readonly runId?: number } = {},
): Promise<Clustering> {
  const resolved = resolveClusterOptions(options);
  const run = await getRun(wh, options.runId);
  return clusterCustomers(wh, run.runId, resolved, options.now);
}
