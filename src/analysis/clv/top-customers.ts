import { isoDay } from '../../features/as-of.js';
import type { CellValue } from '../../warehouse/column-table.js';
import type { ClvScores } from './score-clv.js';
import { CLV_SCORE_COLUMNS } from './score-columns.js';

export type ScoreRow = Record<string, string | number | null>;

const cell = (v: CellValue | undefined): string | number | null =>
  v === undefined || v === null ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);

/**
 * The `n` customers with the highest CLV (or expected purchases, without a spend model), as plain rows with the
 * score columns plus prob_zero_purchases; dates as `YYYY-MM-DD`. Ties by customer id.
 */
export function topCustomers(s: ClvScores, n: number): ScoreRow[] {
  const c = s.table.columns;
  const key = (c.clv ?? []).some((v) => v !== null) ? 'clv' : 'expected_purchases';
  const values = c[key] ?? [];
  const order = Array.from({ length: s.table.rowCount }, (_, i) => i).sort(
    (a, b) => Number(values[b] ?? 0) - Number(values[a] ?? 0) || (a < b ? -1 : 1),
  );
  return order.slice(0, n).map((i) => {
    const row: ScoreRow = {};
    for (const { name } of CLV_SCORE_COLUMNS) row[name] = cell(c[name]?.[i]);
    const next = row.next_order_date;
    if (typeof next === 'number') row.next_order_date = isoDay(next);
    row.prob_zero_purchases = cell(s.extra.columns.prob_zero_purchases?.[i]);
    return row;
  });
}
