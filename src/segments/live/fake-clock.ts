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
        if (t.at <= to && (next === undefined || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
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

  /** Timers waiting, for tests. */
  pending(): number {
    return this.timers.length;
  }
}
