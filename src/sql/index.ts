export type * from './ast.js';
export * from './build.js';
export { compile } from './compile.js';
export { type Dialect, duckdbDialect, quoteIdent } from './dialect.js';
