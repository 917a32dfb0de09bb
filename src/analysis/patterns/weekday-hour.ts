import type { Select } from '../../sql/ast.js';
import { and, call, col, eq, isNotNull, lt, select, table, val } from '../../sql/build.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { type ClusterMoments, compareClusteredShares, subtractMoments } from './clustered-shares.js';
import type { GridTest } from './grid-tests.js';
import { queryRunMoments } from './hour-range-moments.js';
import type { ResolvedPatternOptions } from './options.js';
import { formatLift, formatP, formatShare } from './phrasing.js';
import type { WeekdayHourStatement } from './statement.js';
import { HOURS_PER_WEEK, type HourRun, hourRuns, weekHourPhrase, weekHourRange } from './week-hours.js';

/**
 * Weekday × hour over-indexing. Units are purchase orders of known customers (the `orders` view), placed in
 * the hour of the week of their local wall-clock time. Hours are tested one by one (7 × 24 cells); runs of
 * adjacent significant, over-indexed hours of a segment are merged into one range ("Tuesday 20-23h") whose
 * shares, lift and p are recomputed on the whole range.
 */
export function weekdayHourUnits(cutoff: Date | null): Select {
  return select(
    {
      customer_id: col('customer_id'),
      k1: call('dayofweek', [col('ordered_at')]),
      k2: call('hour', [col('ordered_at')]),
    },
    {
      from: table('orders'),
      where: and(
        eq(col('status'), val('purchase')),
        isNotNull(col('customer_id')),
        ...(cutoff ? [lt(col('ordered_at'), val(cutoff))] : []),
      ),
    },
  );
}

/** Statements from the hourly tests (q-values in the same order), merged into ranges. */
export async function weekdayHourStatements(
  wh: Warehouse,
  segments: Select,
  units: Select,
  tests: readonly GridTest[],
  q: readonly number[],
  o: ResolvedPatternOptions,
): Promise<WeekdayHourStatement[]> {
  // segment → hour of week → its q and lift, for significant over-indexed hours
  const found = new Map<string, { q: Map<number, number>; lift: Map<number, number> }>();
  tests.forEach((t, i) => {
    const qi = q[i] ?? 1;
    if (qi >= o.alpha || t.result.z <= 0) return;
    const hours = found.get(t.segment) ?? { q: new Map<number, number>(), lift: new Map<number, number>() };
    const h = Number(t.k1) * 24 + Number(t.k2);
    hours.q.set(h, qi);
    hours.lift.set(h, t.result.lift);
    found.set(t.segment, hours);
  });
  const runsOf = [...found.entries()].map(([segment, hours]) => ({
    segment,
    hours: hours.q,
    runs: hourRuns(hours.lift),
  }));
  const distinct = new Map<string, HourRun>();
  for (const s of runsOf) for (const r of s.runs) distinct.set(`${r.start}:${r.length}`, r);
  const runs = [...distinct.values()].sort((a, b) => a.start - b.start || a.length - b.length);
  if (runs.length === 0) return [];
  const index = new Map(runs.map((r, j) => [`${r.start}:${r.length}`, j]));
  const moments = await queryRunMoments(wh, segments, units, runs);
  // Totals (customers, all units, Σm²) of each segment and of the base, as the hourly tests saw them.
  const totals = new Map<string, { segment: ClusterMoments; base: ClusterMoments }>();
  for (const t of tests) {
    if (totals.has(t.segment)) continue;
    totals.set(t.segment, {
      segment: t.inSegment,
      base: {
        customers: t.inSegment.customers + t.others.customers,
        m: t.inSegment.m + t.others.m,
        mm: t.inSegment.mm + t.others.mm,
        y: 0,
        yy: 0,
        ym: 0,
      },
    });
  }

  const out: WeekdayHourStatement[] = [];
  for (const { segment, hours, runs: segmentRuns } of runsOf) {
    const total = totals.get(segment);
    if (total === undefined) continue;
    for (const run of segmentRuns) {
      const j = index.get(`${run.start}:${run.length}`) as number;
      const inRun = moments.bySegment.get(`${segment}\u0000${j}`);
      const baseRun = moments.base.get(j);
      if (inRun === undefined || baseRun === undefined) continue;
      const inSegment: ClusterMoments = { ...total.segment, y: inRun.y, yy: inRun.yy, ym: inRun.ym };
      const base: ClusterMoments = { ...total.base, y: baseRun.y, yy: baseRun.yy, ym: baseRun.ym };
      const others = subtractMoments(base, inSegment);
      const r = compareClusteredShares(inSegment, others);
      const segmentCustomers = inRun.cellCustomers;
      if (r.z <= 0 || r.lift < o.minLift) continue;
      if (inSegment.y < o.minSupport || segmentCustomers < o.minCustomers) continue;
      let qRun = r.p;
      for (let h = run.start; h < run.start + run.length; h++) {
        qRun = Math.max(qRun, hours.get(h % HOURS_PER_WEEK) ?? 1);
      }
      const cell = weekHourRange(run);
      const where = weekHourPhrase(cell);
      out.push({
        kind: 'weekday_hour',
        segment,
        cell,
        segmentShare: r.share1,
        baseShare: r.share2,
        lift: r.lift,
        liftLow: r.liftLow,
        p: r.p,
        q: qRun,
        n: {
          segmentCell: inSegment.y,
          segmentTotal: inSegment.m,
          othersCell: others.y,
          othersTotal: others.m,
          segmentCustomers,
        },
        text: {
          en: `"${segment}" buys ${formatLift(r.lift, 'en')} more ${where.en} than other customers (${formatShare(r.share1, 'en')} of its orders vs ${formatShare(r.share2, 'en')}; ${formatP(r.p, 'en')})`,
          es: `"${segment}" compra ${formatLift(r.lift, 'es')} más ${where.es} que el resto de clientes (${formatShare(r.share1, 'es')} de sus pedidos frente al ${formatShare(r.share2, 'es')}; ${formatP(r.p, 'es')})`,
        },
      });
    }
  }
  return out;
}
