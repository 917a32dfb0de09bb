import type { Clock } from './clock.js';

/** Longest delay setTimeout accepts; longer waits (30 days) are chained. */
const MAX_DELAY = 2_147_483_647;

/** The real clock: `Date.now()` and timers that fire at an absolute instant, however far away. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, fire) {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const delay = at - Date.now();
      if (delay <= 0) {
        handle = undefined;
        fire();
        return;
      }
      handle = setTimeout(arm, Math.min(delay, MAX_DELAY));
      handle.unref?.();
    };
    handle = setTimeout(arm, Math.max(0, Math.min(at - Date.now(), MAX_DELAY)));
    handle.unref?.();
    return () => {
      if (handle !== undefined) clearTimeout(handle);
      handle = undefined;
    };
  },
};
