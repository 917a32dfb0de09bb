import type { CompiledQuery } from '../../sql/ast.js';
import { quoteIdent } from '../../sql/dialect.js';
import { type CellValue, columnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

/** DuckDB column types a JSON-carried batch can declare. */
export type JsonRowType = 'VARCHAR' | 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'JSON';

/**
 * `INSERT INTO table (cols) SELECT … FROM unnest(from_json($1, structure))`: a batch of rows as ONE bound JSON
 * parameter. A few ms for hundreds of rows, against ~10 ms for the appender or a VALUES list, which matters on
 * the per-batch ingestion path. Columns typed `BIGINT` but listed in `timestamps` are epoch ms turned into
 * TIMESTAMP. Names are quoted by `quoteIdent`; rows are data and only ever travel as the parameter.
 */
export function insertJsonRows(
  table: string,
  columns: Readonly<Record<string, JsonRowType>>,
  rows: readonly Record<string, unknown>[],
  timestamps: readonly string[] = [],
): CompiledQuery {
  return insertJsonText(table, columns, JSON.stringify(rows), timestamps);
}

/** `insertJsonRows` for rows already serialised: `json` is the JSON array text of the rows. */
export function insertJsonText(
  table: string,
  columns: Readonly<Record<string, JsonRowType>>,
  json: string,
  timestamps: readonly string[] = [],
): CompiledQuery {
  const names = Object.keys(columns);
  const structure = JSON.stringify([Object.fromEntries(names.map((n) => [n, columns[n]]))]);
  const field = (n: string) => `"r".${quoteIdent(n)}`;
  const select = names.map((n) => (timestamps.includes(n) ? `epoch_ms(${field(n)})` : field(n))).join(', ');
  return {
    sql: `INSERT INTO ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) SELECT ${select} FROM (SELECT unnest(from_json($1, $2)) AS "r")`,
    params: [json, structure],
  };
}

/** Rows per statement: keeps the JSON parameter to a few MB however many rows there are. */
const CHUNK = 50_000;

/** From this many rows the warehouse's bulk appender is faster than one JSON parameter. */
const BULK = 5_000;

/**
 * Insert any number of rows (inside the caller's transaction): small batches as one JSON parameter, large ones
 * column-wise through the warehouse's bulk appender (timestamps stay epoch ms, JSON columns become text).
 */
export async function appendJsonRows(
  wh: Warehouse,
  table: string,
  columns: Readonly<Record<string, JsonRowType>>,
  rows: readonly Record<string, unknown>[],
  timestamps: readonly string[] = [],
): Promise<void> {
  if (rows.length >= BULK) {
    const data: Record<string, CellValue[]> = {};
    for (const [name, type] of Object.entries(columns)) {
      data[name] = rows.map((r) => {
        const v = r[name];
        if (v === undefined || v === null) return null;
        return type === 'JSON' ? JSON.stringify(v) : (v as CellValue);
      });
    }
    await wh.append(table, columnTable(data));
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const q = insertJsonRows(table, columns, rows.slice(i, i + CHUNK), timestamps);
    await wh.execute(q.sql, q.params);
  }
}
