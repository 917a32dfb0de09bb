export {
  type BootstrapStability,
  bootstrapStability,
  type ClusterFitter,
  type ClusterStability,
  kmeansBootstrapStability,
} from './bootstrap-stability.js';
export { type Distinction, distinction, type SegmentDistinction } from './distinction.js';
export { type Homogeneity, homogeneity, type SegmentHomogeneity } from './homogeneity.js';
export { compareRuns, type RunComparison, type TransitionMatrix } from './run-comparison.js';
export {
  type Scorecard,
  type ScorecardOptions,
  type ScorecardSegment,
  segmentScorecard,
} from './scorecard.js';
export { type SegmentSize, segmentSizes } from './segment-sizes.js';
