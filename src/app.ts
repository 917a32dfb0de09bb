import { resolve } from 'node:path';
import { DuckDBWarehouse } from './warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from './warehouse/migrate.js';
import type { Warehouse } from './warehouse/warehouse.js';

export interface AppOptions {
  /** Database file; default `SEGMENTA_DB` or `./segmenta.duckdb`. */
  readonly db?: string;
  readonly threads?: number;
  readonly memoryLimit?: string;
}

export interface App {
  readonly warehouse: Warehouse;
  close(): Promise<void>;
}

export const defaultDbPath = (db?: string) => resolve(db ?? process.env.SEGMENTA_DB ?? 'segmenta.duckdb');

/** The composition root: opens the warehouse, brings its schema up to date, and wires the adapters. */
export async function openApp(options: AppOptions = {}): Promise<App> {
  const warehouse = await DuckDBWarehouse.open({
    path: options.db === ':memory:' ? ':memory:' : defaultDbPath(options.db),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
  });
  await migrate(warehouse);
  return { warehouse, close: () => warehouse.close() };
}
