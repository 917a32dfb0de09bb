import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/ingest/import-file.js';
import { columnTable } from '../src/warehouse/column-table.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { count, memoryWarehouse } from './helpers/warehouse.js';

const TABLES = ['order_lines', 'customers', 'quarantine', 'imports', 'customer_merges'];
const snapshot = async (wh: Warehouse) =>
  Object.fromEntries(
    await Promise.all(TABLES.map(async (t) => [t, await count(wh, `SELECT count(*) FROM ${t}`)])),
  );

/**
 * A warehouse that fails on the first statement matching `when`: a crash half-way through an import, after the
 * rows and their quarantine records have been written inside the import's transaction.
 */
function failingOn(inner: Warehouse, when: RegExp): Warehouse {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return async (...args: Parameters<Warehouse['execute']>) => {
          if (when.test(args[0])) throw new Error('injected failure mid-import');
          return target.execute(...args);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function ordersCsv(rows: number, badEvery = 0): string {
  const lines = ['order_id;customer_id;fecha;importe'];
  for (let i = 1; i <= rows; i++) {
    const bad = badEvery > 0 && i % badEvery === 0;
    lines.push(
      `${i};C${i % 977};${String((i % 28) + 1).padStart(2, '0')}/03/2024;${bad ? 'n/a' : `${i % 100},50`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('an import is atomic', () => {
  it.each([
    ['after the rows landed, while removing duplicates', /^DELETE FROM/],
    ['while logging the import', /^INSERT INTO imports/],
  ])('a failure injected mid-import (%s) leaves every count unchanged', async (_, when) => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-atomic-'));
    const file = join(dir, 'orders.csv');
    writeFileSync(file, ordersCsv(120_000, 1000));
    const wh = await memoryWarehouse();
    await wh.append('customers', columnTable({ customer_id: ['keep-me'] }));
    const before = await snapshot(wh);
    await expect(importFile(failingOn(wh, when), { entity: 'orders', path: file })).rejects.toThrow(
      'injected failure mid-import',
    );
    expect(await snapshot(wh)).toEqual(before);
    // And the same import then succeeds in full.
    const r = await importFile(wh, { entity: 'orders', path: file });
    expect([r.rowsRead, r.accepted, r.quarantined]).toEqual([120_000, 119_880, 120]);
    await wh.close();
  });

  it('a process killed (SIGKILL) mid-import leaves the database file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segmenta-kill-'));
    const file = join(dir, 'orders.csv');
    const db = join(dir, 'kill.duckdb');
    writeFileSync(file, ordersCsv(1_500_000));
    const wh0 = await DuckDBWarehouse.open({ path: db });
    await migrate(wh0);
    await wh0.append('customers', columnTable({ customer_id: ['keep-me'] }));
    const before = await snapshot(wh0);
    await wh0.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'import', 'orders', file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SEGMENTA_PROGRESS: 'plain' },
      },
    );
    // Kill it once it reports 30% of the file read: rows are staged inside the open transaction by then.
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (b: Buffer) => {
        seen += b.toString();
        if (/ (3|4|5|6|7|8|9)0% /.test(seen)) resolve();
      });
      child.on('exit', () => reject(new Error(`the import ended before it could be killed: ${seen}`)));
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGKILL');
    expect(await exited).toBeNull();

    const wh = await DuckDBWarehouse.open({ path: db });
    expect(await snapshot(wh)).toEqual(before);
    await wh.close();
  });
});
