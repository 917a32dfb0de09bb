import {
  chainOf,
  createMatrix,
  fitOneHot,
  hstack,
  imputerFromJson,
  log1pFromJson,
  type Matrix,
  type OneHotJson,
  robustScalerFromJson,
  type TransformJson,
} from '../../models/cluster/index.js';
import { quantileSorted } from '../../models/cluster/transform/quantile.js';
import type { ClusterFeature } from './feature-sets.js';
import type { ClusterData } from './load-cluster-data.js';

/** A column of the prepared matrix: a numeric feature, or one category of a categorical one. */
export interface PreparedColumn {
  /** `frequency`, or `lifestyle=urbano activo` for a one-hot column. */
  readonly name: string;
  readonly feature: ClusterFeature;
  readonly category?: string;
}

export interface PreparedMatrix {
  /** What k-means sees: numeric features log-scaled, imputed, robust-scaled and clipped, then one-hot columns. */
  readonly x: Matrix;
  /** Same columns before scaling (logs and 0/1), for profiles: differences read in base standard deviations. */
  readonly profile: Matrix;
  /** Per column, the raw values (NaN when missing; 0/1 for one-hot), for the values on persona cards. */
  readonly raw: readonly Float64Array[];
  readonly columns: readonly PreparedColumn[];
  /** Features left out, with why. */
  readonly dropped: readonly { readonly feature: string; readonly reason: string }[];
  /** Per numeric feature: log-scaled?, the fill of a missing value (on the log scale), median and scale. */
  readonly numeric: readonly {
    readonly feature: string;
    readonly log: boolean;
    readonly missing: 'zero' | 'median';
    readonly fill: number;
    readonly missingShare: number;
  }[];
  /** The fitted transforms, serialisable: numeric chain (log1p, impute, robust) and the one-hot encoder. */
  readonly model: {
    readonly numeric: TransformJson | null;
    readonly clip: number;
    readonly oneHot: OneHotJson | null;
  };
}

/** A category needs this share of customers to be its own column; rarer ones become "other". */
const MIN_CATEGORY_SHARE = 0.01;
/**
 * Scaled values are clipped to ±2 (IQRs from the median): k-means follows squared distances, so a few extreme
 * customers (a 100% return rate, a 20-year gap) would otherwise pull centres of their own. On the demo shop this
 * doubled the agreement with the hidden personas at the chosen k (adjusted Rand index 0.06 -> 0.23).
 */
export const CLIP = 2;
/** IQR / standard deviation of a normal distribution: the fallback scale of a column whose IQR is 0. */
const IQR_PER_SD = 1.349;

/** The finite values of a column, sorted ascending (one typed-array sort). */
function sortedFinite(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) out[k++] = values[i]!;
  return out.sort();
}

/**
 * Quantile q (linear interpolation, as `quantileSorted`) of `sorted` with `copies` more values equal to `fill`
 * merged in, without building the merged array.
 */
export function mergedQuantile(sorted: Float64Array, fill: number, copies: number, q: number): number {
  const total = sorted.length + copies;
  if (copies === 0) return quantileSorted(sorted, q);
  // Position of the first observed value above the fill: the copies sit just before it.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= fill) lo = mid + 1;
    else hi = mid;
  }
  const at = (r: number) => (r < lo ? sorted[r]! : r < lo + copies ? fill : sorted[r - copies]!);
  const pos = q * (total - 1);
  const a = Math.floor(pos);
  const b = Math.min(a + 1, total - 1);
  return at(a) + (at(b) - at(a)) * (pos - a);
}

/**
 * Turn a run's clustering inputs into the matrix k-means sees. Numeric: clip at 0 and log1p where the feature
 * says (money and counts are skewed), fill missing values (0 or the median), then robust scaling (median, IQR) clipped at ±2;
 * a column whose IQR is 0 (mostly zeros: sessions, response rates) is scaled by 1.349 x its standard deviation
 * instead, the IQR it would have if it were normal, so a rare behaviour neither vanishes nor dominates.
 * Categorical: one-hot, rare values pooled as "other", missing as its own category. Columns with no value at
 * all or the same value for everyone are dropped and reported.
 */
export function prepareMatrix(data: ClusterData): PreparedMatrix {
  const n = data.ids.length;
  const dropped: { feature: string; reason: string }[] = [];
  const kept: { feature: ClusterFeature; values: Float64Array; sorted: Float64Array }[] = [];
  for (const c of data.numeric) {
    const sorted = sortedFinite(c.values);
    if (sorted.length === 0) dropped.push({ feature: c.feature.name, reason: 'no customer has a value' });
    else if (sorted[0] === sorted[sorted.length - 1] && sorted.length === n)
      dropped.push({ feature: c.feature.name, reason: 'the same value for every customer' });
    else kept.push({ ...c, sorted });
  }
  const dn = kept.length;
  // One sort per column. log1p(max(0, v)) is non-decreasing, so the observed values stay sorted through it, and
  // the imputed column is that sorted list with `missing` copies of the fill merged in: its quantiles need no
  // second sort.
  const numeric = kept.map((c) => {
    const log = c.feature.log === true;
    const observed = log ? c.sorted.map((v) => Math.log1p(Math.max(0, v))) : c.sorted;
    const missing = c.feature.missing ?? 'median';
    return {
      feature: c.feature.name,
      log,
      missing,
      fill: missing === 'zero' ? 0 : quantileSorted(observed, 0.5),
      missingShare: 1 - observed.length / n,
      observed,
    };
  });
  const median: number[] = [];
  const scale: number[] = [];
  for (const c of numeric) {
    const m = n - c.observed.length;
    const q = (p: number) => mergedQuantile(c.observed, c.fill, m, p);
    median.push(q(0.5));
    const iqr = q(0.75) - q(0.25);
    let sum = c.fill * m;
    for (const v of c.observed) sum += v;
    const mean = sum / n;
    let ss = m * (c.fill - mean) ** 2;
    for (const v of c.observed) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    scale.push(iqr > 0 ? iqr : sd > 0 ? IQR_PER_SD * sd : 1);
  }
  // The fitted transforms, for the record; the loop below applies the same arithmetic in one pass.
  const log = log1pFromJson({
    kind: 'log1p',
    d: dn,
    columns: numeric.flatMap((c, j) => (c.log ? [j] : [])),
  });
  const imputer = imputerFromJson({ kind: 'impute', strategy: 'median', fill: numeric.map((c) => c.fill) });
  const scaler = robustScalerFromJson({ kind: 'robust', median, scale, quantileRange: [25, 75] });
  const chain = dn > 0 ? chainOf([log, imputer, scaler]) : null;
  const imputedData = new Float64Array(n * dn);
  const scaledData = new Float64Array(n * dn);
  kept.forEach((c, j) => {
    const { log: isLog, fill } = numeric[j]!;
    const mid = median[j]!;
    const sc = scale[j]!;
    const values = c.values;
    for (let i = 0; i < n; i++) {
      let v = values[i]!;
      if (!Number.isFinite(v)) v = fill;
      else if (isLog) v = Math.log1p(Math.max(0, v));
      imputedData[i * dn + j] = v;
      scaledData[i * dn + j] = Math.max(-CLIP, Math.min(CLIP, (v - mid) / sc));
    }
  });
  const imputed = createMatrix(n, dn, imputedData);
  const scaled = createMatrix(n, dn, scaledData);

  const categorical = data.categorical.map((c) => {
    const counts = new Map<string, number>();
    for (const v of c.values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return c.values.map((v) =>
      v === null ? null : (counts.get(v) ?? 0) >= MIN_CATEGORY_SHARE * n ? v : 'other',
    );
  });
  const oneHot =
    categorical.length > 0
      ? fitOneHot(categorical, { names: data.categorical.map((c) => c.feature.name) })
      : null;
  const encoded = oneHot?.transform(categorical) ?? null;

  const columns: PreparedColumn[] = kept.map((c) => ({ name: c.feature.name, feature: c.feature }));
  oneHot?.categories.forEach((cats, ci) => {
    const feature = data.categorical[ci]!.feature;
    for (const category of cats) columns.push({ name: `${feature.name}=${category}`, feature, category });
  });
  const raw: Float64Array[] = kept.map((c) => c.values);
  if (encoded) {
    for (let j = 0; j < encoded.d; j++) {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = encoded.data[i * encoded.d + j]!;
      raw.push(column);
    }
  }
  const parts = (m: Matrix) => (encoded ? (dn > 0 ? hstack([m, encoded]) : encoded) : m);
  return {
    x: parts(scaled),
    profile: parts(imputed),
    raw,
    columns,
    dropped,
    numeric: numeric.map(({ observed: _, ...c }) => c),
    model: { numeric: chain?.toJSON() ?? null, clip: CLIP, oneHot: oneHot?.toJSON() ?? null },
  };
}
