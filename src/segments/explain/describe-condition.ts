import { assertNever } from '../../core/assert-never.js';
import type { FieldType } from '../fields/field.js';
import type { Leaf, StreamSpec, Test, Window } from '../plan/plan.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../schema/duration.js';

/** `3 days`, `36 hours`, `90 minutes`. */
export function formatDuration(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ms % MS_PER_DAY === 0) return unit(ms / MS_PER_DAY, 'day');
  if (ms % MS_PER_HOUR === 0) return unit(ms / MS_PER_HOUR, 'hour');
  return unit(ms / MS_PER_MINUTE, 'minute');
}

const iso = (ms: number) => new Date(ms).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z');

export function formatWindow(w: Window | null): string {
  if (w === null) return 'ever';
  switch (w.kind) {
    case 'last':
      return `in the last ${formatDuration(w.ms)}`;
    case 'older_than':
      return `more than ${formatDuration(w.ms)} ago`;
    case 'between':
      return `between ${iso(w.from)} and ${iso(w.to)}`;
  }
}

export function formatTest(t: Test, type: FieldType = 'json'): string {
  const v = (x: string | number | boolean) =>
    type === 'date' && typeof x === 'number' ? iso(x) : JSON.stringify(x);
  switch (t.op) {
    case 'between':
      return `between ${v(t.low)} and ${v(t.high)}`;
    case 'in':
      return `in [${t.values.map(v).join(', ')}]`;
    case 'exists':
      return 'exists';
    default:
      return `${t.op} ${v(t.value)}`;
  }
}

export function formatStream(s: StreamSpec): string {
  if (s.where.length === 0) return s.event;
  return `${s.event} (${s.where.map((w) => `${w.property} ${formatTest(w.test)}`).join(' and ')})`;
}

/** One line saying what a condition asks, for explanations and the CLI. */
export function describeLeaf(l: Leaf): string {
  switch (l.kind) {
    case 'field':
      return `${l.field.name} ${formatTest(l.test, l.field.type)}`;
    case 'count': {
      const w = formatWindow(l.window);
      if (l.op === 'exactly' && l.n === 0) return `no ${formatStream(l.stream)} ${w}`;
      const op = l.op.replace('_', ' ');
      return `${formatStream(l.stream)} ${op} ${l.n} time${l.n === 1 ? '' : 's'} ${w}`;
    }
    case 'first':
    case 'last':
      return `${l.kind} ${formatStream(l.stream)} ${formatWindow(l.window)}`;
    case 'sequence': {
      const within = l.withinMs === null ? '' : ` within ${formatDuration(l.withinMs)}`;
      const w = l.window === null ? '' : ` ${formatWindow(l.window)}`;
      return `${l.steps.map(formatStream).join(' then ')}${within}${w}`;
    }
    case 'ids':
      return `customer in a list of ${l.ids.length} id${l.ids.length === 1 ? '' : 's'}`;
    case 'bucket':
      return `random bucket ("${l.salt}") from ${l.from} to ${l.to - 1}`;
    default:
      return assertNever(l, 'leaf');
  }
}
