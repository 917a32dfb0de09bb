import { quoteIdent } from '../../sql/dialect.js';
import { columnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

export interface MergeResult {
  readonly merged: number;
}

const TABLES_WITH_CUSTOMER = ['order_lines', 'events', 'messages', 'campaign_responses'] as const;
const NOT_COPIED = new Set(['customer_id', 'import_id', 'source_line']);

/** Union-find over customer ids. */
function components(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const root = new Map<string, string>();
  for (const k of parent.keys()) root.set(k, find(k));
  return root;
}

/**
 * Merge customers that share a normalised email or phone under one id: the one seen first (earliest import,
 * then line) is kept, its empty attributes are filled from the others, their orders, events, messages and
 * responses move to it, and each merge is logged in `customer_merges` (listed by `segmenta customers merges`).
 */
export async function mergeDuplicateCustomers(wh: Warehouse, importId: number | null): Promise<MergeResult> {
  const matches = await wh.query({
    sql: `WITH c AS (
            SELECT customer_id, email, phone,
              row_number() OVER (ORDER BY import_id NULLS FIRST, source_line NULLS FIRST, customer_id) AS seen
            FROM customers),
          keys AS (
            SELECT 'email' AS match_on, email AS value, customer_id, seen FROM c WHERE email LIKE '%_@_%._%'
            UNION ALL
            SELECT 'phone', phone, customer_id, seen FROM c WHERE phone LIKE '+%')
          SELECT match_on, value, CAST(to_json(list(customer_id ORDER BY seen)) AS VARCHAR) AS ids
          FROM keys GROUP BY match_on, value HAVING count(*) > 1`,
    params: [],
  });
  const n = matches.rowCount;
  if (n === 0) return { merged: 0 };
  const onCol = matches.columns.match_on!;
  const valueCol = matches.columns.value!;
  const idsCol = matches.columns.ids!;

  const seenOrder = await wh.query({
    sql: `SELECT customer_id FROM customers ORDER BY import_id NULLS FIRST, source_line NULLS FIRST, customer_id`,
    params: [],
  });
  const rank = new Map<string, number>();
  (seenOrder.columns.customer_id ?? []).forEach((id, i) => {
    rank.set(String(id), i);
  });

  const pairs: [string, string][] = [];
  const reason = new Map<string, { on: string; value: string }>();
  for (let i = 0; i < n; i++) {
    const ids = JSON.parse(String(idsCol[i])) as string[];
    const [first, ...rest] = ids;
    for (const other of rest) {
      pairs.push([first!, other]);
      if (!reason.has(other)) reason.set(other, { on: String(onCol[i]), value: String(valueCol[i]) });
    }
  }
  const root = components(pairs);
  const groups = new Map<string, string[]>();
  for (const [id, r] of root) {
    const g = groups.get(r) ?? [];
    g.push(id);
    groups.set(r, g);
  }
  const kept: string[] = [];
  const merged: string[] = [];
  const on: string[] = [];
  const value: string[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    for (const m of g.slice(1)) {
      kept.push(g[0]!);
      merged.push(m);
      const why = reason.get(m) ?? { on: 'email', value: '' };
      on.push(why.on);
      value.push(why.value);
    }
  }

  await wh.transaction(async () => {
    await wh.execute(
      'CREATE OR REPLACE TEMP TABLE merge_map (merged_id VARCHAR, kept_id VARCHAR, match_on VARCHAR, match_value VARCHAR)',
    );
    await wh.append(
      'merge_map',
      columnTable({ merged_id: merged, kept_id: kept, match_on: on, match_value: value }),
    );
    const cols = (await wh.describe('customers')).filter((c) => !NOT_COPIED.has(c.name));
    for (const c of cols) {
      const q = quoteIdent(c.name);
      await wh.execute(
        `UPDATE customers SET ${q} = src.v FROM (
           SELECT mm.kept_id, first(m.${q} ORDER BY mm.merged_id) AS v
           FROM merge_map mm JOIN customers m ON m.customer_id = mm.merged_id
           WHERE m.${q} IS NOT NULL GROUP BY mm.kept_id) src
         WHERE customers.customer_id = src.kept_id AND customers.${q} IS NULL`,
      );
    }
    await wh.execute('DELETE FROM customers WHERE customer_id IN (SELECT merged_id FROM merge_map)');
    for (const t of TABLES_WITH_CUSTOMER) {
      await wh.execute(
        `UPDATE ${quoteIdent(t)} SET customer_id = mm.kept_id FROM merge_map mm WHERE ${quoteIdent(t)}.customer_id = mm.merged_id`,
      );
    }
    await wh.execute(
      'INSERT INTO customer_merges SELECT now(), kept_id, merged_id, match_on, match_value, $1 FROM merge_map',
      [importId],
    );
    await wh.execute('DROP TABLE merge_map');
  });
  return { merged: merged.length };
}
