import type { Command } from 'commander';
import {
  type AnalysisSummary,
  analyze,
  formatClusterSummary,
  formatClv,
  formatCounts,
} from '../../analysis/index.js';
import { hiddenPatterns, type PatternStatement, segmentationOfRun } from '../../analysis/patterns/index.js';
import { byStrength } from '../../analysis/patterns/statement.js';
import { type App, openApp } from '../../app.js';
import { qualityReport } from '../../ingest/quality/report.js';
import { type Serving, serve } from '../../server/index.js';
import { formatPrecompute, precomputePages } from '../../server/precompute.js';
import { withApp } from '../context.js';
import { progressBar } from '../progress.js';
import { isEmpty, loadDemo } from './demo.js';
import { runUntilStopped } from './serve.js';

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Net revenue and at-risk counts of a run, for the headline. */
async function headline(app: App, runId: number) {
  const t = await app.warehouse.query({
    sql: `SELECT sum(monetary_net) AS revenue, count(*) FILTER (WHERE lifecycle_stage = 'at_risk') AS at_risk,
        count(*) FILTER (WHERE p_alive < 0.5) AS inactive
      FROM customer_scores WHERE run_id = $1`,
    params: [runId],
  });
  const v = (k: string) => Number(t.columns[k]?.[0] ?? 0);
  return { revenue: v('revenue'), atRisk: v('at_risk'), inactive: v('inactive') };
}

/** The strongest hidden patterns of the RFM groups and of the clusters, together. */
async function topPatterns(app: App, s: AnalysisSummary, top: number): Promise<PatternStatement[]> {
  const segmentations = ['rfm', ...(s.clusters.status === 'ok' ? ['cluster'] : [])];
  const all: PatternStatement[] = [];
  for (const segmentation of segmentations) {
    const found = await hiddenPatterns(app.warehouse, {
      segments: segmentationOfRun(s.runId, segmentation),
      asOf: s.asOf,
    });
    all.push(...found.statements);
  }
  // Strongest first across both, in the order `hiddenPatterns` uses (lower bound of the lift, then p).
  return all.sort(byStrength).slice(0, top);
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .summary('the quick start: demo shop (if the database is empty), full analysis, summary')
    .description(
      'What `npm start` runs: loads the demo shop into the database when it is empty, runs the full analysis (CLV predictions, features, RFM, lifecycle, segmentations, clusters) as a new run, and prints a summary with the strongest hidden patterns.',
    )
    .option('--customers <n>', 'demo size when the database is empty', '20000')
    .option('--port <n>', 'port of the dashboard and API (the next free one if taken)', '3000')
    .option('--no-serve', 'stop after the summary instead of serving the dashboard')
    .option('--no-live', 'serve without live segments (no event ingestion, no webhooks)')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const started = performance.now();
        const out = (s: string) => process.stdout.write(`${s}\n`);
        out(`Segmenta — database ${app.warehouse.location}`);
        if (await isEmpty(app))
          out(await loadDemo(app, { customers: Number(opts.customers), seed: 20240601 }));
        const q = await qualityReport(app.warehouse);
        out('\nData');
        for (const e of q.entities) {
          if (e.rows > 0)
            out(
              `  ${e.table.padEnd(20)} ${e.rows.toLocaleString('en-US').padStart(12)}${e.latest ? `  latest ${e.latest.slice(0, 10)}` : ''}`,
            );
        }
        out('\nData quality (segmenta quality for the full report)');
        for (const f of q.findings.slice(0, 6)) out(`  - ${f}`);

        const bar = progressBar('analysing');
        const s = await analyze(app.warehouse, { onProgress: (d, t, step) => bar.update(d, t, step) });
        bar.done();
        const pagesBar = progressBar('precomputing the dashboard pages');
        const pages = await precomputePages(app, s.runId, (d, t, step) => pagesBar.update(d, t, step));
        pagesBar.done();
        const h = await headline(app, s.runId);
        out(
          `\nAnalysis run ${s.runId} as of ${s.asOf} (${s.seconds.toFixed(1)} s): ${n(s.customers)} customers, ${n(s.buyers)} with purchases, net revenue ${n(h.revenue)}`,
        );
        out(
          `At risk: ${n(h.atRisk)} customers in the at-risk lifecycle stage${s.clv.status === 'ok' ? `; ${n(h.inactive)} buyers likely inactive (P(alive) < 0.5)` : ''}`,
        );
        out(formatPrecompute(pages));
        out('');
        for (const line of formatCounts('RFM groups', s.rfm, s.customers)) out(line);
        out('');
        for (const line of formatCounts('Lifecycle phases', s.phases, s.customers)) out(line);
        out('');
        for (const line of formatClv(s.clv)) out(line);
        out('');
        for (const line of formatClusterSummary(s.clusters, s.customers)) out(line);

        const patterns = await topPatterns(app, s, 5);
        out('\nHidden patterns (strongest of the RFM groups and the clusters; segmenta patterns for more)');
        if (patterns.length === 0) out('  none significant');
        patterns.forEach((p, i) => {
          out(`  ${i + 1}. ${p.text.en}`);
        });
        out(
          `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Next: segmenta cluster · segmenta quality segments · segmenta export customers --out customers.csv · segmenta --help`,
        );
      });
      if (opts.serve !== false) await serveDashboard(cmd, Number(opts.port), opts.live !== false);
    });
}

/** Serve the API, live segments and dashboard until interrupted, on the first free port from `port`. */
async function serveDashboard(cmd: Command, port: number, live: boolean): Promise<void> {
  const global = cmd.optsWithGlobals() as { db?: string };
  const app = await openApp(global.db !== undefined ? { db: global.db } : {});
  let serving: Serving | undefined;
  for (let p = port; serving === undefined; p++) {
    try {
      serving = await serve(app, { port: p, host: '127.0.0.1', dashboardKey: 'write', live });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || p >= port + 20) throw e;
    }
  }
  const s = serving;
  process.stdout.write(
    [
      '',
      `Dashboard  ${s.url}/?key=${s.key}${s.dashboard ? '' : '   (web app not built: npm run build)'}`,
      `API        ${s.url}/v1  (Authorization: Bearer ${s.key}; a write key, listening on this machine only)   docs ${s.url}/docs`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await runUntilStopped(s, () => app.close());
}
