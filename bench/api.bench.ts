/**
 * The API behind each dashboard page at scale (issue 7): 1,000,000 customers and 10,000,000 order lines
 * generated in SQL by `bench/analyze.bench.ts generate`, one `analyze`, then every request the pages make, timed
 * through the HTTP stack (fastify inject: routing, auth, validation, serialisation). Each request is timed cold
 * (first call) and warm (median of 5). Target: < 300 ms per page.
 *
 * Run: `npx tsx bench/api.bench.ts [customers] [lines]` (defaults 1000000 10000000);
 * `BENCH_DB=path` keeps the generated and analysed database there and reuses it on the next run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/index.js';
import { createApiKey, createServer } from '../src/server/index.js';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.js';
import { migrate } from '../src/warehouse/migrate.js';

const MEMORY_LIMIT = process.env.BENCH_MEMORY_LIMIT ?? '3GB';
const customers = Number(process.argv[2] ?? 1_000_000);
const lines = Number(process.argv[3] ?? 10_000_000);
const TARGET_MS = 300;

const dir = mkdtempSync(join(tmpdir(), 'segmenta-api-bench-'));
const db = join(dir, 'bench.duckdb');
const kept = process.env.BENCH_DB;
if (kept && existsSync(kept)) {
  copyFileSync(kept, db);
  console.log(`reusing ${kept}`);
} else {
  const g0 = performance.now();
  const generator = fileURLToPath(new URL('./analyze.bench.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, generator, 'generate', db, String(customers), String(lines)],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`generation failed (exit ${child.status})`);
  console.log(`generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
}

const wh = await DuckDBWarehouse.open({ path: db, memoryLimit: MEMORY_LIMIT });
await migrate(wh);
const runs = await wh.query({
  sql: "SELECT count(*) AS n FROM analysis_runs WHERE status = 'done'",
  params: [],
});
if (Number(runs.columns.n?.[0]) === 0) {
  const a0 = performance.now();
  await analyze(wh);
  console.log(`analyzed in ${((performance.now() - a0) / 1000).toFixed(1)} s`);
  if (kept) {
    await wh.execute('CHECKPOINT');
    copyFileSync(db, kept);
  }
}

const app = { warehouse: wh, close: () => wh.close() };
const server = await createServer({ app });
const { key } = await createApiKey(wh, { scope: 'read', name: 'bench' });
const someone = await wh.query({
  sql: 'SELECT customer_id FROM customer_scores WHERE frequency > 3 ORDER BY customer_id LIMIT 1',
  params: [],
});
const id = String(someone.columns.customer_id?.[0]);

const PAGES: Record<string, string[]> = {
  overview: ['/v1/overview'],
  'rfm grid': ['/v1/overview'],
  lifecycle: ['/v1/overview'],
  segments: ['/v1/segmentations', '/v1/segmentations/rfm', '/v1/patterns?segmentation=rfm&limit=10'],
  value: ['/v1/overview', '/v1/customers?sort=-clv&limit=15'],
  churn: ['/v1/customers?sort=-churn_risk&min_churn_risk=0.5&min_monetary=1&limit=25'],
  customer: [`/v1/customers/${id}`, '/v1/customers?q=C000012&limit=10'],
  quality: ['/v1/quality'],
  'segment members': ['/v1/segmentations/rfm/segments/Champions/members?limit=50&offset=1000'],
};

async function time(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await server.fastify.inject({ url, headers: { authorization: `Bearer ${key}` } });
  const ms = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return ms;
}

const cold = new Map<string, number>();
const warm = new Map<string, number>();
console.log(
  `\nAPI at ${customers.toLocaleString('en-US')} customers, ${lines.toLocaleString('en-US')} lines (${cpus().length} cores); cold = first call, warm = median of 5`,
);
for (const urls of Object.values(PAGES)) {
  for (const url of urls) {
    if (cold.has(url)) continue;
    cold.set(url, await time(url));
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push(await time(url));
    samples.sort((a, b) => a - b);
    const w = samples[2]!;
    warm.set(url, w);
    console.log(
      `  ${url.padEnd(76)} cold ${cold.get(url)!.toFixed(0).padStart(6)} ms   warm ${w.toFixed(0).padStart(5)} ms${w > TARGET_MS ? '  OVER TARGET' : ''}`,
    );
  }
}
console.log('\nper page (warm, requests in parallel as the page makes them: the slowest one)');
for (const [page, urls] of Object.entries(PAGES)) {
  const ms = Math.max(...urls.map((u) => warm.get(u)!));
  console.log(
    `  ${page.padEnd(18)} ${ms.toFixed(0).padStart(6)} ms ${ms <= TARGET_MS ? 'ok' : `OVER ${TARGET_MS} ms`}`,
  );
}
// A new server (empty memory cache) reads per-run answers back from api_cache: what a restart costs.
const restarted = await createServer({ app });
for (const url of ['/v1/overview', '/v1/patterns?segmentation=rfm&limit=10']) {
  const t0 = performance.now();
  await restarted.fastify.inject({ url, headers: { authorization: `Bearer ${key}` } });
  console.log(`after a restart (api_cache): ${url} ${(performance.now() - t0).toFixed(0)} ms`);
}
await restarted.close();
await server.close();
await wh.close();
rmSync(dir, { recursive: true, force: true });
