/** Customer analytics (issue 3): runs of features, RFM, lifecycle and segmentations; queries over runs; export. */
export { EXPORT_COLUMNS, type ExportColumn, SCORE_COLUMNS } from './export-columns.js';
export { type ExportOptions, type ExportResult, exportCustomers } from './export-customers.js';
export { formatSummary } from './format-summary.js';
export { type DataRange, resolveAsOf } from './resolve-as-of.js';
export { type AnalysisSummary, type AnalyzeOptions, analyze } from './run-analysis.js';
export { getRun, listRuns, type RunInfo } from './runs.js';
export {
  checkSegmentation,
  countSegments,
  GONE,
  listSegmentations,
  type Movement,
  movement,
  NEW,
  type SegmentationListing,
  type SegmentCount,
  type StageDwell,
  stageDwell,
} from './segment-queries.js';
export { SEGMENTATIONS, type SegmentationDef } from './segmentations/index.js';
