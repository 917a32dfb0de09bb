import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryChannelUnits } from '../src/analysis/patterns/category-channel.js';
import { runHours, runMomentQueries } from '../src/analysis/patterns/hour-range-moments.js';
import { hiddenPatterns, segmentationOfRun } from '../src/analysis/patterns/index.js';
import { weekdayHourUnits } from '../src/analysis/patterns/weekday-hour.js';
import { SegmentaError } from '../src/core/errors.js';
import { col, compile, select, table } from '../src/sql/index.js';
import { columnTable } from '../src/warehouse/column-table.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { memoryWarehouse } from './helpers/warehouse.js';

let wh: Warehouse;
const rows = columnTable({ customer_id: ['C1', 'C2'], segment: ['A', 'B'] });

beforeAll(async () => {
  wh = await memoryWarehouse();
});

afterAll(async () => {
  await wh.close();
});

describe('hidden patterns: options and inputs at the boundary', () => {
  it.each([
    [{ alpha: 2 }, 'invalid alpha: 2 (expected a number between 0 and 1)'],
    [{ minSupport: 0 }, 'invalid minSupport: 0 (expected an integer of at least 1)'],
    [{ minCustomers: 1.5 }, 'invalid minCustomers: 1.5 (expected an integer of at least 2)'],
    [{ minLift: 0.5 }, 'invalid minLift: 0.5 (expected a number of at least 1)'],
    [{ asOf: '30/06/2025' }, 'invalid as-of date: "30/06/2025"'],
    [{ asOf: '2025-02-30' }, 'invalid as-of date: "2025-02-30"'],
    [
      { creatives: ['visual', 'visual'] as const },
      'invalid creatives: ["visual","visual"] (expected two different creative types)',
    ],
    [
      { kinds: ['weekday'] as never },
      'invalid pattern kind: "weekday" (expected one of weekday_hour, category_channel, creative)',
    ],
  ])('rejects %j with an exact message', async (bad, message) => {
    const e = await hiddenPatterns(wh, { segments: { kind: 'rows', rows }, ...bad }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SegmentaError);
    expect((e as SegmentaError).kind).toBe('invalid_input');
    expect((e as SegmentaError).message).toBe(message);
  });

  it('names a missing table or column', async () => {
    expect(segmentationOfRun(4, 'rfm')).toEqual({
      kind: 'table',
      table: 'customer_segments',
      where: { run_id: 4, segmentation: 'rfm' },
    });
    await expect(hiddenPatterns(wh, { segments: { kind: 'table', table: 'nope' } })).rejects.toThrow(
      'table nope does not exist',
    );
    await expect(
      hiddenPatterns(wh, { segments: { kind: 'table', table: 'orders', segmentColumn: 'tier' } }),
    ).rejects.toThrow(/^segments table orders has no column "tier" \(columns: order_id, customer_id, /);
    await expect(
      hiddenPatterns(wh, { segments: { kind: 'rows', rows: columnTable({ id: ['C1'], segment: ['A'] }) } }),
    ).rejects.toThrow('segment rows have no column "customer_id" (columns: id, segment)');
  });

  it('works on an empty warehouse and leaves no temporary table behind', async () => {
    const r = await hiddenPatterns(wh, { segments: { kind: 'rows', rows } });
    expect(r.statements).toEqual([]);
    expect(r.tested).toEqual({ weekday_hour: 0, category_channel: 0, creative: 0 });
    const empty = await hiddenPatterns(wh, {
      segments: { kind: 'rows', rows: columnTable({ customer_id: [], segment: [] }) },
    });
    expect(empty.statements).toEqual([]);
    const temp = await wh.query({
      sql: "SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'segmenta_patterns_%'",
      params: [],
    });
    expect(Number(temp.columns.n?.[0])).toBe(0);
  });
});

describe('hidden patterns: SQL (values bound, identifiers quoted)', () => {
  it('weekday × hour units: purchase orders of known customers before the cutoff', () => {
    expect(compile(weekdayHourUnits(new Date('2025-07-01T00:00:00Z')))).toEqual({
      sql:
        'SELECT "customer_id" AS "customer_id", dayofweek("ordered_at") AS "k1", hour("ordered_at") AS "k2" ' +
        'FROM "orders" WHERE ((("status" = $1) AND ("customer_id" IS NOT NULL)) AND ("ordered_at" < $2))',
      params: ['purchase', new Date('2025-07-01T00:00:00Z')],
    });
  });

  it('category × channel units: one per order and category', () => {
    expect(compile(categoryChannelUnits(null))).toEqual({
      sql:
        'SELECT DISTINCT "order_id" AS "order_id", "customer_id" AS "customer_id", "category" AS "k1", ' +
        '"channel" AS "k2" FROM "order_lines" WHERE (((("status" = $1) AND ("customer_id" IS NOT NULL)) AND ' +
        '("category" IS NOT NULL)) AND ("channel" IS NOT NULL))',
      params: ['purchase'],
    });
  });

  it('ranges of hours join a (run_id, hour) table; a range may wrap from Saturday to Sunday', () => {
    expect(runHours({ start: 166, length: 4 })).toEqual([166, 167, 0, 1]);
    const seg = select({ customer_id: col('customer_id'), segment: col('segment') }, { from: table('s') });
    const units = select(
      { customer_id: col('customer_id'), k1: col('d'), k2: col('h') },
      { from: table('u') },
    );
    const q = compile(runMomentQueries(seg, units, 'runs_1').base);
    expect(q.sql).toBe(
      'WITH "units" AS (SELECT "customer_id" AS "customer_id", "d" AS "k1", "h" AS "k2" FROM "u"), ' +
        '"uh" AS (SELECT "customer_id" AS "customer_id", (("k1" * $1) + "k2") AS "h" FROM "units"), ' +
        '"cc" AS (SELECT "customer_id" AS "customer_id", "h" AS "h", count(*) AS "y" FROM "uh" GROUP BY "customer_id", "h"), ' +
        '"cust" AS (SELECT "customer_id" AS "customer_id", count(*) AS "m" FROM "units" GROUP BY "customer_id"), ' +
        '"cr" AS (SELECT "cc"."customer_id" AS "customer_id", "r"."run_id" AS "run_id", CAST(sum("cc"."y") AS DOUBLE) AS "y" ' +
        'FROM "cc" INNER JOIN "runs_1" AS "r" ON ("cc"."h" = "r"."hour") GROUP BY "cc"."customer_id", "r"."run_id") ' +
        'SELECT "cr"."run_id" AS "run_id", count(*) AS "customers", CAST(sum("cr"."y") AS DOUBLE) AS "y", ' +
        'CAST(sum(("cr"."y" * "cr"."y")) AS DOUBLE) AS "yy", CAST(sum(("cr"."y" * "cust"."m")) AS DOUBLE) AS "ym" ' +
        'FROM "cr" INNER JOIN "cust" ON ("cr"."customer_id" = "cust"."customer_id") GROUP BY "cr"."run_id" ORDER BY "cr"."run_id" ASC',
    );
    expect(q.params).toEqual([24]);
  });
});
