import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Run the CLI from source as a user would (non-interactive, CI=true: no progress bars). */
export const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });

/** Run the CLI expecting failure; resolves to the error with its exit code and stderr. */
export const fails = (...args: string[]) =>
  cli(...args).then(
    () => {
      throw new Error(`segmenta ${args.join(' ')} should have failed`);
    },
    (e: { code: number; stderr: string; stdout: string }) => e,
  );
