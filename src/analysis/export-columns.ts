import { FEATURES } from '../features/registry.js';
import { SEGMENTATIONS } from './segmentations/index.js';

export interface ExportColumn {
  readonly name: string;
  readonly type: string;
  readonly doc: string;
}

/** The RFM and lifecycle columns of `customer_scores`, after the features. */
export const SCORE_COLUMNS: readonly ExportColumn[] = [
  {
    name: 'monetary',
    type: 'DOUBLE',
    doc: 'RFM monetary: gross purchases (or net, per the RFM options); NULL without purchases',
  },
  {
    name: 'r_score',
    type: 'INTEGER',
    doc: 'recency score 1-5 among buyers, 5 = most recent; NULL without purchases',
  },
  { name: 'f_score', type: 'INTEGER', doc: 'frequency score 1-5 among buyers, 5 = most orders' },
  { name: 'm_score', type: 'INTEGER', doc: 'monetary score 1-5 among buyers, 5 = highest' },
  { name: 'fm_score', type: 'INTEGER', doc: '(f_score + m_score) / 2 rounded half up' },
  { name: 'rfm_cell', type: 'VARCHAR', doc: 'the three scores, e.g. "545"' },
  { name: 'rfm_segment', type: 'VARCHAR', doc: 'named RFM group (Champions ... Lost, or "No purchases")' },
  {
    name: 'usual_gap_days',
    type: 'DOUBLE',
    doc: "mean gap between purchases, or the run's median gap below 2 purchases",
  },
  {
    name: 'retention_probability',
    type: 'DOUBLE',
    doc: 'p_alive when the run has CLV predictions, else the heuristic exp(-recency / (2 x usual gap)); NULL without purchases',
  },
  { name: 'lifecycle_phase', type: 'VARCHAR', doc: 'acquisition, growth, maturity or decline' },
  { name: 'lifecycle_stage', type: 'VARCHAR', doc: 'one of the 16 lifecycle stages' },
];

/** The 5% / 95% bootstrap quantile columns of a CLV prediction. */
const bounds = (name: string): ExportColumn[] => [
  { name: `${name}_low`, type: 'DOUBLE', doc: `CLV: 5% bootstrap quantile of ${name}` },
  { name: `${name}_high`, type: 'DOUBLE', doc: `CLV: 95% bootstrap quantile of ${name}` },
];

/**
 * The CLV prediction columns of `customer_scores` (migration 005), after SCORE_COLUMNS: written by `analyze` from
 * `scoreClv` over the run's horizon. NULL without a purchase, and for everyone when the run's CLV fit failed.
 * `*_low` / `*_high` are 5% / 95% bootstrap quantiles (NULL when the run drew none).
 */
export const PREDICTION_COLUMNS: readonly ExportColumn[] = [
  { name: 'p_alive', type: 'DOUBLE', doc: 'CLV: probability the customer is still active (alive), 0-1' },
  ...bounds('p_alive'),
  { name: 'churn_risk', type: 'DOUBLE', doc: 'CLV: 1 - p_alive' },
  {
    name: 'expected_purchases',
    type: 'DOUBLE',
    doc: 'CLV: expected purchase days over the horizon (default the next 365 days)',
  },
  ...bounds('expected_purchases'),
  {
    name: 'expected_spend',
    type: 'DOUBLE',
    doc: 'CLV: expected spend over the horizon, undiscounted (expected purchases x Gamma-Gamma order value)',
  },
  ...bounds('expected_spend'),
  { name: 'clv', type: 'DOUBLE', doc: 'CLV: discounted value over the horizon (10% a year by default)' },
  ...bounds('clv'),
  {
    name: 'next_order_date',
    type: 'DATE',
    doc: 'CLV: median date of the next purchase if there is one (read with p_alive)',
  },
  { name: 'clv_model', type: 'VARCHAR', doc: 'CLV: purchase model used (bgnbd, mbgnbd or paretonbd)' },
];

/** The run's own clustering (`cluster`), joined from `customer_clusters` (migration 005). */
export const CLUSTER_COLUMNS: readonly ExportColumn[] = [
  { name: 'cluster', type: 'INTEGER', doc: "cluster number in the run's clustering (0 = the largest)" },
  {
    name: 'cluster_name',
    type: 'VARCHAR',
    doc: 'generated cluster name (see segmenta cluster for its persona card)',
  },
  { name: 'map_x', type: 'DOUBLE', doc: 'position on the 2-D customer map: first principal component' },
  { name: 'map_y', type: 'DOUBLE', doc: 'position on the 2-D customer map: second principal component' },
];

/** Every column of `segmenta export customers`, in order, with its meaning. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'customer_id', type: 'VARCHAR', doc: 'customer id' },
  { name: 'run_id', type: 'INTEGER', doc: 'analysis run the row comes from' },
  { name: 'as_of', type: 'DATE', doc: 'as-of date of the run (data up to the end of this day)' },
  ...FEATURES.map((f) => ({ name: f.name, type: f.type, doc: f.doc })),
  ...SCORE_COLUMNS,
  ...PREDICTION_COLUMNS,
  ...CLUSTER_COLUMNS,
  ...SEGMENTATIONS.map((s) => ({ name: s.name, type: 'VARCHAR', doc: `segment: ${s.doc}` })),
];
