import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, EXPORT_COLUMNS, exportCustomers } from '../src/analysis/index.js';
import { importFile } from '../src/ingest/import-file.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { hasSharedData, sharedData } from './helpers/data.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

/**
 * Reference values computed independently from the raw file by `python3 scripts/rfm_reference.py` (standard
 * library csv + gzip only, no Segmenta code or SQL: dedupe exact repeated lines, purchase lines = invoice not
 * starting with C and quantity >= 0, recency in days to the as-of date, frequency = distinct invoices, monetary =
 * sum of quantity x unit price, ntile(5) over (value, CustomerID)). Output pasted below.
 */
const REFERENCE = {
  '2011-12-10': {
    buyers: 4339,
    customers: {
      '12346': { recency: 326, frequency: 1, monetary: 77183.6, r: 1, f: 1, m: 5, group: 'At Risk' },
      '12347': { recency: 3, frequency: 7, monetary: 4310.0, r: 5, f: 5, m: 5, group: 'Champions' },
      '12748': { recency: 1, frequency: 210, monetary: 33053.19, r: 5, f: 5, m: 5, group: 'Champions' },
      '17841': { recency: 2, frequency: 124, monetary: 40519.84, r: 5, f: 5, m: 5, group: 'Champions' },
      '14646': { recency: 2, frequency: 74, monetary: 280206.02, r: 5, f: 5, m: 5, group: 'Champions' },
      '13047': { recency: 32, frequency: 10, monetary: 3237.54, r: 4, f: 5, m: 5, group: 'Loyal' },
      '18074': { recency: 374, frequency: 1, monetary: 489.6, r: 1, f: 2, m: 3, group: 'At Risk' },
    },
    groups: {
      'About to Sleep': 299,
      'At Risk': 699,
      'Cannot Lose Them': 88,
      Champions: 655,
      Hibernating: 339,
      Lost: 610,
      Loyal: 895,
      'Need Attention': 196,
      New: 20,
      'Potential Loyalist': 487,
      Promising: 51,
    },
  },
  '2011-06-30': {
    buyers: 2960,
    customers: {
      '12346': { recency: 163, frequency: 1, monetary: 77183.6, r: 1, f: 1, m: 5, group: 'At Risk' },
      '12347': { recency: 21, frequency: 4, monetary: 2205.95, r: 4, f: 4, m: 5, group: 'Loyal' },
      '12748': { recency: 0, frequency: 102, monetary: 11361.44, r: 5, f: 5, m: 5, group: 'Champions' },
      '17841': { recency: 0, frequency: 56, monetary: 14604.7, r: 5, f: 5, m: 5, group: 'Champions' },
      '14646': { recency: 2, frequency: 32, monetary: 136002.11, r: 5, f: 5, m: 5, group: 'Champions' },
      '13047': { recency: 11, frequency: 7, monetary: 2234.08, r: 5, f: 5, m: 5, group: 'Champions' },
      '18074': { recency: 211, frequency: 1, monetary: 489.6, r: 1, f: 3, m: 3, group: 'At Risk' },
    },
    groups: {
      'About to Sleep': 162,
      'At Risk': 448,
      'Cannot Lose Them': 50,
      Champions: 423,
      Hibernating: 312,
      Lost: 374,
      Loyal: 649,
      'Need Attention': 145,
      New: 17,
      'Potential Loyalist': 359,
      Promising: 21,
    },
  },
} as const;

describe.skipIf(!hasSharedData)('analysis of Online Retail against independent reference values', () => {
  let wh: Warehouse;
  const runs: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-analysis-'));

  beforeAll(async () => {
    wh = await memoryWarehouse();
    await importFile(wh, { entity: 'orders', path: sharedData('online_retail/online_retail.csv.gz') });
    runs['2011-12-10'] = (await analyze(wh)).runId;
    runs['2011-06-30'] = (await analyze(wh, { asOf: '2011-06-30' })).runId;
  });
  afterAll(async () => {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scores = (runId: number, id: string) =>
    wh.query({
      sql: 'SELECT recency_days, frequency FROM customer_scores WHERE run_id = $1 AND customer_id = $2',
      params: [runId, id],
    });

  for (const asOf of ['2011-12-10', '2011-06-30'] as const) {
    it(`as of ${asOf}: R, F, M, scores and group of specific customers match the reference`, async () => {
      const ref = REFERENCE[asOf];
      const runId = runs[asOf]!;
      const t = await wh.query({
        sql: `SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment
          FROM customer_scores WHERE run_id = $1 ORDER BY customer_id`,
        params: [runId],
      });
      const ids = t.columns.customer_id as string[];
      for (const [id, want] of Object.entries(ref.customers)) {
        const i = ids.indexOf(id);
        expect(i, id).toBeGreaterThanOrEqual(0);
        const got = {
          recency: t.columns.recency_days?.[i],
          frequency: t.columns.frequency?.[i],
          monetary: Math.round(Number(t.columns.monetary?.[i]) * 100) / 100,
          r: t.columns.r_score?.[i],
          f: t.columns.f_score?.[i],
          m: t.columns.m_score?.[i],
          group: t.columns.rfm_segment?.[i],
        };
        expect(got, id).toEqual(want);
      }
    });

    it(`as of ${asOf}: ${REFERENCE[asOf].buyers} customers with purchases and every group size as the reference`, async () => {
      const runId = runs[asOf]!;
      expect(
        await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1 AND frequency > 0', [runId]),
      ).toBe(REFERENCE[asOf].buyers);
      const t = await wh.query({
        sql: `SELECT rfm_segment, count(*) AS n FROM customer_scores
          WHERE run_id = $1 AND frequency > 0 GROUP BY 1 ORDER BY 1`,
        params: [runId],
      });
      const got = Object.fromEntries((t.columns.rfm_segment ?? []).map((g, i) => [g, t.columns.n?.[i]]));
      expect(got).toEqual(REFERENCE[asOf].groups);
    });
  }

  it('counts 4,339 scored customers with purchases (and 33 whose only lines are cancellations, unscored)', async () => {
    const runId = runs['2011-12-10']!;
    expect(await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1', [runId])).toBe(4372);
    expect(
      await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1 AND r_score IS NOT NULL', [
        runId,
      ]),
    ).toBe(4339);
    expect(
      await count(
        wh,
        `SELECT count(*) FROM customer_scores WHERE run_id = $1 AND frequency = 0
          AND rfm_segment = 'No purchases' AND r_score IS NULL AND monetary IS NULL`,
        [runId],
      ),
    ).toBe(33);
  });

  it('quintiles hold 868 or 867 customers each, ties broken by customer id, the same on every run', async () => {
    const runId = runs['2011-12-10']!;
    for (const s of ['r_score', 'f_score', 'm_score']) {
      const t = await wh.query({
        sql: `SELECT ${s} AS s, count(*) AS n FROM customer_scores WHERE run_id = $1 AND ${s} IS NOT NULL GROUP BY 1 ORDER BY 1`,
        params: [runId],
      });
      expect(t.columns.n).toEqual([868, 868, 868, 868, 867]);
    }
    // 1,493 customers have exactly one purchase order: the lower-numbered ones fill f_score 1, the rest f_score 2.
    const t = await wh.query({
      sql: `SELECT f_score, min(customer_id) AS lo, max(customer_id) AS hi, count(*) AS n
        FROM customer_scores WHERE run_id = $1 AND frequency = 1 GROUP BY 1 ORDER BY 1`,
      params: [runId],
    });
    expect(t.columns.f_score).toEqual([1, 2]);
    expect(String(t.columns.hi?.[0]) < String(t.columns.lo?.[1])).toBe(true);
    const again = await analyze(wh);
    expect(
      await count(
        wh,
        `SELECT count(*) FROM (
          SELECT customer_id, r_score, f_score, m_score, rfm_segment, lifecycle_stage FROM customer_scores WHERE run_id = $1
          EXCEPT SELECT customer_id, r_score, f_score, m_score, rfm_segment, lifecycle_stage FROM customer_scores WHERE run_id = $2)`,
        [runId, again.runId],
      ),
    ).toBe(0);
  });

  it('shared ties give equal values the same score', async () => {
    const s = await analyze(wh, { rfm: { frequency: { kind: 'quantiles', ties: 'shared' } } });
    expect(
      await count(
        wh,
        `SELECT count(*) FROM (SELECT frequency FROM customer_scores WHERE run_id = $1 AND frequency > 0
          GROUP BY frequency HAVING count(DISTINCT f_score) > 1)`,
        [s.runId],
      ),
    ).toBe(0);
    expect(
      await count(wh, 'SELECT max(f_score) FROM customer_scores WHERE run_id = $1 AND frequency = 1', [
        s.runId,
      ]),
    ).toBe(1);
  });

  it('a replay as of 2011-06-30 sees no row from 2011-07-01 on', async () => {
    const runId = runs['2011-06-30']!;
    const cutoff = Date.UTC(2011, 6, 1);
    expect(
      await count(
        wh,
        `SELECT count(*) FROM customer_scores WHERE run_id = $1
          AND (last_purchase_at >= $2 OR first_order_at >= $2)`,
        [runId, new Date(cutoff).toISOString()],
      ),
    ).toBe(0);
    // Customers whose first order is on 2011-07-01 or later are not in the replay at all.
    expect(
      await count(
        wh,
        `SELECT count(*) FROM customer_scores s WHERE run_id = $1 AND NOT EXISTS (
          SELECT 1 FROM order_lines o WHERE o.customer_id = s.customer_id AND o.ordered_at < $2)`,
        [runId, new Date(cutoff).toISOString()],
      ),
    ).toBe(0);
    // 12748 bought on 2011-06-30 itself: included, recency 0.
    const t = await scores(runId, '12748');
    expect(t.columns.recency_days).toEqual([0]);
  });

  it('exports one CSV row per customer with the documented columns and no NaN', async () => {
    const out = join(dir, 'customers.csv');
    const r = await exportCustomers(wh, { out, runId: runs['2011-12-10']! });
    expect(r.rows).toBe(4372);
    const text = readFileSync(out, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(4373);
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
    expect(text).not.toMatch(/nan|inf/i);
    const row = lines.find((l) => l.startsWith('12347,'))!.split(',');
    const col = (name: string) => row[EXPORT_COLUMNS.findIndex((c) => c.name === name)];
    expect(col('recency_days')).toBe('3');
    expect(col('frequency')).toBe('7');
    expect(col('rfm_segment')).toBe('Champions');
    expect(col('rfm')).toBe('Champions');
    expect(col('aov')).not.toBe('');
    const champions = await exportCustomers(wh, {
      out: join(dir, 'champions.parquet'),
      runId: runs['2011-12-10']!,
      segment: { segmentation: 'rfm', segment: 'Champions' },
    });
    expect(champions.rows).toBe(655);
    expect(
      await count(wh, `SELECT count(*) FROM read_parquet($1) WHERE rfm_segment = 'Champions'`, [
        join(dir, 'champions.parquet'),
      ]),
    ).toBe(655);
  });
});
