import { describe, expect, it } from 'vitest';
import {
  CLUSTER_COLUMNS,
  EXPORT_COLUMNS,
  PREDICTION_COLUMNS,
  SCORE_COLUMNS,
  SEGMENTATIONS,
} from '../src/analysis/index.js';
import { FEATURES } from '../src/features/index.js';
import { memoryWarehouse } from './helpers/warehouse.js';

describe('analysis schema (migrations 002 and 005) and the definitions stay in step', () => {
  it('customer_scores has run_id, customer_id, every feature, the RFM and lifecycle columns, then the CLV predictions, typed alike', async () => {
    const wh = await memoryWarehouse();
    const cols = await wh.describe('customer_scores');
    const want = [
      { name: 'run_id', type: 'INTEGER' },
      { name: 'customer_id', type: 'VARCHAR' },
      ...FEATURES.map((f) => ({ name: f.name, type: f.type })),
      ...SCORE_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
      ...PREDICTION_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
    ];
    expect(cols).toEqual(want);
    const clusters = await wh.describe('customer_clusters');
    for (const c of CLUSTER_COLUMNS) expect(clusters, c.name).toContainEqual({ name: c.name, type: c.type });
    expect((await wh.describe('customer_segments')).map((c) => c.name)).toEqual([
      'run_id',
      'customer_id',
      'segmentation',
      'segment',
    ]);
    expect((await wh.describe('customer_features')).map((c) => c.name)).toEqual([
      'run_id',
      'customer_id',
      ...FEATURES.map((f) => f.name),
    ]);
    expect((await wh.describe('customer_segment_labels')).map((c) => c.name)).toEqual([
      'run_id',
      'customer_id',
      ...SEGMENTATIONS.map((s) => s.name),
    ]);
    expect((await wh.describe('analysis_runs')).map((c) => c.name)).toEqual([
      'run_id',
      'as_of',
      'started_at',
      'finished_at',
      'status',
      'params',
      'summary',
    ]);
    await wh.close();
  });

  it('documents every export column and names segmentations uniquely', () => {
    expect(new Set(EXPORT_COLUMNS.map((c) => c.name)).size).toBe(EXPORT_COLUMNS.length);
    for (const c of EXPORT_COLUMNS) expect(c.doc.length, c.name).toBeGreaterThan(5);
    expect(new Set(SEGMENTATIONS.map((s) => s.name)).size).toBe(SEGMENTATIONS.length);
    for (const s of SEGMENTATIONS) expect(s.segments ?? s.valuesFrom, s.name).toBeDefined();
  });
});
