import { describe, expect, it } from 'vitest';
import { compileSegmentQuery } from '../src/segments/batch/compile-segment.js';
import { refreshEventCustomers } from '../src/segments/batch/event-customers.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import type { SegmentPlan } from '../src/segments/plan/plan.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { memoryWarehouse } from './helpers/warehouse.js';

const DAY = 86_400_000;
const T = Date.UTC(2024, 5, 1);

async function addEvent(wh: Warehouse, id: string, customer: string, type: string, at: number) {
  await wh.execute(
    `INSERT INTO events (event_id, customer_id, occurred_at, type, properties) VALUES ($1, $2, $3, $4, '{}')`,
    [id, customer, new Date(at), type],
  );
}

async function members(wh: Warehouse, plan: SegmentPlan, asOf = T): Promise<string[]> {
  const r = await wh.query(compileSegmentQuery(plan, asOf));
  return (r.columns.customer_id ?? []).map(String);
}

async function cached(wh: Warehouse): Promise<string[]> {
  const r = await wh.query({
    sql: 'SELECT customer_id FROM segment_event_customers ORDER BY customer_id',
    params: [],
  });
  return (r.columns.customer_id ?? []).map(String);
}

/**
 * The batch universe (every customer plus anyone with an event) read through the cache of customers known only
 * from events: the same members whether the cache is missing, current, behind (events appended after it) or
 * invalidated (events deleted), and a window pushed into the event scan changes nobody's membership.
 */
describe('batch universe through segment_event_customers', () => {
  it('gives the same members with the cache missing, current, behind and invalidated', async () => {
    const wh = await memoryWarehouse();
    await wh.append('customers', columnTable({ customer_id: ['ana', 'ben'] }));
    await addEvent(wh, 'e1', 'ana', 'purchase', T - 5 * DAY);
    await addEvent(wh, 'e2', 'xavi', 'page_view', T - 400 * DAY);
    await addEvent(wh, 'e3', 'yoli', 'purchase', T - 100 * DAY);
    const catalogue = await FieldCatalogue.load(wh);
    const parsed = parseSegment(
      {
        name: 'no-purchase-60d',
        conditions: [{ kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 60 } }],
      },
      catalogue,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const plan = parsed.value.plan;
    const expected = ['ben', 'xavi', 'yoli'];

    expect(await members(wh, plan)).toEqual(expected);
    await refreshEventCustomers(wh);
    expect(await cached(wh)).toEqual(['xavi', 'yoli']);
    expect(await members(wh, plan)).toEqual(expected);

    // Behind: an event-only customer after the mark is read from the events themselves.
    await addEvent(wh, 'e4', 'zoe', 'page_view', T - DAY);
    expect(await members(wh, plan)).toEqual([...expected, 'zoe']);
    await refreshEventCustomers(wh);
    expect(await cached(wh)).toEqual(['xavi', 'yoli', 'zoe']);

    // Invalidated: a deleted event row makes the cache unusable until rebuilt, and xavi is gone at once.
    await wh.execute(`DELETE FROM events WHERE event_id = 'e2'`);
    expect(await members(wh, plan)).toEqual(['ben', 'yoli', 'zoe']);
    await refreshEventCustomers(wh);
    expect(await cached(wh)).toEqual(['yoli', 'zoe']);
    expect(await members(wh, plan)).toEqual(['ben', 'yoli', 'zoe']);

    // A customer imported later is counted once, from `customers`.
    await wh.append('customers', columnTable({ customer_id: ['zoe'] }));
    expect(await members(wh, plan)).toEqual(['ben', 'yoli', 'zoe']);
    await wh.close();
  });

  it('pushes the earliest window into the event scan only when every event condition has one', () => {
    const catalogue = new FieldCatalogue([{ name: 'customer_id', type: 'VARCHAR' }], []);
    const sqlOf = (conditions: unknown[]) => {
      const parsed = parseSegment({ name: 's', conditions }, catalogue);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      return compileSegmentQuery(parsed.value.plan, T);
    };
    const windowed = sqlOf([
      { kind: 'event', event: 'purchase', window: { kind: 'last', days: 90 } },
      { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
    ]);
    const scan = windowed.with![0]!.query;
    expect(JSON.stringify(scan.where)).toContain(JSON.stringify(new Date(T - 90 * DAY)));
    const whole = sqlOf([
      { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
      { kind: 'last_event', event: 'purchase', window: { kind: 'older_than', days: 10 } },
    ]);
    expect(JSON.stringify(whole.with![0]!.query.where)).not.toContain('">="');
  });
});
