import type { Rng } from '../core/rng.js';
import { type DemoCalendar, type Intensity, intensity } from './calendar.js';
import { beta, exponential, gamma, pickIndex, pickWeighted, uniform } from './distributions.js';
import { HOUR_MS, HOUR_PROFILES, timeOfDay, WEEKDAY_WEIGHTS } from './hours.js';
import { DAY_MS } from './options.js';
import { PERSONAS, type PersonaSpec, personaAt } from './personas.js';
import type { Population } from './population.js';

/**
 * When each customer orders (the lines come later): a BG/NBD-like process per person on the persona's
 * operational clock, with the persona's weekday/hour habit and channel preferences applied to each order.
 */
export const CHANNELS = ['web', 'app', 'store', 'phone'] as const;
export const WEB = 0;
export const APP = 1;
export const STORE = 2;
export const PHONE = 3;

/** Orders before they get ids and lines: parallel arrays, one entry per order. */
export interface OrderDrafts {
  readonly time: number[];
  /** Customer row, or -1 for a guest order. */
  readonly row: number[];
  readonly channel: number[];
  /** Index of the campaign that caused the order, or -1. */
  readonly campaign: number[];
}

export const emptyOrderDrafts = (): OrderDrafts => ({ time: [], row: [], channel: [], campaign: [] });

const AVG_MONTH_DAYS = 30.44;

/** The operational clock of each persona: seasonality (or sale intensity) times the weekday shape. */
export function personaClocks(cal: DemoCalendar): Intensity[] {
  return PERSONAS.map((p) => {
    const w = new Float64Array(cal.days);
    for (let d = 0; d < cal.days; d++) {
      const base = p.seasonality === 'sales' ? 0.25 + 3 * (cal.sale[d] ?? 0) : (cal.season[d] ?? 1);
      w[d] = base * (WEEKDAY_WEIGHTS[cal.dow[d] ?? 0] ?? 1);
    }
    return intensity(w);
  });
}

/**
 * Place one order of customer `row` on day index `day`: apply the persona's habit (moving the order to the
 * habit's next weekday and hours) or draw channel and hour from the customer's preferences (or, for an order a
 * campaign caused, take the instant and channel of the click).
 * Returns false when the order cannot fall inside the window.
 */
export function placeOrder(
  rng: Rng,
  cal: DemoCalendar,
  pop: Population,
  row: number,
  day: number,
  notBeforeMs: number,
  campaign: number,
  out: OrderDrafts,
  induced?: { readonly ms: number; readonly channel: number },
): boolean {
  if (day < 0) return false;
  const spec = personaAt(pop.persona[row] ?? 0);
  let d = day;
  let channel: number;
  let tod: number;
  const habit = spec.habit;
  if (habit && rng.next() < habit.prob) {
    d = nextHabitDay(rng, cal, d, habit.days);
    if (d < 0) return false;
    channel = pickWeighted(rng, habit.channels);
    if (channel === APP && pop.hasApp[row] === 0) channel = WEB;
    tod = timeOfDay(rng, HOUR_PROFILES[habit.hours]);
  } else if (induced) {
    channel = induced.channel;
    tod = induced.ms - (cal.startMs + d * DAY_MS);
  } else {
    channel = pickIndex(rng, pop.channelCum, row * 4, 4);
    const dow = cal.dow[d] ?? 0;
    if ((channel === STORE && dow === 0) || (channel === PHONE && (dow === 0 || dow === 6))) channel = WEB;
    tod = timeOfDay(
      rng,
      channel === STORE
        ? HOUR_PROFILES.store
        : channel === PHONE
          ? HOUR_PROFILES.phone
          : HOUR_PROFILES[spec.hours],
    );
  }
  let ms = cal.startMs + d * DAY_MS + tod;
  if (ms < notBeforeMs) ms = notBeforeMs + rng.int(HOUR_MS);
  if (ms >= cal.endMs) return false;
  out.time.push(ms);
  out.row.push(row);
  out.channel.push(channel);
  out.campaign.push(campaign);
  return true;
}

/**
 * One of the habit's weekdays in the week from `day` (chosen at random, so a Saturday-or-Sunday habit fills
 * both days), else the latest one before it, or -1.
 */
function nextHabitDay(rng: Rng, cal: DemoCalendar, day: number, days: readonly number[]): number {
  const ahead: number[] = [];
  for (let d = day; d < Math.min(cal.days, day + 7); d++) if (days.includes(cal.dow[d] ?? -1)) ahead.push(d);
  if (ahead.length > 0) return ahead[rng.int(ahead.length)]!;
  for (let d = day - 1; d >= Math.max(0, day - 7); d--) if (days.includes(cal.dow[d] ?? -1)) return d;
  return -1;
}

/**
 * Organic orders of every person. Returns, per row, the epoch ms until which the customer is "alive" (the
 * dropout instant of the BG/NBD story), which campaigns use to dampen responses of the departed.
 */
export function organicOrders(
  rng: Rng,
  cal: DemoCalendar,
  pop: Population,
  clocks: readonly Intensity[],
  out: OrderDrafts,
): Float64Array {
  const aliveUntil = new Float64Array(pop.n).fill(cal.endMs);
  const dupRows: number[][] = [];
  for (let row = 0; row < pop.n; row++) {
    const person = pop.personRow[row] ?? row;
    if (person === row) continue;
    const list = dupRows[person] ?? [];
    list.push(row);
    dupRows[person] = list;
  }
  for (let row = 0; row < pop.n; row++) {
    if (pop.personRow[row] !== row) continue;
    const p = pop.persona[row] ?? 0;
    const spec = personaAt(p);
    if (spec.maxOrders === 0) continue;
    const clock = clocks[p] as Intensity;
    const first = out.time.length;
    const end = personOrders(rng, cal, pop, row, spec, clock, out);
    aliveUntil[row] = end;
    // A second account takes over part of the history once it exists.
    const dups = dupRows[row];
    if (dups) {
      for (const dup of dups) {
        aliveUntil[dup] = end;
        const since = pop.signupMs[dup] ?? 0;
        let taken = false;
        for (let i = first; i < out.time.length; i++) {
          if ((out.time[i] ?? 0) >= since && (!taken || rng.next() < 0.5)) {
            out.row[i] = dup;
            taken = true;
          }
        }
      }
    }
  }
  return aliveUntil;
}

function personOrders(
  rng: Rng,
  cal: DemoCalendar,
  pop: Population,
  row: number,
  spec: PersonaSpec,
  clock: Intensity,
  out: OrderDrafts,
): number {
  const signup = pop.signupMs[row] ?? cal.startMs;
  const rate = spec.ordersPerMonth > 0 ? gamma(rng, spec.rateShape, spec.ordersPerMonth / spec.rateShape) : 0;
  const perDay = rate / AVG_MONTH_DAYS;
  const dropout = spec.dropout >= 1 ? 1 : beta(rng, spec.dropout, 40);
  const stopDay = spec.stop === 'lapse' ? uniform(rng, 0.37, 0.58) * cal.days : Number.POSITIVE_INFINITY;
  const slowFrom =
    spec.stop === 'slowdown' ? cal.days * (1 - uniform(rng, 0.16, 0.28)) : Number.POSITIVE_INFINITY;
  const msAt = (day: number) => cal.startMs + day * DAY_MS;
  // First purchase on the signup day (the account is made at checkout). Purchases before the window happen
  // (they drive dropout) but are not in the data.
  let t = (signup - cal.startMs) / DAY_MS;
  let purchases = 1;
  let lastMs = signup;
  if (placeOrder(rng, cal, pop, row, Math.floor(t), signup, -1, out))
    lastMs = out.time[out.time.length - 1] ?? signup;
  let u = clock.at(t);
  while (purchases < spec.maxOrders && perDay > 0) {
    if (rng.next() < dropout) return Math.max(lastMs, msAt(t));
    let gap =
      spec.regularity === 1
        ? exponential(rng, 1 / perDay)
        : gamma(rng, spec.regularity, 1 / (spec.regularity * perDay));
    if (t > slowFrom) gap *= Math.exp((t - slowFrom) / 25);
    u += gap;
    t = clock.dayAt(u);
    if (t >= stopDay) return Math.min(cal.endMs, msAt(stopDay));
    if (t >= cal.days) break;
    purchases++;
    if (placeOrder(rng, cal, pop, row, Math.floor(t), lastMs, -1, out))
      lastMs = out.time[out.time.length - 1] ?? lastMs;
  }
  return purchases >= spec.maxOrders ? lastMs : cal.endMs;
}

/** Guest checkouts (no customer id): `share` of all orders, everyday timing, web or store. */
export function guestOrders(
  rng: Rng,
  cal: DemoCalendar,
  clock: Intensity,
  share: number,
  out: OrderDrafts,
): void {
  const count = Math.round((out.time.length * share) / (1 - share));
  for (let i = 0; i < count; i++) {
    const d = Math.min(cal.days - 1, Math.floor(clock.dayAt(rng.next() * clock.total)));
    const store = rng.next() < 0.45 && cal.dow[d] !== 0;
    const tod = timeOfDay(rng, store ? HOUR_PROFILES.store : HOUR_PROFILES.online);
    out.time.push(cal.startMs + d * DAY_MS + tod);
    out.row.push(-1);
    out.channel.push(store ? STORE : WEB);
    out.campaign.push(-1);
  }
}
