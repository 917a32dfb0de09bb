import { type SegmentationDef, segmentation } from './segmentation.js';

const DAYPART = `CASE WHEN modal_hour < 6 THEN 'night' WHEN modal_hour < 12 THEN 'morning'
  WHEN modal_hour < 18 THEN 'afternoon' ELSE 'evening' END`;

/** How the customer behaves: buying, timing, category and channel loyalty, engagement, response, journey. */
export const BEHAVIOURAL_SEGMENTATIONS: readonly SegmentationDef[] = [
  segmentation({
    name: 'behavioural.purchase_behaviour',
    type: 'behavioural',
    doc: 'how the customer buys (first match: returns, discounts, basket size, frequency)',
    sql: `CASE WHEN frequency = 0 THEN 'no_purchases' WHEN frequency = 1 THEN 'one_time'
      WHEN coalesce(return_rate, 0) + coalesce(cancellation_rate, 0) >= 0.25 THEN 'frequent_returner'
      WHEN discount_share >= 0.5 THEN 'deal_seeker'
      WHEN aov_top <= 0.2 THEN 'big_basket'
      WHEN f_score >= 4 THEN 'frequent'
      ELSE 'occasional' END`,
    segments: {
      no_purchases: 'no purchase yet',
      one_time: 'a single purchase order',
      frequent_returner: 'returns or cancels >= 25% of the value bought',
      deal_seeker: 'half or more of the lines bought on discount',
      big_basket: 'average order value in the top 20%',
      frequent: 'frequency score 4-5',
      occasional: 'other repeat buyers',
    },
  }),
  segmentation({
    name: 'behavioural.usage_pattern',
    type: 'behavioural',
    doc: 'when the customer buys (needs 3+ orders): weekend, a habitual weekday and part of day, evenings, or anytime',
    sql: `CASE WHEN frequency = 0 THEN 'no_purchases' WHEN frequency < 3 THEN 'too_few_orders'
      WHEN weekend_share >= 0.6 THEN 'weekend'
      WHEN modal_weekday_share >= 0.6 AND modal_weekday_share * frequency >= 3 THEN lower(modal_weekday) || '_' || ${DAYPART}
      WHEN evening_share >= 0.5 THEN 'evenings'
      ELSE 'anytime' END`,
    segments: {
      no_purchases: 'no purchase yet',
      too_few_orders: 'fewer than 3 orders: no pattern yet',
      weekend: '60%+ of orders on Saturday or Sunday',
      '<weekday>_<part of day>':
        '60%+ (and 3+) of orders on one weekday, e.g. tuesday_evening; the part of day is that of the modal hour (night 0-5, morning 6-11, afternoon 12-17, evening 18-23)',
      evenings: 'half or more of orders after 18:00',
      anytime: 'no strong weekday or hour habit',
    },
  }),
  segmentation({
    name: 'behavioural.category_loyalty',
    type: 'behavioural',
    doc: 'loyalty to a product category',
    sql: `CASE WHEN frequency = 0 THEN 'no_purchases' WHEN top_category IS NULL THEN 'unknown'
      WHEN frequency >= 2 AND top_category_share >= 0.6 THEN 'loyal:' || lower(top_category)
      WHEN categories_count >= 4 THEN 'explorer'
      WHEN frequency = 1 THEN 'one_order' ELSE 'mixed' END`,
    segments: {
      no_purchases: 'no purchase yet',
      unknown: 'no category on the lines bought',
      'loyal:<category>': 'repeat buyer with 60%+ of spend in one category',
      explorer: 'bought in 4+ categories',
      one_order: 'a single order',
      mixed: 'other repeat buyers',
    },
  }),
  segmentation({
    name: 'behavioural.channel',
    type: 'behavioural',
    doc: 'preferred sales channel',
    sql: `CASE WHEN frequency = 0 THEN 'no_purchases' WHEN top_channel IS NULL THEN 'unknown'
      WHEN channels_count >= 2 AND top_channel_share < 0.7 THEN 'omnichannel' ELSE lower(top_channel) END`,
    segments: {
      no_purchases: 'no purchase yet',
      unknown: 'no channel recorded',
      omnichannel: 'two or more channels, none with 70% of orders',
      '<channel>': 'the channel of 70%+ of orders (web, app, store, phone...)',
    },
  }),
  segmentation({
    name: 'behavioural.engagement',
    type: 'behavioural',
    doc: 'engagement from web/app sessions and email opens and clicks',
    sql: `CASE WHEN NOT has_events THEN 'no_data'
      WHEN sessions_30d >= 4 OR email_clicks_30d >= 2 THEN 'highly_engaged'
      WHEN sessions_90d >= 2 OR email_opens_90d >= 2 OR email_clicks_90d >= 1 THEN 'engaged'
      WHEN days_since_last_event <= 90 THEN 'low'
      ELSE 'dormant' END`,
    segments: {
      no_data: 'the warehouse has no events',
      highly_engaged: '4+ sessions or 2+ email clicks in 30 days',
      engaged: '2+ sessions, 2+ opens or a click in 90 days',
      low: 'some activity in 90 days',
      dormant: 'no activity in 90 days',
    },
  }),
  segmentation({
    name: 'behavioural.marketing_response',
    type: 'behavioural',
    doc: 'response to campaigns (treated sends only)',
    sql: `CASE WHEN NOT has_campaigns THEN 'no_data' WHEN campaigns_received = 0 THEN 'not_targeted'
      WHEN campaign_conversion_rate > 0 THEN 'converter' WHEN campaign_response_rate > 0 THEN 'clicker'
      WHEN campaign_open_rate > 0 THEN 'opener' ELSE 'unresponsive' END`,
    segments: {
      no_data: 'the warehouse has no campaign results',
      not_targeted: 'received no campaign',
      converter: 'bought after a campaign',
      clicker: 'clicked, never converted',
      opener: 'opened, never clicked',
      unresponsive: 'received campaigns, never opened',
    },
  }),
  segmentation({
    name: 'behavioural.journey_stage',
    type: 'behavioural',
    doc: 'customer-journey stage: the lifecycle phase',
    sql: 'lifecycle_phase',
    segments: {
      acquisition: 'not yet a repeat buyer',
      growth: 'repeat buyer, relationship still young',
      maturity: 'long-standing repeat buyer',
      decline: 'overdue, lapsed or lost',
    },
  }),
];
