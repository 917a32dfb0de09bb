import { invalidInput } from '../../core/errors.js';
import { type AsOf, asOfFromDay, calendarDay } from '../../features/as-of.js';
import type { ModelKind, PurchaseModelKind } from '../../models/clv/index.js';

/**
 * Options of the CLV use cases, checked once at the boundary with exact messages (`invalid unit: "months"
 * (expected days or weeks)`); everything past here trusts them.
 */
export type TimeUnit = 'days' | 'weeks';

/** Days per model time unit: x, tₓ and T are measured in whole days in SQL and divided by this. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

export const PURCHASE_MODELS: readonly PurchaseModelKind[] = ['bgnbd', 'mbgnbd', 'paretonbd'];
export const MODEL_KINDS: readonly ModelKind[] = [...PURCHASE_MODELS, 'gammagamma'];

/** Human names, for messages and tables. */
export const MODEL_NAMES: Readonly<Record<ModelKind, string>> = {
  bgnbd: 'BG/NBD',
  mbgnbd: 'MBG/NBD',
  paretonbd: 'Pareto/NBD',
  gammagamma: 'Gamma-Gamma',
};

const oneOf = (list: readonly string[]) => list.join(', ');

export function parseModelKind(value: unknown): ModelKind {
  if (typeof value === 'string' && (MODEL_KINDS as readonly string[]).includes(value))
    return value as ModelKind;
  throw invalidInput(
    `invalid model: ${JSON.stringify(value)} (expected one of ${oneOf(MODEL_KINDS)})`,
    'e.g. --model bgnbd',
  );
}

export function parsePurchaseModelKind(value: unknown): PurchaseModelKind {
  if (typeof value === 'string' && (PURCHASE_MODELS as readonly string[]).includes(value))
    return value as PurchaseModelKind;
  throw invalidInput(
    `invalid purchase model: ${JSON.stringify(value)} (expected one of ${oneOf(PURCHASE_MODELS)})`,
    'e.g. --model paretonbd',
  );
}

export function parseUnit(value: unknown): TimeUnit {
  if (value === undefined) return 'weeks';
  if (value === 'days' || value === 'weeks') return value;
  throw invalidInput(`invalid unit: ${JSON.stringify(value)} (expected days or weeks)`, 'e.g. --unit weeks');
}

/** A number from a flag or an option: finite and within [min, max] (`min` exclusive when `open`). */
export function parseNumber(
  name: string,
  value: unknown,
  range: { min: number; max?: number; open?: boolean; integer?: boolean },
): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const bad =
    typeof n !== 'number' ||
    !Number.isFinite(n) ||
    (range.open ? n <= range.min : n < range.min) ||
    (range.max !== undefined && n > range.max) ||
    (range.integer === true && !Number.isInteger(n));
  if (bad) {
    const what = `${range.integer ? 'a whole number' : 'a number'} ${range.open ? '>' : '≥'} ${range.min}${range.max !== undefined ? ` and ≤ ${range.max}` : ''}`;
    throw invalidInput(`invalid ${name}: ${JSON.stringify(value)} (expected ${what})`);
  }
  return n as number;
}

/** A calendar day `YYYY-MM-DD` given for `flag`, as an as-of date (see src/features/as-of.ts). */
export function parseDay(flag: string, text: string): AsOf {
  const ms = calendarDay(text);
  if (ms === null) {
    throw invalidInput(
      `invalid ${flag}: ${JSON.stringify(text)}`,
      `give a calendar day as YYYY-MM-DD, e.g. ${flag} 2011-06-30`,
    );
  }
  return asOfFromDay(ms);
}
