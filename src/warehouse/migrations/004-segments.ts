import type { Migration } from '../migration.js';

/**
 * Rule segments, their membership log and webhooks (issue 6).
 * - `segments` names a segment; `segment_versions` keeps every definition ever saved (the edit history), so a
 *   membership change can always be traced to the exact rule that produced it.
 * - `segment_membership_log` is append-only and the single source of membership: a customer is in a segment when
 *   their latest row (highest `seq`) says `entered`. `reason` lists the conditions whose value changed.
 * - `segment_status` says when each segment was last evaluated, how (live or batch), its size and its last error,
 *   so a segment is never silently stale.
 * - Ingestion is idempotent by `events.event_id` without an index (maintaining one costs more per batch than the
 *   rest of the commit): the runtime keeps a Bloom filter of the ids and only looks up the ids it flags.
 * - `webhook_deliveries` is the outbox: a delivery is written in the same transaction as the membership change
 *   that causes it, so a crash loses none; `delivery_id` is the idempotency key receivers see.
 */
export const segments: Migration = {
  version: 4,
  name: 'segments, membership log, status, webhooks',
  statements: [
    `CREATE TABLE segments (
      segment_id INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL UNIQUE,
      current_version INTEGER NOT NULL,
      created_at TIMESTAMP NOT NULL,
      updated_at TIMESTAMP NOT NULL
    )`,
    `CREATE TABLE segment_versions (
      segment_id INTEGER NOT NULL,
      version INTEGER NOT NULL,
      definition JSON NOT NULL,
      note VARCHAR,
      created_at TIMESTAMP NOT NULL,
      PRIMARY KEY (segment_id, version)
    )`,
    `CREATE TABLE segment_status (
      segment_id INTEGER NOT NULL,
      version INTEGER NOT NULL,
      mode VARCHAR NOT NULL,
      evaluated_at TIMESTAMP NOT NULL,
      as_of TIMESTAMP NOT NULL,
      size BIGINT NOT NULL,
      duration_ms DOUBLE,
      error VARCHAR,
      error_at TIMESTAMP
    )`,
    `CREATE TABLE segment_membership_log (
      seq BIGINT NOT NULL,
      segment_id INTEGER NOT NULL,
      version INTEGER NOT NULL,
      customer_id VARCHAR NOT NULL,
      change VARCHAR NOT NULL,
      changed_at TIMESTAMP NOT NULL,
      source VARCHAR NOT NULL,
      reason JSON
    )`,
    `CREATE TABLE webhooks (
      webhook_id INTEGER PRIMARY KEY,
      name VARCHAR NOT NULL UNIQUE,
      url VARCHAR NOT NULL,
      secret VARCHAR NOT NULL,
      segment_id INTEGER,
      on_enter BOOLEAN NOT NULL,
      on_exit BOOLEAN NOT NULL,
      active BOOLEAN NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
    `CREATE TABLE webhook_deliveries (
      delivery_id VARCHAR NOT NULL,
      webhook_id INTEGER NOT NULL,
      log_seq BIGINT NOT NULL,
      payload JSON NOT NULL,
      status VARCHAR NOT NULL,
      attempts INTEGER NOT NULL,
      next_attempt_at TIMESTAMP,
      last_error VARCHAR,
      created_at TIMESTAMP NOT NULL,
      delivered_at TIMESTAMP
    )`,
  ],
};
