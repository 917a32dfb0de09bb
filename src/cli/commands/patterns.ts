import type { Command } from 'commander';
import { hiddenPatterns, type PatternKind, segmentationOfRun } from '../../analysis/patterns/index.js';
import { getRun } from '../../analysis/runs.js';
import { invalidInput } from '../../core/errors.js';
import { output, runNumber, withApp } from '../context.js';

const KINDS: readonly PatternKind[] = ['weekday_hour', 'category_channel', 'creative'];

export function registerPatterns(program: Command): void {
  program
    .command('patterns')
    .summary('hidden patterns per segment: when they buy, what through which channel, which creatives work')
    .description(
      'For every segment of a segmentation of an analysis run, find what sets it apart from the other customers: weekday × hour and category × channel over-indexing, and visual-vs-text creative response, each with a significance test (clustered by customer, Benjamini-Hochberg across all tests), written as plain statements a marketer can act on.',
    )
    .option(
      '--segmentation <name>',
      "segmentation of the run ('segmenta segmentations list' names them)",
      'rfm',
    )
    .option('--run <n>', 'analysis run (default: the latest finished one)')
    .option('--kind <kinds>', `only these: ${KINDS.join(', ')} (comma-separated)`)
    .option('--top <n>', 'at most this many statements', '20')
    .option('--lang <lang>', 'en or es', 'en')
    .option('--json', 'print JSON with every number behind each statement')
    .addHelpText(
      'after',
      '\nExamples:\n  segmenta patterns\n  segmenta patterns --segmentation lifecycle --kind weekday_hour --lang es',
    )
    .action(async (opts, cmd: Command) => {
      const kinds = opts.kind ? String(opts.kind).split(',') : [...KINDS];
      for (const k of kinds) {
        if (!KINDS.includes(k as PatternKind))
          throw invalidInput(`--kind ${k}: expected one of ${KINDS.join(', ')}`);
      }
      if (opts.lang !== 'en' && opts.lang !== 'es')
        throw invalidInput(`--lang ${opts.lang}: expected en or es`);
      await withApp(cmd, async (app) => {
        const run = await getRun(app.warehouse, runNumber(opts.run));
        const found = await hiddenPatterns(app.warehouse, {
          segments: segmentationOfRun(run.runId, String(opts.segmentation)),
          asOf: run.asOf,
          kinds: kinds as PatternKind[],
        });
        const top = found.statements.slice(0, Number(opts.top));
        output(
          Boolean(opts.json),
          { run: run.runId, segmentation: opts.segmentation, ...found, statements: top },
          () =>
            top.length === 0
              ? `no significant patterns in segmentation ${opts.segmentation} of run ${run.runId}`
              : [
                  `Hidden patterns — segmentation ${opts.segmentation}, run ${run.runId} (as of ${run.asOf})`,
                  ...top.map((s, i) => `${String(i + 1).padStart(3)}. ${s.text[opts.lang as 'en' | 'es']}`),
                ].join('\n'),
        );
      });
    });
}
