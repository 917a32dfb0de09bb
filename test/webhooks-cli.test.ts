import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDispatcher } from '../src/activation/webhooks/dispatcher.js';
import { WebhookOutbox } from '../src/activation/webhooks/webhook-outbox.js';
import { createRng } from '../src/core/rng.js';
import { evaluateAndRecord, FakeClock } from '../src/segments/index.js';
import { saveSegment } from '../src/segments/store/segment-store.js';
import { columnTable } from '../src/warehouse/column-table.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import { cli, fails } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-webhooks-cli-'));
const db = join(dir, 'db.duckdb');

beforeAll(async () => {
  const wh = await DuckDBWarehouse.open({ path: db });
  await migrate(wh);
  await wh.append(
    'customers',
    columnTable({ customer_id: ['ana', 'ben', 'cleo'], country: ['ES', 'MX', 'ES'] }),
  );
  await saveSegment(
    wh,
    { name: 'spain', conditions: [{ kind: 'field', field: 'country', op: '=', value: 'ES' }] },
    { update: false, now: Date.now() },
  );
  await wh.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Record the segment through the outbox and let a dispatcher whose receiver is down dead-letter everything. */
async function deadLetters(): Promise<void> {
  const wh = await DuckDBWarehouse.open({ path: db });
  try {
    const outbox = await WebhookOutbox.open(wh);
    const now = Date.now();
    await evaluateAndRecord(wh, 'spain', { asOf: now, now, sinks: [outbox] });
    const dispatcher = new WebhookDispatcher(wh, {
      clock: new FakeClock(now + 1000),
      rng: createRng(1),
      maxAttempts: 1,
      transport: { post: async () => 500 },
    });
    dispatcher.notify();
    await dispatcher.idle();
    dispatcher.stop();
  } finally {
    await wh.close();
  }
}

describe('segmenta webhooks', () => {
  it('explains signatures in --help', async () => {
    const help = await cli('webhooks', '--help');
    expect(help.stdout).toContain('segmenta-signature: t=<unix seconds>,v1=<hex HMAC-SHA256');
    for (const sub of ['add', 'list', 'remove', 'deliveries', 'redrive']) expect(help.stdout).toContain(sub);
    expect((await cli('webhooks', 'add', '--help')).stdout).toContain('idempotency-key');
  });

  it('adds webhooks (a generated secret printed once), lists them without secrets', async () => {
    const added = JSON.parse(
      (
        await cli(
          '--db',
          db,
          'webhooks',
          'add',
          '--name',
          'crm',
          '--url',
          'https://crm.example.com/in',
          '--segment',
          'spain',
          '--json',
        )
      ).stdout,
    );
    expect(added).toMatchObject({
      id: 1,
      name: 'crm',
      segmentId: 1,
      onEnter: true,
      onExit: true,
      active: true,
    });
    expect(added.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = await cli(
      '--db',
      db,
      'webhooks',
      'add',
      '--name',
      'exits',
      '--url',
      'http://localhost:9/x',
      '--secret',
      'a-secret-of-20-chars',
      '--no-enter',
    );
    expect(text.stdout).toBe(
      'added webhook 2 exits → http://localhost:9/x\nsecret: a-secret-of-20-chars\n(as given)\n',
    );
    const list = await cli('--db', db, 'webhooks', 'list');
    expect(list.stdout).not.toContain(added.secret);
    expect(list.stdout).not.toContain('a-secret-of-20-chars');
    expect(list.stdout).toBe(
      [
        '1  active    crm  https://crm.example.com/in  spain  on enter+exit',
        '2  active    exits  http://localhost:9/x  every segment  on exit',
        'deliveries: 0 pending, 0 delivered, 0 dead',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await cli('--db', db, 'webhooks', 'list', '--json')).stdout);
    expect(json.items[0]).not.toHaveProperty('secret');
  });

  it('fails with exact messages and exit codes', async () => {
    const dup = await fails('--db', db, 'webhooks', 'add', '--name', 'crm', '--url', 'https://x.example.com');
    expect(dup.code).toBe(5);
    expect(dup.stderr).toContain('error: webhook "crm" already exists (id 1)');
    const url = await fails('--db', db, 'webhooks', 'add', '--name', 'n', '--url', 'x.example.com');
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('error: webhook url: expected an absolute http(s) URL, got "x.example.com"');
    const seg = await fails(
      '--db',
      db,
      'webhooks',
      'add',
      '--name',
      'n',
      '--url',
      'https://x.io',
      '--segment',
      'nope',
    );
    expect(seg.code).toBe(4);
    expect(seg.stderr).toContain('error: segment "nope" does not exist');
    const status = await fails('--db', db, 'webhooks', 'deliveries', '--status', 'lost');
    expect(status.code).toBe(2);
    expect(status.stderr).toBe('error: --status lost: expected one of pending, delivered, dead\n');
    const gone = await fails('--db', db, 'webhooks', 'remove', '99');
    expect(gone.code).toBe(4);
    expect(gone.stderr).toContain('error: webhook 99 does not exist');
    const id = await fails('--db', db, 'webhooks', 'remove', 'crm');
    expect(id.code).toBe(2);
    expect(id.stderr).toBe('error: webhook id crm: expected a positive whole number\n');
  });

  it('lists dead deliveries and re-drives them', async () => {
    await deadLetters();
    // ana and cleo entered spain: crm gets both (enter), exits gets none (enter is off).
    const dead = JSON.parse(
      (await cli('--db', db, 'webhooks', 'deliveries', '--status', 'dead', '--json')).stdout,
    );
    expect(dead.total).toBe(2);
    expect(dead.items.map((d: { webhook: string; lastError: string }) => [d.webhook, d.lastError])).toEqual([
      ['crm', 'HTTP 500'],
      ['crm', 'HTTP 500'],
    ]);
    expect(dead.items.map((d: { payload: { customer_id: string } }) => d.payload.customer_id).sort()).toEqual(
      ['ana', 'cleo'],
    );
    const text = await cli('--db', db, 'webhooks', 'deliveries', '--limit', '1');
    expect(text.stdout).toMatch(
      /^wh1-\d+ {2}dead {7}crm {2}attempts 1 {2}created \S+ {2}last error: HTTP 500\n… 1 more \(--limit\)\n$/,
    );
    const one = await cli('--db', db, 'webhooks', 'redrive', '--delivery', dead.items[0].id);
    expect(one.stdout).toBe('re-drove 1 delivery: sent by the next segmenta serve\n');
    const rest = JSON.parse(
      (await cli('--db', db, 'webhooks', 'redrive', '--webhook', '1', '--json')).stdout,
    );
    expect(rest).toEqual({ redriven: 1 });
    expect((await cli('--db', db, 'webhooks', 'redrive')).stdout).toBe('no dead deliveries to re-drive\n');
    const pending = JSON.parse(
      (await cli('--db', db, 'webhooks', 'deliveries', '--status', 'pending', '--json')).stdout,
    );
    expect(pending.items.map((d: { attempts: number }) => d.attempts)).toEqual([0, 0]);
  });

  it('removes (deactivates) a webhook', async () => {
    expect((await cli('--db', db, 'webhooks', 'remove', '1')).stdout).toBe('deactivated webhook 1 crm\n');
    expect((await cli('--db', db, 'webhooks', 'list')).stdout).toContain('1  inactive  crm');
  });
});
