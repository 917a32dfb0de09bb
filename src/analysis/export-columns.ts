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
    doc: 'exp(-recency / (2 x usual gap)), a heuristic until CLV p_alive exists; NULL without purchases',
  },
  { name: 'lifecycle_phase', type: 'VARCHAR', doc: 'acquisition, growth, maturity or decline' },
  { name: 'lifecycle_stage', type: 'VARCHAR', doc: 'one of the 16 lifecycle stages' },
];

/** Every column of `segmenta export customers`, in order, with its meaning. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: 'customer_id', type: 'VARCHAR', doc: 'customer id' },
  { name: 'run_id', type: 'INTEGER', doc: 'analysis run the row comes from' },
  { name: 'as_of', type: 'DATE', doc: 'as-of date of the run (data up to the end of this day)' },
  ...FEATURES.map((f) => ({ name: f.name, type: f.type, doc: f.doc })),
  ...SCORE_COLUMNS,
  ...SEGMENTATIONS.map((s) => ({ name: s.name, type: 'VARCHAR', doc: `segment: ${s.doc}` })),
];
