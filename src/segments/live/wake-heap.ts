/** A binary min-heap of (instant, customer index) wake-ups, in two parallel arrays. */
export class WakeHeap {
  private readonly at: number[] = [];
  private readonly who: number[] = [];

  get size(): number {
    return this.at.length;
  }

  peekAt(): number {
    return this.at.length === 0 ? Number.POSITIVE_INFINITY : this.at[0]!;
  }

  push(at: number, who: number): void {
    const a = this.at;
    const w = this.who;
    let i = a.length;
    a.push(at);
    w.push(who);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= at) break;
      a[i] = a[p]!;
      w[i] = w[p]!;
      i = p;
    }
    a[i] = at;
    w[i] = who;
  }

  /** Remove the earliest; returns its customer index (read `peekAt` first for its instant). */
  pop(): number {
    const a = this.at;
    const w = this.who;
    const top = w[0]!;
    const lastAt = a.pop()!;
    const lastWho = w.pop()!;
    const n = a.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && a[r]! < a[l]! ? r : l;
      if (a[c]! >= lastAt) break;
      a[i] = a[c]!;
      w[i] = w[c]!;
      i = c;
    }
    a[i] = lastAt;
    w[i] = lastWho;
    return top;
  }
}
