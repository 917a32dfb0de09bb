import type { Expr } from '../../sql/ast.js';
import { and, call, col, eq, val } from '../../sql/build.js';
import { type StreamSpec, valueKind } from '../plan/plan.js';
import { jsonExistsSql, jsonValue, jsonValueSql } from './json-value.js';
import { testJs, testSql } from './test-semantics.js';

/** Whether an event row (columns `type`, `properties`) belongs to a stream, in SQL. Never NULL. */
export function streamSql(s: StreamSpec, table?: string): Expr {
  const props = col('properties', table);
  return and(
    eq(col('type', table), val(s.event)),
    ...s.where.map(({ property, test }) => {
      const kind = valueKind(test);
      const x =
        kind === null ? jsonExistsSql(props, property) : testSql(jsonValueSql(props, property, kind), test);
      return call('coalesce', [x, val(false)]);
    }),
  );
}

/** The same in JS on parsed properties; the event type is matched by the caller's index. */
export function streamMatcher(s: StreamSpec): (properties: unknown) => boolean {
  const tests = s.where.map(({ property, test }) => {
    const kind = valueKind(test);
    const t = testJs(test);
    return (p: unknown) => t(jsonValue(p, property, kind));
  });
  if (tests.length === 0) return () => true;
  return (p) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(p)) return false;
    return true;
  };
}
