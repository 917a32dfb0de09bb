import { quoteIdent } from '../../sql/dialect.js';
import { SEGMENTATION_INPUT } from './input.js';
import { SEGMENTATIONS } from './registry.js';
import type { SegmentationDef } from './segmentation.js';

/**
 * The statement that writes every customer's segment in every segmentation for run `$1` (as of day `$2`): one
 * wide row per customer into `customer_segment_labels` (read long through the `customer_segments` view). Fixed
 * text; both values bound.
 */
export function insertSegmentsSql(defs: readonly SegmentationDef[] = SEGMENTATIONS): string {
  const cols = defs.map((d) => `coalesce(${d.sql}, 'unknown') AS ${quoteIdent(d.name)}`).join(',\n    ');
  return `INSERT INTO customer_segment_labels BY NAME
  SELECT CAST($1 AS INTEGER) AS run_id, customer_id,
    ${cols}
  FROM (${SEGMENTATION_INPUT})`;
}
