import { invalidInput } from '../../core/errors.js';
import type { Expr, Select } from '../../sql/ast.js';
import { and, cast, col, eq, isNotNull, select, table, val } from '../../sql/build.js';
import { type CellValue, type ColumnTable, columnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { withTempTable } from './temp-table.js';

/**
 * Who is in which segment, for any segmentation (RFM groups, lifecycle stages, clusters, rule segments): a
 * table or view of the warehouse, optionally filtered by equality on some columns (one run and segmentation of
 * `customer_segments`), or rows handed over directly. A customer may be in several segments (overlapping rule
 * segments); each segment is compared with every other customer of the base.
 */
export type SegmentSource =
  | {
      readonly kind: 'table';
      readonly table: string;
      /** Equality filters, e.g. `{ run_id: 4, segmentation: 'rfm' }`. */
      readonly where?: Readonly<Record<string, string | number | boolean>>;
      /** Default `customer_id`. */
      readonly customerColumn?: string;
      /** Default `segment`. */
      readonly segmentColumn?: string;
    }
  | {
      readonly kind: 'rows';
      readonly rows: ColumnTable;
      readonly customerColumn?: string;
      readonly segmentColumn?: string;
    };

/** The segments of one run and segmentation as written by `segmenta analyze`. */
export const segmentationOfRun = (runId: number, segmentation: string): SegmentSource => ({
  kind: 'table',
  table: 'customer_segments',
  where: { run_id: runId, segmentation },
});

/**
 * Run `work` with a query of distinct (customer_id, segment) pairs, both VARCHAR. Rows are first appended to a
 * TEMP table (dropped afterwards), so the analyses are the same SQL whatever the source.
 */
export async function withSegmentRelation<T>(
  wh: Warehouse,
  source: SegmentSource,
  work: (segments: Select) => Promise<T>,
): Promise<T> {
  const customer = source.customerColumn ?? 'customer_id';
  const segment = source.segmentColumn ?? 'segment';
  if (source.kind === 'table') {
    const columns = (await wh.describe(source.table)).map((c) => c.name);
    const where = Object.entries(source.where ?? {});
    for (const name of [customer, segment, ...where.map(([k]) => k)]) {
      if (!columns.includes(name)) {
        throw invalidInput(
          `segments table ${source.table} has no column "${name}" (columns: ${columns.join(', ')})`,
        );
      }
    }
    return work(
      distinctPairs(
        source.table,
        customer,
        segment,
        where.map(([k, v]) => eq(col(k), val(v))),
      ),
    );
  }
  const rows = source.rows;
  const ids = rows.columns[customer];
  const labels = rows.columns[segment];
  if (ids === undefined || labels === undefined) {
    const missing = ids === undefined ? customer : segment;
    throw invalidInput(
      `segment rows have no column "${missing}" (columns: ${Object.keys(rows.columns).join(', ')})`,
    );
  }
  return withTempTable(
    wh,
    'segments',
    'customer_id VARCHAR, segment VARCHAR',
    columnTable({ customer_id: ids.map(text), segment: labels.map(text) }),
    (name) => work(distinctPairs(name, 'customer_id', 'segment', [])),
  );
}

function distinctPairs(from: string, customer: string, segment: string, filters: Expr[]): Select {
  return select(
    { customer_id: cast(col(customer), 'VARCHAR'), segment: cast(col(segment), 'VARCHAR') },
    {
      distinct: true,
      from: table(from),
      where: and(isNotNull(col(customer)), isNotNull(col(segment)), ...filters),
    },
  );
}

const text = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
