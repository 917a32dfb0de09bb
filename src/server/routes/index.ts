import type { Route } from '../route.js';
import { customerRoutes } from './customers.js';
import { eventRoutes } from './events.js';
import { healthRoutes } from './health.js';
import { importRoutes } from './imports.js';
import { overviewRoutes } from './overview.js';
import { pageRoutes } from './page-routes.js';
import { patternRoutes } from './patterns.js';
import { ruleSegmentRoutes } from './rule-segments.js';
import { runRoutes } from './runs.js';
import { segmentExplorerRoutes } from './segment-explorer.js';
import { segmentationRoutes } from './segmentations.js';
import { webhookRoutes } from './webhooks.js';

export const ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...overviewRoutes,
  ...customerRoutes,
  ...segmentationRoutes,
  ...segmentExplorerRoutes,
  ...runRoutes,
  ...importRoutes,
  ...eventRoutes,
  ...patternRoutes,
  ...pageRoutes,
  ...ruleSegmentRoutes,
  ...webhookRoutes,
];
