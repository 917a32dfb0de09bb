import { err, ok, type Result } from '../../core/result.js';
import { quoted, type Reason } from './reason.js';

const CURRENCY = new Set(['€', '$', '£', '¥']);
const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2009';

/**
 * Strips a sign and a currency symbol from a trimmed number (`-$12`, `$-12`, `€ 12,50`, `12.50 €`), leaving the
 * digits and separators. Percentages and accounting parentheses are refused with a reason saying what to do.
 */
export function splitAffixes(
  text: string,
  original: string,
): Result<{ body: string; negative: boolean }, Reason> {
  let s = text;
  let negative = false;
  let signed = false;
  let currency = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    return err(
      `not a number: ${quoted(original)} (write negative numbers with a minus sign, e.g. -${s.slice(1, -1).trim()})`,
    );
  }
  if (s.endsWith('%')) {
    return err(
      `not a number: ${quoted(original)} (percentages are not accepted: remove the % sign or divide by 100)`,
    );
  }
  const takeSign = (): void => {
    const c = s[0];
    if (!signed && (c === '-' || c === '+' || c === '\u2212')) {
      negative = c !== '+';
      signed = true;
      s = s.slice(1);
    }
  };
  takeSign();
  if (CURRENCY.has(s[0] ?? '')) {
    currency = true;
    s = s.slice(1);
    while (isSpace(s[0])) s = s.slice(1);
    takeSign();
  }
  if (!currency && CURRENCY.has(s[s.length - 1] ?? '')) {
    s = s.slice(0, -1);
    while (isSpace(s[s.length - 1])) s = s.slice(0, -1);
  }
  return ok({ body: s, negative });
}
