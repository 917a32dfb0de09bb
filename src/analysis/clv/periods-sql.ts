import { DAY_MS } from '../../features/as-of.js';
import { cancelledInFull } from '../../features/cancelled-orders.js';
import type { CompiledQuery } from '../../sql/ast.js';
import { quoteIdent } from '../../sql/dialect.js';

/**
 * The SQL that turns order lines into the per-customer inputs of the BTYD models, as lifetimes'
 * `summary_data_from_transaction_data` / `calibration_and_holdout_data` and `calibrationSummary` in
 * src/models/clv do: only purchase lines of known customers count, not those of an order cancelled in full before
 * the data cutoff (as the features: src/features/cancelled-orders.ts); all purchases of a customer on one (UTC) day are
 * one transaction whose value is their sum; the first purchase day is the origin; x = purchase days after the
 * first, up to the calibration end; tₓ = last − first purchase day and T = calibration end − first purchase day,
 * in whole days (divided into the model unit in JS); monetary = mean value of the repeat transactions (0 when
 * x = 0); holdout = purchase days after the calibration end and before the data cutoff. Customers whose first
 * purchase is after the calibration end are not in the calibration cohort and are left out.
 *
 * The periods bind two values: `$1` the exclusive cutoff of the data read (a timestamp: the day after the holdout
 * end, or after the calibration end without a holdout) and `$2` the calibration end day. The structure is fixed
 * text; values are only ever bound. One aggregation per customer, no window: the repeat value is the calibration
 * total minus the first day's value (`arg_min`). Values are summed as DECIMAL(38, 6), which is exact, so the sums
 * (and everything downstream, down to the seeded intervals) do not depend on the order in which parallel threads
 * add them up, as double sums would.
 */
const PERIODS = `cut_lines AS (
    SELECT order_id, customer_id, ordered_at, amount, status FROM order_lines
    WHERE customer_id IS NOT NULL AND ordered_at < $1 AND status <> 'return'
  ),
  cancelled_orders AS (${cancelledInFull('cut_lines')}),
  purchase_days AS (
    SELECT customer_id, CAST(ordered_at AS DATE) AS day, sum(CAST(amount AS DECIMAL(38, 6))) AS value
    FROM cut_lines l ANTI JOIN cancelled_orders c ON c.order_id = l.order_id AND c.customer_id = l.customer_id
    WHERE status = 'purchase'
    GROUP BY customer_id, CAST(ordered_at AS DATE)
  ),
  periods AS (
    SELECT customer_id,
      count(*) FILTER (WHERE day <= CAST($2 AS DATE)) - 1 AS x,
      date_diff('day', min(day), max(day) FILTER (WHERE day <= CAST($2 AS DATE))) AS tx_days,
      date_diff('day', min(day), CAST($2 AS DATE)) AS t_days,
      sum(value) FILTER (WHERE day <= CAST($2 AS DATE)) - arg_min(value, day) AS repeat_value,
      count(*) FILTER (WHERE day > CAST($2 AS DATE)) AS holdout
    FROM purchase_days
    GROUP BY customer_id
    HAVING min(day) <= CAST($2 AS DATE)
  ),
  customer_periods AS (
    SELECT customer_id, x, tx_days, t_days, holdout,
      CASE WHEN x > 0 THEN CAST(repeat_value AS DOUBLE) / x ELSE 0.0 END AS monetary
    FROM periods
  )`;

/** The calibration window of a query. */
export interface PeriodWindow {
  /** Epoch ms of the calibration end day (00:00 UTC). */
  readonly calibrationEndMs: number;
  /** Epoch ms of the last holdout day (00:00 UTC); the calibration end when there is no holdout. */
  readonly holdoutEndMs: number;
}

/**
 * Where `customer_periods` comes from: computed from order_lines for a window, or a table materialised from it
 * once (`periodsTableSql`) when several queries read the same periods.
 */
export type PeriodsSource =
  | { readonly kind: 'window'; readonly window: PeriodWindow }
  | { readonly kind: 'table'; readonly table: string };

function over(source: PeriodsSource, tail: string): CompiledQuery {
  if (source.kind === 'table') {
    return {
      sql: `WITH customer_periods AS (SELECT * FROM ${quoteIdent(source.table)})\n  ${tail}`,
      params: [],
    };
  }
  const w = source.window;
  return {
    sql: `WITH ${PERIODS}\n  ${tail}`,
    params: [new Date(w.holdoutEndMs + DAY_MS), new Date(w.calibrationEndMs)],
  };
}

/** Materialises the periods of a window into a temporary table (one row per customer). */
export function periodsTableSql(table: string, window: PeriodWindow): CompiledQuery {
  const q = over({ kind: 'window', window }, 'SELECT * FROM customer_periods');
  return { sql: `CREATE TEMPORARY TABLE ${quoteIdent(table)} AS ${q.sql}`, params: q.params };
}

/** Distinct (x, tₓ, T) patterns with the number of customers showing each: the purchase models' sufficient statistics. */
export const rfmRowsQuery = (s: PeriodsSource): CompiledQuery =>
  over(
    s,
    `SELECT x, tx_days, t_days, count(*) AS weight
  FROM customer_periods GROUP BY x, tx_days, t_days ORDER BY x, tx_days, t_days`,
  );

/**
 * Distinct (x, monetary) pairs with weights: the Gamma-Gamma statistics before exclusions (x = 0 rows collapse to
 * one per x, monetary 0, and are counted as exclusions in JS along with monetary ≤ 0).
 */
export const spendRowsQuery = (s: PeriodsSource): CompiledQuery =>
  over(
    s,
    `SELECT x, monetary, count(*) AS weight
  FROM customer_periods GROUP BY x, monetary ORDER BY x, monetary`,
  );

/** Distinct (x, tₓ, T, holdout purchases) with weights: everything a holdout evaluation needs. */
export const holdoutRowsQuery = (s: PeriodsSource): CompiledQuery =>
  over(
    s,
    `SELECT x, tx_days, t_days, holdout, count(*) AS weight
  FROM customer_periods GROUP BY x, tx_days, t_days, holdout ORDER BY x, tx_days, t_days, holdout`,
  );

/** Distinct (x, tₓ, T, monetary) patterns in that order; `row_id` numbers them from 0. Read from a table only. */
export const patternRowsQuery = (table: string): CompiledQuery =>
  over(
    { kind: 'table', table },
    `SELECT x, tx_days, t_days, monetary, row_number() OVER (ORDER BY x, tx_days, t_days, monetary) - 1 AS row_id
  FROM customer_periods GROUP BY x, tx_days, t_days, monetary ORDER BY row_id`,
  );

/**
 * Each customer with the `row_id` of its pattern (as `patternRowsQuery` numbers them), sorted by customer id. Read
 * from the same materialised table, so the floating-point monetary values of a customer and of its pattern are
 * the same numbers and the join is exact.
 */
export const customerPatternQuery = (table: string): CompiledQuery =>
  over(
    { kind: 'table', table },
    `, patterns AS (
    SELECT x, tx_days, t_days, monetary, row_number() OVER (ORDER BY x, tx_days, t_days, monetary) - 1 AS row_id
    FROM customer_periods GROUP BY x, tx_days, t_days, monetary
  )
  SELECT c.customer_id, p.row_id
  FROM customer_periods c JOIN patterns p USING (x, tx_days, t_days, monetary)
  ORDER BY c.customer_id`,
  );
