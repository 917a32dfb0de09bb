import type { BinaryOp, Expr, FromItem, OrderBy, Select, SelectItem, SqlType, SqlValue } from './ast.js';

/** Small constructors for the SQL tree, so query code reads like SQL without building strings. */
export const col = (name: string, table?: string): Expr =>
  table === undefined ? { kind: 'column', name } : { kind: 'column', name, table };
export const val = (value: SqlValue): Expr => ({ kind: 'param', value });
export const star = (table?: string): Expr =>
  table === undefined ? { kind: 'star' } : { kind: 'star', table };
export const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const eq = (a: Expr, b: Expr) => bin('=', a, b);
export const ne = (a: Expr, b: Expr) => bin('<>', a, b);
export const lt = (a: Expr, b: Expr) => bin('<', a, b);
export const le = (a: Expr, b: Expr) => bin('<=', a, b);
export const gt = (a: Expr, b: Expr) => bin('>', a, b);
export const ge = (a: Expr, b: Expr) => bin('>=', a, b);
export const not = (operand: Expr): Expr => ({ kind: 'unary', op: 'NOT', operand });
export const isNull = (operand: Expr): Expr => ({ kind: 'unary', op: 'IS NULL', operand });
export const isNotNull = (operand: Expr): Expr => ({ kind: 'unary', op: 'IS NOT NULL', operand });
export const cast = (expr: Expr, type: SqlType): Expr => ({ kind: 'cast', expr, type });
export const inList = (expr: Expr, list: readonly Expr[], negated = false): Expr => ({
  kind: 'in',
  expr,
  list,
  negated,
});
/** `expr [NOT] IN (SELECT …)`. */
export const inQuery = (expr: Expr, query: Select, negated = false): Expr => ({
  kind: 'in_query',
  expr,
  query,
  negated,
});
export const between = (expr: Expr, low: Expr, high: Expr): Expr => ({ kind: 'between', expr, low, high });

/** `fn(args…)`; pass `{ distinct, filter }` for aggregates. */
export const call = (
  fn: string,
  args: readonly Expr[],
  opts: { distinct?: boolean; filter?: Expr } = {},
): Expr => ({
  kind: 'call',
  fn,
  args,
  ...opts,
});

/** Fold a list with AND (TRUE when empty). */
export function and(...items: Expr[]): Expr {
  if (items.length === 0) return eq(val(1), val(1));
  return items.reduce((acc, e) => bin('AND', acc, e));
}

/** Fold a list with OR (FALSE when empty). */
export function or(...items: Expr[]): Expr {
  if (items.length === 0) return eq(val(1), val(0));
  return items.reduce((acc, e) => bin('OR', acc, e));
}

export const caseWhen = (whens: readonly { when: Expr; result: Expr }[], otherwise?: Expr): Expr =>
  otherwise === undefined ? { kind: 'case', whens } : { kind: 'case', whens, else: otherwise };

export const asc = (expr: Expr): OrderBy => ({ expr, direction: 'ASC' });
export const desc = (expr: Expr): OrderBy => ({ expr, direction: 'DESC' });
export const table = (name: string, alias?: string): FromItem =>
  alias === undefined ? { kind: 'table', name } : { kind: 'table', name, alias };

/** Columns given as `{ alias: expr }` or bare expressions. */
export function select(
  columns: Record<string, Expr> | readonly Expr[],
  rest: Omit<Select, 'kind' | 'columns'> = {},
): Select {
  const items: SelectItem[] = Array.isArray(columns)
    ? (columns as readonly Expr[]).map((expr) => ({ expr }))
    : Object.entries(columns as Record<string, Expr>).map(([as, expr]) => ({ expr, as }));
  return Object.freeze({ kind: 'select', columns: items, ...rest });
}
