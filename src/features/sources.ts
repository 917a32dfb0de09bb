import { cancelledInFull } from './cancelled-orders.js';

/**
 * The relations features aggregate over, each a fixed SQL text over the warehouse that sees only rows before
 * the cutoff (`$1`, exclusive; `$2` is the as-of day). They become the CTEs of the feature query, in this order
 * (later ones may read earlier ones); no source is named like a table, so none shadows one. Only customers' rows count: guest orders (no customer) are left out.
 */
export const SOURCES = {
  /** Order lines of known customers before the cutoff, any status. */
  lines: `SELECT customer_id, order_id, ordered_at, category, quantity, amount, cost, discount, channel, status
    FROM order_lines WHERE customer_id IS NOT NULL AND ordered_at < $1`,
  /** Purchase orders cancelled in full before the cutoff, as (order_id, customer_id): see cancelled-orders.ts. */
  cancelled_orders: cancelledInFull('lines'),
  /**
   * Purchase orders: one row per order with at least one purchase line (cancellations and returns excluded),
   * unless it was cancelled in full before the cutoff: such an order never became a purchase. A returned order
   * stays one (the customer bought and received it). An order belongs to one customer (the importer keys lines
   * by order); should two share an id, the smaller id wins.
   */
  purchases: `SELECT order_id, min(customer_id) AS customer_id, min(ordered_at) AS ordered_at, sum(amount) AS amount,
      min(channel) AS channel
    FROM lines l WHERE status = 'purchase' AND NOT EXISTS (
      SELECT 1 FROM cancelled_orders c WHERE c.order_id = l.order_id AND c.customer_id = l.customer_id)
    GROUP BY order_id`,
  /** Days between consecutive purchase orders of a customer (NULL for the first). */
  gaps: `SELECT customer_id, (epoch(ordered_at) - epoch(lag(ordered_at) OVER (
      PARTITION BY customer_id ORDER BY ordered_at, order_id))) / 86400.0 AS gap_days
    FROM purchases`,
  /** Purchase orders per ISO weekday (1 = Monday … 7 = Sunday). */
  weekdays: `SELECT customer_id, isodow(ordered_at) AS weekday, count(*) AS orders
    FROM purchases GROUP BY customer_id, weekday`,
  /** Purchase orders per hour of day (0-23, UTC as stored). */
  hours: `SELECT customer_id, hour(ordered_at) AS hour, count(*) AS orders
    FROM purchases GROUP BY customer_id, hour`,
  /** Purchase amount per category. */
  categories: `SELECT customer_id, category, sum(amount) AS amount
    FROM lines WHERE status = 'purchase' AND category IS NOT NULL GROUP BY customer_id, category`,
  /** Purchase orders per sales channel. */
  channels: `SELECT customer_id, channel, count(*) AS orders
    FROM purchases WHERE channel IS NOT NULL GROUP BY customer_id, channel`,
  /** Web/app/email events before the cutoff. */
  activity: `SELECT customer_id, type, occurred_at FROM events
    WHERE customer_id IS NOT NULL AND occurred_at < $1`,
  /**
   * Campaign sends to the treated group (control-group rows excluded) before the cutoff; an open, click or
   * conversion counts only if it happened before the cutoff too.
   */
  sends: `SELECT r.customer_id, r.opened_at, r.clicked_at, r.converted_at, r.revenue
    FROM campaign_responses r LEFT JOIN campaigns c ON c.campaign_id = r.campaign_id
    WHERE NOT r.is_control AND coalesce(r.sent_at, c.sent_at) < $1`,
  /** Customers known by the as-of day (signed up by then, or signup date unknown). */
  known_customers: `SELECT customer_id, signup_date FROM customers
    WHERE signup_date IS NULL OR signup_date <= CAST($2 AS DATE)`,
} as const;

/** `derived` features are expressions over other features, not aggregates over a source. */
export type SourceName = keyof typeof SOURCES | 'derived';
