import type { CellValue } from '../../warehouse/column-table.js';

/** A row as parsed values keyed by field name, before it is staged. */
export type ParsedRow = Record<string, CellValue>;

/**
 * Entity-specific completion of a parsed row (derived columns, normalisation, generated ids). Returns a reason
 * to reject the row, or null; `issue` records a dropped or adjusted value without rejecting the row.
 */
export type RowFinisher = (row: ParsedRow, issue: (column: string, reason: string) => void) => string | null;
