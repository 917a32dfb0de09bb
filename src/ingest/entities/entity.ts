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
   * Columns that identify a row. With `hashKeyInto`, the key is a hash of those columns stored in that column
   * (order lines have no natural key: the same line re-imported has the same content).
   */
  readonly key: readonly string[];
  readonly hashKeyInto?: string;
  /** Where unmapped columns go as a JSON object (free-form traits, event properties), if anywhere. */
  readonly extrasColumn?: string;
  readonly doc: string;
}
