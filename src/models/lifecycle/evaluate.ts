import type { Condition, LifecycleRuleSet, Operand } from './rules.js';
import { type Phase, STAGES, type Stage } from './stages.js';

export type LifecycleInputRow = Readonly<Record<string, number>>;

function value(o: Operand, row: LifecycleInputRow, params: LifecycleRuleSet['params']): number {
  if (typeof o === 'number') return o;
  if ('f' in o) return row[o.f] ?? 0;
  if ('p' in o) return params[o.p] ?? 0;
  if ('mul' in o) return value(o.mul[0], row, params) * value(o.mul[1], row, params);
  if ('add' in o) return value(o.add[0], row, params) + value(o.add[1], row, params);
  if ('max' in o) return Math.max(...o.max.map((x) => value(x, row, params)));
  return Math.min(...o.min.map((x) => value(x, row, params)));
}

export function holds(c: Condition, row: LifecycleInputRow, params: LifecycleRuleSet['params']): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, row, params));
  if ('any' in c) return c.any.some((x) => holds(x, row, params));
  if ('not' in c) return !holds(c.not, row, params);
  if ('gt' in c) return value(c.gt[0], row, params) > value(c.gt[1], row, params);
  if ('ge' in c) return value(c.ge[0], row, params) >= value(c.ge[1], row, params);
  if ('lt' in c) return value(c.lt[0], row, params) < value(c.lt[1], row, params);
  if ('le' in c) return value(c.le[0], row, params) <= value(c.le[1], row, params);
  return value(c.eq[0], row, params) === value(c.eq[1], row, params);
}

export interface LifecycleVerdict {
  readonly stage: Stage;
  readonly phase: Phase;
  /** 1-based index of the rule that matched, or 0 for the fallback. */
  readonly rule: number;
  readonly why: string;
}

/** The stage of one customer, in JS: the same rules as the SQL `CASE`, for explanations ("why is X at risk"). */
export function evaluateLifecycle(rules: LifecycleRuleSet, row: LifecycleInputRow): LifecycleVerdict {
  const i = rules.rules.findIndex((r) => holds(r.when, row, rules.params));
  const r = rules.rules[i];
  if (!r)
    return { stage: rules.fallback, phase: STAGES[rules.fallback].phase, rule: 0, why: 'no rule matched' };
  return { stage: r.stage, phase: STAGES[r.stage].phase, rule: i + 1, why: r.why };
}
