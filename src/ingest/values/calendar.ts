import { quoted, type Reason } from './reason.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : DAYS[m - 1]!);

/** Null for a real calendar date, else the reason (`31/02/2020` → February has 29 days at most). */
export function checkDate(y: number, m: number, d: number, text: string): Reason | null {
  const bad = (why: string): Reason => `not a valid date: ${quoted(text)} (${why})`;
  if (m < 1 || m > 12) return bad(`there is no month ${m}`);
  if (d < 1 || d > 31) return bad(`there is no day ${d}`);
  if (d <= daysInMonth(y, m)) return null;
  if (m !== 2) return bad(`${MONTH_NAMES[m - 1]} has ${daysInMonth(y, m)} days`);
  return d === 29 ? bad(`February ${y} has 28 days`) : bad('February has 29 days at most');
}

/** Null for a real time of day, else the reason. `twelveHour`: the hour came with AM/PM. */
export function checkTime(h: number, mi: number, s: number, text: string, twelveHour = false): Reason | null {
  const bad = (why: string): Reason => `not a valid time: ${quoted(text)} (${why})`;
  if (twelveHour ? h < 1 || h > 12 : h > 23) {
    return bad(twelveHour ? 'with AM/PM, hours go from 1 to 12' : 'hours go from 0 to 23');
  }
  if (mi > 59) return bad('minutes go from 0 to 59');
  if (s > 59) return bad('seconds go from 0 to 59');
  return null;
}

/** Epoch milliseconds of a UTC wall time; years 0–99 are taken literally (Date.UTC would add 1900). */
export function utcMillis(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = Date.UTC(y, m - 1, d, h, mi, s, ms);
  if (y >= 0 && y < 100) {
    const date = new Date(t);
    date.setUTCFullYear(y);
    return date.getTime();
  }
  return t;
}
