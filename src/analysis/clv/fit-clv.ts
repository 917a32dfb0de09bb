import type { FittedModel, ModelKind } from '../../models/clv/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { resolveClvAsOf } from './clv-as-of.js';
import { parseModelKind, parseNumber, parseUnit, type TimeUnit, UNIT_DAYS } from './clv-options.js';
import { fitFailedError } from './fit-failure.js';
import {
  describeRfm,
  describeSpend,
  fitPurchaseModel,
  fitSpendModel,
  type PurchaseDataSummary,
  type SpendDataSummary,
} from './fit-model.js';
import { loadRfmSummary, loadSpendSummary } from './load-periods.js';
import { saveClvModel } from './model-store.js';

export interface FitClvOptions {
  /** bgnbd, mbgnbd, paretonbd or gammagamma. */
  readonly model: ModelKind | string;
  /** `YYYY-MM-DD`: purchases up to the end of this day are used (see clv-as-of.ts); default the day after the last. */
  readonly asOf?: string;
  /** Time unit of x, tₓ, T and of the parameters α, β; default weeks. */
  readonly unit?: TimeUnit | string;
  /** L2 penalty on the parameters (lifetimes' penalizer_coef); default 0. */
  readonly penalizer?: number | string;
  /** Keep the fitted model in clv_models; default true. */
  readonly save?: boolean;
  /** For tests: the clock. */
  readonly now?: () => number;
}

export interface ClvFit {
  /** Id in clv_models, or null when not saved. */
  readonly modelId: number | null;
  readonly kind: ModelKind;
  readonly asOf: string;
  readonly unit: TimeUnit;
  /** The fitted model: parameters, log-likelihood, standard errors, covariance, diagnostics. */
  readonly model: FittedModel;
  /** What the model was fitted on (purchase models: `purchases`; Gamma-Gamma: `spend`). */
  readonly data: { readonly purchases?: PurchaseDataSummary; readonly spend?: SpendDataSummary };
  readonly seconds: number;
}

/**
 * Fits one BTYD model on the warehouse as of a date: the per-customer inputs are built and grouped into distinct
 * rows with weights in SQL (periods-sql.ts), then fitted by src/models/clv. A fit that fails throws a
 * SegmentaError that says why (never a NaN model). The fitted model is kept in clv_models unless `save: false`.
 */
export async function fitClv(wh: Warehouse, options: FitClvOptions): Promise<ClvFit> {
  const kind = parseModelKind(options.model);
  const unit = parseUnit(options.unit);
  const penalizer =
    options.penalizer === undefined ? 0 : parseNumber('penalizer', options.penalizer, { min: 0 });
  const now = options.now ?? Date.now;
  const started = performance.now();
  const { asOf } = await resolveClvAsOf(wh, options.asOf);
  const source = {
    kind: 'window',
    window: { calibrationEndMs: asOf.dayMs, holdoutEndMs: asOf.dayMs },
  } as const;
  const context = `on the purchases up to ${asOf.date}`;
  let model: FittedModel;
  let data: ClvFit['data'];
  if (kind === 'gammagamma') {
    const spend = await loadSpendSummary(wh, source);
    const r = fitSpendModel(spend, penalizer);
    if (!r.ok) throw fitFailedError(kind, r, context);
    model = r.model;
    data = { spend: describeSpend(spend) };
  } else {
    const rfm = await loadRfmSummary(wh, source, UNIT_DAYS[unit]);
    const r = fitPurchaseModel(kind, rfm, penalizer);
    if (!r.ok) throw fitFailedError(kind, r, context);
    model = r.model;
    data = { purchases: describeRfm(rfm) };
  }
  const modelId =
    options.save === false
      ? null
      : await saveClvModel(wh, { model, asOf, unit, fittedAt: now(), extra: { purpose: 'fit', data } });
  return {
    modelId,
    kind,
    asOf: asOf.date,
    unit,
    model,
    data,
    seconds: (performance.now() - started) / 1000,
  };
}
