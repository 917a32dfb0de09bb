import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { warehouseContract } from '../warehouse.contract.js';
import { DuckDBWarehouse } from './duckdb-warehouse.js';

warehouseContract('duckdb in memory', () => DuckDBWarehouse.open({ path: ':memory:' }));

describe('DuckDBWarehouse on a file', () => {
  it('keeps committed data across reopen', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'segmenta-')), 'a.duckdb');
    const wh = await DuckDBWarehouse.open({ path });
    await migrate(wh);
    await wh.execute('INSERT INTO customers (customer_id) VALUES ($1)', ['k']);
    await wh.close();
    const again = await DuckDBWarehouse.open({ path });
    const r = await again.query({ sql: 'SELECT customer_id FROM customers', params: [] });
    expect(r.columns.customer_id).toEqual(['k']);
    await again.close();
  });
});
