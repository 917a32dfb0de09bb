import type { TableColumn } from '../../warehouse/warehouse.js';

/**
 * The columns `scoreClv` returns, in order, with their SQL types: the contract with `segmenta analyze`, which
 * writes them into its scores table. `*_low` / `*_high` are the 5% / 95% bootstrap quantiles; `next_order_date` is
 * the median date of the next purchase given there is one (read it with `p_alive`); `clv_model` the purchase
 * model's kind.
 */
export const CLV_SCORE_COLUMNS = [
  { name: 'customer_id', type: 'VARCHAR' },
  { name: 'p_alive', type: 'DOUBLE' },
  { name: 'p_alive_low', type: 'DOUBLE' },
  { name: 'p_alive_high', type: 'DOUBLE' },
  { name: 'expected_purchases', type: 'DOUBLE' },
  { name: 'expected_purchases_low', type: 'DOUBLE' },
  { name: 'expected_purchases_high', type: 'DOUBLE' },
  { name: 'expected_spend', type: 'DOUBLE' },
  { name: 'clv', type: 'DOUBLE' },
  { name: 'clv_low', type: 'DOUBLE' },
  { name: 'clv_high', type: 'DOUBLE' },
  { name: 'next_order_date', type: 'DATE' },
  { name: 'clv_model', type: 'VARCHAR' },
] as const satisfies readonly TableColumn[];

export type ClvScoreColumn = (typeof CLV_SCORE_COLUMNS)[number]['name'];
