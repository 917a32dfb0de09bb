import { type Command, Option } from 'commander';
import {
  evaluateClv,
  fitClv,
  formatEvaluation,
  formatFit,
  formatScores,
  MODEL_KINDS,
  PURCHASE_MODELS,
  scoreClv,
  topCustomers,
} from '../../analysis/clv/index.js';
import { invalidInput } from '../../core/errors.js';
import { output, withApp } from '../context.js';

const unitOption = () =>
  new Option('--unit <unit>', 'time unit of the model: days or weeks')
    .choices(['days', 'weeks'])
    .default('weeks');
const penalizerOption = () =>
  new Option('--penalizer <c>', 'L2 penalty on the parameters (lifetimes penalizer_coef)');

function registerFit(clv: Command): void {
  clv
    .command('fit')
    .summary('fit one model and print its parameters, standard errors and diagnostics')
    .description(
      'Fit a buy-till-you-die model on every customer’s purchases up to the as-of date: BG/NBD, MBG/NBD or Pareto/NBD for the number of purchases and P(alive), Gamma-Gamma for the spend per purchase. Purchases on one day are one transaction; customers are grouped into distinct (x, t_x, T) rows in SQL, so a million customers fit in seconds. Prints the parameters with standard errors, the log-likelihood and the optimiser diagnostics, and stores the model in clv_models. A fit that fails says why and exits non-zero.',
    )
    .addOption(new Option('--model <kind>', 'the model').choices(MODEL_KINDS).makeOptionMandatory())
    .option(
      '--as-of <date>',
      'use purchases up to the end of this day, YYYY-MM-DD (default: the day after the last)',
    )
    .addOption(unitOption())
    .addOption(penalizerOption())
    .option('--json', 'print the fit as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  segmenta clv fit --model bgnbd\n  segmenta clv fit --model paretonbd --as-of 1997-09-30 --unit weeks\n  segmenta clv fit --model gammagamma --json',
    )
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const fit = await fitClv(app.warehouse, {
          model: opts.model,
          unit: opts.unit,
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          ...(opts.penalizer !== undefined ? { penalizer: opts.penalizer } : {}),
        });
        output(Boolean(opts.json), fit, () => formatFit(fit));
      });
    });
}

function registerEvaluate(clv: Command): void {
  clv
    .command('evaluate')
    .summary('choose the purchase model by calibration / holdout')
    .description(
      `Fit ${PURCHASE_MODELS.join(', ')} on the purchases up to the calibration end, forecast each customer’s repeat purchases in the holdout, and compare with what happened: per-customer MAE and RMSE, total predicted vs actual, and the P(alive) calibration by decile. Prints the comparison, the chosen model and why; 'segmenta clv score' and 'segmenta analyze' then use the chosen model.`,
    )
    .requiredOption('--calibration-end <date>', 'last day of the calibration period, YYYY-MM-DD')
    .option('--holdout-end <date>', 'last day of the holdout period (default: the day of the last purchase)')
    .addOption(unitOption())
    .addOption(penalizerOption())
    .option('--json', 'print the evaluation as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  segmenta clv evaluate --calibration-end 1997-09-30 --holdout-end 1998-06-30\n  segmenta clv evaluate --calibration-end 2011-06-30 --json',
    )
    .action(async (opts, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const e = await evaluateClv(app.warehouse, {
          calibrationEnd: opts.calibrationEnd,
          unit: opts.unit,
          ...(opts.holdoutEnd !== undefined ? { holdoutEnd: opts.holdoutEnd } : {}),
          ...(opts.penalizer !== undefined ? { penalizer: opts.penalizer } : {}),
        });
        output(Boolean(opts.json), e, () => formatEvaluation(e));
      });
    });
}

function registerScore(clv: Command): void {
  clv
    .command('score')
    .summary('predict P(alive), purchases, spend and CLV per customer, with intervals')
    .description(
      'Fit the purchase model (given, or chosen by the latest evaluation, else BG/NBD) and Gamma-Gamma as of a date and score every customer with a purchase: P(alive), expected purchases, expected spend and discounted CLV over the horizon, the median next-order date, and 5%–95% parametric-bootstrap intervals. Prints the top customers by CLV.',
    )
    .option(
      '--as-of <date>',
      'score as of the end of this day, YYYY-MM-DD (default: the day after the last purchase)',
    )
    .option('--horizon-days <n>', 'prediction horizon in days', '365')
    .addOption(
      new Option('--model <kind>', 'purchase model (default: the evaluation’s choice)').choices(
        PURCHASE_MODELS,
      ),
    )
    .addOption(unitOption())
    .addOption(penalizerOption())
    .option('--discount-rate <r>', 'annual discount rate of the CLV', '0.1')
    .option('--draws <n>', 'bootstrap draws for the intervals (0 for none)', '200')
    .option('--seed <n>', 'seed of the bootstrap', '1')
    .option('--top <n>', 'customers to print', '20')
    .option('--json', 'print the summary and the top customers as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  segmenta clv score\n  segmenta clv score --as-of 1998-06-30 --horizon-days 180 --top 10\n  segmenta clv score --model paretonbd --json',
    )
    .action(async (opts, cmd: Command) => {
      const top = Number(opts.top);
      if (!Number.isInteger(top) || top < 0)
        throw invalidInput(`invalid --top: ${JSON.stringify(opts.top)} (expected a whole number ≥ 0)`);
      await withApp(cmd, async (app) => {
        const s = await scoreClv(app.warehouse, {
          horizonDays: opts.horizonDays,
          unit: opts.unit,
          discountRate: opts.discountRate,
          draws: opts.draws,
          seed: opts.seed,
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
          ...(opts.model !== undefined ? { model: opts.model } : {}),
          ...(opts.penalizer !== undefined ? { penalizer: opts.penalizer } : {}),
        });
        const rows = topCustomers(s, top);
        const { table: _table, extra: _extra, ...summary } = s;
        output(Boolean(opts.json), { ...summary, top: rows }, () => formatScores(s, rows));
      });
    });
}

export function registerClv(program: Command): void {
  const clv = program
    .command('clv')
    .summary('customer lifetime value: fit, evaluate and score buy-till-you-die models')
    .description(
      'Buy-till-you-die models of customer value (BG/NBD, MBG/NBD, Pareto/NBD for purchases and P(alive), Gamma-Gamma for spend), fitted on the warehouse as of a date.',
    );
  registerFit(clv);
  registerEvaluate(clv);
  registerScore(clv);
}
