/** The named RFM groups, best first, and the label of customers without purchases (not scored). */
export const RFM_GROUPS = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  'Cannot Lose Them',
  'Hibernating',
  'Lost',
] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];
export const NO_PURCHASES = 'No purchases';

/**
 * The score map: group = MAP[r_score - 1][fm_score - 1], where fm_score = round-half-up((f_score + m_score) / 2)
 * — the common "R x (F+M)/2" grid (as in the RFM guides of Putler and Klaviyo, 11 groups):
 *
 * | R \ FM | 1              | 2                  | 3                  | 4                | 5                |
 * |--------|----------------|--------------------|--------------------|------------------|------------------|
 * | 5      | New            | Potential Loyalist | Potential Loyalist | Champions        | Champions        |
 * | 4      | Promising      | Potential Loyalist | Potential Loyalist | Loyal            | Loyal            |
 * | 3      | About to Sleep | About to Sleep     | Need Attention     | Loyal            | Loyal            |
 * | 2      | Hibernating    | Hibernating        | At Risk            | At Risk          | Cannot Lose Them |
 * | 1      | Lost           | Lost               | At Risk            | At Risk          | Cannot Lose Them |
 */
export type SegmentMap = readonly (readonly string[])[];

export const DEFAULT_SEGMENT_MAP: SegmentMap = [
  ['Lost', 'Lost', 'At Risk', 'At Risk', 'Cannot Lose Them'],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
  ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
  ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
];

/** fm_score from f and m scores: (f + m) / 2 rounded half up, so (5, 4) gives 5 and (1, 2) gives 2. */
export const fmScore = (f: number, m: number): number => Math.floor((f + m + 1) / 2);

/** The group of one (r, f, m) triple under a map (the same rule the SQL applies). */
export function rfmGroup(r: number, f: number, m: number, map: SegmentMap = DEFAULT_SEGMENT_MAP): string {
  const g = map[r - 1]?.[fmScore(f, m) - 1];
  if (g === undefined) throw new Error(`RFM scores out of range: r=${r} f=${f} m=${m}`);
  return g;
}
