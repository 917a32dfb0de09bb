import { describe, expect, it } from 'vitest';
import { compile } from '../../sql/compile.js';
import {
  DEFAULT_LIFECYCLE_RULES,
  evaluateLifecycle,
  LIFECYCLE_INPUTS,
  lifecycleQuery,
  PHASES,
  resolveRuleSet,
  STAGE_IDS,
  STAGES,
} from './index.js';

const base = Object.fromEntries(Object.keys(LIFECYCLE_INPUTS).map((k) => [k, 0]));
const row = (over: Record<string, number>) => ({ ...base, usual_gap_days: 30, ...over });

describe('lifecycle rules', () => {
  it('has the 16 stages of the brief, four per phase', () => {
    expect(STAGE_IDS).toHaveLength(16);
    for (const p of PHASES) expect(STAGE_IDS.filter((s) => STAGES[s].phase === p)).toHaveLength(4);
  });

  it('the default rules are JSON, validate, and can reach every stage', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_LIFECYCLE_RULES));
    expect(resolveRuleSet(json, { predictions: [] })).toEqual(DEFAULT_LIFECYCLE_RULES);
    const reached = new Set(DEFAULT_LIFECYCLE_RULES.rules.map((r) => r.stage));
    reached.add(DEFAULT_LIFECYCLE_RULES.fallback);
    expect([...reached].sort()).toEqual([...STAGE_IDS].sort());
  });

  it('places typical customers as documented, first match wins', () => {
    const stage = (over: Record<string, number>) =>
      evaluateLifecycle(DEFAULT_LIFECYCLE_RULES, row(over)).stage;
    expect(stage({ frequency: 0, carts_30d: 2 })).toBe('decision');
    expect(stage({ frequency: 0, relationship_days: 10 })).toBe('evaluation');
    expect(stage({ frequency: 0, relationship_days: 400 })).toBe('lost_cause');
    expect(stage({ frequency: 1, recency_days: 20, tenure_days: 20 })).toBe('first_time_buyer');
    expect(stage({ frequency: 1, recency_days: 100, tenure_days: 100 })).toBe('trial_user');
    expect(stage({ frequency: 1, recency_days: 200, tenure_days: 200 })).toBe('churned');
    expect(stage({ frequency: 6, recency_days: 200, tenure_days: 300, m_score: 5 })).toBe(
      'win_back_opportunity',
    );
    expect(stage({ frequency: 6, recency_days: 400, tenure_days: 500, m_score: 5 })).toBe('lost_cause');
    expect(stage({ frequency: 6, recency_days: 80, tenure_days: 300 })).toBe('at_risk');
    expect(
      stage({ frequency: 6, recency_days: 10, tenure_days: 300, purchase_trend: -0.8, orders_prev_90d: 4 }),
    ).toBe('at_risk');
    expect(stage({ frequency: 6, recency_days: 10, tenure_days: 300, m_score: 5 })).toBe('high_value');
    expect(stage({ frequency: 6, recency_days: 10, tenure_days: 300, f_score: 4 })).toBe('loyal');
    expect(stage({ frequency: 6, recency_days: 10, tenure_days: 300, email_clicks_90d: 3 })).toBe(
      'brand_advocate',
    );
    expect(stage({ frequency: 6, recency_days: 10, tenure_days: 300 })).toBe('stable');
    expect(stage({ frequency: 3, recency_days: 10, tenure_days: 60, orders_last_90d: 3 })).toBe('power_user');
    expect(stage({ frequency: 2, recency_days: 10, tenure_days: 60, categories_count: 4 })).toBe(
      'feature_explorer',
    );
    expect(stage({ frequency: 2, recency_days: 10, tenure_days: 60 })).toBe('rapid_adopter');
    expect(stage({ frequency: 2, recency_days: 10, tenure_days: 60, email_clicks_90d: 2 })).toBe('advocate');
  });

  it('uses the fallback when no rule matches', () => {
    const rules = resolveRuleSet(
      { rules: [{ stage: 'loyal', when: { gt: [{ f: 'frequency' }, 99] } }], fallback: 'stable' },
      { predictions: [] },
    );
    expect(evaluateLifecycle(rules, row({ frequency: 3 }))).toMatchObject({ stage: 'stable', rule: 0 });
  });

  it('refuses unknown inputs and parameters, and predictions that are not there', () => {
    const one = (when: unknown) => ({
      params: { k: 1 },
      rules: [{ stage: 'at_risk', when }],
      fallback: 'stable',
    });
    expect(() => resolveRuleSet(one({ gt: [{ f: 'nope' }, 1] }), { predictions: [] })).toThrow(
      'lifecycle rule 1 (at_risk): unknown input "nope"',
    );
    expect(() => resolveRuleSet(one({ gt: [{ p: 'missing' }, 1] }), { predictions: [] })).toThrow(
      'lifecycle rule 1 (at_risk): parameter "missing" is not in params',
    );
    expect(() => resolveRuleSet(one({ lt: [{ f: 'p_alive' }, 0.5] }), { predictions: [] })).toThrow(
      /unknown input "p_alive"/,
    );
    expect(
      resolveRuleSet(one({ lt: [{ f: 'p_alive' }, 0.5] }), { predictions: ['p_alive'] }).rules,
    ).toHaveLength(1);
    expect(() => resolveRuleSet(one({ between: [1, 2] }), { predictions: [] })).toThrow(
      /invalid lifecycle rules/,
    );
  });

  it('compiles to one CASE with parameters bound, never spliced', () => {
    const q = compile(
      lifecycleQuery(DEFAULT_LIFECYCLE_RULES, { table: 'scored' }, { typicalGapDays: 42.5, predictions: [] }),
    );
    expect(q.sql).toMatch(
      /^SELECT "customer_id" AS "customer_id", .* AS "lifecycle_phase", "lifecycle_stage" AS "lifecycle_stage" FROM \(SELECT .*\(CASE WHEN/,
    );
    expect(q.sql).not.toMatch(/\b(365|42\.5|at_risk)\b/);
    expect(q.params).toEqual(expect.arrayContaining([365, 42.5, 'at_risk', 'decline']));
  });
});
