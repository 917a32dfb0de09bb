import { invalidInput, SegmentaError } from '../../core/errors.js';
import { DAY_MS, isoDay } from '../../features/as-of.js';
import {
  type FitFailureReason,
  type FittedPurchaseModel,
  type PurchaseModelKind,
  weightedRfmSummary,
} from '../../models/clv/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { CHOICE_CRITERION, chooseModel } from './choose-model.js';
import { resolveClvAsOf } from './clv-as-of.js';
import {
  MODEL_NAMES,
  PURCHASE_MODELS,
  parseDay,
  parseNumber,
  parseUnit,
  type TimeUnit,
  UNIT_DAYS,
} from './clv-options.js';
import { describeRfm, fitPurchaseModel, type PurchaseDataSummary } from './fit-model.js';
import { type DecileRow, type HoldoutMetrics, holdoutMetrics, naiveMetrics } from './holdout-metrics.js';
import { loadHoldoutRows } from './load-periods.js';
import { saveClvModel } from './model-store.js';

export interface EvaluateClvOptions {
  /** Last day of the calibration period, `YYYY-MM-DD` (its purchases count). */
  readonly calibrationEnd: string;
  /** Last day of the holdout period; default the day of the last purchase in the data. */
  readonly holdoutEnd?: string;
  readonly unit?: TimeUnit | string;
  readonly penalizer?: number | string;
  /** Keep the fitted models (with their holdout metrics and the choice) in clv_models; default true. */
  readonly save?: boolean;
  readonly now?: () => number;
}

export type ModelEvaluation =
  | {
      readonly kind: PurchaseModelKind;
      readonly ok: true;
      readonly modelId: number | null;
      readonly model: FittedPurchaseModel;
      readonly metrics: HoldoutMetrics;
      readonly deciles: readonly DecileRow[];
    }
  | {
      readonly kind: PurchaseModelKind;
      readonly ok: false;
      readonly reason: FitFailureReason;
      readonly message: string;
    };

export interface ClvEvaluation {
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  readonly unit: TimeUnit;
  /** Holdout length in days and in model units. */
  readonly holdoutDays: number;
  readonly holdoutLength: number;
  /** The calibration cohort: customers with a purchase on or before the calibration end. */
  readonly data: PurchaseDataSummary;
  /** Repeat purchases (distinct purchase days) of the cohort in the holdout. */
  readonly actualRepeatPurchases: number;
  /** Every model, fitted or failed, in the order BG/NBD, MBG/NBD, Pareto/NBD. */
  readonly models: readonly ModelEvaluation[];
  /** Each customer keeps buying at their calibration rate x / T: the bar a model should clear. */
  readonly naive: HoldoutMetrics;
  readonly best: PurchaseModelKind;
  readonly criterion: string;
  readonly reason: string;
  readonly warnings: readonly string[];
  readonly seconds: number;
}

/**
 * Model choice by calibration / holdout: fits BG/NBD, MBG/NBD and Pareto/NBD on the purchases up to the
 * calibration end, forecasts each customer's repeat purchases in the holdout, and compares with what they did
 * (per-customer MAE and RMSE, total predicted vs actual, P(alive) calibration by decile). The best model by
 * {@link CHOICE_CRITERION} is returned and marked as chosen in clv_models, where `scoreClv` finds it.
 */
export async function evaluateClv(wh: Warehouse, options: EvaluateClvOptions): Promise<ClvEvaluation> {
  const unit = parseUnit(options.unit);
  const penalizer =
    options.penalizer === undefined ? 0 : parseNumber('penalizer', options.penalizer, { min: 0 });
  const started = performance.now();
  const { asOf: calibration, range } = await resolveClvAsOf(wh, options.calibrationEnd, '--calibration-end');
  const lastDay = Math.floor((range.lastPurchase as number) / DAY_MS) * DAY_MS;
  const holdout =
    options.holdoutEnd === undefined ? null : parseDay('--holdout-end', options.holdoutEnd).dayMs;
  const holdoutEnd = holdout ?? lastDay;
  if (holdoutEnd <= calibration.dayMs) {
    throw invalidInput(
      holdout === null
        ? `no purchases after the calibration end ${calibration.date} (the last is on ${isoDay(lastDay)}): there is no holdout to evaluate on`
        : `--holdout-end ${isoDay(holdoutEnd)} must be after --calibration-end ${calibration.date}`,
      `choose a calibration end before ${isoDay(lastDay)}, e.g. two thirds of the way through the data`,
    );
  }
  const warnings: string[] = [];
  if (holdoutEnd > lastDay) {
    warnings.push(
      `the holdout runs to ${isoDay(holdoutEnd)} but the last purchase in the data is on ${isoDay(lastDay)}: days without data count as days without purchases, so the actual holdout purchases may be too low`,
    );
  }
  const holdoutDays = Math.round((holdoutEnd - calibration.dayMs) / DAY_MS);
  const holdoutLength = holdoutDays / UNIT_DAYS[unit];
  const window = { calibrationEndMs: calibration.dayMs, holdoutEndMs: holdoutEnd };
  const rows = await loadHoldoutRows(wh, { kind: 'window', window }, UNIT_DAYS[unit]);
  const summary = weightedRfmSummary(rows);
  if (!summary.ok)
    throw new SegmentaError('internal', `CLV holdout inputs are invalid: ${summary.error.message}`);

  const fitted = PURCHASE_MODELS.map((kind): ModelEvaluation => {
    const r = fitPurchaseModel(kind, summary.value, penalizer);
    if (!r.ok) return { kind, ok: false, reason: r.reason, message: r.message };
    const { deciles, ...metrics } = holdoutMetrics(r.model, rows, holdoutLength);
    return { kind, ok: true, modelId: null, model: r.model, metrics, deciles };
  });
  const good = fitted.filter((m): m is Extract<ModelEvaluation, { ok: true }> => m.ok);
  if (good.length === 0) {
    const why = fitted
      .map((m) => (m.ok ? '' : `${MODEL_NAMES[m.kind]}: ${m.reason} (${m.message})`))
      .join('; ');
    throw new SegmentaError(
      'unsupported',
      `no purchase model could be fitted on the purchases up to ${calibration.date}: ${why}`,
      'use a later --calibration-end so the calibration period holds more repeat purchases',
    );
  }
  const choice = chooseModel(good);
  const data = describeRfm(summary.value);
  const fittedAt = (options.now ?? Date.now)();
  const models: ModelEvaluation[] = [];
  for (const m of fitted) {
    if (!m.ok || options.save === false) {
      models.push(m);
      continue;
    }
    const evaluation = {
      calibrationEnd: calibration.date,
      holdoutEnd: isoDay(holdoutEnd),
      holdoutLength,
      metrics: m.metrics,
      deciles: m.deciles,
      chosen: m.kind === choice.kind,
      reason: m.kind === choice.kind ? choice.reason : null,
    };
    const modelId = await saveClvModel(wh, {
      model: m.model,
      asOf: calibration,
      unit,
      fittedAt,
      extra: { purpose: 'evaluate', data, evaluation },
    });
    models.push({ ...m, modelId });
  }
  return {
    calibrationEnd: calibration.date,
    holdoutEnd: isoDay(holdoutEnd),
    unit,
    holdoutDays,
    holdoutLength,
    data,
    actualRepeatPurchases: rows.holdout.reduce((sum, h, i) => sum + h * (rows.weight[i] as number), 0),
    models,
    naive: naiveMetrics(rows, holdoutLength),
    best: choice.kind,
    criterion: CHOICE_CRITERION,
    reason: choice.reason,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
}
