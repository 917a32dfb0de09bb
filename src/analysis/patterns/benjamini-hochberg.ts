/**
 * Benjamini–Hochberg adjusted p-values (q-values) for a family of tests, controlling the false discovery rate
 * (Benjamini & Hochberg 1995, JRSS B 57:289-300): q(i) = min over j ≥ rank(i) of p(j)·m / j, capped at 1. Same as
 * R's `p.adjust(p, "BH")`. Returned in input order; ties keep input order, so the result is deterministic.
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  for (const [i, v] of p.entries()) {
    if (!(v >= 0 && v <= 1)) throw new Error(`p-value ${i} is not in [0, 1]: ${v}`);
  }
  const order = p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1] as number;
    running = Math.min(running, ((p[i] as number) * m) / rank);
    q[i] = running;
  }
  return q;
}
