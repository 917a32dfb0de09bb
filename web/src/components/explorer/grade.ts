/** The answer of `GET /v1/segmentations/:name/quality` the scorecard panel reads. */
export interface SegmentQuality {
  customers: number;
  previousRun: number | null;
  quality: {
    kind: string;
    space: string;
    scorecard: {
      rows: number;
      segments: { segment: string; size: number; share: number }[];
      overall: { segments: number; rSquared: number; silhouette: number | null; overlap: number };
    };
    stability: { previousRun: number; kept: number; keptMatched: number; ari: number } | null;
    bootstrap: { meanJaccard: number; rounds: number; rows: number } | null;
  };
}

export type Grade = 'good' | 'fair' | 'weak';

/** One headline figure of the scorecard with its grade; `grade` null when there is nothing to grade. */
export interface Headline {
  readonly id: 'rSquared' | 'silhouette' | 'overlap' | 'smallest' | 'stability' | 'bootstrap';
  readonly label: string;
  readonly value: number | null;
  readonly percent: boolean;
  readonly grade: Grade | null;
  /** What it measures and where the grades start, for the hover text (English keys, translated by the caller). */
  readonly explain: string;
  readonly scale: string;
}

/** Higher is better: good from `good`, fair from `fair`. */
const atLeast = (v: number | null, good: number, fair: number): Grade | null =>
  v === null || !Number.isFinite(v) ? null : v >= good ? 'good' : v >= fair ? 'fair' : 'weak';
/** Lower is better: good up to `good`, fair up to `fair`. */
const atMost = (v: number | null, good: number, fair: number): Grade | null =>
  v === null || !Number.isFinite(v) ? null : v <= good ? 'good' : v <= fair ? 'fair' : 'weak';

/**
 * The scorecard's headline figures, graded. Silhouette bands after Kaufman & Rousseeuw (1990: above 0.5 a
 * reasonable structure, 0.25-0.5 weak, below no substantial structure); bootstrap Jaccard after Hennig (2007:
 * 0.75+ stable, 0.6-0.75 patterns, below unstable); the others are rules of thumb stated in the hover text.
 */
export function headlines(q: SegmentQuality): Headline[] {
  const o = q.quality.scorecard.overall;
  const smallest = Math.min(...q.quality.scorecard.segments.map((s) => s.share));
  const s = q.quality.stability;
  const cluster = q.quality.kind === 'cluster';
  const kept = s === null ? null : cluster ? s.keptMatched : s.kept;
  const list: Headline[] = [
    {
      id: 'rSquared',
      label: 'Variance explained',
      value: o.rSquared,
      percent: true,
      grade: atLeast(o.rSquared, 0.5, 0.25),
      explain: 'Share of the differences between customers that the segments account for (R²).',
      scale: 'good from 50%, fair from 25%',
    },
    {
      id: 'silhouette',
      label: 'Separation',
      value: o.silhouette,
      percent: false,
      grade: atLeast(o.silhouette, 0.5, 0.25),
      explain:
        'Silhouette: how much closer customers are to their own segment than to the next one (−1 to 1).',
      scale: 'good from 0.5, fair from 0.25',
    },
    {
      id: 'overlap',
      label: 'Overlap',
      value: o.overlap,
      percent: true,
      grade: atMost(o.overlap, 0.1, 0.25),
      explain: "Share of customers nearer another segment's centre than their own.",
      scale: 'good up to 10%, fair up to 25%',
    },
    {
      id: 'smallest',
      label: 'Smallest segment',
      value: Number.isFinite(smallest) ? smallest : null,
      percent: true,
      grade: atLeast(Number.isFinite(smallest) ? smallest : null, 0.05, 0.01),
      explain: 'Share of customers in the smallest segment: tiny segments are hard to act on.',
      scale: 'good from 5%, fair from 1%',
    },
    {
      id: 'stability',
      label: 'Stability vs previous run',
      value: kept,
      percent: true,
      grade: atLeast(kept, 0.8, 0.6),
      explain: cluster
        ? 'Customers in both runs who stayed in the matching cluster.'
        : 'Customers in both runs who kept their segment.',
      scale: 'good from 80%, fair from 60%',
    },
  ];
  if (q.quality.bootstrap)
    list.push({
      id: 'bootstrap',
      label: 'Bootstrap stability',
      value: q.quality.bootstrap.meanJaccard,
      percent: false,
      grade: atLeast(q.quality.bootstrap.meanJaccard, 0.75, 0.6),
      explain: 'Mean Jaccard similarity of the clusters when refitted on resamples of the customers.',
      scale: 'good from 0.75, fair from 0.6',
    });
  return list;
}

const RANK: Record<Grade, number> = { weak: 0, fair: 1, good: 2 };
const GRADES: readonly Grade[] = ['weak', 'fair', 'good'];

/** The overall grade: the mean of the graded figures' ranks (weak 0, fair 1, good 2), rounded; null when none. */
export function overall(list: readonly Headline[]): Grade | null {
  const ranks = list.flatMap((h) => (h.grade === null ? [] : [RANK[h.grade]]));
  if (ranks.length === 0) return null;
  return GRADES[Math.round(ranks.reduce((a, b) => a + b, 0) / ranks.length)]!;
}

/** What an overall grade means, in plain words (an English key). */
export const VERDICT: Record<Grade, string> = {
  good: 'Well-formed segments: distinct, compact and stable enough to act on.',
  fair: 'Usable segments with some weak points: check the figures marked weak before relying on them.',
  weak: 'Weak segments: customers in different segments are hard to tell apart; treat them as rough groupings.',
};
