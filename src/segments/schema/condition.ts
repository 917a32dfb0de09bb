import { z } from 'zod';
import { withComparison } from './comparison.js';
import { Duration } from './duration.js';
import { Window } from './window.js';

const EventType = z
  .string({ error: 'expected an event type' })
  .min(1, { error: 'expected a non-empty event type' })
  .max(200);

/** A test on one property of an event's JSON `properties` (top-level key). */
export const PropertyFilter = withComparison({
  property: z.string({ error: 'expected a property name' }).min(1).max(200),
}).meta({ id: 'PropertyFilter' });

const eventMatch = {
  event: EventType,
  where: z.array(PropertyFilter).max(20).optional(),
};

const COUNT_INT = 'expected a non-negative integer';
export const EventCount = z.strictObject({
  op: z.enum(['at_least', 'at_most', 'exactly']),
  value: z.number({ error: COUNT_INT }).int({ error: COUNT_INT }).min(0, { error: COUNT_INT }),
});

const FieldCondition = withComparison({
  kind: z.literal('field'),
  field: z.string({ error: 'expected a field name' }).min(1).max(200),
}).meta({
  id: 'FieldCondition',
  description:
    'A test on a profile field: a customer attribute (age), a trait (traits.vip) or a score of the latest analysis (scores.p_alive).',
});

const EventCondition = z
  .strictObject({
    kind: z.literal('event'),
    ...eventMatch,
    count: EventCount.optional(),
    window: Window.optional(),
  })
  .meta({
    id: 'EventCondition',
    description:
      'Did the customer do EVENT (matching `where`) COUNT times (default: at least once) in WINDOW?',
  });

const NotDoneCondition = z
  .strictObject({ kind: z.literal('not_done'), ...eventMatch, window: Window.optional() })
  .meta({ id: 'NotDoneCondition', description: 'The customer did not do EVENT in WINDOW (or ever).' });

const OccurrenceCondition = z
  .strictObject({ kind: z.enum(['first_event', 'last_event']), ...eventMatch, window: Window })
  .meta({
    id: 'OccurrenceCondition',
    description: "The customer's first (or last) EVENT so far falls in WINDOW.",
  });

const SequenceCondition = z
  .strictObject({
    kind: z.literal('sequence'),
    steps: z
      .array(z.strictObject(eventMatch))
      .min(2, { error: 'expected at least 2 steps' })
      .max(5, { error: 'expected at most 5 steps' }),
    within: Duration.optional(),
    window: Window.optional(),
  })
  .meta({
    id: 'SequenceCondition',
    description:
      'The customer did the steps in order (each strictly later), the last within WITHIN of the first.',
  });

const CustomerIdsCondition = z
  .strictObject({
    kind: z.literal('customer_ids'),
    ids: z.array(z.string().min(1)).min(1, { error: 'expected at least one id' }).max(1_000_000),
  })
  .meta({ id: 'CustomerIdsCondition', description: 'A static list of customer ids.' });

const BUCKET = 'expected an integer from 0 to 100';
const bucketBound = () =>
  z.number({ error: BUCKET }).int({ error: BUCKET }).min(0, { error: BUCKET }).max(100, { error: BUCKET });
const RandomBucketCondition = z
  .strictObject({
    kind: z.literal('random_bucket'),
    salt: z.string().min(1, { error: 'expected a non-empty salt' }).max(200),
    from: bucketBound(),
    to: bucketBound(),
  })
  .meta({
    id: 'RandomBucketCondition',
    description:
      'A deterministic pseudo-random bucket for control groups: md5(salt:customer_id) → 0..99; in when from ≤ bucket < to.',
  });

/** A segment condition; `all`, `any` and `not` nest. */
export const Condition = z
  .discriminatedUnion('kind', [
    FieldCondition,
    EventCondition,
    NotDoneCondition,
    OccurrenceCondition,
    SequenceCondition,
    CustomerIdsCondition,
    RandomBucketCondition,
    z.strictObject({
      kind: z.enum(['all', 'any']),
      get conditions() {
        return z.array(Condition).min(1, { error: 'expected at least one condition' }).max(100);
      },
    }),
    z.strictObject({
      kind: z.literal('not'),
      get condition() {
        return Condition;
      },
    }),
  ])
  .meta({ id: 'Condition' });

export type ConditionInput = z.infer<typeof Condition>;
export type PropertyFilterInput = z.infer<typeof PropertyFilter>;
