import { SegmentaError } from '../../core/errors.js';
import type { FitFailureReason, FitResult, ModelKind } from '../../models/clv/index.js';
import { MODEL_NAMES } from './clv-options.js';

type Failure = Extract<FitResult<unknown>, { ok: false }>;

const HINTS: Readonly<Record<FitFailureReason, string>> = {
  insufficient_data:
    'the model needs customers with different purchase histories: use a later --as-of or import more orders',
  no_repeat_purchases: 'nobody bought twice before the as-of date: use a later --as-of or import more orders',
  not_converged: 'try --penalizer 0.001 (a small L2 penalty), or --unit weeks',
  degenerate:
    'a parameter ran to 0 or infinity: the data do not identify this model; try another --model or --penalizer 0.001',
  non_finite: 'the likelihood is not finite for these data: check for extreme values, or try --unit weeks',
};

/** A failed fit as the error the CLI and API report (exit code 6, HTTP 422), with its reason and a hint. */
export function fitFailedError(kind: ModelKind, failure: Failure, context: string): SegmentaError {
  return new SegmentaError(
    'unsupported',
    `the ${MODEL_NAMES[kind]} fit failed (${failure.reason}) ${context}: ${failure.message}`,
    HINTS[failure.reason],
  );
}
