import type { Migration } from '../migration.js';

/**
 * API keys (issue 7). A key is shown once when created and never stored: only a salted SHA-256 of its secret
 * (the secret carries 256 random bits, so a slow hash adds nothing but latency on every request). `key_id` is
 * the public prefix of the key, used to find the row; `scope` is read, write or admin.
 *
 * `api_cache` keeps pre-aggregated answers of the API that belong to one finished analysis run (the dashboard
 * overview, hidden patterns): a run never changes, so an answer computed once (seconds at a million customers)
 * is read back in milliseconds by every later request and server. Keys name the run and its start time.
 */
export const apiKeys: Migration = {
  version: 6,
  name: 'API keys with scopes, stored hashed; cached API answers per run',
  statements: [
    `CREATE TABLE api_keys (
      key_id VARCHAR PRIMARY KEY,
      name VARCHAR,
      scope VARCHAR NOT NULL,
      salt VARCHAR NOT NULL,
      hash VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      revoked_at TIMESTAMP
    )`,
    `CREATE TABLE api_cache (
      cache_key VARCHAR PRIMARY KEY,
      value JSON NOT NULL,
      created_at TIMESTAMP NOT NULL
    )`,
  ],
};
