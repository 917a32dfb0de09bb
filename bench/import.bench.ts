/**
 * Import throughput (issue 2): Online Retail (541,909 lines, gzip) and 10,000,000 generated order lines, each
 * into a fresh DuckDB file. Prints seconds, lines per second and peak resident memory of this process (which
 * includes DuckDB). Run: `npm run bench:import` (or `npx tsx bench/import.bench.ts [lines]`).
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

async function writeOrders(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n');
  let buf = '';
  let invoice = 100000;
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < lines; i++) {
    if (i % 4 === 0) invoice++;
    const cancelled = invoice % 50 === 0;
    const t = new Date(start + (invoice % 700) * 86_400_000 + (i % 86_400) * 1000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const qty = ((i * 7) % 12) + 1;
    const price = (((i * 13) % 2000) / 100 + 0.5).toFixed(2);
    const customer = (invoice * 2654435761) % 1_000_000;
    buf += `${cancelled ? 'C' : ''}${invoice},P${(i * 31) % 5000},"ITEM ${(i * 31) % 5000}, RED",${cancelled ? -qty : qty},${t},${price},${customer},Spain\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((r) => out.end(r));
}

async function run(label: string, path: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-bench-'));
  const wh = await DuckDBWarehouse.open({ path: join(dir, 'bench.duckdb'), memoryLimit: '1GB' });
  await migrate(wh);
  const t0 = performance.now();
  const r = await importFile(wh, { entity: 'orders', path });
  const s = (performance.now() - t0) / 1000;
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `${label}: ${r.rowsRead.toLocaleString('en-US')} lines in ${s.toFixed(1)} s = ${Math.round(r.rowsRead / s).toLocaleString('en-US')} lines/s; accepted ${r.accepted.toLocaleString('en-US')}, duplicates ${r.duplicates.toLocaleString('en-US')}; peak RSS ${peakMiB().toFixed(0)} MiB`,
  );
}

const lines = Number(process.argv[2] ?? 10_000_000);
const retail = resolve('..', 'shared', 'data', 'online_retail', 'online_retail.csv.gz');
if (existsSync(retail)) await run('Online Retail (gzip CSV)', retail);
else console.log('Online Retail: ../shared/data missing, skipped');
const dir = mkdtempSync(join(tmpdir(), 'segmenta-gen-'));
const file = join(dir, 'orders.csv');
const g0 = performance.now();
await writeOrders(file, lines);
console.log(
  `generated ${lines.toLocaleString('en-US')} lines (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
);
await run(`${lines.toLocaleString('en-US')} generated order lines (CSV)`, file);
rmSync(dir, { recursive: true, force: true });
