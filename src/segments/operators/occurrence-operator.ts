import { call, col } from '../../sql/build.js';
import { boundsSql, inBounds, scratchBounds, windowBounds, windowEdgeOffsets } from './bounds.js';
import { nextFlip } from './edges.js';
import { neverNull } from './never-null.js';
import type { LiveCustomer, Operator } from './operator.js';
import { upperBound } from './sorted-times.js';
import { streamSql } from './stream-match.js';

/** `first_event` / `last_event`: the customer's first (last) matching event up to now falls in the window. */
export const occurrenceOperator: Operator<'first' | 'last'> = {
  sql(leaf, scope) {
    const fn = leaf.kind === 'first' ? 'min' : 'max';
    const at = scope.aggregate(call(fn, [col('t')], { filter: streamSql(leaf.stream) }));
    return neverNull(boundsSql(at, windowBounds(leaf.window, scope.asOf)));
  },

  live(leaf, scope) {
    const k = scope.stream(leaf.stream);
    const offsets = [...new Set([0, ...windowEdgeOffsets(leaf.window)])];
    const occurrence = (c: LiveCustomer, at: number): number | undefined => {
      const list = c.stream(k);
      if (!list) return undefined;
      const visible = upperBound(list, at);
      if (visible === 0) return undefined;
      return leaf.kind === 'first' ? list[0] : list[visible - 1];
    };
    const b = scratchBounds();
    const value = (c: LiveCustomer, at: number) => {
      const t = occurrence(c, at);
      return t !== undefined && inBounds(t, windowBounds(leaf.window, at, b));
    };
    // Reused by every nextChange call (the live engine is single-threaded and never re-enters a leaf).
    const source = { list: [] as readonly number[], offsets };
    const sources = [source];
    let current: LiveCustomer | undefined;
    const valueAt = (at: number) => value(current!, at);
    return {
      streams: [k],
      readsProfile: false,
      value,
      nextChange: (c, now) => {
        const list = c.stream(k);
        if (!list) return Number.POSITIVE_INFINITY;
        source.list = list;
        current = c;
        return nextFlip(sources, now, valueAt);
      },
      detail: (c, now) => {
        const t = occurrence(c, now);
        return t === undefined
          ? 'no matching event yet'
          : `${leaf.kind} matching event at ${new Date(t).toISOString()}`;
      },
    };
  },

  withoutEvents: () => false,
};
