/** Hidden patterns per segment: weekday × hour, category × channel and creative-type response (issue 3). */
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { type ClusterMoments, compareClusteredShares, type ShareComparison } from './clustered-shares.js';
export { fisherExactTwoSided } from './fisher-exact.js';
export { type HiddenPatterns, hiddenPatterns } from './hidden-patterns.js';
export { normalCdf, normalUpperTail, twoSidedP } from './normal-tail.js';
export type { HiddenPatternsOptions } from './options.js';
export { compareRateRatios, compareRates, type RatePairMoments } from './rate-ratio.js';
export { type SegmentSource, segmentationOfRun } from './segment-source.js';
export type {
  Bilingual,
  CategoryChannelStatement,
  CreativeStatement,
  PatternKind,
  PatternStatement,
  ShareCounts,
  WeekdayHourStatement,
  WeekHourRange,
} from './statement.js';
