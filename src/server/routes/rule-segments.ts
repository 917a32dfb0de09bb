import { z } from 'zod';
import {
  getSegment,
  listSegments,
  readStatus,
  segmentHistory,
  segmentVersions,
} from '../../segments/index.js';
import { defineRoute } from '../route.js';
import { builderRoutes } from './segments/builder-routes.js';
import { memberRoutes } from './segments/member-routes.js';
import { writeRoutes } from './segments/write-routes.js';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/**
 * Rule segments (issues 6 and 7): list with freshness, one segment with its version history, its membership log;
 * the builder's fields, schema and preview count, create and edit (`segments/write-routes.ts`), members, export,
 * quality and explanations (`segments/member-routes.ts`).
 */
export const ruleSegmentRoutes = [
  ...builderRoutes,
  ...writeRoutes,
  ...memberRoutes,
  defineRoute({
    method: 'GET',
    path: '/v1/segments',
    summary: 'rule segments with their current definition, size and freshness',
    tag: 'segments',
    scope: 'read',
    handler: async ({ app }) => {
      const [all, status] = await Promise.all([listSegments(app.warehouse), readStatus(app.warehouse)]);
      return {
        items: all.map((s) => {
          const st = status.get(s.id);
          return {
            name: s.name,
            version: s.version,
            definition: s.definition,
            updatedAt: iso(s.updatedAt),
            size: st?.size ?? null,
            mode: st?.mode ?? null,
            evaluatedAt: iso(st?.evaluatedAt),
            error: st?.error ?? null,
          };
        }),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name',
    summary: 'one rule segment: current definition, status and every saved version',
    tag: 'segments',
    scope: 'read',
    params: z.object({ name: z.string().min(1) }),
    handler: async ({ app, params }) => {
      const s = await getSegment(app.warehouse, params.name);
      const [versions, status] = await Promise.all([
        segmentVersions(app.warehouse, s.id),
        readStatus(app.warehouse),
      ]);
      return {
        ...s,
        createdAt: iso(s.createdAt),
        updatedAt: iso(s.updatedAt),
        status: status.get(s.id) ?? null,
        versions: versions.map((v) => ({ ...v, createdAt: iso(v.createdAt) })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/:name/log',
    summary: 'membership log of a rule segment (who entered and left, when, why), newest first',
    tag: 'segments',
    scope: 'read',
    params: z.object({ name: z.string().min(1) }),
    query: z.object({
      customer: z.string().min(1).optional().describe('only this customer'),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
    handler: async ({ app, params, query }) => {
      const s = await getSegment(app.warehouse, params.name);
      return {
        segment: s.name,
        items: await segmentHistory(app.warehouse, s.id, {
          limit: query.limit,
          ...(query.customer !== undefined ? { customerId: query.customer } : {}),
        }),
      };
    },
  }),
];
