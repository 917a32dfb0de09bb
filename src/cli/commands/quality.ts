import type { Command } from 'commander';
import { formatSegmentQuality, segmentQuality } from '../../analysis/index.js';
import { formatQualityReport } from '../../ingest/quality/format.js';
import { qualityReport } from '../../ingest/quality/report.js';
import { output, runNumber, withApp } from '../context.js';

export function registerQuality(program: Command): void {
  const quality = program
    .command('quality')
    .summary('data-quality report: completeness, validity, duplicates, outliers, freshness, references')
    .description(
      'Report, per entity and column, completeness, validity (types, ranges, formats), duplicates, outliers, freshness, broken references and quarantined rows by reason, with what each gap does to the analysis downstream.',
    )
    .option('--json', 'print the report as JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const report = await qualityReport(app.warehouse);
        output(Boolean(opts.json), report, () => formatQualityReport(report));
      });
    });
  quality
    .command('segments')
    .summary('segment-quality scorecard: size, homogeneity, distinction, stability of each segmentation')
    .description(
      "Score how good the segmentations of an analysis run (default: the latest) are: size and share of each segment; homogeneity (dispersion relative to the whole base, R²); distinction (silhouette on a sample, distance to the nearest segment, overlap); stability against the previous run (membership kept, adjusted Rand index, transition matrix); and, for clusterings, bootstrap stability (refits on resamples). By default RFM groups, lifecycle stages and the run's clusterings, measured in the behavioural + value features (a clustering in its own).",
    )
    .option('--run <n>', 'analysis run (default: the latest)')
    .option('--segmentation <name>', 'one segmentation: rfm, lifecycle, cluster, value.tier, ...')
    .option('--json', 'print the scorecards as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  segmenta quality segments\n  segmenta quality segments --segmentation cluster --json\n  segmenta quality segments --run 2 --segmentation value.tier',
    )
    .action(async (opts, cmd: Command) => {
      const runId = runNumber(opts.run);
      await withApp(cmd, async (app) => {
        const report = await segmentQuality(app.warehouse, {
          ...(runId !== undefined ? { runId } : {}),
          ...(opts.segmentation !== undefined ? { segmentation: String(opts.segmentation) } : {}),
        });
        // `--json` after `segments` is parsed by `quality`, which has the same option.
        const json = Boolean(opts.json || cmd.optsWithGlobals().json);
        output(json, report, () => formatSegmentQuality(report));
      });
    });
}
