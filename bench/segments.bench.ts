/**
 * Segments at scale (issue 6).
 * 1. Batch: 10,000,000 events and 1,000,000 customers generated in DuckDB with SQL; one segment evaluated as of an
 *    instant (compile + run the parameterised query). Target < 2 s.
 * 2. Live: 1,000,000 customers (and 1,000,000 past events) in a database file, 50 live segments; events ingested in
 *    batches of 100 by concurrent producers through the in-process runtime, each batch durable (committed with its
 *    membership changes) before it is acknowledged. Prints events/s and latencies: event → membership change
 *    decided, event → change durable in the log, and batch acknowledgement. Target >= 20,000 events/s, p99 < 10 ms.
 *
 * Run: `npx tsx bench/segments.bench.ts [batch|live|all] [events] [liveEvents]` (defaults all 10000000 300000);
 * BENCH_PRODUCERS (concurrent clients, default 32) and BENCH_CUSTOMERS (default 1000000) change the live setup.
 * The batch of 100 each client sends waits for its acknowledgement before the next: concurrency is what lets
 * batches share a commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/core/rng.js';
import { compileSegmentQuery } from '../src/segments/batch/compile-segment.js';
import type { IncomingEvent } from '../src/segments/events/event-input.js';
import { FieldCatalogue } from '../src/segments/fields/catalogue.js';
import type { MembershipChange } from '../src/segments/live/membership-change.js';
import { systemClock } from '../src/segments/live/system-clock.js';
import { parseSegment } from '../src/segments/plan/parse-segment.js';
import { type CycleStats, SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import type { ConditionInput } from '../src/segments/schema/condition.js';
import { saveSegment } from '../src/segments/store/segment-store.js';
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
        const r = await wh.query(compile(compileSegmentQuery(parsed.value.plan, end)));
        times.push(performance.now() - t);
        size = r.rowCount;
      }
      console.log(
        `batch: ${label}: ${fmt(size)} members, ${fmt(Math.min(...times))} ms (best of 3; first ${fmt(times[0]!)} ms)`,
      );
    }
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

async function liveBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-segments-live-'));
  try {
    const wh = await DuckDBWarehouse.open({ path: join(dir, 'live.duckdb'), memoryLimit: '3GB' });
    await migrate(wh);
    const now = Date.now();
    await customers(wh);
    await events(wh, 1_000_000, now - 1);
    for (const s of liveSegments()) await saveSegment(wh, s, { update: false, now });

    // Latency bookkeeping: when each customer's latest event was handed to ingest().
    const submitted = new Map<string, number>();
    const decided: number[] = [];
    const durable: number[] = [];
    let changes = 0;
    const cycles: CycleStats[] = [];
    const measure = (into: number[]) => (cs: readonly MembershipChange[]) => {
      const at = performance.now();
      for (const c of cs) {
        const s = submitted.get(c.customerId);
        if (c.source === 'event' && s !== undefined) into.push(at - s);
      }
    };
    let t = performance.now();
    const rt = await SegmentRuntime.open(wh, {
      clock: systemClock,
      onDecided: (cs) => {
        changes += cs.length;
        measure(decided)(cs);
      },
      onCommitted: measure(durable),
      onCycle: (c) => cycles.push(c),
    });
    const initial = await wh.query({ sql: 'SELECT count(*) AS n FROM segment_membership_log', params: [] });
    console.log(
      `live: started in ${fmt((performance.now() - t) / 1000, 1)} s (loaded 1,000,000 past events, evaluated 50 segments x ${fmt(rt.customerCount)} customers, logged ${fmt(Number(initial.columns.n![0]))} initial memberships)`,
    );

    const r = createRng(11);
    const producers = Number(process.env.BENCH_PRODUCERS ?? 32);
    const batchSize = 100;
    const batches = Math.floor(LIVE_EVENTS / batchSize);
    const acks: number[] = [];
    let next = 0;
    let id = 0;
    // The clients' work (building batches) is done before the clock starts: only ingestion is measured. Event
    // times are taken now, so by the time they are sent they are a few seconds late, as real events often are.
    const prepared: IncomingEvent[][] = Array.from({ length: batches }, () =>
      Array.from({ length: batchSize }, () => {
        const type = r.pick(TYPES);
        return {
          eventId: `live-${id++}`,
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
    const producer = async () => {
      while (next < batches) {
        const batch = prepared[next++]!;
        const start = performance.now();
        for (const e of batch) submitted.set(e.customerId, start);
        const res = await rt.ingest(batch);
        if (res.accepted !== batchSize)
          throw new Error(`expected ${batchSize} accepted, got ${res.accepted}`);
        acks.push(performance.now() - start);
      }
    };
    t = performance.now();
    const elu0 = performance.eventLoopUtilization();
    await Promise.all(Array.from({ length: producers }, producer));
    const seconds = (performance.now() - t) / 1000;
    const elu = performance.eventLoopUtilization(elu0).utilization;
    await rt.close();
    const stored = await wh.query({
      sql: `SELECT count(*) AS n FROM events WHERE event_id LIKE 'live-%'`,
      params: [],
    });
    console.log(
      `live: ingested ${fmt(batches * batchSize)} events in batches of ${batchSize} (${producers} concurrent producers) in ${fmt(seconds, 1)} s: ${fmt((batches * batchSize) / seconds)} events/s; ${fmt(Number(stored.columns.n![0]))} stored durably; ${fmt(changes)} membership changes; JS thread busy ${fmt(elu * 100)}%`,
    );
    const line = (label: string, xs: number[]) =>
      console.log(
        `live: ${label}: p50 ${fmt(quantile(xs, 0.5), 2)} ms, p99 ${fmt(quantile(xs, 0.99), 2)} ms (n = ${fmt(xs.length)})`,
      );
    line('event -> membership change decided', decided);
    line('event -> membership change durable in the log', durable);
    line('batch acknowledged (durable)', acks);
    const mean = (f: (c: CycleStats) => number) =>
      fmt(cycles.reduce((a, c) => a + f(c), 0) / cycles.length, 1);
    const slowest = Math.max(...cycles.map((c) => c.totalMs));
    console.log(
      `live: ${fmt(cycles.length)} group commits, mean ${mean((c) => c.events)} events and ${mean((c) => c.changes)} changes each; mean ms: store ${mean((c) => c.storeMs)}, engine ${mean((c) => c.applyMs)}, log ${mean((c) => c.persistMs)}, total with commit ${mean((c) => c.totalMs)} (slowest ${fmt(slowest)}, a WAL checkpoint)`,
    );
    await wh.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`segments bench on ${cpus().length} cores, node ${process.version}`);
if (MODE === 'batch' || MODE === 'all') await batchBench();
if (MODE === 'live' || MODE === 'all') await liveBench();
