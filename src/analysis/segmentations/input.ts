/** Customer attributes named like data values, normalised (trimmed, lower-cased, empty = NULL) for segments. */
export const VALUE_KEYS = [
  'education',
  'occupation',
  'country',
  'region',
  'lifestyle',
  'values',
  'interest',
  'personality',
  'attitudes',
  'beliefs',
  'profile',
] as const;

const norm = (e: string) => `nullif(lower(trim(${e})), '')`;

/** 1 + how many of the cut points `value` exceeds: the band (1-based) of a value; equal to a cut = lower band. */
const band = (value: string, cuts: string, k: number) =>
  `(1 + ${Array.from({ length: k }, (_, i) => `CASE WHEN ${value} > ${cuts}[${i + 1}] THEN 1 ELSE 0 END`).join(' + ')})`;

/**
 * The relation segmentations read, for run `$1` as of day `$2`: every column of `customer_scores`, the
 * customer's attributes (current values: the customers table keeps no history), age on the as-of day, and
 * population-relative helpers computed from cut points (`quantile_cont`) rather than window functions, so a
 * million customers take one aggregate pass and small hash joins:
 * - income_q: income quintile within the country when it has >= 50 recorded incomes (units differ by country),
 *   else overall;
 * - revenue_q: net revenue quintile among customers with positive net revenue; value_top: 0.05 / 0.2 / 0.5 / 1
 *   for net revenue at or above the 95th / 80th / 50th percentile / below; clv_top the same over the buyers'
 *   positive predicted CLV (NULL without CLV predictions);
 * - margin_q: margin tercile among customers with a non-negative margin; aov_top: 0.2 when the AOV is at or above
 *   the buyers' 80th percentile, else 1;
 * - share_<key>: share of the run's customers holding the same normalised value.
 */
export const SEGMENTATION_INPUT = `
WITH joined AS MATERIALIZED (
  SELECT s.*,
    coalesce(
      CAST(date_part('year', age(CAST($2 AS TIMESTAMP), CAST(c.birth_date AS TIMESTAMP))) AS INTEGER),
      c.age) AS c_age,
    ${norm('c.gender')} AS c_gender,
    c.income AS c_income,
    ${norm('c.education')} AS v_education,
    ${norm('c.occupation')} AS v_occupation,
    upper(trim(nullif(trim(c.country), ''))) AS v_country,
    ${norm('c.region')} AS v_region,
    ${norm('c.lifestyle')} AS v_lifestyle,
    ${norm('c."values"')} AS v_values,
    ${norm(`string_split_regex(c.interests, '[;,|]')[1]`)} AS v_interest,
    ${norm('c.personality')} AS v_personality,
    ${norm('c.attitudes')} AS v_attitudes,
    ${norm('c.beliefs')} AS v_beliefs,
    CASE WHEN ${norm('c.lifestyle')} IS NOT NULL AND ${norm('c."values"')} IS NOT NULL
      THEN ${norm('c.lifestyle')} || ' + ' || ${norm('c."values"')} END AS v_profile
  FROM customer_scores s LEFT JOIN customers c ON c.customer_id = s.customer_id
  WHERE s.run_id = $1
),
cuts AS (
  SELECT count(*) AS n,
    quantile_cont(c_income, [0.2, 0.4, 0.6, 0.8]) AS income,
    quantile_cont(monetary_net, [0.2, 0.4, 0.6, 0.8]) FILTER (WHERE frequency > 0 AND monetary_net > 0) AS revenue,
    quantile_cont(monetary_net, [0.5, 0.8, 0.95]) FILTER (WHERE frequency > 0 AND monetary_net > 0) AS tiers,
    quantile_cont(margin, [1 / 3, 2 / 3]) FILTER (WHERE margin >= 0) AS margin,
    quantile_cont(aov, 0.8) FILTER (WHERE frequency > 0) AS aov80,
    quantile_cont(clv, [0.5, 0.8, 0.95]) FILTER (WHERE frequency > 0 AND clv > 0) AS clv_tiers
  FROM joined
),
country_income AS (
  SELECT v_country, quantile_cont(c_income, [0.2, 0.4, 0.6, 0.8]) AS cuts, count(c_income) AS n
  FROM joined GROUP BY v_country
),
${VALUE_KEYS.map((k) => `values_${k} AS (SELECT v_${k}, count(*) AS n FROM joined GROUP BY v_${k})`).join(',\n')}
SELECT j.*,
  ${band('j.c_income', 'CASE WHEN ci.n >= 50 THEN ci.cuts ELSE cuts.income END', 4)} AS income_q,
  ${band('j.monetary_net', 'cuts.revenue', 4)} AS revenue_q,
  CASE WHEN j.frequency > 0 AND j.monetary_net > 0 THEN
    CASE WHEN j.monetary_net >= cuts.tiers[3] THEN 0.05 WHEN j.monetary_net >= cuts.tiers[2] THEN 0.2
      WHEN j.monetary_net >= cuts.tiers[1] THEN 0.5 ELSE 1 END END AS value_top,
  CASE WHEN j.frequency > 0 AND j.clv > 0 THEN
    CASE WHEN j.clv >= cuts.clv_tiers[3] THEN 0.05 WHEN j.clv >= cuts.clv_tiers[2] THEN 0.2
      WHEN j.clv >= cuts.clv_tiers[1] THEN 0.5 ELSE 1 END END AS clv_top,
  ${band('j.margin', 'cuts.margin', 2)} AS margin_q,
  CASE WHEN j.aov >= cuts.aov80 THEN 0.2 ELSE 1 END AS aov_top,
  (SELECT count(*) > 0 FROM events) AS has_events,
  (SELECT count(*) > 0 FROM campaign_responses) AS has_campaigns,
  ${VALUE_KEYS.map((k) => `values_${k}.n / cuts.n AS share_${k}`).join(',\n  ')}
FROM joined j CROSS JOIN cuts
LEFT JOIN country_income ci ON ci.v_country = j.v_country
${VALUE_KEYS.map((k) => `LEFT JOIN values_${k} ON values_${k}.v_${k} = j.v_${k}`).join('\n')}`;
