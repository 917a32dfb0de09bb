import { type SegmentationDef, segmentation, valueSegment } from './segmentation.js';

const answer = (key: string, column: string, doc: string) =>
  segmentation({
    name: `psychographic.${key}`,
    type: 'psychographic',
    doc,
    sql: valueSegment(key),
    valuesFrom: `customers.${column}`,
  });

/**
 * What the customer values and how they live, from imported survey answers or traits. Each answer is its own
 * segmentation; `psychographic.profile` groups the two most telling (lifestyle + values). `segmentations count`
 * profiles each segment by value, frequency and recency.
 */
export const PSYCHOGRAPHIC_SEGMENTATIONS: readonly SegmentationDef[] = [
  answer('lifestyle', 'lifestyle', 'lifestyle'),
  answer('values', 'values', 'values'),
  answer('interest', 'interests', 'main interest (the first listed)'),
  answer('personality', 'personality', 'personality'),
  answer('attitudes', 'attitudes', 'attitude towards shopping and brands'),
  answer('beliefs', 'beliefs', 'beliefs'),
  segmentation({
    name: 'psychographic.profile',
    type: 'psychographic',
    doc: 'lifestyle + values combined, the psychographic group',
    sql: valueSegment('profile'),
    valuesFrom: 'customers.lifestyle + customers.values',
  }),
];
