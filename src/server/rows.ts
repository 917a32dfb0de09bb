import type { CellValue, ColumnTable } from '../warehouse/column-table.js';

type Json = string | number | boolean | null;

const jsonCell = (v: CellValue | undefined): Json =>
  v === undefined
    ? null
    : typeof v === 'bigint'
      ? v.toString()
      : typeof v === 'number' && !Number.isFinite(v)
        ? null
        : v;

/**
 * Rows of a query result as plain JSON objects. `dates` lists columns holding epoch ms to write as ISO text
 * (`YYYY-MM-DD` for `day` columns, full instants otherwise).
 */
export function rowsOf(
  t: ColumnTable,
  dates: { readonly day?: readonly string[]; readonly instant?: readonly string[] } = {},
): Record<string, Json>[] {
  const day = new Set(dates.day ?? []);
  const instant = new Set(dates.instant ?? []);
  const names = Object.keys(t.columns);
  return Array.from({ length: t.rowCount }, (_, i) => {
    const row: Record<string, Json> = {};
    for (const k of names) {
      const v = jsonCell(t.columns[k]?.[i]);
      row[k] =
        v === null || !(day.has(k) || instant.has(k))
          ? v
          : day.has(k)
            ? new Date(Number(v)).toISOString().slice(0, 10)
            : new Date(Number(v)).toISOString();
    }
    return row;
  });
}

export const numberAt = (t: ColumnTable, k: string, i = 0): number | null => {
  const v = t.columns[k]?.[i];
  return v === null || v === undefined ? null : Number(v);
};
