/**
 * The contract of every API route, walked from `ROUTES` (and checked against `/openapi.json`), so a route added
 * later is covered without writing a test for it: authentication (401/403 problems with the authenticator's own
 * messages), bad query/path values derived from the route's zod schemas (400 naming the field), bad JSON bodies
 * (400, nothing written), the OpenAPI document (every route listed, no stale paths), and a valid GET on the demo
 * shop (2xx, or a clean 404 for ids that cannot be filled). Never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentaError } from '../src/core/errors.js';
import { systemClock } from '../src/segments/live/system-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { SCOPES, type Scope } from '../src/server/auth/api-keys.js';
import { authorize } from '../src/server/auth/authenticator.js';
import { createServer, type SegmentaServer } from '../src/server/index.js';
import type { Route } from '../src/server/route.js';
import { ROUTES } from '../src/server/routes/index.js';
import { quoteIdent } from '../src/sql/dialect.js';
import {
  badBodies,
  badInputs,
  isJson,
  issuesAt,
  largeIntegers,
  paramNames,
  placeholderFor,
  realKey,
  servedRoutes,
  urlOf,
} from './helpers/route-inputs.js';
import { demoServer, type Fixture } from './server-fixture.js';

type Json = Record<string, unknown>;
type Res = Awaited<ReturnType<SegmentaServer['fastify']['inject']>>;

/**
 * Known route bugs, by `METHOD /path case` (a path ending in `*` covers every route under it): the case runs as
 * `it.fails` until the route is fixed, then fails to say the entry can go.
 */
const KNOWN_BUGS: Record<string, string> = {};

let fx: Fixture;
let rt: SegmentRuntime;
let server: SegmentaServer;
let doc: { paths: Record<string, Record<string, Json>> };
/** Real values for path parameters, by `previous-segment/:param`. */
const REAL: Record<string, string> = { 'segmentations/:name': 'rfm', 'segments/:segment': 'Champions' };

beforeAll(async () => {
  fx = await demoServer();
  // The production shape (`segmenta serve`): segment writes and events go through the live runtime.
  rt = await SegmentRuntime.open(fx.app.warehouse, { clock: systemClock });
  server = await createServer({ app: fx.app, runtime: rt });
  doc = (await call('GET', '/openapi.json', null)).json();
  const first = async (url: string, key: string) => {
    const items = ((await call('GET', url, fx.keys.read)).json() as { items: Json[] }).items;
    expect(items.length, url).toBeGreaterThan(0);
    return String(items[0]![key]);
  };
  REAL['customers/:id'] = await first('/v1/customers?limit=1', 'customer_id');
  REAL['explain/:customer'] = REAL['customers/:id'];
  REAL['runs/:id'] = await first('/v1/runs', 'runId');
  REAL['imports/:id'] = await first('/v1/imports', 'import_id');
  REAL['clusterings/:name'] = await first('/v1/clusterings', 'name');
  REAL['jobs/:id'] = server.jobs.start('contract', async () => 'done').id;
  const made = await call('POST', '/v1/segments', fx.keys.write, {
    name: 'contract',
    conditions: [{ kind: 'field', field: 'scores.churn_risk', op: '<', value: 0.3 }],
  });
  expect(made.statusCode, made.body).toBe(201);
  REAL['segments/:name'] = 'contract';
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rt?.close();
  await fx?.close();
});

function call(
  method: string,
  url: string,
  key: string | null,
  payload?: unknown,
  type?: string,
): Promise<Res> {
  const headers: Record<string, string> = key
    ? { authorization: key.includes(' ') ? key : `Bearer ${key}` }
    : {};
  if (type) headers['content-type'] = type;
  return server.fastify.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** A problem+json answer with this status; returns the problem. */
function problem(res: Res, status: number): Json {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = res.json() as Json;
  expect(p).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
  expect(String(p.detail).length).toBeGreaterThan(5);
  return p;
}

/** What the authenticator itself throws for this header and needed scope (the message every route must give). */
async function authError(header: string | undefined, needed: Scope, held: Scope | null = null) {
  const e = await authorize({ verify: async () => held }, header, needed).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SegmentaError);
  return e as SegmentaError;
}

/** Path values from the demo data; a parameter with no real value gets a placeholder its schema accepts. */
function pathValues(r: Route): { values: Record<string, string>; placeholder: boolean } {
  const values: Record<string, string> = {};
  let placeholder = false;
  for (const p of paramNames(r)) {
    const real = REAL[realKey(r, p)];
    if (real !== undefined) values[p] = real;
    else {
      placeholder = true;
      values[p] = placeholderFor(r, p);
    }
  }
  return { values, placeholder };
}
/** Row counts of every table but the answer cache, to show a refused request wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const wh = fx.app.warehouse;
  const names = await wh.query({
    sql: "SELECT table_name FROM duckdb_tables() WHERE table_name <> 'api_cache'",
    params: [],
  });
  const list = Array.from({ length: names.rowCount }, (_, i) => String(names.columns.table_name?.[i]));
  const t = await wh.query({
    sql: list.map((n, i) => `SELECT ${i} AS i, count(*) AS n FROM ${quoteIdent(n)}`).join(' UNION ALL '),
    params: [],
  });
  return Object.fromEntries(
    Array.from({ length: t.rowCount }, (_, k) => [list[Number(t.columns.i?.[k])]!, Number(t.columns.n?.[k])]),
  );
}

/** Run `send` and check the warehouse's row counts did not move. */
async function unchanged(send: () => Promise<Res>): Promise<Res> {
  const before = await rowCounts();
  const res = await send();
  expect(await rowCounts()).toEqual(before);
  return res;
}

/** KNOWN_BUGS entries that matched a case of this run. */
const USED_BUGS = new Set<string>();

/** `it`, or `it.fails` naming the bug when the case is in KNOWN_BUGS. */
function bugOr(r: Route, id: string, what: string) {
  const caseId = `${r.method} ${r.path} ${id}`;
  const entry = Object.keys(KNOWN_BUGS).find((k) => {
    const [prefix, rest] = k.split('* ');
    return k === caseId || (rest !== undefined && caseId.startsWith(prefix!) && caseId.endsWith(` ${rest}`));
  });
  if (!entry) return [it, what] as const;
  USED_BUGS.add(entry);
  return [it.fails, `${what} [known bug: ${KNOWN_BUGS[entry]}]`] as const;
}

/** The route with one query, path or JSON body value set; other path values real. */
function sendWith(r: Route, where: 'query' | 'params' | 'body', field: string, value: string): Promise<Res> {
  const { values } = pathValues(r);
  const key = r.scope ? fx.keys[r.scope] : null;
  if (where === 'body')
    return call(
      r.method,
      urlOf(r, values),
      key,
      JSON.stringify({ [field]: Number(value) }),
      'application/json',
    );
  const url =
    where === 'query' ? urlOf(r, values, { [field]: value }) : urlOf(r, { ...values, [field]: value });
  return call(r.method, url, key);
}

describe.each(ROUTES.map((route) => ({ name: `${route.method} ${route.path}`, route })))(
  '$name',
  ({ route }) => {
    const key = (s: Scope) => fx.keys[s];
    const below = route.scope ? SCOPES.slice(0, SCOPES.indexOf(route.scope)) : [];

    if (route.scope === null) {
      it('is public: answers 2xx without a key', async () => {
        const res = await call(route.method, urlOf(route, pathValues(route).values), null);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
        expect(res.statusCode).toBeLessThan(300);
      });
    } else {
      const scope = route.scope;
      const [t401, n401] = bugOr(route, '401', '401 without a key, a malformed header or an unknown key');
      t401(n401, async () => {
        const url = urlOf(route, pathValues(route).values);
        const missing = await authError(undefined, scope);
        expect(missing.hint).toMatch(/Bearer/);
        expect(problem(await unchanged(() => call(route.method, url, null)), 401)).toEqual({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: missing.message,
          hint: missing.hint,
        });
        const basic = await authError('Basic abc', scope);
        expect(problem(await call(route.method, url, 'Basic abc'), 401).detail).toBe(basic.message);
        const unknown = await authError('Bearer x', scope);
        for (const bad of [`sgk_000000000000_${'a'.repeat(43)}`, `${key(scope).slice(0, -1)}~`, 'nonsense'])
          expect(problem(await unchanged(() => call(route.method, url, bad)), 401).detail).toBe(
            unknown.message,
          );
      });
      if (below.length > 0) {
        const [t403, n403] = bugOr(route, '403', `403 naming scope ${scope} for a ${below.join(' or ')} key`);
        t403(n403, async () => {
          const url = urlOf(route, pathValues(route).values);
          for (const held of below) {
            const expected = await authError('Bearer x', scope, held);
            const p = problem(await unchanged(() => call(route.method, url, key(held))), 403);
            expect(p.detail).toBe(expected.message);
            expect(p.detail).toContain(`needs scope ${scope}`);
          }
        });
      }
    }

    for (const { where, field, value } of badInputs(route)) {
      const id = `400 ${where}.${field}=${JSON.stringify(value)}`;
      const [t, name] = bugOr(
        route,
        id,
        `400 naming ${where}.${field} for ${where}.${field}=${JSON.stringify(value)}`,
      );
      t(name, async () => {
        const res = await unchanged(() => sendWith(route, where, field, value));
        const issue = issuesAt(where === 'query' ? route.query : route.params, { [field]: value }, field)[0]!;
        expect(problem(res, 400).detail).toBe(`${where}.${field}: ${issue.message}`);
      });
    }

    for (const { where, field, value } of largeIntegers(route)) {
      const id = `large ${where}.${field}=${value}`;
      const [t, name] = bugOr(route, id, `no 500 for the valid large integer ${where}.${field}=${value}`);
      t(name, async () => {
        const send = () => sendWith(route, where, field, value);
        // A valid body may write; a query or path value past every id must not.
        const res = await (where === 'body' ? send() : unchanged(send));
        expect(res.statusCode, res.body).not.toBe(500);
        if (res.statusCode >= 400) problem(res, res.statusCode);
      });
    }

    for (const { label, payload } of badBodies(route)) {
      const [t, name] = bugOr(
        route,
        `body ${label}`,
        `400 locating the problem in a body that is ${label}, nothing written`,
      );
      t(name, async () => {
        const url = urlOf(route, pathValues(route).values);
        const res = await unchanged(() =>
          call(route.method, url, key(route.scope ?? 'read'), payload, 'application/json'),
        );
        // `body…` for the body as a whole, else the fields it lacks (`name: required`).
        const { detail } = problem(res, 400);
        expect(detail).toMatch(/^(body\b|[a-z_]+(\.[\w.]+)?: )/);
        if (isJson(payload)) expect(detail).not.toMatch(/not valid JSON/);
      });
    }
    if (route.body === 'raw') {
      const [t, name] = bugOr(route, 'empty upload', '400 for an empty upload, nothing written');
      t(name, async () => {
        const url = urlOf(route, pathValues(route).values);
        const res = await unchanged(() =>
          call(route.method, url, key(route.scope ?? 'read'), '', 'application/octet-stream'),
        );
        problem(res, 400);
      });
    }

    it('is listed in /openapi.json with its method, summary, tag, security and path parameters', () => {
      const op = doc.paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, 'missing from /openapi.json').toBeDefined();
      expect(op).toMatchObject({ summary: route.summary, tags: [route.tag] });
      expect(String(route.summary).length).toBeGreaterThan(10);
      expect(op!.security).toEqual(route.scope ? [{ apiKey: [] }] : []);
      expect(op!['x-scope']).toBe(route.scope ?? undefined);
      const inPath = (op!.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name).sort()).toEqual(paramNames(route).sort());
      expect(Object.keys(op!.responses as Json)).toContain('404');
      expect(server.fastify.hasRoute({ method: route.method, url: route.path })).toBe(true);
    });

    if (route.method === 'GET') {
      const [tGet, nGet] = bugOr(
        route,
        'get',
        'a valid request with demo values answers 2xx (a clean 404 for placeholders)',
      );
      tGet(nGet, async () => {
        const { values, placeholder } = pathValues(route);
        const res = await call('GET', urlOf(route, values), route.scope ? key(route.scope) : null);
        if (placeholder && res.statusCode === 404) return void problem(res, 404);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(200);
        expect(res.statusCode).toBeLessThan(300);
        expect(String(res.headers['content-type'])).toMatch(
          route.produces
            ? new RegExp(`^(${route.produces}|application/vnd\\.apache\\.parquet)`)
            : /^application\/json/,
        );
        if (route.response && !route.produces) {
          const parsed = route.response.safeParse(res.json());
          expect(parsed.error?.issues ?? [], 'answer does not match the documented response').toEqual([]);
        }
      });
    }

    for (const param of paramNames(route)) {
      const [t, name] = bugOr(
        route,
        `404 :${param}`,
        `404 problem when :${param} does not exist, nothing written`,
      );
      t(name, async () => {
        const values = { ...pathValues(route).values, [param]: placeholderFor(route, param) };
        const res = await unchanged(() =>
          call(route.method, urlOf(route, values), route.scope ? key(route.scope) : null),
        );
        problem(res, 404);
      });
    }
  },
);

describe('known bugs', () => {
  it('every entry names a case of this file (remove it once the route is fixed)', () => {
    expect(Object.keys(KNOWN_BUGS).filter((k) => !USED_BUGS.has(k))).toEqual([]);
  });
});

describe('/openapi.json and the served routes', () => {
  it('has no operation without a route (no stale docs)', () => {
    const routes = new Set(ROUTES.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((d) => !routes.has(d))).toEqual([]);
    expect(documented.length).toBe(ROUTES.length);
  });

  it('the server serves no API route outside ROUTES (which would skip this contract)', () => {
    const served = servedRoutes(server.fastify.printRoutes({ commonPrefix: false }));
    expect(served).toContain('GET /health');
    const routes = ROUTES.map((r) => `${r.method} ${r.path}`);
    const own = ['GET /openapi.json', 'GET /docs'];
    expect(served.filter((r) => !routes.includes(r) && !own.includes(r))).toEqual([]);
    expect(served.length).toBe(routes.length + own.length);
  });
});
