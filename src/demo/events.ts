import type { Rng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import type { DemoCalendar } from './calendar.js';
import type { Campaign, Responses } from './campaigns.js';
import { CATEGORY_COUNT, POPULARITY, PRODUCTS, PRODUCTS_PER_CATEGORY } from './catalog.js';
import { cumulative, pickIndex, poisson, uniform } from './distributions.js';
import { HOUR_PROFILES, timeOfDay } from './hours.js';
import { DAY_MS } from './options.js';
import type { Orders } from './order-lines.js';
import { personaAt } from './personas.js';
import type { Population } from './population.js';
import { APP, WEB } from './purchases.js';

/**
 * The web and app click stream, proportional to activity: every online order comes with its session (app_open
 * or session_start, page and product views, add_to_cart per line, checkout), customers also browse without
 * buying (window shoppers a lot, the departed no more), and campaign opens and clicks leave email_open,
 * email_click, push-driven app_open and SMS-driven session_start events. `properties` is a JSON string.
 */
const BROWSE_FACTOR = 0.5;
const SOURCES = ['direct', 'search', 'direct', 'social', 'search', 'direct'] as const;
const popularityCum = cumulative(POPULARITY);
const MINUTE = 60_000;

class EventSink {
  readonly event_id: string[] = [];
  readonly customer_id: string[] = [];
  readonly occurred_at: number[] = [];
  readonly type: string[] = [];
  readonly properties: string[] = [];

  add(customer: string, at: number, type: string, properties: string): void {
    this.event_id.push(`E${String(this.event_id.length + 1).padStart(9, '0')}`);
    this.customer_id.push(customer);
    this.occurred_at.push(Math.round(at));
    this.type.push(type);
    // Flatten the rope the template pieces make: a flat string holds 1.3M properties in a third of the heap.
    properties.charCodeAt(0);
    this.properties.push(properties);
  }
}

export function buildEvents(
  rng: Rng,
  cal: DemoCalendar,
  pop: Population,
  orders: Orders,
  campaigns: readonly Campaign[],
  responses: Responses,
  aliveUntil: Float64Array,
): ColumnTable {
  const sink = new EventSink();
  let sessions = 0;
  const session = (
    customer: string,
    at: number,
    channel: number,
    source: string,
    campaign: string,
  ): string => {
    const id = `S${String(++sessions).padStart(8, '0')}`;
    const ch = channel === APP ? 'app' : 'web';
    const extra = campaign ? `,"campaign_id":"${campaign}"` : '';
    const props = `{"channel":"${ch}","session_id":"${id}","source":"${source}"${extra}}`;
    sink.add(customer, at, channel === APP ? 'app_open' : 'session_start', props);
    return id;
  };

  // Sessions that ended in an order.
  const ordersOf = new Int32Array(pop.n);
  for (let o = 0; o < orders.count; o++) {
    const r = orders.row[o] ?? -1;
    if (r < 0) continue;
    ordersOf[r] = (ordersOf[r] ?? 0) + 1;
    const ch = orders.channel[o] ?? WEB;
    if (ch !== WEB && ch !== APP) continue;
    const customer = pop.ids[r] ?? '';
    const t = orders.time[o] ?? 0;
    const k = orders.campaign[o] ?? -1;
    const campaign = k >= 0 ? campaigns[k] : undefined;
    const start = Math.max(cal.startMs, t - Math.round(uniform(rng, 4, 35) * MINUTE));
    const sid = session(
      customer,
      start,
      ch,
      campaign ? campaign.channel : (rng.pick(SOURCES) as string),
      campaign?.id ?? '',
    );
    const chName = ch === APP ? 'app' : 'web';
    const base = `{"channel":"${chName}","session_id":"${sid}"`;
    const n = orders.lineCount[o] ?? 0;
    const from = orders.lineStart[o] ?? 0;
    const steps = 2 + 2 * n;
    const step = (t - start) / (steps + 1);
    let at = start;
    if (rng.next() < 0.4)
      sink.add(customer, Math.round(start + step * 0.5), 'page_view', `${base},"page":"/"}`);
    for (let i = from; i < from + n; i++) {
      const p = PRODUCTS[orders.lineProduct[i] ?? 0];
      if (!p) continue;
      const product = `"product_id":"${p.id}","category":"${p.category}"`;
      at += step;
      sink.add(customer, Math.round(at), 'product_view', `${base},${product}}`);
      at += step;
      const quantity = orders.lineQuantity[i] ?? 1;
      sink.add(customer, Math.round(at), 'add_to_cart', `${base},${product},"quantity":${quantity}}`);
    }
    const value = (orders.amountCents[o] ?? 0) / 100;
    sink.add(
      customer,
      t,
      'checkout',
      `${base},"order_id":"${orders.ids[o]}","value":${value},"currency":"EUR"}`,
    );
  }

  // Browsing without buying.
  for (let r = 0; r < pop.n; r++) {
    const spec = personaAt(pop.persona[r] ?? 0);
    const customer = pop.ids[r] ?? '';
    const from = Math.max(cal.startMs, pop.signupMs[r] ?? cal.startMs);
    const until = Math.min(cal.endMs, (aliveUntil[r] ?? cal.endMs) + 45 * DAY_MS);
    if (until <= from) continue;
    const count = poisson(rng, spec.browse * BROWSE_FACTOR * ((ordersOf[r] ?? 0) + 1));
    const profile = HOUR_PROFILES[spec.hours];
    for (let s = 0; s < count; s++) {
      const day = Math.floor((from + rng.next() * (until - from) - cal.startMs) / DAY_MS);
      const start = Math.max(from, cal.startMs + day * DAY_MS + timeOfDay(rng, profile));
      if (start >= cal.endMs - 3_600_000) continue;
      const ch = pop.hasApp[r] === 1 && rng.next() < 0.6 ? APP : WEB;
      const sid = session(customer, start, ch, rng.pick(SOURCES), '');
      const base = `{"channel":"${ch === APP ? 'app' : 'web'}","session_id":"${sid}"`;
      let at = start;
      if (rng.next() < 0.5) {
        at += Math.round(uniform(rng, 0.2, 2) * MINUTE);
        sink.add(customer, at, 'page_view', `${base},"page":"/"}`);
      }
      const views = 1 + rng.int(3);
      let last = '';
      for (let v = 0; v < views; v++) {
        const cat = pickIndex(rng, pop.categoryCum, r * CATEGORY_COUNT, CATEGORY_COUNT);
        const p = PRODUCTS[cat * PRODUCTS_PER_CATEGORY + pickIndex(rng, popularityCum)];
        if (!p) continue;
        last = `"product_id":"${p.id}","category":"${p.category}"`;
        at += Math.round(uniform(rng, 0.3, 4) * MINUTE);
        sink.add(customer, at, 'product_view', `${base},${last}}`);
      }
      at += Math.round(uniform(rng, 0.3, 3) * MINUTE);
      if (last && rng.next() < 0.15) {
        sink.add(customer, at, 'add_to_cart', `${base},${last},"quantity":1}`);
      }
    }
  }

  // Campaign opens and clicks.
  for (let i = 0; i < responses.row.length; i++) {
    const c = campaigns[responses.campaign[i] ?? 0];
    if (!c) continue;
    const customer = pop.ids[responses.row[i] ?? 0] ?? '';
    const opened = responses.opened[i] ?? -1;
    const clicked = responses.clicked[i] ?? -1;
    if (c.channel === 'email') {
      const props = `{"channel":"email","campaign_id":"${c.id}"`;
      if (opened >= 0) sink.add(customer, opened, 'email_open', `${props}}`);
      if (clicked >= 0) {
        sink.add(customer, clicked, 'email_click', `${props},"url":"/campanas/${c.id.toLowerCase()}"}`);
      }
    } else if (c.channel === 'push' && opened >= 0) {
      session(customer, opened, APP, 'push', c.id);
    } else if (c.channel === 'sms' && clicked >= 0) {
      session(customer, clicked, WEB, 'sms', c.id);
    }
  }

  return columnTable({
    event_id: sink.event_id,
    customer_id: sink.customer_id,
    occurred_at: sink.occurred_at,
    type: sink.type,
    properties: sink.properties,
  });
}
