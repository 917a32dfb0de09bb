import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fails } from './helpers/cli.js';

/** A small orders file: three customers, a cancellation, one guest line. */
const ORDERS = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
1001,A,Mug,2,2024-01-05 10:00:00,5.00,c1,Spain
1002,B,Plate,1,2024-02-05 18:30:00,12.50,c1,Spain
1003,A,Mug,4,2024-03-01 09:00:00,5.00,c2,Spain
C1004,A,Mug,-1,2024-03-02 09:00:00,5.00,c2,Spain
1005,C,Bowl,1,2024-03-20 20:00:00,8.00,c3,Spain
1006,C,Bowl,3,2024-03-21 11:00:00,8.00,,Spain
`;

describe('the analyze, segmentations and export commands', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-analyze-cli-'));
    db = join(dir, 'shop.duckdb');
    writeFileSync(join(dir, 'orders.csv'), ORDERS);
    await cli('--db', db, 'import', 'orders', join(dir, 'orders.csv'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyze prints a summary per RFM group and lifecycle stage; --json the same as data', async () => {
    const { stdout } = await cli('--db', db, 'analyze');
    expect(stdout).toContain('Analysis run 1 as of 2024-03-22');
    expect(stdout).toContain('3 customers, 3 with purchases');
    expect(stdout).toMatch(/RFM groups\n/);
    expect(stdout).toMatch(/Lifecycle stages\n/);
    const json = JSON.parse((await cli('--db', db, 'analyze', '--as-of', '2024-02-29', '--json')).stdout);
    expect(json).toMatchObject({ runId: 2, asOf: '2024-02-29', customers: 1, buyers: 1 });
    const runs = (await cli('--db', db, 'runs')).stdout;
    expect(runs).toMatch(/run +1 +as of 2024-03-22 +done/);
    expect(runs).toMatch(/run +2 +as of 2024-02-29 +done/);
  });

  it('lists, counts and compares segmentations, and exports customers', async () => {
    const list = (await cli('--db', db, 'segmentations', 'list', '--run', '1')).stdout;
    expect(list).toContain('behavioural.usage_pattern');
    const count = (await cli('--db', db, 'segmentations', 'count', 'lifecycle', '--run', '1')).stdout;
    expect(count).toContain('lifecycle, run 1 as of 2024-03-22');
    const compare = (
      await cli('--db', db, 'segmentations', 'compare', 'lifecycle', '--from', '2', '--to', '1')
    ).stdout;
    expect(compare).toContain('Days in the current stage as of run 1');
    const out = join(dir, 'customers.csv');
    const exported = (await cli('--db', db, 'export', 'customers', '--out', out, '--run', '1')).stdout;
    expect(exported).toContain(`wrote 3 customers of run 1 to ${out}`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^c1,1,2024-03-22,/);
  });

  it('fails with a message, a hint and exit code 2 on bad input', async () => {
    const early = await fails('--db', db, 'analyze', '--as-of', '2023-01-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('error: as-of date 2023-01-01 is before the first order (2024-01-05)');
    expect(early.stderr).toContain('hint: use --as-of 2024-01-05 or later');
    const format = await fails('--db', db, 'export', 'customers', '--out', join(dir, 'x.json'));
    expect(format.code).toBe(2);
    const missing = await fails('--db', db, 'segmentations', 'count', 'rfm', '--run', '9');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('analysis run 9 does not exist');
  });
});
