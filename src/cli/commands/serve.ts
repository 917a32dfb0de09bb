import type { Command } from 'commander';
import { openApp } from '../../app.js';
import { invalidInput } from '../../core/errors.js';
import { serve } from '../../server/index.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('the REST API and the dashboard on one port')
    .description(
      'Serves the REST API (/v1/..., OpenAPI at /openapi.json, docs at /docs) and the built dashboard (npm run build) on one port. Every API route but /health needs an API key: segmenta keys create --scope read, or --new-key here.',
    )
    .option('--port <n>', 'port', '3000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--new-key', 'create a read key for the dashboard and print a URL that signs in with it')
    .action(async (opts, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw invalidInput(`--port ${opts.port}: expected an integer 0-65535`);
      const global = cmd.optsWithGlobals() as { db?: string };
      const app = await openApp(global.db !== undefined ? { db: global.db } : {});
      const s = await serve(app, { port, host: String(opts.host), dashboardKey: Boolean(opts.newKey) });
      process.stdout.write(
        [
          `Segmenta serving ${app.warehouse.location}`,
          `  dashboard  ${s.url}/${s.dashboard ? '' : '  (not built: npm run build)'}`,
          ...(s.key ? [`  sign in    ${s.url}/?key=${s.key}   (read key, shown once)`] : []),
          `  API docs   ${s.url}/docs`,
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await s.server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
