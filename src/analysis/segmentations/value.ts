import { type SegmentationDef, segmentation } from './segmentation.js';

/**
 * What the customer is worth: revenue, profitability, tier, growth potential, risk, retention. When the run has
 * CLV predictions (`analyze` makes them unless the fit fails), the tier ranks predicted CLV, the risk reads the
 * churn risk (1 - p_alive) and retention is p_alive; otherwise they fall back to net revenue, the lifecycle rules
 * and the heuristic retention probability.
 */
export const VALUE_SEGMENTATIONS: readonly SegmentationDef[] = [
  segmentation({
    name: 'value.revenue',
    type: 'value',
    doc: 'net revenue quintile among customers with positive net revenue',
    sql: `CASE WHEN frequency = 0 OR monetary_net <= 0 THEN 'none'
      ELSE ['very_low', 'low', 'medium', 'high', 'very_high'][revenue_q] END`,
    segments: {
      very_high: 'top 20%',
      high: '60-80%',
      medium: '40-60%',
      low: '20-40%',
      very_low: 'bottom 20%',
      none: 'no purchase or no positive net revenue',
    },
  }),
  segmentation({
    name: 'value.profitability',
    type: 'value',
    doc: 'margin tercile (when costs are known)',
    sql: `CASE WHEN frequency = 0 THEN 'no_purchases' WHEN margin IS NULL THEN 'unknown'
      WHEN margin < 0 THEN 'loss_making' ELSE ['low', 'medium', 'high'][margin_q] END`,
    segments: {
      high: 'top third by margin',
      medium: 'middle third',
      low: 'bottom third',
      loss_making: 'negative margin',
      unknown: 'no cost known',
      no_purchases: 'no purchase yet',
    },
  }),
  segmentation({
    name: 'value.tier',
    type: 'value',
    doc: 'value tier by predicted CLV rank (by net revenue rank when the run has no CLV predictions)',
    sql: `CASE WHEN frequency = 0 THEN 'none'
      WHEN clv IS NOT NULL THEN CASE WHEN clv_top <= 0.05 THEN 'platinum' WHEN clv_top <= 0.2 THEN 'gold'
        WHEN clv_top <= 0.5 THEN 'silver' ELSE 'bronze' END
      WHEN monetary_net <= 0 THEN 'none' WHEN value_top <= 0.05 THEN 'platinum'
      WHEN value_top <= 0.2 THEN 'gold' WHEN value_top <= 0.5 THEN 'silver' ELSE 'bronze' END`,
    segments: {
      platinum: 'top 5%',
      gold: 'next 15%',
      silver: 'next 30%',
      bronze: 'bottom 50%',
      none: 'no purchase (or, without CLV predictions, no positive net revenue)',
    },
  }),
  segmentation({
    name: 'value.growth_potential',
    type: 'value',
    doc: 'room to grow: trend and phase',
    sql: `CASE WHEN frequency = 0 THEN 'none' WHEN lifecycle_phase = 'decline' THEN 'low'
      WHEN lifecycle_phase = 'maturity' AND value_top <= 0.2 THEN 'at_peak'
      WHEN (purchase_trend >= 0.33 AND orders_last_90d >= 2)
        OR (lifecycle_phase IN ('acquisition', 'growth') AND sessions_30d + email_clicks_30d > 0) THEN 'high'
      ELSE 'medium' END`,
    segments: {
      high: 'buying more than 3 months ago, or young and active',
      medium: 'steady',
      at_peak: 'mature and already in the top 20% by value',
      low: 'in decline',
      none: 'no purchase yet',
    },
  }),
  segmentation({
    name: 'value.risk',
    type: 'value',
    doc: 'risk of losing the customer: CLV churn risk (1 - p_alive) and the lifecycle stage (recency against the usual gap without CLV)',
    sql: `CASE WHEN frequency = 0 THEN 'none'
      WHEN lifecycle_stage IN ('churned', 'lost_cause', 'win_back_opportunity') THEN 'lapsed'
      WHEN churn_risk IS NOT NULL THEN CASE WHEN lifecycle_stage = 'at_risk' OR churn_risk >= 0.5 THEN 'high'
        WHEN churn_risk >= 0.2 THEN 'medium' ELSE 'low' END
      WHEN lifecycle_stage = 'at_risk' THEN 'high'
      WHEN recency_days > usual_gap_days THEN 'medium' ELSE 'low' END`,
    segments: {
      low: 'churn risk under 0.2 (without CLV: within their usual gap)',
      medium: 'churn risk 0.2 to 0.5 (without CLV: past their usual gap)',
      high: 'churn risk 0.5 or more, or lifecycle at risk',
      lapsed: 'churned, lost or to win back',
      none: 'no purchase yet',
    },
  }),
  segmentation({
    name: 'value.retention',
    type: 'value',
    doc: 'retention probability band: CLV p_alive (the heuristic exp(-recency / (2 x usual gap)) without CLV)',
    sql: `CASE WHEN retention_probability IS NULL THEN 'no_purchases' WHEN retention_probability >= 0.6 THEN 'likely'
      WHEN retention_probability >= 0.3 THEN 'uncertain' ELSE 'unlikely' END`,
    segments: {
      likely: 'retention probability >= 0.6',
      uncertain: '0.3 to 0.6',
      unlikely: 'below 0.3',
      no_purchases: 'no purchase yet',
    },
  }),
];
