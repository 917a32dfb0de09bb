import type { ColumnTable } from '../warehouse/column-table.js';
import { columnTable } from '../warehouse/column-table.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { EntityName } from './entities/entity.js';
import { ENTITIES } from './entities/index.js';
import { mergeDuplicateCustomers } from './identity/merge-customers.js';
import { nextImportId } from './imports-log.js';

export interface LoadedTable {
  readonly table: string;
  readonly importId: number;
  readonly rows: number;
}

/**
 * Bulk-load tables that are already valid (generated demo data, a connector's typed output) in one transaction,
 * each logged as an import, then merge duplicate customers. Row positions are recorded as `source_line`.
 */
export async function loadTables(
  wh: Warehouse,
  source: string,
  tables: Partial<Record<EntityName, ColumnTable>>,
): Promise<{ loaded: LoadedTable[]; merged: number }> {
  return wh.transaction(async () => {
    const loaded: LoadedTable[] = [];
    for (const [entity, data] of Object.entries(tables) as [EntityName, ColumnTable][]) {
      const spec = ENTITIES[entity];
      const importId = await nextImportId(wh);
      const n = data.rowCount;
      const withMeta = columnTable({
        ...data.columns,
        import_id: new Array(n).fill(importId),
        source_line: Array.from({ length: n }, (_, i) => i + 1),
      });
      await wh.append(spec.table, withMeta);
      if (spec.hashKeyInto && data.columns[spec.hashKeyInto] === undefined) {
        throw new Error(`${entity}: generated rows need ${spec.hashKeyInto}`);
      }
      const report = {
        importId,
        entity,
        file: `${source}:${entity}`,
        rowsRead: n,
        accepted: n,
        quarantined: 0,
        duplicates: 0,
      };
      await wh.execute(
        `INSERT INTO imports VALUES ($1, $2, $3, 'generated', 0, now(), now(), $4, $4, 0, 0, '{}', $5)`,
        [importId, entity, `${source}:${entity}`, n, JSON.stringify(report)],
      );
      loaded.push({ table: spec.table, importId, rows: n });
    }
    const merged = tables.customers ? (await mergeDuplicateCustomers(wh, null)).merged : 0;
    return { loaded, merged };
  });
}
