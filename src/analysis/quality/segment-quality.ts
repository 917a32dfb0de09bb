import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import {
  encodeLabels,
  fitKMeans,
  type Matrix,
  sampleWithoutReplacement,
  takeRows,
} from '../../models/cluster/index.js';
import {
  type BootstrapStability,
  bootstrapStability,
  compareRuns,
  type RunComparison,
  type Scorecard,
  segmentScorecard,
} from '../../segments/quality/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { listClusterings } from '../clusters/clustering-store.js';
import { DEFAULT_FEATURE_SET, parseFeatureSelection } from '../clusters/feature-sets.js';
import { loadClusterData } from '../clusters/load-cluster-data.js';
import { prepareMatrix } from '../clusters/prepare-matrix.js';
import { getRun, listRuns, type RunInfo } from '../runs.js';
import { segmentationRelation } from '../segment-queries.js';

/**
 * The hook for rule segments (issue 6): any other labelling of a run's customers can be scored by handing a
 * source to `segmentQuality({ sources })`. A rule segment is a yes/no labelling ("in" / "out"), a set of
 * overlapping rule segments one source each; customers the map lacks are labelled `(none)`.
 */
export interface LabelSource {
  readonly name: string;
  readonly kind: 'rule';
  labels(wh: Warehouse, runId: number): Promise<ReadonlyMap<string, string>>;
}

export interface SegmentQualityOptions {
  /** Default: the latest finished run. */
  readonly runId?: number;
  /** One segmentation (rfm, lifecycle, value.tier, cluster, cluster.value...); default rfm, lifecycle and the run's clusterings. */
  readonly segmentation?: string;
  /** Extra labellings (rule segments), scored after the others. */
  readonly sources?: readonly LabelSource[];
  /** Rows of the sampled silhouette; default 5,000. */
  readonly sampleSize?: number;
  /** Bootstrap stability of clusterings: refits (default 20) on a sample of at most `bootstrapRows` (10,000). */
  readonly bootstrapRounds?: number;
  readonly bootstrapRows?: number;
  readonly seed?: number;
}

export interface SegmentationQuality {
  readonly segmentation: string;
  readonly kind: 'rfm' | 'lifecycle' | 'cluster' | 'segmentation' | 'rule';
  /** The features the scorecard measures in (the clustering's own for a clustering). */
  readonly space: string;
  readonly scorecard: Scorecard;
  /** Against the previous finished run, over the customers in both; null for the first run. */
  readonly stability: (RunComparison & { readonly previousRun: number }) | null;
  /** Clusterings only: refits on bootstrap samples. */
  readonly bootstrap: (BootstrapStability & { readonly rows: number }) | null;
}

export interface SegmentQualityReport {
  readonly runId: number;
  readonly asOf: string;
  readonly customers: number;
  readonly previousRun: number | null;
  readonly segmentations: readonly SegmentationQuality[];
  readonly seconds: number;
}

interface Space {
  readonly name: string;
  readonly ids: readonly string[];
  readonly x: Matrix;
}

async function loadSpace(wh: Warehouse, runId: number, features: string): Promise<Space> {
  const selection = parseFeatureSelection(features);
  const data = await loadClusterData(wh, runId, selection.features);
  return { name: selection.set, ids: data.ids, x: prepareMatrix(data).x };
}

/** Each customer's segment in a run, as a map. */
async function labelsOf(wh: Warehouse, runId: number, segmentation: string): Promise<Map<string, string>> {
  const rel = await segmentationRelation(wh, segmentation, 2);
  const t = await wh.query({
    sql: `SELECT customer_id, segment FROM ${rel.sql} WHERE run_id = $1`,
    params: [runId, ...rel.params],
  });
  const ids = t.columns.customer_id ?? [];
  const segments = t.columns.segment ?? [];
  return new Map(ids.map((id, i) => [String(id), String(segments[i])]));
}

/** Stability against the previous run over the customers in both (same order), or null. */
function stabilityOf(
  ids: readonly string[],
  current: readonly string[],
  previous: ReadonlyMap<string, string> | null,
  previousRun: number | null,
): (RunComparison & { previousRun: number }) | null {
  if (previous === null || previousRun === null || previous.size === 0) return null;
  const a: string[] = [];
  const b: string[] = [];
  ids.forEach((id, i) => {
    const p = previous.get(id);
    if (p !== undefined) {
      a.push(p);
      b.push(current[i]!);
    }
  });
  return a.length === 0 ? null : { ...compareRuns(a, b), previousRun };
}

const KIND: Readonly<Record<string, SegmentationQuality['kind']>> = { rfm: 'rfm', lifecycle: 'lifecycle' };

/**
 * The segment-quality scorecard of a run's segmentations (issue 5): size and share, homogeneity (dispersion
 * relative to the whole base), distinction (silhouette on a sample, distances between centres, overlap),
 * stability against the previous finished run (membership kept, adjusted Rand index, transition matrix) and,
 * for clusterings, bootstrap stability. RFM groups, lifecycle stages and any built-in segmentation are measured
 * in the features `analyze` clusters on (behavioural + value, log and robust scaled), a clustering in its own.
 */
export async function segmentQuality(
  wh: Warehouse,
  options: SegmentQualityOptions = {},
): Promise<SegmentQualityReport> {
  const started = performance.now();
  const run = await getRun(wh, options.runId);
  const previous: RunInfo | undefined = (await listRuns(wh))
    .filter((r) => r.status === 'done' && r.runId < run.runId)
    .at(-1);
  const clusterings = await listClusterings(wh, run.runId);
  const names = options.segmentation
    ? [options.segmentation]
    : ['rfm', 'lifecycle', ...clusterings.map((c) => c.name)];
  const spaces = new Map<string, Space>();
  const spaceFor = async (features: string) => {
    const cached = spaces.get(features);
    if (cached) return cached;
    const space = await loadSpace(wh, run.runId, features);
    spaces.set(features, space);
    return space;
  };
  const seed = options.seed ?? 1;
  const sampleSize = options.sampleSize ?? 5000;
  const out: SegmentationQuality[] = [];
  for (const name of names) {
    const clustering = clusterings.find((c) => c.name === name);
    const features = !clustering
      ? DEFAULT_FEATURE_SET
      : clustering.featureSet === 'custom'
        ? clustering.inputs.join(',')
        : clustering.featureSet;
    const space = await spaceFor(features);
    const current = await labelsOf(wh, run.runId, name);
    const labels = space.ids.map((id) => current.get(id) ?? '(none)');
    const before = previous ? await labelsOf(wh, previous.runId, name).catch(() => null) : null;
    const scorecard = segmentScorecard(space.x, labels, { sampleSize, seed });
    out.push({
      segmentation: name,
      kind: clustering ? 'cluster' : (KIND[name] ?? 'segmentation'),
      space: clustering ? clustering.featureSet : DEFAULT_FEATURE_SET,
      scorecard,
      stability: stabilityOf(space.ids, labels, before, previous?.runId ?? null),
      bootstrap: clustering
        ? clusterBootstrap(space.x, labels, clustering.k, {
            rounds: options.bootstrapRounds ?? 20,
            rows: options.bootstrapRows ?? 10_000,
            seed,
          })
        : null,
    });
  }
  for (const source of options.sources ?? []) {
    const space = await spaceFor(DEFAULT_FEATURE_SET);
    const current = await source.labels(wh, run.runId);
    const labels = space.ids.map((id) => current.get(id) ?? '(none)');
    const before = previous ? await source.labels(wh, previous.runId) : null;
    out.push({
      segmentation: source.name,
      kind: source.kind,
      space: DEFAULT_FEATURE_SET,
      scorecard: segmentScorecard(space.x, labels, { sampleSize, seed }),
      stability: stabilityOf(space.ids, labels, before, previous?.runId ?? null),
      bootstrap: null,
    });
  }
  if (out.length === 0) throw invalidInput(`run ${run.runId} has no segmentation to score`);
  return {
    runId: run.runId,
    asOf: run.asOf,
    customers: spaces.values().next().value?.ids.length ?? 0,
    previousRun: previous?.runId ?? null,
    segmentations: out,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Bootstrap stability of a k-means clustering (Hennig 2007) on a seeded sample of its customers: refit k-means
 * with the same k on resamples, compare with the stored clusters.
 */
function clusterBootstrap(
  x: Matrix,
  labels: readonly string[],
  k: number,
  o: { rounds: number; rows: number; seed: number },
): BootstrapStability & { rows: number } {
  const idx = sampleWithoutReplacement(x.n, Math.min(x.n, o.rows), createRng(o.seed));
  const sample = takeRows(x, idx);
  const reference = encodeLabels(Array.from(idx, (i) => labels[i]!)).codes;
  const result = bootstrapStability(
    sample,
    (rows, seed) => {
      const model = fitKMeans(rows, { k: Math.min(k, rows.n), seed, nInit: 2 });
      return (all) => model.predict(all);
    },
    { rounds: o.rounds, seed: o.seed, reference },
  );
  return { ...result, rows: sample.n };
}
