import type { Expr } from '../../sql/ast.js';
import { and, ge, gt, le, lt, val } from '../../sql/build.js';
import type { Window } from '../plan/plan.js';

/** The event times a window admits at instant `at`, as one interval with explicit ends. */
export interface Bounds {
  readonly lo: number;
  readonly loIncl: boolean;
  readonly hi: number;
  readonly hiIncl: boolean;
}

/**
 * Window semantics, defined once for both evaluators: no window — t ≤ at; `last` D — at − D < t ≤ at;
 * `older_than` D — t ≤ at − D; `between` — from ≤ t < to and t ≤ at.
 */
export function windowBounds(w: Window | null, at: number): Bounds {
  if (w === null) return { lo: Number.NEGATIVE_INFINITY, loIncl: false, hi: at, hiIncl: true };
  switch (w.kind) {
    case 'last':
      return { lo: at - w.ms, loIncl: false, hi: at, hiIncl: true };
    case 'older_than':
      return { lo: Number.NEGATIVE_INFINITY, loIncl: false, hi: at - w.ms, hiIncl: true };
    case 'between':
      return at < w.to
        ? { lo: w.from, loIncl: true, hi: at, hiIncl: true }
        : { lo: w.from, loIncl: true, hi: w.to, hiIncl: false };
  }
}

export const inBounds = (t: number, b: Bounds): boolean =>
  (b.loIncl ? t >= b.lo : t > b.lo) && (b.hiIncl ? t <= b.hi : t < b.hi);

/** The same test in SQL on an epoch-ms expression; the bounds are bound parameters. */
export function boundsSql(t: Expr, b: Bounds): Expr {
  const parts: Expr[] = [];
  if (b.lo !== Number.NEGATIVE_INFINITY) parts.push(b.loIncl ? ge(t, val(b.lo)) : gt(t, val(b.lo)));
  parts.push(b.hiIncl ? le(t, val(b.hi)) : lt(t, val(b.hi)));
  return and(...parts);
}

/**
 * How far after an event's time its membership of the window can change as the clock moves: it enters at t
 * (arrival) and, for `last`, leaves at t + D; for `older_than` it enters at t + D.
 */
export function windowEdgeOffsets(w: Window | null): readonly number[] {
  if (w === null || w.kind === 'between') return [0];
  return w.kind === 'last' ? [0, w.ms] : [w.ms];
}
