import { call, select, star } from '../../sql/build.js';
import { compile } from '../../sql/compile.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { SegmentPlan } from '../plan/plan.js';
import { compileSegmentQuery } from './compile-segment.js';
import { refreshEventCustomers, universeQuery, validMarkCte } from './event-customers.js';

export interface SegmentPreview {
  /** Members as of the instant. */
  readonly count: number;
  /** The first members by id (at most `sample`). */
  readonly sample: readonly string[];
}

/**
 * How many customers a plan selects as of an instant, and a few of them, without recording anything: the batch
 * query aggregated in the warehouse (one count and a top-n of ids), so no member list leaves DuckDB. Brings the
 * cache of customers known only from events up to date first, as `evaluateBatch` does.
 */
export async function previewSegment(
  wh: Warehouse,
  plan: SegmentPlan,
  asOf: number,
  sample = 10,
): Promise<SegmentPreview> {
  await refreshEventCustomers(wh);
  const { orderBy: _unordered, ...members } = compileSegmentQuery(plan, asOf);
  const inner = compile(members);
  const n = Math.max(1, Math.floor(sample));
  const t = await wh.query({
    sql: `SELECT count(*) AS n, to_json(min(customer_id, ${n})) AS sample FROM (${inner.sql}) m`,
    params: inner.params,
  });
  const raw = t.columns.sample?.[0];
  const ids = raw === null || raw === undefined ? [] : (JSON.parse(String(raw)) as unknown[]);
  return { count: Number(t.columns.n?.[0] ?? 0), sample: ids.map(String) };
}

/** How many customers segments choose from: the batch universe (customers plus anyone with an event). */
export async function countUniverse(wh: Warehouse): Promise<number> {
  await refreshEventCustomers(wh);
  const q = compile(
    select(
      { n: call('count', [star()]) },
      {
        with: [validMarkCte('universe_mark')],
        from: { kind: 'subquery', query: universeQuery('universe_mark'), alias: 'u' },
      },
    ),
  );
  const t = await wh.query(q);
  return Number(t.columns.n?.[0] ?? 0);
}
