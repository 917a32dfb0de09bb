import { z } from 'zod';
import { invalidInput } from '../../../core/errors.js';
import { FieldCatalogue, previewSegment, segmentJsonSchema } from '../../../segments/index.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';
import { defineRoute } from '../../route.js';
import { answeringIssues, parseDefinition } from './definition-input.js';
import { universeSize } from './universe.js';

/** The name a preview validates with when the draft has none yet. */
const DRAFT_NAME = 'draft';

async function eventTypes(wh: Warehouse): Promise<{ type: string; count: number }[]> {
  const t = await wh.query({
    sql: 'SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type',
    params: [],
  });
  return Array.from({ length: t.rowCount }, (_, i) => ({
    type: String(t.columns.type![i]),
    count: Number(t.columns.n![i]),
  }));
}

/** What the dashboard's segment builder needs: fields to pick from, the rule format, a live count. */
export const builderRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/segments/fields',
    summary: 'fields rules can name (attributes, traits.KEY, scores) and the event types with their counts',
    tag: 'segments',
    scope: 'read',
    handler: async ({ app, memo }) =>
      memo.get(
        'segments:fields',
        async () => {
          const fields = (await FieldCatalogue.load(app.warehouse)).list();
          return {
            fields: fields.map((f) => ({ name: f.name, source: f.source, type: f.type })),
            eventTypes: await eventTypes(app.warehouse),
          };
        },
        { ttlMs: 30_000 },
      ),
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/segments/schema',
    summary: 'the JSON schema of a segment definition',
    tag: 'segments',
    scope: 'read',
    handler: async () => segmentJsonSchema(),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/segments/preview',
    summary:
      'count the customers a draft definition selects now, with a few ids; nothing is saved (the builder calls it as you type)',
    tag: 'segments',
    scope: 'read',
    body: z.looseObject({
      definition: z
        .unknown()
        .optional()
        .describe('a SegmentDefinition (GET /v1/segments/schema); `name` is optional here'),
    }),
    handler: async ({ app, body, reply }) =>
      answeringIssues(reply, async () => {
        const started = performance.now();
        const draft = body.definition;
        if (draft === undefined) throw invalidInput('body.definition: required');
        const input =
          draft !== null && typeof draft === 'object' && !Array.isArray(draft) && !('name' in draft)
            ? { ...draft, name: DRAFT_NAME }
            : draft;
        const parsed = await parseDefinition(app.warehouse, input);
        const asOf = Date.now();
        const preview = await previewSegment(app.warehouse, parsed.plan, asOf);
        const customers = await universeSize(app.warehouse);
        return {
          count: preview.count,
          customers,
          sample: preview.sample,
          ms: Math.round((performance.now() - started) * 10) / 10,
          asOf: new Date(asOf).toISOString(),
        };
      }),
  }),
];
