import { getRun, type RunInfo } from '../../analysis/runs.js';
import type { App } from '../../app.js';
import type { Memo } from '../memo.js';
import { overview } from '../overview-queries.js';
import { defineRoute } from '../route.js';
import { runQuery } from '../schemas.js';

const overviewOf = (app: App, memo: Memo, run: RunInfo) =>
  memo.get(`overview:${run.runId}:${run.startedAt}`, () => overview(app.warehouse, run), { persist: true });

/**
 * Compute the latest run's overview in the background, so the first dashboard visit reads a ready answer.
 * Failures (no run yet) are ignored: the route reports them when asked.
 */
export function prewarmOverview(app: App, memo: Memo): void {
  getRun(app.warehouse).then(
    (run) => overviewOf(app, memo, run).catch(() => undefined),
    () => undefined,
  );
}

export const overviewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/overview',
    summary:
      'pre-aggregated dashboard figures of a run: headline numbers, trends, RFM grid, lifecycle, cohorts, weekday×hour, CLV distribution',
    tag: 'dashboard',
    scope: 'read',
    query: runQuery,
    handler: async ({ app, query, memo }) => overviewOf(app, memo, await getRun(app.warehouse, query.run)),
  }),
];
