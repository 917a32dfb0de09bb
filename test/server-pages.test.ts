import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.js';
import { createServer } from '../src/server/index.js';
import { MAP_SAMPLE } from '../src/server/routes/cluster-map.js';
import type { CampaignResults, ClusterMap, SegmentWeekdayHour, Transitions } from '../web/src/types.js';
import { client, problem } from './helpers/inject.js';
import { demoServer, type Fixture } from './server-fixture.js';

let fx: Fixture;
/** The control-group row made contaminated (sent the campaign) before any request. */
let spoiled: { campaign: string; customer: string };

beforeAll(async () => {
  fx = await demoServer();
  const wh = fx.app.warehouse;
  const t = await wh.query({
    sql: `SELECT r.campaign_id, r.customer_id FROM campaign_responses r JOIN campaigns c USING (campaign_id)
      WHERE r.is_control AND r.sent_at IS NULL ORDER BY c.sent_at, r.customer_id LIMIT 1`,
    params: [],
  });
  spoiled = { campaign: String(t.columns.campaign_id?.[0]), customer: String(t.columns.customer_id?.[0]) };
  await wh.execute(
    `UPDATE campaign_responses SET sent_at = (SELECT sent_at FROM campaigns WHERE campaign_id = $1)
      WHERE campaign_id = $1 AND customer_id = $2`,
    [spoiled.campaign, spoiled.customer],
  );
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

const { get, ok, sql } = client(() => fx);

describe('GET /v1/clusterings/:name/map', () => {
  it('maps every customer of a small shop, with centroids at the mean of each cluster and persona names', async () => {
    const map = await ok<ClusterMap>('/v1/clusterings/cluster/map');
    const [{ n }] = (await sql(
      `SELECT count(*) AS n FROM customer_clusters WHERE clustering = 'cluster'`,
    )) as [{ n: number }];
    expect(map.customers).toBe(n);
    expect(map.sampled).toBe(n);
    expect(map.points).toHaveLength(n);
    expect(new Set(map.points.map((p) => p[3])).size).toBe(n);
    const cards = await ok<{
      items: { name: string; personas: { cluster: number; name: string; size: number }[] }[];
    }>('/v1/clusterings');
    const personas = cards.items.find((c) => c.name === 'cluster')!.personas;
    expect(map.clusters.map((c) => [c.cluster, c.name, c.size])).toEqual(
      [...personas].sort((a, b) => a.cluster - b.cluster).map((p) => [p.cluster, p.name, p.size]),
    );
    expect(map.clusters.length).toBeGreaterThan(1);
    for (const c of map.clusters) {
      const mine = map.points.filter((p) => p[2] === c.cluster);
      expect(mine).toHaveLength(c.size);
      expect(c.centroid[0]).toBeCloseTo(mine.reduce((s, p) => s + p[0], 0) / mine.length, 3);
      expect(c.centroid[1]).toBeCloseTo(mine.reduce((s, p) => s + p[1], 0) / mine.length, 3);
    }
    // The map spreads the customers out (it is not all zeros).
    expect(new Set(map.points.map((p) => p[0])).size).toBeGreaterThan(n / 2);
  });

  it(`samples at most ${MAP_SAMPLE} customers, the same ones every time`, async () => {
    const wh = fx.app.warehouse;
    await wh.execute(
      `INSERT INTO clusterings VALUES (1, 'cluster.big', now(), 3, 'given', 'test', '{}', NULL, '', '[]', '[]', '{}', '{}')`,
    );
    await wh.execute(
      `INSERT INTO customer_clusters SELECT 1, 'cluster.big', 'X' || i, i % 3, 'group ' || (i % 3), i / 1000.0, -i / 1000.0
        FROM range(12000) t(i)`,
    );
    const a = await ok<ClusterMap>('/v1/clusterings/cluster.big/map');
    expect(a.customers).toBe(12000);
    expect(a.sampled).toBe(MAP_SAMPLE);
    expect(a.points).toHaveLength(MAP_SAMPLE);
    // A sample across the whole base, not the first ids: every cluster, ids from all over the range.
    expect(new Set(a.points.map((p) => p[2]))).toEqual(new Set([0, 1, 2]));
    const ids = a.points.map((p) => Number(p[3].slice(1)));
    expect(Math.max(...ids)).toBeGreaterThan(11000);
    expect(Math.min(...ids)).toBeLessThan(1000);
    expect(a.clusters.map((c) => c.size)).toEqual([4000, 4000, 4000]);
    expect(a.clusters[0]!.centroid[0]).toBeCloseTo(5.9985, 3);
    // Stable: computed afresh (no cache: a new server on the same database would ask again) it is the same.
    await wh.execute(`DELETE FROM api_cache WHERE cache_key LIKE 'cluster-map:%'`);
    const fresh = await createServer({ app: fx.app });
    try {
      const b = await fresh.fastify.inject({
        method: 'GET',
        url: '/v1/clusterings/cluster.big/map',
        headers: { authorization: `Bearer ${fx.keys.read}` },
      });
      expect(b.json<ClusterMap>().points).toEqual(a.points);
    } finally {
      await fresh.close();
    }
  });

  it('404 for an unknown clustering or run, 400 for a bad run, 401 without a key', async () => {
    problem(await get('/v1/clusterings/nope/map'), 404, 'clustering "nope" does not exist in analysis run 1');
    problem(await get('/v1/clusterings/cluster/map?run=99'), 404, 'analysis run 99 does not exist');
    problem(
      await get('/v1/clusterings/cluster/map?run=x'),
      400,
      'query.run: Invalid input: expected number, received NaN',
    );
    problem(await get('/v1/clusterings/cluster/map', null), 401, 'missing Authorization header');
  });
});

describe('GET /v1/segmentations/:name/segments/:segment/weekday-hour', () => {
  it("shows the Tuesday-night buyers' habit against everyone's orders", async () => {
    const w = await ok<SegmentWeekdayHour>(
      '/v1/segmentations/behavioural.usage_pattern/segments/tuesday_evening/weekday-hour',
    );
    const [{ asOf }] = (await sql(
      `SELECT CAST(as_of AS VARCHAR) AS "asOf" FROM analysis_runs WHERE run_id = 1`,
    )) as [{ asOf: string }];
    const [{ orders }] = (await sql(
      `SELECT count(DISTINCT order_id) AS orders FROM order_lines WHERE status = 'purchase' AND ordered_at < CAST($1 AS DATE)`,
      [asOf],
    )) as [{ orders: number }];
    const [{ members }] = (await sql(
      `SELECT count(*) AS members FROM customer_segment_labels WHERE run_id = 1 AND "behavioural.usage_pattern" = 'tuesday_evening'`,
    )) as [{ members: number }];
    expect(w.allOrders).toBe(orders);
    expect(w.customers).toBe(members);
    expect(w.segmentGrid).toHaveLength(7);
    expect(w.segmentGrid.every((r) => r.length === 24)).toBe(true);
    const total = (g: number[][]) => g.flat().reduce((a, b) => a + b, 0);
    expect(total(w.allGrid)).toBe(w.allOrders);
    expect(total(w.segmentGrid)).toBe(w.segmentOrders);
    // Tuesday (row 1) 18:00-23:59 holds most of the segment's orders, and far less of everyone's.
    const tueEve = (g: number[][]) => g[1]!.slice(18).reduce((a, b) => a + b, 0);
    expect(tueEve(w.segmentGrid) / w.segmentOrders).toBeGreaterThan(0.6);
    expect(tueEve(w.allGrid) / w.allOrders).toBeLessThan(0.3);
    for (let d = 0; d < 7; d++)
      for (let h = 0; h < 24; h++) expect(w.segmentGrid[d]![h]).toBeLessThanOrEqual(w.allGrid[d]![h]!);
  });

  it("splits everyone's orders among the segments of a segmentation (guests in none)", async () => {
    const counts = await ok<{ segments: { segment: string }[] }>('/v1/segmentations/rfm');
    let sum = 0;
    for (const s of counts.segments) {
      sum += (
        await ok<SegmentWeekdayHour>(
          `/v1/segmentations/rfm/segments/${encodeURIComponent(s.segment)}/weekday-hour`,
        )
      ).segmentOrders;
    }
    const all = await ok<SegmentWeekdayHour>('/v1/segmentations/rfm/segments/Champions/weekday-hour');
    const [{ guests }] = (await sql(
      `SELECT count(DISTINCT order_id) AS guests FROM order_lines o WHERE status = 'purchase'
        AND ordered_at < (SELECT as_of FROM analysis_runs WHERE run_id = 1)
        AND (customer_id IS NULL OR customer_id NOT IN (SELECT customer_id FROM customer_segment_labels WHERE run_id = 1))`,
    )) as [{ guests: number }];
    expect(sum).toBe(all.allOrders - guests);
    // The whole segmentation at once: every segment (the largest first), each as its own route gives it.
    const whole = await ok<{
      allOrders: number;
      segments: { segment: string; customers: number; orders: number; grid: number[][] }[];
    }>('/v1/segmentations/rfm/weekday-hour');
    expect(whole.allOrders).toBe(all.allOrders);
    expect(whole.segments.map((s) => s.segment)).toEqual(counts.segments.map((s) => s.segment));
    const champions = whole.segments.find((s) => s.segment === 'Champions')!;
    expect([champions.customers, champions.orders, champions.grid]).toEqual([
      all.customers,
      all.segmentOrders,
      all.segmentGrid,
    ]);
  });

  it('works for a clustering', async () => {
    const map = await ok<ClusterMap>('/v1/clusterings/cluster/map');
    const c = map.clusters[0]!;
    const w = await ok<SegmentWeekdayHour>(
      `/v1/segmentations/cluster/segments/${encodeURIComponent(c.name)}/weekday-hour`,
    );
    expect(w.customers).toBe(c.size);
  });

  it('404 for an unknown segmentation, segment or run, 400 for a bad run, 401 without a key', async () => {
    problem(
      await get('/v1/segmentations/rfm/segments/Nobody/weekday-hour'),
      404,
      'segment "Nobody" does not exist in segmentation rfm (analysis run 1)',
    );
    problem(
      await get('/v1/segmentations/rfm/segments/Champions/weekday-hour?run=99'),
      404,
      'analysis run 99 does not exist',
    );
    problem(await get('/v1/segmentations/nope/segments/x/weekday-hour'), 404, 'unknown segmentation "nope"');
    problem(
      await get('/v1/segmentations/rfm/segments/Champions/weekday-hour?run=-1'),
      400,
      'query.run: Too small: expected number to be >0',
    );
    problem(
      await get('/v1/segmentations/rfm/segments/Champions/weekday-hour', null),
      401,
      'missing Authorization header',
    );
  });
});

describe('GET /v1/campaigns/results', () => {
  it('gives treated and control rates, uplift with a 95% interval and revenue per treated customer, by segment', async () => {
    const r = await ok<CampaignResults>('/v1/campaigns/results');
    expect(r.segmentation).toBe('rfm');
    const [{ campaigns }] = (await sql(
      `SELECT count(*) AS campaigns FROM campaigns WHERE sent_at < (SELECT as_of FROM analysis_runs WHERE run_id = 1)`,
    )) as [{ campaigns: number }];
    expect(r.campaigns).toHaveLength(campaigns);
    const first = r.campaigns.find((c) => c.campaign === spoiled.campaign)!;
    expect(first.name).not.toBe(first.campaign);
    const [expected] = (await sql(
      `SELECT count(*) FILTER (WHERE NOT is_control) AS treated,
          count(*) FILTER (WHERE NOT is_control AND converted_at IS NOT NULL) AS tconv,
          coalesce(sum(revenue) FILTER (WHERE NOT is_control), 0) AS revenue,
          count(*) FILTER (WHERE is_control) AS control,
          count(*) FILTER (WHERE is_control AND converted_at IS NOT NULL) AS cconv
        FROM campaign_responses r JOIN customer_segment_labels l ON l.customer_id = r.customer_id AND l.run_id = 1
        WHERE campaign_id = $1`,
      [spoiled.campaign],
    )) as { treated: number; tconv: number; revenue: number; control: number; cconv: number }[];
    const [spoiledRow] = (await sql(
      'SELECT converted_at IS NOT NULL AS conv FROM campaign_responses WHERE campaign_id = $1 AND customer_id = $2',
      [spoiled.campaign, spoiled.customer],
    )) as { conv: boolean }[];
    const a = first.all;
    expect(a.treated).toBe(expected!.treated);
    // The contaminated control member (sent the campaign) is left out of the control group.
    expect(a.contaminated).toBe(1);
    expect(a.control).toBe(expected!.control - 1);
    expect(a.treatedRate).toBeCloseTo(expected!.tconv / expected!.treated, 10);
    expect(a.controlRate).toBeCloseTo(
      (expected!.cconv - (spoiledRow!.conv ? 1 : 0)) / (expected!.control - 1),
      10,
    );
    expect(a.revenuePerTreated).toBeCloseTo(expected!.revenue / expected!.treated, 6);
    expect(a.uplift).toBeCloseTo(a.treatedRate! - a.controlRate!, 12);
    const se = Math.sqrt(
      (a.treatedRate! * (1 - a.treatedRate!)) / a.treated +
        (a.controlRate! * (1 - a.controlRate!)) / a.control,
    );
    expect(a.high! - a.uplift!).toBeCloseTo(1.96 * se, 3);
    expect(a.uplift! - a.low!).toBeCloseTo(1.96 * se, 3);
    // The segments add up to the campaign.
    expect(first.segments.reduce((s, x) => s + x.treated, 0)).toBe(a.treated);
    expect(first.segments.reduce((s, x) => s + x.control, 0)).toBe(a.control);
    const spoiledSegment = (await sql(
      `SELECT rfm FROM customer_segment_labels WHERE run_id = 1 AND customer_id = $1`,
      [spoiled.customer],
    )) as { rfm: string }[];
    expect(first.segments.find((s) => s.segment === spoiledSegment[0]!.rfm)!.contaminated).toBe(1);
  });

  it('breaks results down by any segmentation; 404 for an unknown run or segmentation, 400 for bad parameters, 401 without a key', async () => {
    const byStage = await ok<CampaignResults>('/v1/campaigns/results?segmentation=lifecycle');
    const byRfm = await ok<CampaignResults>('/v1/campaigns/results');
    // The same campaigns and customers, split differently (summed doubles may differ in the last digits).
    const whole = (r: CampaignResults) =>
      r.campaigns.map((c) => ({ ...c.all, revenuePerTreated: undefined }));
    expect(whole(byStage)).toEqual(whole(byRfm));
    for (const [i, c] of byStage.campaigns.entries())
      expect(c.all.revenuePerTreated ?? 0).toBeCloseTo(byRfm.campaigns[i]!.all.revenuePerTreated ?? 0, 4);
    problem(await get('/v1/campaigns/results?run=99'), 404, 'analysis run 99 does not exist');
    problem(await get('/v1/campaigns/results?segmentation=nope'), 404, 'unknown segmentation "nope"');
    problem(
      await get('/v1/campaigns/results?segmentation='),
      400,
      'query.segmentation: Too small: expected string to have >=1 characters',
    );
    problem(await get('/v1/campaigns/results', null), 401, 'missing Authorization header');
  });
});

describe('GET /v1/segmentations/:name/transitions', () => {
  it('says how to get a second run when there is only one', async () => {
    const t = await ok<Transitions>('/v1/segmentations/lifecycle/transitions');
    expect(t.fromRun).toBeNull();
    expect(t.toRun).toBe(1);
    expect(t.links).toEqual([]);
    expect(t.note).toBe(
      'only one finished analysis run: transitions need two (e.g. segmenta analyze --as-of 2026-08-01 for an earlier one)',
    );
  });

  describe('with a second, earlier run', () => {
    beforeAll(async () => {
      await analyze(fx.app.warehouse, { asOf: '2026-05-01', clv: { draws: 20 } });
    }, 120_000);

    it('links the stages of the earlier run to those of the later one (default: the two latest runs)', async () => {
      const t = await ok<Transitions>('/v1/segmentations/lifecycle/transitions');
      // Run 2 has the earlier as-of date, so it is the "from" side.
      expect([t.fromRun, t.toRun]).toEqual([2, 1]);
      const expected = await sql(
        `SELECT coalesce(a.lifecycle, '(new)') AS f, coalesce(b.lifecycle, '(gone)') AS t, count(*) AS n
          FROM (SELECT * FROM customer_segment_labels WHERE run_id = 2) a
          FULL JOIN (SELECT * FROM customer_segment_labels WHERE run_id = 1) b ON a.customer_id = b.customer_id
          GROUP BY 1, 2`,
      );
      expect(
        t.links
          .map((l) => [l.source, l.target, l.customers])
          .sort((x, y) => String(x).localeCompare(String(y))),
      ).toEqual(
        expected
          .map((e) => [`from:${e.f}`, `to:${e.t}`, e.n])
          .sort((x, y) => String(x).localeCompare(String(y))),
      );
      const ids = new Set(t.nodes.map((n) => n.id));
      for (const l of t.links) {
        expect(ids.has(l.source)).toBe(true);
        expect(ids.has(l.target)).toBe(true);
      }
      expect(t.nodes.filter((n) => n.side === 'from').every((n) => n.run === 2)).toBe(true);
    });

    it('works for rfm between named runs', async () => {
      const t = await ok<Transitions>('/v1/segmentations/rfm/transitions?from=1&to=2');
      expect([t.fromRun, t.toRun]).toEqual([1, 2]);
      const champions = await ok<{ segments: { segment: string; customers: number }[] }>(
        '/v1/segmentations/rfm?run=1',
      );
      const n = champions.segments.find((s) => s.segment === 'Champions')!.customers;
      expect(t.links.filter((l) => l.source === 'from:Champions').reduce((s, l) => s + l.customers, 0)).toBe(
        n,
      );
    });

    it('pairs a chosen run with the run before it (by as-of date), or after it when it is the earliest', async () => {
      // Run 2 (2026-05-01) is the earliest: its partner is the next one, run 1 (2026-11-01).
      const two = await ok<Transitions>('/v1/segmentations/lifecycle/transitions?run=2');
      expect([two.fromRun, two.toRun]).toEqual([2, 1]);
      await analyze(fx.app.warehouse, { asOf: '2026-08-01', clv: { draws: 20 } });
      // Run 3 (2026-08-01), the latest made, follows run 2; run 1 now follows run 3.
      const latest = await ok<Transitions>('/v1/segmentations/lifecycle/transitions');
      expect([latest.fromRun, latest.toRun]).toEqual([2, 3]);
      const one = await ok<Transitions>('/v1/segmentations/lifecycle/transitions?run=1');
      expect([one.fromRun, one.toRun]).toEqual([3, 1]);
      problem(
        await get('/v1/segmentations/lifecycle/transitions?run=1&from=2&to=3'),
        400,
        'give run, or from and to, not both',
      );
    }, 120_000);

    it('404 for an unknown run or segmentation, 400 for bad parameters, 401 without a key', async () => {
      problem(
        await get('/v1/segmentations/lifecycle/transitions?from=1&to=99'),
        404,
        'analysis run 99 does not exist',
      );
      problem(
        await get('/v1/segmentations/lifecycle/transitions?from=1&to=1'),
        400,
        'from and to must be different runs',
      );
      problem(
        await get('/v1/segmentations/lifecycle/transitions?from=1'),
        400,
        'give both from and to, or neither (the run and the one before it)',
      );
      problem(
        await get('/v1/segmentations/lifecycle/transitions?to=abc&from=1'),
        400,
        'query.to: Invalid input: expected number, received NaN',
      );
      problem(await get('/v1/segmentations/nope/transitions'), 404, 'unknown segmentation "nope"');
      problem(
        await get('/v1/segmentations/lifecycle/transitions', null),
        401,
        'missing Authorization header',
      );
    });
  });
});
