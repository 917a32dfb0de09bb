import type { Clock } from './clock.js';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
}

/**
 * A clock that moves only when told: `advanceTo` fires every timer due on the way, in time order, with `now()`
 * reading each timer's own instant while it runs. Deterministic; no sleeps.
 */
export class FakeClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(at: number, fire: () => void): () => void {
    const timer: Timer = { at, seq: this.seq++, fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Move to `to`, firing due timers in order (timers set while firing are honoured too). */
  advanceTo(to: number): void {
    if (to < this.current) throw new Error(`the fake clock cannot go back from ${this.current} to ${to}`);
    for (;;) {
      let next: Timer | undefined;
      for (const t of this.timers) {
        if (t.at <= to && (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq)))
          next = t;
      }
      if (next === undefined) break;
      const due = next;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fire();
    }
    this.current = to;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** The earliest timer's instant, if any. */
  nextTimerAt(): number | undefined {
    let at: number | undefined;
    for (const t of this.timers) if (at === undefined || t.at < at) at = t.at;
    return at;
  }

  /**
   * Move to `to` one timer at a time, awaiting `settle` after each, so asynchronous work a timer starts (and the
   * timers it sets) happens at the right instants.
   */
  async run(to: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      const next = this.nextTimerAt();
      if (next !== undefined && next <= to) this.advanceTo(Math.max(next, this.current));
      else if (this.current < to) this.advanceTo(to);
      else return;
      await settle();
    }
  }

  /** Timers waiting, for tests. */
  pending(): number {
    return this.timers.length;
  }
}
