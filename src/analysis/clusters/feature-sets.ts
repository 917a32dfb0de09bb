import { invalidInput } from '../../core/errors.js';
import type { FeatureWords } from '../../models/cluster/index.js';

/** How a value reads on a persona card. */
export type ValueFormat = 'count' | 'days' | 'money' | 'share' | 'number' | 'probability';

/**
 * One clustering input: a fixed SQL expression over the run's scores `s` (customer_scores), the customer `c`
 * (customers) and the run `r` (analysis_runs), never text from the user. Numeric inputs may be log-scaled
 * (`log1p` after clipping at 0: money and counts are skewed) and say how a missing value is filled; categorical
 * ones are one-hot encoded (values held by under 1% of customers become "other", missing its own category).
 * `words` name a cluster that sits above / below the base on the feature ("frequent" / "occasional").
 */
export interface ClusterFeature {
  readonly name: string;
  readonly label: string;
  readonly sql: string;
  readonly kind: 'numeric' | 'categorical';
  readonly log?: boolean;
  /** Numeric: 'zero' when a missing value means none (no sessions), 'median' when it is unknown. */
  readonly missing?: 'zero' | 'median';
  readonly words?: FeatureWords;
  readonly format?: ValueFormat;
  /** Reads the customer `c` (or the run `r`), so the query joins them. */
  readonly customer?: boolean;
}

const num = (
  name: string,
  label: string,
  options: Omit<ClusterFeature, 'name' | 'label' | 'kind' | 'sql'> & { sql?: string },
): ClusterFeature =>
  Object.freeze({ name, label, kind: 'numeric', sql: options.sql ?? `s.${name}`, ...options });

const cat = (name: string, label: string, sql: string): ClusterFeature =>
  Object.freeze({ name, label, kind: 'categorical', sql, customer: true });

const norm = (e: string) => `nullif(lower(trim(${e})), '')`;

/** Every feature a clustering can use, by name. */
export const CLUSTER_FEATURES: Readonly<Record<string, ClusterFeature>> = Object.fromEntries(
  [
    num('frequency', 'purchase orders', {
      log: true,
      missing: 'zero',
      words: ['frequent', 'occasional'],
      format: 'count',
    }),
    num('recency_days', 'days since the last purchase', {
      log: true,
      missing: 'median',
      words: ['lapsed', 'recent'],
      format: 'days',
    }),
    num('tenure_days', 'days since the first purchase', {
      log: true,
      missing: 'zero',
      words: ['long-standing', 'new'],
      format: 'days',
    }),
    num('mean_gap_days', 'days between purchases', {
      log: true,
      missing: 'median',
      words: ['slow-cycle', 'fast-cycle'],
      format: 'days',
    }),
    num('purchase_trend', 'purchase trend (-1 slowing .. 1 growing)', {
      missing: 'zero',
      words: ['accelerating', 'slowing'],
      format: 'number',
    }),
    num('aov', 'average order value', {
      log: true,
      missing: 'median',
      words: ['big-basket', 'small-basket'],
      format: 'money',
    }),
    num('discount_share', 'share of discounted lines', {
      missing: 'zero',
      words: ['bargain hunters', 'full-price'],
      format: 'share',
    }),
    num('return_rate', 'returned share of purchases', {
      missing: 'zero',
      words: ['return-prone', ''],
      format: 'share',
    }),
    num('weekend_share', 'share of orders at weekends', {
      missing: 'zero',
      words: ['weekend', 'weekday'],
      format: 'share',
    }),
    num('evening_share', 'share of orders in the evening', {
      missing: 'zero',
      words: ['evening', 'daytime'],
      format: 'share',
    }),
    num('modal_weekday_share', 'share of orders on their usual weekday', {
      missing: 'zero',
      words: ['habitual', ''],
      format: 'share',
    }),
    num('sessions_90d', 'sessions in 90 days', {
      log: true,
      missing: 'zero',
      words: ['browsing', ''],
      format: 'count',
    }),
    num('email_opens_90d', 'email opens in 90 days', {
      log: true,
      missing: 'zero',
      words: ['newsletter-reading', ''],
      format: 'count',
    }),
    num('campaign_response_rate', 'campaign response rate', {
      missing: 'zero',
      words: ['campaign-responsive', ''],
      format: 'share',
    }),
    num('monetary_net', 'net revenue', {
      sql: 'greatest(s.monetary_net, 0)',
      log: true,
      missing: 'zero',
      words: { above: 'high-spenders', below: 'low-spenders' },
      format: 'money',
    }),
    num('margin', 'margin', {
      sql: 'greatest(s.margin, 0)',
      log: true,
      missing: 'median',
      words: ['profitable', 'low-margin'],
      format: 'money',
    }),
    num('p_alive', 'probability still active (CLV)', {
      missing: 'zero',
      words: ['active', 'fading'],
      format: 'probability',
    }),
    num('clv', 'predicted value, next horizon (CLV)', {
      sql: 'greatest(s.clv, 0)',
      log: true,
      missing: 'zero',
      words: ['high-potential', 'low-potential'],
      format: 'money',
    }),
    num('expected_purchases', 'expected purchases, next horizon (CLV)', {
      log: true,
      missing: 'zero',
      words: ['returning', ''],
      format: 'number',
    }),
    num('age', 'age', {
      sql: `coalesce(CAST(date_part('year', age(CAST(r.as_of AS TIMESTAMP), CAST(c.birth_date AS TIMESTAMP))) AS INTEGER), c.age)`,
      missing: 'median',
      words: ['older', 'younger'],
      format: 'number',
      customer: true,
    }),
    num('income', 'income', {
      sql: 'greatest(c.income, 0)',
      log: true,
      missing: 'median',
      words: ['affluent', 'budget'],
      format: 'money',
      customer: true,
    }),
    cat('gender', 'gender', norm('c.gender')),
    cat('education', 'education', norm('c.education')),
    cat('country', 'country', `upper(trim(nullif(trim(c.country), '')))`),
    cat('lifestyle', 'lifestyle', norm('c.lifestyle')),
    cat('values', 'values', norm('c."values"')),
    cat('personality', 'personality', norm('c.personality')),
    cat('attitudes', 'attitudes', norm('c.attitudes')),
    cat('beliefs', 'beliefs', norm('c.beliefs')),
    cat('interest', 'main interest', norm(`string_split_regex(c.interests, '[;,|]')[1]`)),
  ].map((f) => [f.name, f]),
);

/** Named feature sets: `--features behavioural`, `value`, `demographic`, `psychographic`, or joined with `+`. */
export const FEATURE_SETS: Readonly<Record<string, readonly string[]>> = {
  behavioural: [
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
    'sessions_90d',
    'email_opens_90d',
    'campaign_response_rate',
  ],
  value: ['monetary_net', 'aov', 'frequency', 'p_alive', 'clv'],
  demographic: ['age', 'income', 'gender', 'education'],
  psychographic: ['lifestyle', 'values', 'personality', 'attitudes', 'beliefs', 'interest'],
};

/** What `analyze` clusters on. */
export const DEFAULT_FEATURE_SET = 'behavioural+value';

export interface FeatureSelection {
  /** The set's name as given (`behavioural+value`) or `custom`. */
  readonly set: string;
  readonly features: readonly ClusterFeature[];
}

/**
 * Parse `--features`: a set name, sets joined with `+`, or a comma-separated list of feature names. Unknown
 * names are refused with the lists of sets and features.
 */
export function parseFeatureSelection(text: string = DEFAULT_FEATURE_SET): FeatureSelection {
  const trimmed = text.trim();
  const sets = trimmed.split('+').map((s) => s.trim());
  if (sets.every((s) => s in FEATURE_SETS)) {
    const names = [...new Set(sets.flatMap((s) => FEATURE_SETS[s] ?? []))];
    return { set: sets.join('+'), features: names.map((n) => CLUSTER_FEATURES[n]!) };
  }
  const names = [
    ...new Set(
      trimmed
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  const unknown = names.filter((n) => !(n in CLUSTER_FEATURES));
  if (names.length === 0 || unknown.length > 0 || trimmed.includes('+')) {
    throw invalidInput(
      `invalid --features "${text}"${unknown.length > 0 ? `: unknown ${unknown.map((u) => `"${u}"`).join(', ')}` : ''}`,
      `give a set (${Object.keys(FEATURE_SETS).join(', ')}, or several joined with +) or a comma-separated list of: ${Object.keys(CLUSTER_FEATURES).join(', ')}`,
    );
  }
  if (names.length < 2 && CLUSTER_FEATURES[names[0]!]?.kind === 'numeric') {
    throw invalidInput(
      `invalid --features "${text}": one numeric feature is a ranking, not a clustering`,
      'give at least two features, e.g. --features frequency,monetary_net',
    );
  }
  return { set: 'custom', features: names.map((n) => CLUSTER_FEATURES[n]!) };
}
