import { quoteIdent } from '../sql/dialect.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { EntityName } from './entities/entity.js';
import type { Stage } from './stage.js';

/**
 * Counts that tell a user whether the file was read as they expect, computed over the staged (accepted) rows
 * before duplicates are removed: for orders, distinct orders and customers, cancellations and guest lines.
 */
export async function entityStats(
  wh: Warehouse,
  entity: EntityName,
  stage: Stage,
): Promise<Record<string, number>> {
  const s = quoteIdent(stage.name);
  if (entity === 'orders') {
    const r = await wh.query({
      sql: `SELECT count(DISTINCT order_id) AS orders, count(DISTINCT customer_id) AS customer_ids,
              count(*) FILTER (WHERE status = 'cancellation') AS cancellation_lines,
              count(DISTINCT order_id) FILTER (WHERE status = 'cancellation') AS cancelled_orders,
              count(*) FILTER (WHERE status = 'return') AS return_lines,
              count(*) FILTER (WHERE customer_id IS NULL) AS guest_lines,
              count(DISTINCT order_id) FILTER (WHERE customer_id IS NULL) AS guest_orders
            FROM ${s} WHERE import_id = $1`,
      params: [stage.importId],
    });
    return Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, Number(v[0] ?? 0)]));
  }
  if (entity === 'customers') {
    const has = new Set(stage.columns.map((c) => c.name));
    const r = await wh.query({
      sql: `SELECT count(DISTINCT customer_id) AS customer_ids${has.has('email') ? ', count(email) AS with_email' : ''}${has.has('phone') ? ', count(phone) AS with_phone' : ''} FROM ${s} WHERE import_id = $1`,
      params: [stage.importId],
    });
    return Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, Number(v[0] ?? 0)]));
  }
  return {};
}
