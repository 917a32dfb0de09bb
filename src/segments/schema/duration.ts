import { z } from 'zod';

const POSITIVE_INT = 'expected a positive integer';
const positiveInt = () =>
  z.number({ error: POSITIVE_INT }).int({ error: POSITIVE_INT }).positive({ error: POSITIVE_INT });

/** A length of time given in whole days, hours and minutes; a day is 24 hours (UTC, no calendar). */
export const durationFields = {
  days: positiveInt().optional(),
  hours: positiveInt().optional(),
  minutes: positiveInt().optional(),
};

export interface DurationInput {
  readonly days?: number | undefined;
  readonly hours?: number | undefined;
  readonly minutes?: number | undefined;
}

export const hasDuration = (d: DurationInput): boolean =>
  d.days !== undefined || d.hours !== undefined || d.minutes !== undefined;

export const NEEDS_DURATION = 'expected at least one of days, hours, minutes';

export const Duration = z.strictObject(durationFields).refine(hasDuration, { error: NEEDS_DURATION }).meta({
  id: 'Duration',
  description: 'A length of time: days, hours and minutes add up; a day is 24 hours.',
});

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The duration in milliseconds. */
export const durationMs = (d: DurationInput): number =>
  (d.days ?? 0) * MS_PER_DAY + (d.hours ?? 0) * MS_PER_HOUR + (d.minutes ?? 0) * MS_PER_MINUTE;
