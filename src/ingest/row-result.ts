import type { CellValue } from '../warehouse/column-table.js';

/** A value that failed to parse, with the user-facing reason. */
export class Invalid {
  constructor(readonly reason: string) {}
}

export type Parsed = CellValue | Invalid;

/** A problem found in one row: the row is rejected (`rejected`) or one value is dropped (`value`). */
export interface RowIssue {
  readonly line: number;
  readonly column: string | null;
  readonly kind: 'rejected' | 'value' | 'duplicate';
  readonly reason: string;
  readonly raw: string | null;
}
