import { z } from 'zod';
import { durationFields, hasDuration, NEEDS_DURATION } from './duration.js';
import { Instant } from './instant.js';

/**
 * Which events a condition looks at, relative to the evaluation instant T:
 * `last` — in the last D (T − D < t ≤ T); `older_than` — more than D ago (t ≤ T − D);
 * `between` — from ≤ t < to (and t ≤ T).
 */
export const Window = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('last'), ...durationFields })
      .refine(hasDuration, { error: NEEDS_DURATION }),
    z
      .strictObject({ kind: z.literal('older_than'), ...durationFields })
      .refine(hasDuration, { error: NEEDS_DURATION }),
    z.strictObject({ kind: z.literal('between'), from: Instant, to: Instant }),
  ])
  .meta({
    id: 'Window',
    description: 'The time window events must fall in, relative to the evaluation instant.',
  });

export type WindowInput = z.infer<typeof Window>;
