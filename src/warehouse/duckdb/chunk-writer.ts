import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
  dateValue,
  INTEGER,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from '@duckdb/node-api';
import { assertNever } from '../../core/assert-never.js';
import type { CellValue, ColumnTable } from '../column-table.js';
import type { ColumnType, TableColumn } from '../warehouse.js';

const CHUNK_ROWS = 2048;
const MS_PER_DAY = 86_400_000;

function duckType(t: ColumnType): DuckDBType {
  switch (t) {
    case 'VARCHAR':
    case 'JSON':
      return VARCHAR;
    case 'DOUBLE':
      return DOUBLE;
    case 'BIGINT':
      return BIGINT;
    case 'INTEGER':
      return INTEGER;
    case 'BOOLEAN':
      return BOOLEAN;
    case 'DATE':
      return DATE;
    case 'TIMESTAMP':
      return TIMESTAMP;
    default:
      return assertNever(t, 'column type');
  }
}

type Converter = (v: CellValue, column: string) => DuckDBValue;

const wrongType = (column: string, type: ColumnType, v: CellValue): never => {
  throw new Error(`column ${column} (${type}) cannot take ${typeof v} ${JSON.stringify(String(v))}`);
};

function converter(t: ColumnType): Converter {
  switch (t) {
    case 'VARCHAR':
    case 'JSON':
      return (v, c) =>
        v === null || typeof v === 'string' ? v : typeof v === 'object' ? wrongType(c, t, v) : String(v);
    case 'DOUBLE':
    case 'INTEGER':
      return (v, c) =>
        v === null
          ? null
          : typeof v === 'number'
            ? v
            : typeof v === 'bigint'
              ? Number(v)
              : wrongType(c, t, v);
    case 'BIGINT':
      return (v, c) =>
        v === null
          ? null
          : typeof v === 'bigint'
            ? v
            : typeof v === 'number'
              ? BigInt(Math.trunc(v))
              : wrongType(c, t, v);
    case 'BOOLEAN':
      return (v, c) => (v === null || typeof v === 'boolean' ? v : wrongType(c, t, v));
    case 'DATE':
      return (v, c) =>
        v === null
          ? null
          : typeof v === 'number'
            ? dateValue(Math.floor(v / MS_PER_DAY))
            : wrongType(c, t, v);
    case 'TIMESTAMP':
      return (v, c) =>
        v === null
          ? null
          : typeof v === 'number'
            ? timestampValue(BigInt(Math.round(v)) * 1000n)
            : wrongType(c, t, v);
    default:
      return assertNever(t, 'column type');
  }
}

/**
 * Cut a column-wise batch into DuckDB data chunks laid out like the target table (missing columns are NULL),
 * converting each value once. Chunks go to the appender, which is much faster than row-wise appends.
 */
export function* toDataChunks(target: readonly TableColumn[], data: ColumnTable): Generator<DuckDBDataChunk> {
  const known = new Set(target.map((c) => c.name));
  for (const name of Object.keys(data.columns)) {
    if (!known.has(name)) throw new Error(`column ${name} does not exist in the target table`);
  }
  const types = target.map((c) => duckType(c.type));
  const convs = target.map((c) => converter(c.type));
  for (let start = 0; start < data.rowCount; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, data.rowCount - start);
    const cols: DuckDBValue[][] = target.map((c, j) => {
      const src = data.columns[c.name];
      const out: DuckDBValue[] = new Array(n);
      if (src === undefined) {
        out.fill(null);
        return out;
      }
      const conv = convs[j]!;
      for (let i = 0; i < n; i++) out[i] = conv(src[start + i] ?? null, c.name);
      return out;
    });
    const chunk = DuckDBDataChunk.create(types, n);
    chunk.setColumns(cols);
    yield chunk;
  }
}
