import { invalidInput } from '../../../core/errors.js';

/** Cross-tabulation of two labellings over the same rows (any integer codes, densely re-coded). */
export function contingency(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { table: number[][]; rows: number[]; cols: number[] } {
  if (a.length !== b.length) throw invalidInput(`labellings differ in length: ${a.length} and ${b.length}`);
  const rows = [...new Set(Array.from(a))].sort((p, q) => p - q);
  const cols = [...new Set(Array.from(b))].sort((p, q) => p - q);
  const ri = new Map(rows.map((v, i) => [v, i]));
  const ci = new Map(cols.map((v, i) => [v, i]));
  const table = rows.map(() => new Array<number>(cols.length).fill(0));
  for (let i = 0; i < a.length; i++) table[ri.get(a[i]!)!]![ci.get(b[i]!)!]!++;
  return { table, rows, cols };
}

const pairs = (m: number) => (m * (m - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie 1985, "Comparing partitions"): pair agreement corrected for chance;
 * 1 for identical partitions (up to renaming), about 0 for independent ones. Same conventions as scikit-learn
 * (1 when both labellings are trivial in the same way).
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { table } = contingency(a, b);
  const n = a.length;
  let sumCells = 0;
  const rowSums: number[] = [];
  const colSums = new Array<number>(table[0]?.length ?? 0).fill(0);
  for (const row of table) {
    let r = 0;
    row.forEach((v, j) => {
      sumCells += pairs(v);
      r += v;
      colSums[j]! += v;
    });
    rowSums.push(r);
  }
  const sumRows = rowSums.reduce((s, v) => s + pairs(v), 0);
  const sumCols = colSums.reduce((s, v) => s + pairs(v), 0);
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumRows * sumCols) / total;
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}
