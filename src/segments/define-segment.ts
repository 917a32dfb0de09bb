import { invalidInput } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { type BatchEvaluation, evaluateAndRecord } from './batch/record-evaluation.js';
import { FieldCatalogue } from './fields/catalogue.js';
import { parseSegment } from './plan/parse-segment.js';
import { issueText } from './schema/issues.js';
import { type SegmentRecord, saveSegment } from './store/segment-store.js';

/**
 * Validate a definition (exact, located messages; nothing saved when it does not validate), save it as a new
 * segment or a new version, and evaluate it at once so its members, status and log are current.
 */
export async function defineSegment(
  wh: Warehouse,
  input: unknown,
  options: { update: boolean; note?: string; now: number },
): Promise<{ segment: SegmentRecord; evaluation: BatchEvaluation }> {
  const parsed = parseSegment(input, await FieldCatalogue.load(wh));
  if (!parsed.ok)
    throw invalidInput(
      parsed.error.map(issueText).join('\n'),
      'segmenta segments schema prints the rule format',
    );
  const segment = await saveSegment(wh, parsed.value.definition, options);
  const evaluation = await evaluateAndRecord(wh, segment.name, { asOf: options.now, now: options.now });
  return { segment, evaluation };
}
