import type { Migration } from '../migration.js';

/**
 * Analysis runs (issue 3). Every `segmenta analyze` is a numbered run; its per-customer scores and segment
 * memberships are kept, so runs can be compared (movement, stage transitions, dwell times, stability) and an
 * analysis can be replayed as of any past day. The columns of `customer_scores` are, in order, the feature
 * registry of `src/features/registry.ts` followed by the RFM and lifecycle columns; a test keeps them in step.
 * No primary keys on the big tables: (run_id, customer_id) and (run_id, customer_id, segmentation) are unique
 * by construction, and an index would slow the bulk insert of a million-customer run.
 */
export const analysis: Migration = {
  version: 2,
  name: 'analysis runs, customer scores and segment memberships',
  statements: [
    `CREATE TABLE analysis_runs (
      run_id INTEGER PRIMARY KEY,
      as_of DATE NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP,
      status VARCHAR NOT NULL,
      params JSON NOT NULL,
      summary JSON
    )`,
    `CREATE TABLE customer_scores (
      run_id INTEGER NOT NULL,
      customer_id VARCHAR NOT NULL,
      signup_date DATE,
      frequency BIGINT NOT NULL,
      first_purchase_at TIMESTAMP,
      last_purchase_at TIMESTAMP,
      first_order_at TIMESTAMP,
      recency_days INTEGER,
      tenure_days INTEGER,
      relationship_days INTEGER,
      mean_gap_days DOUBLE,
      std_gap_days DOUBLE,
      orders_last_90d BIGINT NOT NULL,
      orders_prev_90d BIGINT NOT NULL,
      purchase_trend DOUBLE,
      monetary_gross DOUBLE NOT NULL,
      cancelled_amount DOUBLE NOT NULL,
      returned_amount DOUBLE NOT NULL,
      monetary_net DOUBLE NOT NULL,
      aov DOUBLE,
      units DOUBLE NOT NULL,
      return_rate DOUBLE,
      cancellation_rate DOUBLE,
      discount_share DOUBLE,
      discount_rate DOUBLE,
      margin DOUBLE,
      margin_rate DOUBLE,
      cost_coverage DOUBLE,
      top_category VARCHAR,
      top_category_share DOUBLE,
      categories_count BIGINT NOT NULL,
      top_channel VARCHAR,
      top_channel_share DOUBLE,
      channels_count BIGINT NOT NULL,
      weekend_share DOUBLE,
      evening_share DOUBLE,
      modal_weekday VARCHAR,
      modal_weekday_share DOUBLE,
      modal_hour INTEGER,
      sessions_30d BIGINT NOT NULL,
      sessions_90d BIGINT NOT NULL,
      email_opens_30d BIGINT NOT NULL,
      email_opens_90d BIGINT NOT NULL,
      email_clicks_30d BIGINT NOT NULL,
      email_clicks_90d BIGINT NOT NULL,
      carts_30d BIGINT NOT NULL,
      days_since_last_event INTEGER,
      campaigns_received BIGINT NOT NULL,
      campaign_open_rate DOUBLE,
      campaign_response_rate DOUBLE,
      campaign_conversion_rate DOUBLE,
      campaign_revenue DOUBLE NOT NULL,
      monetary DOUBLE,
      r_score INTEGER,
      f_score INTEGER,
      m_score INTEGER,
      fm_score INTEGER,
      rfm_cell VARCHAR,
      rfm_segment VARCHAR NOT NULL,
      usual_gap_days DOUBLE,
      retention_probability DOUBLE,
      lifecycle_phase VARCHAR NOT NULL,
      lifecycle_stage VARCHAR NOT NULL
    )`,
    `CREATE TABLE customer_segments (
      run_id INTEGER NOT NULL,
      customer_id VARCHAR NOT NULL,
      segmentation VARCHAR NOT NULL,
      segment VARCHAR NOT NULL
    )`,
  ],
};
