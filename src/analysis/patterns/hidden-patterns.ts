import type { Warehouse } from '../../warehouse/warehouse.js';
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { categoryChannelStatements, categoryChannelUnits } from './category-channel.js';
import { type CreativeTest, runCreativeTests } from './creative-response.js';
import { creativeStatements } from './creative-statements.js';
import { type GridTest, runGridTests } from './grid-tests.js';
import { type HiddenPatternsOptions, resolvePatternOptions } from './options.js';
import { withSegmentRelation } from './segment-source.js';
import { byStrength, type PatternKind, type PatternStatement } from './statement.js';
import { weekdayHourStatements, weekdayHourUnits } from './weekday-hour.js';

export interface HiddenPatterns {
  /** Significant over-indexing and creative preferences, strongest first. */
  readonly statements: readonly PatternStatement[];
  /** Hypotheses in the Benjamini–Hochberg family, by analysis. */
  readonly tested: Readonly<Record<PatternKind, number>>;
  /** The settings used, for the record. */
  readonly settings: {
    readonly asOfCutoff: string | null;
    readonly minSupport: number;
    readonly alpha: number;
    readonly minLift: number;
    readonly minCustomers: number;
    readonly creatives: readonly [string, string];
  };
}

/**
 * Hidden patterns per segment, for any segmentation: when a segment buys (weekday × hour), what through which
 * channel (category × channel), and which creative type converts it (campaign responses), each against all
 * other customers, written as plain statements ("\"At Risk\" buys 2.3x more on Tuesday 20-23h than other
 * customers …"). Every hypothesis tested in the call (every supported hour, category × channel cell and
 * creative comparison of every segment) is one Benjamini–Hochberg family, which keeps the expected share of
 * false discoveries at `alpha` (exactly for independent tests; the cells of one segment are only mildly
 * dependent). Tests treat customers as clusters (Rao & Scott 1992), so one customer's many orders count as one
 * customer's evidence. Deterministic: same data and options, same statements in the same order.
 */
export async function hiddenPatterns(wh: Warehouse, options: HiddenPatternsOptions): Promise<HiddenPatterns> {
  const o = resolvePatternOptions(options);
  return withSegmentRelation(wh, o.segments, async (segments) => {
    const hourUnits = weekdayHourUnits(o.cutoff);
    const hours: GridTest[] = o.kinds.has('weekday_hour')
      ? await runGridTests(wh, segments, hourUnits, o.minSupport)
      : [];
    const cells: GridTest[] = o.kinds.has('category_channel')
      ? await runGridTests(wh, segments, categoryChannelUnits(o.cutoff), o.minSupport)
      : [];
    const creatives: CreativeTest[] = o.kinds.has('creative') ? await runCreativeTests(wh, segments, o) : [];

    const p = [
      ...hours.map((t) => t.result.p),
      ...cells.map((t) => t.result.p),
      ...creatives.map((t) => t.within.p),
      ...creatives.map((t) => t.versus.p),
    ];
    const q = benjaminiHochberg(p);
    const a = hours.length;
    const b = a + cells.length;
    const c = b + creatives.length;
    const [qHours, qCells, qWithin, qVersus] = [q.slice(0, a), q.slice(a, b), q.slice(b, c), q.slice(c)];

    const statements: PatternStatement[] = [
      ...(await weekdayHourStatements(wh, segments, hourUnits, hours, qHours, o)),
      ...categoryChannelStatements(cells, qCells, o),
      ...creativeStatements(creatives, qWithin, qVersus, o),
    ].sort(byStrength);
    return {
      statements,
      tested: { weekday_hour: hours.length, category_channel: cells.length, creative: 2 * creatives.length },
      settings: {
        asOfCutoff: o.cutoff ? o.cutoff.toISOString() : null,
        minSupport: o.minSupport,
        alpha: o.alpha,
        minLift: o.minLift,
        minCustomers: o.minCustomers,
        creatives: o.creatives,
      },
    };
  });
}
