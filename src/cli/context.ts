import type { Command } from 'commander';
import { type App, openApp } from '../app.js';
import { invalidInput } from '../core/errors.js';

/** Open the app with the global options (`--db`), run `work`, always close. */
export async function withApp<T>(cmd: Command, work: (app: App) => Promise<T>): Promise<T> {
  const opts = cmd.optsWithGlobals() as { db?: string };
  const app = await openApp(opts.db !== undefined ? { db: opts.db } : {});
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Print JSON or text depending on `--json`. */
export function output(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
}

/** The run number of a `--run`-like option (`flag` names it in the error), or undefined when it is not given. */
export function runNumber(v: string | undefined, flag = '--run'): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw invalidInput(`${flag} ${v}: expected a run number (1, 2, ...)`);
  return n;
}
