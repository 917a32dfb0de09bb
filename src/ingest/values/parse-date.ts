import { ok, type Result } from '../../core/result.js';
import { utcMillis } from './calendar.js';
import type { DateFormat } from './date-format.js';
import { readDateParts } from './date-parts.js';
import type { Reason } from './reason.js';

/**
 * A calendar date as epoch milliseconds at 00:00 UTC. A time or offset after the date is accepted and ignored:
 * the day is the one written.
 */
export function parseDate(text: string, format: DateFormat): Result<number, Reason> {
  const r = readDateParts(text, format);
  return r.ok ? ok(utcMillis(r.value.year, r.value.month, r.value.day)) : r;
}

/**
 * A point in time as epoch milliseconds. A value without an offset is a wall time taken as UTC (so
 * `2010-12-01 08:26:00` is 08:26 UTC); `Z` or `+01:00` are applied. A date alone is its midnight.
 */
export function parseTimestamp(text: string, format: DateFormat): Result<number, Reason> {
  const r = readDateParts(text, format);
  if (!r.ok) return r;
  const p = r.value;
  const wall = utcMillis(p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond);
  return ok(p.offsetMinutes === null ? wall : wall - p.offsetMinutes * 60_000);
}
