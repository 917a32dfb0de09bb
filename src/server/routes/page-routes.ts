import { campaignResultRoutes } from './campaign-results.js';
import { clusterMapRoutes } from './cluster-map.js';
import { segmentWeekdayHourRoutes } from './segment-weekday-hour.js';
import { transitionRoutes } from './transitions.js';

/** The routes behind the dashboard's picture pages: cluster map, stage transitions, weekday×hour, campaigns. */
export const pageRoutes = [
  ...clusterMapRoutes,
  ...transitionRoutes,
  ...segmentWeekdayHourRoutes,
  ...campaignResultRoutes,
];
