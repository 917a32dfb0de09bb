/** What `hiddenPatterns` returns: plain JSON-able statements with the numbers behind them. */
export type PatternKind = 'weekday_hour' | 'category_channel' | 'creative';

export const PATTERN_KINDS: readonly PatternKind[] = ['weekday_hour', 'category_channel', 'creative'];

export interface Bilingual {
  readonly en: string;
  readonly es: string;
}

interface StatementCommon {
  readonly segment: string;
  /** Segment share / others' share, or the ratio of conversion rates (better / worse creative). */
  readonly lift: number;
  /** The 95% interval bound of the lift nearest to 1; statements are sorted by it, strongest first. */
  readonly liftLow: number;
  readonly p: number;
  /** Benjamini–Hochberg adjusted p across every hypothesis tested in the call. */
  readonly q: number;
  readonly text: Bilingual;
}

/** Units counted for an over-indexing statement: orders (weekday × hour) or order × category (category × channel). */
export interface ShareCounts {
  /** The segment's units in the cell and in total. */
  readonly segmentCell: number;
  readonly segmentTotal: number;
  /** Other customers' units in the cell and in total. */
  readonly othersCell: number;
  readonly othersTotal: number;
  /** Segment customers with at least one unit in the cell. */
  readonly segmentCustomers: number;
}

/** A range of hours of the week: from `weekday` `fromHour`:00 to `toWeekday` `toHour`:00 (exclusive). */
export interface WeekHourRange {
  /** 0 = Sunday … 6 = Saturday (SQL `dayofweek`). */
  readonly weekday: number;
  readonly fromHour: number;
  readonly toWeekday: number;
  /** Exclusive end, 1-24. */
  readonly toHour: number;
  readonly hours: number;
  readonly label: Bilingual;
}

export interface WeekdayHourStatement extends StatementCommon {
  readonly kind: 'weekday_hour';
  readonly cell: WeekHourRange;
  /** Share of the segment's purchase orders placed in the range. */
  readonly segmentShare: number;
  /** The same share among all other customers (the rest of the base). */
  readonly baseShare: number;
  readonly n: ShareCounts;
}

export interface CategoryChannelStatement extends StatementCommon {
  readonly kind: 'category_channel';
  readonly cell: { readonly category: string; readonly channel: string };
  /** Share of the segment's purchases (order × category) in this category through this channel. */
  readonly segmentShare: number;
  readonly baseShare: number;
  readonly n: ShareCounts;
}

export interface CreativeStatement extends StatementCommon {
  readonly kind: 'creative';
  readonly cell: { readonly better: string; readonly worse: string };
  /** Conversion rates of treated (non-control) sends. */
  readonly rates: { readonly better: number; readonly worse: number };
  /** Treated rate minus control rate per creative, when the segment has control sends of that creative. */
  readonly uplift: { readonly better: number | null; readonly worse: number | null };
  /** The same ratio among other customers, and the test that the segment's ratio differs from it. */
  readonly others: { readonly ratio: number; readonly p: number; readonly q: number };
  readonly test: 'clustered-z' | 'fisher';
  readonly n: {
    readonly customers: number;
    readonly betterSends: number;
    readonly betterConversions: number;
    readonly worseSends: number;
    readonly worseConversions: number;
    readonly betterControls: number;
    readonly worseControls: number;
  };
}

export type PatternStatement = WeekdayHourStatement | CategoryChannelStatement | CreativeStatement;

/** Strongest first: lift bound, then p, then a stable key, so the order never depends on the engine. */
export function byStrength(a: PatternStatement, b: PatternStatement): number {
  return (
    b.liftLow - a.liftLow ||
    a.p - b.p ||
    compareText(a.segment, b.segment) ||
    compareText(a.kind, b.kind) ||
    compareText(a.text.en, b.text.en)
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
