import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server/index.js';
import { demoServer, type Fixture } from './server-fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await demoServer();
});
afterAll(async () => {
  await fx?.close();
});

const get = (url: string, key: string | null = fx.keys.read) =>
  fx.server.fastify.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

/** Expect a problem+json answer with this status and exact detail. */
function problem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  detail: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, detail });
}

describe('system routes', () => {
  it('health needs no key', async () => {
    const res = await get('/health', null);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: ':memory:' });
  });

  it('serves an OpenAPI 3 document built from the route schemas, and a docs page', async () => {
    const doc = (await get('/openapi.json', null)).json() as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>;
    };
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/overview',
        '/v1/customers',
        '/v1/customers/{id}',
        '/v1/runs',
        '/v1/imports',
      ]),
    );
    const params = doc.paths['/v1/customers']!.get!.parameters.map((p) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['limit', 'offset', 'segmentation', 'stage', 'min_churn_risk', 'sort']),
    );
    const html = await get('/docs', null);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('/v1/customers/{id}');
  });

  it('unknown routes are problems too', async () => {
    problem(await get('/v1/nope'), 404, 'no route GET /v1/nope');
  });
});

describe('authentication', () => {
  it('401 without a key, with a malformed header, with an unknown key', async () => {
    problem(await get('/v1/overview', null), 401, 'missing Authorization header');
    const res = await fx.server.fastify.inject({
      url: '/v1/overview',
      headers: { authorization: 'Basic abc' },
    });
    problem(res, 401, 'Authorization header must be "Bearer <key>"');
    problem(
      await get('/v1/overview', `sgk_000000000000_${'a'.repeat(43)}`),
      401,
      'invalid or revoked API key',
    );
    problem(await get('/v1/overview', `${fx.keys.read.slice(0, -1)}x`), 401, 'invalid or revoked API key');
  });

  it('403 when the scope is too small; write and admin include read', async () => {
    const res = await fx.server.fastify.inject({
      method: 'POST',
      url: '/v1/runs',
      headers: { authorization: `Bearer ${fx.keys.read}` },
      payload: {},
    });
    problem(res, 403, 'this route needs scope write; the key has scope read');
    expect((await get('/v1/runs', fx.keys.write)).statusCode).toBe(200);
    expect((await get('/v1/runs', fx.keys.admin)).statusCode).toBe(200);
  });
});

describe('dashboard overview', () => {
  it('has headline figures, an RFM grid, lifecycle counts, trends, cohorts, weekday×hour and CLV bins', async () => {
    const res = await get('/v1/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.customers).toBeGreaterThan(500);
    expect(o.buyers).toBeGreaterThan(0);
    expect(o.revenue).toBeGreaterThan(0);
    expect(o.predictedValue).toBeGreaterThan(0);
    expect(o.rfmGrid.length).toBeGreaterThan(10);
    expect(o.rfmGrid[0]).toEqual({
      r: expect.any(Number),
      f: expect.any(Number),
      customers: expect.any(Number),
      monetary: expect.any(Number),
    });
    expect(o.lifecycle.reduce((s: number, r: { customers: number }) => s + r.customers, 0)).toBe(o.customers);
    expect(o.trends.length).toBeGreaterThan(6);
    expect(o.cohorts[0].retention[0]).toBe(1);
    expect(o.weekdayHour.length).toBeGreaterThan(24);
    expect(o.clvDistribution.length).toBeGreaterThan(3);
    // Cached per run, in memory and in api_cache: the second answer, and another server's, is the same.
    expect((await get('/v1/overview')).json()).toEqual(o);
    const cached = await fx.app.warehouse.query({
      sql: "SELECT count(*) AS n FROM api_cache WHERE cache_key LIKE 'overview:1:%'",
      params: [],
    });
    expect(Number(cached.columns.n?.[0])).toBe(1);
    const other = await createServer({ app: fx.app });
    const again = await other.fastify.inject({
      url: '/v1/overview',
      headers: { authorization: `Bearer ${fx.keys.read}` },
    });
    expect(again.json()).toEqual(o);
    await other.close();
  });

  it('an unknown run is a 404 problem; a bad run number a 400', async () => {
    problem(await get('/v1/overview?run=99'), 404, 'analysis run 99 does not exist');
    problem(
      await get('/v1/overview?run=abc'),
      400,
      'query.run: Invalid input: expected number, received NaN',
    );
  });
});

describe('customers', () => {
  it('pages through customers with total and next', async () => {
    const p1 = (await get('/v1/customers?limit=10')).json();
    expect(p1.items).toHaveLength(10);
    expect(p1.next).toBe(10);
    const p2 = (await get('/v1/customers?limit=10&offset=10')).json();
    expect(p2.items[0].customer_id > p1.items[9].customer_id).toBe(true);
    expect(p2.total).toBe(p1.total);
    const last = (await get(`/v1/customers?limit=10&offset=${p1.total - 3}`)).json();
    expect(last.items).toHaveLength(3);
    expect(last.next).toBeNull();
  });

  it('filters by stage, RFM group, segment and predictions, sorted', async () => {
    const risky = (await get('/v1/customers?min_churn_risk=0.5&sort=-churn_risk&limit=20')).json();
    for (const c of risky.items) expect(c.churn_risk).toBeGreaterThanOrEqual(0.5);
    const risks = risky.items.map((c: { churn_risk: number }) => c.churn_risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    const champions = (await get('/v1/customers?rfm=Champions&limit=5')).json();
    for (const c of champions.items) expect(c.rfm_segment).toBe('Champions');
    const seg = (await get('/v1/customers?segmentation=rfm&segment=Champions&limit=5')).json();
    expect(seg.total).toBe(champions.total);
    const stage = (await get('/v1/customers?stage=at_risk&limit=1000')).json();
    for (const c of stage.items) expect(c.lifecycle_stage).toBe('at_risk');
    // An empty bound (an HTML form's untouched field) is refused, never read as 0.
    const empty = await get('/v1/customers?min_clv=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toBe('query.min_clv: expected a number');
  });

  it('rejects bad filters with exact problems', async () => {
    problem(await get('/v1/customers?limit=0'), 400, 'query.limit: Too small: expected number to be >=1');
    problem(await get('/v1/customers?limit=5000'), 400, 'query.limit: Too big: expected number to be <=1000');
    problem(
      await get('/v1/customers?sort=name'),
      400,
      'query.sort: Invalid option: expected one of "customer_id"|"clv"|"-clv"|"churn_risk"|"-churn_risk"|"monetary"|"-monetary"|"recency"|"-recency"',
    );
    problem(
      await get('/v1/customers?segment=Champions'),
      400,
      'query.segmentation and query.segment go together: give both or neither',
    );
    problem(await get('/v1/customers?segmentation=nope&segment=x'), 404, 'unknown segmentation "nope"');
  });

  it('a 360 profile has attributes, predictions with intervals, segments, history and a timeline', async () => {
    const top = (await get('/v1/customers?sort=-clv&limit=1')).json().items[0];
    const res = await get(`/v1/customers/${encodeURIComponent(top.customer_id)}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.attributes.customer_id).toBe(top.customer_id);
    expect(p.predictions.clv.value).toBeCloseTo(top.clv, 6);
    expect(p.predictions.clv.low).toBeLessThanOrEqual(p.predictions.clv.value);
    expect(p.predictions.clv.high).toBeGreaterThanOrEqual(p.predictions.clv.value);
    expect(p.segments.rfm).toBe(top.rfm_segment);
    expect(p.history).toHaveLength(1);
    expect(p.timeline.some((t: { kind: string }) => t.kind === 'order')).toBe(true);
    problem(await get('/v1/customers/nobody'), 404, 'customer nobody does not exist');
  });
});

describe('segmentations', () => {
  it('lists segmentations, counts segments, pages members', async () => {
    const list = (await get('/v1/segmentations')).json();
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['rfm', 'lifecycle']),
    );
    const rfm = (await get('/v1/segmentations/rfm')).json();
    const sum = rfm.segments.reduce((s: number, x: { customers: number }) => s + x.customers, 0);
    expect(sum).toBe(list.items[0].customers);
    const first = rfm.segments[0];
    const members = (
      await get(`/v1/segmentations/rfm/segments/${encodeURIComponent(first.segment)}/members?limit=7`)
    ).json();
    expect(members.total).toBe(first.customers);
    expect(members.items).toHaveLength(Math.min(7, first.customers));
    problem(await get('/v1/segmentations/nope'), 404, 'unknown segmentation "nope"');
    problem(
      await get('/v1/segmentations/rfm/segments/Nobody/members'),
      404,
      'segment "Nobody" does not exist in segmentation rfm (analysis run 1)',
    );
    const none = await get(
      `/v1/segmentations/rfm/segments/${encodeURIComponent(first.segment)}/members?q=no-such-customer-anywhere`,
    );
    expect(none.statusCode).toBe(200);
    expect(none.json().total).toBe(0);
    const clusterings = (await get('/v1/clusterings')).json();
    expect(Array.isArray(clusterings.items)).toBe(true);
  });

  it('exports CSV and Parquet downloads', async () => {
    const csv = await get('/v1/export?segmentation=rfm&segment=Champions');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain('segmenta-run1-Champions.csv');
    const champions = (await get('/v1/customers?rfm=Champions&limit=1')).json().total;
    expect(csv.body.trim().split('\n')).toHaveLength(champions + 1);
    const pq = await get('/v1/export?format=parquet');
    expect(pq.statusCode).toBe(200);
    expect(pq.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
    problem(
      await get('/v1/export?format=xlsx'),
      400,
      'query.format: Invalid option: expected one of "csv"|"parquet"',
    );
  });
});

describe('analysis runs', () => {
  it('lists history and shows a run', async () => {
    const runs = (await get('/v1/runs')).json();
    expect(runs.total).toBe(1);
    expect(runs.items[0].status).toBe('done');
    expect((await get('/v1/runs/1')).json().runId).toBe(1);
    problem(await get('/v1/runs/0'), 400, 'params.id: Too small: expected number to be >0');
  });

  it('starts a run in the background and reports its progress until done', async () => {
    const post = (payload: unknown) =>
      fx.server.fastify.inject({
        method: 'POST',
        url: '/v1/runs',
        headers: { authorization: `Bearer ${fx.keys.write}` },
        payload: payload as Record<string, unknown>,
      });
    problem(await post({ asOf: '2024/01/01' }), 400, 'body.asOf: expected YYYY-MM-DD');
    problem(await post({ speed: 'fast' }), 400, 'body: Unrecognized key: "speed"');
    const res = await post({ clv: false, clusters: false });
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job.status).toBe('running');
    await fx.server.jobs.settle();
    const done = (await get(`/v1/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: 1 });
    expect(done.result.runId).toBe(2);
    expect((await get('/v1/runs')).json().items[0].runId).toBe(2);
    problem(
      await get('/v1/jobs/00000000-0000-4000-8000-000000000000'),
      404,
      'job 00000000-0000-4000-8000-000000000000 does not exist',
    );
  });
});

describe('imports and data quality', () => {
  const upload = (url: string, body: string, key = fx.keys.write) =>
    fx.server.fastify.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      payload: body,
    });

  it('imports a raw CSV body and shows its report', async () => {
    const res = await upload(
      '/v1/imports?entity=customers&filename=new.csv',
      'customer_id;email;city\nX1;x1@example.com;Madrid\nX2;not-an-email;Sevilla\n',
    );
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report.rowsRead).toBe(2);
    const list = (await get('/v1/imports?limit=1')).json();
    expect(String(list.items[0].file_name)).toMatch(/new\.csv$/);
    const one = await get(`/v1/imports/${list.items[0].import_id}`);
    expect(one.statusCode).toBe(200);
    problem(await get('/v1/imports/9999'), 404, 'import 9999 does not exist');
  });

  it('rejects uploads without entity, with a bad type, empty, or with a read key', async () => {
    problem(
      await upload('/v1/imports', 'a\n1\n'),
      400,
      'query.entity: Invalid input: expected string, received undefined',
    );
    problem(
      await upload('/v1/imports?entity=customers&filename=x.xlsx', 'a\n1\n'),
      400,
      'query.filename: unsupported file type .xlsx',
    );
    problem(
      await upload('/v1/imports?entity=customers', ''),
      400,
      'body: send the file as the request body (Content-Type: application/octet-stream)',
    );
    problem(
      await upload('/v1/imports?entity=customers', 'a\n1\n', fx.keys.read),
      403,
      'this route needs scope write; the key has scope read',
    );
  });

  it('data-quality report', async () => {
    const q = (await get('/v1/quality')).json();
    expect(q.entities.length).toBeGreaterThan(2);
  });
});

describe('hidden patterns and CLV models', () => {
  it('answers statements for a segmentation', async () => {
    const res = await get('/v1/patterns?segmentation=rfm&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().statements.length).toBeLessThanOrEqual(5);
    problem(await get('/v1/patterns?segmentation=nope'), 404, 'unknown segmentation "nope"');
    problem(await get('/v1/patterns?segmentation=cluster.nope'), 404, 'unknown segmentation "cluster.nope"');
    problem(
      await get('/v1/patterns?kind=moon'),
      400,
      'query.kind: Invalid option: expected one of "weekday_hour"|"category_channel"|"creative"',
    );
    expect((await get('/v1/clv/models')).json().items.length).toBeGreaterThan(0);
  });
});

describe('customer search text', () => {
  it('finds customers by id, email or full name, case-insensitively', async () => {
    const one = (await get('/v1/customers?limit=1&sort=-monetary')).json().items[0];
    const byId = (
      await get(`/v1/customers?q=${encodeURIComponent(String(one.customer_id).toLowerCase())}`)
    ).json();
    expect(byId.items.map((c: { customer_id: string }) => c.customer_id)).toContain(one.customer_id);
    if (one.first_name && one.last_name) {
      const name = `${one.first_name} ${one.last_name}`.toUpperCase();
      const byName = (await get(`/v1/customers?q=${encodeURIComponent(name)}`)).json();
      expect(byName.items.map((c: { customer_id: string }) => c.customer_id)).toContain(one.customer_id);
    }
  });
});

describe('rule segments (read-only)', () => {
  it('lists a defined segment with its size, versions and log; unknown names are 404', async () => {
    const { defineSegment } = await import('../src/segments/index.js');
    await defineSegment(
      fx.app.warehouse,
      { name: 'viewers', conditions: [{ kind: 'event', event: 'product_view' }] },
      { update: false, now: Date.UTC(2030, 0, 1) },
    );
    const list = (await get('/v1/segments')).json();
    const buyers = list.items.find((s: { name: string }) => s.name === 'viewers');
    expect(buyers.version).toBe(1);
    expect(buyers.size).toBeGreaterThan(0);
    const one = (await get('/v1/segments/viewers')).json();
    expect(one.versions).toHaveLength(1);
    const log = (await get('/v1/segments/viewers/log?limit=3')).json();
    expect(log.items).toHaveLength(3);
    problem(await get('/v1/segments/nope'), 404, 'segment "nope" does not exist');
    problem(
      await get('/v1/segments/viewers/log?limit=0'),
      400,
      'query.limit: Too small: expected number to be >=1',
    );
  });
});
