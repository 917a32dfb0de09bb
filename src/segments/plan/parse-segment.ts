import { err, ok, type Result } from '../../core/result.js';
import type { FieldCatalogue } from '../fields/catalogue.js';
import { SegmentDefinition, type SegmentDefinitionInput } from '../schema/definition.js';
import { type Issue, zodIssues } from '../schema/issues.js';
import { normalise } from './normalise.js';
import type { SegmentPlan } from './plan.js';

export interface ParsedSegment {
  readonly definition: SegmentDefinitionInput;
  readonly plan: SegmentPlan;
}

/** Validate untrusted JSON as a segment (schema, then fields and types) into its plan; all issues, located. */
export function parseSegment(input: unknown, catalogue: FieldCatalogue): Result<ParsedSegment, Issue[]> {
  const parsed = SegmentDefinition.safeParse(input);
  if (!parsed.success) return err(zodIssues(parsed.error, input));
  const plan = normalise(parsed.data, catalogue);
  return plan.ok ? ok({ definition: parsed.data, plan: plan.value }) : err(plan.error);
}
