import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { openApp } from '../src/app.js';
import { FakeClock } from '../src/segments/live/fake-clock.js';
import { SegmentRuntime } from '../src/segments/runtime/segment-runtime.js';
import { createApiKey, createServer, type SegmentaServer } from '../src/server/index.js';
import { problem } from './helpers/inject.js';
import { count } from './helpers/warehouse.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');

let app: App;
let rt: SegmentRuntime;
let server: SegmentaServer;
let keys: { read: string; write: string };

beforeAll(async () => {
  app = await openApp({ db: ':memory:' });
  rt = await SegmentRuntime.open(app.warehouse, { clock: new FakeClock(T0) });
  await rt.saveSegment({
    name: 'signed-up',
    match: 'all',
    conditions: [{ kind: 'event', event: 'signup' }],
  });
  server = await createServer({ app, runtime: rt });
  const [read, write] = await Promise.all(
    (['read', 'write'] as const).map((scope) => createApiKey(app.warehouse, { scope, name: scope })),
  );
  keys = { read: read!.key, write: write!.key };
});
afterAll(async () => {
  await server?.close();
  await rt?.close();
  await app?.close();
});

type Part = { name: string; value: string } | { name: string; filename: string; content: string | Buffer };

/** A multipart/form-data body as a browser or `curl -F` sends it. */
function form(parts: readonly Part[]): { payload: Buffer; type: string } {
  const boundary = `----segmenta${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'filename' in p
        ? `content-disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\ncontent-type: application/octet-stream`
        : `content-disposition: form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`));
    chunks.push(Buffer.from('filename' in p ? p.content : p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const upload = (
  parts: readonly Part[],
  options: { key?: string; url?: string; on?: SegmentaServer } = {},
) => {
  const { payload, type } = form(parts);
  return (options.on ?? server).fastify.inject({
    method: 'POST',
    url: options.url ?? '/v1/imports',
    payload,
    headers: { authorization: `Bearer ${options.key ?? keys.write}`, 'content-type': type },
  });
};

const ORDERS = [
  'order_id,customer_id,date,amount',
  '1,a,2024-01-02,10',
  '2,"b,2024-01-03,11', // unclosed quote: line 3 rejected
  '3,c,2024-01-04,12',
  '4,d,not-a-date,13', // bad date
  '5,e,2024-01-06,14',
  '1,a,2024-01-02,10', // repeats line 2
  '',
].join('\n');

describe('POST /v1/imports as a multipart form', () => {
  it('imports the file field with the entity field (file first, as curl -F sends it)', async () => {
    const before = await count(app.warehouse, 'SELECT count(*) FROM customers');
    const res = await upload([
      {
        name: 'file',
        filename: 'new customers.csv',
        content: 'customer_id;email;city\nX1;x1@example.com;Madrid\nX2;x2@example.com;Sevilla\n',
      },
      { name: 'entity', value: 'customers' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      entity: 'customers',
      file: 'new_customers.csv',
      rowsRead: 2,
      accepted: 2,
    });
    expect(report.quarantine).toEqual([]);
    expect(await count(app.warehouse, 'SELECT count(*) FROM customers')).toBe(before + 2);
    const history = await server.fastify.inject({
      url: '/v1/imports?limit=1',
      headers: { authorization: `Bearer ${keys.read}` },
    });
    expect(history.json().items[0].import_id).toBe(report.importId);
    expect(history.json().items[0].file_name).toMatch(/new_customers\.csv$/);
  });

  it('a bad CSV: rows read = accepted + rejected + duplicates, and the rows set aside come back with line and reason', async () => {
    const res = await upload([
      { name: 'entity', value: 'orders' },
      { name: 'file', filename: 'orders.csv', content: ORDERS },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect([r.rowsRead, r.accepted, r.quarantined, r.duplicates]).toEqual([6, 3, 2, 1]);
    expect(r.quarantine.map((x: { line: number; kind: string }) => [x.line, x.kind])).toEqual([
      [3, 'rejected'],
      [5, 'rejected'],
      [7, 'duplicate'],
    ]);
    expect(r.quarantine[0]).toMatchObject({ column_name: null, reason: 'unclosed quote starting on line 3' });
    expect(r.quarantine[1]).toMatchObject({
      column_name: 'date',
      raw: expect.stringContaining('not-a-date'),
    });
    expect(r.quarantine[1].reason).toMatch(/^not a date: "not-a-date"/);
    expect(r.quarantine[2].reason).toBe('duplicate of line 2');
    expect(await count(app.warehouse, 'SELECT count(*) FROM orders WHERE order_id IN (1, 3, 5)')).toBe(3);
  });

  it('events imported from a file reach the live segments, and their ids count as already ingested', async () => {
    const jsonl = [
      { id: 'imp-1', user_id: 'L1', timestamp: '2024-05-01T10:00:00Z', event: 'signup' },
      { id: 'imp-2', user_id: 'L2', timestamp: '2024-05-02T10:00:00Z', event: 'signup' },
      { id: 'imp-3', user_id: 'L2', timestamp: '2024-05-03T10:00:00Z', event: 'page_view' },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const res = await upload([
      { name: 'entity', value: 'events' },
      { name: 'file', filename: 'events.jsonl', content: jsonl },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rowsRead: 3, accepted: 3 });
    expect(rt.members('signed-up').sort()).toEqual(['L1', 'L2']);
    const again = await server.fastify.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        events: [
          { event_id: 'imp-1', customer_id: 'L1', type: 'signup', occurred_at: '2024-05-01T10:00:00Z' },
          { event_id: 'api-1', customer_id: 'L3', type: 'signup', occurred_at: '2024-05-04T10:00:00Z' },
        ],
      }),
    });
    expect(again.json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(rt.members('signed-up').sort()).toEqual(['L1', 'L2', 'L3']);
  });

  it('a browser form over real HTTP (fetch + FormData), 5,000 rows', async () => {
    const url = await server.fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      const rows = Array.from({ length: 5000 }, (_, i) => `S${i};s${i}@example.com;Bilbao`);
      const body = new FormData();
      body.set('entity', 'customers');
      body.set('file', new Blob([`customer_id;email;city\n${rows.join('\n')}\n`]), 'streamed.csv');
      const res = await fetch(`${url}/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.write}` },
        body,
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ file: 'streamed.csv', rowsRead: 5000, accepted: 5000 });
    } finally {
      await server.fastify.server.close();
    }
  });

  it('refuses forms without an entity, without a file, with an empty or unsupported file, or a read key', async () => {
    const imports = () => count(app.warehouse, 'SELECT count(*) FROM imports');
    const before = await imports();
    problem(
      await upload([{ name: 'file', filename: 'a.csv', content: 'customer_id\nQ1\n' }]),
      400,
      'entity: required: a form field entity=orders (or ?entity=orders)',
    );
    problem(
      await upload([{ name: 'entity', value: 'customers' }]),
      400,
      'file: required: send the file in the form field "file" (curl -F file=@orders.csv -F entity=orders)',
    );
    problem(
      await upload([
        { name: 'entity', value: 'customers' },
        { name: 'upload', filename: 'a.csv', content: 'customer_id\nQ1\n' },
      ]),
      400,
      'form field upload: send the file in the field "file"',
    );
    problem(
      await upload([
        { name: 'entity', value: 'customers' },
        { name: 'file', filename: 'a.csv', content: '' },
      ]),
      400,
      'file: a.csv is empty',
    );
    problem(
      await upload([
        { name: 'entity', value: 'customers' },
        { name: 'file', filename: 'book.xlsx', content: 'PK...' },
      ]),
      400,
      'file: unsupported file type .xlsx',
    );
    problem(
      await upload(
        [
          { name: 'entity', value: 'customers' },
          { name: 'file', filename: 'a.csv', content: 'customer_id\nQ1\n' },
        ],
        { key: keys.read },
      ),
      403,
      'this route needs scope write; the key has scope read',
    );
    expect(await imports()).toBe(before);
  });

  it('a file over the upload limit is cut off while streaming (413), nothing imported', async () => {
    const small = await createServer({ app, runtime: rt, bodyLimit: 1_000 });
    try {
      const before = await count(app.warehouse, 'SELECT count(*) FROM imports');
      const res = await upload(
        [
          { name: 'entity', value: 'customers' },
          { name: 'file', filename: 'big.csv', content: `customer_id\n${'B1\n'.repeat(2_000)}` },
        ],
        { on: small },
      );
      expect(res.statusCode, res.body).toBe(413);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(await count(app.warehouse, 'SELECT count(*) FROM imports')).toBe(before);
    } finally {
      await small.close();
    }
  });

  it('the raw-body upload still works, with the filename from the query', async () => {
    const res = await server.fastify.inject({
      method: 'POST',
      url: '/v1/imports?entity=customers&filename=raw.csv',
      payload: 'customer_id;email\nR1;r1@example.com\n',
      headers: { authorization: `Bearer ${keys.write}`, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ file: 'raw.csv', rowsRead: 1, accepted: 1, quarantine: [] });
  });
});
