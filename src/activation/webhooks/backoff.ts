import type { Rng } from '../../core/rng.js';

export interface BackoffOptions {
  /** Delay before the first retry (ms). */
  readonly baseMs: number;
  /** Longest delay (ms). */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 3_600_000 };

/**
 * Delay before retry number `attempt` (1 = after the first failure): exponential, base·2^(attempt−1) capped at
 * max, with "equal jitter" (half fixed, half random) so receivers coming back up are not hit by every retry at
 * once. The random half comes from a seeded Rng, so tests are deterministic.
 */
export function backoffDelay(attempt: number, rng: Rng, o: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + rng.next() * (exp / 2));
}
