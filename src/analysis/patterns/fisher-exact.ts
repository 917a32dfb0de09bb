/**
 * Two-sided Fisher exact test of a 2x2 table [[a, b], [c, d]] (rows: groups, columns: success / failure). Sums
 * the hypergeometric probabilities of every table with the same margins that is no more likely than the one
 * observed (the convention of R's `fisher.test` and scipy, with the same 1e-7 relative tolerance for ties).
 * Probabilities come from the ratio recurrence P(k+1)/P(k) in log space, so no factorials overflow.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d]) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`Fisher exact test needs counts, got ${v}`);
  }
  const row1 = a + b;
  const col1 = a + c;
  const total = a + b + c + d;
  const lo = Math.max(0, col1 - (total - row1));
  const hi = Math.min(row1, col1);
  if (lo === hi) return 1;
  const logP = new Float64Array(hi - lo + 1);
  for (let k = lo; k < hi; k++) {
    // P(k+1)/P(k) = (row1 − k)(col1 − k) / ((k + 1)(total − row1 − col1 + k + 1))
    const ratio = ((row1 - k) * (col1 - k)) / ((k + 1) * (total - row1 - col1 + k + 1));
    logP[k - lo + 1] = (logP[k - lo] as number) + Math.log(ratio);
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logP) max = Math.max(max, v);
  let sum = 0;
  for (const v of logP) sum += Math.exp(v - max);
  const observed = Math.exp((logP[a - lo] as number) - max);
  let tail = 0;
  for (const v of logP) {
    const w = Math.exp(v - max);
    if (w <= observed * (1 + 1e-7)) tail += w;
  }
  return Math.min(1, tail / sum);
}
