import type { Matrix } from '../../models/cluster/index.js';
import { type BootstrapStability, bootstrapStability, type ClusterFitter } from './bootstrap-stability.js';
import { distinction } from './distinction.js';
import { encodeFor } from './encode.js';
import { homogeneity } from './homogeneity.js';
import { compareRuns, type RunComparison } from './run-comparison.js';

export interface ScorecardSegment {
  readonly segment: string;
  readonly size: number;
  readonly share: number;
  readonly relativeDispersion: number;
  readonly silhouette: number | null;
  readonly nearestSegment: string | null;
  readonly nearestDistance: number | null;
  readonly overlap: number;
}

export interface Scorecard {
  readonly rows: number;
  readonly segments: readonly ScorecardSegment[];
  readonly overall: {
    readonly segments: number;
    readonly withinToTotal: number;
    readonly rSquared: number;
    readonly silhouette: number | null;
    readonly silhouetteRows: number;
    readonly overlap: number;
  };
  readonly centreDistances: {
    readonly segments: readonly string[];
    readonly distances: readonly (readonly number[])[];
  };
  /** Against `previous` labels, when given. */
  readonly stability?: RunComparison;
  /** When a `fit` function is given (clusterings). */
  readonly bootstrap?: BootstrapStability;
}

export interface ScorecardOptions {
  readonly previous?: ArrayLike<string | number>;
  /** Silhouette sample size. Default 5,000. */
  readonly sampleSize?: number;
  readonly seed?: number;
  /** Refit function for bootstrap stability; rounds default 20. */
  readonly bootstrap?: { readonly fit: ClusterFitter; readonly rounds?: number };
}

/**
 * Segment-quality scorecard for any labelling (RFM groups, lifecycle stages, clusters, rule segments) over a
 * feature matrix: size and share, homogeneity, distinction, and optionally stability against a previous run and
 * bootstrap stability. A plain JSON-able object.
 */
export function segmentScorecard(
  x: Matrix,
  labels: ArrayLike<string | number>,
  options: ScorecardOptions = {},
): Scorecard {
  const { codes, names } = encodeFor(x, labels);
  const sizes = new Array<number>(names.length).fill(0);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]!]!++;
  const h = homogeneity(x, labels);
  const dist = distinction(x, labels, { sampleSize: options.sampleSize ?? 5000, seed: options.seed ?? 0 });
  const segments = names.map((segment, c) => {
    const hs = h.segments[c]!;
    const ds = dist.segments[c]!;
    return {
      segment,
      size: sizes[c]!,
      share: x.n > 0 ? sizes[c]! / x.n : 0,
      relativeDispersion: hs.relativeDispersion,
      silhouette: ds.silhouette,
      nearestSegment: ds.nearestSegment,
      nearestDistance: ds.nearestDistance,
      overlap: ds.overlap,
    };
  });
  const card: Scorecard = {
    rows: x.n,
    segments,
    overall: {
      segments: names.length,
      withinToTotal: h.withinToTotal,
      rSquared: h.rSquared,
      silhouette: dist.silhouette,
      silhouetteRows: dist.silhouetteRows,
      overlap: dist.overlap,
    },
    centreDistances: { segments: names, distances: dist.centreDistances },
  };
  const withStability = options.previous
    ? { ...card, stability: compareRuns(options.previous, labels) }
    : card;
  if (!options.bootstrap) return withStability;
  return {
    ...withStability,
    bootstrap: bootstrapStability(x, options.bootstrap.fit, {
      rounds: options.bootstrap.rounds ?? 20,
      seed: options.seed ?? 0,
      reference: codes,
    }),
  };
}
