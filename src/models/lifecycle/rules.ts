import { z } from 'zod';
import { invalidInput } from '../../core/errors.js';
import { availableInputs, PREDICTION_INPUTS } from './inputs.js';
import { STAGE_IDS, type Stage } from './stages.js';

/** A number: a literal, an input (`{ "f": "recency_days" }`), a rule-set parameter (`{ "p": "lostDays" }`) or arithmetic. */
export type Operand =
  | number
  | { readonly f: string }
  | { readonly p: string }
  | { readonly mul: readonly [Operand, Operand] }
  | { readonly add: readonly [Operand, Operand] }
  | { readonly max: readonly Operand[] }
  | { readonly min: readonly Operand[] };

export type Comparison = 'gt' | 'ge' | 'lt' | 'le' | 'eq';

/** A condition: comparisons combined with all / any / not. Everything is JSON. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly gt: readonly [Operand, Operand] }
  | { readonly ge: readonly [Operand, Operand] }
  | { readonly lt: readonly [Operand, Operand] }
  | { readonly le: readonly [Operand, Operand] }
  | { readonly eq: readonly [Operand, Operand] };

export interface LifecycleRule {
  readonly stage: Stage;
  readonly when: Condition;
  /** Why a customer gets this stage, in words (shown in explanations). */
  readonly why: string;
}

/** Ordered rules, first match wins; `fallback` applies when none matches, so every customer gets one stage. */
export interface LifecycleRuleSet {
  readonly params: Readonly<Record<string, number>>;
  readonly rules: readonly LifecycleRule[];
  readonly fallback: Stage;
}

const operand: z.ZodType<Operand> = z.lazy(() =>
  z.union([
    z.number(),
    z.strictObject({ f: z.string() }),
    z.strictObject({ p: z.string() }),
    z.strictObject({ mul: z.tuple([operand, operand]) }),
    z.strictObject({ add: z.tuple([operand, operand]) }),
    z.strictObject({ max: z.array(operand).min(1) }),
    z.strictObject({ min: z.array(operand).min(1) }),
  ]),
);
const pair = z.tuple([operand, operand]);
const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(condition) }),
    z.strictObject({ any: z.array(condition) }),
    z.strictObject({ not: condition }),
    z.strictObject({ gt: pair }),
    z.strictObject({ ge: pair }),
    z.strictObject({ lt: pair }),
    z.strictObject({ le: pair }),
    z.strictObject({ eq: pair }),
  ]),
);
const stage = z.enum(STAGE_IDS as [Stage, ...Stage[]]);
const ruleSetSchema = z.strictObject({
  params: z.record(z.string(), z.number()).default({}),
  rules: z.array(z.strictObject({ stage, when: condition, why: z.string().default('') })),
  fallback: stage,
});

function operandNames(o: Operand, out: { f: string[]; p: string[] }): void {
  if (typeof o === 'number') return;
  if ('f' in o) out.f.push(o.f);
  else if ('p' in o) out.p.push(o.p);
  else {
    const parts = 'mul' in o ? o.mul : 'add' in o ? o.add : 'max' in o ? o.max : o.min;
    for (const x of parts) operandNames(x, out);
  }
}

/** The input (`f`) and parameter (`p`) names a condition reads. */
export function conditionNames(c: Condition, out = { f: [] as string[], p: [] as string[] }) {
  if ('all' in c) for (const x of c.all) conditionNames(x, out);
  else if ('any' in c) for (const x of c.any) conditionNames(x, out);
  else if ('not' in c) conditionNames(c.not, out);
  else for (const o of Object.values(c)[0] as readonly Operand[]) operandNames(o, out);
  return out;
}

/**
 * Check a rule set once (shape with zod, then every input and parameter name), with the rule's position and
 * stage in the message. Rules reading CLV predictions are refused when none are available.
 */
export function resolveRuleSet(
  input: unknown,
  context: { predictions: readonly string[] },
): LifecycleRuleSet {
  const r = ruleSetSchema.safeParse(input);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw invalidInput(
      `invalid lifecycle rules: ${detail}`,
      'see DEFAULT_LIFECYCLE_RULES in src/models/lifecycle/',
    );
  }
  const set = r.data as LifecycleRuleSet;
  const inputs = new Set(availableInputs(context));
  set.rules.forEach((rule, i) => {
    const names = conditionNames(rule.when);
    for (const f of names.f) {
      if (inputs.has(f)) continue;
      const hint = PREDICTION_INPUTS.has(f)
        ? 'CLV predictions are not available for this run: fit the CLV model first, or remove the rule'
        : `inputs: ${[...inputs].join(', ')}`;
      throw invalidInput(`lifecycle rule ${i + 1} (${rule.stage}): unknown input "${f}"`, hint);
    }
    for (const p of names.p) {
      if (!(p in set.params))
        throw invalidInput(`lifecycle rule ${i + 1} (${rule.stage}): parameter "${p}" is not in params`);
    }
  });
  return set;
}
