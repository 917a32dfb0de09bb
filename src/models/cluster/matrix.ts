import { invalidInput } from '../../core/errors.js';

/** A dense row-major matrix of float64: row `i`, column `j` lives at `data[i * d + j]`. */
export interface Matrix {
  readonly n: number;
  readonly d: number;
  readonly data: Float64Array;
}

/** Wrap (or allocate) row-major data as a matrix, checking the length. */
export function createMatrix(n: number, d: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(d) || d < 0) {
    throw invalidInput(`invalid matrix shape: ${n} x ${d}`);
  }
  const values = data ?? new Float64Array(n * d);
  if (values.length !== n * d) {
    throw invalidInput(`matrix data has ${values.length} values, expected ${n} x ${d} = ${n * d}`);
  }
  return { n, d, data: values };
}

/** Build a matrix from rows of equal length. */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (row.length !== d) throw invalidInput(`row ${i} has ${row.length} values, expected ${d}`);
    data.set(row, i * d);
  }
  return { n, d, data };
}

/** The rows as plain arrays (for JSON). */
export function matrixToRows(x: Matrix): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < x.n; i++) rows.push(Array.from(x.data.subarray(i * x.d, (i + 1) * x.d)));
  return rows;
}

/** Copy the given rows (in order, repeats allowed) into a new matrix. */
export function takeRows(x: Matrix, indices: ArrayLike<number>): Matrix {
  const { d } = x;
  const out = new Float64Array(indices.length * d);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    out.set(x.data.subarray(i * d, i * d + d), r * d);
  }
  return { n: indices.length, d, data: out };
}

/** Copy the given columns into a new matrix. */
export function selectColumns(x: Matrix, columns: readonly number[]): Matrix {
  const { n, d } = x;
  const m = columns.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < m; c++) out[i * m + c] = x.data[i * d + columns[c]!]!;
  }
  return { n, d: m, data: out };
}

/** Column `j` as a new array. */
export function column(x: Matrix, j: number): Float64Array {
  const out = new Float64Array(x.n);
  for (let i = 0; i < x.n; i++) out[i] = x.data[i * x.d + j]!;
  return out;
}

/** Column means. */
export function columnMeans(x: Matrix): Float64Array {
  const { n, d, data } = x;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) mean[j]! += data[o + j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= n || 1;
  return mean;
}

/** Population (ddof = 0) column variances around the given means. */
export function columnVariances(x: Matrix, mean: Float64Array = columnMeans(x)): Float64Array {
  const { n, d, data } = x;
  const v = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const t = data[o + j]! - mean[j]!;
      v[j]! += t * t;
    }
  }
  for (let j = 0; j < d; j++) v[j]! /= n || 1;
  return v;
}

/** Throw an actionable error when the matrix holds NaN or infinite values. */
export function assertFinite(x: Matrix, what = 'data'): void {
  const { d, data } = x;
  for (let p = 0; p < data.length; p++) {
    if (!Number.isFinite(data[p]!)) {
      const i = Math.floor(p / d);
      throw invalidInput(
        `${what}: row ${i}, column ${p - i * d} is ${data[p]}, expected a finite number`,
        'impute missing values (fitImputer) before clustering',
      );
    }
  }
}

/** Put matrices side by side (same number of rows), e.g. scaled numbers next to one-hot categories. */
export function hstack(parts: readonly Matrix[]): Matrix {
  const n = parts[0]?.n ?? 0;
  const d = parts.reduce((s, p) => s + p.d, 0);
  const out = new Float64Array(n * d);
  let offset = 0;
  for (const p of parts) {
    if (p.n !== n) throw invalidInput(`hstack: a part has ${p.n} rows, expected ${n}`);
    for (let i = 0; i < n; i++) out.set(p.data.subarray(i * p.d, (i + 1) * p.d), i * d + offset);
    offset += p.d;
  }
  return { n, d, data: out };
}
