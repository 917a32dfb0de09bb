import {
  type Distinguishing,
  nameCluster,
  profileClusters,
  uniqueNames,
  type Vocabulary,
} from '../../models/cluster/index.js';
import type { ValueFormat } from './feature-sets.js';
import type { PreparedMatrix } from './prepare-matrix.js';

/** One feature that sets a cluster apart, with its values in the cluster and in the whole base. */
export interface PersonaTrait {
  /** Column name: `frequency`, or `lifestyle=urbano activo`. */
  readonly feature: string;
  readonly label: string;
  /** Mean in the cluster (raw units; share for a category), over customers with a value. */
  readonly value: number | null;
  readonly base: number | null;
  /** Standardised mean difference against the base (on the log scale for log features). */
  readonly smd: number;
  readonly direction: 'above' | 'below';
  /** "purchase orders: 12.4 vs 3.1 overall". */
  readonly text: string;
}

/** A persona card: what the dashboard and the CLI show for a cluster. */
export interface PersonaCard {
  readonly cluster: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
  /** The strongest differences (|SMD| >= 0.2, at most 4, at least 1). */
  readonly traits: readonly PersonaTrait[];
  /** One line: "1,234 customers (6.2%): purchase orders 12.4 vs 3.1 overall; ...". */
  readonly summary: string;
}

/** Every cluster's mean of every column (raw) and SMD, for storage and the JSON output. */
export interface ClusterProfileRecord {
  readonly cluster: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
  readonly differences: readonly {
    readonly feature: string;
    readonly smd: number;
    readonly mean: number | null;
  }[];
}

const grouped = (v: number, digits: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A value as a persona card shows it. */
export function formatValue(v: number | null, format: ValueFormat | undefined, category: boolean): string {
  if (v === null || !Number.isFinite(v)) return '-';
  if (category || format === 'share') return `${(100 * v).toFixed(0)}%`;
  switch (format) {
    case 'count':
      return grouped(v, v < 10 ? 1 : 0);
    case 'days':
      return `${grouped(v, 0)} days`;
    case 'money':
      return grouped(v, v < 100 ? 2 : 0);
    case 'probability':
      return v.toFixed(2);
    default:
      return Math.abs(v) < 10 ? v.toFixed(2) : grouped(v, 0);
  }
}

/** Means of each raw column per cluster and over everyone, ignoring missing values. */
function rawMeans(prep: PreparedMatrix, labels: Int32Array, k: number) {
  const d = prep.raw.length;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k * d);
  const base = new Float64Array(d);
  const baseCounts = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const col = prep.raw[j]!;
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!Number.isFinite(v)) continue;
      sums[labels[i]! * d + j]! += v;
      counts[labels[i]! * d + j]!++;
      base[j]! += v;
      baseCounts[j]!++;
    }
  }
  const mean = (c: number, j: number) =>
    counts[c * d + j]! > 0 ? sums[c * d + j]! / counts[c * d + j]! : null;
  const baseMean = (j: number) => (baseCounts[j]! > 0 ? base[j]! / baseCounts[j]! : null);
  return { mean, baseMean };
}

/** Nouns for recorded genders (English and Spanish spellings, as the demographic segmentation reads them). */
const GENDER_NOUNS: Readonly<Record<string, string>> = {
  f: 'women',
  female: 'women',
  woman: 'women',
  mujer: 'women',
  femenino: 'women',
  m: 'men',
  male: 'men',
  man: 'men',
  hombre: 'men',
  masculino: 'men',
};

/**
 * Words for each column: the feature's own, and for a category its value ("urbano activo"), a gender as a noun
 * ("women"), a missing answer as "without answers"; "other" (pooled rare values) names nothing.
 */
export function vocabularyOf(prep: PreparedMatrix): Vocabulary {
  const words: Record<string, Vocabulary[string]> = {};
  for (const c of prep.columns) {
    if (c.category === undefined) {
      if (c.feature.words) words[c.name] = c.feature.words;
    } else if (c.category === '(missing)') words[c.name] = ['unrecorded', ''];
    else if (c.feature.name === 'gender' && GENDER_NOUNS[c.category])
      words[c.name] = { above: GENDER_NOUNS[c.category]!, below: '', noun: true };
    else if (c.category !== 'other') words[c.name] = [c.category, ''];
  }
  return words;
}

/** The features in naming order, each word used once ("Unrecorded customers", not "Unrecorded unrecorded ..."). */
function onceEach(list: readonly Distinguishing[], vocabulary: Vocabulary): Distinguishing[] {
  const used = new Set<string>();
  return list.filter((f) => {
    const w = vocabulary[f.feature];
    if (!w) return true;
    const word = 'above' in w ? (f.smd > 0 ? w.above : w.below) : f.smd > 0 ? w[0] : w[1];
    if (word === '' || !used.has(word)) {
      used.add(word);
      return true;
    }
    return false;
  });
}

/** Purchase-side features a non-buying cluster is not named after (they are 0 or imputed). */
const PURCHASE_WORDS = new Set([
  'frequency',
  'recency_days',
  'tenure_days',
  'mean_gap_days',
  'purchase_trend',
  'aov',
  'discount_share',
  'return_rate',
  'weekend_share',
  'evening_share',
  'modal_weekday_share',
  'monetary_net',
  'margin',
  'p_alive',
  'clv',
  'expected_purchases',
]);

/**
 * Profiles (every column's SMD against the base, strongest first, on the unscaled log/one-hot matrix), readable
 * names from the strongest features' words, and persona cards with the raw values. A cluster where at least 80%
 * never bought is named from its other features, as "... non-buyers".
 */
export function describeClusters(
  prep: PreparedMatrix,
  labels: Int32Array,
  k: number,
): { profiles: ClusterProfileRecord[]; personas: PersonaCard[] } {
  const names = prep.columns.map((c) => c.name);
  const vocabulary = vocabularyOf(prep);
  const profiles = profileClusters(prep.profile, labels, {
    featureNames: names,
    vocabulary,
    topK: names.length,
  });
  const { mean, baseMean } = rawMeans(prep, labels, k);
  const frequency = names.indexOf('frequency');
  const nonBuyers = new Float64Array(k);
  const sizes = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    sizes[labels[i]!]!++;
    if (frequency >= 0 && prep.raw[frequency]![i] === 0) nonBuyers[labels[i]!]!++;
  }
  const rawNames = profiles.map((p) => {
    const list = onceEach(
      p.distinguishing.map((f) => ({ feature: f.feature, smd: f.smd })),
      vocabulary,
    );
    if (frequency >= 0 && nonBuyers[p.cluster]! >= 0.8 * sizes[p.cluster]!) {
      return nameCluster(
        list.filter((f) => !PURCHASE_WORDS.has(f.feature)),
        vocabulary,
        { noun: 'non-buyers' },
      ).replace(/^Typical non-buyers$/, 'Non-buyers');
    }
    return nameCluster(list, vocabulary);
  });
  const unique = uniqueNames(rawNames);
  const total = labels.length;
  const records: ClusterProfileRecord[] = [];
  const personas: PersonaCard[] = [];
  profiles.forEach((p, idx) => {
    const name = unique[idx]!;
    const differences = p.distinguishing.map((f) => {
      const j = names.indexOf(f.feature);
      return { feature: f.feature, smd: f.smd, mean: mean(p.cluster, j) };
    });
    records.push({ cluster: p.cluster, name, size: p.size, share: p.size / total, differences });
    // Traits need a value in the cluster (a non-buying cluster has no recency or basket size).
    const shown = p.distinguishing.filter((f) => mean(p.cluster, names.indexOf(f.feature)) !== null);
    const strong = shown.filter((f) => Math.abs(f.smd) >= 0.2).slice(0, 4);
    const traits = (strong.length > 0 ? strong : shown.slice(0, 1)).map((f) => {
      const j = names.indexOf(f.feature);
      const column = prep.columns[j]!;
      const isCategory = column.category !== undefined;
      const label = !isCategory
        ? column.feature.label
        : column.category === '(missing)'
          ? `${column.feature.label} not recorded`
          : `${column.feature.label} "${column.category}"`;
      const value = mean(p.cluster, j);
      const base = baseMean(j);
      const fmt = (v: number | null) => formatValue(v, column.feature.format, isCategory);
      return {
        feature: f.feature,
        label,
        value,
        base,
        smd: f.smd,
        direction: f.direction,
        text: `${label}: ${fmt(value)} vs ${fmt(base)} overall`,
      };
    });
    personas.push({
      cluster: p.cluster,
      name,
      size: p.size,
      share: p.size / total,
      traits,
      summary: `${p.size.toLocaleString('en-US')} customers (${((100 * p.size) / total).toFixed(1)}%): ${traits.map((t) => t.text).join('; ')}`,
    });
  });
  return { profiles: records, personas };
}
