import { DAY_MS } from '../../features/as-of.js';
import type { PurchaseModelKind } from '../../models/clv/index.js';
import { type CellValue, type ColumnTable, columnTable } from '../../warehouse/column-table.js';
import type { CustomerRows } from './load-periods.js';
import type { ClvScoreColumn } from './score-columns.js';
import type { Banded, PatternScores } from './score-patterns.js';

/**
 * Per-pattern scores spread back to customers as the CLV_SCORE_COLUMNS table, plus the extra columns. The next
 * order date is the as-of day plus the median time to the next purchase, rounded up to a whole day (at least the
 * day after). A non-finite value would be a bug: it is written as NULL and counted, never as NaN.
 */
export function scoreTable(
  s: PatternScores,
  customers: CustomerRows,
  context: { readonly asOfDayMs: number; readonly unitDays: number; readonly model: PurchaseModelKind },
): { table: ColumnTable; extra: ColumnTable; nonFinite: number } {
  const n = customers.customerId.length;
  const rowOf = customers.rowOf;
  let nonFinite = 0;
  const spread = (values: Float64Array | null): CellValue[] => {
    const out: CellValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = values ? (values[rowOf[i] as number] as number) : null;
      if (v !== null && !Number.isFinite(v)) nonFinite++;
      out[i] = v !== null && Number.isFinite(v) ? v : null;
    }
    return out;
  };
  const band = (b: Banded | null) => ({
    value: spread(b?.value ?? null),
    low: spread(b?.low ?? null),
    high: spread(b?.high ?? null),
  });
  const pAlive = band(s.pAlive);
  const purchases = band(s.expectedPurchases);
  const spend = band(s.expectedSpend);
  const clv = band(s.clv);
  const nextOrder = new Array<CellValue>(n);
  for (let i = 0; i < n; i++) {
    const days = (s.medianTimeToNext[rowOf[i] as number] as number) * context.unitDays;
    nextOrder[i] = Number.isFinite(days) ? context.asOfDayMs + Math.max(1, Math.ceil(days)) * DAY_MS : null;
  }
  const customerId = [...customers.customerId];
  const columns: Record<ClvScoreColumn, CellValue[]> = {
    customer_id: customerId,
    p_alive: pAlive.value,
    p_alive_low: pAlive.low,
    p_alive_high: pAlive.high,
    expected_purchases: purchases.value,
    expected_purchases_low: purchases.low,
    expected_purchases_high: purchases.high,
    expected_spend: spend.value,
    clv: clv.value,
    clv_low: clv.low,
    clv_high: clv.high,
    next_order_date: nextOrder,
    clv_model: new Array<CellValue>(n).fill(context.model),
  };
  const extra = columnTable({
    customer_id: customerId,
    prob_zero_purchases: spread(s.probZeroPurchases),
    expected_spend_low: spend.low,
    expected_spend_high: spend.high,
  });
  return { table: columnTable(columns), extra, nonFinite };
}
