import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SegmentaError } from '../../core/errors.js';
import type { CompiledQuery, Select, SqlValue } from '../../sql/ast.js';
import { compile } from '../../sql/compile.js';
import { duckdbDialect } from '../../sql/dialect.js';
import { type CellValue, type ColumnTable, columnTable } from '../column-table.js';
import type { BulkAppender, ColumnType, TableColumn, Warehouse } from '../warehouse.js';
import { BulkFile, bulkInsertSql } from './bulk-file.js';
import { toDataChunks } from './chunk-writer.js';
import { fromDuckDB, toDuckDBParam } from './values.js';

export interface DuckDBOptions {
  /** Database file, or `:memory:`. */
  readonly path: string;
  /** Worker threads DuckDB may use (default: 2, this machine's cores). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. '4GB' (default '4GB'). */
  readonly memoryLimit?: string;
}

/** From this many rows an append goes through a bulk file read by DuckDB's native CSV reader. */
const BULK_FILE_ROWS = 5_000;
/** Rows per bulk file: each is loaded in the background while the next one is written. */
const CHUNK_ROWS = 1_000_000;

const COLUMN_TYPES: Record<string, ColumnType> = {
  VARCHAR: 'VARCHAR',
  DOUBLE: 'DOUBLE',
  BIGINT: 'BIGINT',
  INTEGER: 'INTEGER',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
};

/** Serialises access to the single connection; work inside a transaction runs without re-taking the lock. */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** The embedded warehouse: one DuckDB file, one connection, explicit threads and memory limit. */
export class DuckDBWarehouse implements Warehouse {
  readonly dialect = duckdbDialect;
  readonly location: string;
  private readonly lock = new Lock();
  private readonly inTx = new AsyncLocalStorage<boolean>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    location: string,
  ) {
    this.location = location;
  }

  static async open(options: DuckDBOptions): Promise<DuckDBWarehouse> {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path, {
        threads: String(options.threads ?? 2),
        memory_limit: options.memoryLimit ?? '4GB',
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const hint = /lock/i.test(msg)
        ? 'another segmenta process (a server or an import) has this database open; stop it or use --db with another file'
        : 'check the path given with --db or SEGMENTA_DB';
      throw new SegmentaError('invalid_input', `cannot open database ${options.path}: ${msg}`, hint);
    }
    const conn = await instance.connect();
    return new DuckDBWarehouse(instance, conn, options.path);
  }

  private scratch: string | undefined;
  private bulkFiles = 0;

  /** A private temporary folder for bulk files, removed on close. */
  private scratchDir(): string {
    this.scratch ??= mkdtempSync(join(tmpdir(), 'segmenta-bulk-'));
    return this.scratch;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.inTx.getStore() ? work() : this.lock.run(work);
  }

  query(q: Select | CompiledQuery): Promise<ColumnTable> {
    const compiled = 'kind' in q ? compile(q, this.dialect) : q;
    return this.exclusive(async () => {
      const reader = await this.conn.runAndReadAll(compiled.sql, compiled.params.map(toDuckDBParam));
      const names = reader.columnNames();
      const raw = reader.getColumns();
      const columns: Record<string, CellValue[]> = {};
      names.forEach((name, j) => {
        columns[name] = (raw[j] ?? []).map(fromDuckDB);
      });
      return columnTable(columns);
    });
  }

  execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.exclusive(async () => {
      const r = await this.conn.run(sql, params.map(toDuckDBParam));
      return Number(r.rowsChanged);
    });
  }

  async describe(table: string): Promise<readonly TableColumn[]> {
    const t = await this.query({
      sql: 'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
      params: [table],
    });
    const names = t.columns.column_name ?? [];
    const types = t.columns.data_type ?? [];
    if (names.length === 0) throw new SegmentaError('not_found', `table ${table} does not exist`);
    return names.map((n, i) => {
      const dt = String(types[i]);
      return {
        name: String(n),
        type: COLUMN_TYPES[dt] ?? (dt.startsWith('TIMESTAMP') ? 'TIMESTAMP' : 'VARCHAR'),
      };
    });
  }

  async append(table: string, data: ColumnTable): Promise<void> {
    if (data.rowCount === 0) return;
    const target = await this.describe(table);
    if (data.rowCount >= BULK_FILE_ROWS) {
      const bulk = await this.bulkAppender(table, Object.keys(data.columns));
      bulk.add(data);
      await bulk.finish();
      return;
    }
    await this.exclusive(async () => {
      const appender = await this.conn.createAppender(table);
      try {
        for (const chunk of toDataChunks(target, data)) appender.appendDataChunk(chunk);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    });
  }

  /**
   * Rows are written to a bulk file; every `CHUNK_ROWS` rows the file is closed and loaded by DuckDB in the
   * background (its own threads) while the caller goes on producing the next chunk. Loads run one after another;
   * a failed load is reported by the next `add` or by `finish`.
   */
  async bulkAppender(table: string, columns: readonly string[]): Promise<BulkAppender> {
    const target = await this.describe(table);
    let file: BulkFile | undefined;
    let loaded = Promise.resolve(0);
    let failure: unknown;
    const remove = (f: BulkFile) => {
      f.close();
      rmSync(f.path, { force: true });
    };
    const load = (f: BulkFile) => {
      f.close();
      loaded = loaded.then(async (n) => {
        try {
          return n + (f.rows === 0 ? 0 : await this.execute(bulkInsertSql(table, f.columns), [f.path]));
        } catch (e) {
          failure ??= e;
          return n;
        } finally {
          remove(f);
        }
      });
    };
    return {
      add: (data) => {
        if (failure !== undefined) throw failure;
        file ??= new BulkFile(join(this.scratchDir(), `bulk-${++this.bulkFiles}.tsv`), target, columns);
        file.write(data);
        if (file.rows >= CHUNK_ROWS) {
          load(file);
          file = undefined;
        }
      },
      finish: async () => {
        if (file) load(file);
        file = undefined;
        const n = await loaded;
        if (failure !== undefined) throw failure;
        return n;
      },
      abort: () => {
        if (file) remove(file);
        file = undefined;
      },
    };
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return work();
    return this.lock.run(() =>
      this.inTx.run(true, async () => {
        await this.conn.run('BEGIN TRANSACTION');
        try {
          const result = await work();
          await this.conn.run('COMMIT');
          return result;
        } catch (e) {
          await this.conn.run('ROLLBACK');
          throw e;
        }
      }),
    );
  }

  async close(): Promise<void> {
    await this.lock.run(async () => {
      this.conn.closeSync();
      this.instance.closeSync();
    });
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
  }
}
