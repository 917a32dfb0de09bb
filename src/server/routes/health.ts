import { z } from 'zod';
import { defineRoute } from '../route.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'liveness and database reachability (no authentication)',
    tag: 'system',
    scope: null,
    response: z.object({ status: z.literal('ok'), database: z.string() }),
    handler: async ({ app }) => {
      await app.warehouse.query({ sql: 'SELECT 1 AS one', params: [] });
      return { status: 'ok' as const, database: app.warehouse.location };
    },
  }),
];
