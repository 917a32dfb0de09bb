/**
 * The SQL of the purchase orders cancelled in full among the order lines of `lines` (a relation with order_id,
 * customer_id, amount and status, already cut at the cutoff): one row (order_id, customer_id) per order whose
 * purchase lines the same customer's cancellations of it add up to, to the cent. A cancellation refers to its own
 * order id (a cancellation line in the order itself) and, for an id starting with C, to the id without it
 * (Online Retail and the demo shop cancel order 123 as order C123). Such an order never became a purchase: the
 * features (`purchases` in sources.ts) and the CLV periods (src/analysis/clv/periods-sql.ts) leave it out, so
 * frequency, recency, AOV, RFM and the BTYD inputs agree on who bought. `lines` is fixed text, never user input.
 * Cancellation lines are read once and only the purchase lines of orders with a cancellation are summed.
 */
export const cancelledInFull = (lines: string) => `WITH cancelled AS (
      SELECT cancels, customer_id, sum(amount) AS amount FROM (
        SELECT unnest(CASE WHEN starts_with(order_id, 'C') THEN [order_id, substr(order_id, 2)] ELSE [order_id] END)
          AS cancels, customer_id, abs(amount) AS amount
        FROM ${lines} WHERE status = 'cancellation')
      GROUP BY cancels, customer_id)
    SELECT p.order_id, p.customer_id FROM (
      SELECT order_id, customer_id, sum(amount) AS amount FROM ${lines}
      WHERE status = 'purchase' AND order_id IN (SELECT cancels FROM cancelled)
      GROUP BY order_id, customer_id) p
    JOIN cancelled c ON c.cancels = p.order_id AND c.customer_id = p.customer_id
    WHERE round(c.amount, 2) >= round(p.amount, 2)`;
