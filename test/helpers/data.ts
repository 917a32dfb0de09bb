import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Path of a file in the shared datasets folder beside the project (never copied into the repo). */
export const sharedData = (rel: string) => resolve(process.cwd(), '..', 'shared', 'data', rel);

export const hasSharedData = existsSync(sharedData('README.md'));
if (!hasSharedData) {
  console.warn('\n⚠️  ../shared/data is missing: the real-data tests are SKIPPED\n');
}
