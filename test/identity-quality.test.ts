import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { formatQualityReport } from '../src/ingest/quality/format.js';
import { qualityReport } from '../src/ingest/quality/report.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-identity-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('identity resolution', () => {
  it('merges customers sharing an email (any case) or a phone (any format) and moves their orders', async () => {
    const wh = await memoryWarehouse();
    await importFile(wh, {
      entity: 'orders',
      path: file(
        'o.csv',
        'order_id,customer_id,date,amount\n1,A1,2024-01-02,10\n2,B7,2024-02-03,20\n3,C3,2024-03-03,30\n',
      ),
    });
    const r = await importFile(wh, {
      entity: 'customers',
      path: file(
        'c.csv',
        'id_cliente;nombre;email;telefono;ciudad\n' +
          'A1;Ana;Ana.Garcia@Example.com;612 34 56 78;\n' +
          'B7;Ana G.;  ana.garcia@example.COM ;;Madrid\n' +
          'C3;Luis;luis@example.com;+34 699-111-222;Sevilla\n' +
          'D4;Luis M.;;0034699111222;\n' +
          'E5;Eva;no-es-un-email;123;Bilbao\n',
      ),
    });
    expect(r.merged).toBe(2);
    expect(r.valueIssues).toBe(2); // E5's email and phone kept as given, never used to merge
    const c = await wh.query({
      sql: 'SELECT customer_id, first_name, email, phone, city FROM customers ORDER BY customer_id',
      params: [],
    });
    expect(c.columns).toEqual({
      customer_id: ['A1', 'C3', 'E5'],
      first_name: ['Ana', 'Luis', 'Eva'],
      email: ['ana.garcia@example.com', 'luis@example.com', 'no-es-un-email'],
      phone: ['+34612345678', '+34699111222', '123'],
      city: ['Madrid', 'Sevilla', 'Bilbao'],
    });
    const merges = await wh.query({
      sql: 'SELECT kept_id, merged_id, match_on, match_value FROM customer_merges ORDER BY merged_id',
      params: [],
    });
    expect(merges.columns).toEqual({
      kept_id: ['A1', 'C3'],
      merged_id: ['B7', 'D4'],
      match_on: ['email', 'phone'],
      match_value: ['ana.garcia@example.com', '+34699111222'],
    });
    // B7's order now belongs to A1.
    expect(await count(wh, "SELECT count(*) FROM order_lines WHERE customer_id = 'A1'")).toBe(2);
    await wh.close();
  });
});

describe('data-quality report', () => {
  it('reports completeness, validity, references, outliers, quarantine and what each gap does downstream', async () => {
    const wh = await memoryWarehouse();
    await importFile(wh, {
      entity: 'customers',
      path: file(
        'cq.csv',
        'customer_id,email,birth_date\nk1,a@b.es,1980-01-01\nk2,,1990-05-05\nk3,c@d.es,\n',
      ),
    });
    await importFile(wh, {
      entity: 'orders',
      path: file(
        'oq.csv',
        'order_id,customer_id,date,amount\n1,k1,2024-01-02,10\n2,k2,2024-01-03,12\n3,zz,2024-01-04,11\n4,,2024-01-05,9\n5,k1,2024-01-06,-5\n6,k3,2024-01-07,5000\nX,k1,not-a-date,3\n',
      ),
    });
    const q = await qualityReport(wh);
    const customers = q.entities.find((e) => e.table === 'customers')!;
    expect(customers.rows).toBe(3);
    expect(customers.columns.find((c) => c.name === 'email')).toMatchObject({
      filled: 2,
      completeness: 2 / 3,
    });
    const lines = q.entities.find((e) => e.table === 'order_lines')!;
    expect(lines.quarantined).toBe(1);
    expect(lines.columns.find((c) => c.name === 'amount')?.outliers).toMatchObject({ above: 1 });
    const check = (id: string) => q.checks.find((c) => c.table === 'order_lines' && c.id === id)?.rows;
    expect([check('guest'), check('unknown_customer'), check('negative_purchase')]).toEqual([1, 1, 1]);
    expect(q.findings).toContain(
      '1 of 3 customers rows without email: not reachable by email, not merged by email',
    );
    expect(q.findings).toContain(
      '1 order lines of customers not in the customer table: scored from their orders alone, without demographics',
    );
    expect(q.findings.some((f) => f.startsWith('1 orders rows quarantined: not a date: …'))).toBe(true);
    const text = formatQualityReport(q);
    expect(text).toContain('What it means downstream');
    expect(text).toContain('order_lines.customer_id: 1 order lines without a customer (guest orders)');
    await wh.close();
  });
});
