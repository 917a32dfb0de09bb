import { err, ok, type Result } from '../../core/result.js';
import { checkDate } from './calendar.js';
import { COMPACT_DATE, DAY_MONTH_DATE, ISO_DATE } from './date-parts.js';
import { quoted, type Reason } from './reason.js';

export interface DateDetection {
  readonly format: 'iso' | 'dmy' | 'mdy' | 'ymd-compact';
  /** Some values carry a time of day: the column is a timestamp. */
  readonly hasTime: boolean;
  /** Day/month order could not be told from the values; day first was assumed. */
  readonly assumed: boolean;
  /** A sentence for the import report when something was assumed. */
  readonly note?: string;
}

/** At least this share of the non-blank samples must fit the chosen format. */
const MIN_SHARE = 0.9;

const isCompactDate = (t: string): boolean => {
  const m = COMPACT_DATE.exec(t);
  if (m === null) return false;
  const y = Number(m[1]);
  // Plausible years only: an 8-digit id column must not pass for dates.
  return y >= 1800 && y <= 2200 && checkDate(y, Number(m[2]), Number(m[3]), t) === null;
};

/**
 * Finds the date format of a column from sample values. Day/month order comes from values that can only be
 * read one way (`13/01/2020` is day first, `01/13/2020` month first); when every value reads both ways, day
 * first is assumed (the Spanish and European default) and `note` says so.
 */
export function detectDateFormat(samples: readonly string[]): Result<DateDetection, Reason> {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return err('no values to detect a date format from');
  const need = Math.ceil(values.length * MIN_SHARE);
  const iso = values.filter((v) => ISO_DATE.test(v));
  if (iso.length >= need) {
    return ok({ format: 'iso', hasTime: iso.some((v) => /\d[T ]+\d/i.test(v)), assumed: false });
  }
  if (values.filter(isCompactDate).length >= need)
    return ok({ format: 'ymd-compact', hasTime: false, assumed: false });
  const dm = values.map((v) => DAY_MONTH_DATE.exec(v)).filter((m) => m !== null);
  if (dm.length < need) {
    const odd =
      values.find((v) => !ISO_DATE.test(v) && !DAY_MONTH_DATE.test(v) && !isCompactDate(v)) ?? values[0]!;
    return err(`no common date format: ${quoted(odd)} is not like 2010-12-01, 31/12/2010 or 20101231`);
  }
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  for (const m of dm) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dayFirst ??= m[0];
    if (b > 12 && a <= 12) monthFirst ??= m[0];
  }
  const hasTime = dm.some((m) => m[5] !== undefined);
  if (dayFirst !== undefined && monthFirst !== undefined) {
    return err(
      `day and month order is inconsistent: ${quoted(dayFirst)} has the day first but ${quoted(monthFirst)} has the month first`,
    );
  }
  if (dayFirst !== undefined) return ok({ format: 'dmy', hasTime, assumed: false });
  if (monthFirst !== undefined) return ok({ format: 'mdy', hasTime, assumed: false });
  return ok({
    format: 'dmy',
    hasTime,
    assumed: true,
    note: `every date reads as day/month or month/day (e.g. ${quoted(dm[0]![0])}); assumed day/month/year, pass --date-format mdy if the month comes first`,
  });
}
