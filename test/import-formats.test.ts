import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { cli, fails } from './helpers/cli.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-formats-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('JSONL, Parquet, gzip and saved mappings', () => {
  it('imports JSON Lines events: unmapped keys become properties, bad lines are quarantined', async () => {
    const wh = await memoryWarehouse();
    const p = file(
      'events.jsonl',
      [
        JSON.stringify({
          id: 'e1',
          user_id: 'c1',
          timestamp: '2024-05-01T10:00:00Z',
          event: 'page_view',
          page: '/home',
        }),
        JSON.stringify({
          id: 'e2',
          user_id: 'c1',
          timestamp: '2024-05-01T10:01:00Z',
          event: 'add_to_cart',
          sku: 'P1',
          qty: 2,
        }),
        '{not json',
        JSON.stringify({
          id: 'e1',
          user_id: 'c1',
          timestamp: '2024-05-01T10:00:00Z',
          event: 'page_view',
          page: '/home',
        }),
        '',
      ].join('\n'),
    );
    const r = await importFile(wh, { entity: 'events', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined, r.duplicates]).toEqual([4, 2, 1, 1]);
    const e = await wh.query({
      sql: "SELECT customer_id, type, properties FROM events WHERE event_id = 'e2'",
      params: [],
    });
    expect(e.columns).toEqual({
      customer_id: ['c1'],
      type: ['add_to_cart'],
      properties: ['{"sku":"P1","qty":"2"}'],
    });
    await wh.close();
  });

  it('imports Parquet written by another tool', async () => {
    const wh = await memoryWarehouse();
    const p = join(dir, 'orders.parquet');
    await wh.execute(
      `COPY (SELECT 'O' || i AS order_id, 'C' || (i % 7) AS customer_id, TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS order_date,
              (i % 5 + 1) * 2.5 AS total FROM range(1000) t(i)) TO '${p.replaceAll("'", "''")}' (FORMAT parquet)`,
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([1000, 1000, 0]);
    expect(r.format).toBe('Parquet');
    expect(await count(wh, "SELECT count(*) FROM order_lines WHERE customer_id = 'C3'")).toBe(143);
    expect(await count(wh, 'SELECT sum(amount) FROM order_lines')).toBe(7500);
    await wh.close();
  });

  it('reads gzip by its magic bytes, whatever the name, and reuses a saved mapping', async () => {
    const wh = await memoryWarehouse();
    const csv = 'Cod;Cuándo;Total €\nA;01/02/2024;1.234,50\nB;15/02/2024;99,90\n';
    const first = file('export-enero.dat', gzipSync(Buffer.from(csv, 'latin1')));
    const r1 = await importFile(wh, {
      entity: 'orders',
      path: first,
      map: { customer_id: 'Cod', ordered_at: 'Cuándo', amount: 'Total €' },
      saveMappingAs: 'tienda',
    });
    expect([r1.accepted, r1.quarantined]).toEqual([2, 0]);
    expect(r1.format).toBe("gzip CSV, ';' separated, Windows-1252/Latin-1, header");
    const second = file('export-febrero.csv', 'Cod;Cuándo;Total €\nC;03/03/2024;10,00\n');
    const r2 = await importFile(wh, { entity: 'orders', path: second, mappingName: 'tienda' });
    expect([r2.accepted, r2.quarantined]).toEqual([1, 0]);
    expect(await count(wh, 'SELECT sum(amount) FROM order_lines')).toBeCloseTo(1344.4, 6);
    await expect(importFile(wh, { entity: 'orders', path: second, mappingName: 'nope' })).rejects.toThrow(
      'no saved mapping "nope" for orders',
    );
    await wh.close();
  });
});

describe('the import command', () => {
  it('prints the balanced report and exits 0; a bad flag exits 2 with how to fix it', async () => {
    const db = join(dir, 'cli.duckdb');
    const p = file('cli.csv', 'pedido;cliente;fecha;importe\n1;a;02/01/2024;10,5\n2;b;31/02/2024;3\n');
    const ok = await cli('--db', db, 'import', 'orders', p);
    expect(ok.stdout).toContain('rows read 2 = accepted 1 + quarantined 1 + duplicates skipped 0');
    expect(ok.stdout).toContain('not a valid date: "31/02/2024" (February has 29 days at most)');
    const bad = await fails('--db', db, 'import', 'orders', p, '--map', 'when=fecha');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: --map when=fecha: orders has no field when');
    expect(bad.stderr).toContain('hint: fields of orders: order_id, customer_id, ordered_at');
    const q = await cli('--db', db, 'quarantine');
    expect(q.stdout).toContain('cli.csv:3 [fecha] not a valid date: "31/02/2024"');
  });
});
