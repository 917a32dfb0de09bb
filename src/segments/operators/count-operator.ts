import { and, call, col, star, val } from '../../sql/build.js';
import { boundsSql, scratchBounds, windowBounds, windowEdgeOffsets } from './bounds.js';
import { countJs, countSql } from './count-ops.js';
import { nextFlip } from './edges.js';
import { neverNull } from './never-null.js';
import type { LiveCustomer, Operator } from './operator.js';
import { countIn } from './sorted-times.js';
import { streamSql } from './stream-match.js';

/** `event` and `not_done`: how many of the customer's matching events fall in the window, against N. */
export const countOperator: Operator<'count'> = {
  sql(leaf, scope) {
    const b = windowBounds(leaf.window, scope.asOf);
    const n = scope.aggregate(
      call('count', [star()], { filter: and(streamSql(leaf.stream), boundsSql(col('t'), b)) }),
    );
    return neverNull(countSql(call('coalesce', [n, val(0)]), leaf.op, leaf.n));
  },

  live(leaf, scope) {
    const k = scope.stream(leaf.stream);
    const test = countJs(leaf.op, leaf.n);
    const offsets = windowEdgeOffsets(leaf.window);
    const b = scratchBounds();
    const count = (c: LiveCustomer, at: number) => {
      const list = c.stream(k);
      return list ? countIn(list, windowBounds(leaf.window, at, b)) : 0;
    };
    // Reused by every nextChange call (the live engine is single-threaded and never re-enters a leaf).
    const source = { list: [] as readonly number[], offsets };
    const sources = [source];
    let current: readonly number[] = [];
    const valueAt = (at: number) => test(countIn(current, windowBounds(leaf.window, at, b)));
    return {
      streams: [k],
      readsProfile: false,
      value: (c, now) => test(count(c, now)),
      nextChange: (c, now) => {
        const list = c.stream(k);
        if (!list) return Number.POSITIVE_INFINITY;
        source.list = list;
        current = list;
        return nextFlip(sources, now, valueAt);
      },
      detail: (c, now) => `${count(c, now)} matching event(s) in the window`,
    };
  },

  withoutEvents: (leaf) => countJs(leaf.op, leaf.n)(0),
};
