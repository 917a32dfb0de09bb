import { BEHAVIOURAL_SEGMENTATIONS } from './behavioural.js';
import { CORE_SEGMENTATIONS } from './core.js';
import { DEMOGRAPHIC_SEGMENTATIONS } from './demographic.js';
import { PSYCHOGRAPHIC_SEGMENTATIONS } from './psychographic.js';
import type { SegmentationDef } from './segmentation.js';
import { VALUE_SEGMENTATIONS } from './value.js';

/** Every segmentation an analysis run writes, in listing order. */
export const SEGMENTATIONS: readonly SegmentationDef[] = [
  ...CORE_SEGMENTATIONS,
  ...DEMOGRAPHIC_SEGMENTATIONS,
  ...PSYCHOGRAPHIC_SEGMENTATIONS,
  ...BEHAVIOURAL_SEGMENTATIONS,
  ...VALUE_SEGMENTATIONS,
];

export const segmentationByName = (name: string) => SEGMENTATIONS.find((s) => s.name === name);
