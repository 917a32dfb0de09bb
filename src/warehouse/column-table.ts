/**
 * A batch of rows held column-wise, the shape bulk loads and query results take (STYLE: read results
 * column-wise). Timestamps and dates are epoch milliseconds (UTC); JSON columns hold a JSON string.
 */
export type CellValue = string | number | boolean | bigint | null;

export interface ColumnTable {
  readonly columns: Readonly<Record<string, readonly CellValue[]>>;
  readonly rowCount: number;
}

/** Build a ColumnTable, checking every column has the same length. */
export function columnTable(columns: Record<string, readonly CellValue[]>): ColumnTable {
  const lengths = new Set(Object.values(columns).map((c) => c.length));
  if (lengths.size > 1) {
    const detail = Object.entries(columns)
      .map(([k, v]) => `${k}=${v.length}`)
      .join(', ');
    throw new Error(`columns of unequal length: ${detail}`);
  }
  const rowCount = lengths.size === 0 ? 0 : [...lengths][0]!;
  return { columns, rowCount };
}
