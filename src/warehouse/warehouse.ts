import type { CompiledQuery, Select, SqlValue } from '../sql/ast.js';
import type { Dialect } from '../sql/dialect.js';
import type { ColumnTable } from './column-table.js';

/** Column types the bulk loader understands; timestamps and dates travel as epoch milliseconds. */
export type ColumnType =
  | 'VARCHAR'
  | 'DOUBLE'
  | 'BIGINT'
  | 'INTEGER'
  | 'BOOLEAN'
  | 'DATE'
  | 'TIMESTAMP'
  | 'JSON';

export interface TableColumn {
  readonly name: string;
  readonly type: ColumnType;
}

/**
 * The storage port (ARCHITECTURE: a backend is an adapter behind a port). DuckDB is the embedded default; every
 * adapter passes `warehouse.contract.ts`. Nothing outside the composition root opens a database itself.
 */
export interface Warehouse {
  readonly dialect: Dialect;
  /** Where the data lives (a file path, `:memory:` or a server URL), for messages. */
  readonly location: string;
  /** Run a query tree or a compiled query; results come back column-wise. */
  query(q: Select | CompiledQuery): Promise<ColumnTable>;
  /**
   * Run a statement whose structure is fixed in our code (DDL, migrations, staging merges). Values are always
   * passed in `params`, never in the text. Resolves to the number of rows changed (for INSERT/UPDATE/DELETE).
   */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Column names and types of a table, in order. */
  describe(table: string): Promise<readonly TableColumn[]>;
  /** Bulk-append rows (column-wise) to a table; columns missing from `data` get NULL. */
  append(table: string, data: ColumnTable): Promise<void>;
  /**
   * A bulk load in several batches that lands with one statement at `finish()` (rows only become visible then).
   * Batches must carry exactly `columns`. Used by imports of millions of rows.
   */
  bulkAppender(table: string, columns: readonly string[]): Promise<BulkAppender>;
  /**
   * Run `work` in one transaction: all of it lands or none of it does (a crash part-way leaves the database as
   * it was). Nested calls join the outer transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface BulkAppender {
  add(data: ColumnTable): void;
  /** Load everything added; resolves to the number of rows loaded. */
  finish(): Promise<number>;
  /** Drop what was added without loading it. */
  abort(): void;
}
