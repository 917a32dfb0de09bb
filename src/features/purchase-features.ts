import { type FeatureDef, feature } from './feature.js';

const LAST_90 = `ordered_at >= $1 - INTERVAL 90 DAY`;
const PREV_90 = `ordered_at >= $1 - INTERVAL 180 DAY AND ordered_at < $1 - INTERVAL 90 DAY`;

/**
 * Features of the purchase orders (cancellations, returns and orders cancelled in full excluded; see `purchases`
 * in sources.ts): counts, timing, rhythm, basket size. They are all NULL (counts 0) for a customer without one.
 */
export const PURCHASE_FEATURES: readonly FeatureDef[] = [
  feature({
    name: 'frequency',
    type: 'BIGINT',
    source: 'purchases',
    sql: 'count(*)',
    fill: 0,
    doc: 'distinct purchase orders (an order with at least one purchase line, not cancelled in full; cancellations and returns excluded)',
  }),
  feature({
    name: 'aov',
    type: 'DOUBLE',
    source: 'purchases',
    sql: 'avg(amount)',
    doc: 'average order value: mean purchase amount of the purchase orders (the ones frequency counts); NULL without purchases',
  }),
  feature({
    name: 'first_purchase_at',
    type: 'TIMESTAMP',
    source: 'purchases',
    sql: 'min(ordered_at)',
    doc: 'time of the first purchase order',
  }),
  feature({
    name: 'last_purchase_at',
    type: 'TIMESTAMP',
    source: 'purchases',
    sql: 'max(ordered_at)',
    doc: 'time of the last purchase order',
  }),
  feature({
    name: 'recency_days',
    type: 'INTEGER',
    source: 'purchases',
    sql: `date_diff('day', CAST(max(ordered_at) AS DATE), CAST($2 AS DATE))`,
    doc: 'whole calendar days from the day of the last purchase to the as-of day (0 = bought on the as-of day)',
  }),
  feature({
    name: 'tenure_days',
    type: 'INTEGER',
    source: 'purchases',
    sql: `date_diff('day', CAST(min(ordered_at) AS DATE), CAST($2 AS DATE))`,
    doc: 'whole days from the day of the first purchase to the as-of day',
  }),
  feature({
    name: 'mean_gap_days',
    type: 'DOUBLE',
    source: 'purchases',
    sql: 'CASE WHEN count(*) > 1 THEN (epoch(max(ordered_at)) - epoch(min(ordered_at))) / 86400.0 / (count(*) - 1) END',
    doc: 'mean days between consecutive purchase orders (first to last span / (orders - 1)); NULL below 2 orders',
  }),
  feature({
    name: 'std_gap_days',
    type: 'DOUBLE',
    source: 'gaps',
    sql: 'stddev_samp(gap_days)',
    doc: 'sample standard deviation of the days between consecutive purchase orders; NULL below 3 orders',
  }),
  feature({
    name: 'orders_last_90d',
    type: 'BIGINT',
    source: 'purchases',
    sql: `count(*) FILTER (WHERE ${LAST_90})`,
    fill: 0,
    doc: 'purchase orders in the 90 days before the cutoff',
  }),
  feature({
    name: 'orders_prev_90d',
    type: 'BIGINT',
    source: 'purchases',
    sql: `count(*) FILTER (WHERE ${PREV_90})`,
    fill: 0,
    doc: 'purchase orders in the 90 days before those (days 91-180 before the cutoff)',
  }),
  feature({
    name: 'weekend_share',
    type: 'DOUBLE',
    source: 'purchases',
    sql: 'avg(CASE WHEN isodow(ordered_at) >= 6 THEN 1.0 ELSE 0.0 END)',
    doc: 'share of purchase orders placed on Saturday or Sunday',
  }),
  feature({
    name: 'evening_share',
    type: 'DOUBLE',
    source: 'purchases',
    sql: 'avg(CASE WHEN hour(ordered_at) >= 18 THEN 1.0 ELSE 0.0 END)',
    doc: 'share of purchase orders placed between 18:00 and 23:59',
  }),
  feature({
    name: 'modal_weekday',
    type: 'VARCHAR',
    source: 'weekdays',
    sql: `['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][arg_min(weekday, (-orders, weekday))]`,
    doc: 'weekday with most purchase orders (ties: the earlier weekday, Monday first)',
  }),
  feature({
    name: 'modal_weekday_share',
    type: 'DOUBLE',
    source: 'weekdays',
    sql: 'max(orders) / sum(orders)',
    doc: 'share of purchase orders placed on the modal weekday',
  }),
  feature({
    name: 'modal_hour',
    type: 'INTEGER',
    source: 'hours',
    sql: 'arg_min(hour, (-orders, hour))',
    doc: 'hour of day (0-23) with most purchase orders (ties: the earlier hour)',
  }),
];
