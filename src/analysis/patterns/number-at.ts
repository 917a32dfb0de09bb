import type { ColumnTable } from '../../warehouse/column-table.js';

/** The number in column `name`, row `i` of a query result; NULL (a sum over no rows) reads as 0. */
export function numberAt(t: ColumnTable, name: string, i: number): number {
  const v = t.columns[name]?.[i];
  return v === null || v === undefined ? 0 : Number(v);
}
