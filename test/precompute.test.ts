import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.js';
import { type App, openApp } from '../src/app.js';
import { generateDemoShop } from '../src/demo/index.js';
import { loadTables } from '../src/ingest/load-tables.js';
import { createApiKey, createServer } from '../src/server/index.js';
import { PAGE_REQUESTS } from '../src/server/page-requests.js';
import { precomputePages } from '../src/server/precompute.js';
import { count } from './helpers/warehouse.js';

let app: App;
let key: string;
let runId: number;
let customer: string;
let precomputed: Awaited<ReturnType<typeof precomputePages>>;

beforeAll(async () => {
  app = await openApp({ db: ':memory:' });
  await loadTables(app.warehouse, 'demo', generateDemoShop({ seed: 7, customers: 600 }).tables);
  // Two runs, so that pages comparing the latest two (lifecycle transitions) have something to compute.
  await analyze(app.warehouse, { clv: false, clusters: false });
  runId = (await analyze(app.warehouse, { clv: { draws: 50 } })).runId;
  precomputed = await precomputePages(app, runId);
  key = (await createApiKey(app.warehouse, { scope: 'read', name: 'test' })).key;
  const t = await app.warehouse.query({
    sql: `SELECT customer_id FROM order_lines WHERE customer_id IS NOT NULL GROUP BY customer_id
      ORDER BY count(DISTINCT order_id) DESC, customer_id LIMIT 1`,
    params: [],
  });
  customer = String(t.columns.customer_id?.[0]);
});
afterAll(async () => {
  await app?.close();
});

/** Every page request; lookups of one customer (the 360, a text search) are answered live, not kept. */
const templates = [...new Set(Object.values(PAGE_REQUESTS).flat())];
const isLookup = (u: string) => u.includes('{customer}') || /[?&]q=/.test(u);
const kept = templates.filter((u) => !isLookup(u));

/** GET each url from a new server (an empty memory cache: what a restarted server answers). */
async function answers(urls: readonly string[]): Promise<Map<string, { status: number; body: unknown }>> {
  const server = await createServer({ app });
  try {
    const out = new Map<string, { status: number; body: unknown }>();
    for (const url of urls) {
      const res = await server.fastify.inject({
        url: url.replace('{customer}', encodeURIComponent(customer)),
        headers: { authorization: `Bearer ${key}` },
      });
      out.set(url, { status: res.statusCode, body: res.json() });
    }
    return out;
  } finally {
    await server.close();
  }
}

/** Numbers to 10 significant digits: sums of doubles differ in the last bits from one computation to the next. */
const rounded = (v: unknown): unknown =>
  typeof v === 'number'
    ? Number(v.toPrecision(10))
    : Array.isArray(v)
      ? v.map(rounded)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]))
        : v;

/** An answer without the moment it was computed (the quality report says when it was generated). */
const timeless = (body: unknown) => {
  const { generatedAt: _, ...rest } = body as Record<string, unknown>;
  return rounded(rest);
};

describe('precomputed dashboard pages', () => {
  it('requests every page request once, all answered', () => {
    expect(kept.length).toBeGreaterThan(3);
    expect(precomputed.failed).toEqual([]);
    expect(precomputed.requests).toBe(templates.length);
    expect(precomputed.runId).toBe(runId);
  });

  it('answers every page request that is not a one-customer lookup from api_cache', async () => {
    // Mark every kept answer: a server that reads an answer back from api_cache returns the mark.
    const before = await answers(kept);
    await app.warehouse.execute(
      `UPDATE api_cache SET value = json_merge_patch(value, '{"precomputedMark": true}')`,
    );
    const marked = await answers(kept);
    for (const url of kept) {
      const answer = marked.get(url) as { status: number; body: { precomputedMark?: boolean } };
      expect(answer.status, url).toBe(200);
      expect(answer.body.precomputedMark, url).toBe(true);
    }
    // And the kept answers are the ones computed from scratch.
    await app.warehouse.execute('DELETE FROM api_cache');
    const fresh = await answers(kept);
    for (const url of kept)
      expect(timeless(fresh.get(url)?.body), url).toEqual(timeless(before.get(url)?.body));
  });

  it('answers a 360 from the pre-aggregated timeline exactly as from the sources', async () => {
    const url = '/v1/customers/{customer}';
    const fromTimeline = (await answers([url])).get(url)!;
    expect(fromTimeline.status).toBe(200);
    const timeline = (fromTimeline.body as { timeline: { kind: string }[] }).timeline;
    expect(timeline.filter((e) => e.kind === 'order').length).toBeGreaterThan(1);
    expect(
      await count(app.warehouse, 'SELECT count(*) FROM customer_timeline WHERE customer_id = $1', [customer]),
    ).toBeGreaterThan(1);
    // Without the table's marks, the sources are read alone.
    await app.warehouse.execute('DELETE FROM customer_timeline_sources');
    expect(rounded((await answers([url])).get(url))).toEqual(rounded(fromTimeline));
  });

  it('adds source rows newer than the timeline, and reads the sources alone after a delete', async () => {
    await precomputePages(app, runId);
    const url = '/v1/customers/{customer}';
    // A newer line of a new order and one of an existing order (the two parts of one order are merged).
    const last = await app.warehouse.query({
      sql: 'SELECT order_id FROM order_lines WHERE customer_id = $1 ORDER BY ordered_at DESC LIMIT 1',
      params: [customer],
    });
    const existing = String(last.columns.order_id?.[0]);
    for (const [order, line] of [
      ['NEW-1', 1],
      [existing, 99],
    ] as const)
      await app.warehouse.execute(
        `INSERT INTO order_lines (order_id, line_no, customer_id, ordered_at, category, quantity, amount, channel, status)
          VALUES ($1, $2, $3, TIMESTAMP '2030-01-01 10:00:00', 'late', 1, 5, 'web', 'purchase')`,
        [order, line, customer],
      );
    const withTail = (await answers([url])).get(url)!;
    const orders = (withTail.body as { timeline: { kind: string; order_id?: string; categories?: string }[] })
      .timeline;
    expect(orders[0]).toMatchObject({ kind: 'order', order_id: 'NEW-1', categories: 'late' });
    expect(orders.filter((e) => e.order_id === existing)).toHaveLength(1);
    expect(orders.find((e) => e.order_id === existing)?.categories).toContain('late');
    await app.warehouse.execute('DELETE FROM customer_timeline_sources');
    const live = (await answers([url])).get(url)!;
    // Same entries; the categories of the merged order may be listed in another order.
    const norm = (b: unknown) =>
      (b as { timeline: { categories?: string }[] }).timeline.map((e) => ({
        ...e,
        categories: e.categories?.split(', ').sort().join(', '),
      }));
    expect(rounded(norm(withTail.body))).toEqual(rounded(norm(live.body)));
    // A delete in the covered rows: the marks no longer hold, the sources are read.
    await precomputePages(app, runId);
    await app.warehouse.execute("DELETE FROM order_lines WHERE order_id = 'NEW-1'");
    const after = (await answers([url])).get(url)!;
    expect(
      (after.body as { timeline: { order_id?: string }[] }).timeline.some((e) => e.order_id === 'NEW-1'),
    ).toBe(false);
  });

  it('keeps the quality report per latest import and row counts, replacing the older one', async () => {
    await answers(['/v1/quality']);
    const keys = async () =>
      (
        await app.warehouse.query({
          sql: "SELECT cache_key FROM api_cache WHERE starts_with(cache_key, 'quality:')",
          params: [],
        })
      ).columns.cache_key?.map(String) ?? [];
    const first = await keys();
    expect(first).toHaveLength(1);
    await app.warehouse.execute(
      `INSERT INTO events (event_id, customer_id, occurred_at, type) VALUES ('late-1', $1, now(), 'visit')`,
      [customer],
    );
    const q = (await answers(['/v1/quality'])).get('/v1/quality')!;
    expect(q.status).toBe(200);
    const second = await keys();
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first[0]);
  });
});
