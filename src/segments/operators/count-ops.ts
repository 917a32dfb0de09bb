import type { Expr } from '../../sql/ast.js';
import { eq, ge, le, val } from '../../sql/build.js';
import type { CountOp } from '../plan/plan.js';

/** at least / at most / exactly N, in SQL and JS. */
export function countSql(n: Expr, op: CountOp, value: number): Expr {
  switch (op) {
    case 'at_least':
      return ge(n, val(value));
    case 'at_most':
      return le(n, val(value));
    case 'exactly':
      return eq(n, val(value));
  }
}

export function countJs(op: CountOp, value: number): (n: number) => boolean {
  switch (op) {
    case 'at_least':
      return (n) => n >= value;
    case 'at_most':
      return (n) => n <= value;
    case 'exactly':
      return (n) => n === value;
  }
}
