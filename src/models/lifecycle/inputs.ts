import type { Expr } from '../../sql/ast.js';
import { bin, call, caseWhen, cast, col, gt, isNotNull, val } from '../../sql/build.js';

/** Run-level values the inputs need. */
export interface InputContext {
  /** Usual gap for customers with fewer than 2 purchases: the median mean gap of the run's repeat buyers. */
  readonly typicalGapDays: number;
  /** The CLV prediction columns joined for this run (of p_alive, expected_purchases, clv); none by default. */
  readonly predictions: readonly string[];
}

const z = (name: string): Expr => call('coalesce', [cast(col(name), 'DOUBLE'), val(0)]);
const sum = (...names: string[]): Expr => names.map(z).reduce((a, b) => bin('+', a, b));

/**
 * What lifecycle rules may read: numbers, never NULL (a missing value is 0 unless said otherwise), so a rule is
 * plain two-valued logic in SQL and in JS alike. Names not listed here are rejected when a rule set is checked.
 */
export const LIFECYCLE_INPUTS: Readonly<Record<string, { doc: string; expr: (c: InputContext) => Expr }>> = {
  frequency: { doc: 'purchase orders', expr: () => z('frequency') },
  recency_days: { doc: 'days since the last purchase (0 without purchases)', expr: () => z('recency_days') },
  tenure_days: { doc: 'days since the first purchase (0 without)', expr: () => z('tenure_days') },
  relationship_days: {
    doc: 'days since signup or first order, the earlier (0 when unknown: a customer record with no dates reads as new)',
    expr: () => z('relationship_days'),
  },
  usual_gap_days: {
    doc: "the customer's mean gap between purchases, or the run's typical gap below 2 purchases",
    expr: (c) => call('coalesce', [col('mean_gap_days'), val(c.typicalGapDays)]),
  },
  gap_cv: {
    doc: 'std / mean of the gaps (regularity; 0 when undefined)',
    expr: () =>
      caseWhen(
        [
          {
            when: gt(col('mean_gap_days'), val(0)),
            result: bin('/', z('std_gap_days'), col('mean_gap_days')),
          },
        ],
        val(0),
      ),
  },
  orders_last_90d: { doc: 'purchase orders in the last 90 days', expr: () => z('orders_last_90d') },
  orders_prev_90d: { doc: 'purchase orders in the 90 days before', expr: () => z('orders_prev_90d') },
  purchase_trend: { doc: 'purchase trend, -1..1 (0 when undefined)', expr: () => z('purchase_trend') },
  monetary_net: { doc: 'net purchases', expr: () => z('monetary_net') },
  aov: { doc: 'average order value (0 without purchases)', expr: () => z('aov') },
  r_score: { doc: 'RFM recency score 1-5 (0 without purchases)', expr: () => z('r_score') },
  f_score: { doc: 'RFM frequency score 1-5 (0 without purchases)', expr: () => z('f_score') },
  m_score: { doc: 'RFM monetary score 1-5 (0 without purchases)', expr: () => z('m_score') },
  fm_score: { doc: 'RFM (F+M)/2 score 1-5 (0 without purchases)', expr: () => z('fm_score') },
  categories_count: { doc: 'distinct categories bought', expr: () => z('categories_count') },
  channels_count: { doc: 'distinct channels used', expr: () => z('channels_count') },
  return_rate: { doc: 'returned / gross amount (0 when undefined)', expr: () => z('return_rate') },
  discount_share: { doc: 'share of discounted lines (0 when unknown)', expr: () => z('discount_share') },
  sessions_30d: { doc: 'sessions and app opens, 30 days', expr: () => z('sessions_30d') },
  sessions_90d: { doc: 'sessions and app opens, 90 days', expr: () => z('sessions_90d') },
  email_opens_90d: { doc: 'email opens, 90 days', expr: () => z('email_opens_90d') },
  email_clicks_90d: { doc: 'email clicks, 90 days', expr: () => z('email_clicks_90d') },
  carts_30d: { doc: 'add-to-cart and checkout events, 30 days', expr: () => z('carts_30d') },
  activity_30d: {
    doc: 'sessions + email opens + email clicks + carts, 30 days',
    expr: () => sum('sessions_30d', 'email_opens_30d', 'email_clicks_30d', 'carts_30d'),
  },
  activity_90d: {
    doc: 'sessions + email opens + email clicks, 90 days',
    expr: () => sum('sessions_90d', 'email_opens_90d', 'email_clicks_90d'),
  },
  campaigns_received: {
    doc: 'campaign sends received (control excluded)',
    expr: () => z('campaigns_received'),
  },
  campaign_response_rate: {
    doc: 'clicked or converted / received (0 when none)',
    expr: () => z('campaign_response_rate'),
  },
  campaign_conversion_rate: {
    doc: 'converted / received (0 when none)',
    expr: () => z('campaign_conversion_rate'),
  },
  // The hook for the CLV issue: joined when predictions are given, rejected in rules otherwise.
  p_alive: {
    doc: 'CLV: probability the customer is still alive (needs predictions)',
    expr: () => z('p_alive'),
  },
  expected_purchases: {
    doc: 'CLV: expected purchases over the CLV horizon (needs predictions)',
    expr: () => z('expected_purchases'),
  },
  clv: { doc: 'CLV: predicted customer lifetime value (needs predictions)', expr: () => z('clv') },
};

export const PREDICTION_INPUTS = new Set(['p_alive', 'expected_purchases', 'clv']);

/** Inputs available for a context: all but the prediction ones, unless those predictions are joined. */
export const availableInputs = (c: Pick<InputContext, 'predictions'>) =>
  Object.keys(LIFECYCLE_INPUTS).filter((k) => !PREDICTION_INPUTS.has(k) || c.predictions.includes(k));

/** Not an input: the heuristic retention probability of a buyer, until CLV's p_alive exists (issue 3). */
export const retentionProbabilityExpr = (c: InputContext): Expr =>
  caseWhen([
    {
      when: isNotNull(col('recency_days')),
      result: call('exp', [
        bin(
          '/',
          bin('-', val(0), cast(col('recency_days'), 'DOUBLE')),
          bin('*', val(2), call('greatest', [LIFECYCLE_INPUTS.usual_gap_days!.expr(c), val(7)])),
        ),
      ]),
    },
  ]);
