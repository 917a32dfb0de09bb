import { assertNever } from '../../core/assert-never.js';
import { invalidInput } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { FieldCatalogue } from '../fields/catalogue.js';
import type { Clock } from '../live/clock.js';
import { LiveEngine } from '../live/engine.js';
import type { LiveSegment } from '../live/live-segment.js';
import { parseSegment } from '../plan/parse-segment.js';
import type { PlanNode } from '../plan/plan.js';
import { loadNeeds } from '../runtime/load-engine.js';
import { issueText } from '../schema/issues.js';
import { type LogEntry, segmentHistory } from '../store/membership-log.js';
import { getSegment } from '../store/segment-store.js';
import { describeLeaf } from './describe-condition.js';

/** Why a condition is (not) met for one customer. */
export interface ExplainedCondition {
  readonly path: string;
  readonly kind: 'all' | 'any' | 'not' | 'condition';
  readonly text: string;
  readonly value: boolean;
  /** What was found (`2 matching event(s) in the window`, `age = 41`). */
  readonly detail?: string;
  readonly children?: readonly ExplainedCondition[];
}

export interface Explanation {
  readonly segment: string;
  readonly version: number;
  readonly customerId: string;
  readonly asOf: number;
  readonly member: boolean;
  readonly conditions: ExplainedCondition;
  /** The customer's latest membership change in the log, if any. */
  readonly lastChange: LogEntry | null;
}

const fixedClock = (at: number): Clock => ({ now: () => at, setTimer: () => () => {} });

/**
 * "Why is X (not) in Y": evaluate each condition of the segment's current version for one customer as of
 * `asOf`, with the same operators the live engine uses, loading only that customer's data.
 */
export async function explain(
  wh: Warehouse,
  segment: string,
  customerId: string,
  asOf: number,
): Promise<Explanation> {
  const record = await getSegment(wh, segment);
  const parsed = parseSegment(record.definition, await FieldCatalogue.load(wh));
  if (!parsed.ok)
    throw invalidInput(`segment "${segment}" no longer validates: ${parsed.error.map(issueText).join('; ')}`);
  const engine = new LiveEngine(fixedClock(asOf));
  const ref = { id: record.id, name: record.name, version: record.version };
  await loadNeeds(wh, engine, engine.define(ref, parsed.value.plan), customerId);
  const live = engine.segment(ref.id) as LiveSegment;
  const c = engine.know(customerId);
  const plan = parsed.value.plan;

  const node = (n: PlanNode): ExplainedCondition => {
    switch (n.kind) {
      case 'leaf': {
        const leaf = live.leaves[n.leaf]!;
        return {
          path: n.path,
          kind: 'condition',
          text: describeLeaf(plan.leaves[n.leaf]!),
          value: leaf.value(c, asOf),
          detail: leaf.detail(c, asOf),
        };
      }
      case 'not': {
        const child = node(n.child);
        return { path: n.path, kind: 'not', text: 'not', value: !child.value, children: [child] };
      }
      case 'and':
      case 'or': {
        const children = n.children.map(node);
        const value = n.kind === 'and' ? children.every((x) => x.value) : children.some((x) => x.value);
        return {
          path: n.path,
          kind: n.kind === 'and' ? 'all' : 'any',
          text: n.kind === 'and' ? 'all of' : 'any of',
          value,
          children,
        };
      }
      default:
        return assertNever(n, 'plan node');
    }
  };
  const conditions = node(plan.root);
  const last = await segmentHistory(wh, record.id, { customerId, limit: 1 });
  return {
    segment: record.name,
    version: record.version,
    customerId,
    asOf,
    member: conditions.value,
    conditions,
    lastChange: last[0] ?? null,
  };
}

/** The explanation as indented text, one condition per line (✓ met, ✗ not met). */
export function formatExplanation(e: Explanation): string {
  const lines = [
    `${e.customerId} is ${e.member ? 'IN' : 'NOT in'} ${e.segment} (version ${e.version}) as of ${new Date(e.asOf).toISOString()}`,
  ];
  const walk = (c: ExplainedCondition, depth: number) => {
    const mark = c.value ? '✓' : '✗';
    const where = c.path === '' ? '' : `${c.path}  `;
    lines.push(`${'  '.repeat(depth + 1)}${mark} ${where}${c.text}${c.detail ? ` — ${c.detail}` : ''}`);
    for (const child of c.children ?? []) walk(child, depth + 1);
  };
  walk(e.conditions, 0);
  if (e.lastChange) {
    const l = e.lastChange;
    lines.push(
      `last logged change: ${l.change} at ${new Date(l.at).toISOString()} (${l.source}, version ${l.version})`,
    );
  }
  return lines.join('\n');
}
