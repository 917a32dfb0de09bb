import { z } from 'zod';
import { listClvModels } from '../../analysis/clv/model-store.js';
import { hiddenPatterns, type PatternKind, segmentationOfRun } from '../../analysis/patterns/index.js';
import { getRun } from '../../analysis/runs.js';
import { segmentationRelation } from '../../analysis/segment-queries.js';
import { defineRoute } from '../route.js';
import { runQuery } from '../schemas.js';

const KINDS = ['weekday_hour', 'category_channel', 'creative'] as const satisfies readonly PatternKind[];

export const patternRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/patterns',
    summary:
      'hidden-pattern statements of a segmentation (weekday×hour, category×channel, creative response)',
    tag: 'analysis',
    scope: 'read',
    query: runQuery.extend({
      segmentation: z.string().min(1).default('rfm'),
      kind: z.enum(KINDS).optional().describe('only this kind of pattern'),
      limit: z.coerce.number().int().min(1).max(200).default(20),
    }),
    handler: async ({ app, query, memo }) => {
      const run = await getRun(app.warehouse, query.run);
      // An unknown segmentation (built-in or clustering) is a 404, as in /v1/segmentations/:name.
      await segmentationRelation(app.warehouse, query.segmentation, 1);
      const found = await memo.get(
        `patterns:${run.runId}:${run.startedAt}:${query.segmentation}:${query.kind ?? '*'}`,
        () =>
          hiddenPatterns(app.warehouse, {
            segments: segmentationOfRun(run.runId, query.segmentation),
            asOf: run.asOf,
            kinds: query.kind ? [query.kind] : [...KINDS],
          }),
        { persist: true },
      );
      return {
        run: run.runId,
        segmentation: query.segmentation,
        ...found,
        statements: found.statements.slice(0, query.limit),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/clv/models',
    summary: 'the fitted CLV models with their holdout evaluation',
    tag: 'analysis',
    scope: 'read',
    handler: async ({ app }) => ({ items: await listClvModels(app.warehouse) }),
  }),
];
