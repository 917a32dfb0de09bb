import { assertNever } from '../../core/assert-never.js';
import { err, ok, type Result } from '../../core/result.js';
import type { FieldCatalogue } from '../fields/catalogue.js';
import type { ConditionInput, PropertyFilterInput } from '../schema/condition.js';
import type { SegmentDefinitionInput } from '../schema/definition.js';
import { durationMs } from '../schema/duration.js';
import { parseInstant } from '../schema/instant.js';
import type { Issue } from '../schema/issues.js';
import type { WindowInput } from '../schema/window.js';
import { normaliseTest } from './normalise-test.js';
import type { Leaf, PlanNode, PropertyTest, SegmentPlan, StreamSpec, Window } from './plan.js';

/**
 * Resolve and check a schema-valid definition into a plan: fields through the catalogue, types against
 * operators, instants and durations to ms. Every problem is reported with its location, not just the first.
 */
export function normalise(
  def: SegmentDefinitionInput,
  catalogue: FieldCatalogue,
): Result<SegmentPlan, Issue[]> {
  const issues: Issue[] = [];
  const leaves: Leaf[] = [];

  const window = (w: WindowInput, path: string): Window | undefined => {
    if (w.kind !== 'between') return { kind: w.kind, ms: durationMs(w) };
    const from = parseInstant(w.from)!;
    const to = parseInstant(w.to)!;
    if (to <= from) {
      issues.push({ path: `${path}.to`, message: 'expected to > from' });
      return undefined;
    }
    return { kind: 'between', from, to };
  };

  const stream = (
    event: string,
    where: readonly PropertyFilterInput[] | undefined,
    path: string,
  ): StreamSpec => {
    const tests: PropertyTest[] = [];
    (where ?? []).forEach((f, i) => {
      const { property, ...comparison } = f;
      const test = normaliseTest(comparison, 'json', `property "${property}"`, `${path}.where[${i}]`, issues);
      if (test) tests.push({ property, test });
    });
    return { event, where: tests };
  };

  const leaf = (l: Leaf): PlanNode => {
    leaves.push(l);
    return { kind: 'leaf', path: l.path, leaf: leaves.length - 1 };
  };

  const node = (c: ConditionInput, path: string): PlanNode => {
    switch (c.kind) {
      case 'all':
      case 'any':
        return {
          kind: c.kind === 'all' ? 'and' : 'or',
          path,
          children: c.conditions.map((x, i) => node(x, `${path}.conditions[${i}]`)),
        };
      case 'not':
        return { kind: 'not', path, child: node(c.condition, `${path}.condition`) };
      case 'field': {
        const { kind: _k, field: name, ...comparison } = c;
        const field = catalogue.resolve(name);
        if (!field.ok) {
          issues.push({ path: `${path}.field`, message: field.error });
          return leaf({ kind: 'ids', path, ids: [] });
        }
        const test = normaliseTest(comparison, field.value.type, `"${name}"`, path, issues);
        return leaf(
          test ? { kind: 'field', path, field: field.value, test } : { kind: 'ids', path, ids: [] },
        );
      }
      case 'event':
      case 'not_done': {
        const w = c.window ? window(c.window, `${path}.window`) : null;
        const count =
          c.kind === 'event'
            ? (c.count ?? { op: 'at_least' as const, value: 1 })
            : { op: 'exactly' as const, value: 0 };
        return leaf({
          kind: 'count',
          path,
          stream: stream(c.event, c.where, path),
          window: w ?? null,
          op: count.op,
          n: count.value,
        });
      }
      case 'first_event':
      case 'last_event': {
        const w = window(c.window, `${path}.window`) ?? { kind: 'last', ms: 1 };
        return leaf({
          kind: c.kind === 'first_event' ? 'first' : 'last',
          path,
          stream: stream(c.event, c.where, path),
          window: w,
        });
      }
      case 'sequence':
        return leaf({
          kind: 'sequence',
          path,
          steps: c.steps.map((s, i) => stream(s.event, s.where, `${path}.steps[${i}]`)),
          withinMs: c.within ? durationMs(c.within) : null,
          window: c.window ? (window(c.window, `${path}.window`) ?? null) : null,
        });
      case 'customer_ids':
        return leaf({ kind: 'ids', path, ids: [...new Set(c.ids)] });
      case 'random_bucket':
        if (c.to <= c.from) issues.push({ path: `${path}.to`, message: 'expected to > from' });
        return leaf({ kind: 'bucket', path, salt: c.salt, from: c.from, to: c.to });
      default:
        return assertNever(c, 'condition');
    }
  };

  const children = def.conditions.map((c, i) => node(c, `conditions[${i}]`));
  const root: PlanNode = { kind: def.match === 'any' ? 'or' : 'and', path: '', children };
  return issues.length > 0 ? err(issues) : ok({ name: def.name, root, leaves });
}
