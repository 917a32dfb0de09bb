import type { SegmentRuntime } from '../segments/runtime/segment-runtime.js';

/** The server's live runtime, given ready or still loading (`segmenta serve` listens while it loads). */
export interface LiveRuntime {
  /** The runtime if loaded, else `undefined` (for reads, which must not wait a minute at startup). */
  now(): SegmentRuntime | undefined;
  /** The runtime once loaded (for writes: a segment saved meanwhile must go through it); rejects if it failed. */
  wait(): Promise<SegmentRuntime | undefined>;
}

export function liveRuntime(
  given: SegmentRuntime | Promise<SegmentRuntime | undefined> | undefined,
): LiveRuntime {
  if (!(given instanceof Promise)) return { now: () => given, wait: async () => given };
  let ready: SegmentRuntime | undefined;
  given.then(
    (rt) => {
      ready = rt;
    },
    () => undefined,
  );
  return { now: () => ready, wait: () => given };
}
