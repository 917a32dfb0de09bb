import { type FeatureDef, feature } from './feature.js';
import { ratio } from './line-features.js';

const SESSION = `type IN ('session_start', 'app_open')`;
const OPEN = `type = 'email_open'`;
const CLICK = `type = 'email_click'`;
const CART = `type IN ('add_to_cart', 'checkout')`;
const within = (days: number) => `occurred_at >= $1 - INTERVAL ${days} DAY`;

const count = (name: string, what: string, days: number, doc: string): FeatureDef =>
  feature({
    name,
    type: 'BIGINT',
    source: 'activity',
    sql: `count(*) FILTER (WHERE ${what} AND ${within(days)})`,
    fill: 0,
    doc,
  });

/** Engagement from the event stream and response to marketing from campaign results (control groups excluded). */
export const ENGAGEMENT_FEATURES: readonly FeatureDef[] = [
  count('sessions_30d', SESSION, 30, 'web sessions and app opens in the 30 days before the cutoff'),
  count('sessions_90d', SESSION, 90, 'web sessions and app opens in the 90 days before the cutoff'),
  count('email_opens_30d', OPEN, 30, 'email opens in the last 30 days'),
  count('email_opens_90d', OPEN, 90, 'email opens in the last 90 days'),
  count('email_clicks_30d', CLICK, 30, 'email clicks in the last 30 days'),
  count('email_clicks_90d', CLICK, 90, 'email clicks in the last 90 days'),
  count('carts_30d', CART, 30, 'add-to-cart and checkout events in the last 30 days'),
  feature({
    name: 'days_since_last_event',
    type: 'INTEGER',
    source: 'activity',
    sql: `date_diff('day', CAST(max(occurred_at) AS DATE), CAST($2 AS DATE))`,
    doc: 'whole days from the last event of any type to the as-of day; NULL without events',
  }),
  feature({
    name: 'campaigns_received',
    type: 'BIGINT',
    source: 'sends',
    sql: 'count(*)',
    fill: 0,
    doc: 'campaign sends received (treated group only; control-group rows excluded)',
  }),
  feature({
    name: 'campaign_open_rate',
    type: 'DOUBLE',
    source: 'sends',
    sql: ratio('count(*) FILTER (WHERE opened_at < $1)', 'count(*)'),
    doc: 'share of campaign sends opened',
  }),
  feature({
    name: 'campaign_response_rate',
    type: 'DOUBLE',
    source: 'sends',
    sql: ratio('count(*) FILTER (WHERE clicked_at < $1 OR converted_at < $1)', 'count(*)'),
    doc: 'share of campaign sends clicked or converted',
  }),
  feature({
    name: 'campaign_conversion_rate',
    type: 'DOUBLE',
    source: 'sends',
    sql: ratio('count(*) FILTER (WHERE converted_at < $1)', 'count(*)'),
    doc: 'share of campaign sends followed by an attributed purchase',
  }),
  feature({
    name: 'campaign_revenue',
    type: 'DOUBLE',
    source: 'sends',
    sql: 'coalesce(sum(revenue) FILTER (WHERE converted_at < $1), 0)',
    fill: 0,
    doc: 'revenue attributed to campaign conversions',
  }),
];
