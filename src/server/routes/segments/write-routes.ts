import { z } from 'zod';
import { invalidInput, notFound, SegmentaError } from '../../../core/errors.js';
import { defineSegment, readStatus, type SegmentRecord } from '../../../segments/index.js';
import { findSegment } from '../../../segments/store/segment-store.js';
import { defineRoute, type RouteContext } from '../../route.js';
import { answeringIssues, definitionAndNote, parseDefinition } from './definition-input.js';
import { segmentView, statusView } from './segment-view.js';

/** Names the builder routes take: a segment named so could not be read at /v1/segments/NAME. */
const RESERVED = new Set(['fields', 'schema', 'preview']);

const body = z
  .looseObject({ note: z.string().max(2_000).optional().describe('why (kept in the edit history)') })
  .describe('a SegmentDefinition (GET /v1/segments/schema) plus an optional `note`');

/**
 * Save (validated first, nothing saved when it does not validate) and evaluate at once: through the live runtime
 * when the server runs one, so live membership and webhooks follow the edit, else in the warehouse (batch).
 */
async function save(
  ctx: RouteContext<unknown, unknown, unknown>,
  definition: Record<string, unknown>,
  options: { update: boolean; note: string | undefined },
) {
  const wh = ctx.app.warehouse;
  const parsed = await parseDefinition(wh, definition);
  const note = options.note !== undefined ? { note: options.note } : {};
  let segment: SegmentRecord;
  let size: number;
  if (ctx.runtime) {
    segment = await ctx.runtime.saveSegment(parsed.definition, { update: options.update, ...note });
    size = ctx.runtime.size(segment.name);
  } else {
    const r = await defineSegment(wh, parsed.definition, {
      update: options.update,
      now: Date.now(),
      ...note,
    });
    segment = r.segment;
    size = r.evaluation.size;
  }
  const status = (await readStatus(wh)).get(segment.id);
  return { ...segmentView(segment), size, status: statusView(status) };
}

/** Create a rule segment, or save a new version of one (issue 7). */
export const writeRoutes = [
  defineRoute({
    method: 'POST',
    path: '/v1/segments',
    summary: 'create a rule segment from a definition and evaluate it; 409 when the name is taken',
    tag: 'segments',
    scope: 'write',
    status: 201,
    body,
    handler: async (ctx) =>
      answeringIssues(ctx.reply, async () => {
        const { definition, note } = definitionAndNote(ctx.body);
        const name = definition.name;
        if (typeof name === 'string' && RESERVED.has(name))
          throw invalidInput(
            `name: "${name}" is reserved by the API (/v1/segments/${name}); pick another name`,
          );
        const existing = typeof name === 'string' ? await findSegment(ctx.app.warehouse, name) : undefined;
        if (existing) {
          throw new SegmentaError(
            'conflict',
            `segment "${existing.name}" already exists (version ${existing.version}): use PUT /v1/segments/${existing.name} to save a new version`,
          );
        }
        return save(ctx as RouteContext<unknown, unknown, unknown>, definition, { update: false, note });
      }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/v1/segments/:name',
    summary: 'save a new version of a rule segment (every version is kept) and re-evaluate it',
    tag: 'segments',
    scope: 'write',
    params: z.object({ name: z.string().min(1) }),
    body,
    handler: async (ctx) =>
      answeringIssues(ctx.reply, async () => {
        const { definition, note } = definitionAndNote(ctx.body);
        const name = ctx.params.name;
        if (!(await findSegment(ctx.app.warehouse, name)))
          throw notFound(`segment "${name}" does not exist`, 'create it with POST /v1/segments');
        if (definition.name === undefined) definition.name = name;
        else if (definition.name !== name) {
          throw invalidInput(
            `name: the definition is named ${JSON.stringify(definition.name)} but the URL says "${name}"; a segment cannot be renamed`,
          );
        }
        return save(ctx as RouteContext<unknown, unknown, unknown>, definition, { update: true, note });
      }),
  }),
];
