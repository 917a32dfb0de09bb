import { describe, expect, it } from 'vitest';
import type { IncomingEvent } from '../src/segments/events/event-input.js';
import type { MembershipChange } from '../src/segments/live/membership-change.js';
import { appendEventRows, eventRowsJson, eventsFromRows } from '../src/segments/runtime/event-rows.js';
import { appendLogRows, logRowJson } from '../src/segments/runtime/log-rows.js';
import { appendToLog } from '../src/segments/store/membership-log.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const events: IncomingEvent[] = [
  { eventId: 'e1', customerId: 'ana', type: 'purchase', occurredAt: 1_717_200_000_123, properties: null },
  {
    eventId: 'e"2',
    customerId: 'bén',
    type: 'page_view',
    occurredAt: 0,
    properties: { page: '/p?q="x"', tags: ['a', 1, null], nested: { ok: true } },
  },
];

/** Events serialised when their batch arrives are stored in `events` as given, and read back intact. */
describe('event rows made on arrival', () => {
  it('round-trips events (the path that re-applies them after a failed commit)', () => {
    expect(eventsFromRows(eventRowsJson(events))).toEqual(events);
    expect(eventsFromRows(eventRowsJson([]))).toEqual([]);
  });

  it('inserts the rows of several batches in one statement, times as timestamps, properties as JSON', async () => {
    const wh = await memoryWarehouse();
    await appendEventRows(wh, [eventRowsJson(events.slice(0, 1)), '', eventRowsJson(events.slice(1))]);
    const t = await wh.query({
      sql: `SELECT event_id, customer_id, epoch_ms(occurred_at) AS t, type, CAST(properties AS VARCHAR) AS p
        FROM events ORDER BY t DESC`,
      params: [],
    });
    expect(t.columns.event_id).toEqual(['e1', 'e"2']);
    expect(t.columns.customer_id).toEqual(['ana', 'bén']);
    expect(t.columns.t!.map(Number)).toEqual([1_717_200_000_123, 0]);
    expect(t.columns.p![0]).toBeNull();
    expect(JSON.parse(String(t.columns.p![1]))).toEqual(events[1]!.properties);
    await appendEventRows(wh, ['', '']);
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(2);
    await wh.close();
  });
});

/** Log rows made as changes are decided land exactly as `appendToLog` writes the same changes. */
describe('membership log rows made as changes are decided', () => {
  it('write the same log as appendToLog, numbered at the commit', async () => {
    const changes: MembershipChange[] = [
      {
        segment: { id: 3, name: 'lapsed', version: 2 },
        customerId: 'ana',
        change: 'entered',
        at: 1_717_200_000_123,
        source: 'event',
        conditions: [{ path: 'conditions[1]', from: false, to: true }],
      },
      {
        segment: { id: 4, name: 'vip "gold"', version: 1 },
        customerId: 'bén',
        change: 'exited',
        at: 5,
        source: 'time',
        conditions: [],
      },
    ];
    const read = async (wh: Awaited<ReturnType<typeof memoryWarehouse>>) => {
      const t = await wh.query({
        sql: `SELECT seq, segment_id, version, customer_id, change, epoch_ms(changed_at) AS t, source,
            CAST(reason AS VARCHAR) AS reason FROM segment_membership_log ORDER BY seq`,
        params: [],
      });
      return t.columns;
    };
    const a = await memoryWarehouse();
    await appendToLog(
      a,
      changes.map((c, i) => ({ ...c, seq: 41 + i })),
    );
    const b = await memoryWarehouse();
    await appendLogRows(b, 41, changes.map(logRowJson));
    const expected = await read(a);
    expect(expected.seq!.map(Number)).toEqual([41, 42]);
    expect(await read(b)).toEqual(expected);
    await a.close();
    await b.close();
  });
});
