import type { Command } from 'commander';
import { notFound } from '../../core/errors.js';
import { createApiKey, listApiKeys, parseScope, revokeApiKey } from '../../server/index.js';
import { output, withApp } from '../context.js';

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .summary('API keys for the REST API: create, list, revoke')
    .description(
      'API keys authenticate every route of the REST API but /health (Authorization: Bearer <key>). Scopes: read (GET), write (imports, runs), admin (everything). Keys are stored hashed; a key is printed once, when created.',
    );
  keys
    .command('create')
    .description('create a key and print it (once: it is not stored)')
    .requiredOption('--scope <scope>', 'read, write or admin')
    .option('--name <name>', 'what the key is for')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  segmenta keys create --scope read --name dashboard')
    .action(async (opts, cmd: Command) => {
      const scope = parseScope(opts.scope);
      await withApp(cmd, async (app) => {
        const k = await createApiKey(app.warehouse, { scope, name: opts.name });
        output(
          Boolean(opts.json),
          k,
          () => `${k.key}\n(scope ${k.scope}, id ${k.keyId}; shown once — store it now)`,
        );
      });
    });
  keys
    .command('list')
    .description('list keys (ids, names, scopes; never the keys)')
    .option('--json', 'print JSON')
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const all = await listApiKeys(app.warehouse);
        output(Boolean(opts.json), all, () =>
          all.length === 0
            ? 'no API keys yet: segmenta keys create --scope read'
            : all
                .map(
                  (k) =>
                    `${k.keyId}  ${k.scope.padEnd(5)}  ${k.createdAt.slice(0, 19)}  ${k.revoked ? 'revoked' : 'active '}  ${k.name ?? ''}`,
                )
                .join('\n'),
        );
      });
    });
  keys
    .command('revoke <id>')
    .description('revoke a key by its id')
    .action(async (id: string, _opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        if (!(await revokeApiKey(app.warehouse, id)))
          throw notFound(`no active API key ${id}`, 'segmenta keys list shows the ids');
        process.stdout.write(`revoked ${id}\n`);
      });
    });
}
