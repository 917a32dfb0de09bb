import type { Matrix } from '../matrix.js';

/** JSON form of a fitted numeric transform; `kind` tells `transformFromJson` how to rebuild it. */
export type TransformJson =
  | { readonly kind: 'log1p'; readonly d: number; readonly columns: readonly number[] }
  | {
      readonly kind: 'standard';
      readonly mean: readonly number[];
      readonly scale: readonly number[];
    }
  | {
      readonly kind: 'robust';
      readonly median: readonly number[];
      readonly scale: readonly number[];
      readonly quantileRange: readonly [number, number];
    }
  | {
      readonly kind: 'impute';
      readonly strategy: ImputeStrategy;
      readonly fill: readonly number[];
    }
  | { readonly kind: 'chain'; readonly steps: readonly TransformJson[] };

export type ImputeStrategy = 'mean' | 'median' | 'constant';

/**
 * A fitted, immutable numeric transform (fit -> transform). Only `fit*` functions create one, so transforming
 * with unfitted parameters cannot compile; `toJSON` gives the parameters and `transformFromJson` restores them.
 */
export interface FittedTransform<J extends TransformJson = TransformJson> {
  readonly kind: J['kind'];
  /** Columns expected on input (and produced on output: numeric transforms keep the width). */
  readonly d: number;
  transform(x: Matrix): Matrix;
  toJSON(): J;
}
