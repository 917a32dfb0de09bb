import { assertFinite, columnMeans, columnVariances, type Matrix } from '../matrix.js';
import { affine } from './affine.js';
import { checkWidth } from './check-width.js';
import type { FittedTransform, TransformJson } from './transformer.js';

type StandardJson = Extract<TransformJson, { kind: 'standard' }>;
export type StandardScaler = FittedTransform<StandardJson> & {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
};

/**
 * z = (x - mean) / sd with the population standard deviation (ddof = 0, as scikit-learn's StandardScaler);
 * a constant column gets scale 1.
 */
export function fitStandardScaler(x: Matrix): StandardScaler {
  assertFinite(x, 'standard scaler input');
  const mean = columnMeans(x);
  const variance = columnVariances(x, mean);
  return standardScalerFromJson({
    kind: 'standard',
    mean: Array.from(mean),
    scale: Array.from(variance, (v) => (v > 0 ? Math.sqrt(v) : 1)),
  });
}

export function standardScalerFromJson(json: StandardJson): StandardScaler {
  const mean = Object.freeze([...json.mean]);
  const scale = Object.freeze([...json.scale]);
  const d = mean.length;
  return Object.freeze({
    kind: 'standard' as const,
    d,
    mean,
    scale,
    transform(x: Matrix): Matrix {
      checkWidth('standard', d, x);
      return affine(x, mean, scale);
    },
    toJSON: (): StandardJson => ({ kind: 'standard', mean: [...mean], scale: [...scale] }),
  });
}
