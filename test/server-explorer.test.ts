import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentQuality } from '../src/analysis/quality/segment-quality.js';
import { createServer } from '../src/server/index.js';
import { headlines, overall, type SegmentQuality } from '../web/src/components/explorer/grade.js';
import { client } from './helpers/inject.js';
import { demoServer, type Fixture } from './server-fixture.js';

let fx: Fixture;
let runId: number;
let asOf: string;

beforeAll(async () => {
  fx = await demoServer();
  const t = await fx.app.warehouse.query({
    sql: `SELECT run_id, strftime(as_of, '%Y-%m-%d') AS as_of FROM analysis_runs WHERE status = 'done'
      ORDER BY run_id DESC LIMIT 1`,
    params: [],
  });
  runId = Number(t.columns.run_id?.[0]);
  asOf = String(t.columns.as_of?.[0]);
}, 120_000);
afterAll(async () => {
  await fx?.close();
});

const { get, ok, sql } = client(() => fx);

type Means = Record<string, number | null>;
interface Profiles {
  run: number;
  segmentation: string;
  customers: number;
  metrics: { key: string; mean: number | null; sd: number | null; customers: number }[];
  segments: {
    segment: string;
    customers: number;
    share: number;
    mean: Means;
    z: Means;
    n: Record<string, number>;
  }[];
}

describe('GET /v1/segmentations/:name/profiles', () => {
  it("gives each RFM group's metric means as the warehouse computes them, with z-scores against everyone", async () => {
    const p = await ok<Profiles>('/v1/segmentations/rfm/profiles');
    expect(p.run).toBe(runId);
    const rows = await sql(
      `SELECT l.rfm AS segment, count(*) AS n, avg(s.frequency) AS frequency, avg(s.monetary_net) AS monetary,
          avg(s.recency_days) AS recency, avg(s.churn_risk) AS churn
        FROM customer_segment_labels l JOIN customer_scores s USING (run_id, customer_id)
        WHERE l.run_id = $1 GROUP BY 1 ORDER BY n DESC, segment`,
      [runId],
    );
    expect(p.segments.map((s) => [s.segment, s.customers])).toEqual(rows.map((r) => [r.segment, r.n]));
    const [everyone] = await sql(
      `SELECT count(*) AS n, avg(frequency) AS mean, stddev_pop(frequency) AS sd FROM customer_scores
        WHERE run_id = $1`,
      [runId],
    );
    expect(p.customers).toBe(everyone!.n);
    const freq = p.metrics.find((m) => m.key === 'frequency')!;
    expect(freq.mean).toBeCloseTo(everyone!.mean as number, 9);
    expect(freq.sd).toBeCloseTo(everyone!.sd as number, 9);
    const champions = p.segments.find((s) => s.segment === 'Champions');
    expect(champions, 'the demo shop has Champions').toBeDefined();
    const row = rows.find((r) => r.segment === 'Champions')!;
    expect(champions!.mean.frequency).toBeCloseTo(row.frequency as number, 9);
    expect(champions!.z.frequency).toBeCloseTo(
      ((row.frequency as number) - (everyone!.mean as number)) / (everyone!.sd as number),
      9,
    );
    // Champions buy more often than the average customer.
    expect(champions!.z.frequency!).toBeGreaterThan(0.5);
    for (const r of rows) {
      const s = p.segments.find((x) => x.segment === r.segment)!;
      expect(s.mean.monetary_net).toBeCloseTo(r.monetary as number, 6);
      if (r.recency === null) expect(s.mean.recency_days).toBeNull();
      else expect(s.mean.recency_days).toBeCloseTo(r.recency as number, 9);
      if (r.churn === null) expect(s.mean.churn_risk).toBeNull();
      else expect(s.mean.churn_risk).toBeCloseTo(r.churn as number, 9);
    }
    expect(p.segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 9);
    // Each mean's base: the members with a value (no recency without a purchase).
    const bases = await sql(
      `SELECT l.rfm AS segment, count(s.recency_days) AS recency FROM customer_segment_labels l
        JOIN customer_scores s USING (run_id, customer_id) WHERE l.run_id = $1 GROUP BY 1`,
      [runId],
    );
    expect(bases.length).toBeGreaterThan(1);
    for (const r of bases)
      expect(p.segments.find((x) => x.segment === r.segment)?.n.recency_days).toBe(r.recency);
    expect(p.segments.find((x) => x.segment === 'No purchases')?.n.recency_days).toBe(0);
  });

  it("averages the age on the run's as-of day, from the birth date else the age column", async () => {
    const p = await ok<Profiles>('/v1/segmentations/rfm/profiles');
    const people = await sql(
      `SELECT l.rfm AS segment, strftime(c.birth_date, '%Y-%m-%d') AS birth, c.age AS age
        FROM customer_segment_labels l LEFT JOIN customers c USING (customer_id) WHERE l.run_id = $1`,
      [runId],
    );
    const ageOf = (birth: unknown, age: unknown): number | null => {
      let a: number | null = age === null || age === undefined ? null : Number(age);
      if (typeof birth === 'string') {
        const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
        const [Y, M, D] = asOf.split('-').map(Number) as [number, number, number];
        a = Y - y - (M < m || (M === m && D < d) ? 1 : 0);
      }
      return a !== null && a >= 0 && a <= 120 ? a : null;
    };
    const sums = new Map<string, { sum: number; n: number }>();
    for (const r of people) {
      const a = ageOf(r.birth, r.age);
      if (a === null) continue;
      const s = sums.get(String(r.segment)) ?? { sum: 0, n: 0 };
      sums.set(String(r.segment), { sum: s.sum + a, n: s.n + 1 });
    }
    expect(sums.size).toBeGreaterThan(0);
    for (const s of p.segments) {
      const want = sums.get(s.segment);
      if (!want) expect(s.mean.age).toBeNull();
      else expect(s.mean.age).toBeCloseTo(want.sum / want.n, 9);
    }
  });

  it("profiles a clustering's clusters and is kept in api_cache", async () => {
    const p = await ok<Profiles>('/v1/segmentations/cluster/profiles');
    const rows = await sql(
      `SELECT cluster_name AS segment, count(*) AS n, avg(s.clv) AS clv FROM customer_clusters g
        JOIN customer_scores s USING (run_id, customer_id) WHERE g.run_id = $1 AND g.clustering = 'cluster'
        GROUP BY 1 ORDER BY n DESC, segment`,
      [runId],
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(p.segments.map((s) => [s.segment, s.customers])).toEqual(rows.map((r) => [r.segment, r.n]));
    for (const r of rows) {
      const s = p.segments.find((x) => x.segment === r.segment)!;
      if (r.clv === null) expect(s.mean.clv).toBeNull();
      else expect(s.mean.clv).toBeCloseTo(r.clv as number, 6);
    }
    const kept = await sql('SELECT value FROM api_cache WHERE starts_with(cache_key, $1)', [
      `segment-profiles:${runId}:`,
    ]);
    expect(kept.length).toBeGreaterThanOrEqual(2);
  });
});

interface Quality {
  runId: number;
  customers: number;
  segmentation: string;
  quality: {
    segmentation: string;
    kind: string;
    scorecard: {
      rows: number;
      segments: { segment: string; size: number; share: number }[];
      overall: { segments: number; rSquared: number; silhouette: number | null; overlap: number };
    };
    stability: unknown;
    bootstrap: { meanJaccard: number } | null;
  };
}

describe('GET /v1/segmentations/:name/quality', () => {
  it('gives the scorecard of segmenta quality segments, with segment sizes as the warehouse counts them', async () => {
    const q = await ok<Quality>('/v1/segmentations/rfm/quality');
    expect(q.runId).toBe(runId);
    expect(q.quality.segmentation).toBe('rfm');
    expect(q.quality.kind).toBe('rfm');
    const rows = await sql(
      'SELECT rfm AS segment, count(*) AS n FROM customer_segment_labels WHERE run_id = $1 GROUP BY 1',
      [runId],
    );
    const sizes = Object.fromEntries(q.quality.scorecard.segments.map((s) => [s.segment, s.size]));
    expect(sizes).toEqual(Object.fromEntries(rows.map((r) => [r.segment, r.n])));
    expect(q.quality.scorecard.overall.segments).toBe(rows.length);
    expect(q.quality.scorecard.overall.rSquared).toBeGreaterThan(0);
    expect(q.quality.scorecard.overall.rSquared).toBeLessThan(1);
    // The same report as the CLI's (`segmenta quality segments --segmentation rfm --json`), less its timing.
    const direct = await segmentQuality(fx.app.warehouse, { runId, segmentation: 'rfm' });
    expect(q.quality).toEqual(JSON.parse(JSON.stringify(direct.segmentations[0])));
    expect(q.customers).toBe(direct.customers);
  });

  it('scores a clustering with bootstrap stability, and a restarted server reads it from api_cache', async () => {
    const q = await ok<Quality>('/v1/segmentations/cluster/quality');
    expect(q.quality.kind).toBe('cluster');
    expect(q.quality.bootstrap?.meanJaccard).toBeGreaterThan(0);
    await fx.app.warehouse.execute(
      `UPDATE api_cache SET value = json_merge_patch(value, '{"mark": 1}') WHERE cache_key LIKE $1`,
      [`segment-quality:${runId}:%:cluster`],
    );
    const server = await createServer({ app: fx.app });
    try {
      const res = await server.fastify.inject({
        url: '/v1/segmentations/cluster/quality',
        headers: { authorization: `Bearer ${fx.keys.read}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ...q, mark: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('the scorecard panel (web/src/components/explorer/grade.ts)', () => {
  it("grades the answer's headline figures, with bootstrap stability for clusterings only", async () => {
    const rfm = await ok<SegmentQuality>('/v1/segmentations/rfm/quality');
    const h = headlines(rfm);
    const o = rfm.quality.scorecard.overall;
    const by = Object.fromEntries(h.map((x) => [x.id, x]));
    expect(by.rSquared?.value).toBe(o.rSquared);
    expect(by.silhouette?.value).toBe(o.silhouette);
    expect(by.overlap?.value).toBe(o.overlap);
    expect(by.smallest?.value).toBe(Math.min(...rfm.quality.scorecard.segments.map((s) => s.share)));
    expect(by.rSquared?.grade).toBe(o.rSquared >= 0.5 ? 'good' : o.rSquared >= 0.25 ? 'fair' : 'weak');
    expect(by.overlap?.grade).toBe(o.overlap <= 0.1 ? 'good' : o.overlap <= 0.25 ? 'fair' : 'weak');
    // One run: nothing to compare with, so no grade rather than a bad one.
    expect(by.stability).toMatchObject({ value: null, grade: null });
    expect(by.bootstrap).toBeUndefined();
    const cluster = headlines(await ok<SegmentQuality>('/v1/segmentations/cluster/quality'));
    expect(cluster.find((x) => x.id === 'bootstrap')?.grade).not.toBeNull();
  });

  it('gives the overall verdict as the rounded mean grade', () => {
    const g = (...grades: ('good' | 'fair' | 'weak' | null)[]) =>
      overall(grades.map((grade) => ({ grade }) as ReturnType<typeof headlines>[number]));
    expect(g('good', 'good', 'fair')).toBe('good');
    expect(g('weak', 'weak', 'fair', 'fair')).toBe('fair');
    expect(g('weak', 'weak', 'fair', null)).toBe('weak');
    expect(g('good', 'weak')).toBe('fair');
    expect(g(null)).toBeNull();
  });
});

describe('errors', () => {
  it.each(['quality', 'profiles'])(
    '%s: 404 for an unknown segmentation, as /v1/segmentations/:name',
    async (what) => {
      const base = await get('/v1/segmentations/nope');
      expect(base.statusCode).toBe(404);
      const res = await get(`/v1/segmentations/nope/${what}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, detail: 'unknown segmentation "nope"' });
      expect(res.json().detail).toBe(base.json().detail);
      expect(res.json().hint).toBe(base.json().hint);
    },
  );

  it.each(['quality', 'profiles'])('%s: 404 for an unknown run, 401 without a key', async (what) => {
    const res = await get(`/v1/segmentations/rfm/${what}?run=99`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, detail: 'analysis run 99 does not exist' });
    expect((await get(`/v1/segmentations/rfm/${what}`, null)).statusCode).toBe(401);
    expect((await get(`/v1/segmentations/rfm/${what}`, 'sgk_000000000000_nope')).statusCode).toBe(401);
  });
});
