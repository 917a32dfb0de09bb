import type { CellValue } from '../../warehouse/column-table.js';
import type { RowFinisher } from './finisher.js';

const CANCELLATION = /^(cancel|anulad|anulac|void)/;
const RETURN = /^(return|devol|refund|reembols|abono)/;
const PURCHASE =
  /^(purchase|compra|venta|sale|order|pedido|completed|complet|paid|pagad|shipped|enviad|entregad|delivered)/;

const pad = (n: number) => String(n).padStart(2, '0');
function isoStamp(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight
    ? date
    : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * Order rows: quantity defaults to 1; amount = quantity x unit price when absent (and unit price = amount /
 * quantity); cost from margin; status from the status column, else a cancellation when the invoice is `C` plus
 * digits (the Online Retail convention) or the quantity is negative. Rows without an order number become one
 * order each, numbered `customer@time#n` so a re-import finds the same ids. Lines of an order are numbered in
 * file order.
 */
export function ordersFinisher(): RowFinisher {
  // Lines of an order usually follow each other: count the current order's lines in two variables and touch the
  // map only when the order changes (an order seen again later continues its numbering).
  const lineNo = new Map<string, number>();
  let currentOrder: string | null = null;
  let currentLines = 0;
  const occurrence = new Map<string, number>();
  return (row, issue) => {
    let quantity = row.quantity as number | null;
    let unitPrice = row.unit_price as number | null;
    let amount = row.amount as number | null;
    if (quantity === null || quantity === undefined) quantity = 1;
    if (amount === null || amount === undefined) {
      if (unitPrice === null || unitPrice === undefined) {
        return 'the row has neither an amount nor a unit price: map one with --map amount=<column> or --map unit_price=<column>';
      }
      amount = Math.round(quantity * unitPrice * 1e6) / 1e6;
    } else if ((unitPrice === null || unitPrice === undefined) && quantity !== 0) {
      unitPrice = Math.round((amount / quantity) * 1e6) / 1e6;
    }
    row.quantity = quantity;
    row.unit_price = unitPrice ?? null;
    row.amount = amount;
    if ((row.cost === null || row.cost === undefined) && typeof row.margin === 'number')
      row.cost = amount - row.margin;
    row.margin = null;

    let orderId = row.order_id as string | null;
    const statusText = typeof row.status === 'string' ? row.status.trim().toLowerCase() : '';
    let status: CellValue;
    if (statusText && CANCELLATION.test(statusText)) status = 'cancellation';
    else if (statusText && RETURN.test(statusText)) status = 'return';
    else {
      if (statusText && !PURCHASE.test(statusText)) {
        issue(
          'status',
          `unknown status ${JSON.stringify(row.status)}: read as a purchase (expected purchase, cancellation or return)`,
        );
      }
      status =
        (orderId !== null && orderId !== undefined && /^C\d+$/i.test(orderId)) || quantity < 0
          ? 'cancellation'
          : 'purchase';
    }
    row.status = status;

    if (orderId === null || orderId === undefined) {
      const base = `${(row.customer_id as string | null) ?? 'guest'}@${isoStamp(row.ordered_at as number)}`;
      const n = (occurrence.get(base) ?? 0) + 1;
      occurrence.set(base, n);
      orderId = `${base}#${n}`;
      row.order_id = orderId;
    }
    if (orderId !== currentOrder) {
      if (currentOrder !== null) lineNo.set(currentOrder, currentLines);
      currentOrder = orderId;
      currentLines = lineNo.get(orderId) ?? 0;
    }
    currentLines++;
    row.line_no = currentLines;
    return null;
  };
}
