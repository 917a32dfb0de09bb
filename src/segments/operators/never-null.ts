import type { Expr } from '../../sql/ast.js';
import { call, val } from '../../sql/build.js';

/** A predicate that is FALSE where SQL would say NULL, so NOT stays two-valued like the JS side. */
export const neverNull = (e: Expr): Expr => call('coalesce', [e, val(false)]);
