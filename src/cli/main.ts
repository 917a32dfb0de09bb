#!/usr/bin/env node
import { Command } from 'commander';
import { exitCodeOf, SegmentaError } from '../core/errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCluster } from './commands/cluster.js';
import { registerClv } from './commands/clv.js';
import { registerCustomers } from './commands/customers.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerEntities, registerImport } from './commands/import.js';
import { registerKeys } from './commands/keys.js';
import { registerMappings } from './commands/mappings.js';
import { registerPatterns } from './commands/patterns.js';
import { registerQuality } from './commands/quality.js';
import { registerQuarantine } from './commands/quarantine.js';
import { registerSegments } from './commands/segments.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerWebhooks } from './commands/webhooks.js';

const program = new Command()
  .name('segmenta')
  .description('Customer segmentation and customer value on your own machine: import, analyse, segment, act.')
  .version('0.1.0')
  .option('--db <path>', 'database file (default: $SEGMENTA_DB or ./segmenta.duckdb)')
  .showHelpAfterError('(run with --help for usage)');

registerStart(program);
registerDemo(program);
registerImport(program);
registerEntities(program);
registerQuality(program);
registerQuarantine(program);
registerCustomers(program);
registerMappings(program);
registerAnalyze(program);
registerExport(program);
registerClv(program);
registerCluster(program);
registerPatterns(program);
registerSegments(program);
registerServe(program);
registerKeys(program);
registerWebhooks(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof SegmentaError) {
    process.stderr.write(`error: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
  } else {
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exitCode = exitCodeOf(e);
}
