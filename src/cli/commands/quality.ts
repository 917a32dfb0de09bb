import type { Command } from 'commander';
import { formatQualityReport } from '../../ingest/quality/format.js';
import { qualityReport } from '../../ingest/quality/report.js';
import { output, withApp } from '../context.js';

export function registerQuality(program: Command): void {
  program
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
}
