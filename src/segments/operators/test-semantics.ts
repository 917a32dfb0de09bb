import type { Expr } from '../../sql/ast.js';
import { between, call, eq, ge, gt, inList, isNotNull, le, lt, ne, val } from '../../sql/build.js';
import type { Test } from '../plan/plan.js';

/**
 * The comparison operators, defined once for SQL and JS so the two evaluators cannot drift. `x` is a typed value
 * (NULL / undefined when missing or of another type); missing never matches except that `exists` says so.
 * Date values are epoch ms in JS and bound as timestamps in SQL (`dates`).
 */
export function testSql(x: Expr, t: Test, dates = false): Expr {
  const v = (n: string | number | boolean): Expr => val(dates && typeof n === 'number' ? new Date(n) : n);
  switch (t.op) {
    case '=':
      return eq(x, v(t.value));
    case '!=':
      return ne(x, v(t.value));
    case '<':
      return lt(x, v(t.value));
    case '<=':
      return le(x, v(t.value));
    case '>':
      return gt(x, v(t.value));
    case '>=':
      return ge(x, v(t.value));
    case 'between':
      return between(x, v(t.low), v(t.high));
    case 'in':
      return inList(x, t.values.map(v));
    case 'contains':
      return call('contains', [x, val(t.value)]);
    case 'exists':
      return isNotNull(x);
  }
}

/** A compiled JS test: built once per condition, called per value. */
export function testJs(t: Test): (x: unknown) => boolean {
  switch (t.op) {
    case '=': {
      const v = t.value;
      return (x) => x === v;
    }
    case '!=': {
      const v = t.value;
      return (x) => x !== undefined && x !== null && x !== v;
    }
    case '<': {
      const v = t.value;
      return (x) => typeof x === 'number' && x < v;
    }
    case '<=': {
      const v = t.value;
      return (x) => typeof x === 'number' && x <= v;
    }
    case '>': {
      const v = t.value;
      return (x) => typeof x === 'number' && x > v;
    }
    case '>=': {
      const v = t.value;
      return (x) => typeof x === 'number' && x >= v;
    }
    case 'between': {
      const { low, high } = t;
      return (x) => typeof x === 'number' && x >= low && x <= high;
    }
    case 'in': {
      const set = new Set<unknown>(t.values);
      return (x) => set.has(x);
    }
    case 'contains': {
      const v = t.value;
      return (x) => typeof x === 'string' && x.includes(v);
    }
    case 'exists':
      return (x) => x !== undefined && x !== null;
  }
}
