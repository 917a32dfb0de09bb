import type { Migration } from '../migration.js';

/**
 * CLV predictions and machine-found clusters per analysis run (issues 4 and 5).
 *
 * - `customer_scores` gains the CLV prediction columns `segmenta analyze` writes (`PREDICTION_COLUMNS` of
 *   `src/analysis/export-columns.ts`, same order): NULL for customers without a purchase, for runs made before
 *   this migration, and for a run whose CLV fit failed. `customer_features` is redefined to leave them out (it
 *   is the features view).
 * - `clusterings` keeps one row per clustering of a run: the analysis's own (`cluster`) and those made with
 *   `segmenta cluster` (`cluster.<features>`): features and transforms, the table of k with its explanation,
 *   profiles, persona cards, the fitted model (transforms, centroids, PCA axes) and quality figures, all JSON.
 * - `customer_clusters` holds each customer's cluster, its name and 2-D map position (PCA) per clustering: long,
 *   because clusterings are added at will; a clustering is a segmentation named after it.
 * - `customer_segments` is redefined to add the clusterings to the wide segment labels.
 */
export const predictionsClusters: Migration = {
  version: 5,
  name: 'CLV predictions per run, clusterings and cluster memberships',
  statements: [
    `ALTER TABLE customer_scores ADD COLUMN p_alive DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN p_alive_low DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN p_alive_high DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN churn_risk DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_purchases DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_purchases_low DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_purchases_high DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_spend DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_spend_low DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN expected_spend_high DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN clv DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN clv_low DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN clv_high DOUBLE`,
    `ALTER TABLE customer_scores ADD COLUMN next_order_date DATE`,
    `ALTER TABLE customer_scores ADD COLUMN clv_model VARCHAR`,
    `CREATE OR REPLACE VIEW customer_features AS
      SELECT * EXCLUDE (monetary, r_score, f_score, m_score, fm_score, rfm_cell, rfm_segment, usual_gap_days,
          retention_probability, lifecycle_phase, lifecycle_stage, p_alive, p_alive_low, p_alive_high, churn_risk,
          expected_purchases, expected_purchases_low, expected_purchases_high, expected_spend, expected_spend_low,
          expected_spend_high, clv, clv_low, clv_high, next_order_date, clv_model)
      FROM customer_scores
      WHERE run_id = (SELECT max(run_id) FROM analysis_runs WHERE status = 'done')`,
    `CREATE TABLE clusterings (
      run_id INTEGER NOT NULL,
      name VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      k INTEGER NOT NULL,
      k_choice VARCHAR NOT NULL,
      feature_set VARCHAR NOT NULL,
      features JSON NOT NULL,
      k_table JSON,
      explanation VARCHAR NOT NULL,
      profiles JSON NOT NULL,
      personas JSON NOT NULL,
      model JSON NOT NULL,
      quality JSON NOT NULL,
      PRIMARY KEY (run_id, name)
    )`,
    `CREATE TABLE customer_clusters (
      run_id INTEGER NOT NULL,
      clustering VARCHAR NOT NULL,
      customer_id VARCHAR NOT NULL,
      cluster INTEGER NOT NULL,
      cluster_name VARCHAR NOT NULL,
      map_x DOUBLE,
      map_y DOUBLE
    )`,
    `CREATE OR REPLACE VIEW customer_segments AS
      SELECT run_id, customer_id, segmentation, segment FROM (
        UNPIVOT customer_segment_labels ON COLUMNS(* EXCLUDE (run_id, customer_id))
        INTO NAME segmentation VALUE segment)
      UNION ALL
      SELECT run_id, customer_id, clustering AS segmentation, cluster_name AS segment FROM customer_clusters`,
  ],
};
