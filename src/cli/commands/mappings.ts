import type { Command } from 'commander';
import { listSavedMappings } from '../../ingest/saved-mappings.js';
import { output, withApp } from '../context.js';

export function registerMappings(program: Command): void {
  program
    .command('mappings')
    .summary('list column mappings saved with import --save-mapping')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const all = await listSavedMappings(app.warehouse);
        output(Boolean(opts.json), all, () =>
          all.length === 0
            ? 'no saved mappings'
            : all.map((m) => `${m.name} (${m.entity}): ${m.mapping}`).join('\n'),
        );
      });
    });
}
