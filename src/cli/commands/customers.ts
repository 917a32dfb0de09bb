import type { Command } from 'commander';
import { output, withApp } from '../context.js';

export function registerCustomers(program: Command): void {
  const customers = program.command('customers').summary('customer identity: merges of duplicates');
  customers
    .command('merges')
    .summary('list customers merged because they share an email or phone')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const r = await app.warehouse.query({
          sql: 'SELECT merged_at, kept_id, merged_id, match_on, match_value, import_id FROM customer_merges ORDER BY merged_at, kept_id LIMIT $1',
          params: [Number(opts.limit)],
        });
        const rows = Array.from({ length: r.rowCount }, (_, i) => ({
          kept_id: r.columns.kept_id![i],
          merged_id: r.columns.merged_id![i],
          match_on: r.columns.match_on![i],
          match_value: r.columns.match_value![i],
          import_id: r.columns.import_id![i],
        }));
        output(Boolean(opts.json), rows, () =>
          rows.length === 0
            ? 'no customers merged'
            : rows
                .map(
                  (x) =>
                    `${x.merged_id} → ${x.kept_id}  (same ${x.match_on} ${x.match_value}, import #${x.import_id})`,
                )
                .join('\n'),
        );
      });
    });
}
