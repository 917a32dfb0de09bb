import type { Rng } from '../core/rng.js';
import { type ColumnTable, columnTable } from '../warehouse/column-table.js';
import type { DemoCalendar } from './calendar.js';
import { exponential, uniform } from './distributions.js';
import { HOUR_MS } from './hours.js';
import { DAY_MS } from './options.js';
import type { Orders } from './order-lines.js';
import { personaAt } from './personas.js';
import type { Population } from './population.js';
import { APP, type OrderDrafts, placeOrder, WEB } from './purchases.js';

/**
 * About one campaign a month (email mostly, some SMS and push), alternating visual and text creatives, each sent
 * to a sample of opted-in customers with a 10% control group that receives nothing. Opens and clicks depend on
 * the persona; a click may cause an order (added to the order stream, so campaigns really lift sales). A
 * recipient, treated or control, converts when they place any order within 7 days of the send (holdout-style
 * attribution, so treated and control convert by the same rule), and the conversion carries that order's amount.
 */
export type CampaignChannel = 'email' | 'sms' | 'push';
export type CreativeType = 'visual' | 'text';

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly creative: CreativeType;
  readonly sentMs: number;
}

export const CONTROL_SHARE = 0.1;
export const ATTRIBUTION_DAYS = 7;
// biome-ignore format: one label a month
const LABELS = ['Rebajas de enero', 'San Valentín', 'Nueva temporada', 'Día del Libro', 'Día de la Madre', 'Especial verano', 'Rebajas de verano', 'Ofertas de agosto', 'Vuelta al cole', 'Novedades de otoño', 'Black Friday', 'Regalos de Navidad'];
const CREATIVE_COST = { visual: 900, text: 250 } as const;
const SEND_COST = { email: 0.002, sms: 0.045, push: 0.0005 } as const;

/**
 * About one campaign per month. Creatives alternate month to month and swap between years, so every calendar
 * month has one visual and one text campaign (seasonality cannot pose as a creative effect). Every third text
 * campaign goes by SMS and every third visual one by push; the rest by email. Emails leave on Thursday 10:00,
 * SMS and push on Monday 18:30 (never on a Tuesday evening, so no campaign feeds the Tuesday-night pattern).
 */
export function scheduleCampaigns(cal: DemoCalendar): Campaign[] {
  const count = Math.max(1, Math.round(cal.days / 30.44));
  const width = Math.max(2, String(count).length);
  const seen = { visual: 0, text: 0 };
  return Array.from({ length: count }, (_, i) => {
    const creative: CreativeType = (i + Math.floor(i / 12)) % 2 === 0 ? 'visual' : 'text';
    const third = seen[creative]++ % 3 === 2;
    const channel: CampaignChannel = third ? (creative === 'text' ? 'sms' : 'push') : 'email';
    const wantDow = channel === 'email' ? 4 : 1;
    let d = Math.floor(((i + 0.3) * cal.days) / count);
    while (d < cal.days - 1 && cal.dow[d] !== wantDow) d++;
    const sentMs = cal.startMs + d * DAY_MS + (channel === 'email' ? 10 * HOUR_MS : 18.5 * HOUR_MS);
    const date = new Date(sentMs);
    const label = `${LABELS[date.getUTCMonth()] ?? 'Novedades'} ${date.getUTCFullYear()}`;
    const name = channel === 'email' ? label : `${label} (${channel.toUpperCase()})`;
    return { id: `CMP${String(i + 1).padStart(width, '0')}`, name, channel, creative, sentMs };
  });
}

/** One row per targeted customer and campaign; times are epoch ms or -1 (none). */
export interface Responses {
  readonly campaign: number[];
  readonly row: number[];
  readonly control: boolean[];
  readonly opened: number[];
  readonly clicked: number[];
}

/** Draw audiences, control groups, opens and clicks; clicks that lead to a purchase add orders to `out`. */
export function runCampaigns(
  rng: Rng,
  cal: DemoCalendar,
  pop: Population,
  campaigns: readonly Campaign[],
  aliveUntil: Float64Array,
  out: OrderDrafts,
): Responses {
  const res: Responses = { campaign: [], row: [], control: [], opened: [], clicked: [] };
  campaigns.forEach((c, k) => {
    const fraction = uniform(rng, 0.45, 0.7);
    for (let row = 0; row < pop.n; row++) {
      if ((pop.signupMs[row] ?? 0) > c.sentMs - DAY_MS) continue;
      const eligible =
        c.channel === 'email' ? pop.optEmail[row] : c.channel === 'sms' ? pop.optSms[row] : pop.hasApp[row];
      if (eligible !== 1 || rng.next() >= fraction) continue;
      const control = rng.next() < CONTROL_SHARE;
      res.campaign.push(k);
      res.row.push(row);
      res.control.push(control);
      if (control) {
        res.opened.push(-1);
        res.clicked.push(-1);
        continue;
      }
      const spec = personaAt(pop.persona[row] ?? 0);
      const alive = c.sentMs < (aliveUntil[row] ?? 0);
      const r = spec.response;
      let opened = -1;
      let clicked = -1;
      if (c.channel === 'sms') {
        if (rng.next() < r.open * r.click[c.creative] * 1.2 * (alive ? 1 : 0.4)) {
          clicked = c.sentMs + Math.round(exponential(rng, 0.5 * HOUR_MS));
        }
      } else {
        const pOpen = (c.channel === 'email' ? r.open : r.open * 0.5) * (alive ? 1 : 0.4);
        if (rng.next() < pOpen) {
          opened = c.sentMs + Math.round(Math.min(exponential(rng, 5 * HOUR_MS), 5 * 24 * HOUR_MS));
          const pClick = c.channel === 'email' ? r.click[c.creative] : Math.min(0.9, r.click[c.creative] * 2);
          if (rng.next() < pClick) clicked = opened + 5000 + rng.int(15 * 60) * 1000;
        }
      }
      if (opened >= cal.endMs) opened = -1;
      if (clicked >= cal.endMs || (opened < 0 && c.channel !== 'sms')) clicked = -1;
      res.opened.push(opened);
      res.clicked.push(clicked);
      if (clicked >= 0 && rng.next() < r.buy[c.creative] * (alive ? 1 : 0.15)) {
        const ms = clicked + Math.round(uniform(rng, 2, 60) * 60_000);
        const channel = c.channel === 'push' || (pop.hasApp[row] === 1 && rng.next() < 0.4) ? APP : WEB;
        const day = Math.floor((ms - cal.startMs) / DAY_MS);
        placeOrder(rng, cal, pop, row, day, clicked, k, out, { ms, channel });
      }
    }
  });
  return res;
}

/** The campaigns and campaign_responses tables, conversions resolved against the final orders. */
export function campaignTables(
  pop: Population,
  campaigns: readonly Campaign[],
  res: Responses,
  orders: Orders,
): { campaigns: ColumnTable; responses: ColumnTable } {
  // Orders of each customer in time order (orders are already sorted by time).
  const first = new Int32Array(pop.n + 1);
  for (let o = 0; o < orders.count; o++) {
    const r = orders.row[o] ?? -1;
    if (r >= 0) first[r + 1] = (first[r + 1] ?? 0) + 1;
  }
  for (let r = 0; r < pop.n; r++) first[r + 1] = (first[r + 1] ?? 0) + (first[r] ?? 0);
  const fill = first.slice(0, pop.n);
  const byCustomer = new Int32Array(orders.count);
  for (let o = 0; o < orders.count; o++) {
    const r = orders.row[o] ?? -1;
    if (r < 0) continue;
    const at = fill[r] ?? 0;
    byCustomer[at] = o;
    fill[r] = at + 1;
  }
  const n = res.row.length;
  const treated = new Array<number>(campaigns.length).fill(0);
  const col = {
    campaign_id: new Array<string>(n),
    customer_id: new Array<string>(n),
    sent_at: new Array<number | null>(n),
    opened_at: new Array<number | null>(n),
    clicked_at: new Array<number | null>(n),
    converted_at: new Array<number | null>(n),
    revenue: new Array<number | null>(n),
    channel: new Array<string>(n),
    creative_type: new Array<string>(n),
    is_control: new Array<boolean>(n),
  };
  for (let i = 0; i < n; i++) {
    const k = res.campaign[i] ?? 0;
    const c = campaigns[k] as Campaign;
    const r = res.row[i] ?? 0;
    const control = res.control[i] ?? false;
    if (!control) treated[k] = (treated[k] ?? 0) + 1;
    let converted: number | null = null;
    let revenue: number | null = null;
    const until = c.sentMs + ATTRIBUTION_DAYS * DAY_MS;
    for (let j = first[r] ?? 0; j < (first[r + 1] ?? 0); j++) {
      const o = byCustomer[j] ?? 0;
      const t = orders.time[o] ?? 0;
      if (t < c.sentMs) continue;
      if (t < until) {
        converted = t;
        revenue = (orders.amountCents[o] ?? 0) / 100;
      }
      break;
    }
    const opened = res.opened[i] ?? -1;
    const clicked = res.clicked[i] ?? -1;
    col.campaign_id[i] = c.id;
    col.customer_id[i] = pop.ids[r] ?? '';
    col.sent_at[i] = control ? null : c.sentMs;
    col.opened_at[i] = opened >= 0 ? opened : null;
    col.clicked_at[i] = clicked >= 0 ? clicked : null;
    col.converted_at[i] = converted;
    col.revenue[i] = revenue;
    col.channel[i] = c.channel;
    col.creative_type[i] = c.creative;
    col.is_control[i] = control;
  }
  const campaignsTable = columnTable({
    campaign_id: campaigns.map((c) => c.id),
    name: campaigns.map((c) => c.name),
    channel: campaigns.map((c) => c.channel),
    creative_type: campaigns.map((c) => c.creative),
    sent_at: campaigns.map((c) => c.sentMs),
    cost: campaigns.map(
      (c, k) =>
        Math.round((CREATIVE_COST[c.creative] + SEND_COST[c.channel] * (treated[k] ?? 0)) * 100) / 100,
    ),
  });
  return { campaigns: campaignsTable, responses: columnTable(col) };
}
