import type { Command } from 'commander';
import { qualityReport } from '../../ingest/quality/report.js';
import { withApp } from '../context.js';
import { isEmpty, loadDemo } from './demo.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .summary('the quick start: demo shop (if the database is empty), full analysis, summary')
    .description(
      'What `npm start` runs: loads the demo shop into the database when it is empty, runs every analysis Segmenta has on it, and prints a summary.',
    )
    .option('--customers <n>', 'demo size when the database is empty', '20000')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
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
        out('\nNext: segmenta import orders your-export.csv   ·   segmenta quality   ·   segmenta --help');
      });
    });
}
