import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  analyze,
  countSegments,
  formatSummary,
  getRun,
  listRuns,
  listSegmentations,
  movement,
  stageDwell,
} from '../../analysis/index.js';
import { invalidInput } from '../../core/errors.js';
import { formatPrecompute, precomputePages } from '../../server/precompute.js';
import { output, runNumber, withApp } from '../context.js';
import { progressBar } from '../progress.js';

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw invalidInput(`cannot read ${what} file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw invalidInput(
      `${what} file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

const num = (x: number) => x.toLocaleString('en-US');

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .summary('score every customer: features, RFM, lifecycle stage and segments, as a numbered run')
    .description(
      'Compute per-customer CLV predictions (P(alive), churn risk, expected purchases, spend and CLV over --horizon-days with 5%-95% intervals, next order date; BTYD models fitted on the same data), features (recency, frequency, monetary, AOV, tenure, rhythm, mix, timing, discounts, returns, engagement, campaign response, margin), RFM scores and groups, the lifecycle stage (its rules may read the predictions), the demographic, psychographic, behavioural and value segmentations (value tier, risk and retention from CLV when the fit works), and a clustering with named clusters and persona cards, from the data up to the as-of date only. Each run is stored with a number and kept, so runs can be compared (segmenta segmentations compare, segmenta quality segments).\n\nAs of: --as-of 2011-06-30 uses every row timestamped before 2011-07-01 00:00 UTC and counts days up to 2011-06-30 (an order that day has recency 0); the CLV models see the same rows. Without it the as-of date is the day after the last order.\n\nWhen the CLV fit cannot be made (too little data, nobody bought twice), the run still completes, says why, and leaves the prediction columns empty.',
    )
    .option(
      '--as-of <date>',
      'analyse as of the end of this day, YYYY-MM-DD (default: the day after the last order)',
    )
    .option('--rfm <file.json>', 'RFM options: bins (quantiles or thresholds), monetary basis, score map')
    .option('--lifecycle-rules <file.json>', 'lifecycle rule set (default: the documented rules)')
    .option(
      '--horizon-days <n>',
      'CLV horizon: expected purchases, spend and CLV over the next N days',
      '365',
    )
    .option(
      '--clv-model <model>',
      'CLV purchase model: bgnbd, mbgnbd or paretonbd (default: the latest holdout choice, else mbgnbd)',
    )
    .option(
      '--draws <n>',
      'CLV bootstrap draws for the intervals (default 200, fewer above 10,000 customers; 0 = none)',
    )
    .option('--no-clv', 'skip the CLV predictions')
    .option('--k <k>', 'clusters: auto or a number', 'auto')
    .option('--features <set>', 'clusters: features (default behavioural+value; see segmenta cluster --help)')
    .option('--no-clusters', 'skip the clustering')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  segmenta analyze\n  segmenta analyze --as-of 2011-06-30                 # replay: only data up to that day\n  segmenta analyze --rfm rfm.json                     # {"recency": {"kind": "thresholds", "cuts": [30, 90, 180, 365]}}\n  segmenta analyze --json > summary.json`,
    )
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const bar = progressBar('analysing');
        const summary = await analyze(app.warehouse, {
          ...(opts.asOf !== undefined ? { asOf: String(opts.asOf) } : {}),
          ...(opts.rfm !== undefined ? { rfm: readJson(opts.rfm, 'RFM options') } : {}),
          ...(opts.lifecycleRules !== undefined
            ? { lifecycle: readJson(opts.lifecycleRules, 'lifecycle rules') }
            : {}),
          clv:
            opts.clv === false
              ? false
              : {
                  horizonDays: String(opts.horizonDays),
                  ...(opts.clvModel !== undefined ? { model: String(opts.clvModel) } : {}),
                  ...(opts.draws !== undefined ? { draws: String(opts.draws) } : {}),
                },
          clusters:
            opts.clusters === false
              ? false
              : {
                  k: String(opts.k),
                  ...(opts.features !== undefined ? { features: String(opts.features) } : {}),
                },
          onProgress: (done, total, step) => bar.update(done, total, step),
        });
        bar.done();
        const pagesBar = progressBar('precomputing the dashboard pages');
        const pages = await precomputePages(app, summary.runId, (d, t, step) => pagesBar.update(d, t, step));
        pagesBar.done();
        output(
          Boolean(opts.json),
          { ...summary, pages },
          () => `${formatSummary(summary)}\n${formatPrecompute(pages)}`,
        );
      });
    });

  program
    .command('runs')
    .summary('list the analysis runs (number, as-of date, status, customers)')
    .option('--json', 'print as JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const runs = await listRuns(app.warehouse);
        output(Boolean(opts.json), runs, () => {
          if (runs.length === 0) return 'No analysis runs yet: segmenta analyze';
          return runs
            .map((r) => {
              const s = r.summary as { customers?: number; seconds?: number; error?: string } | null;
              const detail =
                r.status === 'failed'
                  ? `error: ${s?.error ?? '?'}`
                  : `${num(s?.customers ?? 0)} customers${s?.seconds !== undefined ? `, ${s.seconds.toFixed(1)} s` : ''}`;
              return `run ${String(r.runId).padStart(3)}  as of ${r.asOf}  ${r.status.padEnd(7)}  ${detail}`;
            })
            .join('\n');
        });
      });
    });

  const segs = program
    .command('segmentations')
    .summary('list, count and compare the segmentations of an analysis run')
    .description(
      'Every analysis run places each customer in one segment of each segmentation: rfm, lifecycle, demographic.*, psychographic.*, behavioural.* and value.*. List them, count and profile the segments of one, or compare two runs (movement matrix; for lifecycle also the dwell time in each stage).',
    );
  segs
    .command('list')
    .summary('the segmentations of a run and how many segments each has')
    .option('--run <n>', 'analysis run (default: the latest)')
    .option('--json', 'print as JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const run = await getRun(app.warehouse, runNumber(opts.run));
        const list = await listSegmentations(app.warehouse, run.runId);
        output(Boolean(opts.json), list, () =>
          [
            `Run ${run.runId} as of ${run.asOf}`,
            ...list.map((s) => `  ${s.name.padEnd(34)} ${String(s.segments).padStart(3)} segments  ${s.doc}`),
            '',
            'segmenta segmentations count <name>  ·  segmenta export customers --segment <name>=<segment>',
          ].join('\n'),
        );
      });
    });
  segs
    .command('count')
    .summary('size and profile of each segment of one segmentation')
    .argument('<segmentation>', 'e.g. rfm, lifecycle, value.tier, behavioural.usage_pattern')
    .option('--run <n>', 'analysis run (default: the latest)')
    .option('--json', 'print as JSON')
    .action(async (name: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const run = await getRun(app.warehouse, runNumber(opts.run));
        const rows = await countSegments(app.warehouse, run.runId, name);
        output(Boolean(opts.json), rows, () => {
          const w = Math.max(10, ...rows.map((r) => r.segment.length));
          return [
            `${name}, run ${run.runId} as of ${run.asOf}`,
            `  ${'segment'.padEnd(w)} ${'customers'.padStart(10)}  ${'share'.padStart(6)}  ${'net rev.'.padStart(10)}  ${'orders'.padStart(6)}  ${'recency'.padStart(7)}`,
            ...rows.map(
              (r) =>
                `  ${r.segment.padEnd(w)} ${num(r.customers).padStart(10)}  ${(100 * r.share).toFixed(1).padStart(5)}%  ${r.meanMonetaryNet.toFixed(0).padStart(10)}  ${r.meanFrequency.toFixed(1).padStart(6)}  ${(r.meanRecencyDays === null ? '-' : r.meanRecencyDays.toFixed(0)).padStart(7)}`,
            ),
            '  (means per customer: net revenue, purchase orders, days since last purchase)',
          ].join('\n');
        });
      });
    });
  segs
    .command('compare')
    .summary('movement matrix of one segmentation between two runs')
    .argument('<segmentation>', 'e.g. rfm or lifecycle')
    .option('--from <n>', 'earlier run (default: the last finished run before --to)')
    .option('--to <n>', 'later run (default: the latest)')
    .option('--json', 'print as JSON')
    .action(async (name: string, opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const to = await getRun(app.warehouse, runNumber(opts.to, '--to'));
        const fromArg = runNumber(opts.from, '--from');
        const previous = (await listRuns(app.warehouse))
          .filter((r) => r.status === 'done' && r.runId < to.runId)
          .at(-1);
        if (fromArg === undefined && previous === undefined) {
          throw invalidInput(
            `comparing needs two finished runs and run ${to.runId} is the first`,
            'run segmenta analyze again, e.g. with --as-of an earlier date',
          );
        }
        const from = await getRun(app.warehouse, fromArg ?? previous?.runId);
        const m = await movement(app.warehouse, name, from.runId, to.runId);
        const dwell = name === 'lifecycle' ? await stageDwell(app.warehouse, to.runId) : undefined;
        output(Boolean(opts.json), { ...m, ...(dwell ? { dwell } : {}) }, () => {
          const w = Math.max(8, ...m.from.map((s) => s.length));
          const cw = m.to.map((s) => Math.max(6, s.length));
          const lines = [
            `${name}: run ${from.runId} (as of ${from.asOf}) -> run ${to.runId} (as of ${to.asOf}); ${(100 * m.kept).toFixed(1)}% kept their segment`,
            `  ${'from \\ to'.padEnd(w)} ${m.to.map((s, j) => s.padStart(cw[j] ?? 6)).join(' ')}`,
            ...m.from.map(
              (s, i) =>
                `  ${s.padEnd(w)} ${m.counts[i]!.map((c, j) => num(c).padStart(cw[j] ?? 6)).join(' ')}`,
            ),
          ];
          if (dwell) {
            lines.push('', `Days in the current stage as of run ${to.runId} (over runs up to it)`);
            for (const d of dwell)
              lines.push(
                `  ${d.stage.padEnd(22)} ${num(d.customers).padStart(8)}  mean ${d.meanDays.toFixed(0).padStart(4)}  median ${d.medianDays.toFixed(0).padStart(4)}`,
              );
          }
          return lines.join('\n');
        });
      });
    });
}
