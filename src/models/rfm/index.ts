/** RFM: recency, frequency, monetary, quintile scores and the named groups (issue 3). */
export {
  type Bins,
  type RfmOptions,
  type RfmOptionsInput,
  resolveRfmOptions,
  rfmOptionsSchema,
} from './options.js';
export { rfmScoreQuery } from './score-query.js';
export {
  DEFAULT_SEGMENT_MAP,
  fmScore,
  NO_PURCHASES,
  RFM_GROUPS,
  type RfmGroup,
  rfmGroup,
  type SegmentMap,
} from './segment-map.js';
