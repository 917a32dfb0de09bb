import { DEFAULT_FEATURE_SET, parseFeatureSelection } from '../../../analysis/clusters/feature-sets.js';
import { loadClusterData } from '../../../analysis/clusters/load-cluster-data.js';
import { prepareMatrix } from '../../../analysis/clusters/prepare-matrix.js';
import type { RunInfo } from '../../../analysis/index.js';
import { type Scorecard, segmentScorecard } from '../../../segments/quality/index.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';

export interface RuleSegmentQuality {
  readonly segment: string;
  readonly runId: number;
  readonly asOf: string;
  /** The features measured in (those `analyze` clusters on). */
  readonly space: string;
  /** Customers of the run (the scorecard's rows). */
  readonly customers: number;
  /** Members among them; members the run does not know are not scored. */
  readonly members: number;
  /** Labels `in` (members) and `out` (everyone else). */
  readonly scorecard: Scorecard;
}

/**
 * A rule segment as a yes/no labelling of the run's customers, scored like any segmentation (issue 5): size and
 * share, homogeneity, distinction (sampled silhouette, distance between centres, overlap).
 */
export async function ruleSegmentQuality(
  wh: Warehouse,
  segment: string,
  run: RunInfo,
  members: ReadonlySet<string>,
): Promise<RuleSegmentQuality> {
  const selection = parseFeatureSelection(DEFAULT_FEATURE_SET);
  const data = await loadClusterData(wh, run.runId, selection.features);
  const labels = data.ids.map((id) => (members.has(id) ? 'in' : 'out'));
  return {
    segment,
    runId: run.runId,
    asOf: run.asOf,
    space: selection.set,
    customers: data.ids.length,
    members: labels.filter((l) => l === 'in').length,
    scorecard: segmentScorecard(prepareMatrix(data).x, labels, { sampleSize: 5000, seed: 1 }),
  };
}
