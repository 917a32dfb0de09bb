import { invalidInput } from '../../core/errors.js';
import { calendarDay, DAY_MS } from '../../features/as-of.js';
import type { SegmentSource } from './segment-source.js';
import { PATTERN_KINDS, type PatternKind } from './statement.js';

export interface HiddenPatternsOptions {
  /** Who is in which segment: a table (e.g. `customer_segments` filtered to one run and segmentation) or rows. */
  readonly segments: SegmentSource;
  /**
   * Use data up to the end of this day: `YYYY-MM-DD`, or an object with the exclusive cutoff in epoch ms (the
   * `AsOf` of an analysis run). Default: all data.
   */
  readonly asOf?: string | { readonly cutoffMs: number };
  /** Fewest units (orders, purchases, conversions) a cell needs to be tested and the segment to be reported. Default 30. */
  readonly minSupport?: number;
  /** False discovery rate for the Benjamini–Hochberg correction. Default 0.05. */
  readonly alpha?: number;
  /** Smallest lift worth a statement. Default 1.2. */
  readonly minLift?: number;
  /** Fewest segment customers behind a cell, so one enthusiast does not make a pattern. Default 10. */
  readonly minCustomers?: number;
  /** The two creative types to compare. Default `['visual', 'text']`. */
  readonly creatives?: readonly [string, string];
  /** Which analyses to run. Default all. */
  readonly kinds?: readonly PatternKind[];
}

export interface ResolvedPatternOptions {
  readonly segments: SegmentSource;
  /** Exclusive upper bound on timestamps, or null for all data. */
  readonly cutoff: Date | null;
  readonly minSupport: number;
  readonly alpha: number;
  readonly minLift: number;
  readonly minCustomers: number;
  readonly creatives: readonly [string, string];
  readonly kinds: ReadonlySet<PatternKind>;
}

/** Check options once, with exact messages; everything after trusts the resolved values. */
export function resolvePatternOptions(o: HiddenPatternsOptions): ResolvedPatternOptions {
  const minSupport = integerAtLeast('minSupport', o.minSupport ?? 30, 1);
  const minCustomers = integerAtLeast('minCustomers', o.minCustomers ?? 10, 2);
  const alpha = o.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1))
    throw invalidInput(`invalid alpha: ${alpha} (expected a number between 0 and 1)`);
  const minLift = o.minLift ?? 1.2;
  if (!(minLift >= 1 && Number.isFinite(minLift))) {
    throw invalidInput(`invalid minLift: ${minLift} (expected a number of at least 1)`);
  }
  const creatives = o.creatives ?? ['visual', 'text'];
  if (creatives.length !== 2 || creatives[0] === creatives[1] || creatives.some((c) => c.trim() === '')) {
    throw invalidInput(
      `invalid creatives: ${JSON.stringify(creatives)} (expected two different creative types)`,
    );
  }
  const kinds = o.kinds ?? PATTERN_KINDS;
  for (const k of kinds) {
    if (!PATTERN_KINDS.includes(k)) {
      throw invalidInput(
        `invalid pattern kind: ${JSON.stringify(k)} (expected one of ${PATTERN_KINDS.join(', ')})`,
      );
    }
  }
  return {
    segments: o.segments,
    cutoff: resolveCutoff(o.asOf),
    minSupport,
    alpha,
    minLift,
    minCustomers,
    creatives: [creatives[0].trim().toLowerCase(), creatives[1].trim().toLowerCase()],
    kinds: new Set(kinds),
  };
}

function integerAtLeast(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw invalidInput(`invalid ${name}: ${v} (expected an integer of at least ${min})`);
  return v;
}

function resolveCutoff(asOf: HiddenPatternsOptions['asOf']): Date | null {
  if (asOf === undefined) return null;
  if (typeof asOf === 'object') {
    if (!Number.isFinite(asOf.cutoffMs)) throw invalidInput(`invalid as-of cutoff: ${asOf.cutoffMs}`);
    return new Date(asOf.cutoffMs);
  }
  const ms = calendarDay(asOf);
  if (ms === null) {
    throw invalidInput(`invalid as-of date: "${asOf}"`, 'give a calendar day as YYYY-MM-DD, e.g. 2011-06-30');
  }
  return new Date(ms + DAY_MS);
}
