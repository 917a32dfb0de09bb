import type { Expr, Select } from '../../sql/ast.js';
import { asc, bin, call, cast, col, eq, select, star, table, val } from '../../sql/build.js';
import { columnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ClusterMoments } from './clustered-shares.js';
import { numberAt } from './number-at.js';
import { withTempTable } from './temp-table.js';
import { HOURS_PER_WEEK, type HourRun } from './week-hours.js';

/** The hours of the week a run covers, wrapping from Saturday 23h to Sunday 0h. */
export function runHours(run: HourRun): number[] {
  return Array.from({ length: run.length }, (_, i) => (run.start + i) % HOURS_PER_WEEK);
}

const weekHour = (): Expr => bin('+', bin('*', col('k1'), val(24)), col('k2'));

/**
 * Customer-level sums (y, y², y·m) of units falling in each run, per segment and for the whole base. `runs` is a
 * table of (run_id, hour); units are first counted per customer and hour, then joined to it, so any number of
 * runs costs one pass.
 */
export function runMomentQueries(
  segments: Select,
  units: Select,
  runs: string,
): { bySegment: Select; base: Select } {
  const count = () => call('count', [star()]);
  const sum = (e: Expr) => cast(call('sum', [e]), 'DOUBLE');
  const uh = select({ customer_id: col('customer_id'), h: weekHour() }, { from: table('units') });
  const cc = select(
    { customer_id: col('customer_id'), h: col('h'), y: count() },
    { from: table('uh'), groupBy: [col('customer_id'), col('h')] },
  );
  const cust = select(
    { customer_id: col('customer_id'), m: count() },
    { from: table('units'), groupBy: [col('customer_id')] },
  );
  const cr = select(
    { customer_id: col('customer_id', 'cc'), run_id: col('run_id', 'r'), y: sum(col('y', 'cc')) },
    {
      from: table('cc'),
      joins: [{ type: 'INNER', from: table(runs, 'r'), on: eq(col('h', 'cc'), col('hour', 'r')) }],
      groupBy: [col('customer_id', 'cc'), col('run_id', 'r')],
    },
  );
  const y = col('y', 'cr');
  const sums = {
    customers: count(),
    y: sum(y),
    yy: sum(bin('*', y, y)),
    ym: sum(bin('*', y, col('m', 'cust'))),
  };
  const ctes = [
    { name: 'units', query: units },
    { name: 'uh', query: uh },
    { name: 'cc', query: cc },
    { name: 'cust', query: cust },
    { name: 'cr', query: cr },
  ];
  const withCust = {
    type: 'INNER' as const,
    from: table('cust'),
    on: eq(col('customer_id', 'cr'), col('customer_id', 'cust')),
  };
  return {
    bySegment: select(
      { segment: col('segment', 'seg'), run_id: col('run_id', 'cr'), ...sums },
      {
        with: [{ name: 'seg', query: segments }, ...ctes],
        from: table('cr'),
        joins: [
          withCust,
          { type: 'INNER', from: table('seg'), on: eq(col('customer_id', 'cr'), col('customer_id', 'seg')) },
        ],
        groupBy: [col('segment', 'seg'), col('run_id', 'cr')],
        orderBy: [asc(col('segment', 'seg')), asc(col('run_id', 'cr'))],
      },
    ),
    base: select(
      { run_id: col('run_id', 'cr'), ...sums },
      {
        with: ctes,
        from: table('cr'),
        joins: [withCust],
        groupBy: [col('run_id', 'cr')],
        orderBy: [asc(col('run_id', 'cr'))],
      },
    ),
  };
}

/** In-run part of the moments: y, yy, ym, and how many customers have a unit in the run. */
export type RunMoments = Pick<ClusterMoments, 'y' | 'yy' | 'ym'> & { readonly cellCustomers: number };

/**
 * Moments of each run (index into `runs`) per segment (`segment\0index`) and for the base (`index`). Runs absent
 * from the result had no unit at all.
 */
export async function queryRunMoments(
  wh: Warehouse,
  segments: Select,
  units: Select,
  runs: readonly HourRun[],
): Promise<{ bySegment: Map<string, RunMoments>; base: Map<number, RunMoments> }> {
  const runIds: number[] = [];
  const hours: number[] = [];
  runs.forEach((r, j) => {
    for (const h of runHours(r)) {
      runIds.push(j);
      hours.push(h);
    }
  });
  const data = columnTable({ run_id: runIds, hour: hours });
  return withTempTable(wh, 'runs', 'run_id INTEGER, hour INTEGER', data, async (name) => {
    const q = runMomentQueries(segments, units, name);
    const seg = await wh.query(q.bySegment);
    const base = await wh.query(q.base);
    const read = (t: typeof seg, i: number): RunMoments => ({
      y: numberAt(t, 'y', i),
      yy: numberAt(t, 'yy', i),
      ym: numberAt(t, 'ym', i),
      cellCustomers: numberAt(t, 'customers', i),
    });
    const bySegment = new Map<string, RunMoments>();
    for (let i = 0; i < seg.rowCount; i++) {
      bySegment.set(`${String(seg.columns.segment?.[i])}\u0000${numberAt(seg, 'run_id', i)}`, read(seg, i));
    }
    const baseMap = new Map<number, RunMoments>();
    for (let i = 0; i < base.rowCount; i++) baseMap.set(numberAt(base, 'run_id', i), read(base, i));
    return { bySegment, base: baseMap };
  });
}
