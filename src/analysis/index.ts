/**
 * Customer analytics (issues 3-5): runs of CLV predictions, features, RFM, lifecycle, segmentations and
 * clusters; queries over runs; segment quality; export.
 */
export {
  type Clustering,
  type ClusterOptions,
  clusterRun,
} from './clusters/clustering.js';
export { listClusterings, type StoredClustering } from './clusters/clustering-store.js';
export {
  CLUSTER_FEATURES,
  type ClusterFeature,
  DEFAULT_FEATURE_SET,
  FEATURE_SETS,
} from './clusters/feature-sets.js';
export { formatClustering } from './clusters/format-clustering.js';
export type { PersonaCard, PersonaTrait } from './clusters/persona-cards.js';
export {
  CLUSTER_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumn,
  PREDICTION_COLUMNS,
  SCORE_COLUMNS,
} from './export-columns.js';
export { type ExportOptions, type ExportResult, exportCustomers } from './export-customers.js';
export { formatClusterSummary, formatClv, formatCounts, formatSummary } from './format-summary.js';
export { formatSegmentQuality } from './quality/format-quality.js';
export {
  type LabelSource,
  type SegmentationQuality,
  type SegmentQualityOptions,
  type SegmentQualityReport,
  segmentQuality,
} from './quality/segment-quality.js';
export { type DataRange, resolveAsOf } from './resolve-as-of.js';
export { type AnalysisSummary, type AnalyzeOptions, analyze, type ClusterSummary } from './run-analysis.js';
export { type AnalyzeClvOptions, defaultDraws, type PredictionSummary } from './run-predictions.js';
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
  segmentationRelation,
  stageDwell,
} from './segment-queries.js';
export { SEGMENTATIONS, type SegmentationDef } from './segmentations/index.js';
