import { clusterMeans, columnMeans, columnVariances, type Matrix } from '../../models/cluster/index.js';
import { encodeFor } from './encode.js';

export interface SegmentHomogeneity {
  readonly segment: string;
  /**
   * Mean squared distance of members to the segment centre over the mean squared distance of all rows to the
   * base centre: 1 = as spread out as the whole base, 0 = identical members.
   */
  readonly relativeDispersion: number;
  /** Per feature: variance within the segment over the variance in the base (when feature names are given). */
  readonly byFeature?: Readonly<Record<string, number>>;
}

export interface Homogeneity {
  readonly segments: readonly SegmentHomogeneity[];
  /** Pooled within-segment sum of squares over total sum of squares (W / T). */
  readonly withinToTotal: number;
  /** Share of the base's variance explained by the segmentation, 1 - W / T. */
  readonly rSquared: number;
}

/** How tight each segment is compared with the whole base. Scale features comparably first. */
export function homogeneity(
  x: Matrix,
  labels: ArrayLike<string | number>,
  options: { featureNames?: readonly string[] } = {},
): Homogeneity {
  const { codes, names } = encodeFor(x, labels);
  const { n, d, data } = x;
  const k = names.length;
  const { means, sizes } = clusterMeans(x, codes, k);
  const baseMean = columnMeans(x);
  const baseVar = columnVariances(x, baseMean);
  const within = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j]! - means[c * d + j]!;
      within[c * d + j]! += t * t;
    }
  }
  const totalPerRow = baseVar.reduce((s, v) => s + v, 0);
  let withinTotal = 0;
  const segments = names.map((segment, c) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += within[c * d + j]!;
    withinTotal += s;
    const relativeDispersion = totalPerRow > 0 ? s / sizes[c]! / totalPerRow : 0;
    const byFeature = options.featureNames
      ? Object.fromEntries(
          options.featureNames.map((f, j) => [
            f,
            baseVar[j]! > 0 ? within[c * d + j]! / sizes[c]! / baseVar[j]! : 0,
          ]),
        )
      : undefined;
    return byFeature ? { segment, relativeDispersion, byFeature } : { segment, relativeDispersion };
  });
  const withinToTotal = totalPerRow > 0 ? withinTotal / (n * totalPerRow) : 0;
  return { segments, withinToTotal, rSquared: 1 - withinToTotal };
}
