import { invalidInput } from '../../../core/errors.js';
import type { Matrix } from '../matrix.js';

/** Categorical data, one array of values per column; null or undefined means missing. */
export type CategoricalColumns = readonly (readonly (string | null | undefined)[])[];

export interface OneHotJson {
  readonly kind: 'one-hot';
  readonly names: readonly string[];
  readonly categories: readonly (readonly string[])[];
  readonly missing: 'category' | 'zeros';
}

/** A fitted one-hot encoder: categorical columns in, a 0/1 matrix out (one column per seen category). */
export interface OneHotEncoder {
  readonly kind: 'one-hot';
  readonly categories: readonly (readonly string[])[];
  /** Output column names, `column=category`. */
  readonly featureNames: readonly string[];
  transform(columns: CategoricalColumns): Matrix;
  toJSON(): OneHotJson;
}

const MISSING = '(missing)';

/**
 * Learn the categories of each column (sorted, as scikit-learn's OneHotEncoder). Missing values become their own
 * `(missing)` category by default, or all zeros with `missing: 'zeros'`. Categories unseen at fit time encode
 * as all zeros.
 */
export function fitOneHot(
  columns: CategoricalColumns,
  options: { names?: readonly string[]; missing?: 'category' | 'zeros' } = {},
): OneHotEncoder {
  const missing = options.missing ?? 'category';
  const names = options.names ?? columns.map((_, c) => `c${c}`);
  if (names.length !== columns.length) {
    throw invalidInput(`one-hot: ${names.length} names for ${columns.length} columns`);
  }
  const categories = columns.map((values) => {
    const set = new Set<string>();
    for (const v of values) {
      if (v !== null && v !== undefined) set.add(v);
      else if (missing === 'category') set.add(MISSING);
    }
    return [...set].sort();
  });
  return oneHotFromJson({ kind: 'one-hot', names: [...names], categories, missing });
}

export function oneHotFromJson(json: OneHotJson): OneHotEncoder {
  const { missing } = json;
  const names = Object.freeze([...json.names]);
  const categories = Object.freeze(json.categories.map((c) => Object.freeze([...c])));
  const index = categories.map((cats) => new Map(cats.map((c, i) => [c, i])));
  const offsets: number[] = [];
  let width = 0;
  for (const cats of categories) {
    offsets.push(width);
    width += cats.length;
  }
  const featureNames = Object.freeze(categories.flatMap((cats, c) => cats.map((v) => `${names[c]}=${v}`)));
  return Object.freeze({
    kind: 'one-hot' as const,
    categories,
    featureNames,
    transform(columns: CategoricalColumns): Matrix {
      if (columns.length !== categories.length) {
        throw invalidInput(
          `one-hot encoder was fitted on ${categories.length} columns, got ${columns.length}`,
        );
      }
      const n = columns[0]?.length ?? 0;
      const out = new Float64Array(n * width);
      columns.forEach((values, c) => {
        if (values.length !== n)
          throw invalidInput(`one-hot: column ${names[c]} has ${values.length} rows, expected ${n}`);
        const map = index[c]!;
        const offset = offsets[c]!;
        for (let i = 0; i < n; i++) {
          const v = values[i];
          const key = v === null || v === undefined ? (missing === 'category' ? MISSING : undefined) : v;
          const slot = key === undefined ? undefined : map.get(key);
          if (slot !== undefined) out[i * width + offset + slot] = 1;
        }
      });
      return { n, d: width, data: out };
    },
    toJSON: (): OneHotJson => ({
      kind: 'one-hot',
      names: [...names],
      categories: categories.map((c) => [...c]),
      missing,
    }),
  });
}
