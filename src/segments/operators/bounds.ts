import type { Expr } from '../../sql/ast.js';
import { and, ge, gt, le, lt, val } from '../../sql/build.js';
import type { Window } from '../plan/plan.js';

/** The event times a window admits at instant `at`, as one interval with explicit ends. */
export interface Bounds {
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
}

/**
 * Window semantics, defined once for both evaluators (written into `out`, so the live path allocates nothing): no window — t ≤ at; `last` D — at − D < t ≤ at;
 * `older_than` D — t ≤ at − D; `between` — from ≤ t < to and t ≤ at.
 */
export function windowBounds(
  w: Window | null,
  at: number,
  out: Bounds = { lo: 0, loIncl: false, hi: 0, hiIncl: true },
): Bounds {
  out.lo = Number.NEGATIVE_INFINITY;
  out.loIncl = false;
  out.hi = at;
  out.hiIncl = true;
  if (w === null) return out;
  switch (w.kind) {
    case 'last':
      out.lo = at - w.ms;
      return out;
    case 'older_than':
      out.hi = at - w.ms;
      return out;
    case 'between':
      out.lo = w.from;
      out.loIncl = true;
      if (at >= w.to) {
        out.hi = w.to;
        out.hiIncl = false;
      }
      return out;
  }
}

/** A reusable Bounds for the hot path (the live engine is single-threaded and leaves do not nest). */
export const scratchBounds = (): Bounds => ({ lo: 0, loIncl: false, hi: 0, hiIncl: true });

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
