import { invalidInput } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { FieldCatalogue } from '../fields/catalogue.js';
import type { MembershipChange } from '../live/membership-change.js';
import { parseSegment } from '../plan/parse-segment.js';
import type { ChangeSink } from '../runtime/change-sink.js';
import { issueText } from '../schema/issues.js';
import { appendToLog, currentMembers, maxLogSeq } from '../store/membership-log.js';
import { writeStatus } from '../store/segment-status.js';
import { getSegment, type SegmentRecord } from '../store/segment-store.js';
import { evaluateBatch } from './evaluate-batch.js';

export interface BatchEvaluation {
  readonly segment: SegmentRecord;
  readonly asOf: number;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
  readonly durationMs: number;
}

/**
 * Evaluate a segment in the warehouse as of `asOf` and record the result: who entered or left since the last
 * recorded membership goes to the membership log (source `batch`), the status says when, how and how many.
 * A segment that fails (its rule no longer validates, the query fails) gets the error in its status.
 */
export async function evaluateAndRecord(
  wh: Warehouse,
  name: string,
  options: { asOf: number; now: number; sinks?: readonly ChangeSink[] },
): Promise<BatchEvaluation> {
  const segment = await getSegment(wh, name);
  const ref = { id: segment.id, name: segment.name, version: segment.version };
  const status = {
    segmentId: segment.id,
    version: segment.version,
    mode: 'batch',
    evaluatedAt: options.now,
    asOf: options.asOf,
  } as const;
  const started = performance.now();
  try {
    const parsed = parseSegment(segment.definition, await FieldCatalogue.load(wh));
    if (!parsed.ok) {
      throw invalidInput(`segment "${name}" no longer validates: ${parsed.error.map(issueText).join('; ')}`);
    }
    const members = await evaluateBatch(wh, parsed.value.plan, options.asOf);
    const before = (await currentMembers(wh, segment.id)).get(segment.id) ?? new Set<string>();
    const now = new Set(members);
    const changes: MembershipChange[] = [];
    const change = (customerId: string, kind: 'entered' | 'exited'): MembershipChange => ({
      segment: ref,
      customerId,
      change: kind,
      at: options.asOf,
      source: 'batch',
      conditions: [],
    });
    for (const id of members) if (!before.has(id)) changes.push(change(id, 'entered'));
    for (const id of before) if (!now.has(id)) changes.push(change(id, 'exited'));
    const durationMs = performance.now() - started;
    await wh.transaction(async () => {
      let seq = await maxLogSeq(wh);
      const logged = changes.map((c) => ({ ...c, seq: ++seq }));
      await appendToLog(wh, logged);
      for (const sink of options.sinks ?? []) await sink.persist(wh, logged);
      await writeStatus(wh, [{ ...status, size: members.length, durationMs, error: null, errorAt: null }]);
    });
    const entered = changes.filter((c) => c.change === 'entered').length;
    return {
      segment,
      asOf: options.asOf,
      size: members.length,
      entered,
      exited: changes.length - entered,
      durationMs,
    };
  } catch (e) {
    await writeStatus(wh, [
      {
        ...status,
        size: 0,
        durationMs: performance.now() - started,
        error: e instanceof Error ? e.message : String(e),
        errorAt: options.now,
      },
    ]);
    throw e;
  }
}
