import { notFound, SegmentaError } from '../../core/errors.js';
import type { AsOf } from '../../features/as-of.js';
import { isoDay } from '../../features/as-of.js';
import { type FittedModel, modelFromJSON, type PurchaseModelKind, toJSON } from '../../models/clv/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { TimeUnit } from './clv-options.js';

/** Why a model was fitted, kept in `diagnostics.purpose`. */
export type FitPurpose = 'fit' | 'evaluate' | 'score';

export interface StoredModelInfo {
  readonly modelId: number;
  readonly kind: FittedModel['kind'];
  readonly asOf: string;
  readonly unit: TimeUnit;
  readonly fittedAt: number;
  readonly logLikelihood: number;
  readonly diagnostics: Readonly<Record<string, unknown>>;
}

/**
 * Keeps a fitted model in `clv_models` (migration 003) and returns its id. `diagnostics` holds the optimiser
 * diagnostics plus `extra` (purpose, data counts, holdout metrics...).
 */
export async function saveClvModel(
  wh: Warehouse,
  entry: {
    model: FittedModel;
    asOf: AsOf;
    unit: TimeUnit;
    fittedAt: number;
    extra: Readonly<Record<string, unknown>>;
  },
): Promise<number> {
  return wh.transaction(async () => {
    const t = await wh.query({
      sql: 'SELECT coalesce(max(model_id), 0) + 1 AS id FROM clv_models',
      params: [],
    });
    const id = Number(t.columns.id?.[0]);
    const m = entry.model;
    await wh.execute(
      `INSERT INTO clv_models (model_id, kind, as_of, unit, fitted_at, params, log_likelihood, diagnostics, model)
       VALUES ($1, $2, CAST($3 AS DATE), $4, $5, $6, $7, $8, $9)`,
      [
        id,
        m.kind,
        entry.asOf.date,
        entry.unit,
        new Date(entry.fittedAt),
        JSON.stringify(m.params),
        m.logLikelihood,
        JSON.stringify({
          ...m.diagnostics,
          nObs: m.nObs,
          nRows: m.nRows,
          penalizer: m.penalizer,
          ...entry.extra,
        }),
        JSON.stringify(toJSON(m)),
      ],
    );
    return id;
  });
}

const COLUMNS = 'model_id, kind, as_of, unit, fitted_at, log_likelihood, diagnostics';

/** Every stored model, newest first. */
export async function listClvModels(wh: Warehouse): Promise<StoredModelInfo[]> {
  const t = await wh.query({ sql: `SELECT ${COLUMNS} FROM clv_models ORDER BY model_id DESC`, params: [] });
  const c = t.columns;
  return Array.from({ length: t.rowCount }, (_, i) => ({
    modelId: Number(c.model_id?.[i]),
    kind: String(c.kind?.[i]) as FittedModel['kind'],
    asOf: isoDay(Number(c.as_of?.[i])),
    unit: String(c.unit?.[i]) as TimeUnit,
    fittedAt: Number(c.fitted_at?.[i]),
    logLikelihood: Number(c.log_likelihood?.[i]),
    diagnostics: JSON.parse(String(c.diagnostics?.[i] ?? '{}')) as Record<string, unknown>,
  }));
}

/** A stored model read back as a frozen fitted model (validated by `modelFromJSON`). */
export async function loadClvModel(wh: Warehouse, modelId: number): Promise<FittedModel> {
  const t = await wh.query({ sql: 'SELECT model FROM clv_models WHERE model_id = $1', params: [modelId] });
  const json = t.columns.model?.[0];
  if (json === undefined || json === null) {
    throw notFound(
      `CLV model ${modelId} does not exist`,
      'segmenta clv fit stores a model and prints its id',
    );
  }
  const r = modelFromJSON(String(json));
  if (!r.ok)
    throw new SegmentaError('internal', `stored CLV model ${modelId} does not read back: ${r.error}`);
  return r.value;
}

/** The purchase model chosen by the latest `evaluateClv`, if any (`diagnostics.evaluation.chosen`). */
export async function latestChosenModel(
  wh: Warehouse,
): Promise<{ kind: PurchaseModelKind; modelId: number; calibrationEnd: string } | null> {
  const t = await wh.query({
    sql: `SELECT model_id, kind, as_of FROM clv_models
      WHERE json_extract_string(diagnostics, '$.evaluation.chosen') = 'true'
      ORDER BY model_id DESC LIMIT 1`,
    params: [],
  });
  if (t.rowCount === 0) return null;
  return {
    kind: String(t.columns.kind?.[0]) as PurchaseModelKind,
    modelId: Number(t.columns.model_id?.[0]),
    calibrationEnd: isoDay(Number(t.columns.as_of?.[0])),
  };
}
