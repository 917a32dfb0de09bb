import { SegmentaError } from '../../core/errors.js';
import { type RfmSummary, type SpendSummary, weightedRfmSummary } from '../../models/clv/index.js';
import { quoteIdent } from '../../sql/dialect.js';
import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import {
  customerPatternQuery,
  holdoutRowsQuery,
  type PeriodsSource,
  type PeriodWindow,
  patternRowsQuery,
  periodsTableSql,
  rfmRowsQuery,
  spendRowsQuery,
} from './periods-sql.js';

/** A numeric column of a query result as a Float64Array (BIGINT counts arrive as numbers or bigints). */
export function numbers(t: ColumnTable, name: string): Float64Array {
  const c = t.columns[name];
  if (!c) throw new Error(`query result has no column ${name}`);
  const out = new Float64Array(t.rowCount);
  for (let i = 0; i < t.rowCount; i++) out[i] = Number(c[i]);
  return out;
}

const scaled = (days: Float64Array, unitDays: number): Float64Array =>
  unitDays === 1 ? days : days.map((d) => d / unitDays);

/** The purchase models' sufficient statistics, grouped in SQL; time in units of `unitDays` days. */
export async function loadRfmSummary(wh: Warehouse, s: PeriodsSource, unitDays: number): Promise<RfmSummary> {
  const t = await wh.query(rfmRowsQuery(s));
  const r = weightedRfmSummary({
    x: numbers(t, 'x'),
    tx: scaled(numbers(t, 'tx_days'), unitDays),
    T: scaled(numbers(t, 't_days'), unitDays),
    weight: numbers(t, 'weight'),
  });
  // The SQL cannot produce an invalid row; if it does, it is a bug, not a user error.
  if (!r.ok) throw new SegmentaError('internal', `CLV inputs from SQL are invalid: ${r.error.message}`);
  return r.value;
}

/** The Gamma-Gamma statistics, grouped in SQL; x = 0 and monetary ≤ 0 customers are counted, not fitted. */
export async function loadSpendSummary(wh: Warehouse, s: PeriodsSource): Promise<SpendSummary> {
  const t = await wh.query(spendRowsQuery(s));
  const x = numbers(t, 'x');
  const m = numbers(t, 'monetary');
  const weight = numbers(t, 'weight');
  const keep: number[] = [];
  let noRepeat = 0;
  let nonPositiveSpend = 0;
  for (let i = 0; i < t.rowCount; i++) {
    const wi = weight[i] as number;
    if ((x[i] as number) === 0) noRepeat += wi;
    else if (!((m[i] as number) > 0)) nonPositiveSpend += wi;
    else keep.push(i);
  }
  const pick = (col: Float64Array) => Float64Array.from(keep, (i) => col[i] as number);
  const kept = pick(weight);
  return {
    x: pick(x),
    monetary: pick(m),
    weight: kept,
    nCustomers: kept.reduce((a, b) => a + b, 0),
    nRows: keep.length,
    excluded: { noRepeat, nonPositiveSpend },
  };
}

/** Distinct calibration patterns with their holdout purchase counts, time in model units. */
export interface HoldoutRows {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly holdout: Float64Array;
  readonly weight: Float64Array;
  readonly nRows: number;
  readonly nCustomers: number;
}

export async function loadHoldoutRows(
  wh: Warehouse,
  s: PeriodsSource,
  unitDays: number,
): Promise<HoldoutRows> {
  const t = await wh.query(holdoutRowsQuery(s));
  const weight = numbers(t, 'weight');
  return {
    x: numbers(t, 'x'),
    tx: scaled(numbers(t, 'tx_days'), unitDays),
    T: scaled(numbers(t, 't_days'), unitDays),
    holdout: numbers(t, 'holdout'),
    weight,
    nRows: t.rowCount,
    nCustomers: weight.reduce((a, b) => a + b, 0),
  };
}

/** Per-customer inputs for scoring: ids, the index of each customer's distinct pattern, and the patterns. */
export interface CustomerRows {
  readonly customerId: readonly string[];
  /** Index into the pattern columns, per customer. */
  readonly rowOf: Int32Array;
  /** Distinct (x, tₓ, T, monetary) patterns, time in model units. */
  readonly patterns: { x: Float64Array; tx: Float64Array; T: Float64Array; monetary: Float64Array };
}

/** Customers and their pattern index, and the distinct patterns, read from a materialised periods table. */
export async function loadCustomerRows(
  wh: Warehouse,
  table: string,
  unitDays: number,
): Promise<CustomerRows> {
  const p = await wh.query(patternRowsQuery(table));
  const c = await wh.query(customerPatternQuery(table));
  return {
    customerId: (c.columns.customer_id ?? []).map(String),
    rowOf: Int32Array.from(numbers(c, 'row_id')),
    patterns: {
      x: numbers(p, 'x'),
      tx: scaled(numbers(p, 'tx_days'), unitDays),
      T: scaled(numbers(p, 't_days'), unitDays),
      monetary: numbers(p, 'monetary'),
    },
  };
}

let tableCounter = 0;

/**
 * A deterministic sample of at most `size` customers of a materialised periods table, itself materialised: the
 * customers with the smallest hash of their id (ties by id). Runs `work` with it, or with the table itself when
 * it holds no more than `size` customers; returns how many customers the sample has and of how many.
 */
export async function withFitSample<T>(
  wh: Warehouse,
  source: { kind: 'table'; table: string },
  size: number,
  work: (sample: { kind: 'table'; table: string }, counts: { customers: number; of: number }) => Promise<T>,
): Promise<T> {
  const total = await wh.query({ sql: `SELECT count(*) AS n FROM ${quoteIdent(source.table)}`, params: [] });
  const of = Number(total.columns.n?.[0] ?? 0);
  if (of <= size) return work(source, { customers: of, of });
  const table = `${source.table}_fit`;
  await wh.execute(
    `CREATE TEMPORARY TABLE ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(source.table)}
      ORDER BY hash(customer_id), customer_id LIMIT $1`,
    [size],
  );
  try {
    return await work({ kind: 'table', table }, { customers: size, of });
  } finally {
    await wh.execute(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
}

/**
 * Runs `work` with the periods of a window materialised once in a temporary table, so several queries (fit
 * inputs, spend inputs, customer patterns) neither recompute them nor see different floating-point sums.
 * The table is dropped afterwards.
 */
export async function withPeriodsTable<T>(
  wh: Warehouse,
  window: PeriodWindow,
  work: (source: { kind: 'table'; table: string }) => Promise<T>,
): Promise<T> {
  const table = `clv_periods_${process.pid}_${++tableCounter}`;
  const create = periodsTableSql(table, window);
  await wh.execute(create.sql, create.params);
  try {
    return await work({ kind: 'table', table });
  } finally {
    await wh.execute(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
}
