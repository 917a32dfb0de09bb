import { invalidInput } from '../core/errors.js';

/** What a caller may ask of the demo shop. */
export interface DemoShopOptions {
  /** Seed of every random draw: same seed, byte-identical data. Default 20240601. */
  readonly seed?: number;
  /** Rows in the customers table (duplicated identities included). Default 20,000. */
  readonly customers?: number;
  /** First day of trading, `YYYY-MM-DD` (UTC). Default 2024-11-01. */
  readonly start?: string;
  /** Last day of trading, inclusive, `YYYY-MM-DD` (UTC). Default 2026-10-31. */
  readonly end?: string;
  /** Multiplies `customers` (0.1 for a quick fixture, 50 for a million customers). Default 1. */
  readonly scale?: number;
}

/** Options checked and normalised once; the generators only read these. */
export interface ResolvedDemoOptions {
  readonly seed: number;
  /** Customer rows after `scale`. */
  readonly customers: number;
  readonly start: string;
  readonly end: string;
  /** Epoch ms of `start` 00:00 UTC. */
  readonly startMs: number;
  /** Epoch ms of the day after `end`, 00:00 UTC (exclusive bound). */
  readonly endMs: number;
  /** Days in the window, `end` included. */
  readonly days: number;
}

export const DAY_MS = 86_400_000;
export const MIN_WINDOW_DAYS = 28;
/** The generator holds everything in memory (~17 KB per customer, events included). */
export const MAX_CUSTOMERS = 200_000;

export const DEMO_DEFAULTS = {
  seed: 20240601,
  customers: 20_000,
  start: '2024-11-01',
  end: '2026-10-31',
  scale: 1,
} as const;

function parseDay(name: string, value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw invalidInput(
      `invalid ${name} date: "${value}"`,
      'Use a real calendar day as YYYY-MM-DD, e.g. 2024-11-01.',
    );
  }
  return ms;
}

/** Check and normalise options, with one exact message per mistake. */
export function resolveDemoOptions(options: DemoShopOptions = {}): ResolvedDemoOptions {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed))
    throw invalidInput(`invalid seed: ${seed}`, 'The seed must be an integer.');
  const scale = options.scale ?? DEMO_DEFAULTS.scale;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw invalidInput(`invalid scale: ${scale}`, 'The scale must be a positive number, e.g. 0.1 or 10.');
  }
  const base = options.customers ?? DEMO_DEFAULTS.customers;
  if (!Number.isInteger(base) || base < 1) {
    throw invalidInput(`invalid customers: ${base}`, 'The number of customers must be a positive integer.');
  }
  const customers = Math.max(1, Math.round(base * scale));
  if (customers > MAX_CUSTOMERS) {
    throw invalidInput(
      `too many customers: ${customers}`,
      `The in-memory demo generator stops at ${MAX_CUSTOMERS.toLocaleString('en')} customers (a few GB); lower --customers or scale.`,
    );
  }
  const start = options.start ?? DEMO_DEFAULTS.start;
  const end = options.end ?? DEMO_DEFAULTS.end;
  const startMs = parseDay('start', start);
  const endMs = parseDay('end', end) + DAY_MS;
  const days = Math.round((endMs - startMs) / DAY_MS);
  if (days < MIN_WINDOW_DAYS) {
    throw invalidInput(
      `demo window too short: ${start} to ${end} is ${days} days`,
      `Make end at least ${MIN_WINDOW_DAYS - 1} days after start.`,
    );
  }
  return { seed: seed >>> 0, customers, start, end, startMs, endMs, days };
}
