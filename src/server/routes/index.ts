import type { Route } from '../route.js';
import { customerRoutes } from './customers.js';
import { healthRoutes } from './health.js';
import { importRoutes } from './imports.js';
import { overviewRoutes } from './overview.js';
import { patternRoutes } from './patterns.js';
import { ruleSegmentRoutes } from './rule-segments.js';
import { runRoutes } from './runs.js';
import { segmentationRoutes } from './segmentations.js';

// TODO(issue 7): rule-segment writes (create, edit, preview count) and their quality scorecard: see
// rule-segments.ts; the dashboard's segment builder needs them.
export const ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...overviewRoutes,
  ...customerRoutes,
  ...segmentationRoutes,
  ...runRoutes,
  ...importRoutes,
  ...patternRoutes,
  ...ruleSegmentRoutes,
];
