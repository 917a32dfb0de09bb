import type { LoggedChange } from '../../segments/store/membership-log.js';

/** The JSON body of a delivery. */
export interface WebhookPayload {
  /** The delivery id, also the idempotency key. */
  readonly id: string;
  readonly type: 'segment.entered' | 'segment.exited';
  readonly segment: { readonly id: number; readonly name: string; readonly version: number };
  readonly customer_id: string;
  /** When the change happened (ISO 8601, UTC). */
  readonly occurred_at: string;
  /** What caused it: event, time, profile, definition, startup or batch. */
  readonly source: string;
  /** The conditions whose value changed. */
  readonly conditions: readonly { readonly path: string; readonly from: boolean; readonly to: boolean }[];
  /** Position in the membership log: orders deliveries for one customer. */
  readonly sequence: number;
}

/** Delivery ids are stable (webhook + log position), so a retried delivery carries the same key. */
export const deliveryId = (webhookId: number, seq: number): string => `wh${webhookId}-${seq}`;

export function payloadOf(webhookId: number, c: LoggedChange): WebhookPayload {
  return {
    id: deliveryId(webhookId, c.seq),
    type: c.change === 'entered' ? 'segment.entered' : 'segment.exited',
    segment: { id: c.segment.id, name: c.segment.name, version: c.segment.version },
    customer_id: c.customerId,
    occurred_at: new Date(c.at).toISOString(),
    source: c.source,
    conditions: c.conditions,
    sequence: c.seq,
  };
}
