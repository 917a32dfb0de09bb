import type { Migration } from '../migration.js';

/**
 * Each customer's purchases by weekday × hour before an as-of day, pre-aggregated (issue 7). The Behaviour
 * page's heatmap of a segmentation otherwise reads every order line (about 1-5 s at 10,000,000 lines) the
 * first time each segmentation is picked; from `customer_weekday_hour` (a row per customer and slot, guests
 * under a NULL id) it is a join with the segmentation's labels. `customer_weekday_hour_source` records the
 * as-of day and the `order_lines` it was built from (row count, last rowid, latest import): the table is read
 * only while they still hold, else the heatmap is computed from `order_lines` as before.
 */
export const customerWeekdayHour: Migration = {
  version: 9,
  name: 'pre-aggregated purchases by customer and weekday × hour',
  statements: [
    `CREATE TABLE customer_weekday_hour (
      customer_id VARCHAR,
      slot SMALLINT NOT NULL,
      orders INTEGER NOT NULL
    )`,
    `CREATE TABLE customer_weekday_hour_source (
      run_id INTEGER NOT NULL,
      as_of DATE NOT NULL,
      order_lines_rows BIGINT NOT NULL,
      covered_rowid BIGINT NOT NULL,
      latest_import BIGINT NOT NULL,
      built_at TIMESTAMP NOT NULL
    )`,
  ],
};
