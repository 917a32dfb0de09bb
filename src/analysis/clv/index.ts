/** CLV use cases over the warehouse (issue 4): fit, evaluate on a holdout, score customers, stored models. */

export { isoDay } from '../../features/as-of.js';
export { CHOICE_CRITERION } from './choose-model.js';
export { type PurchaseRange, purchaseRange, resolveClvAsOf } from './clv-as-of.js';
export { MODEL_KINDS, MODEL_NAMES, PURCHASE_MODELS, type TimeUnit, UNIT_DAYS } from './clv-options.js';
export {
  type ClvEvaluation,
  type EvaluateClvOptions,
  evaluateClv,
  type ModelEvaluation,
} from './evaluate-clv.js';
export { type ClvFit, type FitClvOptions, fitClv } from './fit-clv.js';
export type { PurchaseDataSummary, SpendDataSummary } from './fit-model.js';
export { formatEvaluation } from './format-evaluation.js';
export { formatFit } from './format-fit.js';
export { formatScores } from './format-scores.js';
export type { DecileRow, HoldoutMetrics } from './holdout-metrics.js';
export { listClvModels, loadClvModel, type StoredModelInfo } from './model-store.js';
export { type ClvScores, type ScoreClvOptions, scoreClv } from './score-clv.js';
export { CLV_SCORE_COLUMNS, type ClvScoreColumn } from './score-columns.js';
export { type ScoreRow, topCustomers } from './top-customers.js';
