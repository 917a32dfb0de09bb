import type { Expr } from '../../sql/ast.js';
import { and, call, col, eq, isNotNull, select, table, val } from '../../sql/build.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { latestScores } from '../batch/compile-segment.js';
import { refreshEventCustomers, universeQuery, validMarkCte } from '../batch/event-customers.js';
import type { LiveEngine, Needs } from '../live/engine.js';
import { streamSql } from '../operators/stream-match.js';

/**
 * Make every customer known to the engine: those in `customers` and anyone with an event (the batch universe,
 * read through the cache of event-only customers, brought up to date first).
 */
export async function loadCustomers(wh: Warehouse, engine: LiveEngine): Promise<void> {
  await refreshEventCustomers(wh);
  const t = await wh.query(
    select([col('id')], {
      with: [validMarkCte('universe_mark')],
      from: { kind: 'subquery', query: universeQuery('universe_mark'), alias: 'u' },
    }),
  );
  for (const id of t.columns.id ?? []) engine.know(String(id));
}

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/** Load the history of new streams and the values of new profile fields (of one customer, if given). */
export async function loadNeeds(
  wh: Warehouse,
  engine: LiveEngine,
  needs: Needs,
  customerId?: string,
): Promise<void> {
  const only = (): Expr =>
    customerId === undefined ? isNotNull(col('customer_id')) : eq(col('customer_id'), val(customerId));
  for (const { k, spec } of needs.streams) {
    const t = await wh.query(
      select(
        { customer_id: col('customer_id'), t: call('epoch_ms', [col('occurred_at')]) },
        { from: table('events'), where: and(only(), streamSql(spec)) },
      ),
    );
    const ids = t.columns.customer_id ?? [];
    const times = t.columns.t ?? [];
    for (let i = 0; i < ids.length; i++) engine.loadTime(k, String(ids[i]), Number(times[i]));
  }
  for (const { slot, field } of needs.profileSlots) {
    engine.clearProfile(slot);
    const v = col(field.source === 'trait' ? 'traits' : field.key);
    const t = await wh.query(
      select(
        { customer_id: col('customer_id'), v },
        {
          from:
            field.source === 'score'
              ? { kind: 'subquery', query: latestScores(), alias: 's' }
              : table('customers'),
          where: and(isNotNull(v), only()),
        },
      ),
    );
    const values = t.columns.v ?? [];
    t.columns.customer_id?.forEach((id, i) => {
      const raw = values[i];
      engine.setProfile(slot, String(id), field.source === 'trait' ? JSON.parse(String(raw)) : plain(raw));
    });
  }
}
