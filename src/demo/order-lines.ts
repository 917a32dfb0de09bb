import type { Rng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import type { DemoCalendar } from './calendar.js';
import {
  CATEGORY_COUNT,
  EXTRA_QUANTITY,
  POPULARITY,
  PRODUCTS,
  PRODUCTS_PER_CATEGORY,
  RETURN_RATE,
} from './catalog.js';
import { cumulative, pickIndex, pickWeighted, uniform } from './distributions.js';
import { CITIES } from './geography.js';
import { HOUR_MS, HOUR_PROFILES, timeOfDay } from './hours.js';
import { DAY_MS } from './options.js';
import { personaAt } from './personas.js';
import type { Population } from './population.js';
import { CHANNELS, type OrderDrafts } from './purchases.js';

/**
 * Orders become invoices: ids in time order (like Online Retail's invoice numbers), 1-4 lines each with products
 * from the customer's favourite categories (boosted by the calendar: toys at Christmas...), discounts in sales and
 * for coupon lovers, and later cancellations ("C" + order id, whole order, within a day and a half) and returns
 * ("C" + order id, some lines, 3-30 days later) as negative lines.
 */
export interface Orders {
  readonly count: number;
  readonly ids: readonly string[];
  readonly time: Float64Array;
  readonly row: Int32Array;
  readonly channel: Uint8Array;
  readonly campaign: Int32Array;
  readonly amountCents: Float64Array;
  readonly lineStart: Int32Array;
  readonly lineCount: Uint8Array;
  /** Product index and quantity of each purchase line (`lineStart` points here). */
  readonly lineProduct: Uint8Array;
  readonly lineQuantity: Uint8Array;
  readonly cancellations: number;
  readonly returns: number;
  readonly table: ColumnTable;
}

export const FIRST_ORDER_NUMBER = 100_001;
const CANCEL_RATE = 0.022;
const GUEST_LINES = [0.55, 0.28, 0.12, 0.05] as const;
const popularityCum = cumulative(POPULARITY);
const SALE_RATES = [0.2, 0.3, 0.4, 0.5];
const SALE_WEIGHTS = [3, 4, 2, 1];
const COUPON_RATES = [0.05, 0.1, 0.15, 0.2];
const COUPON_WEIGHTS = [2, 4, 2, 1];
const cityCum = cumulative(CITIES.map((c) => c.weight));

export function buildOrders(rng: Rng, cal: DemoCalendar, pop: Population, drafts: OrderDrafts): Orders {
  const count = drafts.time.length;
  const sorted = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => (drafts.time[a] ?? 0) - (drafts.time[b] ?? 0) || a - b,
  );
  const ids: string[] = new Array(count);
  const time = new Float64Array(count);
  const row = new Int32Array(count);
  const channel = new Uint8Array(count);
  const campaign = new Int32Array(count);
  const amountCents = new Float64Array(count);
  const lineStart = new Int32Array(count);
  const lineCount = new Uint8Array(count);
  const lineProduct: number[] = [];
  const lineQuantity: number[] = [];
  const lineUnit: number[] = [];
  const orderCountry: string[] = new Array(count);
  const weights = new Float64Array(CATEGORY_COUNT);
  const chosen: number[] = [];

  for (let o = 0; o < count; o++) {
    const src = sorted[o] ?? 0;
    const t = drafts.time[src] ?? cal.startMs;
    const r = drafts.row[src] ?? -1;
    ids[o] = String(FIRST_ORDER_NUMBER + o);
    time[o] = t;
    row[o] = r;
    channel[o] = drafts.channel[src] ?? 0;
    campaign[o] = drafts.campaign[src] ?? -1;
    orderCountry[o] =
      r >= 0 ? (pop.city[r]?.country ?? 'ES') : (CITIES[pickIndex(rng, cityCum)]?.country ?? 'ES');
    const spec = r >= 0 ? personaAt(pop.persona[r] ?? 0) : null;
    const d = Math.min(cal.days - 1, Math.floor((t - cal.startMs) / DAY_MS));
    const n = 1 + pickWeighted(rng, spec ? spec.lines : GUEST_LINES);
    let prev = 0;
    for (let k = 0; k < CATEGORY_COUNT; k++) {
      const c = r >= 0 ? (pop.categoryCum[r * CATEGORY_COUNT + k] ?? 0) : k + 1;
      weights[k] = (c - prev) * (cal.categoryBoost[d * CATEGORY_COUNT + k] ?? 1);
      prev = c;
    }
    const sale = cal.sale[d] ?? 0;
    const pDiscount = spec
      ? spec.discount.sale * sale + spec.discount.other * (1 - sale)
      : 0.4 * sale + 0.1 * (1 - sale);
    lineStart[o] = lineProduct.length;
    chosen.length = 0;
    let amount = 0;
    for (let l = 0; l < n; l++) {
      let product = -1;
      for (let guard = 0; guard < 4 && (product < 0 || chosen.includes(product)); guard++) {
        const cat = pickIndexOf(rng, weights);
        product = cat * PRODUCTS_PER_CATEGORY + pickIndex(rng, popularityCum);
      }
      if (chosen.includes(product)) continue;
      chosen.push(product);
      const p = PRODUCTS[product];
      if (!p) continue;
      const q =
        rng.next() < (EXTRA_QUANTITY[p.categoryIndex] ?? 0.1) ? 2 + (rng.next() < 0.25 ? rng.int(4) : 0) : 1;
      let unit = p.priceCents;
      if (rng.next() < pDiscount) {
        const rate =
          sale > 0.45
            ? (SALE_RATES[pickWeighted(rng, SALE_WEIGHTS)] ?? 0.2)
            : (COUPON_RATES[pickWeighted(rng, COUPON_WEIGHTS)] ?? 0.1);
        unit = Math.round(p.priceCents * (1 - rate));
      }
      lineProduct.push(product);
      lineQuantity.push(q);
      lineUnit.push(unit);
      amount += q * unit;
    }
    lineCount[o] = lineProduct.length - (lineStart[o] ?? 0);
    amountCents[o] = amount;
  }

  // Cancellations and returns, as records with their own instant.
  const cTime: number[] = [];
  const cOrder: number[] = [];
  const cKind: number[] = [];
  const cLines: number[][] = [];
  const cQty: number[][] = [];
  for (let o = 0; o < count; o++) {
    const r = row[o] ?? -1;
    const spec = r >= 0 ? personaAt(pop.persona[r] ?? 0) : null;
    const t = time[o] ?? 0;
    const start = lineStart[o] ?? 0;
    const n = lineCount[o] ?? 0;
    if (rng.next() < CANCEL_RATE * (spec ? spec.cancelFactor : 1)) {
      const at = t + Math.round(uniform(rng, 0.3, 36) * HOUR_MS);
      if (at < cal.endMs) {
        cTime.push(at);
        cOrder.push(o);
        cKind.push(0);
        cLines.push(Array.from({ length: n }, (_, i) => start + i));
        cQty.push(Array.from({ length: n }, (_, i) => lineQuantity[start + i] ?? 1));
      }
      continue;
    }
    const lines: number[] = [];
    const qty: number[] = [];
    for (let i = start; i < start + n; i++) {
      const p = PRODUCTS[lineProduct[i] ?? 0];
      if (p && rng.next() < (RETURN_RATE[p.categoryIndex] ?? 0) * (spec ? spec.returnFactor : 1)) {
        lines.push(i);
        qty.push(1 + rng.int(lineQuantity[i] ?? 1));
      }
    }
    if (lines.length === 0) continue;
    const day = Math.floor((t - cal.startMs) / DAY_MS) + 3 + rng.int(28);
    const at = cal.startMs + day * DAY_MS + timeOfDay(rng, HOUR_PROFILES.store);
    if (at >= cal.endMs) continue;
    cTime.push(at);
    cOrder.push(o);
    cKind.push(1);
    cLines.push(lines);
    cQty.push(qty);
  }
  const cSorted = Array.from({ length: cTime.length }, (_, i) => i).sort(
    (a, b) => (cTime[a] ?? 0) - (cTime[b] ?? 0) || a - b,
  );

  // Emit purchases and cancellations/returns merged in time order.
  const col = {
    order_id: [] as string[],
    line_no: [] as number[],
    customer_id: [] as (string | null)[],
    ordered_at: [] as number[],
    product_id: [] as string[],
    description: [] as string[],
    category: [] as string[],
    quantity: [] as number[],
    unit_price: [] as number[],
    amount: [] as number[],
    cost: [] as (number | null)[],
    discount: [] as number[],
    currency: [] as string[],
    channel: [] as string[],
    status: [] as string[],
    country: [] as string[],
  };
  const emit = (
    o: number,
    id: string,
    at: number,
    lines: readonly number[],
    qty: readonly number[],
    status: string,
  ) => {
    const r = row[o] ?? -1;
    const customer = r >= 0 ? (pop.ids[r] ?? null) : null;
    const ch = CHANNELS[channel[o] ?? 0] ?? 'web';
    const country = orderCountry[o] ?? 'ES';
    const sign = status === 'purchase' ? 1 : -1;
    lines.forEach((i, k) => {
      const p = PRODUCTS[lineProduct[i] ?? 0];
      if (!p) return;
      const q = sign * (qty[k] ?? 1);
      const unit = lineUnit[i] ?? p.priceCents;
      col.order_id.push(id);
      col.line_no.push(k + 1);
      col.customer_id.push(customer);
      col.ordered_at.push(at);
      col.product_id.push(p.id);
      col.description.push(p.name);
      col.category.push(p.category);
      col.quantity.push(q);
      col.unit_price.push(unit / 100);
      col.amount.push((q * unit) / 100);
      col.cost.push(p.costCents < 0 ? null : (q * p.costCents) / 100);
      col.discount.push(unit === p.priceCents ? 0 : (q * (p.priceCents - unit)) / 100);
      col.currency.push('EUR');
      col.channel.push(ch);
      col.status.push(status);
      col.country.push(country);
    });
  };
  let ci = 0;
  for (let o = 0; o <= count; o++) {
    const t = o < count ? (time[o] ?? 0) : Number.POSITIVE_INFINITY;
    while (ci < cSorted.length && (cTime[cSorted[ci] ?? 0] ?? 0) < t) {
      const c = cSorted[ci++] ?? 0;
      const src = cOrder[c] ?? 0;
      const status = cKind[c] === 0 ? 'cancellation' : 'return';
      emit(src, `C${ids[src]}`, cTime[c] ?? 0, cLines[c] ?? [], cQty[c] ?? [], status);
    }
    if (o === count) break;
    const start = lineStart[o] ?? 0;
    const n = lineCount[o] ?? 0;
    const lines = Array.from({ length: n }, (_, i) => start + i);
    emit(
      o,
      ids[o] ?? '',
      time[o] ?? 0,
      lines,
      lines.map((i) => lineQuantity[i] ?? 1),
      'purchase',
    );
  }
  const cancellations = cKind.filter((k) => k === 0).length;

  return {
    count,
    ids,
    time,
    row,
    channel,
    campaign,
    amountCents,
    lineStart,
    lineCount,
    lineProduct: Uint8Array.from(lineProduct),
    lineQuantity: Uint8Array.from(lineQuantity),
    cancellations,
    returns: cKind.length - cancellations,
    table: columnTable(col),
  };
}

/** Index drawn in proportion to plain weights held in a typed array. */
function pickIndexOf(rng: Rng, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i] ?? 0;
  let target = rng.next() * total;
  for (let i = 0; i < w.length - 1; i++) {
    target -= w[i] ?? 0;
    if (target < 0) return i;
  }
  return w.length - 1;
}
