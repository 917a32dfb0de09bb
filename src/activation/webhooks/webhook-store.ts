import { randomBytes } from 'node:crypto';
import { notFound, SegmentaError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { deliveriesDue, webhooksChanged } from './webhook-signals.js';

export interface Webhook {
  readonly id: number;
  readonly name: string;
  readonly url: string;
  readonly secret: string;
  /** Only this segment's changes; null: every segment. */
  readonly segmentId: number | null;
  readonly onEnter: boolean;
  readonly onExit: boolean;
  readonly active: boolean;
  readonly createdAt: number;
}

/** What listings show: everything but the secret. */
export type WebhookInfo = Omit<Webhook, 'secret'>;

export const withoutSecret = ({ secret: _secret, ...w }: Webhook): WebhookInfo => w;

/** A generated signing secret: 32 random bytes, base64url (43 characters). */
export const generateSecret = (): string => randomBytes(32).toString('base64url');

export interface NewWebhook {
  readonly name: string;
  readonly url: string;
  readonly secret: string;
  readonly segmentId?: number | null;
  readonly onEnter?: boolean;
  readonly onExit?: boolean;
}

/** Register a webhook. URLs must be http(s); secrets at least 16 characters; names unique. */
export async function addWebhook(wh: Warehouse, w: NewWebhook, now: number): Promise<Webhook> {
  let url: URL;
  try {
    url = new URL(w.url);
  } catch {
    throw new SegmentaError(
      'invalid_input',
      `webhook url: expected an absolute http(s) URL, got ${JSON.stringify(w.url)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SegmentaError('invalid_input', `webhook url: expected http or https, got ${url.protocol}`);
  }
  if (w.secret.length < 16)
    throw new SegmentaError('invalid_input', 'webhook secret: expected at least 16 characters');
  if (w.name.trim() === '') throw new SegmentaError('invalid_input', 'webhook name: expected a name');
  if (w.onEnter === false && w.onExit === false)
    throw new SegmentaError(
      'invalid_input',
      'webhook: onEnter and onExit are both off, so it would never fire',
    );
  const created = await wh.transaction(async () => {
    const same = await wh.query({ sql: 'SELECT webhook_id FROM webhooks WHERE name = $1', params: [w.name] });
    if (same.rowCount > 0) {
      throw new SegmentaError(
        'conflict',
        `webhook "${w.name}" already exists (id ${Number(same.columns.webhook_id![0])})`,
        'pick another name, or remove the old one first',
      );
    }
    const max = await wh.query({ sql: 'SELECT coalesce(max(webhook_id), 0) AS m FROM webhooks', params: [] });
    const id = Number(max.columns.m![0]) + 1;
    await wh.execute('INSERT INTO webhooks VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)', [
      id,
      w.name,
      w.url,
      w.secret,
      w.segmentId ?? null,
      w.onEnter ?? true,
      w.onExit ?? true,
      new Date(now),
    ]);
    return (await listWebhooks(wh)).find((x) => x.id === id)!;
  });
  webhooksChanged(wh);
  return created;
}

/** Every webhook, active or not, by id (with secrets: for the dispatcher, never for listings). */
export async function listWebhooks(wh: Warehouse): Promise<Webhook[]> {
  const t = await wh.query({
    sql: `SELECT webhook_id, name, url, secret, segment_id, on_enter, on_exit, active, created_at
      FROM webhooks ORDER BY webhook_id`,
    params: [],
  });
  const c = t.columns;
  return Array.from({ length: t.rowCount }, (_, i) => ({
    id: Number(c.webhook_id![i]),
    name: String(c.name![i]),
    url: String(c.url![i]),
    secret: String(c.secret![i]),
    segmentId: c.segment_id![i] === null ? null : Number(c.segment_id![i]),
    onEnter: c.on_enter![i] === true,
    onExit: c.on_exit![i] === true,
    active: c.active![i] === true,
    createdAt: Number(c.created_at![i]),
  }));
}

/**
 * Stop a webhook: no new deliveries are written for it; pending ones are not sent (the dispatcher skips
 * inactive webhooks) and stay in the outbox. Kept, not deleted, so its deliveries still name it.
 */
export async function deactivateWebhook(wh: Warehouse, id: number): Promise<WebhookInfo> {
  const n = await wh.execute('UPDATE webhooks SET active = false WHERE webhook_id = $1', [id]);
  if (n === 0) throw notFound(`webhook ${id} does not exist`, 'segmenta webhooks list shows the ids');
  webhooksChanged(wh);
  return withoutSecret((await listWebhooks(wh)).find((w) => w.id === id)!);
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface Delivery {
  readonly id: string;
  readonly webhookId: number;
  readonly webhook: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: number | null;
  readonly deliveredAt: number | null;
  readonly createdAt: number;
  readonly payload: unknown;
}

export interface DeliveryCounts {
  readonly pending: number;
  readonly delivered: number;
  readonly dead: number;
}

const ms = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Deliveries in the outbox, newest first: all, or one status, or one webhook's. */
export async function listDeliveries(
  wh: Warehouse,
  filter: { status?: DeliveryStatus; webhookId?: number; limit?: number; offset?: number } = {},
): Promise<{ total: number; items: Delivery[] }> {
  // Ids bound as BIGINT: one past INTEGER matches nothing instead of failing the cast.
  const where = `(CAST($1 AS VARCHAR) IS NULL OR d.status = $1) AND (CAST($2 AS BIGINT) IS NULL OR d.webhook_id = CAST($2 AS BIGINT))`;
  const params = [filter.status ?? null, filter.webhookId ?? null];
  const total = await wh.query({
    sql: `SELECT count(*) AS n FROM webhook_deliveries d WHERE ${where}`,
    params,
  });
  const t = await wh.query({
    sql: `SELECT d.delivery_id, d.webhook_id, w.name, d.status, d.attempts, d.last_error, d.next_attempt_at,
        d.delivered_at, d.created_at, d.payload
      FROM webhook_deliveries d LEFT JOIN webhooks w ON w.webhook_id = d.webhook_id
      WHERE ${where} ORDER BY d.log_seq DESC, d.webhook_id LIMIT $3 OFFSET $4`,
    params: [...params, filter.limit ?? 100, filter.offset ?? 0],
  });
  const c = t.columns;
  return {
    total: Number(total.columns.n![0]),
    items: Array.from({ length: t.rowCount }, (_, i) => ({
      id: String(c.delivery_id![i]),
      webhookId: Number(c.webhook_id![i]),
      webhook: String(c.name![i]),
      status: String(c.status![i]) as DeliveryStatus,
      attempts: Number(c.attempts![i]),
      lastError: c.last_error![i] === null ? null : String(c.last_error![i]),
      nextAttemptAt: ms(c.next_attempt_at![i]),
      deliveredAt: ms(c.delivered_at![i]),
      createdAt: Number(c.created_at![i]),
      payload: JSON.parse(String(c.payload![i])) as unknown,
    })),
  };
}

export async function deliveryCounts(wh: Warehouse): Promise<DeliveryCounts> {
  const t = await wh.query({
    sql: 'SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status',
    params: [],
  });
  const by = new Map<string, number>();
  for (let i = 0; i < t.rowCount; i++) by.set(String(t.columns.status![i]), Number(t.columns.n![i]));
  return { pending: by.get('pending') ?? 0, delivered: by.get('delivered') ?? 0, dead: by.get('dead') ?? 0 };
}

/**
 * Put dead deliveries (all, one webhook's, or one) back in the queue, due at `now`, with their attempts reset;
 * a running dispatcher on this warehouse is nudged to send them at once. Returns how many.
 */
export async function redriveDeliveries(
  wh: Warehouse,
  filter: { webhookId?: number; deliveryId?: string },
  now: number,
): Promise<number> {
  const n = await wh.execute(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1
      WHERE status = 'dead' AND (CAST($2 AS BIGINT) IS NULL OR webhook_id = CAST($2 AS BIGINT))
        AND (CAST($3 AS VARCHAR) IS NULL OR delivery_id = $3)`,
    [new Date(now), filter.webhookId ?? null, filter.deliveryId ?? null],
  );
  if (n > 0) deliveriesDue(wh);
  return n;
}
