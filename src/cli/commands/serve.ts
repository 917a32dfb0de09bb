import type { Command } from 'commander';
import { openApp } from '../../app.js';
import { invalidInput } from '../../core/errors.js';
import { type LiveSummary, type Serving, serve } from '../../server/index.js';

const n = (x: number) => x.toLocaleString('en-US');

/** The startup line about live segments, once the runtime has loaded. */
export function liveLine(l: LiveSummary | null): string {
  if (l === null)
    return '  live       off (--no-live): POST /v1/events answers 503, segment edits are batch-evaluated';
  return `  live       ${n(l.segments)} live segment${l.segments === 1 ? '' : 's'} loaded${l.failed > 0 ? ` (${n(l.failed)} failed: segmenta segments list)` : ''}, ${n(l.events)} stored events replayed for ${n(l.customers)} customers in ${(l.ms / 1000).toFixed(1)} s; POST /v1/events is open`;
}

/**
 * Wait for the live runtime, print how it loaded, and stop everything in order on SIGINT/SIGTERM (stop listening,
 * commit what the runtime holds, stop the webhooks, close the database). A runtime that cannot load stops the
 * server: the error is reported like any other.
 */
export async function runUntilStopped(s: Serving, closeApp: () => Promise<void>): Promise<void> {
  const stop = async (code: number) => {
    await s.close();
    await closeApp();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  let line: string;
  try {
    line = liveLine(await s.live);
  } catch (e) {
    await s.close().catch(() => undefined);
    await closeApp().catch(() => undefined);
    throw e;
  }
  process.stdout.write(`${line}\n`);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('the REST API, live segments and the dashboard on one port')
    .description(
      'Serves the REST API (/v1/..., OpenAPI at /openapi.json, docs at /docs), the live segment runtime (POST /v1/events, live membership, webhooks) and the built dashboard (npm run build) on one port. Every API route but /health needs an API key: segmenta keys create --scope read, or --new-key here. --port 0 picks a free port (the URL is printed).',
    )
    .option('--port <n>', 'port (0: any free port)', '3000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--new-key', 'create a read key for the dashboard and print a URL that signs in with it')
    .option('--no-live', 'do not run live segments (no event ingestion, no webhooks)')
    .action(async (opts, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw invalidInput(`--port ${opts.port}: expected an integer 0-65535`);
      const global = cmd.optsWithGlobals() as { db?: string };
      const app = await openApp(global.db !== undefined ? { db: global.db } : {});
      const s = await serve(app, {
        port,
        host: String(opts.host),
        dashboardKey: Boolean(opts.newKey),
        live: opts.live !== false,
      });
      process.stdout.write(
        [
          `Segmenta serving ${app.warehouse.location}`,
          `  dashboard  ${s.url}/${s.dashboard ? '' : '  (not built: npm run build)'}`,
          ...(s.key ? [`  sign in    ${s.url}/?key=${s.key}   (read key, shown once)`] : []),
          `  API docs   ${s.url}/docs`,
          '',
        ].join('\n'),
      );
      await runUntilStopped(s, () => app.close());
    });
}
