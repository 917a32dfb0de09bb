import { err, ok, type Result } from '../../core/result.js';
import { type DecimalOption, parseNumber } from './parse-number.js';
import { quoted, type Reason } from './reason.js';

const DIGITS = /^[-+]?\d+$/;

/**
 * Parses a whole number: `42`, `-3`, `1,234` or `1.234` (thousands: an integer was expected), `12.0`.
 * Integers beyond 2^53 - 1 are refused rather than silently rounded.
 */
export function parseInteger(text: string, decimal: DecimalOption = 'auto'): Result<number, Reason> {
  const t = text.trim();
  let n: number;
  if (DIGITS.test(t)) n = Number(t);
  else {
    if (t === '') return err('expected an integer but the value is empty');
    let r = parseNumber(t, decimal);
    if (!r.ok && decimal === 'auto' && r.error.startsWith('ambiguous')) {
      // `1,234` where an integer is expected can only mean 1234.
      r = parseNumber(t, t.includes(',') ? '.' : ',');
    }
    if (!r.ok) return err(r.error.replace(/^not a number/, 'not an integer'));
    n = r.value;
  }
  if (!Number.isInteger(n)) return err(`not an integer: ${quoted(text)}`);
  if (!Number.isSafeInteger(n)) {
    return err(`integer too large: ${quoted(text)} (the largest accepted is ${Number.MAX_SAFE_INTEGER})`);
  }
  return ok(n === 0 ? 0 : n);
}
