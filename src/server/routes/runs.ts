import { z } from 'zod';
import { analyze } from '../../analysis/run-analysis.js';
import { getRun, listRuns } from '../../analysis/runs.js';
import { precomputePages } from '../precompute.js';
import { defineRoute } from '../route.js';
import { pageOf, pageQuery } from '../schemas.js';

const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  step: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
});

export const runRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/runs',
    summary: 'analysis run history, newest first, paginated',
    tag: 'analysis',
    scope: 'read',
    query: pageQuery,
    handler: async ({ app, query }) => {
      const runs = (await listRuns(app.warehouse)).reverse();
      return pageOf(
        runs.slice(query.offset, query.offset + query.limit),
        runs.length,
        query.limit,
        query.offset,
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/runs/:id',
    summary: 'one finished analysis run with its summary',
    tag: 'analysis',
    scope: 'read',
    params: z.object({ id: z.coerce.number().int().positive() }),
    handler: async ({ app, params }) => getRun(app.warehouse, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/runs',
    summary: 'start an analysis run in the background; poll the job for progress and status',
    tag: 'analysis',
    scope: 'write',
    status: 202,
    body: z
      .object({
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
          .optional()
          .describe('as-of day (default: the day after the last order)'),
        clv: z.boolean().default(true).describe('fit and score CLV predictions'),
        clusters: z.boolean().default(true).describe('cluster the customers'),
      })
      .strict(),
    response: jobView,
    handler: async ({ app, jobs, body }) =>
      jobs.start('analysis', async (progress) => {
        const summary = await analyze(app.warehouse, {
          ...(body.asOf !== undefined ? { asOf: body.asOf } : {}),
          ...(body.clv ? {} : { clv: false as const }),
          ...(body.clusters ? {} : { clusters: false as const }),
          onProgress: (done, total, step) => progress(total > 0 ? (0.9 * done) / total : 0, step),
        });
        // Then every dashboard page's answers about the new run, so no page opens cold.
        const pages = await precomputePages(app, summary.runId, (done, total, step) =>
          progress(0.9 + (total > 0 ? (0.1 * done) / total : 0), `precomputing ${step}`),
        );
        return { ...summary, pages };
      }),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/jobs/:id',
    summary: 'progress and status of a background job (an analysis run)',
    tag: 'analysis',
    scope: 'read',
    params: z.object({ id: z.string().uuid() }),
    response: jobView,
    handler: async ({ jobs, params }) => jobs.get(params.id),
  }),
];
