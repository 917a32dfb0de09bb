import type { Migration } from '../migration.js';

/**
 * The customers known only from events, kept for the batch segment evaluator (issue 6). A segment's universe is
 * `customers` plus anyone with an event; finding "anyone with an event" is a DISTINCT over every event row
 * (about 2 s at 10,000,000 events), most of a "has not done" rule's cost. `segment_event_customers` holds the
 * event customer ids that were not in `customers` when rows up to `covered_rowid` of `events` were scanned;
 * queries read it plus the events after that row, and only while `events` still has `covered_rows` rows up to
 * it (a delete or rewrite invalidates it: queries then scan every event, and the next refresh rebuilds it).
 */
export const segmentEventCustomers: Migration = {
  version: 7,
  name: 'customers known only from events, for batch segments',
  statements: [
    'CREATE TABLE segment_event_customers (customer_id VARCHAR NOT NULL)',
    `CREATE TABLE segment_event_customers_mark (
      covered_rowid BIGINT NOT NULL,
      covered_rows BIGINT NOT NULL
    )`,
  ],
};
