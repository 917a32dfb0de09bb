import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingEvent } from '../src/segments/events/event-input.js';
import { explain, formatExplanation } from '../src/segments/explain/explain.js';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import type { MembershipChange } from '../src/segments/live/membership-change.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { segmentHistory } from '../src/segments/store/membership-log.js';
import { readStatus } from '../src/segments/store/segment-status.js';
import { getSegment, segmentVersions } from '../src/segments/store/segment-store.js';
import { createApiKey, createServer } from '../src/server/index.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 4, 1, 12);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(options: { customers?: boolean } = {}) {
  const wh = await memoryWarehouse();
  if (options.customers !== false) {
    await wh.append(
      'customers',
      columnTable({ customer_id: ['ana', 'ben', 'cleo'], age: [34, 51, 27], country: ['ES', 'MX', 'ES'] }),
    );
  }
  const clock = new FakeClock(T0);
  const committed: MembershipChange[] = [];
  const rt = await SegmentRuntime.open(wh, { clock, onCommitted: (c) => committed.push(...c) });
  cleanup.push(async () => {
    await rt.close();
    await wh.close();
  });
  let n = 0;
  const event = (
    customerId: string,
    type: string,
    occurredAt = clock.now(),
    properties: Record<string, unknown> | null = null,
  ): IncomingEvent => ({
    eventId: `ev${++n}`,
    customerId,
    type,
    occurredAt,
    properties,
  });
  return { wh, clock, rt, committed, event };
}

const lapsedBuyers = {
  name: 'lapsed-buyers',
  conditions: [
    { kind: 'event', event: 'purchase' },
    { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
  ],
};

describe('time-relative conditions flip on the exact instant', () => {
  it('"no purchase in 30 days" flips exactly 30 days after the last purchase, not a millisecond earlier', async () => {
    const { clock, rt, committed, event, wh } = await setup();
    await rt.saveSegment(lapsedBuyers);
    await rt.ingest([event('ana', 'purchase')]);
    expect(rt.members('lapsed-buyers')).toEqual([]);

    clock.advanceTo(T0 + 30 * DAY - 1);
    await rt.flush();
    expect(rt.isMember('lapsed-buyers', 'ana')).toBe(false);

    clock.advanceTo(T0 + 30 * DAY);
    await rt.flush();
    expect(rt.members('lapsed-buyers')).toEqual(['ana']);
    const entered = committed.find((c) => c.customerId === 'ana' && c.change === 'entered')!;
    expect(entered).toMatchObject({
      at: T0 + 30 * DAY,
      source: 'time',
      conditions: [{ path: 'conditions[1]', from: false, to: true }],
    });

    // A new purchase takes her out at once, with the reason.
    clock.advanceTo(T0 + 40 * DAY);
    await rt.ingest([event('ana', 'purchase')]);
    expect(rt.isMember('lapsed-buyers', 'ana')).toBe(false);
    const [last] = await segmentHistory(wh, (await getSegment(wh, 'lapsed-buyers')).id, {
      customerId: 'ana',
    });
    expect(last).toMatchObject({
      change: 'exited',
      at: T0 + 40 * DAY,
      source: 'event',
      conditions: [{ path: 'conditions[1]', from: true, to: false }],
    });
  });

  it('a purchase late by 10 days counts from when it happened', async () => {
    const { clock, rt, event } = await setup();
    await rt.saveSegment(lapsedBuyers);
    clock.advanceTo(T0 + 10 * DAY);
    await rt.ingest([event('ben', 'purchase', T0)]);
    clock.advanceTo(T0 + 30 * DAY - 1);
    await rt.flush();
    expect(rt.members('lapsed-buyers')).toEqual([]);
    clock.advanceTo(T0 + 30 * DAY);
    await rt.flush();
    expect(rt.members('lapsed-buyers')).toEqual(['ben']);
  });

  it('an event from the future becomes visible when its time comes', async () => {
    const { clock, rt, event } = await setup();
    await rt.saveSegment({ name: 'buyers', conditions: [{ kind: 'event', event: 'purchase' }] });
    await rt.ingest([event('cleo', 'purchase', T0 + HOUR)]);
    expect(rt.members('buyers')).toEqual([]);
    clock.advanceTo(T0 + HOUR);
    await rt.flush();
    expect(rt.members('buyers')).toEqual(['cleo']);
  });

  it('a sequence: cart then purchase within an hour', async () => {
    const { clock, rt, event } = await setup();
    await rt.saveSegment({
      name: 'quick-converters',
      conditions: [
        {
          kind: 'sequence',
          steps: [{ event: 'cart' }, { event: 'purchase' }],
          within: { hours: 1 },
          window: { kind: 'last', days: 7 },
        },
      ],
    });
    await rt.ingest([event('ana', 'cart'), event('ben', 'cart')]);
    clock.advanceTo(T0 + 30 * 60_000);
    await rt.ingest([event('ana', 'purchase')]);
    clock.advanceTo(T0 + 2 * HOUR);
    await rt.ingest([event('ben', 'purchase')]);
    expect(rt.members('quick-converters')).toEqual(['ana']);
    // The cart leaves the 7-day window exactly 7 days after it happened.
    clock.advanceTo(T0 + 7 * DAY - 1);
    await rt.flush();
    expect(rt.members('quick-converters')).toEqual(['ana']);
    clock.advanceTo(T0 + 7 * DAY);
    await rt.flush();
    expect(rt.members('quick-converters')).toEqual([]);
  });
});

describe('ingestion', () => {
  it('is idempotent by event id and durable before it resolves', async () => {
    const { rt, event, wh } = await setup();
    const batch = [event('ana', 'view'), event('ben', 'view')];
    expect(await rt.ingest(batch)).toEqual({ accepted: 2, duplicates: 0 });
    expect(await rt.ingest([...batch, event('cleo', 'view')])).toEqual({ accepted: 1, duplicates: 2 });
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(3);
    // Concurrent batches commit together, each told its own result.
    const results = await Promise.all([
      rt.ingest([event('ana', 'x')]),
      rt.ingest([event('ben', 'x')]),
      rt.ingest(batch),
    ]);
    expect(results).toEqual([
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
      { accepted: 0, duplicates: 2 },
    ]);
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(5);
  });

  it('takes one of two concurrent copies of an event, however they are split', async () => {
    const { rt, event, wh } = await setup();
    const e = event('ana', 'view');
    const results = await Promise.all([
      rt.ingest([e, e]),
      rt.ingest([e]),
      rt.ingest([event('ben', 'view'), e]),
    ]);
    expect(results).toEqual([
      { accepted: 1, duplicates: 1 },
      { accepted: 0, duplicates: 1 },
      { accepted: 1, duplicates: 1 },
    ]);
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(2);
  });

  it('serves POST /v1/events over loopback: 200 once durable, exact 400s, nothing stored half-way', async () => {
    const { rt, wh } = await setup();
    // The real server (`segmenta serve`) over loopback, with a write key.
    const server = await createServer({ app: { warehouse: wh, close: async () => {} }, runtime: rt });
    cleanup.push(() => server.close());
    const url = await server.fastify.listen({ port: 0, host: '127.0.0.1' });
    const { key } = await createApiKey(wh, { scope: 'write', name: 'test' });
    const post = async (body: string) => {
      const r = await fetch(`${url}/v1/events`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      });
      const json = (await r.json()) as { detail?: string };
      return { status: r.status, body: r.ok ? json : { error: json.detail } };
    };
    const good = {
      event_id: 'h1',
      customer_id: 'ana',
      type: 'view',
      occurred_at: '2024-05-01T12:00:00Z',
      properties: { page: '/' },
    };
    expect(await post(JSON.stringify({ events: [good] }))).toEqual({
      status: 200,
      body: { accepted: 1, duplicates: 0 },
    });
    expect(await post(JSON.stringify({ events: [good] }))).toEqual({
      status: 200,
      body: { accepted: 0, duplicates: 1 },
    });
    expect(await post('{"events": [')).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^body is not valid JSON/) },
    });
    expect(
      await post(
        JSON.stringify({
          events: [
            { ...good, event_id: 'h2' },
            { ...good, event_id: 'h3', type: '' },
          ],
          extra: 1,
        }),
      ),
    ).toEqual({
      status: 400,
      body: { error: 'events[1].type: expected a non-empty event type\nextra: unknown key' },
    });
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(1);
  });

  it('rejects malformed batches with exact messages and stores nothing', async () => {
    const { rt, wh } = await setup();
    const body = {
      events: [
        { event_id: 'a', customer_id: 'ana', type: 'view', occurred_at: '2024-05-01T10:00:00Z' },
        { event_id: '', customer_id: 'ana', type: 'view', occurred_at: 'yesterday', colour: 'red' },
        { event_id: 'c', customer_id: 7, occurred_at: 1714557600000, properties: [] },
      ],
    };
    await expect(rt.ingestBody(body)).rejects.toThrow(
      [
        'events[1].event_id: expected a non-empty event id',
        'events[1].occurred_at: expected an ISO date-time with a zone (2024-05-01T10:00:00Z) or epoch milliseconds',
        'events[1].colour: unknown key',
        'events[2].customer_id: expected customer id as a string',
        'events[2].type: required',
        'events[2].properties: expected an object, got an array',
      ].join('\n'),
    );
    await expect(rt.ingestBody({ events: [] })).rejects.toThrow('events: expected at least one event');
    await expect(rt.ingestBody([])).rejects.toThrow('expected an object, got an array');
    expect(await count(wh, 'SELECT count(*) FROM events')).toBe(0);
  });
});

describe('definitions, versions, status and explanations', () => {
  it('rejects rules that do not validate with every problem located', async () => {
    const { rt, wh } = await setup();
    await expect(
      rt.saveSegment({
        name: 'Bad Name',
        conditions: [
          { kind: 'field', field: 'agee', op: '>', value: 30 },
          { kind: 'field', field: 'country', op: '<', value: 'ES' },
          { kind: 'event', event: 'purchase', window: { kind: 'last', days: 0 } },
          { kind: 'event', event: 'purchase', count: { op: 'at_least', value: 1.5 }, extra: true },
          { kind: 'sometimes' },
        ],
      }),
    ).rejects.toThrow(
      [
        'name: expected 1-64 characters: lower-case letters, digits, - and _',
        'conditions[2].window.days: expected a positive integer',
        'conditions[3].count.value: expected a non-negative integer',
        'conditions[3].extra: unknown key',
        'conditions[4].kind: expected one of "field", "event", "not_done", "first_event", "last_event", "sequence", "customer_ids", "random_bucket", "all", "any", "not"',
      ].join('\n'),
    );
    await expect(
      rt.saveSegment({
        name: 'ok-name',
        conditions: [
          { kind: 'field', field: 'agee', op: '>', value: 30 },
          { kind: 'field', field: 'country', op: '<', value: 'ES' },
          { kind: 'field', field: 'age', op: '=', value: 'old' },
          { kind: 'field', field: 'age', op: 'between', low: 50, high: 40 },
          { kind: 'event', event: 'buy', where: [{ property: 'amount', op: '>', value: true }] },
          { kind: 'event', event: 'buy', window: { kind: 'between', from: '2024-02-30', to: '2024-01-01' } },
        ],
      }),
    ).rejects.toThrow(
      [
        'conditions[4].where[0].value: expected a number, or an ISO date for a date field',
        'conditions[5].window.from: expected an ISO date (2024-05-01) or date-time with a zone (2024-05-01T10:00:00Z)',
      ].join('\n'),
    );
    await expect(
      rt.saveSegment({
        name: 'ok-name',
        conditions: [
          { kind: 'field', field: 'agee', op: '>', value: 30 },
          { kind: 'field', field: 'country', op: '<', value: 5 },
          { kind: 'field', field: 'age', op: '=', value: 'old' },
          { kind: 'field', field: 'age', op: 'between', low: 50, high: 40 },
          { kind: 'event', event: 'buy', where: [{ property: 'amount', op: '>', value: '2024-01-01' }] },
        ],
      }),
    ).rejects.toThrow(
      [
        'conditions[0].field: unknown field "agee" (did you mean "age"?); fields are customer attributes, traits.KEY or scores.COLUMN',
        'conditions[1].op: "<" does not apply to a text field "country"; use =, !=, in, contains, exists',
        'conditions[2].value: "age" is a number field; expected a number',
        'conditions[3].high: expected high >= low',
        'conditions[4].where[0].value: expected a number: property "amount" is compared as a number by >',
      ].join('\n'),
    );
    expect(await count(wh, 'SELECT count(*) FROM segments')).toBe(0);
  });

  it('keeps every version and logs who entered or left because of an edit', async () => {
    const { rt, wh, clock } = await setup();
    await rt.saveSegment({
      name: 'adults',
      conditions: [{ kind: 'field', field: 'age', op: '>=', value: 30 }],
    });
    expect(rt.members('adults')).toEqual(['ana', 'ben']);
    clock.advanceTo(T0 + DAY);
    await rt.saveSegment(
      { name: 'adults', conditions: [{ kind: 'field', field: 'age', op: '>=', value: 40 }] },
      { update: true, note: 'raise the bar' },
    );
    expect(rt.members('adults')).toEqual(['ben']);
    const seg = await getSegment(wh, 'adults');
    expect(seg.version).toBe(2);
    const versions = await segmentVersions(wh, seg.id);
    expect(versions.map((v) => [v.version, v.note, v.definition.conditions[0]])).toEqual([
      [1, null, { kind: 'field', field: 'age', op: '>=', value: 30 }],
      [2, 'raise the bar', { kind: 'field', field: 'age', op: '>=', value: 40 }],
    ]);
    const history = await segmentHistory(wh, seg.id);
    expect(history.map((h) => [h.customerId, h.change, h.version, h.source])).toEqual([
      ['ana', 'exited', 2, 'definition'],
      ['ben', 'entered', 1, 'definition'],
      ['ana', 'entered', 1, 'definition'],
    ]);
    const status = (await readStatus(wh)).get(seg.id)!;
    expect(status).toMatchObject({ version: 2, mode: 'live', size: 1, error: null, asOf: T0 + DAY });
    await expect(
      rt.saveSegment({ name: 'adults', conditions: [{ kind: 'event', event: 'x' }] }),
    ).rejects.toThrow('segment "adults" already exists (version 2)');
  });

  it('catches up on restart: changes that happened while it was down are logged at startup', async () => {
    const wh: Warehouse = await memoryWarehouse();
    const clock = new FakeClock(T0);
    let rt = await SegmentRuntime.open(wh, { clock });
    await rt.saveSegment(lapsedBuyers);
    await rt.ingest([
      { eventId: 'p1', customerId: 'dan', type: 'purchase', occurredAt: T0, properties: null },
    ]);
    await rt.close();
    clock.advanceTo(T0 + 31 * DAY);
    rt = await SegmentRuntime.open(wh, { clock });
    expect(rt.members('lapsed-buyers')).toEqual(['dan']);
    const [h] = await segmentHistory(wh, (await getSegment(wh, 'lapsed-buyers')).id);
    expect(h).toMatchObject({ customerId: 'dan', change: 'entered', source: 'startup', at: T0 + 31 * DAY });
    await rt.close();
    await wh.close();
  });

  it('reports a segment that no longer validates in its status instead of dropping it silently', async () => {
    const { rt, wh, clock } = await setup();
    await rt.saveSegment({
      name: 'adults',
      conditions: [{ kind: 'field', field: 'age', op: '>=', value: 30 }],
    });
    // A score column the rule named is gone (e.g. a model output removed): simulate with a stored version.
    await wh.execute(`UPDATE segment_versions SET definition = $1`, [
      JSON.stringify({
        name: 'adults',
        conditions: [{ kind: 'field', field: 'scores.retired_output', op: '>', value: 0.5 }],
      }),
    ]);
    await rt.refreshProfiles();
    expect(rt.status().failed).toEqual([
      {
        ref: { id: 1, name: 'adults', version: 1 },
        error:
          'conditions[0].field: unknown field "scores.retired_output"; fields are customer attributes, traits.KEY or scores.COLUMN',
      },
    ]);
    expect((await readStatus(wh)).get(1)).toMatchObject({
      error: expect.stringContaining('scores.retired_output'),
      errorAt: clock.now(),
    });
  });

  it('explains each condition for one customer', async () => {
    const { rt, wh, clock, event } = await setup();
    await rt.saveSegment({
      name: 'spanish-recent-buyers',
      conditions: [
        { kind: 'field', field: 'country', op: '=', value: 'ES' },
        {
          kind: 'any',
          conditions: [
            {
              kind: 'event',
              event: 'purchase',
              count: { op: 'at_least', value: 2 },
              window: { kind: 'last', days: 30 },
            },
            { kind: 'not', condition: { kind: 'field', field: 'age', op: '<', value: 30 } },
          ],
        },
      ],
    });
    await rt.ingest([event('cleo', 'purchase'), event('cleo', 'purchase', T0 - DAY)]);
    expect(rt.members('spanish-recent-buyers')).toEqual(['ana', 'cleo']);
    const e = await explain(wh, 'spanish-recent-buyers', 'cleo', clock.now());
    expect(formatExplanation(e)).toBe(
      [
        'cleo is IN spanish-recent-buyers (version 1) as of 2024-05-01T12:00:00.000Z',
        '  ✓ all of',
        '    ✓ conditions[0]  country = "ES" — country = "ES"',
        '    ✓ conditions[1]  any of',
        '      ✓ conditions[1].conditions[0]  purchase at least 2 times in the last 30 days — 2 matching event(s) in the window',
        '      ✗ conditions[1].conditions[1]  not',
        '        ✓ conditions[1].conditions[1].condition  age < 30 — age = 27',
        'last logged change: entered at 2024-05-01T12:00:00.000Z (event, version 1)',
      ].join('\n'),
    );
    const later = await explain(wh, 'spanish-recent-buyers', 'cleo', T0 + 29 * DAY);
    expect(later.member).toBe(false);
  });
});
