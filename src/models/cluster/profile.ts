import { invalidInput } from '../../core/errors.js';
import { type NameOptions, nameCluster, uniqueNames, type Vocabulary } from './cluster-name.js';
import { clusterCount } from './labels.js';
import { columnMeans, columnVariances, type Matrix } from './matrix.js';
import { clusterMeans } from './metrics/cluster-means.js';

export interface FeatureDifference {
  readonly feature: string;
  readonly mean: number;
  readonly baseMean: number;
  /** Standardised mean difference (cluster mean - base mean) / base standard deviation (Cohen's d against the base). */
  readonly smd: number;
  readonly direction: 'above' | 'below';
}

export interface ClusterProfile {
  readonly cluster: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
  /** Features sorted by |SMD|, the strongest `topK`. */
  readonly distinguishing: readonly FeatureDifference[];
  /** Every feature's mean in the cluster. */
  readonly means: Readonly<Record<string, number>>;
}

export interface ProfileOptions extends NameOptions {
  readonly featureNames: readonly string[];
  readonly vocabulary?: Vocabulary;
  /** Distinguishing features reported per cluster. Default 3. */
  readonly topK?: number;
}

/**
 * Profile each cluster against the whole base: size, share, the features that set it apart (standardised mean
 * differences, strongest first) and a generated name from those features' words. Profile on interpretable
 * features (e.g. before scaling, or log-scaled), not necessarily the ones clustered on.
 */
export function profileClusters(x: Matrix, labels: Int32Array, options: ProfileOptions): ClusterProfile[] {
  const { featureNames } = options;
  if (featureNames.length !== x.d)
    throw invalidInput(`profile: ${featureNames.length} feature names for ${x.d} columns`);
  if (labels.length !== x.n) throw invalidInput(`profile: ${labels.length} labels for ${x.n} rows`);
  const topK = options.topK ?? 3;
  const k = clusterCount(labels);
  const baseMean = columnMeans(x);
  const baseSd = Array.from(columnVariances(x, baseMean), Math.sqrt);
  const { means, sizes } = clusterMeans(x, labels, k);
  const profiles: Omit<ClusterProfile, 'name'>[] = [];
  const names: string[] = [];
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    const diffs: FeatureDifference[] = featureNames.map((feature, j) => {
      const mean = means[c * x.d + j]!;
      const sd = baseSd[j]!;
      const smd = sd > 0 ? (mean - baseMean[j]!) / sd : 0;
      return { feature, mean, baseMean: baseMean[j]!, smd, direction: smd >= 0 ? 'above' : 'below' };
    });
    diffs.sort((a, b) => Math.abs(b.smd) - Math.abs(a.smd));
    names.push(nameCluster(diffs, options.vocabulary ?? {}, options));
    profiles.push({
      cluster: c,
      size: sizes[c]!,
      share: sizes[c]! / x.n,
      distinguishing: diffs.slice(0, topK),
      means: Object.fromEntries(featureNames.map((f, j) => [f, means[c * x.d + j]!])),
    });
  }
  const unique = uniqueNames(names);
  return profiles.map((p, i) => ({ ...p, name: unique[i]! }));
}
