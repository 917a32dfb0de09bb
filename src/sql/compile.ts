import { assertNever } from '../core/assert-never.js';
import type { CompiledQuery, Expr, FromItem, OrderBy, Select, SqlValue } from './ast.js';
import { checkFunctionName, type Dialect, duckdbDialect, quoteIdent } from './dialect.js';

/** Compile a query tree to SQL text plus bound parameters, for one dialect. */
export function compile(query: Select, dialect: Dialect = duckdbDialect): CompiledQuery {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue): string => {
    params.push(v);
    return dialect.placeholder(params.length);
  };

  const expr = (e: Expr): string => {
    switch (e.kind) {
      case 'column':
        return e.table ? `${quoteIdent(e.table)}.${quoteIdent(e.name)}` : quoteIdent(e.name);
      case 'param':
        return bind(e.value);
      case 'star':
        return e.table ? `${quoteIdent(e.table)}.*` : '*';
      case 'binary':
        return `(${expr(e.left)} ${e.op} ${expr(e.right)})`;
      case 'unary': {
        const op = e.op;
        switch (op) {
          case 'NOT':
            return `(NOT ${expr(e.operand)})`;
          case 'NEG':
            return `(- ${expr(e.operand)})`;
          case 'IS NULL':
            return `(${expr(e.operand)} IS NULL)`;
          case 'IS NOT NULL':
            return `(${expr(e.operand)} IS NOT NULL)`;
          default:
            return assertNever(op, 'unary operator');
        }
      }
      case 'call': {
        const name = dialect.functionName(checkFunctionName(e.fn));
        const args = e.args.map(expr).join(', ');
        const filter = e.filter ? ` FILTER (WHERE ${expr(e.filter)})` : '';
        return `${name}(${e.distinct ? 'DISTINCT ' : ''}${args})${filter}`;
      }
      case 'case': {
        const whens = e.whens.map((w) => `WHEN ${expr(w.when)} THEN ${expr(w.result)}`).join(' ');
        return `(CASE ${whens}${e.else ? ` ELSE ${expr(e.else)}` : ''} END)`;
      }
      case 'in':
        if (e.list.length === 0) return e.negated ? 'TRUE' : 'FALSE';
        return `(${expr(e.expr)} ${e.negated ? 'NOT IN' : 'IN'} (${e.list.map(expr).join(', ')}))`;
      case 'between':
        return `(${expr(e.expr)} BETWEEN ${expr(e.low)} AND ${expr(e.high)})`;
      case 'cast':
        return `CAST(${expr(e.expr)} AS ${e.type})`;
      case 'exists':
        return `(EXISTS (${select(e.query)}))`;
      case 'in_query':
        return `(${expr(e.expr)} ${e.negated ? 'NOT IN' : 'IN'} (${select(e.query)}))`;
      case 'subquery':
        return `(${select(e.query)})`;
      case 'window': {
        const parts: string[] = [];
        if (e.partitionBy.length > 0) parts.push(`PARTITION BY ${e.partitionBy.map(expr).join(', ')}`);
        if (e.orderBy.length > 0) parts.push(`ORDER BY ${e.orderBy.map(orderBy).join(', ')}`);
        return `${expr(e.call)} OVER (${parts.join(' ')})`;
      }
      default:
        return assertNever(e, 'expression');
    }
  };

  const orderBy = (o: OrderBy): string =>
    `${expr(o.expr)} ${o.direction}${o.nulls ? ` NULLS ${o.nulls}` : ''}`;

  const from = (f: FromItem): string => {
    switch (f.kind) {
      case 'table':
        return f.alias ? `${quoteIdent(f.name)} AS ${quoteIdent(f.alias)}` : quoteIdent(f.name);
      case 'subquery':
        return `(${select(f.query)}) AS ${quoteIdent(f.alias)}`;
      default:
        return assertNever(f, 'from item');
    }
  };

  const select = (q: Select): string => {
    const parts: string[] = [];
    if (q.with && q.with.length > 0) {
      parts.push(`WITH ${q.with.map((c) => `${quoteIdent(c.name)} AS (${select(c.query)})`).join(', ')}`);
    }
    const cols = q.columns.map((c) => (c.as ? `${expr(c.expr)} AS ${quoteIdent(c.as)}` : expr(c.expr)));
    parts.push(`SELECT ${q.distinct ? 'DISTINCT ' : ''}${cols.join(', ')}`);
    if (q.from) parts.push(`FROM ${from(q.from)}`);
    for (const j of q.joins ?? []) parts.push(`${j.type} JOIN ${from(j.from)} ON ${expr(j.on)}`);
    if (q.where) parts.push(`WHERE ${expr(q.where)}`);
    if (q.groupBy && q.groupBy.length > 0) parts.push(`GROUP BY ${q.groupBy.map(expr).join(', ')}`);
    if (q.having) parts.push(`HAVING ${expr(q.having)}`);
    for (const u of q.union ?? []) parts.push(`UNION ${u.all ? 'ALL ' : ''}${select(u.query)}`);
    if (q.orderBy && q.orderBy.length > 0) parts.push(`ORDER BY ${q.orderBy.map(orderBy).join(', ')}`);
    if (q.limit !== undefined) parts.push(`LIMIT ${bind(q.limit)}`);
    if (q.offset !== undefined) parts.push(`OFFSET ${bind(q.offset)}`);
    return parts.join(' ');
  };

  return { sql: select(query), params };
}
