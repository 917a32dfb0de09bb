import { z } from 'zod';
import { invalidInput } from '../../core/errors.js';
import { DEFAULT_SEGMENT_MAP, type SegmentMap } from './segment-map.js';

const ascending = (cuts: readonly number[]) => cuts.every((c, i) => i === 0 || c > (cuts[i - 1] ?? c));

/**
 * How a value becomes a score 1-5.
 * - `quantiles` (default): quintiles of the customers with at least one purchase. Ties: `customer_id` ranks
 *   customers by value and then by customer id (ascending) and cuts the ranking into 5 groups as SQL `ntile(5)`
 *   does (sizes differ by at most one), so equal values may straddle a boundary but the result is deterministic;
 *   `shared` gives equal values the same score, 1 + floor(5 (rank - 1) / n) with `rank()` (sizes may differ).
 * - `thresholds`: four ascending cut points; F and M score 1 for value <= cuts[0], ..., 5 above cuts[3];
 *   recency (days) scores 5 for <= cuts[0], ..., 1 above cuts[3].
 */
const binsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('quantiles'),
    ties: z.enum(['customer_id', 'shared']).default('customer_id'),
  }),
  z.strictObject({
    kind: z.literal('thresholds'),
    cuts: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .refine(ascending, 'cuts must be strictly ascending'),
  }),
]);
export type Bins = z.infer<typeof binsSchema>;

const QUINTILES: Bins = { kind: 'quantiles', ties: 'customer_id' };

export const rfmOptionsSchema = z.strictObject({
  recency: binsSchema.default(QUINTILES),
  frequency: binsSchema.default(QUINTILES),
  monetary: binsSchema.default(QUINTILES),
  /** `gross` (default): sum of purchase lines, as the issue defines M; `net`: minus cancellations and returns. */
  monetaryBasis: z.enum(['gross', 'net']).default('gross'),
  /** 5 rows (r_score 1..5) of 5 group names (fm_score 1..5). */
  segmentMap: z
    .array(z.array(z.string().min(1)).length(5))
    .length(5)
    .default(DEFAULT_SEGMENT_MAP as string[][]),
});

export type RfmOptions = z.infer<typeof rfmOptionsSchema>;
export type RfmOptionsInput = z.input<typeof rfmOptionsSchema>;

/** Check options once, with the path of each mistake in the message. */
export function resolveRfmOptions(input: unknown = {}): RfmOptions & { segmentMap: SegmentMap } {
  const r = rfmOptionsSchema.safeParse(input ?? {});
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw invalidInput(
      `invalid RFM options: ${detail}`,
      'see src/models/rfm/options.ts: {"recency": {"kind": "thresholds", "cuts": [30, 90, 180, 365]}, ...}',
    );
  }
  return r.data;
}
