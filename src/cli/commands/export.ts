import type { Command } from 'commander';
import { EXPORT_COLUMNS, exportCustomers } from '../../analysis/index.js';
import { invalidInput } from '../../core/errors.js';
import { output, runNumber, withApp } from '../context.js';

export function registerExport(program: Command): void {
  const columns = EXPORT_COLUMNS.map((c) => `  ${c.name.padEnd(34)} ${c.doc}`).join('\n');
  const exp = program.command('export').summary('write analysis results to CSV or Parquet');
  exp
    .command('customers')
    .summary('one row per customer of an analysis run: features, RFM, lifecycle, every segment')
    .description(
      `Write one row per customer of an analysis run (default: the latest) to a .csv, .csv.gz or .parquet file. Missing values are empty cells (never NaN).\n\nColumns:\n${columns}`,
    )
    .requiredOption('--out <file>', 'output file: .csv, .csv.gz or .parquet')
    .option('--run <n>', 'analysis run (default: the latest)')
    .option('--segment <segmentation=segment>', 'only the members of one segment, e.g. rfm=Champions')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  segmenta export customers --out customers.csv\n  segmenta export customers --out champions.parquet --segment rfm=Champions\n  segmenta export customers --out june.csv --run 2`,
    )
    .action(async (opts, cmd: Command) => {
      let segment: { segmentation: string; segment: string } | undefined;
      if (opts.segment !== undefined) {
        const s = String(opts.segment);
        const eq = s.indexOf('=');
        if (eq <= 0) throw invalidInput(`--segment ${s}: expected segmentation=segment, e.g. rfm=Champions`);
        segment = { segmentation: s.slice(0, eq).trim(), segment: s.slice(eq + 1).trim() };
      }
      const runId = runNumber(opts.run);
      await withApp(cmd, async (app) => {
        const r = await exportCustomers(app.warehouse, {
          out: String(opts.out),
          ...(runId !== undefined ? { runId } : {}),
          ...(segment ? { segment } : {}),
        });
        output(
          Boolean(opts.json),
          r,
          () =>
            `wrote ${r.rows.toLocaleString('en-US')} customers of run ${r.runId} to ${r.path} (${r.format})`,
        );
      });
    });
}
