import { DuckDBWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../../src/warehouse/migrate.js';
import type { Warehouse } from '../../src/warehouse/warehouse.js';

/** A fresh, migrated in-memory warehouse. */
export async function memoryWarehouse(): Promise<Warehouse> {
  const wh = await DuckDBWarehouse.open({ path: ':memory:' });
  await migrate(wh);
  return wh;
}

export async function count(wh: Warehouse, sql: string, params: (string | number)[] = []): Promise<number> {
  const r = await wh.query({ sql, params });
  return Number(Object.values(r.columns)[0]![0]);
}
