export { insertSegmentsSql } from './compile-segments.js';
export { SEGMENTATION_INPUT } from './input.js';
export { SEGMENTATIONS, segmentationByName } from './registry.js';
export { MIN_VALUE_SHARE, type SegmentationDef, type SegmentationType } from './segmentation.js';
