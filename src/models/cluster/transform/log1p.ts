import { invalidInput } from '../../../core/errors.js';
import type { Matrix } from '../matrix.js';
import { checkWidth } from './check-width.js';
import type { FittedTransform, TransformJson } from './transformer.js';

type Log1pJson = Extract<TransformJson, { kind: 'log1p' }>;
export type Log1pTransform = FittedTransform<Log1pJson> & { readonly columns: readonly number[] };

/** log(1 + x) on the chosen columns (all by default), for skewed counts and amounts such as F and M. */
export function fitLog1p(x: Matrix, options: { columns?: readonly number[] } = {}): Log1pTransform {
  const columns = options.columns ?? Array.from({ length: x.d }, (_, j) => j);
  for (const j of columns) {
    if (!Number.isInteger(j) || j < 0 || j >= x.d)
      throw invalidInput(`log1p: no column ${j} in ${x.d} columns`);
  }
  const fitted = log1pFromJson({ kind: 'log1p', d: x.d, columns: [...columns] });
  fitted.transform(x); // validates the domain on the training data
  return fitted;
}

export function log1pFromJson(json: Log1pJson): Log1pTransform {
  const { d } = json;
  const columns = Object.freeze([...json.columns]);
  return Object.freeze({
    kind: 'log1p' as const,
    d,
    columns,
    transform(x: Matrix): Matrix {
      checkWidth('log1p', d, x);
      const out = Float64Array.from(x.data);
      for (let i = 0; i < x.n; i++) {
        for (const j of columns) {
          const p = i * d + j;
          const v = out[p]!;
          if (v <= -1) throw invalidInput(`log1p: row ${i}, column ${j} is ${v}, expected a value > -1`);
          out[p] = Math.log1p(v);
        }
      }
      return { n: x.n, d, data: out };
    },
    toJSON: (): Log1pJson => ({ kind: 'log1p', d, columns: [...columns] }),
  });
}
