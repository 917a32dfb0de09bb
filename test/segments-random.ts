import type { Rng } from '../src/core/rng.js';
import type { ConditionInput, PropertyFilterInput } from '../src/segments/schema/condition.js';
import type { SegmentDefinitionInput } from '../src/segments/schema/definition.js';
import type { WindowInput } from '../src/segments/schema/window.js';

/** Seeded generators of segment rules and event streams for the live-vs-batch property test. */

export const EVENT_TYPES = ['view', 'cart', 'buy'] as const;
export const HOUR = 3_600_000;

const isoDate = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function window(r: Rng, start: number, span: number): WindowInput {
  switch (r.int(3)) {
    case 0:
      return r.next() < 0.7 ? { kind: 'last', hours: 1 + r.int(72) } : { kind: 'last', days: 1 + r.int(4) };
    case 1:
      return { kind: 'older_than', hours: 1 + r.int(96) };
    default: {
      const from = start + r.int(span / HOUR) * HOUR;
      return { kind: 'between', from: isoDate(from), to: isoDate(from + (1 + r.int(96)) * HOUR) };
    }
  }
}

function where(r: Rng): PropertyFilterInput[] | undefined {
  switch (r.int(5)) {
    case 0:
      return [{ property: 'cat', op: '=', value: r.pick(['x', 'y']) }];
    case 1:
      return [{ property: 'amt', op: r.pick(['>', '<=']), value: 10 + r.int(40) }];
    case 2:
      return [
        { property: 'cat', op: 'in', values: ['x', 'z'] },
        { property: 'amt', op: 'exists' },
      ];
    default:
      return undefined;
  }
}

function withWhere<T extends object>(r: Rng, base: T): T {
  const w = where(r);
  return w ? { ...base, where: w } : base;
}

export function randomCondition(
  r: Rng,
  depth: number,
  ctx: { start: number; span: number; ids: readonly string[] },
): ConditionInput {
  const choice = depth > 0 ? r.int(14) : 3 + r.int(11);
  const event = r.pick(EVENT_TYPES);
  switch (choice) {
    case 0:
    case 1:
      return {
        kind: r.pick(['all', 'any'] as const),
        conditions: Array.from({ length: 2 + r.int(2) }, () => randomCondition(r, depth - 1, ctx)),
      };
    case 2:
      return { kind: 'not', condition: randomCondition(r, depth - 1, ctx) };
    case 3:
    case 4:
    case 5: {
      const c: ConditionInput = withWhere(r, {
        kind: 'event' as const,
        event,
        count: { op: r.pick(['at_least', 'at_most', 'exactly'] as const), value: r.int(4) },
      });
      return r.next() < 0.8 ? { ...c, window: window(r, ctx.start, ctx.span) } : c;
    }
    case 6: {
      const c = withWhere(r, { kind: 'not_done' as const, event });
      return r.next() < 0.8 ? { ...c, window: window(r, ctx.start, ctx.span) } : c;
    }
    case 7:
      return withWhere(r, {
        kind: r.pick(['first_event', 'last_event'] as const),
        event,
        window: window(r, ctx.start, ctx.span),
      });
    case 8: {
      const steps = Array.from({ length: 2 + r.int(2) }, () => withWhere(r, { event: r.pick(EVENT_TYPES) }));
      return {
        kind: 'sequence',
        steps,
        ...(r.next() < 0.7 ? { within: { hours: 1 + r.int(48) } } : {}),
        ...(r.next() < 0.5 ? { window: window(r, ctx.start, ctx.span) } : {}),
      };
    }
    case 9:
      return r.pick<ConditionInput>([
        { kind: 'field', field: 'age', op: r.pick(['<', '>=', '=', '!='] as const), value: 20 + r.int(40) },
        { kind: 'field', field: 'country', op: 'in', values: ['ES', 'MX'] },
        { kind: 'field', field: 'country', op: '!=', value: 'ES' },
        { kind: 'field', field: 'income', op: 'between', low: 1000, high: 3000 + r.int(3000) },
      ]);
    case 10:
      return r.pick<ConditionInput>([
        { kind: 'field', field: 'traits.vip', op: '=', value: true },
        { kind: 'field', field: 'traits.tier', op: 'exists' },
        { kind: 'field', field: 'traits.tier', op: '>=', value: 2 },
        { kind: 'field', field: 'signup_date', op: '<', value: '2023-06-01' },
        { kind: 'field', field: 'email', op: 'contains', value: '@b' },
      ]);
    case 11:
      return { kind: 'customer_ids', ids: ctx.ids.filter(() => r.next() < 0.3).concat('nobody') };
    case 12:
      return { kind: 'random_bucket', salt: `s${r.int(5)}`, from: r.int(50), to: 50 + r.int(51) };
    default: {
      const c = { kind: 'event' as const, event };
      return r.next() < 0.8 ? { ...c, window: window(r, ctx.start, ctx.span) } : c;
    }
  }
}

export function randomSegment(
  r: Rng,
  name: string,
  ctx: { start: number; span: number; ids: readonly string[] },
): SegmentDefinitionInput {
  return {
    name,
    match: r.pick(['all', 'any'] as const),
    conditions: Array.from({ length: 1 + r.int(3) }, () => randomCondition(r, 2, ctx)),
  };
}

export interface RandomEvent {
  readonly arrival: number;
  readonly event: {
    readonly eventId: string;
    readonly customerId: string;
    readonly type: string;
    readonly occurredAt: number;
    readonly properties: Record<string, unknown> | null;
  };
}

/** Events arriving in order over `span`; some late (occurred before they arrive), a few from the near future. */
export function randomEvents(
  r: Rng,
  n: number,
  start: number,
  span: number,
  ids: readonly string[],
): RandomEvent[] {
  const arrivals = Array.from({ length: n }, () => start + r.int(span)).sort((a, b) => a - b);
  return arrivals.map((arrival, i) => {
    const late = r.next();
    const occurredAt =
      late < 0.6 ? arrival : late < 0.9 ? arrival - r.int(48 * HOUR) : arrival + 1 + r.int(6 * HOUR);
    const props: Record<string, unknown> = {};
    if (r.next() < 0.8) props.cat = r.pick(['x', 'y', 'z', 1]);
    if (r.next() < 0.7) props.amt = r.next() < 0.9 ? r.int(60) : String(r.int(60));
    return {
      arrival,
      event: {
        eventId: `e${i}`,
        customerId: r.pick(ids),
        type: r.pick(EVENT_TYPES),
        occurredAt,
        properties: r.next() < 0.05 ? null : props,
      },
    };
  });
}
