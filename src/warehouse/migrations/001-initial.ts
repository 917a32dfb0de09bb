import type { Migration } from '../migration.js';

/**
 * The warehouse entities (issue 2). Ids are VARCHAR: source systems use codes like "00001" or "7590-VHVEG" whose
 * leading zeros matter. Every imported row keeps `import_id` and `source_line` so any value can be traced back to
 * the file and line it came from.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial entities, imports, quarantine, merge log',
  statements: [
    `CREATE TABLE imports (
      import_id INTEGER PRIMARY KEY,
      entity VARCHAR NOT NULL,
      file_name VARCHAR NOT NULL,
      file_sha256 VARCHAR NOT NULL,
      file_bytes BIGINT NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP NOT NULL,
      rows_read BIGINT NOT NULL,
      rows_accepted BIGINT NOT NULL,
      rows_quarantined BIGINT NOT NULL,
      rows_duplicate BIGINT NOT NULL,
      options JSON NOT NULL,
      report JSON NOT NULL
    )`,
    `CREATE TABLE quarantine (
      import_id INTEGER NOT NULL,
      entity VARCHAR NOT NULL,
      file_name VARCHAR NOT NULL,
      line BIGINT NOT NULL,
      column_name VARCHAR,
      kind VARCHAR NOT NULL,
      reason VARCHAR NOT NULL,
      raw VARCHAR
    )`,
    `CREATE TABLE saved_mappings (
      name VARCHAR NOT NULL,
      entity VARCHAR NOT NULL,
      mapping JSON NOT NULL,
      formats JSON NOT NULL,
      saved_at TIMESTAMP NOT NULL,
      PRIMARY KEY (name, entity)
    )`,
    `CREATE TABLE customers (
      customer_id VARCHAR PRIMARY KEY,
      first_name VARCHAR,
      last_name VARCHAR,
      email VARCHAR,
      phone VARCHAR,
      birth_date DATE,
      age INTEGER,
      gender VARCHAR,
      income DOUBLE,
      education VARCHAR,
      occupation VARCHAR,
      city VARCHAR,
      region VARCHAR,
      country VARCHAR,
      signup_date DATE,
      opt_in_email BOOLEAN,
      opt_in_sms BOOLEAN,
      lifestyle VARCHAR,
      "values" VARCHAR,
      interests VARCHAR,
      personality VARCHAR,
      attitudes VARCHAR,
      beliefs VARCHAR,
      traits JSON,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE customer_merges (
      merged_at TIMESTAMP NOT NULL,
      kept_id VARCHAR NOT NULL,
      merged_id VARCHAR NOT NULL,
      match_on VARCHAR NOT NULL,
      match_value VARCHAR NOT NULL,
      import_id INTEGER
    )`,
    `CREATE TABLE products (
      product_id VARCHAR PRIMARY KEY,
      name VARCHAR,
      category VARCHAR,
      brand VARCHAR,
      price DOUBLE,
      cost DOUBLE,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE order_lines (
      order_id VARCHAR NOT NULL,
      line_no INTEGER NOT NULL,
      customer_id VARCHAR,
      ordered_at TIMESTAMP NOT NULL,
      product_id VARCHAR,
      description VARCHAR,
      category VARCHAR,
      quantity DOUBLE NOT NULL,
      unit_price DOUBLE,
      amount DOUBLE NOT NULL,
      cost DOUBLE,
      discount DOUBLE,
      currency VARCHAR,
      channel VARCHAR,
      status VARCHAR NOT NULL,
      country VARCHAR,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE events (
      event_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      occurred_at TIMESTAMP NOT NULL,
      type VARCHAR NOT NULL,
      properties JSON,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE messages (
      message_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      sent_at TIMESTAMP NOT NULL,
      channel VARCHAR NOT NULL,
      direction VARCHAR,
      text VARCHAR NOT NULL,
      language VARCHAR,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE campaigns (
      campaign_id VARCHAR PRIMARY KEY,
      name VARCHAR,
      channel VARCHAR,
      creative_type VARCHAR,
      sent_at TIMESTAMP,
      cost DOUBLE,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE TABLE campaign_responses (
      campaign_id VARCHAR NOT NULL,
      customer_id VARCHAR NOT NULL,
      sent_at TIMESTAMP,
      opened_at TIMESTAMP,
      clicked_at TIMESTAMP,
      converted_at TIMESTAMP,
      revenue DOUBLE,
      channel VARCHAR,
      creative_type VARCHAR,
      is_control BOOLEAN NOT NULL DEFAULT false,
      import_id INTEGER,
      source_line BIGINT
    )`,
    `CREATE VIEW orders AS
      SELECT order_id,
        any_value(customer_id) AS customer_id,
        min(ordered_at) AS ordered_at,
        CASE WHEN bool_and(status = 'cancellation') THEN 'cancellation'
             WHEN bool_and(status = 'return') THEN 'return' ELSE 'purchase' END AS status,
        sum(amount) AS amount,
        sum(quantity) AS quantity,
        sum(cost) AS cost,
        count(*) AS lines,
        any_value(currency) AS currency,
        any_value(channel) AS channel,
        any_value(customer_id) IS NULL AS is_guest
      FROM order_lines GROUP BY order_id`,
  ],
};
