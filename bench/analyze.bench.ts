/**
 * Analyze at scale (issues 3, 4, 5): 1,000,000 customers and 10,000,000 order lines, generated directly in
 * DuckDB with SQL (range() and hash-based pseudo-random values), then one full `analyze`: CLV predictions (fitted
 * on a 100,000-buyer sample, everyone scored, bootstrap intervals), features, RFM, lifecycle, every segmentation,
 * the clustering (automatic k, k-means, profiles, 2-D map), stored as a run. Each step's time is printed.
 * Generation runs in a child process so the peak RSS printed is the analysis's own (this process, DuckDB
 * included). Target: < 60 s and < 4 GiB.
 *
 * Run: `npx tsx bench/analyze.bench.ts [customers] [lines]` (defaults 1000000 10000000);
 * `BENCH_DB=path` keeps the generated database there and reuses it on the next run; `BENCH_CLV_MODEL=bgnbd` etc.
 * picks the purchase model (default: the app's, MBG/NBD).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, SEGMENTATIONS } from '../src/analysis/index.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';

/** DuckDB memory_limit for the bench (the app default is 4GB); override with BENCH_MEMORY_LIMIT=2GB etc. */
const MEMORY_LIMIT = process.env.BENCH_MEMORY_LIMIT ?? '3GB';
const [mode, dbArg, customersArg, linesArg] = process.argv.slice(2);

/** Uniform in [0, 1) from a hash of the arguments. */
const u = (...args: string[]) => `((hash(${args.join(', ')}) % 1000000) / 1000000.0)`;

async function generate(path: string, customers: number, lines: number): Promise<void> {
  const wh = await DuckDBWarehouse.open({ path, memoryLimit: MEMORY_LIMIT });
  await migrate(wh);
  await wh.execute(
    `INSERT INTO customers (customer_id, signup_date, gender, age, income, country, region, education, occupation,
        lifestyle, "values", interests)
      SELECT 'C' || lpad(CAST(i AS VARCHAR), 7, '0'),
        DATE '2022-06-01' + CAST(floor(${u('i', '1')} * 900) AS INTEGER),
        ['F', 'M', 'X'][1 + CAST(floor(${u('i', '2')} * 2.05) AS INTEGER)],
        18 + CAST(floor(${u('i', '3')} * 62) AS INTEGER),
        round(8000 + ${u('i', '4')} * ${u('i', '5')} * 120000),
        ['ES', 'MX', 'AR', 'CO', 'PE', 'CL'][1 + CAST(floor(${u('i', '6')} * 6) AS INTEGER)],
        'region ' || CAST(floor(${u('i', '7')} * 12) AS INTEGER),
        ['primaria', 'secundaria', 'universitaria', 'posgrado'][1 + CAST(floor(${u('i', '8')} * 4) AS INTEGER)],
        'occupation ' || CAST(floor(${u('i', '9')} * 40) AS INTEGER),
        'lifestyle ' || CAST(floor(${u('i', '10')} * 8) AS INTEGER),
        'values ' || CAST(floor(${u('i', '11')} * 8) AS INTEGER),
        'interest ' || CAST(floor(${u('i', '12')} * 15) AS INTEGER) || ';music'
      FROM range($1) t(i)`,
    [customers],
  );
  // About 3 lines per order; customers drawn with a skew (a few buy a lot, many once or never); 1% guests,
  // 2% cancelled and 2% returned orders; two years of timestamps; costs and discounts on most lines. Prices
  // vary by customer (a mean from 1 to 80, skewed low, times 0.5-1.5 per line), so that the spend model
  // (Gamma-Gamma) has between-customer differences to fit; with prices independent of the customer it runs to
  // the boundary and the run has no CLV values.

  await wh.execute(
    `INSERT INTO order_lines (order_id, line_no, customer_id, ordered_at, product_id, category, quantity, unit_price,
        amount, cost, discount, channel, status)
      SELECT CASE WHEN kind = 'purchase' THEN '' WHEN kind = 'cancellation' THEN 'C' ELSE 'R' END || o,
        CAST(i % 3 + 1 AS INTEGER),
        CASE WHEN ${u('o', '20')} < 0.01 THEN NULL
          ELSE 'C' || lpad(CAST(c AS VARCHAR), 7, '0') END,
        TIMESTAMP '2023-01-01' + to_seconds(CAST(floor(${u('o', '22')} * 730 * 86400) AS BIGINT)),
        'P' || CAST(floor(${u('i', '23')} * 5000) AS INTEGER),
        ['moda', 'hogar', 'libros', 'deportes', 'belleza', 'juguetes', 'gourmet', 'electrónica'][1 + CAST(floor(${u('o', '24')} * 4 + ${u('i', '25')} * 4) AS INTEGER)],
        sign * q, p, sign * q * p, CASE WHEN ${u('i', '26')} < 0.8 THEN sign * q * p * 0.6 END,
        CASE WHEN ${u('i', '27')} < 0.15 THEN round(q * p * 0.1, 2) ELSE 0 END,
        ['web', 'app', 'store', 'phone'][1 + CAST(floor(${u('o', '28')} * ${u('o', '29')} * 4) AS INTEGER)],
        kind
      FROM (
        SELECT i, o, c, 1 + CAST(floor(${u('i', '30')} * 4) AS INTEGER) AS q,
          round((1 + 79 * pow(${u('c', '33')}, 2)) * (0.5 + ${u('i', '31')}), 2) AS p,
          CASE WHEN ${u('o', '32')} < 0.02 THEN 'cancellation' WHEN ${u('o', '32')} < 0.04 THEN 'return'
            ELSE 'purchase' END AS kind,
          CASE WHEN ${u('o', '32')} < 0.04 THEN -1 ELSE 1 END AS sign
        FROM (SELECT i, o, CAST(floor(pow(${u('o', '21')}, 1.6) * $2) AS BIGINT) AS c
          FROM (SELECT i, i // 3 AS o FROM range($1) t(i))))`,
    [lines, customers],
  );
  await wh.close();
}

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

if (mode === 'generate') {
  await generate(dbArg!, Number(customersArg), Number(linesArg));
} else {
  const customers = Number(process.argv[2] ?? 1_000_000);
  const lines = Number(process.argv[3] ?? 10_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-analyze-bench-'));
  const db = join(dir, 'bench.duckdb');
  const kept = process.env.BENCH_DB;
  if (kept && existsSync(kept)) {
    copyFileSync(kept, db);
    console.log(`reusing the generated database ${kept}`);
  } else {
    const g0 = performance.now();
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), 'generate', db, String(customers), String(lines)],
      { stdio: 'inherit' },
    );
    if (child.status !== 0) throw new Error(`generation failed (exit ${child.status})`);
    if (kept) copyFileSync(db, kept);
    console.log(
      `generated ${customers.toLocaleString('en-US')} customers and ${lines.toLocaleString('en-US')} order lines in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );
  }
  const wh = await DuckDBWarehouse.open({ path: db, memoryLimit: MEMORY_LIMIT });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let last = t0;
  const model = process.env.BENCH_CLV_MODEL;
  const summary = await analyze(wh, {
    ...(model ? { clv: { model } } : {}),
    onProgress: (done, total, step) => {
      const now = performance.now();
      if (done > 0) process.stdout.write(`  ${((now - last) / 1000).toFixed(1)} s\n`);
      if (done < total) process.stdout.write(`  step ${done + 1}/${total} ${step.padEnd(10)}`);
      last = now;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const segments = await wh.query({
    sql: 'SELECT count(*) AS n FROM customer_segment_labels WHERE run_id = $1',
    params: [summary.runId],
  });
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
  const clv = summary.clv;
  console.log(
    clv.status === 'ok'
      ? `CLV: ${clv.modelName} fitted on ${clv.fitted.customers.toLocaleString('en-US')} of ${clv.fitted.of.toLocaleString('en-US')} buyers, ${clv.totals.customers.toLocaleString('en-US')} scored, ${clv.draws} bootstrap draws, ${clv.seconds.toFixed(1)} s${clv.warnings.length > 0 ? `; ${clv.warnings.join('; ')}` : ''}`
      : `CLV: ${clv.status}${clv.status === 'failed' ? ` (${clv.reason})` : ''}`,
  );
  const k = summary.clusters;
  console.log(
    k.status === 'ok'
      ? `clusters: k = ${k.k} (${k.kChoice}), silhouette ${k.silhouette?.toFixed(3)}: ${k.clusters.map((c) => `${c.name} ${c.size.toLocaleString('en-US')}`).join(', ')}`
      : `clusters: ${k.status}${k.status === 'skipped' ? ` (${k.reason})` : ''}`,
  );
  console.log(
    `analyze: ${summary.customers.toLocaleString('en-US')} customers (${summary.buyers.toLocaleString('en-US')} buyers), ${SEGMENTATIONS.length} segmentations x ${Number(segments.columns.n?.[0]).toLocaleString('en-US')} customers, in ${seconds.toFixed(1)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU); peak RSS ${peakMiB().toFixed(0)} MiB (DuckDB memory_limit ${MEMORY_LIMIT}, 2 threads); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
  console.log(
    `steps: ${Object.entries(summary.steps)
      .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
      .join(', ')}`,
  );
}
