import { assertNever } from '../../core/assert-never.js';
import { invalidInput } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { fitKMeans, type KMeansModel } from './kmeans.js';
import { type Matrix, takeRows } from './matrix.js';
import { calinskiHarabasz } from './metrics/calinski-harabasz.js';
import { daviesBouldin } from './metrics/davies-bouldin.js';
import { silhouetteScore } from './metrics/silhouette.js';
import { withinClusterSS } from './metrics/within-cluster-ss.js';
import { fitMiniBatchKMeans } from './minibatch-kmeans.js';
import { sampleWithoutReplacement } from './sample.js';

export interface ChooseKOptions {
  /** Default 2. */
  readonly kMin?: number;
  /** Default 10. */
  readonly kMax?: number;
  readonly seed?: number;
  /** k-means restarts per k. Default 3. */
  readonly nInit?: number;
  /** Above this many rows, fit each k on a seeded sample of this size, then assign all rows. Default 200,000. */
  readonly fitSampleSize?: number;
  /** Silhouette on a seeded sample of this many rows (the same rows for every k); exact below. Default 10,000. */
  readonly silhouetteSampleSize?: number;
  /** 'kmeans' (accelerated Lloyd, default) or 'minibatch'. */
  readonly algorithm?: 'kmeans' | 'minibatch';
}

type Metric = 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin';
const METRICS: readonly Metric[] = ['silhouette', 'calinskiHarabasz', 'daviesBouldin'];

/**
 * Near-ties count as support: differences smaller than these are within the noise of a sampled silhouette or
 * of a restart, and should not decide k alone.
 */
const TOLERANCE = { silhouette: 0.01, calinskiHarabasz: 0.02, daviesBouldin: 0.02 } as const;

function nearBest(metric: Metric, row: ChooseKRow, best: ChooseKRow): boolean {
  switch (metric) {
    case 'silhouette':
      return row.silhouette >= best.silhouette - TOLERANCE.silhouette;
    case 'calinskiHarabasz':
      return row.calinskiHarabasz >= best.calinskiHarabasz * (1 - TOLERANCE.calinskiHarabasz);
    case 'daviesBouldin':
      return row.daviesBouldin <= best.daviesBouldin + TOLERANCE.daviesBouldin;
    default:
      return assertNever(metric, 'metric');
  }
}

const at = (table: readonly ChooseKRow[], k: number) => table.find((r) => r.k === k)!;

export interface ChooseKRow {
  readonly k: number;
  /** Within-cluster sum of squares on all rows. */
  readonly inertia: number;
  readonly silhouette: number;
  readonly calinskiHarabasz: number;
  readonly daviesBouldin: number;
}

export interface ChooseKResult {
  readonly table: readonly ChooseKRow[];
  readonly chosenK: number;
  /** The k each criterion prefers. */
  readonly votes: {
    readonly silhouette: number;
    readonly calinskiHarabasz: number;
    readonly daviesBouldin: number;
  };
  readonly explanation: string;
  readonly sampling: { readonly rows: number; readonly fitRows: number; readonly silhouetteRows: number };
  /** The fitted model for the chosen k (`toJSON` for storage, `predict` for labels). */
  readonly model: KMeansModel;
}

/**
 * Automatic k: fit k-means for every k in [kMin, kMax] and score each with the silhouette (Rousseeuw 1987,
 * highest best), Calinski-Harabasz (highest) and Davies-Bouldin (lowest). A criterion supports every k at or
 * near its best (silhouette within 0.01, Calinski-Harabasz within 2 %, Davies-Bouldin within 0.02); the k with
 * most support wins, then the higher silhouette (it weighs each customer's own segment against the nearest
 * other one). Large data: fit on a sample, score CH and DB on all rows, silhouette on a sample.
 */
export function chooseK(x: Matrix, options: ChooseKOptions = {}): ChooseKResult {
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? 10;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin) {
    throw invalidInput(`choose k: invalid range ${kMin}..${kMax}, expected 2 <= kMin <= kMax`);
  }
  if (kMax >= x.n) throw invalidInput(`choose k: kMax = ${kMax} needs more than ${x.n} rows`);
  const rng = createRng(seed);
  const fitSampleSize = options.fitSampleSize ?? 200_000;
  const silhouetteSampleSize = options.silhouetteSampleSize ?? 10_000;
  const fitRows =
    x.n > fitSampleSize ? takeRows(x, sampleWithoutReplacement(x.n, fitSampleSize, rng.fork(1))) : x;
  const silhouetteIdx =
    x.n > silhouetteSampleSize ? sampleWithoutReplacement(x.n, silhouetteSampleSize, rng.fork(2)) : undefined;
  const silhouetteRows = silhouetteIdx ? takeRows(x, silhouetteIdx) : x;

  const table: ChooseKRow[] = [];
  const models: KMeansModel[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit =
      options.algorithm === 'minibatch'
        ? fitMiniBatchKMeans(fitRows, { k, seed })
        : fitKMeans(fitRows, { k, seed, nInit: options.nInit ?? 3 });
    const labels = fitRows === x ? fit.labels : fit.predict(x);
    const silhouetteLabels = silhouetteIdx ? Int32Array.from(silhouetteIdx, (i) => labels[i]!) : labels;
    table.push({
      k,
      inertia: fitRows === x ? fit.inertia : withinClusterSS(x, labels).total,
      silhouette: silhouetteScore(silhouetteRows, silhouetteLabels),
      calinskiHarabasz: calinskiHarabasz(x, labels),
      daviesBouldin: daviesBouldin(x, labels),
    });
    models.push(fit);
  }
  const pick = (score: (r: ChooseKRow) => number) => table.reduce((a, b) => (score(b) > score(a) ? b : a)).k;
  const votes = {
    silhouette: pick((r) => r.silhouette),
    calinskiHarabasz: pick((r) => r.calinskiHarabasz),
    daviesBouldin: pick((r) => -r.daviesBouldin),
  };
  const support = (r: ChooseKRow) => METRICS.filter((m) => nearBest(m, r, at(table, votes[m]))).length;
  // Most support wins; then the higher silhouette; then the smaller k (table order).
  const chosenK = table.reduce((a, b) =>
    support(b) > support(a) || (support(b) === support(a) && b.silhouette > a.silhouette) ? b : a,
  ).k;
  const row = table.find((r) => r.k === chosenK)!;
  return {
    table,
    chosenK,
    votes,
    explanation: explain(row, votes, table, {
      rows: x.n,
      fitRows: fitRows.n,
      silhouetteRows: silhouetteRows.n,
    }),
    sampling: { rows: x.n, fitRows: fitRows.n, silhouetteRows: silhouetteRows.n },
    model: models[chosenK - kMin]!,
  };
}

const fmt = (v: number, digits = 3) =>
  Number(v.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 12 });

function explain(
  row: ChooseKRow,
  votes: ChooseKResult['votes'],
  table: readonly ChooseKRow[],
  sampling: ChooseKResult['sampling'],
): string {
  const k = row.k;
  const best = (m: Metric) => at(table, votes[m]);
  const phrase: Record<Metric, () => string> = {
    silhouette: () =>
      votes.silhouette === k
        ? `the silhouette is highest (${fmt(row.silhouette)})`
        : `the silhouette (${fmt(row.silhouette, 4)}) ties with the highest (${fmt(best('silhouette').silhouette, 4)} at k = ${votes.silhouette}) within 0.01`,
    calinskiHarabasz: () =>
      votes.calinskiHarabasz === k
        ? `Calinski-Harabasz is highest (${fmt(row.calinskiHarabasz, 4)})`
        : `Calinski-Harabasz (${fmt(row.calinskiHarabasz, 4)}) is within 2% of the highest (${fmt(best('calinskiHarabasz').calinskiHarabasz, 4)} at k = ${votes.calinskiHarabasz})`,
    daviesBouldin: () =>
      votes.daviesBouldin === k
        ? `Davies-Bouldin is lowest (${fmt(row.daviesBouldin)})`
        : `Davies-Bouldin (${fmt(row.daviesBouldin)}) is within 0.02 of the lowest (${fmt(best('daviesBouldin').daviesBouldin)} at k = ${votes.daviesBouldin})`,
  };
  const names: Record<Metric, string> = {
    silhouette: 'the silhouette',
    calinskiHarabasz: 'Calinski-Harabasz',
    daviesBouldin: 'Davies-Bouldin',
  };
  const supporting = METRICS.filter((m) => nearBest(m, row, best(m)));
  const others = METRICS.filter((m) => !supporting.includes(m));
  const list = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  const parts: string[] = [];
  if (supporting.length >= 2) {
    const count = supporting.length === 3 ? 'all three criteria' : 'two of the three criteria';
    const dissent = others.map((m) => `; ${names[m]} prefers k = ${votes[m]}`).join('');
    parts.push(
      `Chose k = ${k}, supported by ${count}: ${list(supporting.map((m) => phrase[m]()))}${dissent}.`,
    );
  } else {
    parts.push(
      `Chose k = ${k}: the criteria disagree (silhouette k = ${votes.silhouette}, Calinski-Harabasz k = ${votes.calinskiHarabasz}, Davies-Bouldin k = ${votes.daviesBouldin}), so the silhouette decides, because it weighs how close each customer is to its own segment against the nearest other segment.`,
    );
  }
  // Kaufman & Rousseeuw (1990) reading of the average silhouette.
  const s = row.silhouette;
  parts.push(
    s > 0.7
      ? `A silhouette of ${fmt(s)} means strong, well separated segments.`
      : s > 0.5
        ? `A silhouette of ${fmt(s)} means a reasonable structure: segments are clearly distinct.`
        : s > 0.25
          ? `A silhouette of ${fmt(s)} means weak structure: segments overlap, so treat them as a useful partition rather than natural groups.`
          : `A silhouette of ${fmt(s)} means no substantial cluster structure: any k is a matter of convenience.`,
  );
  if (sampling.fitRows < sampling.rows) {
    parts.push(
      `Models were fitted on a random sample of ${sampling.fitRows.toLocaleString('en-US')} of ${sampling.rows.toLocaleString('en-US')} rows.`,
    );
  }
  if (sampling.silhouetteRows < sampling.rows) {
    parts.push(
      `The silhouette was estimated on a random sample of ${sampling.silhouetteRows.toLocaleString('en-US')} rows.`,
    );
  }
  return parts.join(' ');
}
