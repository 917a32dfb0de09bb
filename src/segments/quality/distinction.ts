import { createRng } from '../../core/rng.js';
import {
  clusterMeans,
  columnVariances,
  type Matrix,
  sampleWithoutReplacement,
  silhouetteSamples,
  takeRows,
} from '../../models/cluster/index.js';
import { encodeFor } from './encode.js';

export interface SegmentDistinction {
  readonly segment: string;
  /** Mean silhouette of the segment's sampled members (null with fewer than two segments or no sampled member). */
  readonly silhouette: number | null;
  readonly nearestSegment: string | null;
  /** Distance between this centre and the nearest other one, in base standard deviations (RMS over features). */
  readonly nearestDistance: number | null;
  /** Share of members closer to another segment's centre than to their own. */
  readonly overlap: number;
}

export interface Distinction {
  readonly segments: readonly SegmentDistinction[];
  /** Mean silhouette over the sample (null with fewer than two segments). */
  readonly silhouette: number | null;
  readonly silhouetteRows: number;
  /** Share of all rows closer to another segment's centre. */
  readonly overlap: number;
  /** Distances between centres (rows and columns in `segments` order), in base standard deviations. */
  readonly centreDistances: readonly (readonly number[])[];
}

/**
 * How distinct segments are: silhouette (on a seeded sample), distances between centres relative to the base
 * spread, and overlap (members nearer another centre). Scale features comparably first.
 */
export function distinction(
  x: Matrix,
  labels: ArrayLike<string | number>,
  options: { sampleSize?: number; seed?: number } = {},
): Distinction {
  const { codes, names } = encodeFor(x, labels);
  const { n, d, data } = x;
  const k = names.length;
  const { means } = clusterMeans(x, codes, k);
  // Base spread per row: RMS distance to the base centre, so distances read as "standard deviations".
  const spread = Math.sqrt(columnVariances(x).reduce((s, v) => s + v, 0)) || 1;
  const centre = (a: number, b: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (means[a * d + j]! - means[b * d + j]!) ** 2;
    return Math.sqrt(s) / spread;
  };
  const centreDistances = names.map((_, a) => names.map((__, b) => centre(a, b)));

  const nearer = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    sizes[c]!++;
    let own = 0;
    for (let j = 0; j < d; j++) own += (data[i * d + j]! - means[c * d + j]!) ** 2;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      let s = 0;
      for (let j = 0; j < d && s < own; j++) s += (data[i * d + j]! - means[o * d + j]!) ** 2;
      if (s < own) {
        nearer[c]!++;
        break;
      }
    }
  }

  let silhouette: number | null = null;
  const bySegment: (number | null)[] = names.map(() => null);
  const sampleSize = Math.min(n, options.sampleSize ?? 5000);
  if (k >= 2 && n > k) {
    const idx = sampleWithoutReplacement(n, sampleSize, createRng(options.seed ?? 0));
    const sampleLabels = Int32Array.from(idx, (i) => codes[i]!);
    const present = new Set(sampleLabels).size;
    if (present >= 2 && present < idx.length) {
      const s = silhouetteSamples(takeRows(x, idx), sampleLabels);
      const sums = new Float64Array(k);
      const counts = new Float64Array(k);
      let total = 0;
      for (let r = 0; r < s.length; r++) {
        total += s[r]!;
        sums[sampleLabels[r]!]! += s[r]!;
        counts[sampleLabels[r]!]!++;
      }
      silhouette = total / s.length;
      for (let c = 0; c < k; c++) bySegment[c] = counts[c]! > 0 ? sums[c]! / counts[c]! : null;
    }
  }

  const segments = names.map((segment, c) => {
    let nearest: number | null = null;
    for (let o = 0; o < k; o++) {
      if (o !== c && (nearest === null || centreDistances[c]![o]! < centreDistances[c]![nearest]!))
        nearest = o;
    }
    return {
      segment,
      silhouette: bySegment[c]!,
      nearestSegment: nearest === null ? null : names[nearest]!,
      nearestDistance: nearest === null ? null : centreDistances[c]![nearest]!,
      overlap: nearer[c]! / sizes[c]!,
    };
  });
  return {
    segments,
    silhouette,
    silhouetteRows: silhouette === null ? 0 : sampleSize,
    overlap: nearer.reduce((s, v) => s + v, 0) / n,
    centreDistances,
  };
}
