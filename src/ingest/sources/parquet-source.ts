import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { invalidInput } from '../../core/errors.js';
import type { RecordBatch, RecordSource } from '../source.js';
import { fileSha256 } from './file-hash.js';

const fileSize = (path: string) => statSync(path).size;

const BATCH = 50_000;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
};

/**
 * Parquet, read through a private in-memory DuckDB (its parquet reader is built in), in row batches. Values
 * become text and go through the same validation as CSV; positions are row numbers (1-based).
 */
export async function openParquetSource(path: string): Promise<RecordSource> {
  const abs = resolve(path);
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await inst.connect();
  let header: string[];
  let total: number;
  try {
    const d = await conn.runAndReadAll('SELECT * FROM read_parquet($1) LIMIT 0', [abs]);
    header = d.columnNames();
    const c = await conn.runAndReadAll('SELECT count(*) FROM read_parquet($1)', [abs]);
    total = Number(c.getRows()[0]![0]);
  } catch (e) {
    conn.closeSync();
    inst.closeSync();
    throw invalidInput(`${basename(path)} is not a readable Parquet file: ${(e as Error).message}`);
  }
  return {
    fileName: basename(path),
    format: 'parquet',
    description: 'Parquet',
    header,
    totalBytes: fileSize(path),
    rawSeparator: ' | ',
    positionName: 'row',
    async *batches(): AsyncGenerator<RecordBatch> {
      try {
        for (let off = 0; off < total || off === 0; off += BATCH) {
          const r = await conn.runAndReadAll(
            `SELECT * FROM read_parquet($1, file_row_number = true) WHERE file_row_number >= $2 AND file_row_number < $3 ORDER BY file_row_number`,
            [abs, off, off + BATCH],
          );
          const rows = r.getRowsJS();
          const fields = rows.map((row) => row.slice(0, header.length).map(cell));
          const lines = rows.map((row) => Number(row[header.length]) + 1);
          yield {
            fields,
            lines,
            errors: [],
            bytesRead: Math.round(((off + rows.length) / Math.max(1, total)) * fileSize(path)),
          };
          if (total === 0) break;
        }
      } finally {
        conn.closeSync();
        inst.closeSync();
      }
    },
    sha256: () => fileSha256(abs),
  };
}
