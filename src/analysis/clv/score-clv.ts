import { SegmentaError } from '../../core/errors.js';
import type {
  FitResult,
  FittedGammaGamma,
  FittedPurchaseModel,
  PurchaseModelKind,
} from '../../models/clv/index.js';
import type { ColumnTable } from '../../warehouse/column-table.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { resolveClvAsOf } from './clv-as-of.js';
import {
  MODEL_NAMES,
  parseNumber,
  parsePurchaseModelKind,
  parseUnit,
  type TimeUnit,
  UNIT_DAYS,
} from './clv-options.js';
import { fitFailedError } from './fit-failure.js';
import { describeRfm, describeSpend, fitPurchaseModel, fitSpendModel } from './fit-model.js';
import {
  loadCustomerRows,
  loadRfmSummary,
  loadSpendSummary,
  withFitSample,
  withPeriodsTable,
} from './load-periods.js';
import { latestChosenModel, saveClvModel } from './model-store.js';
import { scorePatterns } from './score-patterns.js';
import { scoreTable } from './score-table.js';

export interface ScoreClvOptions {
  /** `YYYY-MM-DD`, as for fitClv; default the day after the last purchase. */
  readonly asOf?: string;
  /** Horizon of expected purchases, spend and CLV, in days; default 365. */
  readonly horizonDays?: number | string;
  /** Purchase model; default the one chosen by the latest `evaluateClv`, else bgnbd. */
  readonly model?: PurchaseModelKind | string;
  readonly unit?: TimeUnit | string;
  readonly penalizer?: number | string;
  /** Annual discount rate of the CLV (applied per ≈ monthly step); default 0.1. */
  readonly discountRate?: number | string;
  /** Bootstrap draws for the intervals; default 200; 0 leaves the interval columns NULL. */
  readonly draws?: number | string;
  /** Seed of the bootstrap; default 1 (same seed, same intervals). */
  readonly seed?: number | string;
  /** Keep the fitted purchase and spend models in clv_models; default true. */
  readonly save?: boolean;
  /**
   * Fit the models on at most this many customers (a deterministic sample: smallest hash of the id), then score
   * everyone; default all. The parameters of a million customers are estimated as well from a few hundred
   * thousand, and the fits cost in proportion to the distinct histories.
   */
  readonly fitSample?: number;
  readonly now?: () => number;
}

export interface ClvScores {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly unit: TimeUnit;
  readonly model: PurchaseModelKind;
  /** Why this purchase model: given, or chosen by an evaluation, or the default. */
  readonly modelReason: string;
  readonly purchaseModel: FittedPurchaseModel;
  /** Null when the spend model could not be fitted or has no finite mean (then spend and CLV are NULL). */
  readonly spendModel: FittedGammaGamma | null;
  readonly modelIds: { readonly purchase: number | null; readonly spend: number | null };
  readonly customers: number;
  /** Distinct (x, tₓ, T, monetary) patterns scored (and bootstrapped). */
  readonly distinctRows: number;
  /** One row per customer with a purchase by the as-of date, sorted by id: the columns of CLV_SCORE_COLUMNS. */
  readonly table: ColumnTable;
  /** Aligned with `table`: customer_id, prob_zero_purchases (in the horizon), expected_spend_low/high. */
  readonly extra: ColumnTable;
  /** 0.9 for the 5%–95% intervals; null when there are none (see warnings). */
  readonly intervals: { readonly level: number; readonly draws: number; readonly widened: number } | null;
  /** The customers the models were fitted on, and of how many (all unless `fitSample` was smaller). */
  readonly fitted: { readonly customers: number; readonly of: number };
  readonly warnings: readonly string[];
  readonly seconds: number;
}

const LEVEL = 0.9;

async function pickModel(
  wh: Warehouse,
  given: string | undefined,
): Promise<{ kind: PurchaseModelKind; reason: string }> {
  if (given !== undefined) return { kind: parsePurchaseModelKind(given), reason: 'given' };
  const chosen = await latestChosenModel(wh);
  if (chosen) {
    return {
      kind: chosen.kind,
      reason: `chosen by the latest evaluation (calibration end ${chosen.calibrationEnd}, model ${chosen.modelId})`,
    };
  }
  return { kind: 'bgnbd', reason: 'default (no evaluation yet: segmenta clv evaluate chooses by holdout)' };
}

/** The spend model if it can be used: fitted, with q > 1 (else the population mean spend pγ/(q−1) is infinite). */
function usableSpendModel(fit: FitResult<FittedGammaGamma>): {
  spend: FittedGammaGamma | null;
  warning: string | null;
} {
  const none = 'no spend model, so expected spend and CLV are NULL';
  if (!fit.ok)
    return { spend: null, warning: `${none}: the Gamma-Gamma fit failed (${fit.reason}): ${fit.message}` };
  if (!(fit.model.params.q > 1)) {
    return {
      spend: null,
      warning: `${none}: Gamma-Gamma q = ${fit.model.params.q.toPrecision(3)} ≤ 1, so the mean spend is infinite (a few extreme order values?)`,
    };
  }
  return { spend: fit.model, warning: null };
}

/**
 * Scores every customer with a purchase by the as-of date: P(alive), expected purchases, P(no purchase), expected
 * spend and discounted CLV over the horizon, the median next-order date, and 5%–95% bootstrap intervals. The
 * purchase model and Gamma-Gamma are fitted on the same as-of data first (and kept in clv_models). A purchase fit
 * that fails throws; a spend fit that fails leaves spend and CLV NULL with a warning. No value is ever NaN.
 */
export async function scoreClv(wh: Warehouse, options: ScoreClvOptions = {}): Promise<ClvScores> {
  const unit = parseUnit(options.unit);
  const unitDays = UNIT_DAYS[unit];
  const num = (
    name: string,
    v: number | string | undefined,
    dflt: number,
    range: Parameters<typeof parseNumber>[2],
  ) => (v === undefined ? dflt : parseNumber(name, v, range));
  const horizonDays = num('horizon days', options.horizonDays, 365, { min: 0, open: true, max: 36_525 });
  const penalizer = num('penalizer', options.penalizer, 0, { min: 0 });
  const annualDiscountRate = num('discount rate', options.discountRate, 0.1, {
    min: -1,
    open: true,
    max: 10,
  });
  const draws = num('draws', options.draws, 200, { min: 0, max: 10_000, integer: true });
  const seed = num('seed', options.seed, 1, { min: 0, integer: true });
  if (draws === 1) throw new SegmentaError('invalid_input', 'invalid draws: 1 (expected 0 for none, or ≥ 2)');
  const started = performance.now();
  const pick = await pickModel(wh, options.model);
  const { asOf } = await resolveClvAsOf(wh, options.asOf);
  const window = { calibrationEndMs: asOf.dayMs, holdoutEndMs: asOf.dayMs };
  const warnings: string[] = [];
  const fitSample = options.fitSample ?? Number.POSITIVE_INFINITY;
  if (!(fitSample >= 2))
    throw new SegmentaError('invalid_input', `invalid fit sample: ${fitSample} (expected ≥ 2)`);
  const inputs = await withPeriodsTable(wh, window, async (source) => {
    const fitted = await withFitSample(wh, source, fitSample, async (sample, counts) => {
      const rfm = await loadRfmSummary(wh, sample, unitDays);
      const fit = fitPurchaseModel(pick.kind, rfm, penalizer);
      if (!fit.ok) throw fitFailedError(pick.kind, fit, `on the purchases up to ${asOf.date}`);
      const spendData = await loadSpendSummary(wh, sample);
      return { rfm, purchase: fit.model, spendData, counts };
    });
    const customers = await loadCustomerRows(wh, source.table, unitDays);
    return { ...fitted, customers };
  });
  const { rfm, purchase, spendData, customers, counts } = inputs;
  const { spend, warning } = usableSpendModel(fitSpendModel(spendData, penalizer));
  if (warning) warnings.push(warning);

  const fittedAt = (options.now ?? Date.now)();
  const stored = {
    purpose: 'score',
    horizonDays,
    data: { purchases: describeRfm(rfm), spend: describeSpend(spendData) },
  };
  const save = options.save !== false;
  const purchaseId = save
    ? await saveClvModel(wh, { model: purchase, asOf, unit, fittedAt, extra: stored })
    : null;
  const spendId =
    save && spend ? await saveClvModel(wh, { model: spend, asOf, unit, fittedAt, extra: stored }) : null;

  const s = scorePatterns(purchase, spend, customers.patterns, {
    horizonDays,
    unitDays,
    annualDiscountRate,
    draws,
    level: LEVEL,
    seed,
  });
  if (s.intervalsMissing) warnings.push(`no intervals: ${s.intervalsMissing}`);

  const { table, extra, nonFinite } = scoreTable(s, customers, {
    asOfDayMs: asOf.dayMs,
    unitDays,
    model: pick.kind,
  });
  if (nonFinite > 0) warnings.push(`${nonFinite} non-finite predictions were written as NULL`);
  return {
    asOf: asOf.date,
    horizonDays,
    unit,
    model: pick.kind,
    modelReason: `${MODEL_NAMES[pick.kind]}: ${pick.reason}`,
    purchaseModel: purchase,
    spendModel: spend,
    modelIds: { purchase: purchaseId, spend: spendId },
    customers: table.rowCount,
    distinctRows: customers.patterns.x.length,
    table,
    extra,
    intervals: s.intervalsMissing ? null : { level: LEVEL, draws, widened: s.widened },
    fitted: counts,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
}
