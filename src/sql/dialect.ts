/**
 * What differs between engines, as small hooks (kysely's dialect subclasses): identifier quoting, parameter
 * placeholders and function names. DuckDB is the first; ClickHouse overrides the same hooks.
 */
export interface Dialect {
  readonly name: string;
  /** Placeholder for the i-th bound value (1-based). */
  placeholder(index: number): string;
  /** Engine name of a portable function, e.g. `count_if` vs `countIf`. */
  functionName(fn: string): string;
}

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  placeholder: (i) => `$${i}`,
  functionName: (fn) => fn,
};

/** Quote an identifier; the one place this happens (STYLE §2). Dotted names are not split on purpose. */
export function quoteIdent(name: string): string {
  if (name.length === 0) throw new Error('empty SQL identifier');
  if (name.includes('\u0000')) throw new Error('SQL identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

const FUNCTION_NAME = /^[a-z_][a-z0-9_]*$/i;

/** Function names come from our code, never from users; reject anything that is not a plain name. */
export function checkFunctionName(fn: string): string {
  if (!FUNCTION_NAME.test(fn)) throw new Error(`invalid SQL function name: ${JSON.stringify(fn)}`);
  return fn;
}
