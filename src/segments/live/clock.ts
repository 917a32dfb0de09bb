/**
 * The time port (STYLE §3): the live engine reads the time and registers the instant it must wake up at, and
 * never polls. `systemClock` is the real adapter; `FakeClock` drives scenario and property tests.
 */
export interface Clock {
  /** Epoch ms. */
  now(): number;
  /** Call `fire` once when the clock reaches `at` (at once if it has). Returns a function that cancels it. */
  setTimer(at: number, fire: () => void): () => void;
}
