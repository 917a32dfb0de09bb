import { z } from 'zod';
import { Condition } from './condition.js';

export const SEGMENT_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A segment as written by a person or sent to the API: one declaration gives the validator, type and JSON schema. */
export const SegmentDefinition = z
  .strictObject({
    name: z
      .string({ error: 'expected a segment name' })
      .regex(SEGMENT_NAME, { error: 'expected 1-64 characters: lower-case letters, digits, - and _' }),
    description: z.string().max(2_000).optional(),
    match: z.enum(['all', 'any']).optional(),
    conditions: z.array(Condition).min(1, { error: 'expected at least one condition' }).max(100),
  })
  .meta({
    id: 'SegmentDefinition',
    description: 'A rule segment: customers for whom all (or any) conditions hold.',
  });

export type SegmentDefinitionInput = z.infer<typeof SegmentDefinition>;

/** The JSON schema of a segment definition, for the API docs and editors. */
export const segmentJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(SegmentDefinition) as Record<string, unknown>;
