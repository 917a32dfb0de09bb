import { type FeatureDef, feature } from './feature.js';

const P = `status = 'purchase'`;
/** `num / den` when `den` is positive, else NULL (never NaN or infinity). */
export const ratio = (num: string, den: string) => `CASE WHEN (${den}) > 0 THEN (${num}) / (${den}) END`;

/** Money, discount, margin and the product mix, from order lines. */
export const LINE_FEATURES: readonly FeatureDef[] = [
  feature({
    name: 'first_order_at',
    type: 'TIMESTAMP',
    source: 'lines',
    sql: 'min(ordered_at)',
    doc: 'time of the first order line of any status (purchase, cancellation or return)',
  }),
  feature({
    name: 'monetary_gross',
    type: 'DOUBLE',
    source: 'lines',
    sql: `sum(amount) FILTER (WHERE ${P})`,
    fill: 0,
    doc: 'sum of line amounts (quantity x unit price) over purchase lines, orders later cancelled included: cancellations and returns not subtracted',
  }),
  feature({
    name: 'cancelled_amount',
    type: 'DOUBLE',
    source: 'lines',
    sql: `sum(abs(amount)) FILTER (WHERE status = 'cancellation')`,
    fill: 0,
    doc: 'value of cancellation lines, as a positive amount',
  }),
  feature({
    name: 'returned_amount',
    type: 'DOUBLE',
    source: 'lines',
    sql: `sum(abs(amount)) FILTER (WHERE status = 'return')`,
    fill: 0,
    doc: 'value of return lines, as a positive amount',
  }),
  feature({
    name: 'units',
    type: 'DOUBLE',
    source: 'lines',
    sql: `sum(quantity) FILTER (WHERE ${P})`,
    fill: 0,
    doc: 'units bought on purchase lines',
  }),
  feature({
    name: 'discount_share',
    type: 'DOUBLE',
    source: 'lines',
    sql: `avg(CASE WHEN discount > 0 THEN 1.0 WHEN discount IS NOT NULL THEN 0.0 END) FILTER (WHERE ${P})`,
    doc: 'share of purchase lines that carried a discount (lines with a known discount); NULL when unknown',
  }),
  feature({
    name: 'discount_rate',
    type: 'DOUBLE',
    source: 'lines',
    sql: ratio(
      `sum(discount) FILTER (WHERE ${P} AND discount IS NOT NULL)`,
      `sum(amount + discount) FILTER (WHERE ${P} AND discount IS NOT NULL)`,
    ),
    doc: 'discount given / (amount paid + discount) over purchase lines with a known discount',
  }),
  feature({
    name: 'margin',
    type: 'DOUBLE',
    source: 'lines',
    sql: `sum(amount - cost) FILTER (WHERE ${P} AND cost IS NOT NULL)`,
    doc: 'amount minus cost over purchase lines whose cost is known; NULL when no cost is known',
  }),
  feature({
    name: 'margin_rate',
    type: 'DOUBLE',
    source: 'lines',
    sql: ratio(
      `sum(amount - cost) FILTER (WHERE ${P} AND cost IS NOT NULL)`,
      `sum(amount) FILTER (WHERE ${P} AND cost IS NOT NULL)`,
    ),
    doc: 'margin / amount over purchase lines whose cost is known',
  }),
  feature({
    name: 'cost_coverage',
    type: 'DOUBLE',
    source: 'lines',
    sql: ratio(
      `coalesce(sum(amount) FILTER (WHERE ${P} AND cost IS NOT NULL), 0)`,
      `sum(amount) FILTER (WHERE ${P})`,
    ),
    doc: 'share of the purchase amount whose cost is known (how far to trust margin)',
  }),
  feature({
    name: 'top_category',
    type: 'VARCHAR',
    source: 'categories',
    sql: 'arg_min(category, (-amount, category))',
    doc: 'category with the largest purchase amount (ties: alphabetically first)',
  }),
  feature({
    name: 'top_category_share',
    type: 'DOUBLE',
    source: 'categories',
    sql: `CASE WHEN sum(amount) > 0 THEN greatest(0, least(1, max(amount) / sum(amount))) END`,
    doc: "top category's share of the purchase amount with a known category",
  }),
  feature({
    name: 'categories_count',
    type: 'BIGINT',
    source: 'categories',
    sql: 'count(*)',
    fill: 0,
    doc: 'distinct categories bought',
  }),
  feature({
    name: 'top_channel',
    type: 'VARCHAR',
    source: 'channels',
    sql: 'arg_min(channel, (-orders, channel))',
    doc: 'sales channel of most purchase orders (ties: alphabetically first)',
  }),
  feature({
    name: 'top_channel_share',
    type: 'DOUBLE',
    source: 'channels',
    sql: 'max(orders) / sum(orders)',
    doc: "top channel's share of purchase orders with a known channel",
  }),
  feature({
    name: 'channels_count',
    type: 'BIGINT',
    source: 'channels',
    sql: 'count(*)',
    fill: 0,
    doc: 'distinct sales channels used for purchases',
  }),
];
