import { err, ok, type Result } from '../../core/result.js';
import { compileDatePattern, type DatePattern } from './date-pattern.js';
import type { Reason } from './reason.js';

/**
 * How a date column is written. `iso` is year first (`2010-12-01`, `2010-12-01 08:26:00`, `…T08:26:00Z`,
 * offsets), `dmy` / `mdy` use `/`, `-` or `.` with an optional ` hh:mm[:ss]`, `ymd-compact` is `yyyymmdd`.
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'ymd-compact' | DatePattern;

const NAMED = new Set(['iso', 'dmy', 'mdy', 'ymd-compact']);

/** Reads a `--date-format` value: a named format or a pattern with % directives. */
export function parseDateFormatOption(text: string): Result<DateFormat, Reason> {
  const t = text.trim();
  if (NAMED.has(t)) return ok(t as DateFormat);
  if (t.includes('%')) return compileDatePattern(t);
  return err(
    `unknown date format "${text}" (expected iso, dmy, mdy, ymd-compact or a pattern like %d/%m/%Y %H:%M)`,
  );
}

const DESCRIPTIONS: Readonly<Record<Exclude<DateFormat, DatePattern>, string>> = {
  iso: 'year-month-day (ISO 8601)',
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  'ymd-compact': 'yyyymmdd',
};

/** A few words for reports: `day/month/year`, `pattern %d/%m/%Y %H:%M`. */
export const describeDateFormat = (format: DateFormat): string =>
  typeof format === 'string' ? DESCRIPTIONS[format] : `pattern ${format.source}`;
