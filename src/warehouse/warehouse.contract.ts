import { describe, expect, it } from 'vitest';
import { and, col, eq, gt, select, table, val } from '../sql/build.js';
import { columnTable } from './column-table.js';
import { MIGRATIONS, migrate } from './migrate.js';
import type { Warehouse } from './warehouse.js';

/** The contract every Warehouse adapter passes (hono's runTest pattern): call it with a factory. */
export function warehouseContract(name: string, open: () => Promise<Warehouse>): void {
  describe(`Warehouse contract: ${name}`, () => {
    it('migrates once and is idempotent', async () => {
      const wh = await open();
      const versions = MIGRATIONS.map((m) => m.version);
      expect(versions.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(await migrate(wh)).toEqual(versions);
      expect(await migrate(wh)).toEqual([]);
      const cols = await wh.describe('order_lines');
      expect(cols.find((c) => c.name === 'ordered_at')?.type).toBe('TIMESTAMP');
      await wh.close();
    });

    it('appends column-wise and reads back the same values with bound parameters', async () => {
      const wh = await open();
      await migrate(wh);
      const t0 = Date.UTC(2024, 0, 2, 3, 4, 5);
      await wh.append(
        'customers',
        columnTable({
          customer_id: ['a', 'b', 'c'],
          income: [1.5, null, 3],
          birth_date: [Date.UTC(1980, 5, 1), null, Date.UTC(2000, 0, 1)],
          opt_in_email: [true, false, null],
          traits: ['{"x":1}', null, '{}'],
        }),
      );
      await wh.append(
        'order_lines',
        columnTable({
          order_id: ['o1'],
          line_no: [1],
          customer_id: ['a'],
          ordered_at: [t0],
          quantity: [2],
          amount: [10],
          status: ['purchase'],
        }),
      );
      const r = await wh.query(
        select(
          { id: col('customer_id'), income: col('income'), b: col('birth_date') },
          {
            from: table('customers'),
            where: and(gt(col('income'), val(1)), eq(col('opt_in_email'), val(true))),
          },
        ),
      );
      expect(r.columns).toEqual({ id: ['a'], income: [1.5], b: [Date.UTC(1980, 5, 1)] });
      const o = await wh.query(select({ t: col('ordered_at'), n: col('lines') }, { from: table('orders') }));
      expect(o.columns).toEqual({ t: [t0], n: [1] });
      await wh.close();
    });

    it('bulk-appends large batches exactly: quotes, tabs, newlines, empty strings, NULLs, dates, booleans', async () => {
      const wh = await open();
      await migrate(wh);
      const n = 12_345;
      const tricky = [
        'plain',
        'with "quotes"',
        'tab\there',
        'new\nline',
        '',
        'ñandú €',
        '\\back\\',
        ' spaced ',
        'a,b;c|d',
      ];
      const name = Array.from({ length: n }, (_, i) => (i % 11 === 10 ? null : tricky[i % tricky.length]!));
      const birth = Array.from({ length: n }, (_, i) =>
        i % 7 === 0 ? null : Date.UTC(1950 + (i % 60), i % 12, 1 + (i % 28)),
      );
      const income = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i / 3));
      const optIn = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 2 === 0));
      const ids = Array.from({ length: n }, (_, i) => `c${i}`);
      await wh.append(
        'customers',
        columnTable({ customer_id: ids, first_name: name, birth_date: birth, income, opt_in_email: optIn }),
      );
      const r = await wh.query({
        sql: 'SELECT customer_id, first_name, birth_date, income, opt_in_email FROM customers ORDER BY CAST(substr(customer_id, 2) AS INTEGER)',
        params: [],
      });
      expect(r.rowCount).toBe(n);
      expect(r.columns.first_name).toEqual(name);
      expect(r.columns.birth_date).toEqual(birth);
      expect(r.columns.income).toEqual(income);
      expect(r.columns.opt_in_email).toEqual(optIn);
      const t0 = Date.UTC(2020, 1, 29, 23, 59, 58, 123);
      await wh.append(
        'events',
        columnTable({
          event_id: ids,
          occurred_at: ids.map((_, i) => t0 + i * 1000),
          type: ids.map(() => 'page_view'),
          properties: ids.map((_, i) => JSON.stringify({ i, s: tricky[i % tricky.length] })),
        }),
      );
      const e = await wh.query({
        sql: "SELECT occurred_at, properties FROM events WHERE event_id = 'c7'",
        params: [],
      });
      expect(e.columns).toEqual({
        occurred_at: [t0 + 7000],
        properties: [JSON.stringify({ i: 7, s: tricky[7] })],
      });
      await wh.close();
    });

    it('rolls back everything when the work inside a transaction fails', async () => {
      const wh = await open();
      await migrate(wh);
      await expect(
        wh.transaction(async () => {
          await wh.append('customers', columnTable({ customer_id: ['x', 'y'] }));
          await wh.execute('INSERT INTO customers (customer_id) VALUES ($1)', ['z']);
          throw new Error('injected failure');
        }),
      ).rejects.toThrow('injected failure');
      const r = await wh.query({ sql: 'SELECT count(*) AS n FROM customers', params: [] });
      expect(r.columns.n).toEqual([0]);
      await wh.close();
    });

    it('rejects values of the wrong type with the column named', async () => {
      const wh = await open();
      await migrate(wh);
      await expect(
        wh.append('customers', columnTable({ customer_id: ['a'], income: ['lots'] })),
      ).rejects.toThrow(/column income \(DOUBLE\)/);
      await expect(wh.append('customers', columnTable({ nope: ['a'] }))).rejects.toThrow(
        /column nope does not exist/,
      );
      await wh.close();
    });
  });
}
