import type { FieldSpec } from './field.js';

export type EntityName =
  | 'customers'
  | 'orders'
  | 'products'
  | 'events'
  | 'messages'
  | 'campaigns'
  | 'campaign_responses';

/**
 * An importable entity: the fields a file may carry, the table rows land in, and how duplicates are recognised.
 * `key` lists the warehouse columns whose values identify a row; a row whose key is already present is a
 * duplicate (`skip`) or an update of that row (`upsert`).
 */
export interface EntitySpec {
  readonly name: EntityName;
  readonly table: string;
  readonly fields: readonly FieldSpec[];
  readonly onExisting: 'skip' | 'upsert';
  /**
   * Columns that identify a row, compared NULL-safely. Order lines have no natural key: their key is their whole
   * content (the same line re-imported is the same line).
   */
  readonly key: readonly string[];
  /** Where unmapped columns go as a JSON object (free-form traits, event properties), if anywhere. */
  readonly extrasColumn?: string;
  readonly doc: string;
}
