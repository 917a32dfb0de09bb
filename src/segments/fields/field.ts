/** How a profile field's values compare: dates are epoch ms; `json` values (traits) are typed per value. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'json';

/** A profile field a condition can name, resolved through the field catalogue. */
export interface FieldInfo {
  /** Canonical name: `age`, `traits.vip`, `scores.p_alive`. */
  readonly name: string;
  readonly source: 'customer' | 'trait' | 'score';
  /** The customers or customer_scores column, or the trait key. */
  readonly key: string;
  readonly type: FieldType;
}
