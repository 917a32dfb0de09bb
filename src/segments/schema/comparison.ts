import { z } from 'zod';

export const Scalar = z.union([z.string(), z.number(), z.boolean()], {
  error: 'expected a string, a number or a boolean',
});
const Orderable = z.union([z.number(), z.string()], {
  error: 'expected a number, or an ISO date for a date field',
});
const ListItem = z.union([z.string(), z.number()], { error: 'expected a string or a number' });

const equality = z.strictObject({ op: z.enum(['=', '!=']), value: Scalar });
const ordering = z.strictObject({ op: z.enum(['<', '<=', '>', '>=']), value: Orderable });
const range = z.strictObject({ op: z.literal('between'), low: Orderable, high: Orderable });
const membership = z.strictObject({
  op: z.literal('in'),
  values: z.array(ListItem).min(1, { error: 'expected at least one value' }).max(10_000),
});
const substring = z.strictObject({
  op: z.literal('contains'),
  value: z.string().min(1, { error: 'expected a non-empty text' }),
});
const presence = z.strictObject({ op: z.literal('exists') });

/**
 * A test on one value (a profile field or an event property), one shape per operator family, merged with the
 * keys that say what is tested (`shape`). Missing values and values of another type never match, except for
 * `exists`, which tests presence; `between` includes both ends.
 */
export function withComparison<S extends z.ZodRawShape>(shape: S) {
  return z.discriminatedUnion('op', [
    equality.extend(shape),
    ordering.extend(shape),
    range.extend(shape),
    membership.extend(shape),
    substring.extend(shape),
    presence.extend(shape),
  ]);
}

const bare = withComparison({});
export type ComparisonInput = z.infer<typeof bare>;
export type CompareOp = ComparisonInput['op'];
