import type { Command } from 'commander';
import { output, withApp } from '../context.js';

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .summary('list rows that were not loaded, with file, line, column and reason')
    .option('--import <id>', 'only this import number')
    .option('--kind <kind>', 'rejected, duplicate or value', 'rejected')
    .option('--limit <n>', 'at most this many rows', '50')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const params: (string | number)[] = [opts.kind, Number(opts.limit)];
        const byImport = opts.import !== undefined;
        if (byImport) params.push(Number(opts.import));
        const r = await app.warehouse.query({
          sql: `SELECT import_id, file_name, line, column_name, kind, reason, raw FROM quarantine
                WHERE kind = $1 ${byImport ? 'AND import_id = $3' : ''} ORDER BY import_id, line LIMIT $2`,
          params,
        });
        const rows = Array.from({ length: r.rowCount }, (_, i) =>
          Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, v[i]])),
        );
        output(Boolean(opts.json), rows, () =>
          rows.length === 0
            ? 'no quarantined rows'
            : rows
                .map(
                  (x) =>
                    `#${x.import_id} ${x.file_name}:${x.line}${x.column_name ? ` [${x.column_name}]` : ''} ${x.reason}${x.raw ? `\n    ${String(x.raw).slice(0, 160)}` : ''}`,
                )
                .join('\n'),
        );
      });
    });
}
