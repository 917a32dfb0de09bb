import { DERIVED_FEATURES } from './derived-features.js';
import { ENGAGEMENT_FEATURES } from './engagement-features.js';
import type { FeatureDef } from './feature.js';
import { LINE_FEATURES } from './line-features.js';
import { PURCHASE_FEATURES } from './purchase-features.js';

/** Column order of the features in `customer_scores` (migration 002); a test keeps both in step. */
const ORDER = [
  'signup_date',
  'frequency',
  'first_purchase_at',
  'last_purchase_at',
  'first_order_at',
  'recency_days',
  'tenure_days',
  'relationship_days',
  'mean_gap_days',
  'std_gap_days',
  'orders_last_90d',
  'orders_prev_90d',
  'purchase_trend',
  'monetary_gross',
  'cancelled_amount',
  'returned_amount',
  'monetary_net',
  'aov',
  'units',
  'return_rate',
  'cancellation_rate',
  'discount_share',
  'discount_rate',
  'margin',
  'margin_rate',
  'cost_coverage',
  'top_category',
  'top_category_share',
  'categories_count',
  'top_channel',
  'top_channel_share',
  'channels_count',
  'weekend_share',
  'evening_share',
  'modal_weekday',
  'modal_weekday_share',
  'modal_hour',
  'sessions_30d',
  'sessions_90d',
  'email_opens_30d',
  'email_opens_90d',
  'email_clicks_30d',
  'email_clicks_90d',
  'carts_30d',
  'days_since_last_event',
  'campaigns_received',
  'campaign_open_rate',
  'campaign_response_rate',
  'campaign_conversion_rate',
  'campaign_revenue',
] as const;

export type FeatureName = (typeof ORDER)[number];

function build(): readonly FeatureDef[] {
  const all = [...PURCHASE_FEATURES, ...LINE_FEATURES, ...ENGAGEMENT_FEATURES, ...DERIVED_FEATURES];
  const byName = new Map<string, FeatureDef>();
  for (const f of all) {
    if (byName.has(f.name)) throw new Error(`feature ${f.name} is defined twice`);
    byName.set(f.name, f);
  }
  if (byName.size !== ORDER.length) {
    const extra = [...byName.keys()].filter((n) => !(ORDER as readonly string[]).includes(n));
    throw new Error(`features not placed in the column order: ${extra.join(', ')}`);
  }
  return ORDER.map((n) => {
    const f = byName.get(n);
    if (!f) throw new Error(`feature ${n} has no definition`);
    return f;
  });
}

/** Every per-customer feature, one definition each, in column order. */
export const FEATURES: readonly FeatureDef[] = build();
