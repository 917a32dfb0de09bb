import { upperBound } from './sorted-times.js';

/** A sorted list of event times and the offsets after each time at which a condition reading it may change. */
export interface EdgeSource {
  readonly list: readonly number[];
  readonly offsets: readonly number[];
}

/** The earliest instant > now of the form t + offset, over all sources; Infinity when there is none. */
export function nextEdge(sources: readonly EdgeSource[], now: number): number {
  // Indexed loops: this runs per event and segment, and for-of allocates iterator results until optimised.
  let best = Number.POSITIVE_INFINITY;
  for (let j = 0; j < sources.length; j++) {
    const s = sources[j]!;
    for (let m = 0; m < s.offsets.length; m++) {
      const o = s.offsets[m]!;
      const i = upperBound(s.list, now - o);
      if (i < s.list.length && s.list[i]! + o < best) best = s.list[i]! + o;
    }
  }
  return best;
}

/** Candidate instants to try before settling for a wake-up that may turn out to change nothing. */
const MAX_STEPS = 64;

/**
 * The first instant after `now` at which `value` differs from its value at `now`, trying the edges of `sources`
 * in order. Values only change at edges, so this is exact; after MAX_STEPS edges it returns the last one tried
 * (an early wake-up, which re-evaluates and reschedules: never a missed change).
 */
export function nextFlip(
  sources: readonly EdgeSource[],
  now: number,
  value: (at: number) => boolean,
): number {
  const current = value(now);
  let at = now;
  for (let step = 0; step < MAX_STEPS; step++) {
    at = nextEdge(sources, at);
    if (at === Number.POSITIVE_INFINITY || value(at) !== current) return at;
  }
  return at;
}
