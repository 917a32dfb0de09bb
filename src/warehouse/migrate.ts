import type { Migration } from './migration.js';
import { initial } from './migrations/001-initial.js';
import { analysis } from './migrations/002-analysis.js';
import { clv } from './migrations/003-clv.js';
import { segments } from './migrations/004-segments.js';
import { predictionsClusters } from './migrations/005-predictions-clusters.js';
import { apiKeys } from './migrations/006-api-keys.js';
import { segmentEventCustomers } from './migrations/007-segment-event-customers.js';
import { customerTimeline } from './migrations/008-customer-timeline.js';
import { customerWeekdayHour } from './migrations/009-customer-weekday-hour.js';
import type { Warehouse } from './warehouse.js';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  analysis,
  clv,
  segments,
  predictionsClusters,
  apiKeys,
  segmentEventCustomers,
  customerTimeline,
  customerWeekdayHour,
];

/**
 * Bring the schema up to date, each migration in its own transaction, recorded in `schema_migrations`.
 * Returns the versions applied now.
 */
export async function migrate(
  wh: Warehouse,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await wh.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
  );
  const done = await wh.query({ sql: 'SELECT version FROM schema_migrations', params: [] });
  const applied = new Set((done.columns.version ?? []).map(Number));
  const latest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (latest > known) {
    throw new Error(
      `the database is at schema version ${latest} but this segmenta knows only up to ${known}: upgrade segmenta`,
    );
  }
  const now: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await wh.transaction(async () => {
      for (const s of m.statements) await wh.execute(s);
      await wh.execute('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
    });
    now.push(m.version);
  }
  return now;
}
