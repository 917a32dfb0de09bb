import type { Command } from 'commander';
import type { App } from '../../app.js';
import { SegmentaError } from '../../core/errors.js';
import { generateDemoShop } from '../../demo/index.js';
import { loadTables } from '../../ingest/load-tables.js';
import { withApp } from '../context.js';

export interface DemoOptions {
  readonly customers: number;
  readonly seed: number;
}

/** Does the warehouse hold any customers or orders yet? */
export async function isEmpty(app: App): Promise<boolean> {
  const r = await app.warehouse.query({
    sql: 'SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM order_lines) AS n',
    params: [],
  });
  return Number(r.columns.n![0]) === 0;
}

/** Generate the seeded demo shop and load it; returns a one-paragraph summary. */
export async function loadDemo(app: App, options: DemoOptions): Promise<string> {
  const t0 = performance.now();
  const shop = generateDemoShop({ seed: options.seed, customers: options.customers });
  const t1 = performance.now();
  const { loaded, merged } = await loadTables(app.warehouse, `demo(seed=${options.seed})`, shop.tables);
  const t2 = performance.now();
  const rows = loaded.map((l) => `${l.table} ${l.rows.toLocaleString('en-US')}`).join(', ');
  return `demo shop (seed ${options.seed}): ${rows}; ${merged} duplicate customers merged; generated in ${((t1 - t0) / 1000).toFixed(1)} s, loaded in ${((t2 - t1) / 1000).toFixed(1)} s`;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('load the seeded demo shop (Spanish and Latin-American retailer) into the database')
    .description(
      'Generate a realistic synthetic retailer — customers with Spanish and Latin-American names and cities, two years of orders with seasonality and personas, web/app events, email campaigns with control groups, and customer messages in Spanish and English — and load it. Same seed, same data.',
    )
    .option('--customers <n>', 'number of customers', '20000')
    .option('--seed <n>', 'random seed', '20240601')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        if (!(await isEmpty(app))) {
          throw new SegmentaError(
            'conflict',
            `the database ${app.warehouse.location} already holds data`,
            'load the demo into a new file with --db demo.duckdb',
          );
        }
        process.stdout.write(
          `${await loadDemo(app, { customers: Number(opts.customers), seed: Number(opts.seed) })}\n`,
        );
      });
    });
}
