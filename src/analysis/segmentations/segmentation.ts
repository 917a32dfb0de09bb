export type SegmentationType =
  | 'rfm'
  | 'lifecycle'
  | 'demographic'
  | 'psychographic'
  | 'behavioural'
  | 'value';

/**
 * One segmentation: every customer of a run gets exactly one named segment. `sql` is a fixed expression over the
 * columns of the segmentation input (`input.ts`: the run's scores, the customer's attributes and a few
 * population-relative helpers); it must never be NULL. `segments` documents the fixed names; segmentations that
 * take their names from the data (countries, occupations...) say so with `valuesFrom`.
 */
export interface SegmentationDef {
  readonly name: string;
  readonly type: SegmentationType;
  readonly doc: string;
  readonly sql: string;
  readonly segments?: Readonly<Record<string, string>>;
  readonly valuesFrom?: string;
}

export const segmentation = (def: SegmentationDef): SegmentationDef => Object.freeze(def);

/** The share of the population a data value needs to be its own segment; rarer values become "other". */
export const MIN_VALUE_SHARE = 0.01;

/** A segment named after a normalised data value (`v_<key>`), "other" when rare, "unknown" when missing. */
export const valueSegment = (key: string) =>
  `CASE WHEN v_${key} IS NULL THEN 'unknown' WHEN share_${key} >= ${MIN_VALUE_SHARE} THEN v_${key} ELSE 'other' END`;
