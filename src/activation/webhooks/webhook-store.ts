import { SegmentaError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

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
}

export interface NewWebhook {
  readonly name: string;
  readonly url: string;
  readonly secret: string;
  readonly segmentId?: number | null;
  readonly onEnter?: boolean;
  readonly onExit?: boolean;
}

/** Register a webhook. URLs must be http(s); secrets at least 16 characters. */
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
  return wh.transaction(async () => {
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
}

export async function listWebhooks(wh: Warehouse): Promise<Webhook[]> {
  const t = await wh.query({
    sql: 'SELECT webhook_id, name, url, secret, segment_id, on_enter, on_exit, active FROM webhooks ORDER BY webhook_id',
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
  }));
}
