import { z } from 'zod';
import {
  addWebhook,
  deactivateWebhook,
  deliveryCounts,
  generateSecret,
  listDeliveries,
  listWebhooks,
  redriveDeliveries,
  type WebhookInfo,
  withoutSecret,
} from '../../activation/webhooks/webhook-store.js';
import { getSegment, listSegments } from '../../segments/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { defineRoute } from '../route.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Webhook ids are INTEGER in the warehouse: anything else is refused with one exact message, never sent on. */
const MAX_WEBHOOK_ID = 2_147_483_647;
const WEBHOOK_ID = { error: `expected a webhook id: an integer from 1 to ${MAX_WEBHOOK_ID}` };
const webhookId = z.number(WEBHOOK_ID).int(WEBHOOK_ID).min(1, WEBHOOK_ID).max(MAX_WEBHOOK_ID, WEBHOOK_ID);
const webhookIdText = z.coerce
  .number(WEBHOOK_ID)
  .int(WEBHOOK_ID)
  .min(1, WEBHOOK_ID)
  .max(MAX_WEBHOOK_ID, WEBHOOK_ID);

async function view(wh: Warehouse, hooks: readonly WebhookInfo[]) {
  const names = new Map((await listSegments(wh)).map((s) => [s.id, s.name]));
  return hooks.map((w) => ({
    ...w,
    segment: w.segmentId === null ? null : (names.get(w.segmentId) ?? null),
    createdAt: iso(w.createdAt),
  }));
}

/**
 * Enter/exit webhooks (issue 6): register, list (never the secrets), deactivate, the delivery outbox and
 * re-driving dead letters. Admin scope: a webhook sends customer ids to any URL.
 */
export const webhookRoutes = [
  defineRoute({
    method: 'GET',
    path: '/v1/webhooks',
    summary: 'registered webhooks (without their secrets) and the outbox counts',
    tag: 'webhooks',
    scope: 'admin',
    handler: async ({ app }) => ({
      items: await view(app.warehouse, (await listWebhooks(app.warehouse)).map(withoutSecret)),
      deliveries: await deliveryCounts(app.warehouse),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/webhooks',
    summary:
      'register a webhook for segment enter/exit changes; the signing secret is generated when not given and returned once',
    tag: 'webhooks',
    scope: 'admin',
    status: 201,
    body: z.strictObject({
      name: z.string().min(1).max(100),
      url: z.string().min(1).describe('absolute http(s) URL the deliveries are POSTed to'),
      secret: z
        .string()
        .min(16)
        .max(200)
        .optional()
        .describe('HMAC key, at least 16 characters; generated when absent'),
      segment: z.string().min(1).optional().describe('only this segment (by name); default every segment'),
      onEnter: z.boolean().default(true),
      onExit: z.boolean().default(true),
    }),
    handler: async ({ app, body }) => {
      const segmentId =
        body.segment === undefined ? null : (await getSegment(app.warehouse, body.segment)).id;
      const secret = body.secret ?? generateSecret();
      const w = await addWebhook(
        app.warehouse,
        { name: body.name, url: body.url, secret, segmentId, onEnter: body.onEnter, onExit: body.onExit },
        Date.now(),
      );
      const [shown] = await view(app.warehouse, [withoutSecret(w)]);
      return { ...shown, secret, secretGenerated: body.secret === undefined };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/v1/webhooks/:id',
    summary: 'deactivate a webhook: no new deliveries, pending ones are not sent (kept with their history)',
    tag: 'webhooks',
    scope: 'admin',
    params: z.object({ id: webhookIdText }),
    handler: async ({ app, params }) => {
      const [shown] = await view(app.warehouse, [await deactivateWebhook(app.warehouse, params.id)]);
      return shown;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/v1/webhooks/deliveries',
    summary: 'the delivery outbox, newest first: pending, delivered or dead-lettered deliveries',
    tag: 'webhooks',
    scope: 'admin',
    query: z.object({
      status: z.enum(['pending', 'delivered', 'dead']).optional(),
      webhook: webhookIdText.optional().describe('only this webhook id'),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async ({ app, query }) => {
      const r = await listDeliveries(app.warehouse, {
        limit: query.limit,
        offset: query.offset,
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.webhook !== undefined ? { webhookId: query.webhook } : {}),
      });
      return {
        total: r.total,
        counts: await deliveryCounts(app.warehouse),
        items: r.items.map((d) => ({
          ...d,
          nextAttemptAt: iso(d.nextAttemptAt),
          deliveredAt: iso(d.deliveredAt),
          createdAt: iso(d.createdAt),
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/v1/webhooks/deliveries/redrive',
    summary: 're-drive dead-lettered deliveries (all, one webhook, or one delivery): queued again, due now',
    tag: 'webhooks',
    scope: 'admin',
    body: z
      .strictObject({
        webhook: webhookId.optional(),
        delivery: z.string().min(1).optional(),
      })
      .default({}),
    handler: async ({ app, body }) => ({
      redriven: await redriveDeliveries(
        app.warehouse,
        {
          ...(body.webhook !== undefined ? { webhookId: body.webhook } : {}),
          ...(body.delivery !== undefined ? { deliveryId: body.delivery } : {}),
        },
        Date.now(),
      ),
    }),
  }),
];
