import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyze,
  countSegments,
  listSegmentations,
  movement,
  SEGMENTATIONS,
  stageDwell,
} from '../src/analysis/index.js';
import { generateDemoShop } from '../src/demo/index.js';
import { loadTables } from '../src/ingest/load-tables.js';
import {
  DEFAULT_LIFECYCLE_RULES,
  evaluateLifecycle,
  lifecycleInputsQuery,
  STAGE_IDS,
} from '../src/models/lifecycle/index.js';
import { compile } from '../src/sql/compile.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

/** Share of a persona's customers in the given lifecycle phases (or segments of a segmentation). */
async function share(wh: Warehouse, runId: number, persona: string, sql: string): Promise<number> {
  const t = await wh.query({
    sql: `SELECT avg(CASE WHEN ${sql} THEN 1.0 ELSE 0.0 END) AS s
      FROM customer_scores s JOIN truth t ON t.customer_id = s.customer_id
      WHERE s.run_id = $1 AND t.persona_id = $2`,
    params: [runId, persona],
  });
  return Number(t.columns.s?.[0]);
}

describe('analysis of the demo shop finds the hidden personas', () => {
  let wh: Warehouse;
  let runId: number;
  let earlier: number;
  beforeAll(async () => {
    wh = await memoryWarehouse();
    const shop = generateDemoShop({ seed: 11, customers: 2500 });
    await loadTables(wh, 'demo', shop.tables);
    await wh.execute('CREATE TABLE truth (customer_id VARCHAR, persona_id VARCHAR)');
    await wh.append('truth', {
      columns: {
        customer_id: shop.truth.customers.columns.customer_id!,
        persona_id: shop.truth.customers.columns.persona_id!,
      },
      rowCount: shop.truth.customers.rowCount,
    });
    earlier = (await analyze(wh, { asOf: '2026-04-30' })).runId;
    runId = (await analyze(wh)).runId;
  });
  afterAll(async () => {
    await wh.close();
  });

  it('puts every customer in exactly one of the 16 stages, with its phase', async () => {
    const customers = await count(wh, 'SELECT count(*) FROM customers');
    expect(await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1', [runId])).toBe(
      customers,
    );
    expect(
      await count(wh, 'SELECT count(DISTINCT customer_id) FROM customer_scores WHERE run_id = $1', [runId]),
    ).toBe(customers);
    const t = await wh.query({
      sql: 'SELECT DISTINCT lifecycle_stage FROM customer_scores WHERE run_id = $1',
      params: [runId],
    });
    for (const s of t.columns.lifecycle_stage ?? []) expect(STAGE_IDS).toContain(s);
    expect(t.rowCount).toBeGreaterThanOrEqual(14);
  });

  it('lapsed customers are mostly in decline; champions and loyal regulars in maturity or growth', async () => {
    expect(await share(wh, runId, 'lapsed', `lifecycle_phase = 'decline'`)).toBeGreaterThan(0.9);
    expect(await share(wh, runId, 'champions', `lifecycle_phase IN ('maturity', 'growth')`)).toBeGreaterThan(
      0.7,
    );
    expect(
      await share(wh, runId, 'loyal_regulars', `lifecycle_phase IN ('maturity', 'growth')`),
    ).toBeGreaterThan(0.75);
    expect(
      await share(wh, runId, 'new_customers', `lifecycle_phase IN ('acquisition', 'growth')`),
    ).toBeGreaterThan(0.85);
    expect(
      await share(
        wh,
        runId,
        'window_shoppers',
        `frequency = 0 AND lifecycle_phase IN ('acquisition', 'decline')`,
      ),
    ).toBe(1);
    // The at-risk persona is flagged at risk far more often than champions.
    const atRisk = await share(wh, runId, 'at_risk', `lifecycle_stage = 'at_risk'`);
    expect(atRisk).toBeGreaterThan(2 * (await share(wh, runId, 'champions', `lifecycle_stage = 'at_risk'`)));
    expect(await share(wh, runId, 'champions', `rfm_segment IN ('Champions', 'Loyal')`)).toBeGreaterThan(0.6);
    expect(
      await share(
        wh,
        runId,
        'lapsed',
        `rfm_segment IN ('Lost', 'Hibernating', 'At Risk', 'Cannot Lose Them')`,
      ),
    ).toBeGreaterThan(0.8);
  });

  it('the usage pattern finds the Tuesday-evening and the weekend shoppers', async () => {
    const seg = (name: string, segment: string) =>
      `EXISTS (SELECT 1 FROM customer_segments g WHERE g.run_id = s.run_id AND g.customer_id = s.customer_id
        AND g.segmentation = '${name}' AND g.segment = '${segment}')`;
    expect(
      await share(
        wh,
        runId,
        'tuesday_night',
        `${seg('behavioural.usage_pattern', 'tuesday_evening')} OR frequency < 3`,
      ),
    ).toBeGreaterThan(0.8);
    expect(
      await share(
        wh,
        runId,
        'weekend_app',
        `${seg('behavioural.usage_pattern', 'weekend')} OR frequency < 3`,
      ),
    ).toBeGreaterThan(0.8);
    expect(
      await share(wh, runId, 'champions', seg('behavioural.usage_pattern', 'tuesday_evening')),
    ).toBeLessThan(0.05);
    expect(await share(wh, runId, 'weekend_app', seg('behavioural.channel', 'app'))).toBeGreaterThan(0.5);
  });

  it('the SQL rules and the JS evaluator agree on every customer', async () => {
    const gap = Number(
      await count(
        wh,
        'SELECT median(mean_gap_days) FROM customer_scores WHERE run_id = $1 AND frequency >= 2',
        [runId],
      ),
    );
    await wh.execute('CREATE TEMP TABLE run_scores AS SELECT * FROM customer_scores WHERE run_id = $1', [
      runId,
    ]);
    const inputs = await wh.query(
      compile(lifecycleInputsQuery({ table: 'run_scores' }, { typicalGapDays: gap, predictions: [] })),
    );
    const stages = await wh.query({
      sql: 'SELECT customer_id, lifecycle_stage FROM run_scores',
      params: [],
    });
    const want = new Map(
      (stages.columns.customer_id ?? []).map((id, i) => [
        String(id),
        String(stages.columns.lifecycle_stage?.[i]),
      ]),
    );
    const names = Object.keys(inputs.columns).filter((k) => k !== 'customer_id');
    let checked = 0;
    for (let i = 0; i < inputs.rowCount; i++) {
      const row = Object.fromEntries(names.map((k) => [k, Number(inputs.columns[k]?.[i])]));
      const id = String(inputs.columns.customer_id?.[i]);
      expect(evaluateLifecycle(DEFAULT_LIFECYCLE_RULES, row).stage, id).toBe(want.get(id));
      checked++;
    }
    expect(checked).toBe(want.size);
  });

  it('lists every segmentation with named segments, counts them and profiles them', async () => {
    const list = await listSegmentations(wh, runId);
    // The built-in segmentations, then the run's own clustering.
    expect(list.map((s) => s.name)).toEqual([...SEGMENTATIONS.map((s) => s.name), 'cluster']);
    const customers = await count(wh, 'SELECT count(*) FROM customers');
    for (const s of list) {
      expect(s.customers, s.name).toBe(customers);
      expect(s.segments, s.name).toBeGreaterThan(1);
    }
    for (const type of ['demographic', 'psychographic', 'behavioural', 'value']) {
      expect(list.filter((s) => s.type === type).length, type).toBeGreaterThanOrEqual(4);
    }
    const tiers = await countSegments(wh, runId, 'value.tier');
    const platinum = tiers.find((t) => t.segment === 'platinum')!;
    const bronze = tiers.find((t) => t.segment === 'bronze')!;
    expect(platinum.meanMonetaryNet).toBeGreaterThan(3 * bronze.meanMonetaryNet);
    const income = await countSegments(wh, runId, 'demographic.income_band');
    expect(income.map((s) => s.segment).sort()).toEqual(
      ['high', 'low', 'lower_middle', 'middle', 'unknown', 'upper_middle'].sort(),
    );
    expect(await countSegments(wh, runId, 'psychographic.profile')).not.toHaveLength(0);
    await expect(countSegments(wh, runId, 'value.nope')).rejects.toThrow(/unknown segmentation "value.nope"/);
  });

  it('compares two runs: RFM movement, lifecycle transitions and dwell times', async () => {
    const m = await movement(wh, 'lifecycle', earlier, runId);
    const total = m.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(
      await count(wh, 'SELECT count(DISTINCT customer_id) FROM customer_scores WHERE run_id IN ($1, $2)', [
        earlier,
        runId,
      ]),
    );
    expect(m.kept).toBeGreaterThan(0.2);
    expect(m.kept).toBeLessThan(1);
    // Customers who were lapsed in April stay in decline in October.
    const lost = m.from.indexOf('lost_cause');
    const row = m.counts[lost]!;
    const declineTo = ['at_risk', 'churned', 'win_back_opportunity', 'lost_cause'].map(
      (s) => row[m.to.indexOf(s)] ?? 0,
    );
    expect(declineTo.reduce((a, b) => a + b, 0) / row.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.8);
    const rfm = await movement(wh, 'rfm', earlier, runId);
    expect(rfm.from).toContain('Champions');
    const dwell = await stageDwell(wh, runId);
    expect(dwell.reduce((a, d) => a + d.customers, 0)).toBe(
      await count(wh, 'SELECT count(*) FROM customer_scores WHERE run_id = $1', [runId]),
    );
    // Customers lost in both runs have been lost for the 185 days between the as-of dates; the others for 0.
    const lostBoth = row[m.to.indexOf('lost_cause')] ?? 0;
    const lostNow = dwell.find((d) => d.stage === 'lost_cause')!;
    expect(lostBoth).toBeGreaterThan(0);
    expect(lostNow.meanDays).toBeCloseTo((185 * lostBoth) / lostNow.customers, 6);
  });
});
