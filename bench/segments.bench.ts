/**
 * Segments at scale (issue 6).
 * 1. Batch: 10,000,000 events and 1,000,000 customers generated in DuckDB with SQL; one segment evaluated as of an
 *    instant the way `evaluateBatch` does it (bring the cache of event-only customers up to date, run the
 *    parameterised query). The cache is built once after the load; its time is printed apart. Target < 2 s.
 * 2. Live: 1,000,000 customers (and 1,000,000 past events) in a database file, 50 live segments; events sent in
 *    batches of 100 by concurrent clients, each batch durable (committed with its membership changes) before it is
 *    acknowledged. BENCH_TRANSPORT: `fastify` (default: the real server, `POST /v1/events` with a write key),
 *    or `inprocess` (`ingest()` called directly). Over HTTP the clients
 *    run in a worker thread with keep-alive connections. Prints events/s and latencies: batch arrival → membership
 *    change decided, → change durable in the log, batch acknowledgement; and the server's event-loop delay and GC
 *    pauses, where a tail comes from. Target >= 20,000 events/s, p99 < 10 ms.
 *
 * Run: `npx tsx bench/segments.bench.ts [batch|live|all] [events] [liveEvents]` (defaults all 10000000 300000);
 * BENCH_PRODUCERS (concurrent clients, default 32) and BENCH_CUSTOMERS (default 1000000) change the live setup;
 * BENCH_TRANSPORT and BENCH_PRODUCERS take comma-separated lists, run one after the other on the same runtime
 * (`BENCH_TRANSPORT=fastify,inprocess BENCH_PRODUCERS=32,8`); BENCH_CPU_PROFILE=path profiles the server thread.
 * Each client waits for its batch's acknowledgement before sending the next: concurrency is what lets batches
 * share a commit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  constants,
  type EventLoopUtilization,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { createRng } from '../src/core/rng.js';
import { compileSegmentQuery } from '../src/segments/batch/compile-segment.js';
import { refreshEventCustomers } from '../src/segments/batch/event-customers.js';
import { previewSegment } from '../src/segments/batch/preview-segment.js';
import type { IncomingEvent } from '../src/segments/events/event-input.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import type { MembershipChange } from '../src/segments/live/membership-change.js';
import { systemClock } from '../src/segments/live/system-clock.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import { type CycleStats, SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import type { ConditionInput } from '../src/segments/schema/condition.js';
import { saveSegment } from '../src/segments/store/segment-store.js';
import { createApiKey } from '../src/server/auth/api-keys.js';
import { createServer } from '../src/server/create-server.js';
import { compile } from '../src/sql/compile.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

const [modeArg, eventsArg, liveArg] = process.argv.slice(2);
const MODE = modeArg ?? 'all';
const EVENTS = Number(eventsArg ?? 10_000_000);
const LIVE_EVENTS = Number(liveArg ?? 300_000);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const TYPES = ['page_view', 'product_view', 'add_to_cart', 'checkout', 'purchase', 'email_open'];

const u = (...args: string[]) => `((hash(${args.join(', ')}) % 1000000) / 1000000.0)`;
const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function customers(wh: Warehouse): Promise<void> {
  await wh.execute(
    `INSERT INTO customers (customer_id, age, country, opt_in_email, signup_date)
      SELECT 'C' || lpad(CAST(i AS VARCHAR), 7, '0'), 18 + CAST(floor(${u('i', '1')} * 62) AS INTEGER),
        ['ES', 'MX', 'AR', 'CO', 'PE', 'CL'][1 + CAST(floor(${u('i', '2')} * 6) AS INTEGER)],
        ${u('i', '3')} < 0.7, DATE '2022-01-01' + CAST(floor(${u('i', '4')} * 900) AS INTEGER)
      FROM range($1) t(i)`,
    [CUSTOMERS],
  );
}

/** `n` events over the year before `end`: 20% purchases with a category and an amount, the rest browsing. */
async function events(wh: Warehouse, n: number, end: number): Promise<void> {
  await wh.execute(
    `INSERT INTO events (event_id, customer_id, occurred_at, type, properties)
      SELECT 'h' || i, 'C' || lpad(CAST(CAST(floor(pow(${u('i', '10')}, 1.3) * $2) AS BIGINT) AS VARCHAR), 7, '0'),
        $3::TIMESTAMP - to_milliseconds(CAST(floor(${u('i', '11')} * 365 * 86400000) AS BIGINT)),
        ['page_view', 'page_view', 'product_view', 'product_view', 'add_to_cart', 'checkout', 'purchase', 'purchase', 'email_open', 'page_view'][1 + CAST(floor(${u('i', '12')} * 10) AS INTEGER)] AS type,
        CAST(json_object('category', ['fashion', 'home', 'beauty', 'sports'][1 + CAST(floor(${u('i', '13')} * 4) AS INTEGER)],
          'amount', round(${u('i', '14')} * 200, 2)) AS JSON)
      FROM range($1) t(i)`,
    [n, CUSTOMERS, new Date(end)],
  );
}

async function batchBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-segments-bench-'));
  try {
    const wh = await DuckDBWarehouse.open({ path: join(dir, 'batch.duckdb'), memoryLimit: '3GB' });
    await migrate(wh);
    const end = Date.UTC(2024, 5, 1);
    let t = performance.now();
    await customers(wh);
    await events(wh, EVENTS, end);
    console.log(
      `batch: generated ${fmt(CUSTOMERS)} customers and ${fmt(EVENTS)} events in ${fmt((performance.now() - t) / 1000, 1)} s`,
    );
    t = performance.now();
    await refreshEventCustomers(wh);
    console.log(
      `batch: cache of customers known only from events built in ${fmt((performance.now() - t) / 1000, 1)} s (once after a load; then only new event rows are read)`,
    );
    const catalogue = await FieldCatalogue.load(wh);
    const rules: Record<string, ConditionInput[]> = {
      'lapsed fashion buyers (2+ fashion purchases in 90 d, none in 30 d, email opt-in)': [
        {
          kind: 'event',
          event: 'purchase',
          where: [{ property: 'category', op: '=', value: 'fashion' }],
          count: { op: 'at_least', value: 2 },
          window: { kind: 'last', days: 90 },
        },
        { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
        { kind: 'field', field: 'opt_in_email', op: '=', value: true },
      ],
      'no purchase in 60 days (every customer, 1M)': [
        { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 60 } },
      ],
      'cart then checkout within 1 h, in the last 30 d (self-join)': [
        {
          kind: 'sequence',
          steps: [{ event: 'add_to_cart' }, { event: 'checkout' }],
          within: { hours: 1 },
          window: { kind: 'last', days: 30 },
        },
      ],
    };
    for (const [label, conditions] of Object.entries(rules)) {
      const parsed = parseSegment({ name: 'bench', conditions }, catalogue);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < 3; i++) {
        t = performance.now();
        await refreshEventCustomers(wh);
        const r = await wh.query(compile(compileSegmentQuery(parsed.value.plan, end)));
        times.push(performance.now() - t);
        size = r.rowCount;
      }
      console.log(
        `batch: ${label}: ${fmt(size)} members, ${fmt(Math.min(...times))} ms (best of 3; first ${fmt(times[0]!)} ms)`,
      );
    }
    // The dashboard builder's live count: what POST /v1/segments/preview runs on every (debounced) edit.
    const drafts: Record<string, ConditionInput[]> = {
      'attributes (country ES or MX, age >= 30)': [
        { kind: 'field', field: 'country', op: 'in', values: ['ES', 'MX'] },
        { kind: 'field', field: 'age', op: '>=', value: 30 },
      ],
      'event count with a property filter (2+ fashion purchases in 90 d)': rules[
        'lapsed fashion buyers (2+ fashion purchases in 90 d, none in 30 d, email opt-in)'
      ]!.slice(0, 1),
      'carted in 30 d, no purchase in 30 d, age 25-45': [
        { kind: 'event', event: 'add_to_cart', window: { kind: 'last', days: 30 } },
        { kind: 'not_done', event: 'purchase', window: { kind: 'last', days: 30 } },
        { kind: 'field', field: 'age', op: 'between', low: 25, high: 45 },
      ],
    };
    for (const [label, conditions] of Object.entries(drafts)) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 4; i++) {
        t = performance.now();
        const parsed = parseSegment({ name: 'draft', conditions }, catalogue);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
        count = (await previewSegment(wh, parsed.value.plan, end)).count;
        times.push(performance.now() - t);
      }
      const warm = times.slice(1).sort((a, b) => a - b);
      console.log(
        `builder live count: ${label}: ${fmt(count)} customers, median ${fmt(warm[1]!)} ms (first ${fmt(times[0]!)} ms)${warm[1]! > 300 ? '  OVER 300 ms' : ''}`,
      );
    }
    console.log(
      `batch: load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    await wh.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 50 segments of every kind, over the event types and fields of the bench data. */
function liveSegments(): { name: string; conditions: ConditionInput[] }[] {
  const r = createRng(6);
  const out: { name: string; conditions: ConditionInput[] }[] = [];
  for (let i = 0; i < 50; i++) {
    const type = r.pick(TYPES);
    const days = r.pick([1, 7, 14, 30, 90]);
    const kinds: ConditionInput[] = [
      {
        kind: 'event',
        event: type,
        count: { op: 'at_least', value: 1 + r.int(3) },
        window: { kind: 'last', days },
      },
      { kind: 'not_done', event: r.pick(TYPES), window: { kind: 'last', days } },
      {
        kind: 'event',
        event: 'purchase',
        where: [{ property: 'category', op: '=', value: r.pick(['fashion', 'home', 'beauty', 'sports']) }],
        window: { kind: 'last', days },
      },
      { kind: 'last_event', event: type, window: { kind: 'older_than', days } },
      {
        kind: 'sequence',
        steps: [{ event: 'add_to_cart' }, { event: r.pick(['checkout', 'purchase']) }],
        within: { hours: 1 + r.int(24) },
      },
      { kind: 'field', field: 'age', op: r.pick(['<', '>=']), value: 25 + r.int(30) },
      {
        kind: 'field',
        field: 'country',
        op: 'in',
        values: [r.pick(['ES', 'MX', 'AR']), r.pick(['CO', 'PE', 'CL'])],
      },
      { kind: 'random_bucket', salt: `exp-${i}`, from: 0, to: 50 },
    ];
    const conditions = Array.from({ length: 1 + r.int(3) }, () => r.pick(kinds));
    out.push({ name: `live-${String(i).padStart(2, '0')}`, conditions });
  }
  return out;
}

/**
 * The load generator, in a worker thread so the server's event loop only serves: `producers` clients, each
 * POSTing its next prepared body over a keep-alive connection and waiting for the answer before the next.
 * Plain JS (evaluated as a worker), so it needs no TypeScript loader.
 */
const CLIENT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { bodies, producers, url, auth, expected } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: producers });
const target = new URL(url + '/v1/events');
let next = 0;
const acks = [];
const post = (i) => new Promise((resolve, reject) => {
  const req = http.request(target, { method: 'POST', agent, headers: {
    'content-type': 'application/json', 'x-bench-batch': String(i), ...(auth ? { authorization: auth } : {}),
  } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      if (res.statusCode !== 200) return reject(new Error('HTTP ' + res.statusCode + ': ' + text));
      const r = JSON.parse(text);
      if (r.accepted !== expected) return reject(new Error('expected ' + expected + ' accepted, got ' + text));
      resolve();
    });
  });
  req.on('error', reject);
  req.end(bodies[i]);
});
const producer = async () => {
  while (next < bodies.length) {
    const i = next++;
    const start = performance.now();
    await post(i);
    acks.push(performance.now() - start);
  }
};
const t = performance.now();
Promise.all(Array.from({ length: producers }, producer)).then(
  () => { parentPort.postMessage({ acks, seconds: (performance.now() - t) / 1000 }); agent.destroy(); },
  (e) => { parentPort.postMessage({ error: String(e && e.stack || e) }); agent.destroy(); },
);
`;

type Transport = 'fastify' | 'inprocess';

/** The real server in front of the runtime, listening on loopback; `http.Server` to watch requests arrive. */
async function startFront(
  wh: Warehouse,
  rt: SegmentRuntime,
): Promise<{ url: string; auth: string | undefined; server: HttpServer; close: () => Promise<void> }> {
  const key = await createApiKey(wh, { scope: 'write', name: 'segments-bench' });
  const app = { warehouse: wh, close: async () => {} };
  const server = await createServer({ app, runtime: rt });
  const url = await server.fastify.listen({ port: 0, host: '127.0.0.1' });
  return { url, auth: `Bearer ${key.key}`, server: server.fastify.server, close: () => server.close() };
}

async function liveBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-segments-live-'));
  try {
    const wh = await DuckDBWarehouse.open({ path: join(dir, 'live.duckdb'), memoryLimit: '3GB' });
    await migrate(wh);
    const now = Date.now();
    await customers(wh);
    await events(wh, 1_000_000, now - 1);
    for (const s of liveSegments()) await saveSegment(wh, s, { update: false, now });

    // Comma-separated lists run one after the other on the same runtime (startup takes minutes).
    const transports = (process.env.BENCH_TRANSPORT ?? 'fastify').split(',') as Transport[];
    for (const transport of transports)
      if (!['fastify', 'inprocess'].includes(transport))
        throw new Error(`BENCH_TRANSPORT must be fastify or inprocess, not ${transport}`);
    const producerCounts = (process.env.BENCH_PRODUCERS ?? '32').split(',').map(Number);
    // Latency bookkeeping. A change is timed from the moment its batch ARRIVED (in-process: ingest() called;
    // over HTTP: the server saw the request, before reading the body) to the moment the engine DECIDED it
    // (the onDecided callback, before it is durable). Each change is charged to the one batch holding its
    // customer that is still unanswered; a change whose customer is in two open batches at once is not timed.
    const arrived = new Map<string, number>();
    const open = new Map<string, number>();
    const decided: number[] = [];
    const durable: number[] = [];
    let ambiguous = 0;
    let changes = 0;
    let cycles: CycleStats[] = [];
    const measure = (into: number[], countAmbiguous: boolean) => (cs: readonly MembershipChange[]) => {
      const at = performance.now();
      for (const c of cs) {
        if (c.source !== 'event') continue;
        const s = arrived.get(c.customerId);
        if (s === undefined) continue;
        if (open.get(c.customerId) === 1) into.push(at - s);
        else if (countAmbiguous) ambiguous++;
      }
    };
    const onDecided = measure(decided, true);
    let t = performance.now();
    const rt = await SegmentRuntime.open(wh, {
      clock: systemClock,
      onDecided: (cs) => {
        changes += cs.length;
        onDecided(cs);
      },
      onCommitted: measure(durable, false),
      onCycle: (c) => cycles.push(c),
    });
    const initial = await wh.query({ sql: 'SELECT count(*) AS n FROM segment_membership_log', params: [] });
    console.log(
      `live: started in ${fmt((performance.now() - t) / 1000, 1)} s (loaded 1,000,000 past events, evaluated 50 segments x ${fmt(rt.customerCount)} customers, logged ${fmt(Number(initial.columns.n![0]))} initial memberships)`,
    );

    // BENCH_CPU_PROFILE=path: a CPU profile of the server thread during each measured run only.
    const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
    }
    let run = 0;
    for (const transport of transports)
      for (const producers of producerCounts) await measureRun(transport, producers, run++);
    await rt.close();
    await wh.close();

    /** One measured run: LIVE_EVENTS new events sent by `producers` clients through `transport`. */
    async function measureRun(transport: Transport, producers: number, run: number): Promise<void> {
      arrived.clear();
      open.clear();
      decided.length = 0;
      durable.length = 0;
      ambiguous = 0;
      changes = 0;
      cycles = [];
      const r = createRng(11 + run);
      const batchSize = 100;
      const batches = Math.floor(LIVE_EVENTS / batchSize);
      let id = 0;
      // The clients' work (building batches) is done before the clock starts: only ingestion is measured. Event
      // times are taken now, so by the time they are sent they are a few seconds late, as real events often are.
      const prepared: IncomingEvent[][] = Array.from({ length: batches }, () =>
        Array.from({ length: batchSize }, () => {
          const type = r.pick(TYPES);
          return {
            eventId: `live-${run}-${id++}`,
            customerId: `C${String(Math.floor(r.next() ** 1.3 * CUSTOMERS)).padStart(7, '0')}`,
            type,
            occurredAt: Date.now(),
            properties:
              type === 'purchase'
                ? { category: r.pick(['fashion', 'home', 'beauty', 'sports']), amount: r.int(200) }
                : { page: '/p' },
          };
        }),
      );
      const customersOf = prepared.map((b) => [...new Set(b.map((e) => e.customerId))]);
      const arrive = (i: number) => {
        const at = performance.now();
        for (const c of customersOf[i]!) {
          arrived.set(c, at);
          open.set(c, (open.get(c) ?? 0) + 1);
        }
      };
      const answered = (i: number) => {
        for (const c of customersOf[i]!) open.set(c, open.get(c)! - 1);
      };

      let acks: number[] = [];
      let seconds = 0;
      let elu = 0;
      const gc = { minor: 0, major: 0, minorMs: 0, majorMs: 0, maxMs: 0 };
      const loopDelay = monitorEventLoopDelay({ resolution: 1 });
      const gcObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const { detail } = e as { detail?: { kind?: number } };
          const major = detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
          if (major) {
            gc.major++;
            gc.majorMs += e.duration;
          } else {
            gc.minor++;
            gc.minorMs += e.duration;
          }
          gc.maxMs = Math.max(gc.maxMs, e.duration);
        }
      });
      // Garbage left by the setup (a million customers loaded, the prepared batches) is collected before the clock
      // starts, so the run pays only for its own.
      setFlagsFromString('--expose-gc');
      (runInNewContext('gc') as () => void)();
      const start = async () => {
        if (profiler) await profiler.post('Profiler.start');
        gcObserver.observe({ entryTypes: ['gc'] });
        loopDelay.enable();
        return performance.eventLoopUtilization();
      };
      const stop = async (elu0: EventLoopUtilization) => {
        elu = performance.eventLoopUtilization(elu0).utilization;
        if (profiler) {
          const { profile } = await profiler.post('Profiler.stop');
          const file = `${process.env.BENCH_CPU_PROFILE}.run${run}.cpuprofile`;
          writeFileSync(file, JSON.stringify(profile));
          console.log(`live: CPU profile of the server thread during the run: ${file}`);
        }
        gcObserver.disconnect();
        loopDelay.disable();
      };

      if (transport === 'inprocess') {
        let next = 0;
        const producer = async () => {
          while (next < batches) {
            const i = next++;
            const begin = performance.now();
            arrive(i);
            const res = await rt.ingest(prepared[i]!);
            answered(i);
            if (res.accepted !== batchSize)
              throw new Error(`expected ${batchSize} accepted, got ${res.accepted}`);
            acks.push(performance.now() - begin);
          }
        };
        t = performance.now();
        const elu0 = await start();
        await Promise.all(Array.from({ length: producers }, producer));
        seconds = (performance.now() - t) / 1000;
        await stop(elu0);
      } else {
        const front = await startFront(wh, rt);
        front.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
          const i = Number(req.headers['x-bench-batch']);
          if (!Number.isInteger(i)) return;
          arrive(i);
          res.once('finish', () => answered(i));
        });
        const bodies = prepared.map((b) =>
          JSON.stringify({
            events: b.map((e) => ({
              event_id: e.eventId,
              customer_id: e.customerId,
              type: e.type,
              occurred_at: e.occurredAt,
              properties: e.properties,
            })),
          }),
        );
        // One request before the clock starts, as a running server has had: the key is verified and cached.
        const warm = await fetch(`${front.url}/v1/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(front.auth ? { authorization: front.auth } : {}),
          },
          body: JSON.stringify({
            events: [
              {
                event_id: `warm-up-${run}`,
                customer_id: 'C0000000',
                type: 'page_view',
                occurred_at: Date.now(),
              },
            ],
          }),
        });
        if (!warm.ok) throw new Error(`warm-up request: HTTP ${warm.status} ${await warm.text()}`);
        const worker = new Worker(CLIENT_WORKER, {
          eval: true,
          workerData: { bodies, producers, url: front.url, auth: front.auth, expected: batchSize },
        });
        const elu0 = await start();
        const result = await new Promise<{ acks?: number[]; seconds?: number; error?: string }>(
          (resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
          },
        );
        await stop(elu0);
        await worker.terminate();
        await front.close();
        if (result.error) throw new Error(result.error);
        acks = result.acks!;
        seconds = result.seconds!;
      }
      await rt.flush();
      const stored = await wh.query({
        sql: 'SELECT count(*) AS n FROM events WHERE starts_with(event_id, $1)',
        params: [`live-${run}-`],
      });
      const via =
        transport === 'inprocess'
          ? 'in-process ingest()'
          : 'the fastify server (POST /v1/events, write key) over loopback, clients in a worker thread';
      console.log(
        `live: ingested ${fmt(batches * batchSize)} events in batches of ${batchSize} (${producers} concurrent clients, ${via}) in ${fmt(seconds, 1)} s: ${fmt((batches * batchSize) / seconds)} events/s; ${fmt(Number(stored.columns.n![0]))} stored durably; ${fmt(changes)} membership changes; server JS thread busy ${fmt(elu * 100)}%`,
      );
      const line = (label: string, xs: number[]) =>
        console.log(
          `live: ${label}: p50 ${fmt(quantile(xs, 0.5), 2)} ms, p99 ${fmt(quantile(xs, 0.99), 2)} ms, max ${fmt(
            xs.reduce((a, b) => Math.max(a, b), 0),
            1,
          )} ms (n = ${fmt(xs.length)})`,
        );
      line(
        `batch arrival${transport === 'inprocess' ? ' (ingest called)' : ' (request seen by the server)'} -> membership change decided`,
        decided,
      );
      if (ambiguous > 0)
        console.log(`live:   (${fmt(ambiguous)} changes not timed: their customer was in two open batches)`);
      line('batch arrival -> membership change durable in the log', durable);
      line(
        `batch acknowledged (durable; timed by the ${transport === 'inprocess' ? 'caller' : 'client'})`,
        acks,
      );
      const ms = (ns: number) => ns / 1e6;
      console.log(
        `live: server event loop delay p50 ${fmt(ms(loopDelay.percentile(50)), 1)} ms, p99 ${fmt(ms(loopDelay.percentile(99)), 1)} ms, max ${fmt(ms(loopDelay.max), 1)} ms; GC pauses: ${fmt(gc.minor)} minor (${fmt(gc.minorMs)} ms in all), ${fmt(gc.major)} major (${fmt(gc.majorMs)} ms), longest ${fmt(gc.maxMs, 1)} ms; load ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      const mean = (f: (c: CycleStats) => number) =>
        fmt(cycles.reduce((a, c) => a + f(c), 0) / cycles.length, 1);
      const slowest = cycles.reduce((a, c) => Math.max(a, c.totalMs), 0);
      console.log(
        `live: ${fmt(cycles.length)} group commits, mean ${mean((c) => c.events)} events and ${mean((c) => c.changes)} changes each; mean ms: store ${mean((c) => c.storeMs)}, engine ${mean((c) => c.applyMs)}, log ${mean((c) => c.persistMs)}, total with commit ${mean((c) => c.totalMs)} (slowest ${fmt(slowest)}, a WAL checkpoint)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`segments bench on ${cpus().length} cores, node ${process.version}`);
if (MODE === 'batch' || MODE === 'all') await batchBench();
if (MODE === 'live' || MODE === 'all') await liveBench();
