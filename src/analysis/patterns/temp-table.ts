import { quoteIdent } from '../../sql/dialect.js';
import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

let counter = 0;

/**
 * Run `work` with `data` in a fresh TEMP table (columns declared by our code, e.g. `run_id INTEGER, hour
 * INTEGER`), dropped afterwards whatever happens. TEMP tables belong to the connection, so concurrent calls on
 * other connections cannot collide; the counter keeps calls on the same one apart.
 */
export async function withTempTable<T>(
  wh: Warehouse,
  prefix: string,
  columns: string,
  data: ColumnTable,
  work: (name: string) => Promise<T>,
): Promise<T> {
  const name = `segmenta_patterns_${prefix}_${++counter}`;
  await wh.execute(`CREATE TEMP TABLE ${quoteIdent(name)} (${columns})`);
  try {
    await wh.append(name, data);
    return await work(name);
  } finally {
    await wh.execute(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
  }
}
