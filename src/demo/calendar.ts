import { CATEGORY_COUNT } from './catalog.js';
import { DAY_MS, type ResolvedDemoOptions } from './options.js';

/**
 * The retail calendar of the demo window, one entry per day: weekday, overall demand (Black Friday, Christmas,
 * Reyes, January and summer sales, the August dip), how strongly a sale is on, and per-category boosts (toys at
 * Christmas, books for Sant Jordi, beauty before Mother's Day, sport with the New Year resolutions).
 */
export interface DemoCalendar {
  readonly days: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Day of week, 0 = Sunday (UTC). */
  readonly dow: Uint8Array;
  /** Demand multiplier for everyday shoppers (mean near 1). */
  readonly season: Float64Array;
  /** Sale intensity 0..1 (1 = Black Friday weekend, first weeks of rebajas). */
  readonly sale: Float64Array;
  /** Category multipliers, `days x CATEGORY_COUNT`. */
  readonly categoryBoost: Float64Array;
}

const CAT = {
  moda: 0,
  hogar: 1,
  belleza: 2,
  electronica: 3,
  deportes: 4,
  gourmet: 5,
  libros: 6,
  juguetes: 7,
};

/** Black Friday: the day after the fourth Thursday of November (UTC date). */
export function blackFriday(year: number): number {
  const nov1 = Date.UTC(year, 10, 1);
  const dow = new Date(nov1).getUTCDay();
  const firstThursday = 1 + ((4 - dow + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 21 + 1);
}

/** Spain's Mother's Day: first Sunday of May. */
function mothersDay(year: number): number {
  const may1 = Date.UTC(year, 4, 1);
  const dow = new Date(may1).getUTCDay();
  return Date.UTC(year, 4, 1 + ((7 - dow) % 7));
}

export function buildCalendar(options: ResolvedDemoOptions): DemoCalendar {
  const { days, startMs, endMs } = options;
  const dow = new Uint8Array(days);
  const season = new Float64Array(days);
  const sale = new Float64Array(days);
  const categoryBoost = new Float64Array(days * CATEGORY_COUNT).fill(1);
  for (let d = 0; d < days; d++) {
    const ms = startMs + d * DAY_MS;
    const date = new Date(ms);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const dd = date.getUTCDate();
    dow[d] = date.getUTCDay();
    const bf = Math.round((ms - blackFriday(y)) / DAY_MS);
    const toMother = Math.round((mothersDay(y) - ms) / DAY_MS);
    let s = 1;
    let sl = 0;
    const boost = (k: number, f: number) => {
      const i = d * CATEGORY_COUNT + k;
      categoryBoost[i] = (categoryBoost[i] ?? 1) * f;
    };
    if (bf >= 0 && bf <= 3) {
      s = 2.6;
      sl = 1;
      boost(CAT.electronica, 2);
    } else if (bf >= -7 && bf < 0) {
      s = 1.3;
      sl = 0.5;
    } else if (m === 12 && dd <= 21) s = 1.6;
    else if (m === 12 && dd <= 23) s = 1.2;
    else if (m === 12 && dd === 24) s = 0.6;
    else if (m === 12 && dd === 25) s = 0.35;
    else if (m === 12 && dd === 31) s = 0.5;
    else if (m === 12) s = 0.9;
    else if (m === 1 && dd === 1) s = 0.45;
    else if (m === 1 && dd <= 5) s = 1.35;
    else if (m === 1 && dd >= 7) {
      s = 1.35;
      sl = 1;
    } else if (m === 2) {
      s = 0.95;
      sl = 0.4;
    } else if (m === 7) {
      s = 1.1;
      sl = 1;
    } else if (m === 8) {
      s = 0.72;
      sl = dd <= 15 ? 0.3 : 0;
    } else if (m === 9) s = 1.05;
    if ((m === 12 && dd <= 24) || (m === 1 && dd <= 5)) boost(CAT.juguetes, 3.5);
    if (m === 12) boost(CAT.gourmet, 2.2);
    if (m === 1 || m === 7) boost(CAT.moda, 1.4);
    if (m === 1) boost(CAT.deportes, 1.6);
    if (m === 4 && dd >= 20 && dd <= 23) boost(CAT.libros, 5);
    if (m === 2 && dd >= 7 && dd <= 14) {
      boost(CAT.belleza, 1.5);
      boost(CAT.moda, 1.2);
    }
    if (toMother >= 0 && toMother <= 8) boost(CAT.belleza, 1.8);
    season[d] = s;
    sale[d] = sl;
  }
  return { days, startMs, endMs, dow, season, sale, categoryBoost };
}

/**
 * A persona's buying intensity over the window turned into "operational time": a customer's purchase process
 * runs with unit intensity on the operational clock, and mapping back to calendar days lays purchases out with
 * the seasonality and weekday shape (the time-change theorem for point processes).
 */
export interface Intensity {
  /** Operational time elapsed at (fractional) day index `t` (before the window the clock runs at rate 1). */
  at(t: number): number;
  /** Fractional day index at operational time `u` (>= days when past the window). */
  dayAt(u: number): number;
  readonly total: number;
}

export function intensity(dayWeights: Float64Array): Intensity {
  const n = dayWeights.length;
  let sum = 0;
  for (let d = 0; d < n; d++) sum += dayWeights[d] ?? 0;
  const scale = n / sum;
  const cum = new Float64Array(n + 1);
  for (let d = 0; d < n; d++) cum[d + 1] = (cum[d] ?? 0) + (dayWeights[d] ?? 0) * scale;
  const total = cum[n] ?? n;
  return {
    total,
    at: (t) => {
      if (t <= 0) return t;
      if (t >= n) return total + (t - n);
      const d = Math.floor(t);
      const c0 = cum[d] ?? 0;
      return c0 + ((cum[d + 1] ?? c0) - c0) * (t - d);
    },
    dayAt: (u) => {
      if (u <= 0) return u;
      if (u >= total) return n + (u - total);
      let lo = 0;
      let hi = n;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((cum[mid] ?? 0) <= u) lo = mid;
        else hi = mid;
      }
      const c0 = cum[lo] ?? 0;
      const w = (cum[lo + 1] ?? c0) - c0;
      return w > 0 ? lo + (u - c0) / w : lo;
    },
  };
}
