import { invalidInput } from '../../../core/errors.js';
import { column, type Matrix } from '../matrix.js';
import { affine } from './affine.js';
import { checkWidth } from './check-width.js';
import { finiteSorted, quantileSorted } from './quantile.js';
import type { FittedTransform, TransformJson } from './transformer.js';

type RobustJson = Extract<TransformJson, { kind: 'robust' }>;
export type RobustScaler = FittedTransform<RobustJson> & {
  readonly median: readonly number[];
  readonly scale: readonly number[];
};

/**
 * (x - median) / IQR, robust to the outliers typical of monetary values (scikit-learn's RobustScaler; quantiles
 * with linear interpolation). A column with zero IQR gets scale 1. NaN values are ignored when fitting.
 */
export function fitRobustScaler(
  x: Matrix,
  options: { quantileRange?: readonly [number, number] } = {},
): RobustScaler {
  const [qLo, qHi] = options.quantileRange ?? [25, 75];
  if (!(qLo >= 0 && qLo < qHi && qHi <= 100)) throw invalidInput(`invalid quantile range: [${qLo}, ${qHi}]`);
  const median: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < x.d; j++) {
    const sorted = finiteSorted(column(x, j));
    if (sorted.length === 0) throw invalidInput(`robust scaler: column ${j} has no finite values`);
    median.push(quantileSorted(sorted, 0.5));
    const iqr = quantileSorted(sorted, qHi / 100) - quantileSorted(sorted, qLo / 100);
    scale.push(iqr > 0 ? iqr : 1);
  }
  return robustScalerFromJson({ kind: 'robust', median, scale, quantileRange: [qLo, qHi] });
}

export function robustScalerFromJson(json: RobustJson): RobustScaler {
  const median = Object.freeze([...json.median]);
  const scale = Object.freeze([...json.scale]);
  const quantileRange = json.quantileRange;
  const d = median.length;
  return Object.freeze({
    kind: 'robust' as const,
    d,
    median,
    scale,
    transform(x: Matrix): Matrix {
      checkWidth('robust', d, x);
      return affine(x, median, scale);
    },
    toJSON: (): RobustJson => ({ kind: 'robust', median: [...median], scale: [...scale], quantileRange }),
  });
}
