import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { balances } from '../src/ingest/import-report.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { memoryWarehouse } from './helpers/warehouse.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-malformed-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function quarantined(wh: Warehouse, importId: number) {
  const r = await wh.query({
    sql: 'SELECT line, column_name, kind, reason FROM quarantine WHERE import_id = $1 ORDER BY line, kind',
    params: [importId],
  });
  return Array.from({ length: r.rowCount }, (_, i) => ({
    line: r.columns.line![i],
    column: r.columns.column_name![i],
    kind: r.columns.kind![i],
    reason: r.columns.reason![i],
  }));
}

describe('malformed files: each with its exact error or quarantine reason', () => {
  let wh: Warehouse;
  beforeEach(async () => {
    wh = await memoryWarehouse();
  });
  afterEach(async () => {
    await wh.close();
  });

  it('unclosed quote: that record is quarantined and the rows after it still load', async () => {
    const p = file(
      'unclosed.csv',
      'order_id,customer_id,date,amount\n1,a,2024-01-02,10\n2,"b,2024-01-03,11\n3,c,2024-01-04,12\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([3, 2, 1]);
    expect(await quarantined(wh, r.importId)).toEqual([
      { line: 3, column: null, kind: 'rejected', reason: 'unclosed quote starting on line 3' },
    ]);
  });

  it('wrong delimiter on some rows: field count named, with the detected dialect', async () => {
    const p = file(
      'mixed.csv',
      'order_id;customer_id;fecha;importe\n1;a;02/01/2024;10,50\n2,b,03/01/2024,11\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([2, 1, 1]);
    expect(await quarantined(wh, r.importId)).toEqual([
      {
        line: 3,
        column: null,
        kind: 'rejected',
        reason:
          "expected 4 fields, found 1 (CSV, ';' separated, UTF-8, header; a stray delimiter or quote, or the wrong --delimiter?)",
      },
    ]);
  });

  it('bad dates: impossible calendar dates and text are rejected with the value named', async () => {
    const p = file(
      'dates.csv',
      'order_id;cliente;fecha;importe\n1;a;31/01/2024;10\n2;b;31/02/2024;11\n3;c;mañana;12\n4;d;15/13/2024;13\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([4, 1, 3]);
    expect((await quarantined(wh, r.importId)).map((q) => [q.line, q.column, q.reason])).toEqual([
      [3, 'fecha', 'not a valid date: "31/02/2024" (February has 29 days at most)'],
      [4, 'fecha', 'not a date: "mañana" (expected day/month/year, like 31/12/2010 or 31/12/2010 08:26)'],
      [5, 'fecha', 'not a valid date: "15/13/2024" (there is no month 13)'],
    ]);
  });

  it('text in amounts: rejected when the amount is needed, dropped with a note when it is optional', async () => {
    const p = file(
      'amounts.csv',
      'order_id;cliente;fecha;importe;coste\n1;a;02/01/2024;12,50;3,10\n2;b;03/01/2024;doce;1,00\n3;c;04/01/2024;7,25;n/d\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined, r.valueIssues]).toEqual([3, 2, 1, 1]);
    expect((await quarantined(wh, r.importId)).map((q) => [q.line, q.column, q.kind, q.reason])).toEqual([
      [
        3,
        'importe',
        'rejected',
        'not a number: "doce", so the row has neither an amount nor a unit price: map one with --map amount=<column> or --map unit_price=<column>',
      ],
      [4, 'coste', 'value', 'not a number: "n/d"; value dropped'],
    ]);
    const ok = await wh.query({ sql: 'SELECT amount, cost FROM order_lines ORDER BY order_id', params: [] });
    expect(ok.columns).toEqual({ amount: [12.5, 7.25], cost: [3.1, null] });
  });

  it('Latin-1 (Windows-1252) accents are decoded, not mangled', async () => {
    const text = 'id_cliente;nombre;apellidos;ciudad\n1;José;Peña Ibáñez;Málaga\n2;Begoña;Núñez;A Coruña\n';
    const p = file('latin1.csv', Buffer.from(text, 'latin1'));
    const r = await importFile(wh, { entity: 'customers', path: p });
    expect([r.rowsRead, r.accepted]).toEqual([2, 2]);
    expect(r.format).toBe("CSV, ';' separated, Windows-1252/Latin-1, header");
    const c = await wh.query({
      sql: 'SELECT first_name, last_name, city FROM customers ORDER BY customer_id',
      params: [],
    });
    expect(c.columns).toEqual({
      first_name: ['José', 'Begoña'],
      last_name: ['Peña Ibáñez', 'Núñez'],
      city: ['Málaga', 'A Coruña'],
    });
  });

  it('empty file: a clear error, nothing written', async () => {
    const p = file('empty.csv', '');
    await expect(importFile(wh, { entity: 'orders', path: p })).rejects.toThrow(
      'empty.csv: the file is empty',
    );
  });

  it('header only: zero rows and a note saying so', async () => {
    const p = file('header.csv', 'order_id,customer_id,date,amount\n');
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([0, 0, 0]);
    expect(r.notes).toContain('the file has a header but no data rows: nothing imported');
  });

  it('duplicated rows: skipped and recorded with the line they repeat', async () => {
    const p = file(
      'dups.csv',
      'order_id,customer_id,date,amount\n1,a,2024-01-02,10\n1,a,2024-01-02,10\n2,b,2024-01-03,11\n1,a,2024-01-02,10\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p });
    expect([r.rowsRead, r.accepted, r.quarantined, r.duplicates]).toEqual([4, 2, 0, 2]);
    expect(balances(r)).toBe(true);
    expect(await quarantined(wh, r.importId)).toEqual([
      { line: 3, column: null, kind: 'duplicate', reason: 'duplicate of line 2' },
      { line: 5, column: null, kind: 'duplicate', reason: 'duplicate of line 2' },
    ]);
  });

  it('a required column that is missing: the error lists the columns and how to map one', async () => {
    const p = file('nodate.csv', 'order_id,customer_id,amount\n1,a,10\n');
    await expect(importFile(wh, { entity: 'orders', path: p })).rejects.toThrow(
      'no column for required field ordered_at of orders',
    );
  });

  it('Spanish export: ; separator, decimal comma with thousands dots, dd/mm/yyyy hh:mm, quoted text', async () => {
    const p = file(
      'ventas.csv',
      'Nº Pedido;Cliente;Fecha;Producto;Descripción;Cantidad;Precio;Canal\n' +
        'P-1;C001;05/03/2024 18:30;SKU1;"Camiseta; talla M";2;1.234,50;web\n' +
        'P-1;C001;05/03/2024 18:30;SKU2;Calcetines;1;3,99;web\n' +
        'P-2;C002;17/03/2024 09:05;SKU1;"Camiseta; talla M";-1;1.234,50;tienda\n',
    );
    const r = await importFile(wh, { entity: 'orders', path: p, map: { order_id: 'Nº Pedido' } });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([3, 3, 0]);
    expect(r.formats).toMatchObject({ ordered_at: 'day/month/year', unit_price: "decimal ','" });
    const o = await wh.query({
      sql: 'SELECT order_id, line_no, ordered_at, description, amount, status FROM order_lines ORDER BY order_id, line_no',
      params: [],
    });
    expect(o.columns).toEqual({
      order_id: ['P-1', 'P-1', 'P-2'],
      line_no: [1, 2, 1],
      ordered_at: [Date.UTC(2024, 2, 5, 18, 30), Date.UTC(2024, 2, 5, 18, 30), Date.UTC(2024, 2, 17, 9, 5)],
      description: ['Camiseta; talla M', 'Calcetines', 'Camiseta; talla M'],
      amount: [2469, 3.99, -1234.5],
      status: ['purchase', 'purchase', 'cancellation'],
    });
  });
});
