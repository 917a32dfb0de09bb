import type { SourceName } from './sources.js';

/** SQL types a feature can have (the `customer_scores` column type). */
export type FeatureType = 'BIGINT' | 'INTEGER' | 'DOUBLE' | 'VARCHAR' | 'DATE' | 'TIMESTAMP';

/**
 * One per-customer feature, defined once. `sql` is an aggregate over the rows of `source` for one customer
 * (or, for `derived`, an expression over other features by name). It may use the bound parameters `$1` (the
 * exclusive cutoff timestamp) and `$2` (the as-of day); nothing from a user is ever spliced into it. `fill` is
 * the value for customers with no rows in the source (counts and sums: 0); without it they get NULL, which
 * means "not defined" (the AOV of a customer without purchases), never NaN.
 */
export interface FeatureDef {
  readonly name: string;
  readonly type: FeatureType;
  readonly source: SourceName;
  readonly sql: string;
  readonly doc: string;
  readonly fill?: number;
}

export const feature = (def: FeatureDef): FeatureDef => Object.freeze(def);
