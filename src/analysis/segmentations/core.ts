import { STAGE_IDS, STAGES } from '../../models/lifecycle/index.js';
import { RFM_GROUPS } from '../../models/rfm/index.js';
import { NO_PURCHASES } from '../../models/rfm/segment-map.js';
import { type SegmentationDef, segmentation } from './segmentation.js';

/** RFM groups and lifecycle stages, also stored as segmentations so they list, count, export and compare alike. */
export const CORE_SEGMENTATIONS: readonly SegmentationDef[] = [
  segmentation({
    name: 'rfm',
    type: 'rfm',
    doc: 'named RFM group from the R x (F+M)/2 score map',
    sql: 'rfm_segment',
    segments: Object.fromEntries([
      ...RFM_GROUPS.map((g) => [g, 'RFM group']),
      [NO_PURCHASES, 'no purchase before the as-of date (not scored)'],
    ]),
  }),
  segmentation({
    name: 'lifecycle',
    type: 'lifecycle',
    doc: 'lifecycle stage (16 stages in 4 phases) from the lifecycle rules',
    sql: 'lifecycle_stage',
    segments: Object.fromEntries(STAGE_IDS.map((s) => [s, `${STAGES[s].phase}: ${STAGES[s].doc}`])),
  }),
];
