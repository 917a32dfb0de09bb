import { invalidInput } from '../../../core/errors.js';
import { column, type Matrix } from '../matrix.js';
import { checkWidth } from './check-width.js';
import { finiteSorted, quantileSorted } from './quantile.js';
import type { FittedTransform, ImputeStrategy, TransformJson } from './transformer.js';

type ImputeJson = Extract<TransformJson, { kind: 'impute' }>;
export type Imputer = FittedTransform<ImputeJson> & { readonly fill: readonly number[] };

/**
 * Replace missing values (NaN) column by column with the training mean, median or a constant, so that the
 * clustering sees complete rows. Categorical gaps are handled by the one-hot encoder instead.
 */
export function fitImputer(
  x: Matrix,
  options: { strategy?: ImputeStrategy; constant?: number } = {},
): Imputer {
  const strategy = options.strategy ?? 'median';
  const fill: number[] = [];
  for (let j = 0; j < x.d; j++) {
    if (strategy === 'constant') {
      fill.push(options.constant ?? 0);
      continue;
    }
    const sorted = finiteSorted(column(x, j));
    if (sorted.length === 0) {
      throw invalidInput(
        `imputer: column ${j} has no observed values`,
        'drop the column or use strategy "constant"',
      );
    }
    fill.push(
      strategy === 'median' ? quantileSorted(sorted, 0.5) : sorted.reduce((s, v) => s + v, 0) / sorted.length,
    );
  }
  return imputerFromJson({ kind: 'impute', strategy, fill });
}

export function imputerFromJson(json: ImputeJson): Imputer {
  const fill = Object.freeze([...json.fill]);
  const { strategy } = json;
  const d = fill.length;
  return Object.freeze({
    kind: 'impute' as const,
    d,
    fill,
    transform(x: Matrix): Matrix {
      checkWidth('impute', d, x);
      const out = Float64Array.from(x.data);
      for (let p = 0; p < out.length; p++) {
        if (Number.isNaN(out[p]!)) out[p] = fill[p % d]!;
      }
      return { n: x.n, d, data: out };
    },
    toJSON: (): ImputeJson => ({ kind: 'impute', strategy, fill: [...fill] }),
  });
}
