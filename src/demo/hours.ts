import type { Rng } from '../core/rng.js';
import { cumulative, pickIndex } from './distributions.js';

/**
 * When in the day people order. Timestamps are the customer's local wall-clock time stored as UTC epoch ms (as
 * shop exports write them), so "Tuesday 21:00" means Tuesday 21:00 where the customer is.
 */
export const HOUR_MS = 3_600_000;

// biome-ignore format: one weight per hour, 0h..23h
const ONLINE = [1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 1.8, 2.8, 3.8, 4.6, 5.0, 5.2, 5.6, 5.0, 4.4, 4.6, 5.0, 5.6, 6.0, 6.4, 6.6, 5.2, 2.8];
// biome-ignore format: one weight per hour, 0h..23h
const MORNING = [0.3, 0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 2.6, 4.6, 6.4, 7.4, 7.6, 6.8, 5.8, 4.2, 3.8, 4.0, 4.2, 4.4, 4.2, 3.6, 3.0, 1.8, 0.8];
// biome-ignore format: one weight per hour, 0h..23h
const STORE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 6.5, 6, 3.5, 3, 4, 5, 6.5, 7, 5.5, 2, 0, 0];
// biome-ignore format: one weight per hour, 0h..23h
const PHONE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 6.5, 6, 4, 3, 4, 5, 5, 4.5, 3, 0, 0, 0, 0];
// biome-ignore format: one weight per hour, 0h..23h
const LEISURE = [0.8, 0.3, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.6, 3.4, 5.6, 6.6, 6.4, 5.2, 4.4, 4.0, 4.6, 5.4, 6.0, 6.2, 6.6, 6.0, 4.2, 2.0];
// biome-ignore format: one weight per hour, 0h..23h
const TUESDAY_NIGHT = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1.15, 0.85, 0];

export const HOUR_PROFILES = {
  online: cumulative(ONLINE),
  morning: cumulative(MORNING),
  store: cumulative(STORE),
  phone: cumulative(PHONE),
  leisure: cumulative(LEISURE),
  night: cumulative(TUESDAY_NIGHT),
} as const;
export type HourProfile = keyof typeof HOUR_PROFILES;

/** Everyday weekday weights, Sunday first: Sunday evening and Monday busiest, Saturday quietest online. */
export const WEEKDAY_WEIGHTS = [1.05, 1.05, 1.0, 1.0, 1.0, 0.95, 0.85] as const;

/** Milliseconds after midnight: an hour drawn from the profile, then a uniform second within it. */
export function timeOfDay(rng: Rng, profile: Float64Array): number {
  return pickIndex(rng, profile) * HOUR_MS + rng.int(3600) * 1000;
}
