import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDispatcher } from '../src/activation/webhooks/dispatcher.js';
import { verify } from '../src/activation/webhooks/signature.js';
import { WebhookOutbox } from '../src/activation/webhooks/webhook-outbox.js';
import { createRng } from '../src/core/rng.js';
import {
  evaluateAndRecord,
  evaluateBatch,
  FakeClock,
  FieldCatalogue,
  parseSegment,
  SegmentRuntime,
  systemClock,
} from '../src/segments/index.js';
import type { SegmentDefinitionInput } from '../src/segments/schema/definition.js';
import { saveSegment } from '../src/segments/store/segment-store.js';
import { createServer } from '../src/server/index.js';
import { count } from './helpers/warehouse.js';
import { randomSegment } from './segments-random.js';
import { demoServer, type Fixture } from './server-fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await demoServer();
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

type Res = Awaited<ReturnType<Fixture['server']['fastify']['inject']>>;

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  key: string | null,
  payload?: unknown,
) =>
  fx.server.fastify.inject({
    method,
    url,
    headers: key ? { authorization: `Bearer ${key}` } : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
const get = (url: string, key: string | null = fx.keys.read) => call('GET', url, key);
const post = (url: string, payload: unknown, key: string | null = fx.keys.write) =>
  call('POST', url, key, payload);
const put = (url: string, payload: unknown, key: string | null = fx.keys.write) =>
  call('PUT', url, key, payload);

function problem(res: Res, status: number, detail: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, detail });
}

const wh = () => fx.app.warehouse;
const members = async (definition: unknown) => {
  const parsed = parseSegment(definition, await FieldCatalogue.load(wh()));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return evaluateBatch(wh(), parsed.value.plan, Date.now());
};

const VIP = {
  name: 'vip',
  description: 'low churn risk buyers with a recent checkout',
  conditions: [
    { kind: 'field', field: 'scores.churn_risk', op: '<', value: 0.3 },
    { kind: 'event', event: 'checkout', window: { kind: 'last', days: 365 } },
  ],
};

describe('authentication of the segment and webhook routes', () => {
  const routes: [
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    scope: 'read' | 'write' | 'admin',
  ][] = [
    ['GET', '/v1/segments/fields', 'read'],
    ['GET', '/v1/segments/schema', 'read'],
    ['POST', '/v1/segments/preview', 'read'],
    ['POST', '/v1/segments', 'write'],
    ['PUT', '/v1/segments/x', 'write'],
    ['GET', '/v1/segments/x/members', 'read'],
    ['GET', '/v1/segments/x/export', 'read'],
    ['GET', '/v1/segments/x/quality', 'read'],
    ['GET', '/v1/segments/x/explain/c1', 'read'],
    ['GET', '/v1/webhooks', 'admin'],
    ['POST', '/v1/webhooks', 'admin'],
    ['DELETE', '/v1/webhooks/1', 'admin'],
    ['GET', '/v1/webhooks/deliveries', 'admin'],
    ['POST', '/v1/webhooks/deliveries/redrive', 'admin'],
  ];

  it('401 without a key on every new route', async () => {
    for (const [method, url] of routes)
      problem(
        await call(method, url, null, method === 'GET' ? undefined : {}),
        401,
        'missing Authorization header',
      );
  });

  it('403 when the key scope is below the route scope', async () => {
    for (const [method, url, scope] of routes) {
      const below =
        scope === 'admin' ? (['read', 'write'] as const) : scope === 'write' ? (['read'] as const) : [];
      for (const held of below) {
        problem(
          await call(method, url, fx.keys[held], method === 'GET' ? undefined : {}),
          403,
          `this route needs scope ${scope}; the key has scope ${held}`,
        );
      }
    }
  });
});

describe('segment builder: fields, schema, preview', () => {
  it('lists the fields and the event types with their counts', async () => {
    const res = await get('/v1/segments/fields');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      fields: { name: string; source: string; type: string }[];
      eventTypes: { type: string; count: number }[];
    };
    expect(body.fields).toContainEqual({ name: 'age', source: 'customer', type: 'number' });
    expect(body.fields).toContainEqual({ name: 'scores.churn_risk', source: 'score', type: 'number' });
    expect(body.fields.map((f) => f.name)).not.toContain('customer_id');
    expect(body.eventTypes.length).toBeGreaterThan(1);
    for (const e of body.eventTypes)
      expect(e.count).toBe(await count(wh(), 'SELECT count(*) AS n FROM events WHERE type = $1', [e.type]));
    expect(body.eventTypes.reduce((s, e) => s + e.count, 0)).toBe(
      await count(wh(), 'SELECT count(*) AS n FROM events'),
    );
  });

  it('serves the JSON schema of a definition', async () => {
    const res = await get('/v1/segments/schema');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      $ref: string;
      $defs: Record<string, { properties: Record<string, unknown>; required: string[] }>;
    };
    expect(doc.$ref).toBe('#/$defs/SegmentDefinition');
    const schema = doc.$defs.SegmentDefinition!;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'conditions', 'match']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'conditions']));
  });

  it('previews the count of a draft without a name, equal to the batch evaluation, and saves nothing', async () => {
    const { name: _name, ...draft } = VIP;
    const res = await post('/v1/segments/preview', { definition: draft }, fx.keys.read);
    expect(res.statusCode).toBe(200);
    const p = res.json() as { count: number; customers: number; sample: string[]; ms: number };
    const expected = await members(VIP);
    expect(expected.length).toBeGreaterThan(0);
    expect(p.count).toBe(expected.length);
    expect(p.sample).toEqual(expected.slice(0, 10));
    expect(p.customers).toBe(
      await count(
        wh(),
        'SELECT count(*) AS n FROM (SELECT customer_id FROM customers UNION SELECT customer_id FROM events WHERE customer_id IS NOT NULL)',
      ),
    );
    expect(p.ms).toBeGreaterThanOrEqual(0);
    expect(await count(wh(), 'SELECT count(*) AS n FROM segments')).toBe(0);
  });

  it('previews an empty segment with an empty sample', async () => {
    const res = await post(
      '/v1/segments/preview',
      { definition: { conditions: [{ kind: 'field', field: 'age', op: '>', value: 1000 }] } },
      fx.keys.read,
    );
    expect(res.json()).toMatchObject({ count: 0, sample: [] });
  });

  it('400 with every located issue (and errors[]) for an invalid draft', async () => {
    const res = await post(
      '/v1/segments/preview',
      {
        definition: {
          conditions: [
            { kind: 'field', field: 'agee', op: '>', value: 3 },
            { kind: 'event', event: 'checkout', window: { kind: 'last', days: 0 } },
          ],
        },
      },
      fx.keys.read,
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as { detail: string; errors: { path: string; message: string }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.detail).toBe(body.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(body.errors.map((e) => e.path)).toContain('conditions[1].window.days');

    const unknownField = await post(
      '/v1/segments/preview',
      { definition: { conditions: [{ kind: 'field', field: 'agee', op: '>', value: 3 }] } },
      fx.keys.read,
    );
    problem(
      unknownField,
      400,
      'conditions[0].field: unknown field "agee" (did you mean "age"?); fields are customer attributes, traits.KEY or scores.COLUMN',
    );
    expect(unknownField.json().errors).toEqual([
      {
        path: 'conditions[0].field',
        message:
          'unknown field "agee" (did you mean "age"?); fields are customer attributes, traits.KEY or scores.COLUMN',
      },
    ]);
    problem(await post('/v1/segments/preview', {}, fx.keys.read), 400, 'body.definition: required');
    for (const [definition, detail] of [
      [null, 'expected an object, got a null'],
      [[], 'expected an object, got an array'],
      [42, 'expected an object, got a number'],
      [{ conditions: 'x' }, 'conditions: expected an array, got a string'],
    ] as const)
      problem(await post('/v1/segments/preview', { definition }, fx.keys.read), 400, detail);
    problem(
      await post('/v1/segments/preview', { definition: { name: 'Bad Name', conditions: [] } }, fx.keys.read),
      400,
      'name: expected 1-64 characters: lower-case letters, digits, - and _\nconditions: expected at least one condition',
    );
  });
});

describe('creating and editing rule segments', () => {
  it('creates a segment (201): size equals the preview count, it is listed with its size', async () => {
    const preview = (await post('/v1/segments/preview', { definition: VIP }, fx.keys.read)).json() as {
      count: number;
    };
    const res = await post('/v1/segments', { ...VIP, note: 'first cut' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'vip',
      version: 1,
      size: preview.count,
      status: { mode: 'batch', size: preview.count, version: 1, error: null },
    });
    expect(created.definition.conditions).toHaveLength(2);
    const list = (await get('/v1/segments')).json() as { items: { name: string; size: number }[] };
    expect(list.items.find((s) => s.name === 'vip')?.size).toBe(preview.count);
    const one = (await get('/v1/segments/vip')).json();
    expect(one.versions.map((v: { note: string | null }) => v.note)).toEqual(['first cut']);
  });

  it('409 when the name exists, pointing to PUT', async () => {
    problem(
      await post('/v1/segments', VIP),
      409,
      'segment "vip" already exists (version 1): use PUT /v1/segments/vip to save a new version',
    );
  });

  it('refuses names the builder routes take', async () => {
    problem(
      await post('/v1/segments', { ...VIP, name: 'fields' }),
      400,
      'name: "fields" is reserved by the API (/v1/segments/fields); pick another name',
    );
  });

  it('400 for an invalid definition, and nothing is saved', async () => {
    const res = await post('/v1/segments', { name: 'broken', conditions: [{ kind: 'event' }] });
    problem(res, 400, 'conditions[0].event: required');
    expect(res.json().errors).toEqual([{ path: 'conditions[0].event', message: 'required' }]);
    problem(await get('/v1/segments/broken'), 404, 'segment "broken" does not exist');
  });

  it('PUT saves a new version; the name must match; 404 when absent', async () => {
    problem(
      await put('/v1/segments/vip', { ...VIP, name: 'other' }),
      400,
      'name: the definition is named "other" but the URL says "vip"; a segment cannot be renamed',
    );
    problem(await put('/v1/segments/nope', { ...VIP, name: 'nope' }), 404, 'segment "nope" does not exist');
    const narrower = { conditions: [VIP.conditions[0]!], note: 'no checkout condition' };
    const res = await put('/v1/segments/vip', narrower);
    expect(res.statusCode).toBe(200);
    const expected = await members({ name: 'vip', conditions: narrower.conditions });
    expect(res.json()).toMatchObject({ name: 'vip', version: 2, size: expected.length });
    const one = (await get('/v1/segments/vip')).json();
    expect(one.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });
});

describe('members, export, quality, explain', () => {
  it('pages the current members with when they entered', async () => {
    const expected = await members({ name: 'vip', conditions: [VIP.conditions[0]] });
    const first = (await get('/v1/segments/vip/members?limit=5')).json();
    expect(first.segment).toBe('vip');
    expect(first.total).toBe(expected.length);
    expect(first.items.map((m: { customer_id: string }) => m.customer_id)).toEqual(expected.slice(0, 5));
    expect(Number.isFinite(Date.parse(first.items[0].since))).toBe(true);
    const second = (await get('/v1/segments/vip/members?limit=5&offset=5')).json();
    expect(second.items.map((m: { customer_id: string }) => m.customer_id)).toEqual(expected.slice(5, 10));
    const past = (await get(`/v1/segments/vip/members?offset=${expected.length}`)).json();
    expect(past).toMatchObject({ total: expected.length, items: [] });
    problem(
      await get('/v1/segments/vip/members?limit=0'),
      400,
      'query.limit: Too small: expected number to be >=1',
    );
    problem(await get('/v1/segments/nope/members'), 404, 'segment "nope" does not exist');
  });

  it('exports the members with attributes and latest scores as CSV and Parquet', async () => {
    const total = (await get('/v1/segments/vip/members')).json().total as number;
    const csv = await get('/v1/segments/vip/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="segment-vip.csv"');
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(total + 1);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 2)).toEqual(['customer_id', 'member_since']);
    expect(header).toEqual(expect.arrayContaining(['age', 'country', 'churn_risk', 'rfm_segment']));
    expect(new Set(header).size).toBe(header.length);
    const parquet = await get('/v1/segments/vip/export?format=parquet');
    expect(parquet.statusCode).toBe(200);
    expect(parquet.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
    problem(
      await get('/v1/segments/vip/export?format=xlsx'),
      400,
      'query.format: Invalid option: expected one of "csv"|"parquet"',
    );
    problem(await get('/v1/segments/nope/export'), 404, 'segment "nope" does not exist');
  });

  it('scores the segment as a yes/no labelling of the latest run', async () => {
    const res = await get('/v1/segments/vip/quality');
    expect(res.statusCode).toBe(200);
    const q = res.json();
    const runCustomers = await count(wh(), 'SELECT count(*) AS n FROM customer_scores WHERE run_id = 1');
    expect(q).toMatchObject({ segment: 'vip', runId: 1, customers: runCustomers });
    const bySegment = new Map(
      q.scorecard.segments.map((s: { segment: string; size: number }) => [s.segment, s.size]),
    );
    expect(bySegment.get('in')).toBe(q.members);
    expect(Number(bySegment.get('in')) + Number(bySegment.get('out'))).toBe(runCustomers);
    expect(q.members).toBeGreaterThan(0);
    problem(await get('/v1/segments/nope/quality'), 404, 'segment "nope" does not exist');
  });

  it('explains why a customer is or is not a member', async () => {
    const inside = (await get('/v1/segments/vip/members?limit=1')).json().items[0].customer_id as string;
    const yes = (await get(`/v1/segments/vip/explain/${inside}`)).json();
    expect(yes).toMatchObject({ segment: 'vip', version: 2, customerId: inside, member: true });
    expect(yes.conditions.children[0]).toMatchObject({ path: 'conditions[0]', value: true });
    expect(yes.lastChange).toMatchObject({ change: 'entered' });
    const outsider = (
      await members({
        name: 'x',
        conditions: [{ kind: 'not', condition: VIP.conditions[0] }],
      })
    )[0]!;
    const no = (await get(`/v1/segments/vip/explain/${outsider}?asOf=2026-01-01`)).json();
    expect(no).toMatchObject({ member: false, asOf: '2026-01-01T00:00:00.000Z' });
    problem(
      await get(`/v1/segments/vip/explain/${outsider}?asOf=yesterday`),
      400,
      'query.asOf: expected an ISO date (2024-05-01) or date-time with a zone (2024-05-01T10:00:00Z)',
    );
    problem(await get('/v1/segments/nope/explain/c1'), 404, 'segment "nope" does not exist');
    problem(await get('/v1/segments/vip/explain/nobody-here'), 404, 'customer "nobody-here" does not exist');
  });
});

describe('the rule validator over HTTP, fuzzed', () => {
  /** Seeded mutations of valid definitions: never a 500; a 400 explains itself and saves nothing. */
  const JUNK: unknown[] = [null, -1, 0, 1.5, 1e308, '', 'x', 'ES', true, [], {}, [1, 'a'], { kind: 'nope' }];

  function mutate(value: unknown, r: ReturnType<typeof createRng>): unknown {
    const copy = structuredClone(value) as Record<string, unknown>;
    // Walk to a random object or array inside, then damage one of its entries.
    const containers: (Record<string, unknown> | unknown[])[] = [];
    const walk = (v: unknown) => {
      if (v === null || typeof v !== 'object') return;
      containers.push(v as Record<string, unknown>);
      for (const x of Object.values(v)) walk(x);
    };
    walk(copy);
    const target = r.pick(containers);
    const keys = Object.keys(target);
    const key = keys.length > 0 ? r.pick(keys) : '0';
    const t = target as Record<string, unknown>;
    switch (r.int(4)) {
      case 0:
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete t[key];
        break;
      case 1:
        t[key] = r.pick(JUNK);
        break;
      case 2:
        t[`extra${r.int(3)}`] = r.pick(JUNK);
        break;
      default:
        t[key] =
          typeof t[key] === 'string'
            ? `${String(t[key])}z`
            : typeof t[key] === 'number'
              ? -Number(t[key])
              : r.pick(JUNK);
    }
    return copy;
  }

  it('answers 2xx or a 400 problem with a message, never 500, for 150 mutated definitions', async () => {
    const r = createRng(20261122);
    const sample = await wh().query({
      sql: 'SELECT customer_id FROM customers ORDER BY customer_id LIMIT 20',
      params: [],
    });
    const ids = (sample.columns.customer_id ?? []).map(String);
    const ctx = { start: Date.parse('2025-01-01T00:00:00Z'), span: 300 * 86_400_000, ids };
    const seen = { ok: 0, invalid: 0 };
    for (let i = 0; i < 150; i++) {
      const name = `fuzz-${i}`;
      const base = randomSegment(r, name, ctx);
      let candidate = mutate(base, r);
      if (r.next() < 0.3) candidate = mutate(candidate, r);
      const body =
        candidate !== null && typeof candidate === 'object' ? { ...(candidate as object), name } : candidate;
      const preview = await post('/v1/segments/preview', { definition: body }, fx.keys.read);
      const res = await post('/v1/segments', body);
      expect([200, 400], JSON.stringify(body)).toContain(preview.statusCode);
      expect([201, 400], JSON.stringify(body)).toContain(res.statusCode);
      // Preview and create agree on validity.
      expect(res.statusCode === 201, JSON.stringify(body)).toBe(preview.statusCode === 200);
      if (res.statusCode === 400) {
        seen.invalid++;
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        const p = res.json();
        expect(p.detail.length).toBeGreaterThan(0);
        expect(p.errors.length).toBeGreaterThan(0);
        expect(p.detail).toBe(
          p.errors
            .map((e: { path: string; message: string }) => (e.path ? `${e.path}: ${e.message}` : e.message))
            .join('\n'),
        );
        expect((await get(`/v1/segments/${name}`)).statusCode).toBe(404);
      } else {
        seen.ok++;
        expect(res.json().size).toBe(preview.json().count);
      }
    }
    expect(seen.invalid).toBeGreaterThan(30);
    expect(seen.ok).toBeGreaterThan(10);
  }, 120_000);
});

describe('webhooks API', () => {
  const admin = () => fx.keys.admin;

  it('registers a webhook with a generated secret (returned once, never listed)', async () => {
    const res = await post(
      '/v1/webhooks',
      { name: 'crm', url: 'https://crm.example.com/hook', segment: 'vip' },
      admin(),
    );
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      id: 1,
      name: 'crm',
      segment: 'vip',
      onEnter: true,
      onExit: true,
      active: true,
      secretGenerated: true,
    });
    expect(w.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await get('/v1/webhooks', admin());
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(w.secret);
    expect(list.json().items[0]).not.toHaveProperty('secret');
    expect(list.json().items[0]).toMatchObject({ id: 1, name: 'crm', segment: 'vip' });
    const given = await post(
      '/v1/webhooks',
      { name: 'erp', url: 'http://erp.local/x', secret: 's'.repeat(20), onEnter: false },
      admin(),
    );
    expect(given.json()).toMatchObject({
      id: 2,
      secret: 's'.repeat(20),
      secretGenerated: false,
      onEnter: false,
      segment: null,
    });
  });

  it('rejects bad input with exact messages', async () => {
    problem(
      await post('/v1/webhooks', { name: 'crm', url: 'https://x.example.com' }, admin()),
      409,
      'webhook "crm" already exists (id 1)',
    );
    problem(
      await post('/v1/webhooks', { name: 'n1', url: 'not a url' }, admin()),
      400,
      'webhook url: expected an absolute http(s) URL, got "not a url"',
    );
    problem(
      await post('/v1/webhooks', { name: 'n1', url: 'ftp://x.example.com' }, admin()),
      400,
      'webhook url: expected http or https, got ftp:',
    );
    problem(
      await post('/v1/webhooks', { name: 'n1', url: 'https://x.example.com', secret: 'short' }, admin()),
      400,
      'body.secret: Too small: expected string to have >=16 characters',
    );
    problem(
      await post('/v1/webhooks', { name: 'n1', url: 'https://x.example.com', segment: 'nope' }, admin()),
      404,
      'segment "nope" does not exist',
    );
    problem(
      await post(
        '/v1/webhooks',
        { name: 'n1', url: 'https://x.example.com', onEnter: false, onExit: false },
        admin(),
      ),
      400,
      'webhook: onEnter and onExit are both off, so it would never fire',
    );
    problem(await call('DELETE', '/v1/webhooks/99', admin()), 404, 'webhook 99 does not exist');
    // Ids are INTEGER in the warehouse: one past it is refused by the schema, not a 500 from the cast.
    const ID = 'expected a webhook id: an integer from 1 to 2147483647';
    problem(await call('DELETE', '/v1/webhooks/2147483648', admin()), 400, `params.id: ${ID}`);
    problem(await get('/v1/webhooks/deliveries?webhook=2147483648', admin()), 400, `query.webhook: ${ID}`);
    expect((await get('/v1/webhooks/deliveries?webhook=2147483647', admin())).json().total).toBe(0);
    problem(
      await get('/v1/webhooks/deliveries?status=lost', admin()),
      400,
      'query.status: Invalid option: expected one of "pending"|"delivered"|"dead"',
    );
  });

  it('a running outbox uses a webhook registered through the API; dead letters are listed and re-driven', async () => {
    const outbox = await WebhookOutbox.open(wh());
    const live = (
      await post(
        '/v1/webhooks',
        { name: 'live', url: 'https://live.example.com/in', segment: 'vip' },
        admin(),
      )
    ).json() as { id: number; secret: string };
    expect(live.id).toBe(3);
    const sent: { headers: Readonly<Record<string, string>>; body: string }[] = [];
    let up = false;
    const dispatcher = new WebhookDispatcher(wh(), {
      clock: new FakeClock(Date.now() + 60_000),
      rng: createRng(1),
      maxAttempts: 1,
      transport: {
        post: async (_url, headers, body) => {
          if (!up) return 503;
          sent.push({ headers, body });
          return 204;
        },
      },
    });
    try {
      // A new version nobody matches, recorded through the outbox: every member exits.
      const before = (await get('/v1/segments/vip/members')).json().total as number;
      expect(before).toBeGreaterThan(0);
      await saveSegment(
        wh(),
        { name: 'vip', conditions: [{ kind: 'field', field: 'age', op: '>', value: 1000 }] },
        { update: true, now: Date.now() },
      );
      const now = Date.now();
      const e = await evaluateAndRecord(wh(), 'vip', { asOf: now, now, sinks: [outbox] });
      expect(e.exited).toBe(before);
      // crm (vip, enter+exit), erp (every segment, exits only) and live (registered after the outbox opened).
      const pending = (await get('/v1/webhooks/deliveries?status=pending&limit=1', admin())).json();
      expect(pending.total).toBe(3 * before);
      expect(pending.items[0]).toMatchObject({ status: 'pending', attempts: 0 });
      expect(pending.items[0].payload.type).toBe('segment.exited');
      dispatcher.notify();
      await dispatcher.idle();
      const dead = (await get(`/v1/webhooks/deliveries?status=dead&webhook=${live.id}`, admin())).json();
      expect(dead.total).toBe(before);
      expect(dead.counts).toEqual({ pending: 0, delivered: 0, dead: 3 * before });
      expect(dead.items[0]).toMatchObject({ webhook: 'live', attempts: 1, lastError: 'HTTP 503' });

      // Re-drive one webhook's dead letters: the running dispatcher is nudged and sends them, signed.
      up = true;
      const redriven = await post('/v1/webhooks/deliveries/redrive', { webhook: live.id }, admin());
      expect(redriven.json()).toEqual({ redriven: before });
      await dispatcher.idle();
      expect(sent).toHaveLength(before);
      const nowSeconds = Math.floor((Date.now() + 60_000) / 1000);
      for (const d of sent)
        expect(verify(live.secret, d.headers['segmenta-signature'], d.body, nowSeconds)).toEqual({
          ok: true,
        });
      const after = (await get('/v1/webhooks/deliveries?limit=1', admin())).json();
      expect(after.counts).toEqual({ pending: 0, delivered: before, dead: 2 * before });
      expect((await post('/v1/webhooks/deliveries/redrive', { webhook: live.id }, admin())).json()).toEqual({
        redriven: 0,
      });
      problem(
        await post('/v1/webhooks/deliveries/redrive', { webhook: 'live' }, admin()),
        400,
        'body.webhook: expected a webhook id: an integer from 1 to 2147483647',
      );
    } finally {
      dispatcher.stop();
    }
  });

  it('DELETE deactivates: no new deliveries for it, kept in the list', async () => {
    const res = await call('DELETE', '/v1/webhooks/2', admin());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 2, name: 'erp', active: false });
    expect(res.body).not.toContain('s'.repeat(20));
    const list = (await get('/v1/webhooks', admin())).json();
    expect(list.items.map((w: { id: number; active: boolean }) => [w.id, w.active])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    // Everyone re-enters vip: deliveries for crm and live only (erp is off, and only took exits anyway).
    const outbox = await WebhookOutbox.open(wh());
    await saveSegment(wh(), VIP as SegmentDefinitionInput, { update: true, now: Date.now() });
    const now = Date.now();
    const e = await evaluateAndRecord(wh(), 'vip', { asOf: now, now, sinks: [outbox] });
    expect(e.entered).toBeGreaterThan(0);
    const pending = (await get('/v1/webhooks/deliveries?status=pending', admin())).json();
    expect(pending.total).toBe(2 * e.entered);
    const erp = (await get('/v1/webhooks/deliveries?status=pending&webhook=2', admin())).json();
    expect(erp.total).toBe(0);
  });
});

describe('writes through the live runtime (segmenta serve)', () => {
  it('creates and edits through the runtime: live status, size from the engine, members in the log', async () => {
    const runtime = await SegmentRuntime.open(wh(), { clock: systemClock });
    const server = await createServer({ app: fx.app, runtime });
    const send = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
      server.fastify.inject({
        method,
        url,
        headers: { authorization: `Bearer ${fx.keys.write}` },
        payload: payload as Record<string, unknown>,
      });
    try {
      const definition = {
        name: 'adults-es',
        conditions: [
          { kind: 'field', field: 'country', op: '=', value: 'ES' },
          { kind: 'field', field: 'age', op: '>=', value: 30 },
        ],
      };
      const expected = await members(definition);
      const created = await send('POST', '/v1/segments', definition);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        name: 'adults-es',
        version: 1,
        size: expected.length,
        status: { mode: 'live', size: expected.length },
      });
      expect(runtime.size('adults-es')).toBe(expected.length);
      const page = (await get('/v1/segments/adults-es/members?limit=1000')).json();
      expect(page.items.map((m: { customer_id: string }) => m.customer_id)).toEqual(expected);
      const edited = await send('PUT', '/v1/segments/adults-es', {
        conditions: [definition.conditions[0]],
        note: 'any age',
      });
      const wider = await members({ name: 'x', conditions: [definition.conditions[0]] });
      expect(edited.json()).toMatchObject({
        version: 2,
        size: wider.length,
        status: { mode: 'live', version: 2 },
      });
      const log = (await get('/v1/segments/adults-es/log?limit=1000')).json();
      expect(
        log.items.filter(
          (e: { source: string; version: number }) => e.source === 'definition' && e.version === 2,
        ),
      ).toHaveLength(wider.length - expected.length);
      const invalid = await send('POST', '/v1/segments', { name: 'bad', conditions: [{ kind: 'field' }] });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().errors.length).toBeGreaterThan(0);
      // A customer known only from an event exists for segments: explained, not a 404.
      const event = { event_id: 'e-only-1', customer_id: 'only-events-1', type: 'page_view', occurred_at: 0 };
      expect((await send('POST', '/v1/events', { events: [event] })).statusCode).toBe(200);
      const explained = await get('/v1/segments/adults-es/explain/only-events-1');
      expect(explained.statusCode, explained.body).toBe(200);
      expect(explained.json()).toMatchObject({ customerId: 'only-events-1', member: false });
    } finally {
      await server.close();
      await runtime.close();
    }
  });
});
