import { createHash } from 'node:crypto';
import type { ColumnTable } from '../warehouse/column-table.js';

/**
 * SHA-256 over named tables (names, column names in order, every value with its type), so "same seed, same
 * data" can be checked and printed in one line. Numbers are hashed as their 8 bytes, text as UTF-8.
 */
export function fingerprintTables(tables: Readonly<Record<string, ColumnTable>>): string {
  const hash = createHash('sha256');
  const CHUNK = 65_536;
  const numbers = new Float64Array(CHUNK);
  const tags = new Uint8Array(CHUNK);
  for (const [name, table] of Object.entries(tables)) {
    hash.update(`\u0002${name}:${table.rowCount}`);
    for (const [column, values] of Object.entries(table.columns)) {
      hash.update(`\u0003${column}`);
      for (let at = 0; at < values.length; at += CHUNK) {
        const end = Math.min(values.length, at + CHUNK);
        let text = '';
        for (let i = at; i < end; i++) {
          const v = values[i];
          const k = i - at;
          numbers[k] = 0;
          if (v === null || v === undefined) tags[k] = 0;
          else if (typeof v === 'number') {
            tags[k] = 1;
            numbers[k] = v;
          } else if (typeof v === 'boolean') tags[k] = v ? 2 : 3;
          else if (typeof v === 'bigint') {
            tags[k] = 4;
            text += `${v}\u0001`;
          } else {
            tags[k] = 5;
            text += `${v}\u0001`;
          }
        }
        const n = end - at;
        hash.update(tags.subarray(0, n));
        hash.update(new Uint8Array(numbers.buffer, 0, n * 8));
        hash.update(text);
      }
    }
  }
  return hash.digest('hex');
}
