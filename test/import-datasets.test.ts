import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { balances } from '../src/ingest/import-report.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { hasSharedData, sharedData } from './helpers/data.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

describe.skipIf(!hasSharedData)('importing every dataset in ../shared/data with exact counts', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await memoryWarehouse();
  });
  afterAll(async () => {
    await wh.close();
  });

  it('Online Retail: 541,909 lines, 25,900 invoices, 4,372 customers, cancellations and guests counted', async () => {
    const r = await importFile(wh, {
      entity: 'orders',
      path: sharedData('online_retail/online_retail.csv.gz'),
    });
    expect(r.rowsRead).toBe(541_909);
    expect(balances(r)).toBe(true);
    expect(r.quarantined).toBe(0);
    // 5,268 lines repeat an earlier line exactly (same invoice, product, quantity, price, time, customer).
    expect(r.duplicates).toBe(5_268);
    expect(r.accepted).toBe(536_641);
    expect(r.stats).toMatchObject({
      orders: 25_900,
      customer_ids: 4_372,
      cancellation_lines: 10_624, // 9,288 on C invoices + 1,336 other negative quantities
      cancelled_orders: 5_172, // 3,836 C invoices + 1,336 other orders with a negative quantity
      guest_lines: 135_080,
    });
    expect(r.format).toBe("gzip CSV, ',' separated, UTF-8, header");
    expect(await count(wh, 'SELECT count(DISTINCT order_id) FROM order_lines')).toBe(25_900);
    expect(await count(wh, 'SELECT count(DISTINCT customer_id) FROM order_lines')).toBe(4_372);
    expect(await count(wh, 'SELECT count(*) FROM order_lines WHERE customer_id IS NULL')).toBe(135_037);
    expect(
      await count(wh, "SELECT count(DISTINCT customer_id) FROM order_lines WHERE status = 'purchase'"),
    ).toBe(4_339);
    expect(
      await count(wh, "SELECT count(*) FROM quarantine WHERE import_id = $1 AND kind = 'duplicate'", [
        r.importId,
      ]),
    ).toBe(5_268);
    // A known line: invoice 536365, first line, 6 x 2.55 at 2010-12-01 08:26 by customer 17850.
    const line = await wh.query({
      sql: "SELECT customer_id, quantity, unit_price, amount, ordered_at, status, country FROM order_lines WHERE order_id = '536365' AND line_no = 1",
      params: [],
    });
    expect(line.columns).toEqual({
      customer_id: ['17850'],
      quantity: [6],
      unit_price: [2.55],
      amount: [15.3],
      ordered_at: [Date.UTC(2010, 11, 1, 8, 26)],
      status: ['purchase'],
      country: ['United Kingdom'],
    });
  });

  it('re-importing the same file adds nothing twice', async () => {
    const before = await count(wh, 'SELECT count(*) FROM order_lines');
    const r = await importFile(wh, {
      entity: 'orders',
      path: sharedData('online_retail/online_retail.csv.gz'),
    });
    expect(r.accepted).toBe(0);
    expect(r.duplicates).toBe(541_909);
    expect(await count(wh, 'SELECT count(*) FROM order_lines')).toBe(before);
  });

  it('CDNOW master (whitespace-aligned, yyyymmdd): 69,659 purchases of 23,570 customers', async () => {
    const w = await memoryWarehouse();
    const r = await importFile(w, { entity: 'orders', path: sharedData('cdnow/CDNOW_master.txt') });
    expect(r.rowsRead).toBe(69_659);
    expect(r.accepted).toBe(69_659);
    expect(r.duplicates + r.quarantined).toBe(0);
    expect(r.stats).toMatchObject({
      orders: 69_659,
      customer_ids: 23_570,
      cancellation_lines: 0,
      guest_lines: 0,
    });
    expect(r.format).toContain('whitespace separated');
    const first = await w.query({
      sql: "SELECT order_id, ordered_at, quantity, amount FROM order_lines WHERE customer_id = '00001'",
      params: [],
    });
    expect(first.columns).toEqual({
      order_id: ['00001@1997-01-01#1'],
      ordered_at: [Date.UTC(1997, 0, 1)],
      quantity: [1],
      amount: [11.77],
    });
    await w.close();
  });

  it('CDNOW sample (no header) mapped by column number', async () => {
    const w = await memoryWarehouse();
    const r = await importFile(w, {
      entity: 'orders',
      path: sharedData('cdnow/CDNOW_sample.txt'),
      map: { customer_id: '1', ordered_at: '3', quantity: '4', amount: '5' },
    });
    expect(r.rowsRead).toBe(6_919);
    expect(r.accepted).toBe(6_919);
    expect(r.stats.customer_ids).toBe(2_357);
    expect(r.unmappedColumns).toEqual(['column2']);
    await w.close();
  });

  it('CDNOW summaries, Mall customers and Telco churn as customers with traits', async () => {
    const w = await memoryWarehouse();
    const summary = await importFile(w, {
      entity: 'customers',
      path: sharedData('cdnow/cdnow_customers_summary.csv'),
    });
    expect([summary.rowsRead, summary.accepted]).toEqual([2_357, 2_357]);
    const withTx = await importFile(w, {
      entity: 'customers',
      path: sharedData('cdnow/cdnow_customers_summary_with_transactions.csv'),
    });
    expect([withTx.rowsRead, withTx.accepted, withTx.updated]).toEqual([2_357, 2_357, 2_357]);

    const mall = await importFile(w, {
      entity: 'customers',
      path: sharedData('mall_customers/Mall_Customers.csv'),
    });
    expect([mall.rowsRead, mall.accepted, mall.quarantined]).toEqual([200, 200, 0]);
    const m = await w.query({
      sql: "SELECT gender, age, income, traits->>'Spending Score (1-100)' AS score FROM customers WHERE customer_id = '0001'",
      params: [],
    });
    expect(m.columns).toEqual({ gender: ['Male'], age: [19], income: [15], score: ['39'] });

    const telco = await importFile(w, {
      entity: 'customers',
      path: sharedData('telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv'),
    });
    expect([telco.rowsRead, telco.accepted, telco.quarantined]).toEqual([7_043, 7_043, 0]);
    expect(await count(w, "SELECT count(*) FROM customers WHERE (traits->>'Churn') = 'Yes'")).toBe(1_869);
    expect(
      await count(
        w,
        "SELECT count(*) FROM customers WHERE (traits->>'Churn') IS NOT NULL AND (traits->>'TotalCharges') IS NULL",
      ),
    ).toBe(11);
    await w.close();
  });
});
