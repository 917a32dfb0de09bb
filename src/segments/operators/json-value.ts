import type { Expr } from '../../sql/ast.js';
import { and, call, caseWhen, cast, eq, inList, isNotNull, ne, val } from '../../sql/build.js';
import type { ValueKind } from '../plan/plan.js';

/** JSON pointer to a top-level key (`/` and `~` escaped), so any key name is safe. */
export const jsonPointer = (key: string): string => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * A JSON value typed by what it is compared with: a JSON number for numbers, a JSON string for strings, a JSON
 * boolean for booleans; anything else (missing, null, another type) is NULL and matches nothing. In SQL.
 */
export function jsonValueSql(json: Expr, key: string, kind: ValueKind): Expr {
  const path = val(jsonPointer(key));
  const type = call('json_type', [json, path]);
  switch (kind) {
    case 'number':
      return caseWhen([
        {
          when: inList(type, [val('BIGINT'), val('UBIGINT'), val('DOUBLE'), val('HUGEINT')]),
          result: cast(call('json_extract', [json, path]), 'DOUBLE'),
        },
      ]);
    case 'string':
      return caseWhen([
        { when: eq(type, val('VARCHAR')), result: call('json_extract_string', [json, path]) },
      ]);
    case 'boolean':
      return caseWhen([
        {
          when: eq(type, val('BOOLEAN')),
          result: eq(call('json_extract_string', [json, path]), val('true')),
        },
      ]);
  }
}

/** Whether a key is present and not null, in SQL. */
export function jsonExistsSql(json: Expr, key: string): Expr {
  const type = call('json_type', [json, val(jsonPointer(key))]);
  return and(isNotNull(type), ne(type, val('NULL')));
}

/** The same typing in JS, on a parsed object. */
export function jsonValue(obj: unknown, key: string, kind: ValueKind | null): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj) || !Object.hasOwn(obj, key))
    return undefined;
  const v = (obj as Record<string, unknown>)[key];
  if (kind === null) return v;
  return typeof v === kind ? v : undefined;
}
