import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { sqDist } from './kmeans-kernels.js';
import {
  assertFinite,
  columnMeans,
  columnVariances,
  type Matrix,
  matrixFromRows,
  matrixToRows,
} from './matrix.js';
import type { CategoricalColumns } from './transform/one-hot.js';

export interface KPrototypesOptions {
  readonly k: number;
  /**
   * Weight of one categorical mismatch against squared numeric distance. Default: half the mean standard
   * deviation of the numeric columns (Huang's suggestion); scale numeric columns first.
   */
  readonly gamma?: number;
  /** Restarts, best by cost. Default 4. */
  readonly nInit?: number;
  readonly maxIter?: number;
  readonly seed?: number;
}

export interface KPrototypesJson {
  readonly kind: 'kprototypes';
  readonly numericCentroids: number[][];
  readonly modes: string[][];
  readonly gamma: number;
  readonly cost: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface KPrototypesModel {
  readonly kind: 'kprototypes';
  readonly k: number;
  /** Numeric part of each prototype (k x p). */
  readonly numericCentroids: Matrix;
  /** Categorical part: the mode of each categorical column per prototype (missing shows as `(missing)`). */
  readonly modes: readonly (readonly string[])[];
  readonly gamma: number;
  /** Sum over rows of squared numeric distance + gamma x mismatches to the own prototype. */
  readonly cost: number;
  readonly iterations: number;
  readonly converged: boolean;
  predict(numeric: Matrix, categorical: CategoricalColumns): Int32Array;
  toJSON(): KPrototypesJson;
}

export interface KPrototypesFit extends KPrototypesModel {
  readonly labels: Int32Array;
}

const MISSING = '(missing)';

/**
 * k-prototypes for mixed numeric and categorical data (Huang 1998, "Extensions to the k-means algorithm for
 * clustering large data sets with categorical values"): cost = squared Euclidean distance on the numeric
 * columns + gamma x number of categorical mismatches; prototypes are means and modes. Seeded D²-sampling
 * (k-means++ under that cost), then alternate assignment and update until no row moves.
 */
export function fitKPrototypes(
  numeric: Matrix,
  categorical: CategoricalColumns,
  options: KPrototypesOptions,
): KPrototypesFit {
  const { k } = options;
  const { n, d: p } = numeric;
  const q = categorical.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw invalidInput(`k-prototypes: k = ${k} is not in 1..${n}`);
  assertFinite(numeric, 'k-prototypes numeric input');
  const encoded = encodeCategorical(categorical, n);
  const gamma =
    options.gamma ??
    (p > 0
      ? 0.5 *
        (Array.from(columnVariances(numeric, columnMeans(numeric)), Math.sqrt).reduce((s, v) => s + v, 0) / p)
      : 1);
  if (!(gamma >= 0)) throw invalidInput(`k-prototypes: gamma must be >= 0, got ${gamma}`);
  const rng = createRng(options.seed ?? 0);
  const maxIter = options.maxIter ?? 100;
  const nInit = options.nInit ?? 4;

  let best: ReturnType<typeof runOnce> | undefined;
  for (let r = 0; r < nInit; r++) {
    const run = runOnce(numeric, encoded.codes, q, encoded.levels, k, gamma, maxIter, rng.fork(r));
    if (!best || run.cost < best.cost) best = run;
  }
  const chosen = best!;
  const modes = Array.from({ length: k }, (_, c) =>
    Array.from({ length: q }, (_, col) => encoded.values[col]![chosen.modes[c * q + col]!]!),
  );
  const model = kprototypesModel(
    { n: k, d: p, data: chosen.centers },
    modes,
    gamma,
    chosen.cost,
    chosen.iterations,
    chosen.converged,
  );
  return Object.freeze({ ...model, labels: chosen.labels });
}

export function kprototypesFromJson(json: KPrototypesJson): KPrototypesModel {
  return kprototypesModel(
    matrixFromRows(json.numericCentroids),
    json.modes,
    json.gamma,
    json.cost,
    json.iterations,
    json.converged,
  );
}

function encodeCategorical(columns: CategoricalColumns, n: number) {
  const q = columns.length;
  const codes = new Int32Array(n * q);
  const values: string[][] = [];
  const levels: number[] = [];
  columns.forEach((col, c) => {
    if (col.length !== n)
      throw invalidInput(`k-prototypes: categorical column ${c} has ${col.length} rows, expected ${n}`);
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const v = col[i] ?? MISSING;
      let code = index.get(v);
      if (code === undefined) {
        code = index.size;
        index.set(v, code);
      }
      codes[i * q + c] = code;
    }
    values.push([...index.keys()]);
    levels.push(index.size);
  });
  return { codes, values, levels };
}

function rowCost(
  x: Float64Array,
  i: number,
  p: number,
  codes: Int32Array,
  q: number,
  centers: Float64Array,
  modes: Int32Array,
  c: number,
  gamma: number,
): number {
  let mismatches = 0;
  for (let col = 0; col < q; col++) if (codes[i * q + col] !== modes[c * q + col]) mismatches++;
  return sqDist(x, i * p, centers, c * p, p) + gamma * mismatches;
}

function runOnce(
  x: Matrix,
  codes: Int32Array,
  q: number,
  levels: number[],
  k: number,
  gamma: number,
  maxIter: number,
  rng: ReturnType<typeof createRng>,
) {
  const { n, d: p, data } = x;
  const centers = new Float64Array(k * p);
  const modes = new Int32Array(k * q);
  const setPrototype = (c: number, i: number) => {
    centers.set(data.subarray(i * p, i * p + p), c * p);
    modes.set(codes.subarray(i * q, i * q + q), c * q);
  };
  // D²-sampling under the mixed cost.
  setPrototype(0, rng.int(n));
  const closest = new Float64Array(n);
  for (let i = 0; i < n; i++) closest[i] = rowCost(data, i, p, codes, q, centers, modes, 0, gamma);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += closest[i]!;
    let r = rng.next() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= closest[i]!;
      if (r < 0) {
        pick = i;
        break;
      }
    }
    if (!(total > 0)) pick = rng.int(n);
    setPrototype(c, pick);
    for (let i = 0; i < n; i++) {
      const v = rowCost(data, i, p, codes, q, centers, modes, c, gamma);
      if (v < closest[i]!) closest[i] = v;
    }
  }

  const labels = new Int32Array(n).fill(-1);
  let iterations = 0;
  let converged = false;
  let cost = 0;
  const maxLevels = Math.max(1, ...levels);
  const freq = new Int32Array(k * q * maxLevels);
  const sums = new Float64Array(k * p);
  const sizes = new Int32Array(k);
  for (let it = 1; it <= maxIter; it++) {
    iterations = it;
    let moved = 0;
    cost = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestV = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const v = rowCost(data, i, p, codes, q, centers, modes, c, gamma);
        if (v < bestV) {
          bestV = v;
          bestC = c;
        }
      }
      cost += bestV;
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        moved++;
      }
    }
    if (moved === 0) {
      converged = true;
      break;
    }
    sums.fill(0);
    sizes.fill(0);
    freq.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i]!;
      sizes[c]!++;
      for (let j = 0; j < p; j++) sums[c * p + j]! += data[i * p + j]!;
      for (let col = 0; col < q; col++) freq[(c * q + col) * maxLevels + codes[i * q + col]!]!++;
    }
    for (let c = 0; c < k; c++) {
      // An empty prototype keeps its place; it may win rows back.
      if (sizes[c] === 0) continue;
      for (let j = 0; j < p; j++) centers[c * p + j] = sums[c * p + j]! / sizes[c]!;
      for (let col = 0; col < q; col++) {
        const base = (c * q + col) * maxLevels;
        let mode = 0;
        for (let v = 1; v < levels[col]!; v++) if (freq[base + v]! > freq[base + mode]!) mode = v;
        modes[c * q + col] = mode;
      }
    }
  }
  return { centers, modes, labels, cost, iterations, converged };
}

function kprototypesModel(
  numericCentroids: Matrix,
  modes: readonly (readonly string[])[],
  gamma: number,
  cost: number,
  iterations: number,
  converged: boolean,
): KPrototypesModel {
  const frozenModes = Object.freeze(modes.map((m) => Object.freeze([...m])));
  const k = numericCentroids.n;
  const p = numericCentroids.d;
  return Object.freeze({
    kind: 'kprototypes' as const,
    k,
    numericCentroids,
    modes: frozenModes,
    gamma,
    cost,
    iterations,
    converged,
    predict(numeric: Matrix, categorical: CategoricalColumns): Int32Array {
      if (numeric.d !== p)
        throw invalidInput(`k-prototypes model has ${p} numeric columns, got ${numeric.d}`);
      const q = frozenModes[0]?.length ?? 0;
      if (categorical.length !== q)
        throw invalidInput(`k-prototypes model has ${q} categorical columns, got ${categorical.length}`);
      const labels = new Int32Array(numeric.n);
      for (let i = 0; i < numeric.n; i++) {
        let bestV = Number.POSITIVE_INFINITY;
        for (let c = 0; c < k; c++) {
          let mismatches = 0;
          for (let col = 0; col < q; col++)
            if ((categorical[col]![i] ?? MISSING) !== frozenModes[c]![col]) mismatches++;
          const v = sqDist(numeric.data, i * p, numericCentroids.data, c * p, p) + gamma * mismatches;
          if (v < bestV) {
            bestV = v;
            labels[i] = c;
          }
        }
      }
      return labels;
    },
    toJSON: (): KPrototypesJson => ({
      kind: 'kprototypes',
      numericCentroids: matrixToRows(numericCentroids),
      modes: frozenModes.map((m) => [...m]),
      gamma,
      cost,
      iterations,
      converged,
    }),
  });
}
