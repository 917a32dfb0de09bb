import { err, ok, type Result } from '../../core/result.js';
import type { Reason } from './reason.js';

/** What a capture group of a compiled pattern holds. */
export type PatternRole =
  | 'year'
  | 'month'
  | 'monthName'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'offset'
  | 'ampm';

/** A user-stated strftime-like pattern (`%d/%m/%Y %H:%M`), compiled once to a regular expression. */
export interface DatePattern {
  readonly kind: 'pattern';
  readonly source: string;
  readonly regex: RegExp;
  readonly roles: readonly PatternRole[];
}

const DIRECTIVES: Readonly<Record<string, readonly [string, PatternRole]>> = {
  Y: ['(\\d{4})', 'year'],
  m: ['(\\d{1,2})', 'month'],
  b: ['(\\p{L}{3,10})\\.?', 'monthName'],
  B: ['(\\p{L}{3,10})', 'monthName'],
  d: ['(\\d{1,2})', 'day'],
  H: ['(\\d{1,2})', 'hour'],
  I: ['(\\d{1,2})', 'hour12'],
  M: ['(\\d{2})', 'minute'],
  S: ['(\\d{2})', 'second'],
  f: ['(\\d{1,9})', 'fraction'],
  z: ['(Z|[+-]\\d{2}(?::?\\d{2})?)', 'offset'],
  p: ['([AaPp]\\.?[Mm]\\.?)', 'ampm'],
};

const SUPPORTED = '%Y %m %d %H %M %S %f %z %b %I %p %%';

/** Compiles a pattern, or says what is wrong with it. */
export function compileDatePattern(pattern: string): Result<DatePattern, Reason> {
  let source = '^';
  const roles: PatternRole[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c !== '%') {
      source += /\s/.test(c) ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    const directive = pattern[++i];
    if (directive === '%') {
      source += '%';
      continue;
    }
    if (directive === 'y') {
      return err(
        `date pattern "${pattern}" uses %y: two-digit years are not accepted; use %Y with four-digit years`,
      );
    }
    const entry = directive === undefined ? undefined : DIRECTIVES[directive];
    if (entry === undefined) {
      return err(
        `unsupported directive %${directive ?? ''} in date pattern "${pattern}" (supported: ${SUPPORTED})`,
      );
    }
    source += entry[0];
    roles.push(entry[1]);
  }
  const has = (r: PatternRole) => roles.includes(r);
  if (!has('year') || !(has('month') || has('monthName')) || !has('day')) {
    return err(`date pattern "${pattern}" must contain %Y, %m (or %b) and %d`);
  }
  if (has('hour12') !== has('ampm')) return err(`date pattern "${pattern}" must use %I together with %p`);
  return ok({ kind: 'pattern', source: pattern, regex: new RegExp(`${source}$`, 'u'), roles });
}
