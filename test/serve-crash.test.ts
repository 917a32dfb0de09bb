import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addWebhook } from '../src/activation/webhooks/webhook-store.js';
import { openApp } from '../src/app.js';
import { generateDemoShop } from '../src/demo/index.js';
import { loadTables } from '../src/ingest/load-tables.js';
import { evaluateBatch } from '../src/segments/batch/evaluate-batch.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import { systemClock } from '../src/segments/live/system-clock.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { currentMembers } from '../src/segments/store/membership-log.js';
import { createApiKey, serve } from '../src/server/index.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import { count } from './helpers/warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-serve-crash-'));
const db = join(dir, 'shop.duckdb');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Active app users who have not churned lately: events make customers enter, and (churned) leave. */
const SEGMENT = {
  name: 'active-app-users',
  match: 'all',
  conditions: [
    {
      kind: 'event',
      event: 'test_open',
      count: { op: 'at_least', value: 3 },
      window: { kind: 'last', days: 30 },
    },
    { kind: 'not_done', event: 'test_churned', window: { kind: 'last', days: 30 } },
  ],
};
const BATCH = 40;

type Event = { event_id: string; customer_id: string; type: string; occurred_at: number };

/** A small demo shop, one live segment, a write key. */
async function setUp(): Promise<{ key: string; customers: string[] }> {
  const wh = await DuckDBWarehouse.open({ path: db });
  await migrate(wh);
  await loadTables(wh, 'demo', generateDemoShop({ seed: 11, customers: 200 }).tables);
  const rt = await SegmentRuntime.open(wh, { clock: systemClock });
  await rt.saveSegment(SEGMENT);
  await rt.close();
  const { key } = await createApiKey(wh, { scope: 'write', name: 'crash-test' });
  const t = await wh.query({
    sql: 'SELECT customer_id FROM customers ORDER BY customer_id LIMIT 120',
    params: [],
  });
  await wh.close();
  // Demo customers and customers known only from their events.
  return {
    key,
    customers: [
      ...(t.columns.customer_id ?? []).map(String),
      ...Array.from({ length: 40 }, (_, i) => `app-${i}`),
    ],
  };
}

/** Start `segmenta serve --port 0` and resolve its URL once the live runtime has loaded. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'serve', '--port', '0'],
    {
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /dashboard\s+(http:\/\/[^/\s]+)\//.exec(out)?.[1];
      if (url && /\n {2}live {7}1 live segment loaded/.test(out)) resolve({ child, url });
    });
    child.on('exit', (code, signal) => reject(new Error(`serve exited (${code ?? signal}): ${out}${err}`)));
  });
}

const post = (url: string, key: string, events: readonly Event[]) =>
  fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });

/**
 * Four clients POST batches of new events concurrently; after `acks` acknowledged batches the server is killed
 * with SIGKILL. Resolves to the acknowledged batches and those in flight (sent, no answer).
 */
async function ingestThenKill(
  server: { child: ChildProcess; url: string },
  key: string,
  customers: readonly string[],
  prefix: string,
  acks: number,
): Promise<{ acked: Event[][]; inFlight: Event[][] }> {
  const acked: Event[][] = [];
  const inFlight = new Set<Event[]>();
  let n = 0;
  let killed = false;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const client = async () => {
    while (!killed) {
      const events = Array.from({ length: BATCH }, () => {
        const i = n++;
        return {
          event_id: `${prefix}-${i}`,
          customer_id: customers[(i * 7919) % customers.length]!,
          type: i % 37 === 0 ? 'test_churned' : 'test_open',
          occurred_at: Date.now(),
        };
      });
      inFlight.add(events);
      let res: Response;
      try {
        res = await post(server.url, key, events);
      } catch {
        return; // the server is gone: this batch stays in flight
      }
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      expect(await res.json()).toEqual({ accepted: BATCH, duplicates: 0 });
      inFlight.delete(events);
      acked.push(events);
      if (acked.length >= acks && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  await exited;
  expect(server.child.signalCode).toBe('SIGKILL');
  return { acked, inFlight: [...inFlight] };
}

/** Send batches again (a client retrying); resolves to the summed answers. */
async function resend(url: string, key: string, batches: readonly Event[][]) {
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < batches.length; i += 8) {
    const answers = await Promise.all(
      batches.slice(i, i + 8).map(async (b) => {
        const res = await post(url, key, b);
        expect(res.status).toBe(200);
        return (await res.json()) as { accepted: number; duplicates: number };
      }),
    );
    for (const a of answers) {
      accepted += a.accepted;
      duplicates += a.duplicates;
    }
  }
  return { accepted, duplicates };
}

describe('segmenta serve killed mid-ingestion', () => {
  it('every acknowledged event is stored exactly once and the membership log matches the events', async () => {
    const { key, customers } = await setUp();

    const first = await ingestThenKill(await startServer(), key, customers, 'a', 25);
    const second = await startServer();
    // Acknowledged batches retried after the restart add nothing; the unanswered ones are stored at most once.
    const retry = await resend(second.url, key, first.acked);
    expect(retry).toEqual({ accepted: 0, duplicates: first.acked.length * BATCH });
    const unanswered = await resend(second.url, key, first.inFlight);
    expect(unanswered.accepted + unanswered.duplicates).toBe(first.inFlight.length * BATCH);
    const secondRun = await ingestThenKill(second, key, customers, 'b', 15);

    const third = await startServer();
    const acked = [...first.acked, ...first.inFlight, ...secondRun.acked];
    expect(await resend(third.url, key, acked)).toEqual({ accepted: 0, duplicates: acked.length * BATCH });
    await resend(third.url, key, secondRun.inFlight);
    const exit = new Promise<number | null>((resolve) => third.child.once('exit', resolve));
    third.child.kill('SIGTERM');
    expect(await exit).toBe(0);

    const wh = await DuckDBWarehouse.open({ path: db });
    try {
      const t = await wh.query({
        sql: "SELECT event_id, count(*) AS n FROM events WHERE type IN ('test_open', 'test_churned') GROUP BY event_id",
        params: [],
      });
      const stored = new Map(
        (t.columns.event_id ?? []).map((id, i) => [String(id), Number(t.columns.n![i])]),
      );
      const sent = [...acked, ...secondRun.inFlight].flat();
      expect(first.acked.length).toBeGreaterThanOrEqual(25);
      expect(stored.size).toBe(sent.length);
      for (const e of sent) expect(stored.get(e.event_id), e.event_id).toBe(1);

      // The log was committed with the events: no restart had anything to catch up.
      const startup = await wh.query({
        sql: "SELECT count(*) AS n FROM segment_membership_log WHERE source = 'startup'",
        params: [],
      });
      expect(Number(startup.columns.n![0])).toBe(0);
      // Per customer the log alternates entered, exited, entered…
      const log = await wh.query({
        sql: `SELECT customer_id, string_agg(change, ',' ORDER BY seq) AS changes FROM segment_membership_log
          GROUP BY customer_id`,
        params: [],
      });
      expect(log.rowCount).toBeGreaterThan(20);
      let exits = 0;
      for (const changes of log.columns.changes ?? []) {
        const list = String(changes).split(',');
        expect(list).toEqual(list.map((_, i) => (i % 2 === 0 ? 'entered' : 'exited')));
        exits += list.filter((c) => c === 'exited').length;
      }
      expect(exits).toBeGreaterThan(0);
      // …and the members it says equal a batch evaluation over the stored events.
      const segment = await wh.query({
        sql: 'SELECT segment_id FROM segments WHERE name = $1',
        params: [SEGMENT.name],
      });
      const id = Number(segment.columns.segment_id![0]);
      const parsed = parseSegment(SEGMENT, await FieldCatalogue.load(wh));
      if (!parsed.ok) throw new Error('the stored segment no longer parses');
      const batch = await evaluateBatch(wh, parsed.value.plan, Date.now());
      const logged = [...((await currentMembers(wh, id)).get(id) ?? [])].sort();
      expect(batch.length).toBeGreaterThan(10);
      expect(logged).toEqual([...batch].sort());
    } finally {
      await wh.close();
    }
  }, 60_000);
});

describe('serve() runs the live side', () => {
  it('events over HTTP change live membership and the webhook receiver hears of it; close() stops it all', async () => {
    const received: { type: string; customer_id: string; segment: { name: string } }[] = [];
    const receiver = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const app = await openApp({ db: ':memory:' });
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await addWebhook(app.warehouse, { name: 'crm', url: hook, secret: 'a-secret-of-16-chars' }, Date.now());
      const rt = await SegmentRuntime.open(app.warehouse, { clock: systemClock });
      await rt.saveSegment(SEGMENT);
      await rt.close();
      const { key } = await createApiKey(app.warehouse, { scope: 'write', name: 'w' });

      const s = await serve(app, { port: 0, host: '127.0.0.1' });
      expect(await s.live).toMatchObject({ segments: 1, failed: 0, events: 0 });
      const now = Date.now();
      const events = [1, 2, 3].map((i) => ({
        event_id: `w-${i}`,
        customer_id: 'C1',
        type: 'test_open',
        occurred_at: now - i,
      }));
      const res = await post(s.url, key, events);
      expect(await res.json()).toEqual({ accepted: 3, duplicates: 0 });
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toMatchObject([
        { type: 'segment.entered', customer_id: 'C1', segment: { name: 'active-app-users' } },
      ]);
      await s.close();
      await expect(fetch(`${s.url}/health`)).rejects.toThrow();
      // The runtime was closed in order: its final status is written.
      const status = await app.warehouse.query({ sql: 'SELECT size FROM segment_status', params: [] });
      expect(Number(status.columns.size![0])).toBe(1);
    } finally {
      await app.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('live: false serves without the runtime: POST /v1/events answers 503', async () => {
    const app = await openApp({ db: ':memory:' });
    try {
      const { key } = await createApiKey(app.warehouse, { scope: 'write', name: 'w' });
      const s = await serve(app, { port: 0, host: '127.0.0.1', live: false });
      expect(await s.live).toBeNull();
      const res = await post(s.url, key, [{ event_id: 'x', customer_id: 'C1', type: 't', occurred_at: 0 }]);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        'live segments are not running in this server: start it with segmenta serve',
      );
      expect(await count(app.warehouse, 'SELECT count(*) FROM events')).toBe(0);
      await s.close();
    } finally {
      await app.close();
    }
  });
});
