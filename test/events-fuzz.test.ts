import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../src/core/rng.js';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { createApiKey, createServer, type SegmentaServer } from '../src/server/index.js';
import { NO_RUNTIME } from '../src/server/routes/events.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const ROUNDS = 400;

let wh: Warehouse;
let rt: SegmentRuntime;
let server: SegmentaServer;
let keys: { read: string; write: string };

beforeAll(async () => {
  wh = await memoryWarehouse();
  rt = await SegmentRuntime.open(wh, { clock: new FakeClock(T0) });
  await rt.saveSegment({
    name: 'recent-buyers',
    match: 'all',
    conditions: [{ kind: 'event', event: 'purchase', window: { kind: 'last', days: 30 } }],
  });
  server = await createServer({ app: { warehouse: wh, close: async () => undefined }, runtime: rt });
  const [read, write] = await Promise.all(
    (['read', 'write'] as const).map((scope) => createApiKey(wh, { scope, name: scope })),
  );
  keys = { read: read!.key, write: write!.key };
});
afterAll(async () => {
  await server?.close();
  await rt?.close();
  await wh?.close();
});

type Event = Record<string, unknown>;

const post = (payload: string, options: { key?: string | null; type?: string | null } = {}) => {
  const key = options.key === undefined ? keys.write : options.key;
  const type = options.type === undefined ? 'application/json' : options.type;
  return server.fastify.inject({
    method: 'POST',
    url: '/v1/events',
    payload,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(type ? { 'content-type': type } : {}),
    },
  });
};

const storedEvents = () => count(wh, 'SELECT count(*) FROM events');

const WHAT: Record<string, string> = { event_id: 'event id', customer_id: 'customer id', type: 'event type' };
const OCCURRED_AT = 'expected an ISO date-time with a zone (2024-05-01T10:00:00Z) or epoch milliseconds';
const EPOCH_MS = 'expected epoch milliseconds as an integer from 0 to 8640000000000000';

/** One malformed body and the exact problem it must be answered with. */
interface Bad {
  readonly kind: string;
  readonly payload: string;
  readonly status: number;
  /** Exact detail, or the lines it must consist of (any order), or a prefix. */
  readonly detail: string | { lines: string[] } | { prefix: string };
}

class World {
  private n = 0;
  /** Every event id acknowledged as stored, with its event. */
  readonly accepted = new Map<string, Event>();
  /** Valid batches already acknowledged, to retry. */
  readonly sent: Event[][] = [];

  constructor(readonly rng: Rng) {}

  event(): Event {
    const r = this.rng;
    const at = T0 - r.int(60 * DAY);
    const e: Event = {
      event_id: `ev-${this.n++}`,
      customer_id: `c${r.int(40)}`,
      type: r.pick(['purchase', 'view', 'signup']),
      occurred_at: r.next() < 0.5 ? at : new Date(at).toISOString(),
    };
    if (r.next() < 0.5) e.properties = { amount: r.int(500), tags: ['a', r.int(3)], note: null };
    return e;
  }

  batch(size = 1 + this.rng.int(30)): Event[] {
    return Array.from({ length: size }, () => this.event());
  }

  /** A batch with one (or two) things wrong, and the answer it must get. */
  bad(): Bad {
    const r = this.rng;
    const events = this.batch(1 + r.int(8));
    const i = r.int(events.length);
    const e = events[i]!;
    const body = (b: unknown = { events }) => JSON.stringify(b);
    const pick = r.int(12);
    switch (pick) {
      case 0: {
        const text = body();
        const cut = 1 + r.int(text.length - 1);
        return {
          kind: 'truncated JSON',
          payload: r.next() < 0.5 ? text.slice(0, cut) : `${text}}`,
          status: 400,
          detail: { prefix: 'body is not valid JSON: ' },
        };
      }
      case 1: {
        const f = r.pick(['event_id', 'customer_id', 'type']);
        e[f] = r.pick([42, true, null, ['x'], { id: 'x' }, 1.5]);
        return {
          kind: 'wrong type',
          payload: body(),
          status: 400,
          detail: `events[${i}].${f}: expected ${WHAT[f]} as a string`,
        };
      }
      case 2: {
        const f = r.pick(['event_id', 'customer_id', 'type', 'occurred_at']);
        delete e[f];
        const detail = `events[${i}].${f}: required${f === 'occurred_at' ? `: ${OCCURRED_AT}` : ''}`;
        return { kind: 'missing field', payload: body(), status: 400, detail };
      }
      case 3: {
        const key = r.pick(['eventId', 'timestamp', 'customer', 'extra', 'Type']);
        e[key] = 'x';
        return {
          kind: 'unknown field',
          payload: body(),
          status: 400,
          detail: `events[${i}].${key}: unknown key`,
        };
      }
      case 4: {
        const key = r.pick(['batch', 'source', 'meta']);
        return {
          kind: 'unknown top-level key',
          payload: body({ events, [key]: 1 }),
          status: 400,
          detail: `${key}: unknown key`,
        };
      }
      case 5:
        return {
          kind: 'too many events',
          payload: body({ events: this.batch(1001 + r.int(200)) }),
          status: 400,
          detail: 'events: expected at most 1000 events per batch',
        };
      case 6: {
        const f = r.pick(['event_id', 'customer_id', 'type']);
        e[f] = 'x'.repeat(201 + r.int(20_000));
        return {
          kind: 'huge string',
          payload: body(),
          status: 400,
          detail: `events[${i}].${f}: expected ${WHAT[f]} of at most 200 characters`,
        };
      }
      case 7: {
        const bad = r.pick<unknown>([
          '2024-05-01',
          '2024-05-01T10:00:00',
          '2024-13-01T00:00:00Z',
          '2024-05-01T25:00:00Z',
          'yesterday',
          '',
          1.5,
          true,
          null,
          {},
          [],
          -1,
          8.64e15 + 1,
          2 ** 60,
        ]);
        e.occurred_at = bad;
        const range = typeof bad === 'number' && Number.isInteger(bad);
        return {
          kind: 'bad timestamp',
          payload: body(),
          status: 400,
          detail: `events[${i}].occurred_at: ${range ? EPOCH_MS : OCCURRED_AT}`,
        };
      }
      case 8: {
        const [payload, detail] = r.pick<[string, string]>([
          ['[]', 'body: expected an object with an events array, got an array'],
          ['42', 'body: expected an object with an events array, got a number'],
          ['"text"', 'body: expected an object with an events array, got a string'],
          ['{}', 'events: required'],
          ['{"events":{}}', 'events: expected an array, got an object'],
          ['{"events":"x"}', 'events: expected an array, got a string'],
          ['{"events":[]}', 'events: expected at least one event'],
          ['{"events":[7]}', 'events[0]: expected an object, got a number'],
        ]);
        return { kind: 'wrong shape', payload, status: 400, detail };
      }
      case 9: {
        const [value, got] = r.pick<[unknown, string]>([
          [[1], 'an array'],
          ['x', 'a string'],
          [5, 'a number'],
        ]);
        e.properties = value;
        return {
          kind: 'properties not an object',
          payload: body(),
          status: 400,
          detail: `events[${i}].properties: expected an object, got ${got}`,
        };
      }
      case 10: {
        // Two problems in two places: both reported, nothing stored.
        const j = events.length;
        const other = this.event();
        delete other.customer_id;
        e.event_id = '';
        events.push(other);
        return {
          kind: 'two problems',
          payload: body(),
          status: 400,
          detail: {
            lines: [
              `events[${i}].event_id: expected a non-empty event id`,
              `events[${j}].customer_id: required`,
            ],
          },
        };
      }
      default:
        return {
          kind: 'empty body',
          payload: '',
          status: 400,
          detail: 'body is empty: send a JSON document (Content-Type: application/json)',
        };
    }
  }
}

function expectProblem(res: Awaited<ReturnType<typeof post>>, bad: Bad, where: string) {
  expect(res.statusCode, `${where}: ${res.body.slice(0, 300)}`).toBe(bad.status);
  expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
  const problem = res.json() as { status: number; detail: string };
  expect(problem.status, where).toBe(bad.status);
  if (typeof bad.detail === 'string') expect(problem.detail, where).toBe(bad.detail);
  else if ('prefix' in bad.detail) {
    expect(problem.detail.startsWith(bad.detail.prefix), `${where}: ${problem.detail}`).toBe(true);
    expect(problem.detail.length, where).toBeGreaterThan(bad.detail.prefix.length);
  } else expect(problem.detail.split('\n').sort(), where).toEqual([...bad.detail.lines].sort());
}

describe('POST /v1/events fuzzed over the real server', () => {
  it(`seed ${SEED}: every malformed batch is a located 4xx problem and stores nothing; valid ones are stored once`, async () => {
    const world = new World(createRng(SEED));
    const r = world.rng;
    const kinds = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const before = await storedEvents();
      const roll = r.next();
      if (roll < 0.55) {
        const bad = world.bad();
        kinds.set(bad.kind, (kinds.get(bad.kind) ?? 0) + 1);
        expectProblem(await post(bad.payload), bad, `round ${round} (${bad.kind})`);
        expect(await storedEvents(), `round ${round} (${bad.kind}) stored something`).toBe(before);
      } else if (roll < 0.85) {
        const events = world.batch();
        // Sometimes an id repeated inside the batch: stored once, counted as a duplicate.
        const repeat = r.next() < 0.2 ? [{ ...events[0]! }] : [];
        const res = await post(JSON.stringify({ events: [...events, ...repeat] }), {
          type: r.next() < 0.1 ? 'text/plain' : 'application/json',
        });
        expect(res.statusCode, `round ${round}: ${res.body}`).toBe(200);
        expect(res.json()).toEqual({ accepted: events.length, duplicates: repeat.length });
        for (const e of events) world.accepted.set(String(e.event_id), e);
        world.sent.push(events);
        expect(await storedEvents()).toBe(before + events.length);
      } else if (world.sent.length > 0) {
        // A retry of an acknowledged batch (a client that lost the answer): nothing added.
        const events = r.pick(world.sent);
        const res = await post(JSON.stringify({ events }));
        expect(res.json()).toEqual({ accepted: 0, duplicates: events.length });
        expect(await storedEvents()).toBe(before);
      }
    }
    // Every kind of malformed body was tried.
    expect(kinds.size).toBe(12);

    // Stored exactly the acknowledged events, each once.
    const t = await wh.query({
      sql: 'SELECT event_id, count(*) AS n FROM events GROUP BY event_id',
      params: [],
    });
    const stored = new Map((t.columns.event_id ?? []).map((id, i) => [String(id), Number(t.columns.n![i])]));
    expect(stored.size).toBe(world.accepted.size);
    for (const id of world.accepted.keys()) expect(stored.get(id), id).toBe(1);

    // Nothing refused reached the live engine: members are exactly the buyers of the last 30 days.
    const expected = new Set<string>();
    for (const e of world.accepted.values()) {
      const at = typeof e.occurred_at === 'number' ? e.occurred_at : Date.parse(String(e.occurred_at));
      if (e.type === 'purchase' && at > T0 - 30 * DAY && at <= T0) expected.add(String(e.customer_id));
    }
    expect(expected.size).toBeGreaterThan(5);
    expect(rt.members('recent-buyers').sort()).toEqual([...expected].sort());
  }, 60_000);

  it('a body over 4 MiB is refused before it is read whole (413), nothing stored', async () => {
    const before = await storedEvents();
    const huge = JSON.stringify({
      events: [
        {
          event_id: 'x',
          customer_id: 'c',
          type: 't',
          occurred_at: 0,
          properties: { pad: 'x'.repeat(4 * 1024 * 1024) },
        },
      ],
    });
    expectProblem(
      await post(huge),
      { kind: 'huge', payload: '', status: 413, detail: 'Request body is too large' },
      'huge',
    );
    expect(await storedEvents()).toBe(before);
  });

  it('needs a write key: 401 without one, 403 with a read key; nothing stored', async () => {
    const before = await storedEvents();
    const body = JSON.stringify({
      events: [{ event_id: 'auth-1', customer_id: 'c1', type: 'purchase', occurred_at: T0 }],
    });
    const none = await post(body, { key: null });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ status: 401, detail: 'missing Authorization header' });
    const read = await post(body, { key: keys.read });
    expect(read.statusCode).toBe(403);
    expect(String(read.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(read.json()).toMatchObject({
      status: 403,
      detail: 'this route needs scope write; the key has scope read',
    });
    const bogus = await post(body, { key: `sgk_000000000000_${'a'.repeat(43)}` });
    expect(bogus.statusCode).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it('a server without the live runtime answers 503 with how to start one', async () => {
    const plain = await createServer({ app: { warehouse: wh, close: async () => undefined } });
    try {
      const res = await plain.fastify.inject({
        method: 'POST',
        url: '/v1/events',
        payload: '{"events":[]}',
        headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(503);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 503, detail: NO_RUNTIME });
    } finally {
      await plain.close();
    }
  });

  it('documents the batch format in /openapi.json', async () => {
    const doc = (await server.fastify.inject({ url: '/openapi.json' })).json();
    const op = doc.paths['/v1/events'].post;
    expect(op['x-scope']).toBe('write');
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['events']);
    expect(schema.properties.events.maxItems).toBe(1000);
    expect(schema.properties.events.items.required).toEqual([
      'event_id',
      'customer_id',
      'type',
      'occurred_at',
    ]);
  });
});
