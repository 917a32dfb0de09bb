import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../src/activation/webhooks/backoff.js';
import { WebhookDispatcher } from '../src/activation/webhooks/dispatcher.js';
import { HEADERS, sign, verify } from '../src/activation/webhooks/signature.js';
import { fetchTransport } from '../src/activation/webhooks/transport.js';
import { WebhookOutbox } from '../src/activation/webhooks/webhook-outbox.js';
import { addWebhook } from '../src/activation/webhooks/webhook-store.js';
import { createRng } from '../src/core/rng.js';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const T0 = Date.UTC(2024, 4, 1, 12);
const SECRET = 'whsec_0123456789abcdef';

/** A receiver on 127.0.0.1 that verifies signatures and keeps each idempotency key once. */
class Receiver {
  readonly seen = new Map<string, unknown>();
  requests = 0;
  private server: Server | undefined;
  /** Answer 500 to the first request of each key (a receiver that fails after reading). */
  failFirst = false;
  private failed = new Set<string>();

  constructor(
    readonly port: number,
    private readonly now: () => number,
  ) {}

  static async freePort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/segmenta`;
  }

  async up(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      this.requests++;
      const check = verify(
        SECRET,
        req.headers[HEADERS.signature] as string,
        body,
        Math.floor(this.now() / 1000),
      );
      if (!check.ok) {
        res.writeHead(401).end(check.reason);
        return;
      }
      const key = req.headers[HEADERS.idempotency] as string;
      if (this.failFirst && !this.failed.has(key)) {
        this.failed.add(key);
        res.writeHead(500).end();
        return;
      }
      if (!this.seen.has(key)) this.seen.set(key, JSON.parse(body));
      res.writeHead(204).end();
    });
  }
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function world(wh: Warehouse, port: number, options: { maxAttempts?: number } = {}) {
  const clock = new FakeClock(T0);
  const receiver = new Receiver(port, () => clock.now());
  await addWebhook(wh, { name: 'crm', url: receiver.url, secret: SECRET }, T0);
  const outbox = await WebhookOutbox.open(wh);
  const dispatcher = new WebhookDispatcher(wh, {
    clock,
    transport: fetchTransport(5_000),
    rng: createRng(42),
    maxAttempts: options.maxAttempts ?? 8,
    backoff: { baseMs: 10_000, maxMs: 600_000 },
  });
  outbox.onDeliveries(() => dispatcher.notify());
  const rt = await SegmentRuntime.open(wh, { clock, sinks: [outbox] });
  cleanup.push(async () => {
    dispatcher.stop();
    await dispatcher.idle();
    await receiver.down();
  });
  return { clock, receiver, dispatcher, rt };
}

describe('webhook signatures', () => {
  it('verifies what it signs and refuses tampering, other secrets and stale timestamps', () => {
    const body = '{"id":"wh1-1"}';
    const header = sign(SECRET, 1_714_564_800, body);
    expect(header).toMatch(/^t=1714564800,v1=[0-9a-f]{64}$/);
    expect(verify(SECRET, header, body, 1_714_564_900)).toEqual({ ok: true });
    expect(verify(SECRET, header, `${body} `, 1_714_564_900)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verify('another-secret-000', header, body, 1_714_564_900)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    expect(verify(SECRET, header, body, 1_714_564_800 + 301)).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verify(SECRET, undefined, body, 0)).toEqual({
      ok: false,
      reason: 'missing segmenta-signature header',
    });
  });

  it('backs off exponentially with seeded jitter', () => {
    const r = createRng(1);
    const o = { baseMs: 1_000, maxMs: 60_000 };
    const delays = [1, 2, 3, 4, 8, 12].map((a) => backoffDelay(a, r, o));
    expect(
      delays.map((d, i) => [
        d >= [500, 1000, 2000, 4000, 30000, 30000][i]!,
        d <= [1000, 2000, 4000, 8000, 60000, 60000][i]!,
      ]),
    ).toEqual(delays.map(() => [true, true]));
    expect([1, 2, 3].map((a) => backoffDelay(a, createRng(1), o))).toEqual(
      [1, 2, 3].map((a) => backoffDelay(a, createRng(1), o)),
    );
  });
});

describe('webhook delivery', () => {
  it('a receiver that is down for a while gets every delivery exactly once (by idempotency key) when it is back', async () => {
    const wh = await memoryWarehouse();
    cleanup.push(() => wh.close());
    const { clock, receiver, dispatcher, rt } = await world(wh, await Receiver.freePort(), {
      maxAttempts: 20,
    });
    await rt.saveSegment({
      name: 'buyers',
      conditions: [{ kind: 'event', event: 'purchase', window: { kind: 'last', hours: 1 } }],
    });
    await rt.ingest(
      ['ana', 'ben', 'cleo'].map((c, i) => ({
        eventId: `p${i}`,
        customerId: c,
        type: 'purchase',
        occurredAt: T0,
        properties: null,
      })),
    );
    await dispatcher.idle();
    expect(await dispatcher.counts()).toEqual({ pending: 3, delivered: 0, dead: 0 });

    const settle = async () => {
      await rt.flush();
      await dispatcher.idle();
    };
    // Down for 10 minutes: every retry fails (connection refused), each after its backoff, scheduled on the clock.
    await clock.run(T0 + 10 * 60_000, settle);
    expect(await count(wh, `SELECT min(attempts) FROM webhook_deliveries`)).toBeGreaterThanOrEqual(5);
    expect(await count(wh, `SELECT count(*) FROM webhook_deliveries WHERE last_error = 'ECONNREFUSED'`)).toBe(
      3,
    );

    // Up after 50 minutes, but it fails once more per delivery after reading it. At one hour the three leave
    // the segment: three more deliveries.
    await clock.run(T0 + 50 * 60_000, settle);
    await receiver.up();
    receiver.failFirst = true;
    await clock.run(T0 + 3 * 60 * 60_000, settle);
    expect(await dispatcher.counts()).toEqual({ pending: 0, delivered: 6, dead: 0 });
    const ids = await wh.query({
      sql: 'SELECT delivery_id FROM webhook_deliveries ORDER BY log_seq',
      params: [],
    });
    expect([...receiver.seen.keys()].sort()).toEqual((ids.columns.delivery_id as string[]).slice().sort());
    expect(receiver.requests).toBe(12);
    // Retries reorder arrivals; `sequence` (the log position) restores the order per customer.
    const ana = [...receiver.seen.values()]
      .map((p) => p as { customer_id: string; sequence: number; type: string })
      .filter((p) => p.customer_id === 'ana')
      .sort((a, b) => a.sequence - b.sequence);
    expect(ana.map((p) => p.type)).toEqual(['segment.entered', 'segment.exited']);
    expect(ana[1]).toMatchObject({
      segment: { name: 'buyers', version: 1 },
      occurred_at: new Date(T0 + 60 * 60_000).toISOString(),
      source: 'time',
      conditions: [{ path: 'conditions[0]', from: true, to: false }],
    });
    await rt.close();
  });

  it('dead-letters after the attempt limit and delivers again when re-driven', async () => {
    const wh = await memoryWarehouse();
    cleanup.push(() => wh.close());
    const { clock, receiver, dispatcher, rt } = await world(wh, await Receiver.freePort(), {
      maxAttempts: 3,
    });
    await rt.saveSegment({ name: 'everyone', conditions: [{ kind: 'event', event: 'visit' }] });
    await rt.ingest([{ eventId: 'v1', customerId: 'ana', type: 'visit', occurredAt: T0, properties: null }]);
    await dispatcher.idle();
    await clock.run(T0 + 60 * 60_000, () => dispatcher.idle());
    expect(await dispatcher.counts()).toEqual({ pending: 0, delivered: 0, dead: 1 });
    expect(await count(wh, `SELECT attempts FROM webhook_deliveries`)).toBe(3);
    await receiver.up();
    expect(await dispatcher.redrive()).toBe(1);
    await dispatcher.idle();
    expect(await dispatcher.counts()).toEqual({ pending: 0, delivered: 1, dead: 0 });
    expect([...receiver.seen.keys()]).toEqual(['wh1-1']);
    await rt.close();
  });

  it('loses no delivery when the process dies before sending: the outbox is sent after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-outbox-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'db.duckdb');
    const port = await Receiver.freePort();
    {
      const wh = await DuckDBWarehouse.open({ path });
      await migrate(wh);
      const { rt, dispatcher } = await world(wh, port);
      dispatcher.stop(); // the process "dies" before its dispatcher sends anything
      await rt.saveSegment({ name: 'everyone', conditions: [{ kind: 'event', event: 'visit' }] });
      await rt.ingest([
        { eventId: 'v1', customerId: 'ana', type: 'visit', occurredAt: T0, properties: null },
        { eventId: 'v2', customerId: 'ben', type: 'visit', occurredAt: T0, properties: null },
      ]);
      await wh.close();
    }
    const wh = await DuckDBWarehouse.open({ path });
    cleanup.push(() => wh.close());
    const clock = new FakeClock(T0 + 60_000);
    const receiver = new Receiver(port, () => clock.now());
    await receiver.up();
    cleanup.push(() => receiver.down());
    const dispatcher = new WebhookDispatcher(wh, { clock, transport: fetchTransport(), rng: createRng(7) });
    dispatcher.notify();
    await dispatcher.idle();
    expect([...receiver.seen.keys()].sort()).toEqual(['wh1-1', 'wh1-2']);
    expect(await dispatcher.counts()).toEqual({ pending: 0, delivered: 2, dead: 0 });
  });
});
