import { invalidInput } from '../core/errors.js';

export const DAY_MS = 86_400_000;

/**
 * The point in time an analysis sees the data from. `--as-of 2011-06-30` means "at the end of 30 June 2011
 * (UTC)": every row whose timestamp is before 2011-07-01 00:00 UTC is used (`cutoff`, exclusive) and nothing
 * later, and day counts (recency, tenure) are whole days up to the as-of date itself, so an order placed on the
 * as-of day has recency 0. Without `--as-of` the date is the day after the last order in the data, so the last
 * order has recency 1 (the usual RFM reference date). Dates are calendar days in UTC, as timestamps are stored.
 */
export interface AsOf {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Epoch ms of the as-of day at 00:00 UTC. */
  readonly dayMs: number;
  /** Epoch ms of the exclusive upper bound of the data seen: the day after `date`, 00:00 UTC. */
  readonly cutoffMs: number;
}

/** The calendar day `YYYY-MM-DD` (UTC) of an epoch ms. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function asOfFromDay(dayMs: number): AsOf {
  const day = Math.floor(dayMs / DAY_MS) * DAY_MS;
  return { date: isoDay(day), dayMs: day, cutoffMs: day + DAY_MS };
}

/** Epoch ms (00:00 UTC) of a calendar day `YYYY-MM-DD` (surrounding spaces allowed), or null for anything else. */
export function calendarDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  return m && !Number.isNaN(ms) && isoDay(ms) === text.trim() ? ms : null;
}

/** Parse `YYYY-MM-DD` with an exact message for anything else. */
export function parseAsOf(text: string): AsOf {
  const ms = calendarDay(text);
  if (ms === null) {
    throw invalidInput(
      `invalid as-of date: "${text}"`,
      'give a calendar day as YYYY-MM-DD, e.g. --as-of 2011-06-30',
    );
  }
  return asOfFromDay(ms);
}

/** The SQL parameters every feature query binds, in order: `$1` cutoff (exclusive), `$2` the as-of day. */
export const asOfParams = (a: AsOf): [Date, Date] => [new Date(a.cutoffMs), new Date(a.dayMs)];
