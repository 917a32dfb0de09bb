import type { Condition, LifecycleRuleSet, Operand } from './rules.js';

const f = (name: string): Operand => ({ f: name });
const p = (name: string): Operand => ({ p: name });

const buyers = (n: number): Condition => ({ ge: [f('frequency'), n] });
const noPurchase: Condition = { eq: [f('frequency'), 0] };
const churnAfter: Operand = {
  max: [p('churnMinDays'), { mul: [p('churnGapMultiple'), f('usual_gap_days')] }],
};
const mature: Condition = {
  all: [{ ge: [f('tenure_days'), p('matureDays')] }, { ge: [f('frequency'), p('matureOrders')] }],
};
const advocacy: Condition = {
  any: [
    { ge: [f('email_clicks_90d'), p('advocateClicks90d')] },
    {
      all: [
        { ge: [f('campaigns_received'), p('advocateMinCampaigns')] },
        { ge: [f('campaign_conversion_rate'), p('advocateConversionRate')] },
      ],
    },
  ],
};

/**
 * The default lifecycle rules: ordered, first match wins. Decline is tested before the stages of a healthy
 * relationship, so a long-silent customer is never "loyal". "Usual gap" is the customer's own mean gap between
 * purchases (the run's median gap for customers with fewer than two). Parameters (days unless said):
 *
 * | param | default | meaning |
 * |---|---|---|
 * | newDays | 90 | a first purchase (or a signup) this recent is new |
 * | lostDays | 365 | no purchase for longer: lost cause |
 * | churnMinDays, churnGapMultiple | 120, 4 | churned when recency > max(120, 4 x usual gap) |
 * | atRiskMinDays, atRiskGapMultiple | 30, 2.5 | at risk when recency > max(30, 2.5 x usual gap) ... |
 * | slowdownTrend, slowdownPrevOrders | -0.6, 3 | ... or purchase_trend <= -0.6 after >= 3 orders in the previous 90 days |
 * | matureDays, matureOrders | 180, 4 | maturity: first purchase >= 180 days ago and >= 4 purchases |
 * | advocateClicks90d | 2 | advocacy: >= 2 email clicks in 90 days, or ... |
 * | advocateMinCampaigns, advocateConversionRate | 2, 0.25 | ... >= 25% conversion over >= 2 campaigns |
 * | powerOrders90d | 3 | power user: >= 3 purchases in the last 90 days |
 * | explorerCategories, explorerChannels | 3, 2 | feature explorer: >= 3 categories or >= 2 channels |
 *
 * Advocacy stands in for referrals and reviews, which the warehouse does not hold yet. When CLV predictions
 * exist, a rule can read `p_alive` (e.g. at risk when p_alive < 0.5); these defaults do not need them.
 */
export const DEFAULT_LIFECYCLE_RULES: LifecycleRuleSet = {
  params: {
    newDays: 90,
    lostDays: 365,
    churnMinDays: 120,
    churnGapMultiple: 4,
    atRiskMinDays: 30,
    atRiskGapMultiple: 2.5,
    slowdownTrend: -0.6,
    slowdownPrevOrders: 3,
    matureDays: 180,
    matureOrders: 4,
    advocateClicks90d: 2,
    advocateMinCampaigns: 2,
    advocateConversionRate: 0.25,
    powerOrders90d: 3,
    explorerCategories: 3,
    explorerChannels: 2,
  },
  rules: [
    {
      stage: 'decision',
      when: { all: [noPurchase, { gt: [f('carts_30d'), 0] }] },
      why: 'no purchase yet, carts or checkouts in the last 30 days',
    },
    {
      stage: 'evaluation',
      when: {
        all: [
          noPurchase,
          { any: [{ gt: [f('activity_90d'), 0] }, { le: [f('relationship_days'), p('newDays')] }] },
        ],
      },
      why: 'no purchase yet; browsing, opening emails or newly signed up',
    },
    { stage: 'lost_cause', when: noPurchase, why: 'never bought and silent for 90 days' },
    {
      stage: 'lost_cause',
      when: { gt: [f('recency_days'), p('lostDays')] },
      why: 'no purchase for over a year',
    },
    {
      stage: 'win_back_opportunity',
      when: {
        all: [
          { gt: [f('recency_days'), churnAfter] },
          { any: [{ gt: [f('activity_30d'), 0] }, { ge: [f('m_score'), 4] }] },
        ],
      },
      why: 'lapsed, but active in the last 30 days or among the top 40% by value',
    },
    {
      stage: 'churned',
      when: { gt: [f('recency_days'), churnAfter] },
      why: 'no purchase for more than max(120 days, 4x the usual gap)',
    },
    {
      stage: 'at_risk',
      when: {
        all: [
          buyers(2),
          {
            any: [
              {
                gt: [
                  f('recency_days'),
                  { max: [p('atRiskMinDays'), { mul: [p('atRiskGapMultiple'), f('usual_gap_days')] }] },
                ],
              },
              {
                all: [
                  { le: [f('purchase_trend'), p('slowdownTrend')] },
                  { ge: [f('orders_prev_90d'), p('slowdownPrevOrders')] },
                ],
              },
            ],
          },
        ],
      },
      why: 'overdue against their own rhythm (2.5x the usual gap), or buying sharply less than 3 months ago',
    },
    {
      stage: 'first_time_buyer',
      when: { all: [{ eq: [f('frequency'), 1] }, { le: [f('tenure_days'), p('newDays')] }] },
      why: 'one purchase, in the last 90 days',
    },
    { stage: 'trial_user', when: { eq: [f('frequency'), 1] }, why: 'one purchase, not repeated yet' },
    { stage: 'brand_advocate', when: { all: [mature, advocacy] }, why: 'long-standing and engages with us' },
    {
      stage: 'high_value',
      when: { all: [mature, { eq: [f('m_score'), 5] }] },
      why: 'long-standing, top 20% by value',
    },
    {
      stage: 'loyal',
      when: { all: [mature, { ge: [f('f_score'), 4] }] },
      why: 'long-standing, top 40% by frequency',
    },
    { stage: 'stable', when: mature, why: 'long-standing, steady' },
    { stage: 'advocate', when: { all: [buyers(2), advocacy] }, why: 'repeat buyer who engages with us' },
    {
      stage: 'power_user',
      when: { ge: [f('orders_last_90d'), p('powerOrders90d')] },
      why: 'three or more purchases in the last 90 days',
    },
    {
      stage: 'feature_explorer',
      when: {
        any: [
          { ge: [f('categories_count'), p('explorerCategories')] },
          { ge: [f('channels_count'), p('explorerChannels')] },
        ],
      },
      why: 'repeat buyer across several categories or channels',
    },
    { stage: 'rapid_adopter', when: buyers(2), why: 'repeat buyer early in the relationship' },
  ],
  fallback: 'stable',
};
