import { assertNever } from '../../core/assert-never.js';
import type { Expr, Select } from '../../sql/ast.js';
import { and, bin, call, caseWhen, cast, col, eq, not, or, select, table, val } from '../../sql/build.js';
import { availableInputs, type InputContext, LIFECYCLE_INPUTS, retentionProbabilityExpr } from './inputs.js';
import type { Condition, LifecycleRuleSet, Operand } from './rules.js';
import { STAGE_IDS, STAGES } from './stages.js';

function operandExpr(o: Operand, params: LifecycleRuleSet['params']): Expr {
  if (typeof o === 'number') return val(o);
  if ('f' in o) return col(o.f);
  if ('p' in o) return val(params[o.p] ?? 0);
  if ('mul' in o) return bin('*', operandExpr(o.mul[0], params), operandExpr(o.mul[1], params));
  if ('add' in o) return bin('+', operandExpr(o.add[0], params), operandExpr(o.add[1], params));
  if ('max' in o)
    return call(
      'greatest',
      o.max.map((x) => operandExpr(x, params)),
    );
  return call(
    'least',
    o.min.map((x) => operandExpr(x, params)),
  );
}

export function conditionExpr(c: Condition, params: LifecycleRuleSet['params']): Expr {
  if ('all' in c) return and(...c.all.map((x) => conditionExpr(x, params)));
  if ('any' in c) return or(...c.any.map((x) => conditionExpr(x, params)));
  if ('not' in c) return not(conditionExpr(c.not, params));
  const [op, pair] = Object.entries(c)[0] as [keyof typeof OPS, readonly [Operand, Operand]];
  const sqlOp = OPS[op];
  if (sqlOp === undefined) return assertNever(op as never, 'comparison');
  return bin(sqlOp, operandExpr(pair[0], params), operandExpr(pair[1], params));
}

const OPS = { gt: '>', ge: '>=', lt: '<', le: '<=', eq: '=' } as const;

export interface LifecycleSource {
  /** Table with customer_id, the features and the RFM scores of the run. */
  readonly table: string;
  /** Optional CLV predictions (customer_id, p_alive, expected_purchases, clv): the hook for the CLV issue. */
  readonly predictionsTable?: string;
}

/** The inputs of every customer, as the rules see them (for explanations and tests). */
export function lifecycleInputsQuery(source: LifecycleSource, context: InputContext): Select {
  const inputs: Record<string, Expr> = { customer_id: col('customer_id', 's') };
  for (const name of availableInputs(context)) inputs[name] = LIFECYCLE_INPUTS[name]!.expr(context);
  const retention = retentionProbabilityExpr(context);
  inputs.retention_probability = context.predictions.includes('p_alive')
    ? call('coalesce', [cast(col('p_alive'), 'DOUBLE'), retention])
    : retention;
  return select(inputs, {
    from: table(source.table, 's'),
    ...(source.predictionsTable
      ? {
          joins: [
            {
              type: 'LEFT' as const,
              from: table(source.predictionsTable, 'pred'),
              on: eq(col('customer_id', 'pred'), col('customer_id', 's')),
            },
          ],
        }
      : {}),
  });
}

/**
 * Stage and phase of every customer: the rules become one `CASE` (first match wins, the fallback as `ELSE`),
 * so exactly one stage applies. Parameters and thresholds are bound values.
 */
export function lifecycleQuery(
  rules: LifecycleRuleSet,
  source: LifecycleSource,
  context: InputContext,
): Select {
  const stage = caseWhen(
    rules.rules.map((r) => ({ when: conditionExpr(r.when, rules.params), result: val(r.stage) })),
    val(rules.fallback),
  );
  const staged = select(
    {
      customer_id: col('customer_id'),
      usual_gap_days: col('usual_gap_days'),
      retention_probability: col('retention_probability'),
      lifecycle_stage: stage,
    },
    { from: { kind: 'subquery', query: lifecycleInputsQuery(source, context), alias: 'inputs' } },
  );
  const phase = caseWhen(
    STAGE_IDS.map((s) => ({ when: eq(col('lifecycle_stage'), val(s)), result: val(STAGES[s].phase) })),
  );
  return select(
    {
      customer_id: col('customer_id'),
      usual_gap_days: col('usual_gap_days'),
      retention_probability: col('retention_probability'),
      lifecycle_phase: phase,
      lifecycle_stage: col('lifecycle_stage'),
    },
    { from: { kind: 'subquery', query: staged, alias: 'staged' } },
  );
}
