import type { Expr, Join } from '../../sql/ast.js';
import { and, bin, col, eq, gt, le, select, table, val } from '../../sql/build.js';
import {
  type Bounds,
  boundsSql,
  inBounds,
  scratchBounds,
  windowBounds,
  windowEdgeOffsets,
} from './bounds.js';
import { nextFlip } from './edges.js';
import type { LiveCustomer, Operator } from './operator.js';
import { rangeIn, upperBound } from './sorted-times.js';
import { streamSql } from './stream-match.js';

/**
 * Is there a chain t1 < t2 < … < tk, ti from stream i, all in the window, with tk − t1 ≤ within? Greedy: for
 * each candidate t1, take the earliest later event of each next step; if a step has none, no later t1 can do
 * better either.
 */
function hasChain(lists: readonly (readonly number[])[], b: Bounds, withinMs: number | null): boolean {
  const first = lists[0]!;
  const [start, end] = rangeIn(first, b);
  for (let i = start; i < end; i++) {
    const t1 = first[i]!;
    let prev = t1;
    for (let j = 1; j < lists.length; j++) {
      const list = lists[j]!;
      const idx = upperBound(list, prev);
      if (idx >= list.length || !inBounds(list[idx]!, b)) return false;
      prev = list[idx]!;
    }
    if (withinMs === null || prev - t1 <= withinMs) return true;
  }
  return false;
}

/** `sequence`: the steps in order, each strictly later, the last within `within` of the first. */
export const sequenceOperator: Operator<'sequence'> = {
  sql(leaf, scope) {
    const b = windowBounds(leaf.window, scope.asOf);
    const alias = (i: number) => `s${i}`;
    const t = (i: number) => col('t', alias(i));
    const joins: Join[] = leaf.steps.slice(1).map((step, j) => {
      const i = j + 1;
      const on: Expr[] = [
        eq(col('customer_id', alias(i)), col('customer_id', alias(0))),
        gt(t(i), t(i - 1)),
        streamSql(step, alias(i)),
        boundsSql(t(i), b),
      ];
      if (leaf.withinMs !== null && i === leaf.steps.length - 1)
        on.push(le(t(i), bin('+', t(0), val(leaf.withinMs))));
      return { type: 'INNER', from: table(scope.eventRowsTable, alias(i)), on: and(...on) };
    });
    return scope.idSet(
      select(
        { id: col('customer_id', alias(0)) },
        {
          distinct: true,
          from: table(scope.eventRowsTable, alias(0)),
          joins,
          where: and(streamSql(leaf.steps[0]!, alias(0)), boundsSql(t(0), b)),
        },
      ),
    );
  },

  live(leaf, scope) {
    const ks = leaf.steps.map((s) => scope.stream(s));
    const offsets = [...new Set([0, ...windowEdgeOffsets(leaf.window)])];
    // Reused arrays (the live engine is single-threaded and never re-enters a leaf): the customer's list per
    // step, and the same lists as edge sources for nextChange.
    const steps: (readonly number[])[] = ks.map(() => []);
    const sources = ks.map(() => ({ list: [] as readonly number[], offsets }));
    /** Fill `steps` with the customer's lists; false if a step has none. */
    const lists = (c: LiveCustomer): boolean => {
      for (let i = 0; i < ks.length; i++) {
        const l = c.stream(ks[i]!);
        if (!l) return false;
        steps[i] = l;
      }
      return true;
    };
    const b = scratchBounds();
    const chainAt = (at: number) => hasChain(steps, windowBounds(leaf.window, at, b), leaf.withinMs);
    const value = (c: LiveCustomer, at: number) => lists(c) && chainAt(at);
    return {
      streams: [...new Set(ks)],
      readsProfile: false,
      value,
      nextChange: (c, now) => {
        if (!lists(c)) return Number.POSITIVE_INFINITY;
        for (let i = 0; i < ks.length; i++) sources[i]!.list = steps[i]!;
        return nextFlip(sources, now, chainAt);
      },
      detail: (c, now) =>
        value(c, now) ? 'the steps happened in order' : 'no complete sequence in the window',
    };
  },

  withoutEvents: () => false,
};
