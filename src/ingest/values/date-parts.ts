import { assertNever } from '../../core/assert-never.js';
import { err, ok, type Result } from '../../core/result.js';
import { checkDate, checkTime } from './calendar.js';
import type { DateFormat } from './date-format.js';
import type { DatePattern } from './date-pattern.js';
import { quoted, type Reason } from './reason.js';

/** A validated calendar date and wall time as written, before conversion to epoch milliseconds. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC when the value states an offset (`Z`, `+02:00`); null for a local wall time. */
  readonly offsetMinutes: number | null;
  readonly hasTime: boolean;
}

const TIME = '(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?';
export const ISO_DATE = new RegExp(
  `^(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})${TIME}\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$`,
  'i',
);
export const DAY_MONTH_DATE = new RegExp(
  `^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d+)${TIME}\\s*([AaPp]\\.?[Mm]\\.?)?)?$`,
);
export const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

const EXPECTED: Readonly<Record<Exclude<DateFormat, DatePattern>, string>> = {
  iso: 'year-month-day, like 2010-12-01 or 2010-12-01 08:26:00',
  dmy: 'day/month/year, like 31/12/2010 or 31/12/2010 08:26',
  mdy: 'month/day/year, like 12/31/2010 or 12/31/2010 8:26',
  'ymd-compact': 'yyyymmdd, like 20101231',
};

const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1,
  ene: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  ago: 8,
  sep: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  dic: 12,
};

const expectedOf = (format: DateFormat): string =>
  typeof format === 'string' ? EXPECTED[format] : `the pattern ${format.source}`;

const notADate = (text: string, format: DateFormat): Result<never, Reason> =>
  err(`not a date: ${quoted(text)} (expected ${expectedOf(format)})`);

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
const millis = (fraction: string | undefined): number =>
  fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3));

/** Reads and validates the parts of a date or timestamp in the given format. */
export function readDateParts(text: string, format: DateFormat): Result<DateParts, Reason> {
  const t = text.trim();
  if (t === '') return err('expected a date but the value is empty');
  let year: number;
  let month: number;
  let day: number;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let offset: string | undefined;
  let ampm: string | undefined;
  let hasTime = false;
  if (format === 'iso') {
    const m = ISO_DATE.exec(t);
    if (m === null) return notADate(text, format);
    year = num(m[1]);
    month = num(m[3]);
    day = num(m[4]);
    hasTime = m[5] !== undefined;
    hour = num(m[5]);
    minute = num(m[6]);
    second = num(m[7]);
    millisecond = millis(m[8]);
    offset = m[9];
  } else if (format === 'dmy' || format === 'mdy') {
    const m = DAY_MONTH_DATE.exec(t);
    if (m === null) return notADate(text, format);
    const y = m[4]!;
    if (y.length === 2) {
      return err(
        `not a valid date: ${quoted(text)} (two-digit years are not accepted; write the year with four digits)`,
      );
    }
    if (y.length !== 4) return notADate(text, format);
    year = Number(y);
    day = num(format === 'dmy' ? m[1] : m[3]);
    month = num(format === 'dmy' ? m[3] : m[1]);
    hasTime = m[5] !== undefined;
    hour = num(m[5]);
    minute = num(m[6]);
    second = num(m[7]);
    millisecond = millis(m[8]);
    ampm = m[9];
  } else if (format === 'ymd-compact') {
    const m = COMPACT_DATE.exec(t);
    if (m === null) return notADate(text, format);
    year = num(m[1]);
    month = num(m[2]);
    day = num(m[3]);
  } else {
    const m = format.regex.exec(t);
    if (m === null) return notADate(text, format);
    year = month = day = 0;
    for (let i = 0; i < format.roles.length; i++) {
      const v = m[i + 1]!;
      const role = format.roles[i]!;
      switch (role) {
        case 'year':
          year = Number(v);
          break;
        case 'month':
          month = Number(v);
          break;
        case 'monthName': {
          const named = MONTH_ABBREVIATIONS[v.slice(0, 3).toLowerCase()];
          if (named === undefined)
            return err(`not a valid date: ${quoted(text)} (unknown month name "${v}")`);
          month = named;
          break;
        }
        case 'day':
          day = Number(v);
          break;
        case 'hour':
        case 'hour12':
          hour = Number(v);
          hasTime = true;
          break;
        case 'minute':
          minute = Number(v);
          break;
        case 'second':
          second = Number(v);
          break;
        case 'fraction':
          millisecond = millis(v);
          break;
        case 'offset':
          offset = v;
          break;
        case 'ampm':
          ampm = v;
          break;
        default:
          return assertNever(role, 'pattern role');
      }
    }
  }
  const dateProblem = checkDate(year, month, day, text);
  if (dateProblem !== null) return err(dateProblem);
  const timeProblem = checkTime(hour, minute, second, text, ampm !== undefined);
  if (timeProblem !== null) return err(timeProblem);
  if (ampm !== undefined) hour = (hour % 12) + (ampm[0] === 'p' || ampm[0] === 'P' ? 12 : 0);
  let offsetMinutes: number | null = null;
  if (offset !== undefined) {
    offsetMinutes = offsetOf(offset);
    if (offsetMinutes === null)
      return err(`not a valid time: ${quoted(text)} (the UTC offset ${offset} does not exist)`);
  }
  return ok({ year, month, day, hour, minute, second, millisecond, offsetMinutes, hasTime });
}

/** `Z` → 0, `+02:00` / `+0200` / `+02` → 120, `-05:30` → -330; null when out of range. */
function offsetOf(text: string): number | null {
  if (text === 'Z' || text === 'z') return 0;
  const digits = text.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (h > 14 || m > 59) return null;
  return (text[0] === '-' ? -1 : 1) * (h * 60 + m);
}
