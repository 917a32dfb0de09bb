import type { RfmSummary } from './summary.js';

/**
 * A summary compiled for repeated likelihood evaluation (compile once, evaluate many): x as integers, and t_x and
 * T replaced by indices into their distinct values, so per evaluation ln(α+T) is computed once per distinct T,
 * not once per row.
 */
export interface RfmIndex {
  readonly nRows: number;
  readonly x: Int32Array;
  readonly maxX: number;
  readonly weight: Float64Array;
  readonly totalWeight: number;
  readonly tValues: Float64Array;
  readonly tIdx: Int32Array;
  readonly txValues: Float64Array;
  readonly txIdx: Int32Array;
  /** Weighted means of x and T (for data-driven starting values). */
  readonly meanX: number;
  readonly meanT: number;
}

/** Distinct values in ascending order, and each input's index into them. */
export function distinctIndex(values: Float64Array): { values: Float64Array; idx: Int32Array } {
  const sorted = Float64Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i] as number;
  const distinct = sorted.slice(0, m);
  const map = new Map<number, number>();
  for (let k = 0; k < m; k++) map.set(distinct[k] as number, k);
  const idx = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) idx[i] = map.get(values[i] as number) as number;
  return { values: distinct, idx };
}

/**
 * Compiles a summary for the likelihoods. Rows are reordered by (T, tₓ) so that per-row lookups of ln(α+T) and
 * ln(α+tₓ) walk their tables in order (this matters when times are continuous and the tables are large).
 */
export function indexRfm(s: RfmSummary): RfmIndex {
  const n = s.nRows;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => (s.T[i] as number) - (s.T[j] as number) || (s.tx[i] as number) - (s.tx[j] as number),
  );
  const x = new Int32Array(n);
  const weight = new Float64Array(n);
  const T = new Float64Array(n);
  const tx = new Float64Array(n);
  let maxX = 0;
  let sx = 0;
  let sT = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const xi = s.x[i] as number;
    const w = s.weight[i] as number;
    x[k] = xi;
    weight[k] = w;
    T[k] = s.T[i] as number;
    tx[k] = s.tx[i] as number;
    if (xi > maxX) maxX = xi;
    sx += w * xi;
    sT += w * (s.T[i] as number);
  }
  const t = distinctIndex(T);
  const txd = distinctIndex(tx);
  return {
    nRows: n,
    x,
    maxX,
    weight,
    totalWeight: s.nCustomers,
    tValues: t.values,
    tIdx: t.idx,
    txValues: txd.values,
    txIdx: txd.idx,
    meanX: sx / s.nCustomers,
    meanT: sT / s.nCustomers,
  };
}
