import type { ColumnTable } from '../warehouse/column-table.js';
import { columnTable } from '../warehouse/column-table.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { EntityName } from './entities/entity.js';
import { ENTITIES } from './entities/index.js';
import { customersFinisher } from './finish/customers.js';
import { mergeDuplicateCustomers } from './identity/merge-customers.js';
import { nextImportId, recordGeneratedImport } from './imports-log.js';

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
  /** Keyed by entity (`orders`) or table (`order_lines`) name. */
  tables: Readonly<Record<string, ColumnTable>>,
  defaultCountry = 'ES',
): Promise<{ loaded: LoadedTable[]; merged: number }> {
  return wh.transaction(async () => {
    const loaded: LoadedTable[] = [];
    for (const [name, data] of Object.entries(tables)) {
      const spec = ENTITIES[name as EntityName] ?? Object.values(ENTITIES).find((e) => e.table === name);
      if (!spec) throw new Error(`no entity or table named ${name}`);
      const entity = spec.name;
      const importId = await nextImportId(wh);
      const n = data.rowCount;
      const normalised = entity === 'customers' ? normaliseContacts(data, defaultCountry) : data;
      const withMeta = columnTable({
        ...normalised.columns,
        import_id: new Array(n).fill(importId),
        source_line: Array.from({ length: n }, (_, i) => i + 1),
      });
      await wh.append(spec.table, withMeta);
      await recordGeneratedImport(wh, importId, entity, `${source}:${entity}`, n);
      loaded.push({ table: spec.table, importId, rows: n });
    }
    const merged = tables.customers !== undefined ? (await mergeDuplicateCustomers(wh, null)).merged : 0;
    return { loaded, merged };
  });
}

/** Emails and phones normalised as an import would (so duplicates merge); unfixable values stay as given. */
function normaliseContacts(data: ColumnTable, defaultCountry: string): ColumnTable {
  const finish = customersFinisher(defaultCountry);
  const email = [...(data.columns.email ?? [])];
  const phone = [...(data.columns.phone ?? [])];
  const country = data.columns.country ?? [];
  for (let i = 0; i < data.rowCount; i++) {
    const row = { email: email[i] ?? null, phone: phone[i] ?? null, country: country[i] ?? null };
    finish(row, () => {});
    email[i] = row.email;
    phone[i] = row.phone;
  }
  return columnTable({
    ...data.columns,
    ...(data.columns.email ? { email } : {}),
    ...(data.columns.phone ? { phone } : {}),
  });
}
