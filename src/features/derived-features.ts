import { type FeatureDef, feature } from './feature.js';
import { ratio } from './line-features.js';

/** Features computed from other features (by name), after the per-source aggregates are joined. */
export const DERIVED_FEATURES: readonly FeatureDef[] = [
  feature({
    name: 'signup_date',
    type: 'DATE',
    source: 'known_customers',
    sql: 'max(signup_date)',
    doc: 'signup date from the customers table (NULL when unknown)',
  }),
  feature({
    name: 'relationship_days',
    type: 'INTEGER',
    source: 'derived',
    sql: `date_diff('day', least(signup_date, CAST(first_order_at AS DATE)), CAST($2 AS DATE))`,
    doc: 'whole days from the earlier of signup and first order (any status) to the as-of day; NULL when neither is known',
  }),
  feature({
    name: 'purchase_trend',
    type: 'DOUBLE',
    source: 'derived',
    sql: ratio('CAST(orders_last_90d - orders_prev_90d AS DOUBLE)', 'orders_last_90d + orders_prev_90d'),
    doc: '(orders in the last 90 days - orders in the 90 before) / their sum: -1 stopped, 0 steady, +1 new or accelerating; NULL when both are 0',
  }),
  feature({
    name: 'monetary_net',
    type: 'DOUBLE',
    source: 'derived',
    sql: 'monetary_gross - cancelled_amount - returned_amount',
    doc: 'purchases net of cancellations and returns',
  }),
  feature({
    name: 'return_rate',
    type: 'DOUBLE',
    source: 'derived',
    sql: ratio('returned_amount', 'monetary_gross'),
    doc: 'returned amount / gross purchases',
  }),
  feature({
    name: 'cancellation_rate',
    type: 'DOUBLE',
    source: 'derived',
    sql: ratio('cancelled_amount', 'monetary_gross'),
    doc: 'cancelled amount / gross purchases',
  }),
];
