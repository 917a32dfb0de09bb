import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampValue,
  type DuckDBValue,
  timestampValue,
} from '@duckdb/node-api';
import type { SqlValue } from '../../sql/ast.js';
import type { CellValue } from '../column-table.js';

const MS_PER_DAY = 86_400_000;

/** A value read from DuckDB as a plain cell: timestamps and dates as epoch ms, big integers as numbers. */
export function fromDuckDB(v: DuckDBValue): CellValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  }
  if (v instanceof DuckDBTimestampValue) return Number(v.micros / 1000n);
  if (v instanceof DuckDBDateValue) return v.days * MS_PER_DAY;
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  return String(v);
}

/** A bound parameter as DuckDB wants it. Dates bind as timestamps. */
export function toDuckDBParam(v: SqlValue): DuckDBValue {
  if (v instanceof Date) return timestampValue(BigInt(v.getTime()) * 1000n);
  return v;
}
