import type { Expr, Select } from '../../sql/ast.js';
import { asc, bin, call, cast, col, eq, select, star, table } from '../../sql/build.js';
import type { CellValue } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import {
  type ClusterMoments,
  compareClusteredShares,
  type ShareComparison,
  subtractMoments,
} from './clustered-shares.js';
import { numberAt } from './number-at.js';

/**
 * Over-indexing on a grid of cells (weekday × hour, category × channel). `units` yields one row per unit
 * (customer_id, k1, k2): an order, or an order's purchases of one category. Per segment and cell the warehouse
 * returns the customer-level moments of the Rao–Scott test (SQL does the heavy lifting; only one row per
 * segment and cell comes back), and each segment is compared with all other customers.
 */
export interface GridTest {
  readonly segment: string;
  readonly k1: CellValue;
  readonly k2: CellValue;
  readonly inSegment: ClusterMoments;
  readonly others: ClusterMoments;
  /** Segment customers with a unit in the cell. */
  readonly segmentCustomers: number;
  readonly result: ShareComparison;
}

const dbl = (e: Expr) => cast(e, 'DOUBLE');
const sum = (e: Expr) => dbl(call('sum', [e]));
const count = () => call('count', [star()]);
const times = (a: Expr, b: Expr) => bin('*', a, b);
const joinOn = (name: string, left: string) => ({
  type: 'INNER' as const,
  from: table(name),
  on: eq(col('customer_id', left), col('customer_id', name)),
});

/** The four queries: segment × cell, segment totals, base × cell, base totals. */
export function gridMomentQueries(
  segments: Select,
  units: Select,
): { bySegmentCell: Select; bySegment: Select; byCell: Select; total: Select } {
  const cc = select(
    { customer_id: col('customer_id'), k1: col('k1'), k2: col('k2'), y: count() },
    { from: table('units'), groupBy: [col('customer_id'), col('k1'), col('k2')] },
  );
  const cust = select(
    { customer_id: col('customer_id'), m: count() },
    { from: table('units'), groupBy: [col('customer_id')] },
  );
  const cellSums = {
    customers: count(),
    y: sum(col('y', 'cc')),
    yy: sum(times(col('y', 'cc'), col('y', 'cc'))),
    ym: sum(times(col('y', 'cc'), col('m', 'cust'))),
  };
  const totalSums = {
    customers: count(),
    m: sum(col('m', 'cust')),
    mm: sum(times(col('m', 'cust'), col('m', 'cust'))),
  };
  const seg = { name: 'seg', query: segments };
  const u = { name: 'units', query: units };
  const keys = [col('k1', 'cc'), col('k2', 'cc')];
  return {
    bySegmentCell: select(
      { segment: col('segment', 'seg'), k1: col('k1', 'cc'), k2: col('k2', 'cc'), ...cellSums },
      {
        with: [seg, u, { name: 'cc', query: cc }, { name: 'cust', query: cust }],
        from: table('cc'),
        joins: [joinOn('cust', 'cc'), joinOn('seg', 'cc')],
        groupBy: [col('segment', 'seg'), ...keys],
        orderBy: [asc(col('segment', 'seg')), ...keys.map(asc)],
      },
    ),
    bySegment: select(
      { segment: col('segment', 'seg'), ...totalSums },
      {
        with: [seg, u, { name: 'cust', query: cust }],
        from: table('cust'),
        joins: [joinOn('seg', 'cust')],
        groupBy: [col('segment', 'seg')],
        orderBy: [asc(col('segment', 'seg'))],
      },
    ),
    byCell: select(
      { k1: col('k1', 'cc'), k2: col('k2', 'cc'), ...cellSums },
      {
        with: [u, { name: 'cc', query: cc }, { name: 'cust', query: cust }],
        from: table('cc'),
        joins: [joinOn('cust', 'cc')],
        groupBy: keys,
        orderBy: keys.map(asc),
      },
    ),
    total: select(totalSums, { with: [u, { name: 'cust', query: cust }], from: table('cust') }),
  };
}

const cellKey = (k1: CellValue | undefined, k2: CellValue | undefined) =>
  JSON.stringify([String(k1), String(k2)]);

/**
 * Test every (segment, cell) where the whole base has at least `minSupport` units in the cell: a filter on the
 * cell's total, which does not favour either direction, so the Benjamini–Hochberg family stays honest. Cells a
 * segment never bought in are tested too (they are part of the family).
 */
export async function runGridTests(
  wh: Warehouse,
  segments: Select,
  units: Select,
  minSupport: number,
): Promise<GridTest[]> {
  const q = gridMomentQueries(segments, units);
  const [bySegmentCell, bySegment, byCell, total] = [
    await wh.query(q.bySegmentCell),
    await wh.query(q.bySegment),
    await wh.query(q.byCell),
    await wh.query(q.total),
  ];
  const base = {
    customers: numberAt(total, 'customers', 0),
    m: numberAt(total, 'm', 0),
    mm: numberAt(total, 'mm', 0),
  };
  const segCells = new Map<string, number>();
  for (let i = 0; i < bySegmentCell.rowCount; i++) {
    const c = bySegmentCell.columns;
    segCells.set(`${String(c.segment?.[i])}\u0000${cellKey(c.k1?.[i], c.k2?.[i])}`, i);
  }
  const tests: GridTest[] = [];
  for (let s = 0; s < bySegment.rowCount; s++) {
    const segment = String(bySegment.columns.segment?.[s]);
    const segTotal = {
      customers: numberAt(bySegment, 'customers', s),
      m: numberAt(bySegment, 'm', s),
      mm: numberAt(bySegment, 'mm', s),
    };
    for (let c = 0; c < byCell.rowCount; c++) {
      const baseCell: ClusterMoments = {
        ...base,
        y: numberAt(byCell, 'y', c),
        yy: numberAt(byCell, 'yy', c),
        ym: numberAt(byCell, 'ym', c),
      };
      if (baseCell.y < minSupport) continue;
      const k1 = byCell.columns.k1?.[c] ?? null;
      const k2 = byCell.columns.k2?.[c] ?? null;
      const i = segCells.get(`${segment}\u0000${cellKey(k1, k2)}`);
      const segCell: ClusterMoments = {
        ...segTotal,
        y: i === undefined ? 0 : numberAt(bySegmentCell, 'y', i),
        yy: i === undefined ? 0 : numberAt(bySegmentCell, 'yy', i),
        ym: i === undefined ? 0 : numberAt(bySegmentCell, 'ym', i),
      };
      const others = subtractMoments(baseCell, segCell);
      if (others.customers < 2 || others.m <= 0) continue;
      tests.push({
        segment,
        k1,
        k2,
        inSegment: segCell,
        others,
        segmentCustomers: i === undefined ? 0 : numberAt(bySegmentCell, 'customers', i),
        result: compareClusteredShares(segCell, others),
      });
    }
  }
  return tests;
}
