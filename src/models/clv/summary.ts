import { err, ok, type Result } from '../../core/result.js';
import { groupRows } from './group-rows.js';
import type { RfmColumns, SpendExclusions } from './types.js';

/**
 * Sufficient statistics for the purchase models: the distinct (x, t_x, T) patterns with the number of customers
 * showing each (Fader & Hardie fit on exactly this "RFM matrix"). The likelihood is evaluated once per row.
 */
export interface RfmSummary extends RfmColumns {
  readonly weight: Float64Array;
  /** Σ weight: customers summarised. */
  readonly nCustomers: number;
  readonly nRows: number;
}

/** Sufficient statistics for Gamma-Gamma: distinct (x, mean repeat spend) pairs with weights, after exclusions. */
export interface SpendSummary {
  readonly x: Float64Array;
  readonly monetary: Float64Array;
  readonly weight: Float64Array;
  readonly nCustomers: number;
  readonly nRows: number;
  readonly excluded: SpendExclusions;
}

/** A bad input value: which row (0-based), which column, and what was expected. */
export interface InputIssue {
  readonly row: number;
  readonly column: 'x' | 'tx' | 'T' | 'monetary' | 'weight';
  readonly message: string;
}

export interface CustomerRfm {
  readonly x: ArrayLike<number>;
  readonly tx: ArrayLike<number>;
  readonly T: ArrayLike<number>;
}

const issue = (row: number, column: InputIssue['column'], message: string): Result<never, InputIssue> =>
  err({ row, column, message: `row ${row}, column ${column}: ${message}` });

function checkRow(x: number, tx: number, T: number, row: number): Result<never, InputIssue> | null {
  if (!Number.isFinite(x) || x < 0 || x !== Math.floor(x))
    return issue(row, 'x', `expected a whole number of repeat purchases ≥ 0, got ${x}`);
  if (!Number.isFinite(T) || T < 0) return issue(row, 'T', `expected a finite age ≥ 0, got ${T}`);
  if (!Number.isFinite(tx) || tx < 0) return issue(row, 'tx', `expected a finite recency ≥ 0, got ${tx}`);
  if (tx > T * (1 + 1e-12) + 1e-12)
    return issue(
      row,
      'tx',
      `recency ${tx} exceeds T = ${T}: the last purchase cannot be after the end of calibration`,
    );
  if (x === 0 && tx !== 0)
    return issue(row, 'tx', `recency must be 0 when x = 0 (no repeat purchase), got ${tx}`);
  return null;
}

/** Validates per-customer (x, t_x, T) and collapses identical customers into weighted rows. */
export function summariseRfm(customers: CustomerRfm): Result<RfmSummary, InputIssue> {
  const n = customers.x.length;
  if (customers.tx.length !== n || customers.T.length !== n)
    return issue(
      0,
      'tx',
      `columns differ in length: x ${n}, tx ${customers.tx.length}, T ${customers.T.length}`,
    );
  return weightedRfmSummary({ ...customers, weight: null });
}

/**
 * Validates pre-aggregated rows (e.g. from a SQL GROUP BY) with positive weights, merging duplicate rows.
 * `weight: null` means one customer per row.
 */
export function weightedRfmSummary(
  rows: CustomerRfm & { readonly weight: ArrayLike<number> | null },
): Result<RfmSummary, InputIssue> {
  const n = rows.x.length;
  const x = Float64Array.from(rows.x);
  const tx = Float64Array.from(rows.tx);
  const T = Float64Array.from(rows.T);
  for (let i = 0; i < n; i++) {
    const bad = checkRow(x[i] as number, tx[i] as number, T[i] as number, i);
    if (bad) return bad;
    const w = rows.weight === null ? 1 : (rows.weight[i] as number);
    if (!(w > 0) || !Number.isFinite(w))
      return issue(i, 'weight', `expected a positive finite weight, got ${w}`);
  }
  const { group, firstRow } = groupRows([x, tx, T], n);
  const m = firstRow.length;
  const weight = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const g = group[i] as number;
    weight[g] = (weight[g] as number) + (rows.weight === null ? 1 : (rows.weight[i] as number));
  }
  let total = 0;
  for (let g = 0; g < m; g++) total += weight[g] as number;
  const pick = (col: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let g = 0; g < m; g++) out[g] = col[firstRow[g] as number] as number;
    return out;
  };
  return ok({ x: pick(x), tx: pick(tx), T: pick(T), weight, nCustomers: total, nRows: m });
}

/**
 * Builds the Gamma-Gamma statistics from per-customer x and mean repeat spend. Customers with x = 0 or
 * monetary ≤ 0 are excluded and counted, not rejected; non-finite values are input errors.
 */
export function summariseSpend(customers: {
  readonly x: ArrayLike<number>;
  readonly monetary: ArrayLike<number>;
}): Result<SpendSummary, InputIssue> {
  const n = customers.x.length;
  if (customers.monetary.length !== n)
    return issue(0, 'monetary', `columns differ in length: x ${n}, monetary ${customers.monetary.length}`);
  const keepX: number[] = [];
  const keepM: number[] = [];
  let noRepeat = 0;
  let nonPositiveSpend = 0;
  for (let i = 0; i < n; i++) {
    const x = customers.x[i] as number;
    const m = customers.monetary[i] as number;
    if (!Number.isFinite(x) || x < 0 || x !== Math.floor(x))
      return issue(i, 'x', `expected a whole number of repeat purchases ≥ 0, got ${x}`);
    if (!Number.isFinite(m)) return issue(i, 'monetary', `expected a finite mean repeat spend, got ${m}`);
    if (x === 0) noRepeat++;
    else if (m <= 0) nonPositiveSpend++;
    else {
      keepX.push(x);
      keepM.push(m);
    }
  }
  const xs = Float64Array.from(keepX);
  const ms = Float64Array.from(keepM);
  const { group, firstRow } = groupRows([xs, ms], xs.length);
  const k = firstRow.length;
  const weight = new Float64Array(k);
  for (let i = 0; i < xs.length; i++) weight[group[i] as number] = (weight[group[i] as number] as number) + 1;
  const x = new Float64Array(k);
  const monetary = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    x[g] = xs[firstRow[g] as number] as number;
    monetary[g] = ms[firstRow[g] as number] as number;
  }
  return ok({
    x,
    monetary,
    weight,
    nCustomers: xs.length,
    nRows: k,
    excluded: { noRepeat, nonPositiveSpend },
  });
}
